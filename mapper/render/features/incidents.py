"""Incident features: every incident on one canvas layer, and a heatmap.

Markers are drawn by mapper.js on one canvas, in the colour and shape of their event type
(:data:`EVENT_STYLES`, from :mod:`mapper.event_types`), sized by fatalities (:data:`SIZES`:
area grows with the count). Approximate places (``geo_precision`` 2 or 3) get a pale fill
and a dashed outline. Popups are built in the browser from each incident's data with DOM
text nodes, so no text from an article is read as HTML.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from mapper.event_types import OTHER_TYPE, TYPES
from mapper.render.features.base import Feature, Raw, page_of, template
from mapper.render.points import OTHER, MapPoint, script_json

__all__ = [
    "EVENT_STYLES",
    "SHAPES",
    "SIZES",
    "EventStyle",
    "HeatLayer",
    "Incidents",
    "Sizes",
    "swatch_svg",
]


def _star(
    points: int = 8, outer: float = 1.35, inner: float = 0.62
) -> tuple[tuple[float, float], ...]:
    out = []
    for i in range(points * 2):
        r, a = (inner if i % 2 else outer), math.pi * i / points - math.pi / 2
        out.append((round(r * math.cos(a), 3), round(r * math.sin(a), 3)))
    return tuple(out)


#: Marker outlines as polygons around (0, 0) for a radius of 1 (``None``: a circle).
SHAPES: dict[str, tuple[tuple[float, float], ...] | None] = {
    "circle": None,
    "square": ((-0.89, -0.89), (0.89, -0.89), (0.89, 0.89), (-0.89, 0.89)),
    "diamond": ((0, -1.25), (1.25, 0), (0, 1.25), (-1.25, 0)),
    "triangle": ((0, -1.35), (1.17, 0.68), (-1.17, 0.68)),
    "triangle-down": ((0, 1.35), (1.17, -0.68), (-1.17, -0.68)),
    "star": _star(),
}


@dataclass(frozen=True)
class EventStyle:
    """How one event type is drawn."""

    color: str
    shape: str

    def to_js(self) -> dict[str, Any]:
        points = SHAPES[self.shape]
        return {"color": self.color, "shape": [list(p) for p in points] if points else None}


#: Colour and shape per event type, from the event registry (:mod:`mapper.event_types`);
#: shapes tell the types apart without colour.
EVENT_STYLES: dict[str, EventStyle] = {
    t.name: EventStyle(t.color, t.shape) for t in (*TYPES, OTHER_TYPE)
}


@dataclass(frozen=True)
class Sizes:
    """Marker radius in pixels: ``base + scale * sqrt(fatalities)``, at most ``max``."""

    base: float = 6.0
    scale: float = 1.6
    max: float = 28.0

    def radius(self, fatalities: int | None) -> float:
        return min(self.base + self.scale * math.sqrt(fatalities or 0), self.max)

    def to_js(self) -> dict[str, float]:
        return {"base": self.base, "scale": self.scale, "max": self.max}


SIZES = Sizes()


def swatch_svg(style: EventStyle, size: int = 14, dashed: bool = False, pale: bool = False) -> str:
    """A small inline SVG of the marker for legends and the layer control."""
    half = size / 2
    fill = f'fill="{style.color}" fill-opacity="{0.3 if pale else 0.85}"'
    stroke = f'stroke="{style.color}" stroke-width="1.5"' if dashed else 'stroke="none"'
    if dashed:
        stroke += ' stroke-dasharray="3 2"'
    points = SHAPES[style.shape]
    scale = half * 0.7
    if points is None:
        shape = f'<circle r="{half * 0.78:g}" {fill} {stroke}/>'
    else:
        coords = " ".join(f"{x * scale:.2f},{y * scale:.2f}" for x, y in points)
        shape = f'<polygon points="{coords}" {fill} {stroke}/>'
    return (
        f'<svg class="mapper-swatch" width="{size}" height="{size}" '
        f'viewBox="{-half:g} {-half:g} {size} {size}" aria-hidden="true">{shape}</svg>'
    )


class Incidents(Feature):
    """Every incident on one canvas layer, hit-tested for popups and tooltips.

    Two data blocks: the positions, event types, sizes, precisions, dates and regions as
    columns (read when the page opens), and each incident's popup data (read when a
    popup, the search, the list or a download first needs it). The popup data is put after
    the map's script (``mapper-late``), so the map is drawn while the browser still reads
    it; one incident a line, so a popup reads only its own line. With ``cluster`` points
    that would overlap are drawn as numbered circles, which open on click.
    """

    _template = template(
        """
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = MapperMap.incidents({{ this.map_name }}, {
  points: {{ this.data_id|js }}, details: {{ this.details_id|js }},
  types: {{ this.type_styles()|js }}, sizes: {{ this.sizes.to_js()|js }},
  cluster: {{ this.cluster|js }}
});
{% endmacro %}
"""
    )

    def __init__(
        self,
        points: Sequence[MapPoint],
        types: Sequence[str],
        *,
        regions: Sequence[int] | None = None,
        cluster: bool = True,
        sizes: Sizes = SIZES,
    ):
        super().__init__()
        self._name = "Incidents"
        self.points = tuple(points)
        self.types = tuple(types)
        self.regions = tuple(regions) if regions is not None else None
        self.cluster = cluster
        self.sizes = sizes

    @property
    def details_id(self) -> str:
        return f"{self.get_name()}_details"

    def type_styles(self) -> list[dict[str, Any]]:
        return [
            {"name": name, **EVENT_STYLES.get(name, EVENT_STYLES[OTHER]).to_js()}
            for name in self.types
        ]

    def data(self) -> dict[str, Any]:
        dates = sorted({p.date for p in self.points if p.date})
        date_index = {d: i for i, d in enumerate(dates)}
        type_index = {t: i for i, t in enumerate(self.types)}
        columns: dict[str, Any] = {
            "lat": [p.lat for p in self.points],
            "lon": [p.lon for p in self.points],
            "t": [type_index[p.event_type] for p in self.points],
            "f": [p.fatalities or 0 for p in self.points],
            "p": [p.geo_precision for p in self.points],
            "d": [date_index[p.date] if p.date else -1 for p in self.points],
            "dates": dates,
        }
        if self.regions is not None:
            columns["g"] = list(self.regions)
        return columns

    # Returns nothing, as branca's MacroElement.render does (branca types Element.render -> str).
    def render(self, **kwargs: Any) -> None:  # type: ignore[override]
        super().render(**kwargs)
        figure = page_of(self)
        rows = ",\n".join(script_json(p.properties()) for p in self.points)
        block = (
            f'<script type="application/json" class="mapper-data mapper-late" '
            f'id="{self.details_id}">[\n{rows}\n]</script>'
        )
        figure.html.add_child(Raw(block), name=self.details_id)


class HeatLayer(Feature):
    """A heatmap of the shown incidents (one unit each); it follows the filters."""

    assets = ("leaflet", "mapper", "heat")
    _template = template(
        """
{% macro script(this, kwargs) %}
MapperMap.addLayer({{ this.map_name }}, "heat", MapperMap.heat({{ this.map_name }}, {
  options: {{ this.options|js }}
}), {{ this.show|js }});
{% endmacro %}
"""
    )

    def __init__(self, *, show: bool = True, **options: Any):
        super().__init__()
        self._name = "HeatLayer"
        self.show = show
        self.options = {"radius": 20, "blur": 15, "minOpacity": 0.3, "maxZoom": 12, **options}
