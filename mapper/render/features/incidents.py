"""Incident features: one layer per event type, the cluster they share, and a heatmap.

Markers are Leaflet circle markers drawn on one canvas (the map prefers canvas), in
the colour and shape of their event type (:data:`EVENT_STYLES`), sized by fatalities
(:data:`SIZES`: area grows with the count). Approximate places (``geo_precision`` 2
or 3) get a pale fill and a dashed outline. Popups are built in the browser from each
feature's properties with DOM text nodes, so no text from an article is read as HTML.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from folium.map import Layer

from mapper.event_types import OTHER_TYPE, TYPES
from mapper.render.features.base import Feature, template
from mapper.render.points import OTHER, MapPoint

__all__ = [
    "EVENT_STYLES",
    "SHAPES",
    "SIZES",
    "EventStyle",
    "HeatLayer",
    "IncidentCluster",
    "IncidentLayer",
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


class IncidentCluster(Feature):
    """The marker cluster the event-type layers share (each is a sub-group of it)."""

    assets = ("leaflet", "mapper", "cluster")
    _template = template(
        """
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = MapperMap.cluster({{ this.map_name }}, {{ this.options|js }});
{{ this.get_name() }}.addTo({{ this.map_name }});
{% endmacro %}
"""
    )

    def __init__(self, **options: Any):
        super().__init__()
        self._name = "IncidentCluster"
        self.options = {
            "chunkedLoading": True,
            "chunkInterval": 500,
            "chunkDelay": 20,
            "showCoverageOnHover": False,
            "maxClusterRadius": 50,
            "spiderfyOnMaxZoom": True,
            **options,
        }


class IncidentLayer(Feature, Layer):
    """The incidents of one event type: a toggleable layer with a legend swatch."""

    _template = template(
        """
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = MapperMap.incidentLayer({{ this.map_name }}, {
  data: {{ this.data_id|js }},
  type: {{ this.event_type|js }},
  style: {{ this.style.to_js()|js }},
  sizes: {{ this.sizes.to_js()|js }},
  cluster: {{ this.cluster.get_name() if this.cluster else "null" }}
});
{% if this.show %}
{{ this.get_name() }}.addTo({{ this.map_name }});
{% endif %}
{% endmacro %}
"""
    )

    def __init__(
        self,
        event_type: str,
        points: Sequence[MapPoint],
        *,
        cluster: IncidentCluster | None = None,
        sizes: Sizes = SIZES,
        show: bool = True,
    ):
        self.event_type = event_type
        self.style = EVENT_STYLES.get(event_type, EVENT_STYLES[OTHER])
        label = f"{swatch_svg(self.style)}{html.escape(event_type)} ({len(points):,})"
        super().__init__(name=f"<span>{label}</span>", overlay=True, control=True, show=show)
        self._name = "IncidentLayer"
        self.points = tuple(points)
        self.cluster = cluster
        self.sizes = sizes

    def data(self) -> dict[str, Any]:
        return {"type": "FeatureCollection", "features": [p.feature() for p in self.points]}


class HeatLayer(Feature, Layer):
    """A heatmap of incident density (one unit per incident), off until switched on."""

    assets = ("leaflet", "mapper", "heat")
    _template = template(
        """
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = MapperMap.heat({{ this.map_name }}, {
  data: {{ this.data_id|js }}, options: {{ this.options|js }}
});
{% if this.show %}
{{ this.get_name() }}.addTo({{ this.map_name }});
{% endif %}
{% endmacro %}
"""
    )

    def __init__(self, points: Sequence[MapPoint], *, show: bool = True, **options: Any):
        super().__init__(name="Heatmap", overlay=True, control=True, show=show)
        self._name = "HeatLayer"
        self.points = tuple(points)
        self.options = {"radius": 20, "blur": 15, "minOpacity": 0.3, "maxZoom": 12, **options}

    def data(self) -> list[list[float]]:
        return [[p.lat, p.lon] for p in self.points]
