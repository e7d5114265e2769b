"""The real news corpus's gold files follow bench/corpora/news/GUIDELINES.md.

The schema is checked on every committed gold file; offsets are checked against the texts when
``bench/corpora/rebuild.py`` has rebuilt them (they are not in the repository).
"""

from __future__ import annotations

import copy
import hashlib
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "bench" / "corpora" / "news" / "check_gold.py"


@pytest.fixture(scope="module")
def check() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_gold", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("check_gold", module)
    spec.loader.exec_module(module)
    return module


def test_every_gold_file_follows_the_schema(check: ModuleType) -> None:
    files = list(check.read_all())
    assert len(files) == 94
    languages = [gold["document"]["language"] for _, gold, _ in files]
    assert {lang: languages.count(lang) >= 20 for lang in ("id", "en", "ru")} == dict.fromkeys(
        ("id", "en", "ru"), True
    )
    errors = [
        str(p)
        for name, gold, text in files
        for p in check.check_gold(gold, name, text)
        if p.severity == "error"
    ]
    assert errors == []


TEXT = "Clash in Batken\nBorder guards fought near Ak-Sai on Thursday, the ministry said.\n"


def valid_gold() -> dict[str, Any]:
    return {
        "document": {
            "id": "news_en_999",
            "language": "en",
            "published": "2022-01-28",
            "url": "https://example.org/a",
            "title": None,
            "title_span": {"start": 0, "end": 15},
            "sha256": hashlib.sha256(TEXT.encode()).hexdigest(),
            "chars": len(TEXT),
        },
        "mentions": [
            {
                "start": 9,
                "end": 15,
                "text": "Batken",
                "name": "Batken",
                "kind": "populated_place",
                "country": "KG",
                "lat": 40.06,
                "lon": 70.82,
                "precision": 1,
            },
            {
                "start": 42,
                "end": 48,
                "text": "Ak-Sai",
                "name": "Ak-Sai",
                "kind": "populated_place",
                "country": "KG",
                "lat": 39.87,
                "lon": 70.52,
                "precision": 1,
            },
        ],
        "incidents": [
            {
                "date": "2022-01-27",
                "date_precision": "day",
                "event_type": "Battles",
                "sub_event_type": "Armed clash",
                "location_text": "Ak-Sai",
                "country": "KG",
                "name": "Ak-Sai",
                "lat": 39.87,
                "lon": 70.52,
                "geo_precision": 1,
                "fatalities": 1,
                "injuries": None,
                "claims": [
                    {"claimant": "ministry", "fatalities": 1, "injuries": None},
                    {"claimant": "guards", "fatalities": 2, "injuries": None},
                ],
                "actors": ["Kyrgyz border guards", "Tajik border guards"],
                "evidence": {"start": 16, "end": len(TEXT) - 1},
            }
        ],
    }


def errors_of(check: ModuleType, gold: dict[str, Any]) -> list[str]:
    found = check.check_gold(gold, "news_en_999.gold.json", TEXT)
    return [f"{p.where}: {p.what}" for p in found if p.severity == "error"]


def test_a_valid_file_passes(check: ModuleType) -> None:
    assert errors_of(check, valid_gold()) == []


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        (("document", "title"), "Clash in Batken", "keep title null"),
        (("document", "published"), "28.01.2022", "not YYYY-MM-DD"),
        (("mentions", 1, "start"), 41, "text[start:end] is"),
        (("mentions", 1, "start"), 12, "overlaps"),
        (("mentions", 0, "kind"), "city", "kind 'city'"),
        (("mentions", 0, "country"), "Kyrgyzstan", "not an ISO 3166"),
        (("mentions", 0, "precision"), None, "precision None with lat"),
        (("incidents", 0, "sub_event_type"), "Peaceful protest", "not an ACLED event type"),
        (("incidents", 0, "sub_event_type"), "Troop deployment", "not an ACLED event type"),
        (("incidents", 0, "date"), "2022-01", "with date_precision 'day'"),
        (("incidents", 0, "date"), "2022-01-30", "after the publication date"),
        (("incidents", 0, "date_precision"), "week", "is not one"),
        (("incidents", 0, "geo_precision"), 4, "geo_precision 4"),
        (("incidents", 0, "lat"), None, "lat and lon go together"),
        (("incidents", 0, "fatalities"), 5, "none of the claims"),
        (("incidents", 0, "injuries"), -1, "not a count"),
        (("incidents", 0, "location_text"), "Vorukh", "not in the text"),
        (("incidents", 0, "evidence"), {"start": 16, "end": 999}, "evidence"),
        (("incidents", 0, "actors"), "guards", "actors"),
        (("incidents", 0, "extra"), 1, "unknown fields ['extra']"),
    ],
)
def test_schema_errors_are_found(
    check: ModuleType, path: tuple[Any, ...], value: Any, expected: str
) -> None:
    gold = copy.deepcopy(valid_gold())
    target: Any = gold
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    errors = errors_of(check, gold)
    assert any(expected in error for error in errors), errors


def test_explained_departures_are_questions_not_errors(check: ModuleType) -> None:
    gold = valid_gold()
    gold["incidents"][0]["fatalities"] = 3  # the two sides' figures added
    gold["mentions"][0] |= {"kind": "landmark", "country": None}  # a river across a border
    found = check.check_gold(gold, "news_en_999.gold.json", TEXT)
    assert [p.severity for p in found] == ["question", "question"]
    assert "the sum of the claims" in found[1].what
