"""Static maps for briefings: incidents → a matplotlib figure → PNG, SVG or PDF (``mapper static``).

:func:`render_static` draws the figure with no browser and no tiles: the countries and
first-level regions around the incidents (bundled Natural Earth borders in a local
equal-area projection; each country keeps one land colour, unlike its neighbours', so
exclaves show), one marker per incident in the colour and shape of its event type (the
interactive map's), sized by fatalities, hollow and dashed where a district or region
stands in for the place; place labels where they fit, a legend, a scale bar, a north
arrow, the title, the period and the attribution. Markers of one spot are spread on a
small ring; a spot crowded with places gets an inset that shows it larger.
:func:`save_static` writes the figure; :func:`make_static` is the whole of
``mapper static``: read record files and articles, draw, write.

Same input, same bytes: fonts are fixed (DejaVu Sans, which matplotlib ships), SVG ids
come from a fixed salt (``svg.hashsalt``), and no file records when it was written (no
SVG ``Date``, no PDF ``CreationDate``; PNG never has one). Text stays text in SVG and PDF.
"""

from __future__ import annotations

import io
import itertools
import math
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mapper.errors import InputError, UsageError
from mapper.mapdata import OTHER, MapPoint, incident_point, map_points, read_inputs
from mapper.model import EVENT_TYPES, Incident
from mapper.outputs import write_atomic

if TYPE_CHECKING:
    import geopandas
    from matplotlib.axes import Axes
    from matplotlib.backend_bases import RendererBase
    from matplotlib.figure import Figure

    from mapper.render import MapSummary

__all__ = [
    "ATTRIBUTION",
    "FORMATS",
    "make_static",
    "render_static",
    "save_static",
    "static_format",
]

ATTRIBUTION = "Place names: GeoNames (CC BY 4.0). Borders: Natural Earth."
#: Output formats by file ending.
FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}

#: Settings for drawing and saving: fixed fonts, fixed SVG ids, text kept as text.
RC: dict[str, Any] = {
    "font.family": ["DejaVu Sans"],
    "font.size": 9,
    "svg.hashsalt": "mapper",
    "svg.fonttype": "none",
    "pdf.fonttype": 42,
    "path.simplify": True,
}

WATER = "#dfe8ef"
LAND = ("#f3efe4", "#e5ead6", "#efe3db", "#e6e3ee", "#f2ead0")
INK = "#2b2b2b"
MUTED = "#6f6f6f"
# Layout in inches: header, footer, outer margin, legend panel.
HEADER_IN, FOOTER_IN, MARGIN_IN, PANEL_IN = 0.85, 0.32, 0.25, 2.35
MIN_SPAN_M = 120_000.0
# Wider than this (metres), first-level regions are left out: at that scale they are noise.
REGIONS_WITHIN_M = 6_000_000.0
PAD_SHARE = 0.12
# Islands and holes smaller than (the view's size / SPECK_SHARE)² are left out.
SPECK_SHARE = 1500
# Wider than this (degrees), a world projection replaces the local one.
LOCAL_SPAN_DEG = 100.0
MAX_LABELS = 80
MAX_DIAMETER = 24.0
DODGE_MAX = 6
LEGEND_FONT = 8.0
# An inset shows the largest crowd of at least CROWD_PLACES places whose markers lie
# within CROWD_PT of each other, when it can show them INSET_ZOOM times larger.
CROWD_PT, CROWD_PLACES, CROWD_MAX_MARKS = 16.0, 3, 5000
INSET_ZOOM, INSET_MIN_SPAN_M, INSET_SHARE, INSET_PAD = 4.0, 15_000.0, 0.42, 0.22
# Where the scale bar and the north arrow stand, in axes fractions: no inset there.
FURNITURE = ((0.0, 0.0, 0.3, 0.09), (0.92, 0.83, 1.0, 1.0))
#: The interactive map's marker shapes as matplotlib markers.
MARKERS = {
    "circle": "o",
    "square": "s",
    "diamond": "D",
    "triangle": "^",
    "triangle-down": "v",
    "star": "*",
}
# Marker area factors, so that every shape looks about as large as a circle.
MARKER_AREA = {"o": 1.0, "s": 0.8, "D": 0.7, "^": 1.0, "v": 1.0, "*": 1.7}


# -- what is drawn ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Mark:
    """One incident in map coordinates, with the name its label shows.

    ``shift``: where its marker is drawn, in points from ``(x, y)`` (see :func:`_dodged`).
    """

    point: MapPoint
    label: str
    x: float
    y: float
    shift: tuple[float, float] = (0.0, 0.0)

    @property
    def diameter(self) -> float:
        """Marker diameter in points: the area grows with the fatalities."""
        return _diameter(self.point.fatalities)

    @property
    def reach(self) -> float:
        """How far its marker reaches from ``(x, y)``, in points."""
        return math.hypot(*self.shift) + self.diameter / 2

    def drawn_at(self, per_point: float) -> tuple[float, float]:
        """Where its marker is drawn, on a map with ``per_point`` metres to a point."""
        return (self.x + self.shift[0] * per_point, self.y + self.shift[1] * per_point)


def _diameter(fatalities: int | None) -> float:
    return min(6.0 + 1.6 * math.sqrt(fatalities or 0), MAX_DIAMETER)


@dataclass(frozen=True)
class _View:
    """The map's projection (a PROJ string), its box in metres, and what the box covers."""

    crs: str
    x0: float
    y0: float
    x1: float
    y1: float
    local: bool

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    def lonlat_box(self) -> tuple[float, float, float, float]:
        """(west, south, east, north) covering the view, with a margin."""
        import numpy
        from pyproj import Transformer

        t = numpy.linspace(0.0, 1.0, 41)
        xs = numpy.concatenate([self.x0 + t * self.width, numpy.full_like(t, self.x1)])
        xs = numpy.concatenate([xs, self.x1 - t * self.width, numpy.full_like(t, self.x0)])
        ys = numpy.concatenate([numpy.full_like(t, self.y0), self.y0 + t * self.height])
        ys = numpy.concatenate([ys, numpy.full_like(t, self.y1), self.y1 - t * self.height])
        lon, lat = Transformer.from_crs(self.crs, "EPSG:4326", always_xy=True).transform(xs, ys)
        lon, lat = lon[numpy.isfinite(lon)], lat[numpy.isfinite(lat)]
        dlon = 0.1 * (lon.max() - lon.min()) + 0.5
        dlat = 0.1 * (lat.max() - lat.min()) + 0.5
        west, south = max(float(lon.min()) - dlon, -180.0), max(float(lat.min()) - dlat, -90.0)
        east, north = min(float(lon.max()) + dlon, 180.0), min(float(lat.max()) + dlat, 90.0)
        forward = Transformer.from_crs("EPSG:4326", self.crs, always_xy=True).transform
        for pole in (90.0, -90.0):  # a view around a pole holds every longitude
            x, y = forward(0.0, pole)
            if self.x0 <= x <= self.x1 and self.y0 <= y <= self.y1:
                west, east = -180.0, 180.0
                south, north = min(south, pole), max(north, pole)
        return (west, south, east, north)


def _points(incidents: Any) -> tuple[list[tuple[MapPoint, str]], int]:
    """Drawable incidents with their label names, and how many had no point.

    An :class:`Incident` is labelled with its gazetteer place's name (``Almaty`` for
    ``Алматы``); other inputs with their ``location``.
    """
    items = list(incidents) if isinstance(incidents, list | tuple) else None
    if items is not None and all(isinstance(i, Incident) for i in items):
        found = [(incident_point(i), i.place.name if i.place else "") for i in items]
        points = [(p, name) for p, name in found if p is not None]
        return points, len(items) - len(points)
    drawn, unplaced = map_points(incidents)
    return [(p, p.location) for p in drawn], unplaced


def _display_name(name: str) -> str:
    return name.title() if name.islower() else name


# -- the figure ------------------------------------------------------------------------------


def render_static(
    incidents: Any,
    *,
    title: str | None = None,
    width_in: float = 10,
    height_in: float = 7,
    dpi: int = 150,
) -> Figure:
    """A briefing map of ``incidents`` as a matplotlib figure (no browser, no tiles).

    ``incidents``: :class:`~mapper.model.Incident` objects, a GeoDataFrame with the
    ACLED-style columns, or anything with ``__geo_interface__``. ``width_in`` and
    ``height_in`` are the figure's size in inches; a PNG is ``dpi`` pixels per inch.
    When several places crowd one spot, an inset shows that spot larger.
    Raises :class:`~mapper.errors.InputError` when no incident has a place.
    """
    _check_size(width_in, height_in, dpi)
    points, unplaced = _points(incidents)
    if not points:
        raise InputError("no incident has a place, so there is nothing to draw")
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    with _settings():
        fig = Figure(figsize=(width_in, height_in), dpi=dpi, facecolor="white")
        FigureCanvasAgg(fig)
        fig.set_label(title or "Incidents")
        map_ax, panel = _axes(fig)
        crs, local = _projection(points)
        marks = _project(points, crs)
        view = _fit(crs, local, _extent(marks), _aspect(map_ax), MIN_SPAN_M)
        _show(map_ax, view)
        renderer = fig.canvas.get_renderer()
        crowded = _crowded(map_ax, marks)
        reserved = _inset(map_ax, marks, crowded, view, renderer) if crowded else []
        labelled = [m for i, m in enumerate(marks) if i not in crowded or not reserved]
        _draw_map(map_ax, marks, view, renderer, labelled=labelled, reserved=reserved)
        _draw_legend(panel, marks, unplaced, renderer)
        _draw_header(fig, map_ax, title or "Incidents", marks)
    return fig


def _check_size(width_in: float, height_in: float, dpi: int) -> None:
    if not 5 <= width_in <= 40 or not 3 <= height_in <= 40:
        raise UsageError(
            f"a static map is 5 to 40 inches wide and 3 to 40 high, not {width_in}×{height_in}"
        )
    if not 50 <= dpi <= 600:
        raise UsageError(f"dpi must be between 50 and 600, not {dpi}")


@contextmanager
def _settings() -> Iterator[None]:
    import matplotlib

    with matplotlib.rc_context(RC):
        yield


def _axes(fig: Figure) -> tuple[Axes, Axes]:
    """The map (left) and the legend panel (right), placed in inches."""
    width, height = fig.get_size_inches()
    bottom, top = FOOTER_IN / height, 1 - HEADER_IN / height
    left, panel = MARGIN_IN / width, PANEL_IN / width
    map_width = 1 - 2 * left - panel
    map_ax = fig.add_axes((left, bottom, map_width, top - bottom))
    panel_ax = fig.add_axes((left + map_width + 0.15 / width, bottom, panel, top - bottom))
    panel_ax.set_axis_off()
    _frame(map_ax)
    return map_ax, panel_ax


def _frame(ax: Axes, edge: str = "#8a8a8a") -> None:
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_facecolor(WATER)
    for spine in ax.spines.values():
        spine.set_edgecolor(edge)
        spine.set_linewidth(0.8)


def _aspect(ax: Axes) -> float:
    """Width over height of ``ax`` on the page."""
    box = ax.get_position()
    fig_w, fig_h = ax.figure.get_size_inches()
    return float((box.width * fig_w) / (box.height * fig_h))


def _projection(points: Sequence[tuple[MapPoint, str]]) -> tuple[str, bool]:
    """A local equal-area projection centred on the incidents (``True``), or for an area
    wider than :data:`LOCAL_SPAN_DEG`, Equal Earth (``False``)."""
    lats = [p.lat for p, _ in points]
    west, span = _longitudes([p.lon for p, _ in points])
    south, north = min(lats), max(lats)
    clon = round((west + span / 2 + 180) % 360 - 180, 3)
    clat = round((south + north) / 2, 3)
    local = span <= LOCAL_SPAN_DEG and north - south <= LOCAL_SPAN_DEG / 2
    # Equal Earth keeps its seam on the 180th meridian, where the borders have theirs.
    kind = f"laea +lat_0={clat} +lon_0={clon}" if local else "eqearth +lon_0=0"
    return f"+proj={kind} +datum=WGS84 +units=m +no_defs +type=crs", local


def _longitudes(lons: Sequence[float]) -> tuple[float, float]:
    """The western end and the width of the shortest arc that holds ``lons``: across the
    180th meridian when that is shorter (Fiji and Samoa are 10 degrees apart, not 350)."""
    ordered = sorted(lons)
    gaps = [(b - a, i) for i, (a, b) in enumerate(itertools.pairwise(ordered))]
    wrap = ordered[0] + 360 - ordered[-1]
    widest, index = max(gaps, default=(0.0, -1))
    if wrap >= widest:
        return ordered[0], ordered[-1] - ordered[0]
    return ordered[index + 1], 360 - widest


def _project(points: Sequence[tuple[MapPoint, str]], crs: str) -> list[_Mark]:
    from pyproj import Transformer

    transform = Transformer.from_crs("EPSG:4326", crs, always_xy=True).transform
    xs, ys = transform([p.lon for p, _ in points], [p.lat for p, _ in points])
    marks = [
        _Mark(p, _display_name(name), float(x), float(y))
        for (p, name), x, y in zip(points, xs, ys, strict=True)
    ]
    return _dodged(marks)


def _dodged(marks: list[_Mark]) -> list[_Mark]:
    """Marks of one spot (up to :data:`DODGE_MAX`) spread on a small ring, so each shows.

    More than that stay stacked: a ring of dozens would hide the map around the spot.
    """
    spots: dict[tuple[float, float], list[int]] = {}
    for index, mark in enumerate(marks):
        spots.setdefault((mark.x, mark.y), []).append(index)
    for members in spots.values():
        count = len(members)
        if not 1 < count <= DODGE_MAX:
            continue
        ring = 0.3 * max(marks[i].diameter for i in members) / math.sin(math.pi / count)
        for k, index in enumerate(members):
            angle = math.pi + 2 * math.pi * k / count
            shift = (round(ring * math.cos(angle), 3), round(ring * math.sin(angle), 3))
            marks[index] = replace(marks[index], shift=shift)
    return marks


def _extent(marks: Sequence[_Mark]) -> tuple[float, float, float, float]:
    xs, ys = [m.x for m in marks], [m.y for m in marks]
    return (min(xs), min(ys), max(xs), max(ys))


def _fit(
    crs: str,
    local: bool,
    extent: tuple[float, float, float, float],
    aspect: float,
    min_span: float,
    pad_share: float = PAD_SHARE,
) -> _View:
    """A view around ``extent`` with a margin, shaped ``aspect`` (width over height)."""
    x0, y0, x1, y1 = extent
    width, height = max(x1 - x0, min_span), max(y1 - y0, min_span)
    pad = pad_share * max(width, height)
    width, height = width + 2 * pad, height + 2 * pad
    width, height = max(width, height * aspect), max(height, width / aspect)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    return _View(crs, cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2, local)


def _show(ax: Axes, view: _View) -> None:
    ax.set_xlim(view.x0, view.x1)
    ax.set_ylim(view.y0, view.y1)
    ax.set_aspect("equal", adjustable="box")


def _draw_map(
    ax: Axes,
    marks: Sequence[_Mark],
    view: _View,
    renderer: RendererBase,
    *,
    labelled: Sequence[_Mark],
    reserved: Sequence[tuple[float, float, float, float]] = (),
    north: bool = True,
) -> None:
    """Borders, markers, scale bar and north arrow, then labels where they fit."""
    shapes = _draw_borders(ax, view)
    per_point = view.width / (ax.bbox.width * 72 / ax.figure.dpi)
    _draw_marks(ax, marks, per_point)
    obstacles = [*_draw_furniture(ax, view, renderer, north=north), *reserved]
    labels = _Labels(ax, renderer, marks, per_point, obstacles)
    labels.place_places(labelled)
    labels.place_areas(shapes, view)


# -- the inset -------------------------------------------------------------------------------


def _crowded(ax: Axes, marks: Sequence[_Mark]) -> set[int]:
    """The marks of the largest crowd of places too close to label one by one.

    Marks closer than :data:`CROWD_PT` on the page are chained together; the crowd with
    the most distinct places counts when it has at least :data:`CROWD_PLACES`.
    """
    import shapely

    if len(marks) > CROWD_MAX_MARKS:
        return set()
    xy = ax.transData.transform([(m.x, m.y) for m in marks])
    points = shapely.points(xy)
    near = shapely.STRtree(points).query(
        points, predicate="dwithin", distance=CROWD_PT * ax.figure.dpi / 72
    )
    parent = list(range(len(marks)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in zip(*near, strict=True):
        parent[root(int(a))] = root(int(b))
    crowds: dict[int, list[int]] = {}
    for index in range(len(marks)):
        crowds.setdefault(root(index), []).append(index)
    best = max(crowds.values(), key=lambda c: (len({marks[i].label for i in c}), len(c), -c[0]))
    return set(best) if len({marks[i].label for i in best}) >= CROWD_PLACES else set()


def _inset(
    ax: Axes, marks: Sequence[_Mark], crowded: set[int], view: _View, renderer: RendererBase
) -> list[tuple[float, float, float, float]]:
    """Draw the crowded spot larger in a free corner; the boxes labels must keep out of.

    No inset (an empty list) when every corner would hide markers or the spot itself, or
    when the inset would not show the spot at least :data:`INSET_ZOOM` times larger.
    """
    crowd = [marks[i] for i in crowded]
    rect = _corner(ax, marks, crowd)
    if rect is None:
        return []
    aspect = _aspect(ax) * rect[2] / rect[3]
    inner = _fit(view.crs, view.local, _extent(crowd), aspect, INSET_MIN_SPAN_M, INSET_PAD)
    if inner.width * INSET_ZOOM > view.width:
        return []
    inset = ax.inset_axes(rect, zorder=8)
    _frame(inset, edge=INK)
    _show(inset, inner)
    _draw_map(inset, marks, inner, renderer, labelled=crowd, north=False)
    indicator = ax.indicate_inset_zoom(inset, edgecolor="#4a4a4a", linewidth=0.7, alpha=0.9)
    indicator.set_zorder(7)
    inset_box = _box(inset.get_window_extent(renderer), 4)
    spot = ax.transData.transform([(inner.x0, inner.y0), (inner.x1, inner.y1)])
    return [inset_box, (spot[0][0] - 3, spot[0][1] - 3, spot[1][0] + 3, spot[1][1] + 3)]


def _corner(
    ax: Axes, marks: Sequence[_Mark], crowd: Sequence[_Mark]
) -> tuple[float, float, float, float] | None:
    """A free place for the inset, in axes fractions (x, y, width, height), or ``None``.

    Free: no marker near it, clear of the crowded spot, the scale bar and the north
    arrow. Of the free places on a grid, the one nearest a corner of the map wins.
    """
    import numpy

    box = ax.get_position()
    fig_w, fig_h = ax.figure.get_size_inches()
    side = INSET_SHARE * min(box.width * fig_w, box.height * fig_h)
    w, h, m = side / (box.width * fig_w), side / (box.height * fig_h), 0.015
    to_axes = ax.transAxes.inverted().transform
    xy = to_axes(ax.transData.transform([(k.x, k.y) for k in marks]))
    spot = to_axes(ax.transData.transform([(k.x, k.y) for k in crowd]))
    reach = 0.05  # room for a marker and its label
    best: tuple[float, float, float] | None = None
    for x in numpy.linspace(m, 1 - m - w, 15):
        for y in numpy.linspace(m, 1 - m - h, 15):
            if _overlaps((x, y, x + w, y + h), FURNITURE):
                continue
            if _any_inside(xy, (x, y, x + w, y + h), reach):
                continue
            if _any_inside(spot, (x, y, x + w, y + h), 3 * reach):
                continue
            cornered = min(x, 1 - x - w) + min(y, 1 - y - h)
            if best is None or cornered < best[0] - 1e-9:
                best = (cornered, float(x), float(y))
    return None if best is None else (best[1], best[2], w, h)


def _any_inside(xy: Any, rect: tuple[float, float, float, float], reach: float) -> bool:
    x0, y0, x1, y1 = rect
    inside = (xy[:, 0] > x0 - reach) & (xy[:, 0] < x1 + reach)
    return bool((inside & (xy[:, 1] > y0 - reach) & (xy[:, 1] < y1 + reach)).any())


def _overlaps(rect: tuple[float, float, float, float], others: Sequence[Sequence[float]]) -> bool:
    x0, y0, x1, y1 = rect
    return any(x0 < b[2] and b[0] < x1 and y0 < b[3] and b[1] < y1 for b in others)


# -- borders ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Shapes:
    """The borders drawn, in map coordinates, for their labels."""

    countries: geopandas.GeoDataFrame
    regions: geopandas.GeoDataFrame


def _draw_borders(ax: Axes, view: _View) -> _Shapes:
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
    return _Shapes(countries, regions)


def _clipped(frame: geopandas.GeoDataFrame, view: _View) -> geopandas.GeoDataFrame:
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
    """A land colour (index into :data:`LAND`) per country id, unlike its neighbours'.

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


# -- incidents -------------------------------------------------------------------------------


def _styles() -> dict[str, tuple[str, str]]:
    """(colour, matplotlib marker) per event type: the interactive map's styles."""
    from mapper.features import EVENT_STYLES

    return {t: (s.color, MARKERS.get(s.shape, "o")) for t, s in EVENT_STYLES.items()}


def _draw_marks(ax: Axes, marks: Sequence[_Mark], per_point: float) -> None:
    """One scatter per event type and precision; big markers beneath small ones."""
    styles = _styles()
    for event_type in (*EVENT_TYPES, OTHER):
        color, marker = styles[event_type]
        for approximate in (False, True):
            group = [
                m
                for m in marks
                if m.point.event_type == event_type and m.point.approximate == approximate
            ]
            group.sort(key=lambda m: -m.diameter)
            if group:
                xy = [m.drawn_at(per_point) for m in group]
                _scatter(ax, group, xy, (color, marker), approximate)


def _scatter(
    ax: Axes,
    marks: Sequence[_Mark],
    xy: Sequence[tuple[float, float]],
    style: tuple[str, str],
    hollow: bool,
) -> None:
    color, marker = style
    sizes = [m.diameter**2 * MARKER_AREA[marker] for m in marks]
    if hollow:
        look = {"facecolors": "none", "edgecolors": color, "linewidths": 1.3, "linestyles": "--"}
    else:
        look = {"facecolors": color, "edgecolors": "white", "linewidths": 0.7, "alpha": 0.9}
    xs, ys = zip(*xy, strict=True)
    ax.scatter(xs, ys, s=sizes, marker=marker, zorder=5, **look)


# -- scale bar, north arrow ------------------------------------------------------------------


def _nice_length(width_m: float) -> float:
    """1, 2 or 5 times a power of ten: the longest such length within a fifth of the width."""
    target = width_m / 5
    power = 10 ** math.floor(math.log10(target))
    return max(f * power for f in (1, 2, 5) if f * power <= target)


def _distance_label(metres: float) -> str:
    return f"{metres / 1000:g} km" if metres >= 1000 else f"{metres:g} m"


def _draw_furniture(
    ax: Axes, view: _View, renderer: RendererBase, *, north: bool = True
) -> list[tuple[float, float, float, float]]:
    """The scale bar (local projections only) and the north arrow; their boxes in pixels."""
    from matplotlib.font_manager import FontProperties
    from mpl_toolkits.axes_grid1.anchored_artists import AnchoredSizeBar

    artists: list[Any] = []
    if view.local:
        # A home-made bar on matplotlib's AnchoredSizeBar, not matplotlib-scalebar: the map
        # is in metres already, so all it takes is a round length (one more dependency for
        # this would be a poor trade).
        length = _nice_length(view.width)
        bar = AnchoredSizeBar(
            ax.transData,
            length,
            _distance_label(length),
            loc="lower left",
            pad=0.35,
            borderpad=0.6,
            sep=3,
            size_vertical=view.height / 220,
            color=INK,
            frameon=True,
            fontproperties=FontProperties(size=7.5),
        )
        bar.patch.set(facecolor="white", alpha=0.8, edgecolor="none")
        ax.add_artist(bar)
        artists.append(bar)
    if north:
        artists.append(_north_arrow(ax))
    return [_box(a.get_window_extent(renderer), 4) for a in artists]


def _north_arrow(ax: Axes) -> Any:
    return ax.annotate(
        "N",
        xy=(0.965, 0.955),
        xytext=(0.965, 0.875),
        xycoords="axes fraction",
        ha="center",
        va="center",
        fontsize=9,
        fontweight="bold",
        color=INK,
        arrowprops={"arrowstyle": "-|>", "color": INK, "lw": 1.2, "shrinkA": 6, "shrinkB": 0},
        zorder=7,
    )


def _box(extent: Any, pad: float = 0.0) -> tuple[float, float, float, float]:
    return (extent.x0 - pad, extent.y0 - pad, extent.x1 + pad, extent.y1 + pad)


# -- labels ----------------------------------------------------------------------------------


# (dx, dy, ha, va) around a marker, in order of preference; dx, dy in marker radii + a gap.
_SPOTS = (
    (1, 0, "left", "center"),
    (-1, 0, "right", "center"),
    (0, 1, "center", "bottom"),
    (0, -1, "center", "top"),
    (0.75, 0.75, "left", "bottom"),
    (-0.75, 0.75, "right", "bottom"),
    (0.75, -0.75, "left", "top"),
    (-0.75, -0.75, "right", "top"),
)


class _Labels:
    """Greedy label placement, in pixels, most important place first.

    Each label takes the first of eight spots around its marker that overlaps no marker,
    no label placed before it and no map furniture, or is left out. This was chosen over
    adjustText, which nudges labels iteratively: it may leave overlaps and moves labels
    away from their markers, while a briefing map wants a guarantee of no overlap and a
    label beside its place, and greedy placement gives both in a few lines.
    """

    def __init__(
        self,
        ax: Axes,
        renderer: RendererBase,
        marks: Sequence[_Mark],
        per_point: float,
        obstacles: list[tuple[float, float, float, float]],
    ):
        import numpy

        self.ax = ax
        self.renderer = renderer
        self.scale = ax.figure.dpi / 72
        xy = ax.transData.transform([m.drawn_at(per_point) for m in marks])
        radius = numpy.array([m.diameter / 2 * self.scale for m in marks])
        self.markers = numpy.column_stack([xy - radius[:, None], xy + radius[:, None]])
        self.taken = list(obstacles)
        inner = ax.bbox
        self.frame = (inner.x0 + 3, inner.y0 + 3, inner.x1 - 3, inner.y1 - 3)

    def place_places(self, marks: Sequence[_Mark]) -> None:
        """Label the places of ``marks``, most fatalities and incidents first."""
        for label, (x, y), radius in _places(marks)[:MAX_LABELS]:
            self._place_beside(label, (x, y), radius)

    def place_areas(self, shapes: _Shapes, view: _View) -> None:
        """Name the countries, then the regions, where the names fit."""
        for label, (x, y) in _area_labels(shapes.countries, view, _country_names()):
            self._place_at(label.upper(), (x, y), size=8, color="#8a8478", weight="bold")
        for label, (x, y) in _area_labels(shapes.regions, view):
            self._place_at(label, (x, y), size=6.5, color="#8f8f8f", style="italic")

    def _text(self, label: str, xy: tuple[float, float], **style: Any) -> Any:
        return self.ax.annotate(
            label,
            xy=xy,
            xytext=(0, 0),
            textcoords="offset points",
            annotation_clip=False,
            **style,
        )

    def _keep(self, text: Any, box: tuple[float, float, float, float], pad: float) -> None:
        """Keep ``text``, with a white halo drawn beneath it as a separate artist (a path
        effect on the text itself would turn it into outlines in SVG and PDF)."""
        from matplotlib import patheffects

        halo = self._text(
            text.get_text(),
            text.xy,
            ha=text.get_ha(),
            va=text.get_va(),
            fontproperties=text.get_fontproperties(),
            color="white",
            zorder=text.get_zorder() - 0.1,
            path_effects=[patheffects.Stroke(linewidth=2.5, foreground="white")],
            gid="halo",
        )
        halo.xyann = text.xyann
        self.taken.append(_pad(box, pad))

    def _place_beside(self, label: str, xy: tuple[float, float], radius_pt: float) -> None:
        text = self._text(label, xy, fontsize=8, color=INK, zorder=6)
        extent = text.get_window_extent(self.renderer)
        width, height = extent.width, extent.height
        cx, cy = self.ax.transData.transform(xy)
        gap = radius_pt + 2.5
        for dx, dy, ha, va in _SPOTS:
            ox, oy = dx * gap * self.scale, dy * gap * self.scale
            box = _aligned(cx + ox, cy + oy, width, height, ha, va)
            if self._free(box):
                text.set(ha=ha, va=va)
                text.xyann = (ox / self.scale, oy / self.scale)
                self._keep(text, box, 2)
                return
        text.remove()

    def _place_at(self, label: str, xy: tuple[float, float], **style: Any) -> None:
        text = self._text(label, xy, ha="center", va="center", zorder=4, **style)
        box = _box(text.get_window_extent(self.renderer))
        if self._free(box):
            self._keep(text, box, 3)
        else:
            text.remove()

    def _free(self, box: tuple[float, float, float, float]) -> bool:
        x0, y0, x1, y1 = box
        fx0, fy0, fx1, fy1 = self.frame
        if x0 < fx0 or y0 < fy0 or x1 > fx1 or y1 > fy1:
            return False
        if any(x0 < b[2] and b[0] < x1 and y0 < b[3] and b[1] < y1 for b in self.taken):
            return False
        m = self.markers
        hits = (m[:, 0] < x1) & (m[:, 2] > x0) & (m[:, 1] < y1) & (m[:, 3] > y0)
        return not bool(hits.any())


def _aligned(
    x: float, y: float, width: float, height: float, ha: str, va: str
) -> tuple[float, float, float, float]:
    x0 = {"left": x, "right": x - width, "center": x - width / 2}[ha]
    y0 = {"bottom": y, "top": y - height, "center": y - height / 2}[va]
    return (x0, y0, x0 + width, y0 + height)


def _pad(box: tuple[float, float, float, float], pad: float) -> tuple[float, float, float, float]:
    return (box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad)


def _places(marks: Sequence[_Mark]) -> list[tuple[str, tuple[float, float], float]]:
    """(label, xy, marker radius in points) per place, most fatalities and incidents first."""
    groups: dict[tuple[str, float, float], list[_Mark]] = {}
    for mark in marks:
        if mark.label:
            groups.setdefault((mark.label, round(mark.x, -1), round(mark.y, -1)), []).append(mark)

    def rank(item: tuple[tuple[str, float, float], list[_Mark]]) -> tuple[int, int, str]:
        (label, _, _), members = item
        return (-sum(m.point.fatalities or 0 for m in members), -len(members), label)

    return [
        (label, (members[0].x, members[0].y), max(m.reach for m in members))
        for (label, _, _), members in sorted(groups.items(), key=rank)
    ]


def _area_labels(
    frame: geopandas.GeoDataFrame, view: _View, names: dict[str, str] | None = None
) -> list[tuple[str, tuple[float, float]]]:
    """A label point inside the visible part of each area, largest area first."""
    import shapely

    window = shapely.box(view.x0, view.y0, view.x1, view.y1)
    visible = shapely.intersection(frame.geometry.values, window)
    key = "country" if names is not None else "name"
    found = []
    for value, shape in zip(frame[key], visible, strict=True):
        if shape.is_empty or shape.area < 0.01 * window.area:
            continue
        point = shapely.point_on_surface(shape)
        label = names.get(value, value) if names is not None else str(value)
        found.append((shape.area, label, (point.x, point.y)))
    found.sort(key=lambda f: (-f[0], f[1]))
    return [(label, xy) for _, label, xy in found]


def _country_names() -> dict[str, str]:
    from mapper.features.borders import country_names

    return country_names()


# -- legend, header --------------------------------------------------------------------------


def _draw_legend(panel: Axes, marks: Sequence[_Mark], unplaced: int, renderer: Any) -> None:
    """Sections stacked top-down in the panel: event types, fatalities, location."""
    from matplotlib.legend import Legend

    top = 1.0
    sections = _legend_sections(panel, marks)
    widest = max(h.get_sizes()[0] ** 0.5 for _, handles, _ in sections for h in handles)
    length = max(2.0, widest / LEGEND_FONT + 0.4)
    for title, handles, labels in sections:
        tallest = max(h.get_sizes()[0] ** 0.5 for h in handles)
        legend = Legend(
            panel,
            handles,
            labels,
            title=title,
            loc="upper left",
            bbox_to_anchor=(0, top),
            frameon=False,
            alignment="left",
            fontsize=LEGEND_FONT,
            title_fontproperties={"weight": "bold", "size": 8.5},
            handlelength=length,
            handleheight=max(0.7, tallest / LEGEND_FONT),
            borderaxespad=0,
            borderpad=0,
            handletextpad=0.7,
            labelspacing=0.6,
            scatterpoints=1,
        )
        panel.add_artist(legend)
        box = legend.get_window_extent(renderer).transformed(panel.transAxes.inverted())
        top = box.y0 - 0.045
    if unplaced:
        noun = "incident" if unplaced == 1 else "incidents"
        note = f"{unplaced:,} {noun} without a place\nnot shown."
        panel.text(0, top, note, va="top", fontsize=7.5, color=MUTED, transform=panel.transAxes)


def _legend_sections(panel: Axes, marks: Sequence[_Mark]) -> list[tuple[str, list, list]]:
    styles = _styles()
    counts: dict[str, int] = {}
    for mark in marks:
        counts[mark.point.event_type] = counts.get(mark.point.event_type, 0) + 1
    types = [t for t in (*EVENT_TYPES, OTHER) if t in counts]
    handle = _handle_maker(panel)
    sections = [
        (
            "Event type",
            [handle(styles[t][1], styles[t][0], 9) for t in types],
            [f"{t} ({counts[t]:,})" for t in types],
        )
    ]
    most = max((m.point.fatalities or 0 for m in marks), default=0)
    if most > 0:
        steps = [n for n in (1, 10, 100, 1000) if n <= most]
        sections.append(
            (
                "Fatalities",
                [handle("o", "#9a9a9a", _diameter(n)) for n in (0, *steps)],
                ["none or not known", *(f"{n:,}" for n in steps)],
            )
        )
    sections.append(
        (
            "Location",
            [handle("o", "#6f6f6f", 9), handle("o", "#6f6f6f", 9, hollow=True)],
            ["the place itself", "approximate: a district\nor region stands in"],
        )
    )
    return sections


def _handle_maker(panel: Axes) -> Callable[..., Any]:
    def handle(marker: str, color: str, diameter: float, *, hollow: bool = False) -> Any:
        size = diameter**2 * MARKER_AREA[marker]
        if hollow:
            style = {"facecolors": "none", "edgecolors": color, "linestyles": "--"}
            return panel.scatter([], [], s=size, marker=marker, linewidths=1.3, **style)
        style = {"facecolors": color, "edgecolors": "white"}
        return panel.scatter([], [], s=size, marker=marker, linewidths=0.7, **style)

    return handle


def _draw_header(fig: Figure, map_ax: Axes, title: str, marks: Sequence[_Mark]) -> None:
    width, height = fig.get_size_inches()
    left = map_ax.get_position().x0
    fig.text(left, 1 - 0.2 / height, title, fontsize=15, fontweight="bold", color=INK, va="top")
    fig.text(left, 1 - 0.55 / height, _period(marks), fontsize=9.5, color=MUTED, va="top")
    fig.text(1 - MARGIN_IN / width, 0.1 / height, ATTRIBUTION, fontsize=7, color=MUTED, ha="right")


def _period(marks: Sequence[_Mark]) -> str:
    count = f"{len(marks):,} incident{'s' if len(marks) != 1 else ''}"
    dates = sorted(m.point.date for m in marks if m.point.date)
    if not dates:
        return f"{count}, dates not known"
    span = dates[0] if dates[0] == dates[-1] else f"{dates[0]} to {dates[-1]}"
    return f"{count}, {span}"


# -- files -----------------------------------------------------------------------------------


def static_format(path: str | Path) -> str:
    """``png``, ``svg`` or ``pdf``, from the file ending."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise UsageError(
            f"cannot tell the image format from {str(path)!r}; end the name with .png, .svg or .pdf"
        )
    return FORMATS[suffix]


def save_static(fig: Figure, path: str | Path) -> Path:
    """Write ``fig`` as PNG, SVG or PDF (by the ending of ``path``), atomically.

    The same figure always gives the same bytes: no file records when it was written.
    """
    fmt = static_format(path)
    title = fig.get_label() or "Incidents"
    metadata: dict[str, Any] = {
        "png": {"Title": title},
        "svg": {"Title": title, "Date": None},
        "pdf": {"Title": title, "CreationDate": None, "ModDate": None},
    }[fmt]
    buffer = io.BytesIO()
    with _settings():
        fig.savefig(buffer, format=fmt, dpi=fig.dpi, metadata=metadata, facecolor="white")
    return write_atomic(path, buffer.getvalue())


def make_static(
    inputs: Sequence[str | Path],
    output: str | Path,
    *,
    title: str | None = None,
    width_in: float = 10,
    height_in: float = 7,
    dpi: int = 150,
    published: str | None = None,
    gazetteer_files: Sequence[str | Path] = (),
    progress: Callable[[str], None] | None = None,
) -> MapSummary:
    """Read record files and articles, draw their incidents, write the image to ``output``."""
    from mapper.geocoding import load_gazetteer
    from mapper.render import MapSummary

    static_format(output)
    _check_size(width_in, height_in, dpi)
    read = read_inputs(
        inputs, published=published, gazetteer=load_gazetteer(gazetteer_files), progress=progress
    )
    points, unplaced = _points(list(read.incidents))
    if not points:
        why = "no incident in the inputs has a place"
        if not read.incidents:
            why = "the inputs hold no incident"
        raise InputError(f"{why}, so there is nothing to draw and no image was written")
    fig = render_static(
        read.incidents, title=title, width_in=width_in, height_in=height_in, dpi=dpi
    )
    target = save_static(fig, output)
    return MapSummary(
        target,
        len(points),
        unplaced,
        read.record_files,
        read.records_rejected,
        read.articles,
        target.stat().st_size,
    )
