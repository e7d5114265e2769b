"""The ``mapper`` command line. Each command parses its options and calls one tool.

The tools (:mod:`mapper.tools`) check the options, do the work and return what a command
prints; heavy imports happen inside the commands, so ``mapper --help`` is instant. Errors
the tool raises on purpose (:class:`mapper.errors.MapperError`, and the gazetteer's
:class:`gazetteer.errors.GazetteerError`) are printed as one line on stderr with their exit
code (1 for errors, 2 for misuse), never as a traceback; the parameters they name are shown
as this command line's flags. Progress goes to stderr as a bar when stderr is a terminal;
every command ends with one summary line on stderr; ``--quiet`` silences both, and
warnings.
"""

from __future__ import annotations

import re
import sys
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from gazetteer.errors import GazetteerError
from mapper import __version__
from mapper.errors import MapperError, UsageError, exit_code

__all__ = ["FLAGS", "main"]

OUTPUT_DIR = Path("output")

#: The flag of each parameter the tools name in their messages.
FLAGS: dict[str, str] = {
    "published": "--published",
    "output": "-o/--output",
    "inputs": "INPUTS",
    "paths": "PATHS",
    "name": "NAME",
    "fmt": "--format",
    "keep_text": "--keep-text",
    "engine": "--engine",
    "workers": "--workers",
    "scheduler": "--scheduler",
    "tiles": "--tiles",
    "pdf": "--pdf",
    "fragment": "--fragment",
    "width_in": "--width",
    "height_in": "--height",
    "dpi": "--dpi",
    "country": "--country",
    "near": "--near",
    "limit": "--limit",
    "lang": "--lang",
    "rejects": "--rejects",
    "lat_col": "--lat-col",
    "lon_col": "--lon-col",
    "place_col": "--place-col",
    "date_col": "--date-col",
    "type_col": "--type-col",
    "gazetteer_files": "--gazetteer",
}

F = TypeVar("F", bound=Callable[..., Any])


def flagged(err: MapperError | GazetteerError) -> str:
    """The error's message with the parameters it names shown as flags."""
    message = str(err)
    names = err.options if isinstance(err, UsageError) else ()
    if not names and not isinstance(err, MapperError):  # a gazetteer query: "country takes …"
        first = message.split(" ", 1)[0]
        names = (first,) if first in FLAGS else ()
    for name in names:
        if name in FLAGS:
            message = re.sub(rf"(?<![\w-]){re.escape(name)}(?![\w-])", FLAGS[name], message)
    return message


class _Failure(click.ClickException):
    """An error of the inputs or the environment: exit code 1."""

    exit_code = 1


class _Misuse(click.ClickException):
    """A misuse of the command line: exit code 2."""

    exit_code = 2


class _Group(click.Group):
    """Turns the errors mapper raises on purpose into one line and their exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (MapperError, GazetteerError) as err:
            failure = _Misuse if exit_code(err) == 2 else _Failure
            raise failure(flagged(err)) from err


def _gazetteer_option(function: F) -> F:
    return click.option(
        "--gazetteer",
        "gazetteer_files",
        multiple=True,
        type=click.Path(dir_okay=False, path_type=Path),
        help="An extra gazetteer: a CSV (name, alternate_names, lat, lon, kind, country, "
        "admin1, source) or a GeoNames dump such as KG.txt. Outranks the bundled data. "
        "Repeatable.",
    )(function)


def _published_option(function: F) -> F:
    return click.option(
        "--published",
        metavar="YYYY-MM-DD",
        help="Publication date for articles that give none (relative dates count from it).",
    )(function)


def _quiet_option(function: F) -> F:
    return click.option(
        "--quiet", is_flag=True, help="No progress, no summary line and no warnings on stderr."
    )(function)


@contextmanager
def _run(quiet: bool) -> Iterator[Any]:
    """The progress reporter of a command; with ``quiet`` no warnings either."""
    from mapper.progress import progress_for

    progress = progress_for(quiet)
    with warnings.catch_warnings():
        if quiet:
            warnings.simplefilter("ignore")
        try:
            yield progress
        finally:
            progress.close()


def _say(message: str, quiet: bool) -> None:
    if not quiet:
        click.echo(message, err=True)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="mapper")
def main() -> None:
    """Turn multilingual news articles and incident records into maps, offline."""


@main.command(short_help="Look a place name up in the offline gazetteer.")
@click.argument("name")
@click.option("--country", help="Restrict to this country (ISO 3166-1 alpha-2, e.g. KG).")
@click.option("--near", help="Prefer places near this place or region (e.g. 'Batken').")
@click.option("--limit", default=5, show_default=True, type=click.IntRange(1, 100))
@click.option("--lang", help="Language of the name (ISO 639-1), a hint.")
@click.option(
    "--format", "fmt", type=click.Choice(["json", "table"]), default="json", show_default=True
)
@_gazetteer_option
def geocode(
    name: str,
    country: str | None,
    near: str | None,
    limit: int,
    lang: str | None,
    fmt: str,
    gazetteer_files: tuple[Path, ...],
) -> None:
    """Look NAME up in the offline gazetteer and print candidates, best first.

    An empty result ([]) with exit code 0 means the name was not found.
    """
    from mapper.geoparse.gazetteers import geocode, load_gazetteer
    from mapper.tools.geocode import candidates_json, candidates_table

    found = geocode(
        name,
        country=country,
        near=near,
        limit=limit,
        lang=lang,
        gazetteer=load_gazetteer(gazetteer_files),
    )
    click.echo(candidates_json(found) if fmt == "json" else candidates_table(found))


@main.command(short_help="Find places and incidents in articles (JSON lines).")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True
)
@_published_option
@click.option(
    "--keep-text",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write the text each offset refers to (the extracted text of HTML) into this folder.",
)
@_quiet_option
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="dask: spread files over Dask workers (same output, in input order).",
)
@click.option("--workers", type=click.IntRange(1, 512), help="Local Dask cluster size [2].")
@click.option("--scheduler", help="Address of an existing Dask scheduler (tcp://host:8786).")
@_gazetteer_option
def extract(
    paths: tuple[str, ...],
    fmt: str,
    published: str | None,
    keep_text: Path | None,
    quiet: bool,
    engine: str,
    workers: int | None,
    scheduler: str | None,
    gazetteer_files: tuple[Path, ...],
) -> None:
    """Find places and incidents in articles: files, folders, or - for stdin.

    Prints one JSON object per document and per line (jsonl), in input order.
    """
    from mapper.tools.extract import run_extract

    with _run(quiet) as progress:
        lines = run_extract(
            paths,
            fmt=fmt,
            published=published,
            keep_text=keep_text,
            gazetteer_files=gazetteer_files,
            progress=progress,
            engine=engine,
            workers=workers,
            scheduler=scheduler,
        )
        documents = 0
        for line in lines:
            click.echo(line)
            documents += 1
    _say(f"read {documents:,} document{'' if documents == 1 else 's'}", quiet)


@main.command("eval", short_help="Score extraction against hand-annotated articles.")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.option(
    "--max-km",
    type=click.FloatRange(min=0),
    default=100.0,
    show_default=True,
    help="An incident matches only when placed this close to the gold place.",
)
def evaluate(gold_dir: Path, fmt: str, max_km: float) -> None:
    """Score extraction against hand-annotated articles in GOLD_DIR.

    GOLD_DIR holds NAME.txt + NAME.gold.json, or gold/NAME.gold.json + text/NAME.txt.
    """
    from mapper.evaluate import evaluate_folder, format_scores

    click.echo(format_scores(evaluate_folder(gold_dir, max_km=max_km), fmt))


@main.command(short_help="Map incident records (and articles) into one incidents file.")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The incidents file to write: .geojson, .gpkg or .csv (ACLED column names).",
)
@click.option(
    "--rejects",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the rows that could not be mapped, with the reasons "
    "[default: <output stem>.rejects.csv, when there are any].",
)
@click.option("--lat-col", help="The latitude column [default: found by its name].")
@click.option("--lon-col", help="The longitude column [default: found by its name].")
@click.option("--place-col", help="The place-name column [default: found by its name].")
@click.option("--date-col", help="The date column [default: found by its name].")
@click.option("--type-col", help="The event-type column [default: found by its name].")
@click.option(
    "--country",
    help="Look place names up in this country (ISO 3166-1 alpha-2, e.g. KG) when a row "
    "has no country column.",
)
@_quiet_option
@_gazetteer_option
def incidents(
    inputs: tuple[Path, ...],
    output: Path,
    rejects: Path | None,
    lat_col: str | None,
    lon_col: str | None,
    place_col: str | None,
    date_col: str | None,
    type_col: str | None,
    country: str | None,
    quiet: bool,
    gazetteer_files: tuple[Path, ...],
) -> None:
    """Map incident records (CSV, GeoJSON, GeoPackage, ACLED exports) into one file.

    Rows with coordinates are put there; rows with a place name only are looked up in
    the gazetteer. Columns are found by their names (English, Russian, Indonesian).
    Articles among the inputs are read too, and their incidents joined to the records.
    Every row ends up in the output or, with its reason, in the rejects file. Exits 1
    when no row could be mapped.
    """
    from mapper.geoparse.gazetteers import load_gazetteer
    from mapper.records.rows import RecordsOptions
    from mapper.tools.records import convert

    options = RecordsOptions(lat_col, lon_col, place_col, date_col, type_col, country)
    with _run(quiet) as progress:
        run = convert(
            inputs,
            output,
            rejects=rejects,
            options=options,
            gazetteer=load_gazetteer(gazetteer_files),
            progress=progress,
        )
    _say(run.message(), quiet)
    if run.problem:
        raise click.ClickException(run.problem)


@main.command("map", short_help="Draw incidents on an interactive map (one HTML file).")
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The map to write: one HTML file that opens anywhere, with no network.",
)
@click.option("--title", default="Incidents", show_default=True, help="The map's title.")
@click.option(
    "--tiles",
    default="none",
    show_default=True,
    help="Background tiles: none (fully offline: borders, regions, towns), osm (OpenStreetMap, "
    "needs a network when viewed), a URL template such as https://host/{z}/{x}/{y}.png, a "
    "folder of {z}/{x}/{y}.png tiles (read from disk when viewed), or an .mbtiles or "
    ".pmtiles file of raster tiles (inlined into the page, up to 20 MB).",
)
@click.option("--tiles-attr", help="Credit for the tiles of a URL template.")
@click.option(
    "--cluster/--no-cluster",
    default=None,
    help="Group nearby markers [default: above 1,000 incidents].",
)
@click.option("--time", "time_slider", is_flag=True, help="Add a time slider.")
@click.option("--heat", is_flag=True, help="Add a heatmap layer.")
@click.option("--choropleth", is_flag=True, help="Colour regions by how many incidents they hold.")
@click.option("--minimap", is_flag=True, help="Add an overview map in a corner.")
@click.option("--no-borders", is_flag=True, help="Leave out country and region borders.")
@click.option(
    "--fragment",
    is_flag=True,
    help="Write a <div> with its scripts (no <html> page) to paste into another page.",
)
@_published_option
@_quiet_option
@_gazetteer_option
def map_command(
    inputs: tuple[str, ...],
    output: Path,
    title: str,
    tiles: str,
    tiles_attr: str | None,
    cluster: bool | None,
    time_slider: bool,
    heat: bool,
    choropleth: bool,
    minimap: bool,
    no_borders: bool,
    fragment: bool,
    published: str | None,
    quiet: bool,
    gazetteer_files: tuple[Path, ...],
) -> None:
    """Draw incidents from record files and articles on an interactive map (HTML).

    INPUTS are record files (.csv, .tsv, .geojson, .json, .gpkg), articles (.txt,
    .html), folders of articles, or - for an article on stdin. The page inlines
    everything it needs, so it works offline; with --tiles none (the default) nothing
    is fetched at all. Exits 1 when no incident has a place.
    """
    from mapper.render.interactive import MapOptions
    from mapper.tools.maps import make_map

    options = MapOptions(
        title=title,
        tiles=tiles,
        tiles_attribution=tiles_attr,
        borders=not no_borders,
        cluster=cluster,
        time=time_slider,
        heat=heat,
        choropleth=choropleth,
        minimap=minimap,
        fragment=fragment,
    )
    with _run(quiet) as progress:
        written = make_map(
            inputs,
            output,
            options=options,
            published=published,
            gazetteer_files=gazetteer_files,
            progress=progress,
        )
    _say(written.message(), quiet)


@main.command(short_help="Write a print-friendly HTML report (and PDF) of the incidents.")
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=OUTPUT_DIR / "report.html",
    show_default=True,
    help="The report to write: one HTML page.",
)
@click.option("--title", default="Incident report", show_default=True, help="The report's title.")
@click.option("--fragment", is_flag=True, help="Write a <div> to paste into another page.")
@click.option(
    "--pdf",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also print the report to this PDF (headless Chromium).",
)
@_published_option
@_quiet_option
@_gazetteer_option
def report(
    inputs: tuple[str, ...],
    output: Path,
    title: str,
    fragment: bool,
    pdf: Path | None,
    published: str | None,
    quiet: bool,
    gazetteer_files: tuple[Path, ...],
) -> None:
    """Write a self-contained, print-friendly HTML report of the incidents in INPUTS.

    Summary figures, the interactive map, a timeline, one row per incident with its
    evidence and sources, and an appendix of places placed approximately or not at all.
    """
    from mapper.tools.report import make_report

    with _run(quiet) as progress:
        written = make_report(
            inputs,
            output,
            title=title,
            fragment=fragment,
            pdf=pdf,
            published=published,
            gazetteer_files=gazetteer_files,
            progress=progress,
        )
    _say(written.message(), quiet)


@main.group(short_help="Inspect the bundled gazetteer.")
def gazetteer() -> None:
    """Inspect the bundled gazetteer."""


@gazetteer.command("info", short_help="Print the gazetteer's layers, sources and counts.")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@_gazetteer_option
def gazetteer_info(fmt: str, gazetteer_files: tuple[Path, ...]) -> None:
    """Print the gazetteer's layers, sources, versions and counts."""
    from mapper.geoparse.gazetteers import load_gazetteer
    from mapper.tools.geocode import gazetteer_report

    click.echo(gazetteer_report(load_gazetteer(gazetteer_files), fmt))


@main.command(short_help="Run the pipeline on the bundled samples: a map and a report.")
@click.option(
    "-o",
    "--output-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=OUTPUT_DIR,
    show_default=True,
    help="The folder to write demo_map.html and demo_report.html into.",
)
@_quiet_option
def demo(output_dir: Path, quiet: bool) -> None:
    """Run the whole pipeline on the bundled sample articles and records, and write the
    interactive map and the report into OUTPUT_DIR."""
    from mapper.tools.demo import run_demo

    with _run(quiet) as progress:
        written = run_demo(output_dir, progress=progress)
    _say(written.message(), quiet)


@main.command("static", short_help="Draw incidents on a static map (PNG, SVG or PDF).")
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The image to write: .png, .svg or .pdf (by its ending).",
)
@click.option("--title", help="The map's title [default: Incidents].")
@click.option(
    "--width",
    default=10.0,
    show_default=True,
    type=click.FloatRange(5, 40),
    help="Width in inches.",
)
@click.option(
    "--height",
    default=7.0,
    show_default=True,
    type=click.FloatRange(3, 40),
    help="Height in inches.",
)
@click.option(
    "--dpi",
    default=150,
    show_default=True,
    type=click.IntRange(50, 600),
    help="Pixels per inch of a PNG.",
)
@_published_option
@_quiet_option
@_gazetteer_option
def static_command(
    inputs: tuple[str, ...],
    output: Path,
    title: str | None,
    width: float,
    height: float,
    dpi: int,
    published: str | None,
    quiet: bool,
    gazetteer_files: tuple[Path, ...],
) -> None:
    """Draw incidents from record files and articles on a static map for briefings.

    INPUTS are record files (.csv, .tsv, .geojson, .json, .gpkg), articles (.txt,
    .html), folders of articles, or - for an article on stdin. No browser and no network
    is needed; the same inputs always give the same file. Exits 1 when no incident has a
    place.
    """
    from mapper.tools.maps import make_static

    with _run(quiet) as progress:
        written = make_static(
            inputs,
            output,
            title=title,
            width_in=width,
            height_in=height,
            dpi=dpi,
            published=published,
            gazetteer_files=gazetteer_files,
            progress=progress,
        )
    _say(written.message(), quiet)


@main.command(short_help="Take a picture (PNG or PDF) of a map page in headless Chromium.")
@click.argument("page", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The picture to write: .png (a screenshot) or .pdf (one page).",
)
@click.option(
    "--width",
    default=1280,
    show_default=True,
    type=click.IntRange(100, 10_000),
    help="Window width in CSS pixels.",
)
@click.option(
    "--height",
    default=800,
    show_default=True,
    type=click.IntRange(100, 10_000),
    help="Window height in CSS pixels.",
)
@click.option(
    "--scale",
    default=1.0,
    show_default=True,
    type=click.FloatRange(0.5, 4),
    help="Device pixels per CSS pixel of a PNG (2 for a sharp print).",
)
def snapshot(page: Path, output: Path, width: int, height: int, scale: float) -> None:
    """Take a picture of PAGE (a map from `mapper map`) in headless Chromium.

    Every request that is not for a local file is blocked. Needs Playwright
    (pip install 'mapper[browser]') and Chromium (apt-get install chromium).
    """
    from mapper.render.browser import snapshot as take_snapshot

    capture = take_snapshot(page, output, width=width, height=height, scale=scale)
    click.echo(capture.message(), err=True)


if __name__ == "__main__":
    sys.exit(main())
