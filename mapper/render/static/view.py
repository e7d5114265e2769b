"""What a static map draws and where: marks (incidents in map coordinates), the view
(projection and box), fitting a view around marks, and pixel boxes of drawn artists."""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from mapper.errors import MapperError
from mapper.render.points import MapPoint

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = [
    "Mark",
    "View",
    "axes_aspect",
    "choose_projection",
    "figure_size",
    "fit_view",
    "marker_diameter",
    "marks_extent",
    "pixel_box",
    "project",
    "show_view",
]

PAD_SHARE = 0.12
# Wider than this (degrees), a world projection replaces the local one.
LOCAL_SPAN_DEG = 100.0
MAX_DIAMETER = 24.0
DODGE_MAX = 6


@dataclass(frozen=True)
class Mark:
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
        return marker_diameter(self.point.fatalities)

    @property
    def reach(self) -> float:
        """How far its marker reaches from ``(x, y)``, in points."""
        return math.hypot(*self.shift) + self.diameter / 2

    def drawn_at(self, per_point: float) -> tuple[float, float]:
        """Where its marker is drawn, on a map with ``per_point`` metres to a point."""
        return (self.x + self.shift[0] * per_point, self.y + self.shift[1] * per_point)


def marker_diameter(fatalities: int | None) -> float:
    """The diameter in points of a marker for ``fatalities``."""
    return min(6.0 + 1.6 * math.sqrt(fatalities or 0), MAX_DIAMETER)


@dataclass(frozen=True)
class View:
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


def _display_name(name: str) -> str:
    return name.title() if name.islower() else name


def figure_size(ax: Axes) -> tuple[float, float]:
    """Width and height in inches of the figure ``ax`` is drawn on."""
    from matplotlib.figure import Figure

    figure = ax.figure
    if not isinstance(figure, Figure):
        raise MapperError("a static map draws on a whole figure, not on a subfigure")
    width, height = figure.get_size_inches()
    return width, height


def axes_aspect(ax: Axes) -> float:
    """Width over height of ``ax`` on the page."""
    box = ax.get_position()
    fig_w, fig_h = figure_size(ax)
    return float((box.width * fig_w) / (box.height * fig_h))


def choose_projection(points: Sequence[tuple[MapPoint, str]]) -> tuple[str, bool]:
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


def project(points: Sequence[tuple[MapPoint, str]], crs: str) -> list[Mark]:
    """``points`` (with their label names) as marks in ``crs``, marks of one spot dodged."""
    from pyproj import Transformer

    transform = Transformer.from_crs("EPSG:4326", crs, always_xy=True).transform
    xs, ys = transform([p.lon for p, _ in points], [p.lat for p, _ in points])
    marks = [
        Mark(p, _display_name(name), float(x), float(y))
        for (p, name), x, y in zip(points, xs, ys, strict=True)
    ]
    return _dodged(marks)


def _dodged(marks: list[Mark]) -> list[Mark]:
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


def marks_extent(marks: Sequence[Mark]) -> tuple[float, float, float, float]:
    """(x0, y0, x1, y1): the box that holds the marks, in map coordinates."""
    xs, ys = [m.x for m in marks], [m.y for m in marks]
    return (min(xs), min(ys), max(xs), max(ys))


def fit_view(
    crs: str,
    local: bool,
    extent: tuple[float, float, float, float],
    aspect: float,
    min_span: float,
    pad_share: float = PAD_SHARE,
) -> View:
    """A view around ``extent`` with a margin, shaped ``aspect`` (width over height)."""
    x0, y0, x1, y1 = extent
    width, height = max(x1 - x0, min_span), max(y1 - y0, min_span)
    pad = pad_share * max(width, height)
    width, height = width + 2 * pad, height + 2 * pad
    width, height = max(width, height * aspect), max(height, width / aspect)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    return View(crs, cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2, local)


def show_view(ax: Axes, view: View) -> None:
    """Make ``ax`` show ``view``, one metre as long across as up."""
    ax.set_xlim(view.x0, view.x1)
    ax.set_ylim(view.y0, view.y1)
    ax.set_aspect("equal", adjustable="box")


def pixel_box(extent: Any, pad: float = 0.0) -> tuple[float, float, float, float]:
    """(x0, y0, x1, y1) of a matplotlib bounding box (in pixels), ``pad`` wider each side."""
    return (extent.x0 - pad, extent.y0 - pad, extent.x1 + pad, extent.y1 + pad)
