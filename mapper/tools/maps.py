"""``mapper map`` and ``mapper static``: read the inputs, draw their incidents, write.

Every option is checked before any input is read (:mod:`mapper.tools.options`); the inputs
go through the pipeline once (:func:`mapper.pipeline.run_pipeline`); the renderers
(:mod:`mapper.render`) take incidents and return objects; only this layer writes files.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from mapper.errors import InputError
from mapper.model import Incident, PipelineResult
from mapper.progress import Progress
from mapper.render.interactive import MapOptions
from mapper.tools.options import check_date, check_inputs, check_output
from mapper.tools.summary import Written

__all__ = ["MapOptions", "make_map", "make_static", "read_inputs"]

HTML_SUFFIXES = (".html", ".htm")


def read_inputs(
    inputs: Sequence[str | Path],
    *,
    published: str | None = None,
    gazetteer_files: Sequence[str | Path] = (),
    progress: Progress | None = None,
) -> PipelineResult:
    """The pipeline over record files and articles, with the user's gazetteer layers."""
    from mapper.geoparse.gazetteers import load_gazetteer
    from mapper.pipeline import run_pipeline

    gazetteer = load_gazetteer(gazetteer_files)
    return run_pipeline(inputs, published=published, gazetteer=gazetteer, progress=progress)


def make_map(
    inputs: Sequence[str | Path],
    output: str | Path,
    *,
    options: MapOptions | None = None,
    published: str | None = None,
    gazetteer_files: Sequence[str | Path] = (),
    progress: Progress | None = None,
) -> Written:
    """Read record files and articles, draw their incidents, write the map to ``output``."""
    from mapper.outputs import write_atomic
    from mapper.render.interactive import check_tiles, draw_map, map_html, map_parts

    options = options or MapOptions()
    check_inputs(inputs)
    target = check_output(output, HTML_SUFFIXES, "map is an HTML page")
    check_date(published)
    check_tiles(options.tiles)
    result = read_inputs(
        inputs, published=published, gazetteer_files=gazetteer_files, progress=progress
    )
    drawn = draw_map(result.incidents, options)
    if not drawn.points:
        raise InputError(_nothing_to_draw(result.incidents, "map"))
    page = map_parts(drawn.map).fragment() if options.fragment else map_html(drawn.map)
    write_atomic(target, page)
    return _written((target,), result, len(drawn.points), drawn.unplaced)


def make_static(
    inputs: Sequence[str | Path],
    output: str | Path,
    *,
    title: str | None = None,
    width_in: float = 10,
    height_in: float = 7,
    dpi: int = 150,
    published: str | None = None,
    gazetteer_files: Sequence[str | Path] = (),
    progress: Progress | None = None,
) -> Written:
    """Read record files and articles, draw their incidents, write the image to ``output``."""
    from mapper.render.static import check_size, drawable, render_static, save_static, static_format

    check_inputs(inputs)
    static_format(output)
    check_size(width_in, height_in, dpi)
    check_date(published)
    result = read_inputs(
        inputs, published=published, gazetteer_files=gazetteer_files, progress=progress
    )
    placed, unplaced = drawable(result.incidents)
    if not placed:
        raise InputError(_nothing_to_draw(result.incidents, "image"))
    fig = render_static(
        result.incidents, title=title, width_in=width_in, height_in=height_in, dpi=dpi
    )
    target = save_static(fig, output)
    return _written((target,), result, placed, unplaced)


def _nothing_to_draw(incidents: Sequence[Incident], what: str) -> str:
    why = "no incident in the inputs has a place" if incidents else "the inputs hold no incident"
    return f"{why}, so there is nothing to draw and no {what} was written"


def _written(
    outputs: tuple[Path, ...], result: PipelineResult, drawn: int, unplaced: int
) -> Written:
    return Written(
        outputs=outputs,
        incidents=drawn,
        unplaced=unplaced,
        record_files=result.record_files,
        record_rows=result.record_rows,
        rejected=len(result.rejects),
        articles=result.articles,
    )
