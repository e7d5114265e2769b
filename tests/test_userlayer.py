"""mapper's side of the gazetteer's errors: re-exported, and mapped to exit codes."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

import gazetteer.errors
import mapper
from mapper.cli import main
from mapper.errors import GazetteerDataError, GazetteerFileError, UsageError, exit_code
from mapper.geoparse.gazetteers import load_gazetteer


def test_mapper_re_exports_the_gazetteer_errors():
    assert GazetteerFileError is gazetteer.errors.GazetteerFileError
    assert GazetteerDataError is gazetteer.errors.GazetteerDataError
    assert mapper.GazetteerFileError is GazetteerFileError
    assert mapper.GazetteerDataError is GazetteerDataError


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (gazetteer.errors.QueryError("name is empty"), 2),
        (GazetteerFileError("empty name", path="p.csv", line=2), 1),
        (GazetteerDataError("damaged"), 1),
        (UsageError("bad option"), 2),
    ],
)
def test_exit_codes(error, code):
    assert exit_code(error) == code


def test_load_gazetteer_raises_the_file_error_with_file_and_line(tmp_path):
    path = tmp_path / "places.csv"
    path.write_text("name,lat,lon\nOk,40,70\nBad,abc,70\n", encoding="utf-8")
    with pytest.raises(GazetteerFileError, match=rf"^{re.escape(str(path))}:3: lat/lon must be"):
        load_gazetteer([path])


def test_cli_prints_a_malformed_gazetteer_as_one_line_and_exits_1(tmp_path):
    path = tmp_path / "places.csv"
    path.write_text("name,lat,lon\nBad,95,70\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["geocode", "Batken", "--gazetteer", str(path)])
    assert result.exit_code == 1
    assert f"{path}:2: coordinate out of range" in result.output
    assert "Traceback" not in result.output
