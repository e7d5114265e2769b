"""`mapper eval` scores place mentions and incidents against the hand-annotated dev set."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from mapper.cli import main

DEVSET = Path(__file__).parent / "devset"


@pytest.fixture(scope="module")
def figures() -> dict:
    result = CliRunner().invoke(main, ["eval", str(DEVSET), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_eval_reports_every_figure_per_language(figures):
    assert set(figures) == {"all", "en", "id", "ru"}
    for row in figures.values():
        for key in (
            "precision",
            "recall",
            "f1",
            "resolved_within_161km",
            "resolved_within_10km",
            "exact_precision",
            "exact_recall",
            "exact_f1",
            "incident_precision",
            "incident_recall",
            "event_type_accuracy",
            "sub_event_type_accuracy",
            "date_exact",
            "fatalities_exact",
        ):
            assert 0.0 <= row[key] <= 1.0
    assert figures["all"]["gold_mentions"] == 509 and figures["all"]["gold_incidents"] == 80


def test_quality_does_not_fall_below_the_floor(figures):
    """Regression floors, a little under what the code measured with the honest matcher.

    Measured on this set (all languages): mention F1 0.991 (exact spans 0.977), resolved
    within 161 km 0.980; incidents (date within a day, place within 100 km or in the
    country of a coarse gold place) precision 0.682, recall 0.912, event type 0.973,
    sub-event type 0.959, date exact 0.931. Precision fell from 0.772 when the incident
    rules began to code an event at each listed place (ACLED's practice), which this set's
    gold does not always do, and when the pattern cues written for single sentences of
    this set were replaced by general rules. These articles were written for the project
    and used to tune it: the floors guard against regressions, they are not quality
    claims; the real-text figures are in ``bench/``.
    """
    overall = figures["all"]
    assert overall["f1"] >= 0.95
    assert overall["exact_f1"] >= 0.94
    assert overall["resolved_within_161km"] >= 0.93
    assert overall["incident_recall"] >= 0.85
    assert overall["incident_precision"] >= 0.65
    assert overall["event_type_accuracy"] >= 0.9
    assert overall["sub_event_type_accuracy"] >= 0.9
    assert overall["date_exact"] >= 0.9


def test_text_format_has_both_tables():
    result = CliRunner().invoke(main, ["eval", str(DEVSET)])
    assert result.exit_code == 0
    assert "Place mentions" in result.output and "Incidents" in result.output


def test_a_corpus_folder_is_scored_and_unverifiable_texts_are_left_out(tmp_path: Path):
    """gold/ + text/ layout; texts checked against the recorded SHA-256 and length."""
    (tmp_path / "gold").mkdir()
    (tmp_path / "text").mkdir()
    for name in ("001_id", "014_en", "025_ru"):
        text = (DEVSET / f"{name}.txt").read_bytes()
        gold = json.loads((DEVSET / f"{name}.gold.json").read_text("utf-8"))
        gold["document"]["sha256"] = hashlib.sha256(text).hexdigest()
        gold["document"]["chars"] = len(text.decode("utf-8"))
        (tmp_path / "gold" / f"{name}.gold.json").write_text(json.dumps(gold), "utf-8")
        if name != "025_ru":  # 025_ru: text missing
            (tmp_path / "text" / f"{name}.txt").write_bytes(text + b" " * (name == "014_en"))
    result = CliRunner().invoke(main, ["eval", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert rows["all"]["documents"] == 1  # 014_en differs from its hash
    assert rows["all"]["documents_missing"] == 1 and rows["all"]["documents_mismatched"] == 1
    assert rows["ru"]["documents_missing"] == 1 and rows["en"]["documents_mismatched"] == 1
    assert rows["id"]["gold_mentions"] > 0
    text = CliRunner().invoke(main, ["eval", str(tmp_path / "gold")]).output
    assert "Left out: 1 documents without their text, 1 whose text" in text


def test_a_folder_without_gold_files_is_an_error(tmp_path: Path):
    result = CliRunner().invoke(main, ["eval", str(tmp_path)])
    assert result.exit_code == 1
    assert "no *.gold.json files" in result.output
