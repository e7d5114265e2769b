"""Map features, one small class each: a template, its assets, its options and data.

:mod:`~mapper.render.features.base` holds what they share (inlined assets, safe templates,
the map class); :mod:`~mapper.render.features.incidents` the incident canvas layer and the
heatmap; :mod:`~mapper.render.features.borders` countries, regions, choropleth, towns and
minimap; :mod:`~mapper.render.features.controls` the title, tools, side panel, time window
and attribution. ``mapper.js`` and ``mapper.css`` beside them are inlined into every map.
"""

from __future__ import annotations

from mapper.render.features.base import Feature, IncidentMap, Raw, page_of, require_assets
from mapper.render.features.borders import (
    AreaBorders,
    BorderLayer,
    Bounds,
    Choropleth,
    Countries,
    MiniMap,
    Towns,
    area_borders,
    towns_near,
)
from mapper.render.features.controls import (
    Attribution,
    Finish,
    LayerSwitch,
    LegendType,
    SidePanel,
    TimeWindow,
    Title,
    Tools,
)
from mapper.render.features.incidents import (
    EVENT_STYLES,
    SIZES,
    EventStyle,
    HeatLayer,
    Incidents,
)

__all__ = [
    "EVENT_STYLES",
    "SIZES",
    "AreaBorders",
    "Attribution",
    "BorderLayer",
    "Bounds",
    "Choropleth",
    "Countries",
    "EventStyle",
    "Feature",
    "Finish",
    "HeatLayer",
    "IncidentMap",
    "Incidents",
    "LayerSwitch",
    "LegendType",
    "MiniMap",
    "Raw",
    "SidePanel",
    "TimeWindow",
    "Title",
    "Tools",
    "Towns",
    "area_borders",
    "page_of",
    "require_assets",
    "towns_near",
]
