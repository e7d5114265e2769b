"""A run that fails or is interrupted while it renders or writes leaves the previous output
as it was and no temporary file beside it."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import mapper.outputs
from mapper.cli import main

RECORDS = (
    "id,lat,lon,place,date,type,fatalities\n"
    "a-1,39.874,70.522,ak-sai,2022-01-27,Battles,1\n"
    "a-2,40.06,70.82,batken,2022-01-28,Riots,\n"
)
PREVIOUS = b"the previous output\n"

#: Each command, and the function that renders what it writes.
COMMANDS = {
    "map": ("map r.csv -o out.html --quiet", "mapper.render.interactive.map_html"),
    "report": ("report r.csv -o out.html --quiet", "mapper.render.report.build_report"),
    "incidents csv": (
        "incidents r.csv -o out.csv",
        "mapper.records.formats.incidents_to_geodataframe",
    ),
    "incidents geojson": (
        "incidents r.csv -o out.geojson",
        "mapper.records.formats.incidents_to_geodataframe",
    ),
    "incidents gpkg": (
        "incidents r.csv -o out.gpkg",
        "mapper.records.formats.incidents_to_geodataframe",
    ),
}


class _HalfWritten:
    """A file that takes half of what it is given, then fails with ``error``."""

    def __init__(self, handle: Any, error: BaseException) -> None:
        self.handle, self.error = handle, error

    def __enter__(self) -> _HalfWritten:
        return self

    def __exit__(self, *exc: object) -> None:
        self.handle.close()

    def write(self, data: bytes) -> int:
        self.handle.write(data[: len(data) // 2])
        self.handle.flush()
        raise self.error


class _OsFailingMidway:
    """The ``os`` module as :mod:`mapper.outputs` sees it, with writes that fail midway."""

    def __init__(self, error: BaseException) -> None:
        self.error = error

    def __getattr__(self, name: str) -> Any:
        return getattr(os, name)

    def fdopen(self, fd: int, mode: str) -> _HalfWritten:
        return _HalfWritten(os.fdopen(fd, mode), self.error)


def fail_writing(monkeypatch: pytest.MonkeyPatch, error: BaseException) -> None:
    """Make every output write fail after half its bytes: the atomic writer's, and the
    layer writer's (GeoJSON, GeoPackage)."""
    import pyogrio

    monkeypatch.setattr(mapper.outputs, "os", _OsFailingMidway(error))

    def half_a_layer(frame: Any, path: Any, **_: Any) -> None:
        Path(path).write_bytes(b'{"type": "FeatureCollection", "features": [')
        raise error

    monkeypatch.setattr(pyogrio, "write_dataframe", half_a_layer)


def fail_rendering(monkeypatch: pytest.MonkeyPatch, target: str, error: BaseException) -> None:
    def interrupted(*_: Any, **__: Any) -> None:
        raise error

    monkeypatch.setattr(target, interrupted)


FAILURES = {
    "disk full while writing": (
        lambda mp, _: fail_writing(mp, OSError(errno.ENOSPC, "No space left on device")),
        "No space left on device",
    ),
    "interrupted while writing": (lambda mp, _: fail_writing(mp, KeyboardInterrupt()), "Aborted"),
    "interrupted while rendering": (
        lambda mp, target: fail_rendering(mp, target, KeyboardInterrupt()),
        "Aborted",
    ),
}


@pytest.mark.parametrize("failure", FAILURES)
@pytest.mark.parametrize("command", COMMANDS)
def test_a_failed_run_keeps_the_previous_output(
    command: str, failure: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "r.csv").write_text(RECORDS, encoding="utf-8")
    args, renderer = COMMANDS[command]
    output = tmp_path / args.split()[args.split().index("-o") + 1]
    output.write_bytes(PREVIOUS)
    before = sorted(p.name for p in tmp_path.iterdir())
    breaks, message = FAILURES[failure]
    breaks(monkeypatch, renderer)
    result = CliRunner().invoke(main, args.split())
    assert result.exit_code == 1, result.output
    assert message in result.output
    assert output.read_bytes() == PREVIOUS
    assert sorted(p.name for p in tmp_path.iterdir()) == before, "no temporary file is left"


@pytest.mark.parametrize("command", COMMANDS)
def test_the_same_commands_write_when_nothing_fails(command: str, tmp_path: Path) -> None:
    """The failures above are failures of these very commands."""
    (tmp_path / "r.csv").write_text(RECORDS, encoding="utf-8")
    args, _ = COMMANDS[command]
    output = tmp_path / args.split()[args.split().index("-o") + 1]
    output.write_bytes(PREVIOUS)
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(tmp_path)
        result = CliRunner().invoke(main, args.split())
    assert result.exit_code == 0, result.output
    assert output.read_bytes() != PREVIOUS
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]
