"""Border features: countries (the whole world, simplified per zoom), first-level regions
around the incidents, a choropleth of incidents per region, labelled towns, and a minimap.

Borders come from the bundled Natural Earth layers (:mod:`gazetteer.borders`): coarse
outlines of every country, and detailed ones in a box around the incidents, used from
:data:`DETAIL_ZOOM` on (:func:`area_borders`), so a map of one valley neither carries the
detailed world nor shows the land ending in a straight edge. Exclaves are drawn as the
data has them: Vorukh, Sokh and Shakhimardan as holes in Batken and parts of their own
countries, the Baikonur lease as its own region.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from mapper.errors import GazetteerDataError
from mapper.render.features.base import Feature, template
from mapper.render.points import MapPoint

__all__ = [
    "CHOROPLETH_COLORS",
    "DETAIL_ZOOM",
    "AreaBorders",
    "BorderLayer",
    "Bounds",
    "Choropleth",
    "Countries",
    "MiniMap",
    "Towns",
    "area_borders",
    "choropleth_classes",
    "region_index",
    "towns_near",
    "with_counts",
    "world_countries",
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
    """Countries (per zoom: see :func:`area_borders`) and the regions around the incidents."""

    countries: dict[str, Any]
    regions: dict[str, Any]
    region_ids: tuple[str, ...]
    region_shapes: tuple[Any, ...]

    def counts(self, points: Sequence[MapPoint]) -> dict[str, int]:
        """How many of ``points`` fall in each region, by region id."""
        return dict(zip(self.region_ids, count_in(points, self.region_shapes), strict=True))

    def region_of(self, points: Sequence[MapPoint]) -> list[int]:
        """The index of the region each of ``points`` falls in (``-1``: none)."""
        return region_index(points, self.region_shapes)


#: From this zoom on, countries are drawn from the detailed borders around the incidents.
DETAIL_ZOOM = 5


def area_borders(view: Bounds) -> AreaBorders:
    """The borders for a map of the incidents in ``view``.

    Countries cover the whole world, drawn per zoom: below :data:`DETAIL_ZOOM` from
    coarse outlines (tiny islands and slivers left out); from there on, within a box
    around the incidents (the view grown by its own size, 8 degrees at least), from the
    detailed borders simplified to suit the box, and outside it still from the coarse
    ones. Fills have no outline and outlines are drawn as lines, so no cut edge shows.
    Regions are kept whole when they touch the view grown by a quarter (1 degree at
    least).
    """

    from gazetteer.borders import admin1_frame, country_frame

    names = country_names()
    outer, inner = view.with_margin(1.0, 8.0), view.with_margin(0.25, 1.0)
    regions = _within(admin1_frame(), inner)
    region_shapes = regions.geometry.values
    region_ids = tuple(str(i) for i in regions["id"])
    region_props = [
        {"id": i, "label": f"{n}, {names.get(c, c)}" if c else str(n), "i": k}
        for k, (i, n, c) in enumerate(
            zip(region_ids, regions["name"], regions["country"], strict=True)
        )
    ]
    countries = _within(country_frame(), outer)
    country_props = [
        {"id": str(i), "label": names.get(c, c), "kind": "country"}
        for i, c in zip(countries["id"], countries["country"], strict=True)
    ]
    detail = _simplified(countries.geometry.values, outer, 4000, 0.02)
    coarse_shapes, coarse_props = world_countries()
    return AreaBorders(
        countries={
            "zoom": DETAIL_ZOOM,
            "outside": _pieces(coarse_shapes, coarse_props, outer, inside=False, decimals=2),
            "coarse": _pieces(coarse_shapes, coarse_props, outer, inside=True, decimals=2),
            "detail": _pieces(detail, country_props, outer, inside=True, decimals=DECIMALS),
        },
        regions=_collection(_simplified(region_shapes, inner, 4000, 0.02), region_props),
        region_ids=region_ids,
        region_shapes=tuple(region_shapes),
    )


@lru_cache(maxsize=1)
def world_countries() -> tuple[tuple[Any, ...], tuple[dict[str, Any], ...]]:
    """Every country, coarse: parts and holes under 0.5 square degrees left out,
    simplified by 0.15 degree (under 2 pixels up to :data:`DETAIL_ZOOM`)."""
    import shapely

    from gazetteer.borders import country_frame

    names = country_names()
    frame = country_frame()
    shapes, props = [], []
    for ident, code, shape in zip(frame["id"], frame["country"], frame.geometry, strict=True):
        parts = []
        for part in shapely.get_parts(shape):
            if part.area < 0.5:
                continue
            holes = [r for r in part.interiors if shapely.Polygon(r).area >= 0.5]
            parts.append(shapely.Polygon(part.exterior, holes))
        if parts:
            whole = shapely.simplify(shapely.MultiPolygon(parts), 0.15, preserve_topology=True)
            shapes.append(whole)
            props.append({"id": str(ident), "label": names.get(code, code), "kind": "country"})
    return tuple(shapes), tuple(props)


def _pieces(
    shapes: Any, props: Sequence[dict[str, Any]], box: Bounds, *, inside: bool, decimals: int
) -> dict[str, Any]:
    """``shapes`` inside ``box`` or outside it: those the box does not cut as they are
    (``whole``), those it cuts as a fill without outline and their outline as lines."""
    import shapely

    rect = shapely.box(box.west, box.south, box.east, box.north)
    whole: list[tuple[Any, dict[str, Any]]] = []
    cut: list[tuple[Any, Any, dict[str, Any]]] = []
    for shape, prop in zip(shapes, props, strict=True):
        if rect.contains(shape):
            if inside:
                whole.append((shape, prop))
            continue
        if not rect.intersects(shape):
            if not inside:
                whole.append((shape, prop))
            continue
        if inside:
            fill = _polygonal(shapely.clip_by_rect(shape, box.west, box.south, box.east, box.north))
            line = shapely.intersection(shape.boundary, rect)
        else:
            fill = _polygonal(shapely.difference(shape, rect))
            line = shapely.difference(shape.boundary, rect)
        if not fill.is_empty:
            cut.append((fill, line, prop))
    return {
        "whole": _collection([s for s, _ in whole], [p for _, p in whole], decimals),
        "fill": _collection([f for f, _, _ in cut], [p for _, _, p in cut], decimals),
        "line": _collection([line for _, line, _ in cut], [{} for _ in cut], decimals),
    }


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


def _polygonal(shape: Any) -> Any:
    import shapely

    if shape.geom_type in ("Polygon", "MultiPolygon"):
        return shape
    parts = [p for p in shapely.get_parts(shape) if p.geom_type == "Polygon"]
    return shapely.MultiPolygon(parts) if parts else shapely.Polygon()


def _collection(
    shapes: Any, properties: Sequence[dict[str, Any]], decimals: int = DECIMALS
) -> dict[str, Any]:
    features = [
        {"type": "Feature", "geometry": _geometry(shape, decimals), "properties": props}
        for shape, props in zip(shapes, properties, strict=True)
        if not shape.is_empty
    ]
    return {"type": "FeatureCollection", "features": features}


def _geometry(shape: Any, decimals: int = DECIMALS) -> dict[str, Any]:
    import numpy
    import shapely
    from shapely.geometry import mapping

    geometry: dict[str, Any] = mapping(
        shapely.transform(shape, lambda xy: numpy.round(xy, decimals))
    )
    return geometry


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


def region_index(points: Sequence[MapPoint], shapes: Sequence[Any]) -> list[int]:
    """For each of ``points``, the index of the first of ``shapes`` it falls in, or -1."""
    import shapely

    out = [-1] * len(points)
    if not points or not len(shapes):
        return out
    tree = shapely.STRtree(list(shapes))
    xy = shapely.points([(p.lon, p.lat) for p in points])
    hits, found = tree.query(xy, predicate="intersects")
    for point, shape in zip(hits.tolist(), found.tolist(), strict=True):
        if out[point] < 0 or shape < out[point]:
            out[point] = shape
    return out


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


class Countries(Feature):
    """Country fills and outlines, per zoom (see :func:`area_borders`); names on hover."""

    _template = template(
        """
{% macro script(this, kwargs) %}
MapperMap.addLayer({{ this.map_name }}, "countries", MapperMap.countries({{ this.map_name }}, {
  data: {{ this.data_id|js }}, fill: {{ this.fill|js }}, line: {{ this.line|js }}, order: 0
}), {{ this.show|js }});
{% endmacro %}
"""
    )

    def __init__(
        self, data: dict[str, Any], *, fill: dict[str, Any], line: dict[str, Any], show: bool = True
    ):
        super().__init__()
        self._name = "Countries"
        self.collection = data
        self.fill = fill
        self.line = line
        self.show = show

    def data(self) -> dict[str, Any]:
        return self.collection


class BorderLayer(Feature):
    """Region borders with their names on hover; switched by the key ``key``."""

    _template = template(
        """
{% macro script(this, kwargs) %}
MapperMap.addLayer({{ this.map_name }}, {{ this.key|js }}, MapperMap.borderLayer(
  {{ this.map_name }}, {data: {{ this.data_id|js }}, style: {{ this.style|js }},
  order: {{ this.order|js }}}), {{ this.show|js }});
{% endmacro %}
"""
    )

    def __init__(
        self,
        key: str,
        collection: dict[str, Any],
        *,
        style: dict[str, Any],
        order: int,
        show: bool = True,
    ):
        super().__init__()
        self._name = "BorderLayer"
        self.key = key
        self.collection = collection
        self.style = style
        self.order = order
        self.show = show

    def data(self) -> dict[str, Any]:
        return self.collection


class Choropleth(Feature):
    """Regions filled by how many of the shown incidents fall in them.

    The classes are fixed from all the incidents' counts, so colours compare across time
    windows; the browser counts the shown incidents per region (each incident carries the
    index of its region) and colours the regions again whenever the filters change. With
    ``source`` (the regions layer) the regions are read from that layer's data.
    """

    _template = template(
        """
{% macro script(this, kwargs) %}
MapperMap.addLayer({{ this.map_name }}, "choropleth", MapperMap.choropleth({{ this.map_name }}, {
  data: {{ this.source_id|js }}, style: {{ this.style|js }}, order: 1,
  breaks: {{ this.breaks|js }}, colors: {{ this.colors|js }}
}), true);
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
        super().__init__()
        self._name = "Choropleth"
        self.breaks = choropleth_classes(list(counts.values()))
        self.colors = list(CHOROPLETH_COLORS[-len(self.breaks) :]) if self.breaks else []
        self.collection = regions
        self.source = source
        self.style = {"stroke": False, "fillOpacity": 0.45, "fillColor": "transparent"}

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


#: Town labels: (least population, the zoom from which the town is labelled).
TOWN_STEPS = ((1_000_000, 4), (300_000, 6), (100_000, 7), (30_000, 8), (10_000, 9))
MAX_TOWNS = 600


def towns_near(box: Bounds) -> list[list[Any]]:
    """Towns in ``box`` from the bundled gazetteer (GeoNames populated places), largest
    first, as ``[name, lat, lon, zoom from which it is labelled]``."""
    from gazetteer import Gazetteer

    least = TOWN_STEPS[-1][0]
    try:
        rows = (
            Gazetteer.bundled()
            .database.execute(
                "SELECT name, lat, lon, population FROM places WHERE kind = 'populated_place' "
                "AND population >= ? AND lat BETWEEN ? AND ? AND lon BETWEEN ? AND ? "
                "ORDER BY population DESC, name LIMIT ?",
                (least, box.south, box.north, box.west, box.east, MAX_TOWNS),
            )
            .fetchall()
        )
    except sqlite3.Error as err:
        raise GazetteerDataError(f"cannot read towns from the gazetteer ({err})") from err
    out = []
    for name, lat, lon, population in rows:
        zoom = next(z for p, z in TOWN_STEPS if population >= p)
        out.append([str(name), round(float(lat), 4), round(float(lon), 4), zoom])
    return out


class Towns(Feature):
    """Labelled towns, the larger from lower zooms, so a map without tiles reads as a map."""

    _template = template(
        """
{% macro script(this, kwargs) %}
MapperMap.addLayer({{ this.map_name }}, "towns", MapperMap.towns({{ this.map_name }}, {
  data: {{ this.data_id|js }}
}), {{ this.show|js }});
{% endmacro %}
"""
    )

    def __init__(self, towns: Sequence[Sequence[Any]], *, show: bool = True):
        super().__init__()
        self._name = "Towns"
        self.towns = [list(t) for t in towns]
        self.show = show

    def data(self) -> list[list[Any]]:
        return self.towns


class MiniMap(Feature):
    """A small overview map (coarse world outlines) in a corner; it can be folded away."""

    assets = ("leaflet", "mapper", "minimap")
    _template = template(
        """
{% macro script(this, kwargs) %}
MapperMap.minimap({{ this.map_name }}, {
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
