"""Language packs: every table lives in its pack, and a new language is one module."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import fields

import pytest

from mapper import languages
from mapper.event_types import EVENT_TYPES, SUB_TYPES
from mapper.languages.pack import LanguagePack
from mapper.pipeline import extract_document
from mapper.read.furniture import find_furniture

TOY_ARTICLE = (
    "Gevechten aan de grens\n"
    "Bij botsingen in het dorp Ak-Sai in Kirgizië zijn op 27 januari 2022 drie soldaten "
    "gedood, volgens de Kirgizische grenswachten.\n"
    "Lees ook: Nieuwe gevechten in Vorukh\n"
)


@pytest.fixture
def toy() -> Iterator[LanguagePack]:
    from toy_language import PACK

    languages.register(PACK)
    try:
        yield PACK
    finally:
        languages.unregister(PACK.code)


def test_the_three_languages_have_packs() -> None:
    assert languages.codes() == ("id", "en", "ru")
    for code in ("id", "en", "ru"):
        pack = languages.pack_for(code)
        assert pack.code == code
        assert pack.events.cues and pack.dates.months and pack.numbers.words
        assert pack.casualties.killed and pack.furniture.labels and pack.abbreviations


def test_a_language_without_a_pack_reads_with_the_english_one() -> None:
    assert languages.pack_for("kk") is languages.pack_for("en")
    assert not languages.has_pack("kk")


def test_every_cue_names_a_registered_event_type() -> None:
    sub_types = {(s.event_type, s.name) for s in SUB_TYPES}
    for pack in languages.everywhere():
        for _pattern, kind in pack.events.cues:
            assert kind in sub_types and kind[0] in EVENT_TYPES


def test_a_toy_language_from_one_module_reads_a_report(toy: LanguagePack) -> None:
    extraction = extract_document(TOY_ARTICLE, doc_id="toy", language="nl")
    assert extraction.document.language == "nl"
    places = {m.text: m.place for m in extraction.mentions if m.furniture is None}
    assert places["Ak-Sai"] is not None and places["Ak-Sai"].country == "KG"
    (incident,) = extraction.incidents
    assert (incident.event_type, incident.sub_event_type) == ("Battles", "Armed clash")
    assert (incident.date, incident.date_precision) == ("2022-01-27", "day")
    assert incident.fatalities == 3
    assert incident.location_text == "Ak-Sai"
    assert "Kirgizische grenswachten" in incident.actors


def test_the_toy_language_brings_its_site_furniture(toy: LanguagePack) -> None:
    spans = find_furniture(TOY_ARTICLE, "nl")
    assert [TOY_ARTICLE[s.start : s.end] for s in spans] == ["Lees ook: Nieuwe gevechten in Vorukh"]


def test_registering_twice_needs_replace(toy: LanguagePack) -> None:
    with pytest.raises(ValueError, match="registered already"):
        languages.register(toy)
    languages.register(toy, replace=True)
    with pytest.raises(ValueError, match="fallback"):
        languages.unregister(languages.FALLBACK)


def test_tables_combined_from_packs_follow_registration(toy: LanguagePack) -> None:
    from mapper.geoparse import lexicon

    assert "dorp" in lexicon.combined().unknown_name_designators
    languages.unregister(toy.code)
    assert "dorp" not in lexicon.combined().unknown_name_designators
    languages.register(toy)


def test_packs_hold_only_data() -> None:
    for pack in languages.everywhere():
        for field in fields(pack):
            value = getattr(pack, field.name)
            assert not hasattr(value, "__code__"), field.name
