"""The name index: shipped with the data, memory-mapped, and the same keys as names fold to."""

from __future__ import annotations

import hashlib
import json
import shutil

import pytest

from gazetteer import GazetteerDataError
from gazetteer.names import (
    KEYS_FILE,
    PLACES,
    SCHEME,
    TARGETS_FILE,
    UNLOCATED,
    VALUES_FILE,
    NameIndex,
    index_entries,
    name_keys,
)
from gazetteer.store import DATA, manifest


@pytest.fixture(scope="module")
def index() -> NameIndex:
    return NameIndex.bundled()


def test_the_shipped_files_are_the_ones_the_manifest_records():
    names = manifest()["names"]
    assert names["scheme"] == SCHEME
    assert names["sqlite_sha256"] == manifest()["sqlite_sha256"]
    for file, digest in names["files"].items():
        assert hashlib.sha256((DATA / file).read_bytes()).hexdigest() == digest
    assert len(NameIndex.bundled()) == names["keys"] > 900_000


def test_a_name_is_found_by_its_words_and_by_its_words_written_as_one(index):
    assert NameIndex.kinds_of(index.get("batken ") or 0) & PLACES
    assert index.get("ak sai ") is not None and index.get("aksai ") is not None
    assert index.get("no such place anywhere ") is None


def test_keys_that_start_a_text_are_its_names_there(index):
    found = dict(index.matches("batken region # osh "))
    assert set(found) >= {"batken ", "batken region "}
    assert "batken region # " not in found and "osh " not in found


def test_a_key_of_other_spellings_carries_their_skeletons(index):
    (lemma_key,) = [k for k in name_keys("Баткенская область") if k.startswith("batkenski ")]
    value = index.get(lemma_key)
    assert value is not None and "batkenskaiaoblast" in index.targets_of(value)
    assert index.targets_of(index.get("batken ") or 0) == ()


def test_unlocated_places_are_marked(index):
    unlocated = [
        key for key in ("orto boz ", "ortoboz ") if NameIndex.kinds_of(index.get(key) or 0)
    ]
    assert unlocated
    assert any(NameIndex.kinds_of(index.get(key) or 0) & UNLOCATED for key in unlocated)


def test_russian_names_are_keyed_by_their_words_lemmas_too():
    keys = name_keys("Баткенская область")
    assert "batkenskaia oblast " in keys
    assert any(key.startswith("batkenski") and key.endswith(" oblast ") for key in keys)
    assert set(keys.values()) == {"batkenskaiaoblast"}


def test_names_are_indexed_in_memory_alike():
    entries = index_entries(["Dacha Sary-Tash", "Баткенская область"], ["Kök-Tash"])
    memory = NameIndex.build(entries)
    assert memory.get("dacha sari tash ") == memory.get("dachasaritash ") == PLACES
    assert NameIndex.kinds_of(memory.get("kok tash ") or 0) == UNLOCATED
    (lemma_key,) = [k for k in entries if k.startswith("batkenski ")]
    assert memory.targets_of(memory.get(lemma_key) or 0) == ("batkenskaiaoblast",)
    assert [key for key, _ in memory.matches("dacha sari tash bazaar ")] == ["dacha sari tash "]


def test_a_damaged_index_is_an_error_that_says_what_to_do(tmp_path):
    for name in (KEYS_FILE, VALUES_FILE, TARGETS_FILE):
        shutil.copy(DATA / name, tmp_path / name)
    (tmp_path / VALUES_FILE).write_bytes(b"\0" * 8)
    with pytest.raises(GazetteerDataError, match="inconsistent"):
        NameIndex.open(tmp_path)
    (tmp_path / KEYS_FILE).unlink()
    with pytest.raises(GazetteerDataError, match="missing or damaged"):
        NameIndex.open(tmp_path)


def test_the_manifest_is_json_the_index_is_not_pickled():
    raw = (DATA / "manifest.json").read_text(encoding="utf-8")
    assert json.loads(raw)["names"]["files"].keys() == {KEYS_FILE, VALUES_FILE, TARGETS_FILE}
    for name in (KEYS_FILE, VALUES_FILE, TARGETS_FILE):
        assert not (DATA / name).read_bytes().startswith(b"\x80")  # no pickle protocol mark
