"""The inset of a static map: the largest crowd of places too close to label one by one,
shown larger in a free corner of the map."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from mapper.render.static.draw import draw_map, frame_axes
from mapper.render.static.marks import FURNITURE
from mapper.render.static.style import INK
from mapper.render.static.view import (
    axes_aspect,
    figure_size,
    fit_view,
    marks_extent,
    pixel_box,
    show_view,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.backend_bases import RendererBase

    from mapper.render.static.view import Mark, View

__all__ = ["draw_inset", "find_crowd"]

# An inset shows the largest crowd of at least CROWD_PLACES places whose markers lie
# within CROWD_PT of each other, when it can show them INSET_ZOOM times larger.
CROWD_PT, CROWD_PLACES, CROWD_MAX_MARKS = 16.0, 3, 5000
INSET_ZOOM, INSET_MIN_SPAN_M, INSET_SHARE, INSET_PAD = 4.0, 15_000.0, 0.42, 0.22


def find_crowd(ax: Axes, marks: Sequence[Mark]) -> set[int]:
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


def draw_inset(
    ax: Axes, marks: Sequence[Mark], crowded: set[int], view: View, renderer: RendererBase
) -> list[tuple[float, float, float, float]]:
    """Draw the crowded spot larger in a free corner; the boxes labels must keep out of.

    No inset (an empty list) when every corner would hide markers or the spot itself, or
    when the inset would not show the spot at least :data:`INSET_ZOOM` times larger.
    """
    crowd = [marks[i] for i in crowded]
    rect = _corner(ax, marks, crowd)
    if rect is None:
        return []
    aspect = axes_aspect(ax) * rect[2] / rect[3]
    inner = fit_view(view.crs, view.local, marks_extent(crowd), aspect, INSET_MIN_SPAN_M, INSET_PAD)
    if inner.width * INSET_ZOOM > view.width:
        return []
    inset = ax.inset_axes(rect, zorder=8)
    frame_axes(inset, edge=INK)
    show_view(inset, inner)
    draw_map(inset, marks, inner, renderer, labelled=crowd, north=False)
    indicator = ax.indicate_inset_zoom(inset, edgecolor="#4a4a4a", linewidth=0.7, alpha=0.9)
    indicator.set_zorder(7)
    inset_box = pixel_box(inset.get_window_extent(renderer), 4)
    spot = ax.transData.transform([(inner.x0, inner.y0), (inner.x1, inner.y1)])
    return [inset_box, (spot[0][0] - 3, spot[0][1] - 3, spot[1][0] + 3, spot[1][1] + 3)]


def _corner(
    ax: Axes, marks: Sequence[Mark], crowd: Sequence[Mark]
) -> tuple[float, float, float, float] | None:
    """A free place for the inset, in axes fractions (x, y, width, height), or ``None``.

    Free: no marker near it, clear of the crowded spot, the scale bar and the north
    arrow. Of the free places on a grid, the one nearest a corner of the map wins.
    """
    import numpy

    box = ax.get_position()
    fig_w, fig_h = figure_size(ax)
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
