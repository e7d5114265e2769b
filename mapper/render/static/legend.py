"""The legend panel of a static map (event types, fatalities, location) and the text
around the map: the title, the period and the attribution."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from mapper.event_types import EVENT_TYPES
from mapper.render.points import OTHER
from mapper.render.static.marks import event_styles
from mapper.render.static.style import INK, MARGIN_IN, MARKER_AREA, MUTED
from mapper.render.static.view import marker_diameter

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.collections import PathCollection
    from matplotlib.figure import Figure

    from mapper.render.static.view import Mark

__all__ = ["ATTRIBUTION", "draw_header", "draw_legend"]

ATTRIBUTION = "Place names: GeoNames (CC BY 4.0). Borders: Natural Earth."
LEGEND_FONT = 8.0


def draw_legend(panel: Axes, marks: Sequence[Mark], unplaced: int, renderer: Any) -> None:
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


#: A legend section: its title, its handles and their labels.
Section = tuple[str, list["PathCollection"], list[str]]


def _legend_sections(panel: Axes, marks: Sequence[Mark]) -> list[Section]:
    styles = event_styles()
    counts: dict[str, int] = {}
    for mark in marks:
        counts[mark.point.event_type] = counts.get(mark.point.event_type, 0) + 1
    types = [t for t in (*EVENT_TYPES, OTHER) if t in counts]
    handle = _handle_maker(panel)
    sections: list[Section] = [
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
                [handle("o", "#9a9a9a", marker_diameter(n)) for n in (0, *steps)],
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


def _handle_maker(panel: Axes) -> Callable[..., PathCollection]:
    def handle(marker: str, color: str, diameter: float, *, hollow: bool = False) -> PathCollection:
        size = diameter**2 * MARKER_AREA[marker]
        if hollow:
            return panel.scatter(
                [],
                [],
                s=size,
                marker=marker,
                linewidths=1.3,
                facecolors="none",
                edgecolors=color,
                linestyles="--",
            )
        return panel.scatter(
            [], [], s=size, marker=marker, linewidths=0.7, facecolors=color, edgecolors="white"
        )

    return handle


def draw_header(fig: Figure, map_ax: Axes, title: str, marks: Sequence[Mark]) -> None:
    """The title and the period above the map, the attribution at the foot of the page."""
    width, height = fig.get_size_inches()
    left = map_ax.get_position().x0
    fig.text(left, 1 - 0.2 / height, title, fontsize=15, fontweight="bold", color=INK, va="top")
    fig.text(left, 1 - 0.55 / height, _period(marks), fontsize=9.5, color=MUTED, va="top")
    fig.text(1 - MARGIN_IN / width, 0.1 / height, ATTRIBUTION, fontsize=7, color=MUTED, ha="right")


def _period(marks: Sequence[Mark]) -> str:
    count = f"{len(marks):,} incident{'s' if len(marks) != 1 else ''}"
    dates = sorted(m.point.date for m in marks if m.point.date)
    if not dates:
        return f"{count}, dates not known"
    span = dates[0] if dates[0] == dates[-1] else f"{dates[0]} to {dates[-1]}"
    return f"{count}, {span}"
