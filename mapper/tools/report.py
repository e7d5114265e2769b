"""``mapper report``: the briefing report of the inputs' incidents, and its PDF."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from mapper.progress import Progress
from mapper.tools.maps import HTML_SUFFIXES, read_inputs
from mapper.tools.options import check_date, check_inputs, check_output, check_pdf
from mapper.tools.summary import Written

__all__ = ["make_report"]


def make_report(
    inputs: Sequence[str | Path],
    output: str | Path,
    *,
    title: str = "Incident report",
    fragment: bool = False,
    pdf: str | Path | None = None,
    published: str | None = None,
    gazetteer_files: Sequence[str | Path] = (),
    progress: Progress | None = None,
) -> Written:
    """Run the pipeline, write the report (and its PDF, printed by headless Chromium)."""
    from mapper.outputs import write_atomic
    from mapper.render.interactive import map_parts, render_map
    from mapper.render.report import build_report

    check_inputs(inputs)
    target = check_output(output, HTML_SUFFIXES, "report is an HTML page")
    pdf_path = check_pdf(pdf, fragment)
    check_date(published)
    if pdf_path is not None:
        from mapper.render.browser import check_browser

        check_browser()
    result = read_inputs(
        inputs, published=published, gazetteer_files=gazetteer_files, progress=progress
    )
    placed = [i for i in result.incidents if i.place is not None]
    parts = map_parts(render_map(placed, title=title)) if placed else None
    html = build_report(result, title=title, map_parts=parts, fragment=fragment)
    written = [write_atomic(target, html)]
    if pdf_path is not None:
        from mapper.render.browser import print_pdf

        written.append(print_pdf(target, pdf_path))
    return Written(
        outputs=tuple(written),
        incidents=len(result.incidents),
        unplaced=len(result.incidents) - len(placed),
        record_files=result.record_files,
        record_rows=result.record_rows,
        rejected=len(result.rejects),
        articles=result.articles,
    )
