"""The hand-annotated development set is well formed: offsets, order, types."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mapper.model import EVENT_TYPES

DEVSET = Path(__file__).parent / "devset"
GOLD = sorted(DEVSET.glob("*.gold.json"))


def test_devset_has_at_least_thirty_articles_in_three_languages():
    languages = [json.loads(p.read_text("utf-8"))["document"]["language"] for p in GOLD]
    assert len(GOLD) >= 30
    assert {lang: languages.count(lang) >= 8 for lang in ("id", "en", "ru")} == {
        "id": True,
        "en": True,
        "ru": True,
    }


@pytest.mark.parametrize("gold_path", GOLD, ids=lambda p: p.name)
def test_gold_offsets_and_types(gold_path):
    gold = json.loads(gold_path.read_text("utf-8"))
    text = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt")).read_text("utf-8")
    previous_end = 0
    for mention in gold["mentions"]:
        assert text[mention["start"] : mention["end"]] == mention["text"]
        assert mention["start"] >= previous_end, "sorted and non-overlapping"
        previous_end = mention["end"]
    for incident in gold["incidents"]:
        assert incident["event_type"] in EVENT_TYPES
        evidence = incident["evidence"]
        assert 0 <= evidence["start"] < evidence["end"] <= len(text)
