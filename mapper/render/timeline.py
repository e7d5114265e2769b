"""A timeline chart: incidents per day (per week over long periods), stacked by event type,
as an inline SVG string.

Drawn with matplotlib (Agg backend, no display). The SVG is deterministic: a fixed hash
salt for element ids, no creation date, and text kept as text so it stays searchable.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from mapper.event_types import EVENT_TYPES
from mapper.event_types import event_type as registered_type
from mapper.model import Incident

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["timeline_svg"]


#: Above this many days from first to last incident, bars count weeks, not days.
WEEKLY_AFTER_DAYS = 90


def _day(incident: Incident) -> date | None:
    if incident.date is None or len(incident.date) != 10:
        return None
    return date.fromisoformat(incident.date)


def _binned(days: list[date]) -> tuple[Callable[[date], date], str, float]:
    """How to bin days: by day, or by the Monday of their week when the period is long."""
    if (max(days) - min(days)).days <= WEEKLY_AFTER_DAYS:
        return (lambda day: day), "incidents per day", 0.8
    return (lambda day: day - timedelta(days=day.weekday())), "incidents per week", 5.6


def timeline_svg(
    incidents: Sequence[Incident], *, width_in: float = 9.0, height_in: float = 2.6
) -> str:
    """The chart as an ``<svg>`` element; an empty string when no incident has a day."""
    dated = [(day, i.event_type) for i in incidents if (day := _day(i)) is not None]
    if not dated:
        return ""
    bin_of, label, width = _binned([day for day, _ in dated])
    counts = Counter((bin_of(day), event_type) for day, event_type in dated)
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    days = sorted({day for day, _ in counts})
    with plt.rc_context(
        {
            "svg.hashsalt": "mapper-timeline",
            "svg.fonttype": "none",
            "font.family": "DejaVu Sans",
            "font.size": 8,
        }
    ):
        figure, axes = plt.subplots(figsize=(width_in, height_in))
        bottom = [0] * len(days)
        for event_type in EVENT_TYPES:
            heights = [counts.get((day, event_type), 0) for day in days]
            if any(heights):
                # matplotlib converts the dates through its units registry; its stubs
                # only admit numbers for the bars' positions.
                axes.bar(
                    days,  # type: ignore[arg-type]
                    heights,
                    bottom=bottom,
                    color=registered_type(event_type).color,
                    label=event_type,
                    width=width,
                )
                bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
        _style(axes, figure, label)
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches="tight")
        plt.close(figure)
    svg = buffer.getvalue()
    return svg[svg.index("<svg") :]


def _style(axes: Axes, figure: Figure, label: str) -> None:
    import matplotlib.dates as mdates
    from matplotlib.ticker import MaxNLocator

    axes.set_ylabel(label)
    ticks = axes.yaxis.get_major_locator()
    if isinstance(ticks, MaxNLocator):  # the default AutoLocator is one
        ticks.set_params(integer=True)
    axes.xaxis.set_major_formatter(mdates.ConciseDateFormatter(axes.xaxis.get_major_locator()))
    axes.spines[["top", "right"]].set_visible(False)
    axes.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    figure.tight_layout()
