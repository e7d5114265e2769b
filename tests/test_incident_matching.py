"""Honest incident matching in ``mapper eval``: date, place, type preference, one to one."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from mapper.evaluate import (
    Coded,
    dates_agree,
    match_incidents,
    period,
    place_distance,
    score_incidents,
    sub_event_agrees,
)

# Real coordinates (GeoNames): Batken, Osh and Bishkek (KG), Isfara (TJ).
BATKEN = (40.06259, 70.81939)
OSH = (40.52828, 72.7985)
BISHKEK = (42.87, 74.59)
ISFARA = (40.12564, 70.6253)


def coded(
    when: str | None = "2022-01-27",
    *,
    precision: str | None = "day",
    event_type: str = "Battles",
    sub: str = "Armed clash",
    at: tuple[float, float] | None = BATKEN,
    country: str | None = "KG",
    geo: int | None = 1,
    fatalities: int | None = None,
) -> Coded:
    return Coded(
        date=when,
        date_precision=precision,
        event_type=event_type,
        sub_event_type=sub,
        country=country,
        lat=at[0] if at else None,
        lon=at[1] if at else None,
        geo_precision=geo,
        fatalities=fatalities,
    )


def test_periods_of_days_weeks_months_and_years():
    day = date(2022, 1, 27)
    assert period("2022-01-27") == period("2022-01-27", "day") == (day, day)
    assert period("2021-04-26", "week") == (date(2021, 4, 26), date(2021, 5, 2))
    assert (
        period("2021-02") == period("2021-02-10", "month") == (date(2021, 2, 1), date(2021, 2, 28))
    )
    assert period("2024-02") == (date(2024, 2, 1), date(2024, 2, 29))
    assert period("2019") == period("2019-06-01", "year") == (date(2019, 1, 1), date(2019, 12, 31))
    assert period(None) is None and period("27 January") is None and period("2021-13") is None


@pytest.mark.parametrize(
    ("predicted", "agrees"),
    [("2022-01-27", True), ("2022-01-28", True), ("2022-01-26", True), ("2022-01-29", False)],
)
def test_days_agree_within_one_day(predicted: str, agrees: bool):
    assert dates_agree(predicted, "day", "2022-01-27", "day") is agrees
    gold, guess = coded("2022-01-27"), coded(predicted)
    assert len(match_incidents([guess], [gold])) == int(agrees)


def test_coarse_dates_agree_when_the_periods_overlap():
    # a month in the gold holds every day of it (and the day after, by the tolerance)
    assert dates_agree("2021-04-15", "day", "2021-04", "month")
    assert dates_agree("2021-05-01", "day", "2021-04", "month")
    assert not dates_agree("2021-05-02", "day", "2021-04", "month")
    # a week runs from its first day for seven days
    assert dates_agree("2021-05-02", "day", "2021-04-26", "week")
    assert dates_agree("2021-05-03", "day", "2021-04-26", "week")
    assert not dates_agree("2021-05-04", "day", "2021-04-26", "week")
    # a coarse prediction against a day in the gold
    assert dates_agree("2021-04", "month", "2021-04-28", "day")
    assert not dates_agree("2021-03", "month", "2021-04-28", "day")
    # an undated prediction never matches
    assert match_incidents([coded(None, precision=None)], [coded()]) == []


def test_place_must_lie_within_the_stated_distance():
    gold = coded(at=BATKEN)
    near = coded(at=ISFARA, country="TJ")  # about 17 km away, across the border
    far = coded(at=OSH)  # about 175 km away
    assert place_distance(near, gold) == pytest.approx(17, abs=3)
    assert place_distance(far, gold) is None
    assert place_distance(near, gold, max_km=10) is None
    assert len(match_incidents([far], [gold])) == 0
    assert len(match_incidents([near], [gold])) == 1
    assert match_incidents([coded(at=None, country="KG")], [gold]) == []


def test_coarse_gold_is_matched_inside_its_country():
    country_only = coded(at=None, country="KG", geo=3)
    region = coded(at=(39.79, 70.89), country="KG", geo=3)  # Batken Region, by its centroid
    in_kyrgyzstan, in_tajikistan = coded(at=BISHKEK), coded(at=ISFARA, country="TJ")
    assert place_distance(in_kyrgyzstan, country_only) == 0.0
    assert place_distance(in_tajikistan, country_only) is None
    assert place_distance(in_kyrgyzstan, region) is not None  # 400 km off, but in KG
    assert place_distance(in_tajikistan, region) is not None  # in reach of the centroid
    # a precise gold place (geo_precision 1) is not matched by the country
    assert place_distance(in_kyrgyzstan, coded(at=BATKEN, geo=1)) is None


def test_the_same_event_type_is_preferred_among_candidates():
    gold = [coded(event_type="Battles", sub="Armed clash")]
    predicted = [
        coded(event_type="Strategic developments", sub="Troop deployment", at=BATKEN),
        coded(event_type="Battles", sub="Armed clash", at=ISFARA, country="TJ"),
    ]
    (pair,) = match_incidents(predicted, gold)
    assert pair.predicted == 1
    scores = score_incidents(predicted, gold)
    assert (scores.matched, scores.type_right) == (1, 1)
    assert scores.figures()["incident_precision"] == 0.5


def test_each_incident_is_used_once_best_pairs_first():
    # Two clashes on one day, in Batken and in Isfara; the first prediction is placed in
    # Isfara, which is within 100 km of both: it must not take the Batken gold.
    gold = [coded(at=BATKEN), coded(at=ISFARA, country="TJ")]
    predicted = [coded(at=ISFARA, country="TJ"), coded(at=BATKEN)]
    pairs = match_incidents(predicted, gold)
    assert [(p.gold, p.predicted) for p in pairs] == [(0, 1), (1, 0)]
    # one prediction, two gold incidents: one match
    scores = score_incidents([coded()], [coded(), coded()])
    assert (scores.gold, scores.predicted, scores.matched) == (2, 1, 1)
    assert scores.figures()["incident_recall"] == 0.5
    # two predictions of one gold incident: one match, the other is a false positive
    scores = score_incidents([coded(), coded("2022-01-28")], [coded()])
    assert scores.figures()["incident_precision"] == 0.5


def test_sub_event_types_are_compared_on_acled_names():
    change = coded(event_type="Strategic developments", sub="Change to group/activity")
    other = coded(event_type="Strategic developments", sub="Other")
    assert sub_event_agrees(replace(change, sub_event_type="Troop deployment"), change)
    assert sub_event_agrees(replace(other, sub_event_type="Evacuation"), other)
    assert sub_event_agrees(replace(other, sub_event_type="Power outage"), other)
    assert not sub_event_agrees(replace(other, sub_event_type="Evacuation"), change)
    # a road blockade is compared by its event type only
    blockade = coded(event_type="Protests", sub="Road blockade")
    protest = coded(event_type="Protests", sub="Peaceful protest")
    assert sub_event_agrees(blockade, protest)
    assert not sub_event_agrees(replace(blockade, event_type="Strategic developments"), protest)
    assert not sub_event_agrees(blockade, other)


def test_dates_and_fatalities_of_matched_pairs_are_scored():
    gold = [coded("2022-01-27", fatalities=2), coded("2022-02-10", fatalities=None)]
    predicted = [coded("2022-01-28", fatalities=2), coded("2022-02-10", fatalities=3)]
    figures = score_incidents(predicted, gold).figures()
    assert figures["matched_incidents"] == 2
    assert figures["date_exact"] == 0.5
    assert figures["fatalities_exact"] == 0.5


def test_gold_dicts_are_read_as_in_the_gold_files():
    item = {
        "date": "2022-09",
        "date_precision": "month",
        "event_type": "Riots",
        "sub_event_type": "Mob violence",
        "country": "TJ",
        "lat": None,
        "lon": None,
        "geo_precision": 3,
        "fatalities": 0,
    }
    gold = Coded.from_gold(item)
    assert gold.coarse_place
    guess = coded("2022-09-14", event_type="Riots", sub="Mob violence", at=ISFARA, country="TJ")
    scores = score_incidents([guess], [item])
    assert (scores.matched, scores.type_right, scores.sub_type_right) == (1, 1, 1)
