"""The gazetteer's errors: one root, fitting built-in bases, messages that name parameters."""

from __future__ import annotations

import pickle
import re
import sqlite3

import pytest

import gazetteer
from gazetteer import store
from gazetteer.errors import GazetteerDataError, GazetteerError, GazetteerFileError, QueryError
from gazetteer.userlayer import load_layer


def test_one_root_and_fitting_builtins():
    assert issubclass(GazetteerError, Exception)
    assert issubclass(QueryError, GazetteerError) and issubclass(QueryError, ValueError)
    assert issubclass(GazetteerFileError, GazetteerError)
    assert issubclass(GazetteerFileError, ValueError)
    assert issubclass(GazetteerDataError, GazetteerError)
    assert not issubclass(GazetteerDataError, ValueError)


def test_errors_are_exported_from_the_package():
    for cls in (GazetteerError, QueryError, GazetteerFileError, GazetteerDataError):
        assert getattr(gazetteer, cls.__name__) is cls
        assert cls.__name__ in gazetteer.__all__


@pytest.mark.parametrize(
    ("name", "options", "parameter"),
    [
        ("Batken", {"country": "Kyrgyzstan"}, "country"),
        ("Batken", {"near": "Qwxzqwxz"}, "near"),
        ("Batken", {"limit": 0}, "limit"),
        ("Batken", {"kinds": ["city"]}, "kinds"),
        ("", {}, "name"),
        ("x" * 500, {}, "name"),
        ("Bat\x07ken", {}, "name"),
        ("---", {}, "name"),
    ],
)
def test_query_errors_name_the_parameter_not_a_command_line_flag(
    gazetteer, name, options, parameter
):
    with pytest.raises(QueryError) as caught:
        gazetteer.lookup(name, **options)
    message = str(caught.value)
    assert message.startswith(f"{parameter} "), message
    assert f"--{parameter}" not in message and "mapper" not in message


def test_country_message_says_what_a_country_code_looks_like(gazetteer):
    with pytest.raises(QueryError, match=r"ISO 3166-1 alpha-2 code such as 'KG', got 'Kyr'"):
        gazetteer.lookup("Batken", country="Kyr")


def test_unlocated_validates_its_name_too(gazetteer):
    with pytest.raises(QueryError, match=r"^name is empty"):
        gazetteer.unlocated("  ")


def test_file_error_reads_path_line_reason():
    error = GazetteerFileError("empty name", path="places.csv", line=3)
    assert str(error) == "places.csv:3: empty name"
    assert (error.path, error.line, error.reason) == ("places.csv", 3, "empty name")
    assert str(GazetteerFileError("is empty", path="p.csv")) == "p.csv: is empty"
    assert str(GazetteerFileError("no file given")) == "no file given"


def test_file_error_survives_pickling():
    """Dask hands errors from its workers back to the client pickled."""
    error = pickle.loads(pickle.dumps(GazetteerFileError("empty name", path="p.csv", line=3)))
    assert isinstance(error, GazetteerFileError)
    assert (str(error), error.path, error.line, error.reason) == (
        "p.csv:3: empty name",
        "p.csv",
        3,
        "empty name",
    )


def test_file_errors_name_file_and_line_and_chain_the_cause(tmp_path):
    missing = tmp_path / "nope.csv"
    with pytest.raises(GazetteerFileError) as caught:
        load_layer(missing)
    assert (caught.value.path, caught.value.line) == (str(missing), None)
    assert isinstance(caught.value.__cause__, FileNotFoundError)
    cp1251 = tmp_path / "cp1251.csv"
    cp1251.write_bytes("name,lat,lon\nБаткен,40,70\n".encode("cp1251"))
    where = re.escape(f"{cp1251}:2:")
    with pytest.raises(GazetteerFileError, match=rf"^{where} not UTF-8") as caught:
        load_layer(cp1251)
    assert isinstance(caught.value.__cause__, UnicodeDecodeError)


def test_missing_manifest_is_a_data_error(monkeypatch, tmp_path):
    monkeypatch.setattr(store, "DATA", tmp_path)
    with pytest.raises(GazetteerDataError, match="reinstall") as caught:
        store.manifest()
    assert isinstance(caught.value.__cause__, OSError)
    assert "python -m gazetteer.build" in str(caught.value)


def test_missing_borders_are_a_data_error(monkeypatch, tmp_path):
    from gazetteer import borders

    monkeypatch.setattr(borders, "DATA", tmp_path)
    with pytest.raises(GazetteerDataError, match=r"admin1\.geojson\.gz.*reinstall"):
        borders._read("admin1.geojson.gz")


def test_a_damaged_cached_database_is_removed_with_a_data_error(monkeypatch, tmp_path):
    monkeypatch.setenv("MAPPER_CACHE_DIR", str(tmp_path))
    digest = store.manifest()["sqlite_sha256"][:16]
    cached = tmp_path / f"gazetteer-{digest}.sqlite"
    cached.write_bytes(b"not a database" * 100)
    with pytest.raises(GazetteerDataError, match="damaged and has been removed; try again") as e:
        store.open_bundled()
    assert isinstance(e.value.__cause__, sqlite3.DatabaseError)
    assert not cached.exists()
    assert "mapper " not in str(e.value)
