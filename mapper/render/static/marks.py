"""What stands on a static map besides borders and labels: the incident markers (the
interactive map's colours and shapes, sized by fatalities), the scale bar and the north
arrow."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from mapper.event_types import EVENT_TYPES, OTHER_TYPE, TYPES
from mapper.render.points import OTHER
from mapper.render.static.style import INK, MARKER_AREA, MARKERS
from mapper.render.static.view import pixel_box

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.backend_bases import RendererBase

    from mapper.render.static.view import Mark, View

__all__ = ["FURNITURE", "draw_furniture", "draw_marks", "event_styles"]

# Where the scale bar and the north arrow stand, in axes fractions: no inset there.
FURNITURE = ((0.0, 0.0, 0.3, 0.09), (0.92, 0.83, 1.0, 1.0))


def event_styles() -> dict[str, tuple[str, str]]:
    """(colour, matplotlib marker) per event type, from the event registry."""
    return {t.name: (t.color, MARKERS.get(t.shape, "o")) for t in (*TYPES, OTHER_TYPE)}


def draw_marks(ax: Axes, marks: Sequence[Mark], per_point: float) -> None:
    """One scatter per event type and precision; big markers beneath small ones."""
    styles = event_styles()
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
    marks: Sequence[Mark],
    xy: Sequence[tuple[float, float]],
    style: tuple[str, str],
    hollow: bool,
) -> None:
    color, marker = style
    sizes = [m.diameter**2 * MARKER_AREA[marker] for m in marks]
    xs, ys = zip(*xy, strict=True)
    if hollow:
        ax.scatter(
            xs,
            ys,
            s=sizes,
            marker=marker,
            zorder=5,
            facecolors="none",
            edgecolors=color,
            linewidths=1.3,
            linestyles="--",
        )
    else:
        ax.scatter(
            xs,
            ys,
            s=sizes,
            marker=marker,
            zorder=5,
            facecolors=color,
            edgecolors="white",
            linewidths=0.7,
            alpha=0.9,
        )


def _nice_length(width_m: float) -> float:
    """1, 2 or 5 times a power of ten: the longest such length within a fifth of the width."""
    target = width_m / 5
    power: float = 10 ** math.floor(math.log10(target))
    return max(f * power for f in (1, 2, 5) if f * power <= target)


def _distance_label(metres: float) -> str:
    return f"{metres / 1000:g} km" if metres >= 1000 else f"{metres:g} m"


def draw_furniture(
    ax: Axes, view: View, renderer: RendererBase, *, north: bool = True
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
    return [pixel_box(a.get_window_extent(renderer), 4) for a in artists]


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
