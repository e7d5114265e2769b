"""Border features: countries and first-level regions around the incidents, a choropleth
of incidents per region, and a minimap.

Borders come from the bundled Natural Earth layers (:mod:`gazetteer.borders`). Only the
area around the incidents is kept (:func:`area_borders`: the view plus a margin, cut to
that box and simplified to suit its size), so a map of one valley does not carry the
world. Exclaves are drawn as the data has them: Vorukh, Sokh and Shakhimardan as holes
in Batken and parts of their own countries, the Baikonur lease as its own region.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from folium.map import Layer

from mapper.errors import GazetteerDataError
from mapper.render.features.base import Feature, template
from mapper.render.points import MapPoint

__all__ = [
    "CHOROPLETH_COLORS",
    "AreaBorders",
    "BorderLayer",
    "Bounds",
    "Choropleth",
    "MiniMap",
    "area_borders",
    "choropleth_classes",
    "with_counts",
    "world_outline",
]

#: Sequential colours for incidents per region (ColorBrewer YlOrRd, 5 classes).
CHOROPLETH_COLORS = ("#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026")
DECIMALS = 3


@dataclass(frozen=True)
class Bounds:
    """A box in degrees."""

    south: float
    west: float
    north: float
    east: float

    @classmethod
    def around(cls, points: Sequence[MapPoint], min_span: float = 0.5) -> Bounds | None:
        """The box around ``points``, at least ``min_span`` degrees each way (``None``: none)."""
        if not points:
            return None
        lats, lons = [p.lat for p in points], [p.lon for p in points]
        box = cls(min(lats), min(lons), max(lats), max(lons))
        return box.grown(
            max(0.0, (min_span - box.height) / 2), max(0.0, (min_span - box.width) / 2)
        )

    @property
    def width(self) -> float:
        return self.east - self.west

    @property
    def height(self) -> float:
        return self.north - self.south

    def grown(self, dlat: float, dlon: float) -> Bounds:
        return Bounds(
            max(self.south - dlat, -90.0),
            max(self.west - dlon, -180.0),
            min(self.north + dlat, 90.0),
            min(self.east + dlon, 180.0),
        )

    def with_margin(self, share: float = 1.0, least: float = 5.0) -> Bounds:
        """Grown by ``share`` of its size, and at least ``least`` degrees, each way."""
        return self.grown(max(self.height * share, least), max(self.width * share, least))

    def leaflet(self) -> list[list[float]]:
        """``[[south, west], [north, east]]``."""
        return [[self.south, self.west], [self.north, self.east]]


@dataclass(frozen=True)
class AreaBorders:
    """Countries and regions within a box, as GeoJSON, and the region shapes by id."""

    countries: dict[str, Any]
    regions: dict[str, Any]
    region_ids: tuple[str, ...]
    region_shapes: tuple[Any, ...]

    def counts(self, points: Sequence[MapPoint]) -> dict[str, int]:
        """How many of ``points`` fall in each region, by region id."""
        return dict(zip(self.region_ids, count_in(points, self.region_shapes), strict=True))


def area_borders(view: Bounds) -> AreaBorders:
    """The borders around ``view`` (the box of the incidents).

    Countries are cut to the view grown by its own size each way (5 degrees at least),
    so their cut edges lie beyond the first screen; regions are kept whole when they
    touch the view grown by a quarter (1 degree at least), so no cut edge is drawn
    among them. Both are simplified to suit the size of the area.
    """

    from gazetteer.borders import admin1_frame, country_frame

    names = country_names()
    outer, inner = view.with_margin(1.0, 5.0), view.with_margin(0.25, 1.0)
    countries = _within(country_frame(), outer)
    regions = _within(admin1_frame(), inner)
    region_shapes = regions.geometry.values
    region_props = [
        {"id": str(i), "label": f"{n}, {names.get(c, c)}" if c else str(n)}
        for i, n, c in zip(regions["id"], regions["name"], regions["country"], strict=True)
    ]
    country_props = [
        {"id": str(i), "label": names.get(c, c)}
        for i, c in zip(countries["id"], countries["country"], strict=True)
    ]
    country_shapes = _cut(countries.geometry.values, outer)
    return AreaBorders(
        countries=_collection(_simplified(country_shapes, inner, 4000, 0.02), country_props),
        regions=_collection(_simplified(region_shapes, inner, 4000, 0.02), region_props),
        region_ids=tuple(p["id"] for p in region_props),
        region_shapes=tuple(region_shapes),
    )


def _simplified(shapes: Any, box: Bounds, detail: float, coarsest: float) -> Any:
    """Shapes simplified by 1/``detail`` of the box's size (0.0005 to ``coarsest`` degrees),
    as a coverage when they form one (shared borders stay shared)."""
    import shapely

    tolerance = min(max(max(box.width, box.height) / detail, 0.0005), coarsest)
    try:  # neighbours keep one shared line: no slivers between them
        return shapely.coverage_simplify(shapes, tolerance)
    except (shapely.errors.GEOSException, TypeError, ValueError):
        return shapely.simplify(shapes, tolerance, preserve_topology=True)


def _within(frame: Any, box: Bounds) -> Any:
    import shapely

    rect = shapely.box(box.west, box.south, box.east, box.north)
    return frame.iloc[sorted(frame.sindex.query(rect, predicate="intersects"))]


def _cut(shapes: Any, box: Bounds) -> Any:
    """Shapes cut to ``box``, polygons only (a cut can leave lines and points)."""
    import numpy
    import shapely

    cut = shapely.clip_by_rect(shapes, box.west, box.south, box.east, box.north)
    return numpy.array([_polygonal(shape) for shape in cut], dtype=object)


def _polygonal(shape: Any) -> Any:
    import shapely

    if shape.geom_type in ("Polygon", "MultiPolygon"):
        return shape
    parts = [p for p in shapely.get_parts(shape) if p.geom_type == "Polygon"]
    return shapely.MultiPolygon(parts) if parts else shapely.Polygon()


def _collection(shapes: Any, properties: Sequence[dict[str, Any]]) -> dict[str, Any]:
    features = [
        {"type": "Feature", "geometry": _geometry(shape), "properties": props}
        for shape, props in zip(shapes, properties, strict=True)
        if not shape.is_empty
    ]
    return {"type": "FeatureCollection", "features": features}


def _geometry(shape: Any, decimals: int = DECIMALS) -> dict[str, Any]:
    import numpy
    import shapely
    from shapely.geometry import mapping

    return mapping(shapely.transform(shape, lambda xy: numpy.round(xy, decimals)))


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """English country names by ISO alpha-2 code, from the bundled gazetteer."""
    from gazetteer import Gazetteer

    try:
        rows = Gazetteer.bundled().database.execute(
            "SELECT country, name FROM places WHERE kind = 'country' ORDER BY population DESC"
        )
        names: dict[str, str] = {}
        for code, name in rows:
            names.setdefault(code, name)
        return names
    except sqlite3.Error as err:
        raise GazetteerDataError(f"cannot read country names from the gazetteer ({err})") from err


def count_in(points: Sequence[MapPoint], shapes: Sequence[Any]) -> list[int]:
    """How many of ``points`` fall in each of ``shapes``."""
    import shapely

    counts = [0] * len(shapes)
    if not points or not len(shapes):
        return counts
    tree = shapely.STRtree(list(shapes))
    xy = shapely.points([(p.lon, p.lat) for p in points])
    _, hits = tree.query(xy, predicate="intersects")
    for index in hits:
        counts[int(index)] += 1
    return counts


def choropleth_classes(counts: Sequence[int]) -> list[int]:
    """Lower bounds of up to five classes of non-zero counts, on a geometric scale."""
    top = max(counts, default=0)
    if top <= len(CHOROPLETH_COLORS):
        return list(range(1, top + 1))
    steps = len(CHOROPLETH_COLORS)
    return sorted({max(1, round(top ** (i / steps))) for i in range(steps)})


@lru_cache(maxsize=1)
def world_outline() -> dict[str, Any]:
    """Coarse outlines of the larger land masses, for the minimap (about 170 kB)."""
    import shapely

    from gazetteer.borders import country_frame

    parts = shapely.get_parts(country_frame().geometry.values)
    parts = parts[shapely.area(parts) > 1.0]
    rings = shapely.polygons(shapely.get_exterior_ring(parts))
    outlines = shapely.simplify(rings, 0.2, preserve_topology=True)
    return _collection(outlines, [{} for _ in outlines])


class BorderLayer(Feature, Layer):
    """Country or region borders with their names on hover; toggleable."""

    _template = template(
        """
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = MapperMap.borderLayer({{ this.map_name }}, {
  data: {{ this.data_id|js }}, style: {{ this.style|js }}, order: {{ this.order|js }},
  count: {{ this.count|js }}
});
{% if this.show %}
{{ this.get_name() }}.addTo({{ this.map_name }});
{% endif %}
{% endmacro %}
"""
    )

    def __init__(
        self,
        name: str,
        collection: dict[str, Any],
        *,
        style: dict[str, Any],
        order: int,
        count: bool = False,
        show: bool = True,
    ):
        super().__init__(name=name, overlay=True, control=True, show=show)
        self._name = "BorderLayer"
        self.collection = collection
        self.style = style
        self.order = order
        self.count = count

    def data(self) -> dict[str, Any]:
        return self.collection


class Choropleth(Feature, Layer):
    """Regions filled by how many incidents fall in them.

    With ``source`` (the regions layer, whose features carry the counts) the regions are
    read from that layer's data, not written into the page twice; the choropleth is then
    not interactive, as the regions layer above it names the regions on hover.
    """

    _template = template(
        """
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = MapperMap.borderLayer({{ this.map_name }}, {
  data: {{ this.source_id|js }}, style: {{ this.style|js }}, order: 1, count: true,
  breaks: {{ this.breaks|js }}, colors: {{ this.colors|js }}
});
{% if this.show %}
{{ this.get_name() }}.addTo({{ this.map_name }});
{% endif %}
{% endmacro %}
"""
    )

    def __init__(
        self,
        regions: dict[str, Any],
        counts: dict[str, int],
        *,
        source: BorderLayer | None = None,
    ):
        super().__init__(name="Incidents per region", overlay=True, control=True, show=True)
        self._name = "Choropleth"
        self.breaks = choropleth_classes(list(counts.values()))
        self.colors = list(CHOROPLETH_COLORS[-len(self.breaks) :]) if self.breaks else []
        self.collection = with_counts(regions, counts)
        self.source = source
        self.style = {"stroke": False, "fillOpacity": 0.45, "interactive": source is None}

    @property
    def source_id(self) -> str:
        return self.source.data_id if self.source is not None else self.data_id

    def classes(self) -> list[tuple[str, str]]:
        """(label, colour) per class, for the legend."""
        out = []
        for i, (low, color) in enumerate(zip(self.breaks, self.colors, strict=True)):
            high = self.breaks[i + 1] - 1 if i + 1 < len(self.breaks) else None
            label = str(low) if high == low else f"{low}–{high}" if high else f"{low} or more"
            out.append((label, color))
        return out

    def data(self) -> dict[str, Any] | None:
        return self.collection if self.source is None else None


def with_counts(collection: dict[str, Any], counts: dict[str, int]) -> dict[str, Any]:
    features = [
        {**f, "properties": {**f["properties"], "count": counts.get(f["properties"]["id"], 0)}}
        for f in collection["features"]
    ]
    return {"type": "FeatureCollection", "features": features}


class MiniMap(Feature):
    """A small overview map (coarse world outlines) in a corner; it can be folded away."""

    assets = ("leaflet", "mapper", "minimap")
    _template = template(
        """
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = MapperMap.minimap({{ this.map_name }}, {
  data: {{ this.data_id|js }}, style: {{ this.style|js }}, options: {{ this.options|js }}
});
{% endmacro %}
"""
    )

    def __init__(self, **options: Any):
        super().__init__()
        self._name = "MiniMap"
        self.style = {"color": "#7a7a7a", "weight": 0.6, "fillColor": "#f2efe6", "fillOpacity": 1}
        self.options = {
            "position": "bottomleft",
            "toggleDisplay": True,
            "zoomLevelOffset": -5,
            "width": 150,
            "height": 150,
            **options,
        }

    def data(self) -> dict[str, Any]:
        return world_outline()
