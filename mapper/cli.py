"""The ``mapper`` command line. Each command parses options and calls one library function.

Heavy imports happen inside the commands, so ``mapper --help`` is instant. Errors the
tool raises on purpose (:class:`mapper.errors.MapperError`) are printed as one line on
stderr with their exit code (1 for errors, 2 for misuse), never as a traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from mapper import __version__
from mapper.errors import MapperError

__all__ = ["main"]

OUTPUT_DIR = Path("output")


class _Group(click.Group):
    """Turns :class:`MapperError` into a one-line message and its exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except MapperError as err:
            failure = click.ClickException(str(err))
            failure.exit_code = err.exit_code
            raise failure from err


gazetteer_option = click.option(
    "--gazetteer",
    "gazetteer_files",
    multiple=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Extra gazetteer: a CSV (name, alternate_names, lat, lon, kind, country, admin1, "
    "source) or a GeoNames dump such as KG.txt. Outranks the bundled data. Repeatable.",
)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="mapper")
def main() -> None:
    """Turn multilingual news articles and incident records into maps, offline."""


@main.command()
@click.argument("name")
@click.option("--country", help="Restrict to this country (ISO 3166-1 alpha-2, e.g. KG).")
@click.option("--near", help="Prefer places near this place or region (e.g. 'Batken').")
@click.option("--limit", default=5, show_default=True, type=click.IntRange(1, 100))
@click.option("--lang", help="Language of the name (ISO 639-1), a hint.")
@click.option(
    "--format", "fmt", type=click.Choice(["json", "table"]), default="json", show_default=True
)
@gazetteer_option
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

    An empty result (``[]``) with exit code 0 means the name was not found.
    """
    from mapper.geocoding import candidates_json, candidates_table, geocode, load_gazetteer

    found = geocode(
        name,
        country=country,
        near=near,
        limit=limit,
        lang=lang,
        gazetteer=load_gazetteer(gazetteer_files),
    )
    click.echo(candidates_json(found) if fmt == "json" else candidates_table(found))


@main.group()
def gazetteer() -> None:
    """Inspect the bundled gazetteer."""


@gazetteer.command("info")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@gazetteer_option
def gazetteer_info(fmt: str, gazetteer_files: tuple[Path, ...]) -> None:
    """Print the gazetteer's layers, sources, versions and counts."""
    from mapper.geocoding import gazetteer_report, load_gazetteer

    click.echo(gazetteer_report(load_gazetteer(gazetteer_files), fmt))


@main.command()
@click.option(
    "-o",
    "--output-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=OUTPUT_DIR,
    show_default=True,
)
@click.option("--quiet", is_flag=True, help="No progress messages.")
def demo(output_dir: Path, quiet: bool) -> None:
    """Run the pipeline on the bundled samples and write the results into OUTPUT_DIR."""
    from mapper.demo import run_demo

    for path in run_demo(output_dir, progress=None if quiet else _progress):
        click.echo(str(path))


def _progress(message: str) -> None:
    click.echo(message, err=True)


if __name__ == "__main__":
    sys.exit(main())
