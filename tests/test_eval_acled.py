"""``bench/eval_acled.py`` scores the incidents read from one ACLED note against its coding."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from mapper.evaluate import Coded

SCRIPT = Path(__file__).resolve().parents[1] / "bench" / "eval_acled.py"


@pytest.fixture(scope="module")
def eval_acled() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_acled", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("eval_acled", module)
    spec.loader.exec_module(module)
    return module


# An event made up for the test, in the shape of the ACLED rows of cache/dev.jsonl.
EVENT: dict[str, Any] = {
    "event_id_cnty": "KGZ1",
    "event_date": "2021-04-29",
    "time_precision": 1,
    "event_type": "Battles",
    "sub_event_type": "Armed clash",
    "latitude": 40.06259,
    "longitude": 70.81939,
    "geo_precision": 1,
    "fatalities": 3,
}


def coded(day: str, event_type: str, sub: str, at: tuple[float, float], dead: int | None) -> Coded:
    return Coded(day, "day", event_type, sub, "KG", at[0], at[1], 1, dead)


def test_the_agreeing_incident_is_scored_whatever_its_type(eval_acled: ModuleType) -> None:
    far = coded("2021-04-29", "Battles", "Armed clash", (42.87, 74.59), 3)  # Bishkek
    near = coded("2021-04-30", "Violence against civilians", "Attack", (40.1, 70.7), None)
    outcome = eval_acled.score_event(EVENT, [far, near])
    assert outcome.incidents == 2 and outcome.agreeing
    # the agreeing incident is taken even though the other one has the right type
    assert outcome.predicted_type == "Violence against civilians"
    assert not outcome.event_type_right and not outcome.date_exact
    assert outcome.place and not outcome.fatalities_exact


def test_without_an_agreeing_incident_the_first_one_is_scored(eval_acled: ModuleType) -> None:
    first = coded("2021-05-10", "Battles", "Armed clash", (42.87, 74.59), 3)
    outcome = eval_acled.score_event(EVENT, [first])
    assert not outcome.agreeing
    assert outcome.event_type_right and outcome.sub_event_type_right
    assert outcome.fatalities_exact and not outcome.place and not outcome.date_exact


def test_coarse_acled_places_and_dates(eval_acled: ModuleType) -> None:
    coarse = EVENT | {"geo_precision": 3, "time_precision": 3, "fatalities": 0}
    # 80 km away: outside 50 km, inside the 100 km allowed for geo_precision 3
    guess = coded("2021-04-12", "Battles", "Armed clash", (40.5, 71.6), None)
    outcome = eval_acled.score_event(coarse, [guess])
    assert outcome.agreeing and outcome.place
    assert outcome.fatalities_exact  # no figure counts as ACLED's 0
    assert not eval_acled.score_event(EVENT, [guess]).place


def test_no_incident_is_wrong_on_every_figure(eval_acled: ModuleType) -> None:
    outcome = eval_acled.score_event(EVENT, [])
    assert outcome.predicted_type == "(none)"
    assert not any(outcome.figures().values())
    summary = eval_acled.summarise(
        [
            outcome,
            eval_acled.score_event(
                EVENT, [coded("2021-04-29", "Battles", "Armed clash", (40.06, 70.82), 3)]
            ),
        ]
    )
    assert summary["all"]["incident"] == 0.5 and summary["all"]["event_type"] == 0.5
    assert summary["confusion"] == {"Battles": {"(none)": 1, "Battles": 1}}
