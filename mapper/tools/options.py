"""Checks of the options every command shares, made before any input is read.

Each check raises :class:`~mapper.errors.UsageError` naming the parameter as a Python
caller spells it (``published``, ``output``); the command line puts its flag names in
(``--published``, ``-o/--output``). A run that fails a check has read and written nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path

from mapper.errors import UsageError

__all__ = [
    "EARLIEST_YEAR",
    "check_date",
    "check_engine",
    "check_inputs",
    "check_output",
    "check_pdf",
]

#: Publication dates before this year are taken for typing mistakes, not archives.
EARLIEST_YEAR = 1800


def check_date(value: str | None, option: str = "published") -> dt.date | None:
    """The date ``value`` gives (``YYYY-MM-DD``), or ``None`` for none."""
    if value is None:
        return None
    try:
        day = dt.date.fromisoformat(value)
    except (TypeError, ValueError) as err:
        raise UsageError(
            f"{option} takes a date as YYYY-MM-DD, got {value!r}", options=(option,)
        ) from err
    if day.year < EARLIEST_YEAR:
        raise UsageError(
            f"{option} {value} is before {EARLIEST_YEAR}; give the article's real date",
            options=(option,),
        )
    return day


def check_inputs(inputs: Sequence[str | Path], option: str = "inputs") -> None:
    """At least one input is given."""
    if not inputs:
        raise UsageError(
            "give at least one input: record files, articles, folders or - for stdin",
            options=(option,),
        )


def check_output(
    output: str | Path, suffixes: Iterable[str], what: str, option: str = "output"
) -> Path:
    """``output`` as a path, when its ending is one of ``suffixes`` (``.html``)."""
    target = Path(output)
    allowed = tuple(suffixes)
    if target.suffix.lower() not in allowed:
        endings = " or ".join(allowed)
        raise UsageError(
            f"the {what}: end the {option} name with {endings}, not {target}", options=(option,)
        )
    return target


def check_pdf(pdf: str | Path | None, fragment: bool) -> Path | None:
    """The PDF path of a report; a fragment has no PDF."""
    if pdf is None:
        return None
    if fragment:
        raise UsageError(
            "pdf prints a whole report; leave out fragment", options=("pdf", "fragment")
        )
    return check_output(pdf, (".pdf",), "report's PDF is a PDF file", option="pdf")


def check_engine(engine: str, workers: int | None, scheduler: str | None) -> None:
    """``workers`` and ``scheduler`` belong to the Dask engine."""
    if engine not in ("local", "dask"):
        raise UsageError(f"engine is local or dask, not {engine!r}", options=("engine",))
    if engine != "dask" and (workers is not None or scheduler is not None):
        raise UsageError(
            "workers and scheduler go with engine dask",
            options=("workers", "scheduler", "engine"),
        )
