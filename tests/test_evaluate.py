"""`mapper eval` scores place mentions and incidents against the hand-annotated dev set."""

from __future__ import annotations

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
            "incident_precision",
            "incident_recall",
            "event_type_accuracy",
        ):
            assert 0.0 <= row[key] <= 1.0
    assert figures["all"]["gold_mentions"] == 509 and figures["all"]["gold_incidents"] == 80


def test_quality_does_not_fall_below_the_floor(figures):
    """Floors well under today's figures: a drop below them is a regression."""
    overall = figures["all"]
    assert overall["f1"] >= 0.95
    assert overall["resolved_within_161km"] >= 0.93
    assert overall["incident_recall"] >= 0.9
    assert overall["incident_precision"] >= 0.7
    assert overall["event_type_accuracy"] >= 0.9


def test_text_format_has_both_tables():
    result = CliRunner().invoke(main, ["eval", str(DEVSET)])
    assert result.exit_code == 0
    assert "Place mentions" in result.output and "Incidents" in result.output
