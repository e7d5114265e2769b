"""ACLED event descriptions as documents: ``python bench/eval_acled.py [--split dev] [--limit N]``.

Each event of ``bench/corpora/acled/cache/<split>.jsonl`` (rebuilt by
``bench/corpora/rebuild.py``) is one English document: its ``notes``, read with the language
set to English and **no publication date** — the tool has to read the date from the text
itself (ACLED notes usually open with it: "On 14 March 2019, ..."). ACLED's own coding of the
event is the gold. Per event:

* **incident**: the tool produced at least one incident;
* the **best-matching incident**: among the incidents whose date agrees with the event's
  (within a day, or inside the event's period when ACLED's ``time_precision`` is 2, a week
  around the date, or 3, its month) and whose place lies within the distance below, the
  nearest in date, then in place; when none agrees, the first incident. There is no preference
  for the right event type, so producing more incidents cannot raise the type figures;
* of that incident: **event type** right, **sub-event type** right (ACLED's names; the
  project's finer sub-types are projected as in ``mapper eval``: see
  :data:`mapper.evaluate.SUB_EVENT_PROJECTION`), **date exact** (the same day, as a string),
  **place** within 50 km of the event's point (100 km when ACLED's ``geo_precision`` is 3),
  **fatalities exact** (a missing figure counts as 0, ACLED's convention).

Every figure is a share of **all** events (an event without an incident counts as wrong on
every figure), overall and per ACLED event type, with a confusion matrix of event types
(rows: ACLED's, columns: the best-matching incident's, or ``(none)``). Results are printed and
saved to ``bench/results/acled_<split>_<UTC stamp>.json`` (git-ignored), with one row per
event (id and codes, no text).

``--limit N`` scores N events taken round-robin over the event types (the file is sorted by
type), so a small run still covers all six.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "bench" / "corpora" / "acled" / "cache"
RESULTS = ROOT / "bench" / "results"
NEAR_KM, COARSE_KM = 50.0, 100.0
NONE = "(none)"
FIGURES = ("incident", "event_type", "sub_event_type", "date_exact", "place", "fatalities_exact")


def read_events(split: str, limit: int | None = None) -> list[dict[str, Any]]:
    """The events of one split, ``limit`` of them round-robin over the event types."""
    path = CACHE / f"{split}.jsonl"
    if not path.is_file():
        raise SystemExit(f"{path} is absent: run python bench/corpora/rebuild.py --only acled")
    events = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    if not limit:
        return events
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for event in events:
        by_type[event["event_type"]].append(event)
    queues = list(by_type.values())
    chosen: list[dict[str, Any]] = []
    while len(chosen) < limit and any(queues):
        for queue in queues:
            if queue and len(chosen) < limit:
                chosen.append(queue.pop(0))
    return chosen


def gold_of(event: dict[str, Any]) -> Any:
    """The event as :class:`mapper.evaluate.Coded`: its date as a period, its point."""
    from mapper.evaluate import Coded

    day = datetime.date.fromisoformat(event["event_date"])
    precision = event.get("time_precision")
    if precision == 2:  # within a week around the date
        date, date_precision = (day - timedelta(days=3)).isoformat(), "week"
    elif precision == 3:  # within the month
        date, date_precision = day.isoformat()[:7], "month"
    else:
        date, date_precision = day.isoformat(), "day"
    return Coded(
        date=date,
        date_precision=date_precision,
        event_type=event["event_type"],
        sub_event_type=event["sub_event_type"],
        country=None,  # placed by distance only
        lat=event.get("latitude"),
        lon=event.get("longitude"),
        geo_precision=event.get("geo_precision"),
        fatalities=event.get("fatalities") or 0,
    )


@dataclass(frozen=True)
class Outcome:
    """How the tool did on one event."""

    event_id: str
    event_type: str
    incidents: int
    predicted_type: str
    predicted_sub_type: str | None
    predicted_date: str | None
    agreeing: bool
    event_type_right: bool
    sub_event_type_right: bool
    date_exact: bool
    place: bool
    fatalities_exact: bool

    def figures(self) -> dict[str, bool]:
        return {
            "incident": self.incidents > 0,
            "event_type": self.event_type_right,
            "sub_event_type": self.sub_event_type_right,
            "date_exact": self.date_exact,
            "place": self.place,
            "fatalities_exact": self.fatalities_exact,
        }


def score_event(event: dict[str, Any], incidents: Sequence[Any]) -> Outcome:
    """Score the incidents read from one event's notes (see the module docstring).

    ``incidents``: :class:`mapper.model.Incident` or :class:`mapper.evaluate.Coded` values.
    """
    from mapper.evaluate import Coded, days_apart, period, place_distance, sub_event_agrees

    gold = gold_of(event)
    max_km = COARSE_KM if event.get("geo_precision") == 3 else NEAR_KM
    coded = [i if isinstance(i, Coded) else Coded.from_incident(i) for i in incidents]
    gold_period = period(gold.date, gold.date_precision)
    best, agreeing = None, False
    ranked: list[tuple[int, float, int]] = []
    for index, item in enumerate(coded):
        item_period = period(item.date, item.date_precision)
        if item_period is None or gold_period is None:
            continue
        gap = days_apart(item_period, gold_period)
        distance = place_distance(item, gold, max_km)
        if gap <= 1 and distance is not None:
            ranked.append((gap, distance, index))
    if ranked:
        best, agreeing = coded[min(ranked)[2]], True
    elif coded:
        best = coded[0]
    if best is None:
        return Outcome(
            event_id=event["event_id_cnty"],
            event_type=gold.event_type,
            incidents=0,
            predicted_type=NONE,
            predicted_sub_type=None,
            predicted_date=None,
            agreeing=False,
            event_type_right=False,
            sub_event_type_right=False,
            date_exact=False,
            place=False,
            fatalities_exact=False,
        )
    return Outcome(
        event_id=event["event_id_cnty"],
        event_type=gold.event_type,
        incidents=len(coded),
        predicted_type=best.event_type,
        predicted_sub_type=best.sub_event_type,
        predicted_date=best.date,
        agreeing=agreeing,
        event_type_right=best.event_type == gold.event_type,
        sub_event_type_right=best.event_type == gold.event_type and sub_event_agrees(best, gold),
        date_exact=best.date == event["event_date"],
        place=place_distance(best, gold, max_km) is not None,
        fatalities_exact=(best.fatalities or 0) == gold.fatalities,
    )


def summarise(outcomes: Sequence[Outcome]) -> dict[str, Any]:
    """Shares of all events, overall and per event type, and the confusion matrix."""

    def shares(group: Sequence[Outcome]) -> dict[str, Any]:
        totals: Counter[str] = Counter()
        for outcome in group:
            totals.update(name for name, right in outcome.figures().items() if right)
        n = len(group)
        return (
            {"events": n}
            | {name: round(totals[name] / n, 4) if n else 0.0 for name in FIGURES}
            | {
                "incidents_per_event": round(sum(o.incidents for o in group) / n, 3) if n else 0.0,
                "best_incident_agrees": round(sum(o.agreeing for o in group) / n, 4) if n else 0.0,
            }
        )

    by_type: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        by_type[outcome.event_type].append(outcome)
    confusion: dict[str, dict[str, int]] = {
        gold: dict(Counter(o.predicted_type for o in group).most_common())
        for gold, group in by_type.items()
    }
    return {
        "all": shares(outcomes),
        "by_event_type": {name: shares(group) for name, group in by_type.items()},
        "confusion": confusion,
    }


def run(split: str = "dev", limit: int | None = None, progress: bool = True) -> dict[str, Any]:
    """Extract and score every event of a split; the summary and one row per event."""
    from mapper.pipeline import Extractor
    from mapper.read.documents import document_from_text

    events = read_events(split, limit)
    extractor = Extractor()
    outcomes: list[Outcome] = []
    started = time.perf_counter()
    for number, event in enumerate(events, start=1):
        document = document_from_text(event["notes"], doc_id=event["event_id_cnty"], language="en")
        outcomes.append(score_event(event, extractor.extract(document).incidents))
        if progress and number % 200 == 0:
            print(f"  acled {split}: {number}/{len(events)}", file=sys.stderr)
    return {
        "split": split,
        "limit": limit,
        "seconds": round(time.perf_counter() - started, 1),
        **summarise(outcomes),
        "events": [outcome.__dict__ for outcome in outcomes],
    }


def table(result: dict[str, Any]) -> list[str]:
    """The figures as a Markdown table, then the confusion matrix."""
    from mapper.event_types import EVENT_TYPES

    labels = ("incident", "type", "sub-type", "date", "place", "deaths")
    lines = [
        "| ACLED event type | events | " + " | ".join(labels) + " | incidents/event |",
        "|---|---:|" + "---:|" * (len(labels) + 1),
    ]
    rows = [("all", result["all"])] + [
        (name, result["by_event_type"][name])
        for name in EVENT_TYPES
        if name in result["by_event_type"]
    ]
    for name, row in rows:
        cells = " | ".join(f"{row[key]:.3f}" for key in FIGURES)
        lines.append(f"| {name} | {row['events']} | {cells} | {row['incidents_per_event']:.2f} |")
    columns = [*EVENT_TYPES, NONE]
    short = {name: name.split()[0].split("/")[0] for name in EVENT_TYPES} | {NONE: NONE}
    lines += [
        "",
        "Confusion (rows: ACLED's event type; columns: the best-matching incident's)",
        "",
        "| ACLED \\ tool | " + " | ".join(short[c] for c in columns) + " |",
        "|---|" + "---:|" * len(columns),
    ]
    for name in EVENT_TYPES:
        counts = result["confusion"].get(name)
        if counts is not None:
            cells = " | ".join(str(counts.get(c, 0)) for c in columns)
            lines.append(f"| {name} | {cells} |")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--split", choices=("dev", "train"), default="dev")
    parser.add_argument("--limit", type=int, help="score N events, round-robin over types")
    args = parser.parse_args(argv)

    import mapper

    now = datetime.datetime.now(datetime.UTC)
    result = run(args.split, args.limit)
    print(
        f"## ACLED event descriptions, {args.split} split, {now:%Y-%m-%d %H:%M} UTC, "
        f"mapper {mapper.__version__} ({result['seconds']} s)"
    )
    print("Shares of all events; each note read as one English document with no date given.")
    print()
    print("\n".join(table(result)))
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"acled_{args.split}_{now:%Y%m%dT%H%M%SZ}.json"
    report = {"date": now.isoformat(timespec="seconds"), **result}
    path.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nfigures written to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
