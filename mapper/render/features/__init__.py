"""Map features, one small class each: a template, its assets, its options and data.

:mod:`~mapper.render.features.base` holds what they share (inlined assets, safe templates,
the map class); :mod:`~mapper.render.features.incidents` the incident layers, cluster and
heatmap; :mod:`~mapper.render.features.borders` the border layers, choropleth and minimap;
:mod:`~mapper.render.features.controls` the title, legend, time slider and attribution.
``mapper.js`` and ``mapper.css`` beside them are inlined into every map.
"""

from __future__ import annotations

from mapper.render.features.base import Feature, IncidentMap, Raw, require_assets
from mapper.render.features.borders import (
    AreaBorders,
    BorderLayer,
    Bounds,
    Choropleth,
    MiniMap,
    area_borders,
)
from mapper.render.features.controls import (
    Attribution,
    Finish,
    Legend,
    LegendType,
    TimeSlider,
    Title,
)
from mapper.render.features.incidents import (
    EVENT_STYLES,
    SIZES,
    EventStyle,
    HeatLayer,
    IncidentCluster,
    IncidentLayer,
)

__all__ = [
    "EVENT_STYLES",
    "SIZES",
    "AreaBorders",
    "Attribution",
    "BorderLayer",
    "Bounds",
    "Choropleth",
    "EventStyle",
    "Feature",
    "Finish",
    "HeatLayer",
    "IncidentCluster",
    "IncidentLayer",
    "IncidentMap",
    "Legend",
    "LegendType",
    "MiniMap",
    "Raw",
    "TimeSlider",
    "Title",
    "area_borders",
    "require_assets",
]
