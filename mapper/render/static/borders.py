"""Country and first-level region borders on a static map: cut to the view, projected,
simplified, and filled so that no two neighbouring countries share a land colour."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from mapper.render.static.style import LAND

if TYPE_CHECKING:
    import geopandas
    from matplotlib.axes import Axes

    from mapper.render.static.view import View

__all__ = ["Shapes", "draw_borders"]

# Wider than this (metres), first-level regions are left out: at that scale they are noise.
REGIONS_WITHIN_M = 6_000_000.0
# Islands and holes smaller than (the view's size / SPECK_SHARE)² are left out.
SPECK_SHARE = 1500


@dataclass(frozen=True)
class Shapes:
    """The borders drawn, in map coordinates, for their labels."""

    countries: geopandas.GeoDataFrame
    regions: geopandas.GeoDataFrame


def draw_borders(ax: Axes, view: View) -> Shapes:
    """Fill the countries in ``view``, then draw the region and country borders on ``ax``."""
    from gazetteer.borders import admin1_frame, country_frame

    countries = _clipped(country_frame(), view)
    regions = _clipped(admin1_frame(), view)
    if max(view.width, view.height) > REGIONS_WITHIN_M:
        regions = regions.iloc[:0]
    colours = _country_colours()
    fills = [LAND[colours.get(str(i), 0)] for i in countries["id"]]
    ax.add_collection(_collection(countries.geometry, facecolors=fills, edgecolors="none"))
    lines = {"facecolors": "none", "edgecolors": "#9b9b9b", "linewidths": 0.45}
    ax.add_collection(_collection(regions.geometry, linestyles=(0, (3, 2)), **lines, zorder=2))
    edges = {"facecolors": "none", "edgecolors": "#5c5c5c", "linewidths": 0.9}
    ax.add_collection(_collection(countries.geometry, **edges, zorder=3))
    return Shapes(countries, regions)


def _clipped(frame: geopandas.GeoDataFrame, view: View) -> geopandas.GeoDataFrame:
    """The shapes of ``frame`` around ``view``: cut, projected, simplified, cut to the view.

    They are cut twice: in degrees to a box that holds the view (so nothing far away is
    projected), then in metres to the view and a sliver more (so the files hold only
    what shows, and cut edges fall outside the frame).
    """
    import shapely

    box = view.lonlat_box()
    rows = frame.iloc[sorted(frame.sindex.query(shapely.box(*box), predicate="intersects"))]
    rows = _cut(rows, box).to_crs(view.crs)
    tolerance = max(view.width, view.height) / 3000
    simple = shapely.simplify(rows.geometry.values, tolerance, preserve_topology=True)
    speck = (max(view.width, view.height) / SPECK_SHARE) ** 2
    shapes = [_without_specks(_polygonal(s), speck) for s in shapely.make_valid(simple)]
    rows = rows.set_geometry(shapes, crs=rows.crs)
    margin = 0.01 * max(view.width, view.height)
    return _cut(rows, (view.x0 - margin, view.y0 - margin, view.x1 + margin, view.y1 + margin))


def _cut(
    frame: geopandas.GeoDataFrame, box: tuple[float, float, float, float]
) -> geopandas.GeoDataFrame:
    """``frame`` cut to ``box``, polygons only, empty shapes dropped."""
    import shapely

    cut = shapely.clip_by_rect(frame.geometry.values, *box)
    frame = frame.set_geometry([_polygonal(shape) for shape in cut], crs=frame.crs)
    return frame[~frame.geometry.is_empty]


def _without_specks(shape: Any, least: float) -> Any:
    """``shape`` without islands and holes smaller than ``least`` (they would print as
    specks), keeping its largest part whatever its size."""
    import shapely

    parts = sorted(shapely.get_parts(shape), key=lambda p: -p.area)
    kept = [
        shapely.Polygon(p.exterior, [r for r in p.interiors if shapely.Polygon(r).area >= least])
        for n, p in enumerate(parts)
        if n == 0 or p.area >= least
    ]
    return shapely.MultiPolygon(kept) if len(kept) > 1 else (kept[0] if kept else shape)


def _polygonal(shape: Any) -> Any:
    import shapely

    if shape.geom_type in ("Polygon", "MultiPolygon"):
        return shape
    parts = [p for p in shapely.get_parts(shape) if p.geom_type == "Polygon"]
    return shapely.MultiPolygon(parts) if parts else shapely.Polygon()


@lru_cache(maxsize=1)
def _country_colours() -> dict[str, int]:
    """A land colour (index into :data:`~mapper.render.static.style.LAND`) per country id, unlike
    its neighbours'.

    Coloured once for the whole world, most neighbours first, so a country has the same
    colour on every map and in every inset.
    """
    import shapely

    from gazetteer.borders import country_frame

    frame = country_frame()
    ids = [str(i) for i in frame["id"]]
    left, right = shapely.STRtree(frame.geometry.values).query(
        frame.geometry.values, predicate="intersects"
    )
    neighbours: dict[int, set[int]] = {i: set() for i in range(len(ids))}
    for a, b in zip(left.tolist(), right.tolist(), strict=True):
        if a != b:
            neighbours[a].add(b)
    colours: dict[int, int] = {}
    for index in sorted(neighbours, key=lambda i: (-len(neighbours[i]), ids[i])):
        taken = {colours[n] for n in neighbours[index] if n in colours}
        free = [c for c in range(len(LAND)) if c not in taken]
        colours[index] = free[0] if free else index % len(LAND)
    return {ids[i]: c for i, c in colours.items()}


def _collection(shapes: Any, **style: Any) -> Any:
    from matplotlib.collections import PathCollection

    style.setdefault("zorder", 1)
    return PathCollection([_path(shape) for shape in shapes], **style)


def _path(shape: Any) -> Any:
    """A (multi)polygon as a matplotlib path; holes wind against their shell."""
    import numpy
    import shapely
    from matplotlib.path import Path as MplPath

    rings = []
    for polygon in shapely.get_parts(shapely.orient_polygons(shape)):
        rings.append(polygon.exterior)
        rings.extend(polygon.interiors)
    if not rings:
        return MplPath(numpy.zeros((0, 2)))
    vertices, codes = [], []
    for ring in rings:
        xy = numpy.asarray(ring.coords)
        code = numpy.full(len(xy), MplPath.LINETO, dtype=MplPath.code_type)
        code[0], code[-1] = MplPath.MOVETO, MplPath.CLOSEPOLY
        vertices.append(xy)
        codes.append(code)
    return MplPath(numpy.concatenate(vertices), numpy.concatenate(codes))
