"""Static maps for briefings: incidents → a matplotlib figure → PNG, SVG or PDF (``mapper static``).

:func:`render_static` draws the figure with no browser and no tiles: the countries and
first-level regions around the incidents (bundled Natural Earth borders in a local
equal-area projection; each country keeps one land colour, unlike its neighbours', so
exclaves show), one marker per incident in the colour and shape of its event type (the
interactive map's), sized by fatalities, hollow and dashed where a district or region
stands in for the place; place labels where they fit, a legend, a scale bar, a north
arrow, the title, the period and the attribution. Markers of one spot are spread on a
small ring; a spot crowded with places gets an inset that shows it larger.
:func:`save_static` writes the figure.

Same input, same bytes: fonts are fixed (DejaVu Sans, which matplotlib ships), SVG ids
come from a fixed salt (``svg.hashsalt``), and no file records when it was written (no
SVG ``Date``, no PDF ``CreationDate``; PNG never has one). Text stays text in SVG and PDF.

This module assembles the figure and writes the files; the parts are drawn by
:mod:`~mapper.render.static.view` (marks, projection, the view's box),
:mod:`~mapper.render.static.draw` (one map: frame, borders, markers, furniture, labels),
:mod:`~mapper.render.static.borders`, :mod:`~mapper.render.static.marks` (incident markers,
scale bar, north arrow), :mod:`~mapper.render.static.labels`, :mod:`~mapper.render.static.inset` and
:mod:`~mapper.render.static.legend` (legend panel, title, period, attribution);
:mod:`~mapper.render.static.style` holds the colours, page layout and marker shapes they share.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mapper.errors import InputError, UsageError
from mapper.model import Incident
from mapper.outputs import write_atomic
from mapper.render.points import MapPoint, incident_point, map_points
from mapper.render.static.draw import draw_map, frame_axes
from mapper.render.static.inset import draw_inset, find_crowd
from mapper.render.static.legend import ATTRIBUTION, draw_header, draw_legend
from mapper.render.static.style import FOOTER_IN, HEADER_IN, MARGIN_IN, PANEL_IN
from mapper.render.static.style import LAND as LAND  # importable from here, as before
from mapper.render.static.view import (
    axes_aspect,
    choose_projection,
    fit_view,
    marks_extent,
    project,
    show_view,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.typing import RcKeyType

__all__ = [
    "ATTRIBUTION",
    "FORMATS",
    "check_size",
    "drawable",
    "render_static",
    "save_static",
    "static_format",
]

#: Output formats by file ending.
FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}

#: Settings for drawing and saving: fixed fonts, fixed SVG ids, text kept as text.
RC: dict[RcKeyType, Any] = {
    "font.family": ["DejaVu Sans"],
    "font.size": 9,
    "svg.hashsalt": "mapper",
    "svg.fonttype": "none",
    "pdf.fonttype": 42,
    "path.simplify": True,
}

#: The least width and height a view shows, in metres.
MIN_SPAN_M = 120_000.0


# -- the figure ------------------------------------------------------------------------------


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


def drawable(incidents: Any) -> tuple[int, int]:
    """How many of ``incidents`` a static map draws, and how many have no place."""
    points, unplaced = _points(incidents)
    return len(points), unplaced


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
    check_size(width_in, height_in, dpi)
    points, unplaced = _points(incidents)
    if not points:
        raise InputError("no incident has a place, so there is nothing to draw")
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    with _settings():
        fig = Figure(figsize=(width_in, height_in), dpi=dpi, facecolor="white")
        canvas = FigureCanvasAgg(fig)
        fig.set_label(title or "Incidents")
        map_ax, panel = _axes(fig)
        crs, local = choose_projection(points)
        marks = project(points, crs)
        view = fit_view(crs, local, marks_extent(marks), axes_aspect(map_ax), MIN_SPAN_M)
        show_view(map_ax, view)
        renderer = canvas.get_renderer()
        crowded = find_crowd(map_ax, marks)
        reserved = draw_inset(map_ax, marks, crowded, view, renderer) if crowded else []
        labelled = [m for i, m in enumerate(marks) if i not in crowded or not reserved]
        draw_map(map_ax, marks, view, renderer, labelled=labelled, reserved=reserved)
        draw_legend(panel, marks, unplaced, renderer)
        draw_header(fig, map_ax, title or "Incidents", marks)
    return fig


def check_size(width_in: float, height_in: float, dpi: int) -> None:
    """Raise :class:`~mapper.errors.UsageError` for a size a static map cannot have."""
    if not 5 <= width_in <= 40 or not 3 <= height_in <= 40:
        raise UsageError(
            f"a static map is 5 to 40 inches wide (width_in) and 3 to 40 high (height_in), "
            f"not {width_in}×{height_in}",
            options=("width_in", "height_in"),
        )
    if not 50 <= dpi <= 600:
        raise UsageError(f"dpi must be between 50 and 600, not {dpi}", options=("dpi",))


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
    frame_axes(map_ax)
    return map_ax, panel_ax


# -- files -----------------------------------------------------------------------------------


def static_format(path: str | Path) -> str:
    """``png``, ``svg`` or ``pdf``, from the file ending."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise UsageError(
            f"cannot tell the image format from {str(path)!r}; end the output name with "
            ".png, .svg or .pdf",
            options=("output",),
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
