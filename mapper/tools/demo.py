"""``mapper demo``: the whole pipeline on the samples bundled with mapper.

Reads the sample articles (Indonesian, English, Russian) and the sample records file,
extracts, geocodes and merges their incidents, and writes ``demo_map.html`` and
``demo_report.html`` into the output folder.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from pathlib import Path

__all__ = ["DEMO_TITLE", "run_demo"]

DEMO_TITLE = "Central Asia: border clashes and unrest, 2021–2022 (sample articles and records)"


def run_demo(output_dir: Path, progress: Callable[[str], None] | None = None) -> list[Path]:
    """Run the pipeline on the bundled samples; return the files written."""
    from mapper.outputs import write_atomic
    from mapper.pipeline import run_pipeline
    from mapper.render.interactive import map_html, map_parts, render_map
    from mapper.render.report import build_report

    with resources.as_file(resources.files("mapper") / "samples") as samples:
        inputs = [samples / "articles", samples / "records.csv"]
        result = run_pipeline(inputs, progress=progress)
    placed = [i for i in result.incidents if i.place is not None]
    figure = render_map(placed, title=DEMO_TITLE, time=True)
    if progress is not None:
        progress(
            f"{len(result.incidents)} incidents ({len(placed)} placed); writing the map and report"
        )
    written = [write_atomic(output_dir / "demo_map.html", map_html(figure))]
    report = build_report(result, title=DEMO_TITLE, map_parts=map_parts(figure))
    written.append(write_atomic(output_dir / "demo_report.html", report))
    return written
