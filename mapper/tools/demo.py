"""``mapper demo``: the whole pipeline on the samples bundled with mapper.

Reads the sample articles (Indonesian, English, Russian) and the sample records file,
extracts, geocodes and merges their incidents, and writes ``demo_map.html`` and
``demo_report.html`` into the output folder.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from mapper.progress import Progress
from mapper.tools.summary import Written

__all__ = ["DEMO_TITLE", "run_demo", "samples"]

DEMO_TITLE = "Central Asia: border clashes and unrest, 2021–2022 (sample articles and records)"


def samples() -> Path:
    """The folder of the bundled samples (``articles/`` and ``records.csv``)."""
    return Path(str(resources.files("mapper") / "samples"))


def run_demo(output_dir: str | Path, progress: Progress | None = None) -> Written:
    """Run the pipeline on the bundled samples; write the map and the report."""
    from mapper.outputs import write_atomic
    from mapper.pipeline import run_pipeline
    from mapper.render.interactive import map_html, map_parts, render_map
    from mapper.render.report import build_report

    folder = Path(output_dir)
    with resources.as_file(resources.files("mapper") / "samples") as bundled:
        inputs = [bundled / "articles", bundled / "records.csv"]
        result = run_pipeline(inputs, progress=progress)
    placed = [i for i in result.incidents if i.place is not None]
    figure = render_map(placed, title=DEMO_TITLE, time=True)
    written = [write_atomic(folder / "demo_map.html", map_html(figure))]
    report = build_report(result, title=DEMO_TITLE, map_parts=map_parts(figure))
    written.append(write_atomic(folder / "demo_report.html", report))
    return Written(
        outputs=tuple(written),
        incidents=len(result.incidents),
        unplaced=len(result.incidents) - len(placed),
        record_files=result.record_files,
        record_rows=result.record_rows,
        rejected=len(result.rejects),
        articles=result.articles,
    )
