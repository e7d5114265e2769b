"""One map drawn into a matplotlib axes: its frame, then borders, markers, scale bar and
north arrow, then labels where they fit. The main map and the inset are both drawn so."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from mapper.render.static.borders import draw_borders
from mapper.render.static.labels import Labels
from mapper.render.static.marks import draw_furniture, draw_marks
from mapper.render.static.style import WATER

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.backend_bases import RendererBase

    from mapper.render.static.view import Mark, View

__all__ = ["draw_map", "frame_axes"]


def frame_axes(ax: Axes, edge: str = "#8a8a8a") -> None:
    """Give ``ax`` a map's look: no ticks, water beneath, a thin ``edge`` coloured frame."""
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_facecolor(WATER)
    for spine in ax.spines.values():
        spine.set_edgecolor(edge)
        spine.set_linewidth(0.8)


def draw_map(
    ax: Axes,
    marks: Sequence[Mark],
    view: View,
    renderer: RendererBase,
    *,
    labelled: Sequence[Mark],
    reserved: Sequence[tuple[float, float, float, float]] = (),
    north: bool = True,
) -> None:
    """Borders, markers, scale bar and north arrow, then labels where they fit."""
    shapes = draw_borders(ax, view)
    per_point = view.width / (ax.bbox.width * 72 / ax.figure.dpi)
    draw_marks(ax, marks, per_point)
    obstacles = [*draw_furniture(ax, view, renderer, north=north), *reserved]
    labels = Labels(ax, renderer, marks, per_point, obstacles)
    labels.place_places(labelled)
    labels.place_areas(shapes, view)
