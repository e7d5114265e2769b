"""Rebuild the ACLED event-description corpus (dev and train) locally.

Sources are public ACLED exports committed to public GitHub repositories (listed in
:data:`SOURCES`, recorded with their SHA-256 and row counts in ``sources.json``). Their event
descriptions (``notes``) are third-party text and never enter the repository: this script reads
the files from local snapshots of those repositories (``/work/.mirror/<owner>+<name>/``, read
with ``git show <commit>:<path>``, or from a folder given with ``--source-dir`` that holds
``<owner>+<name>/<path>``), checks each file against the SHA-256 in ``sources.json`` and writes
the git-ignored ``cache/``:

* ``dev.jsonl``: 1,200 events, :data:`DEV_PER_TYPE` per event type (as far as the data
  allows), sampled deterministically with :data:`SEED`, spread round-robin over countries and,
  within a country, over years;
* ``train.jsonl``: every other kept event (disjoint from dev by event id and by note text).

Kept events: non-empty ``notes``; **no event dated in 2020** (ACLED data covering 2020 is
reserved for independent evaluation, ``../shared/reserved.md``: an event is dropped when its
``event_date`` or its ``year`` is 2020); one event per ``event_id_cnty`` (first source wins);
one event per note text (exact duplicates after stripping surrounding white space: the first
copy is kept when all copies carry the same event and sub-event type, every copy is dropped when
they disagree); no note that shares a nine-word shingle with a reserved text
(``../reserved_check.py``).

``dev_ids.txt`` (committed) lists the dev events as ``event_id_cnty<TAB>sha256(notes)``; a
rebuild must reproduce it exactly.

Usage::

    python bench/corpora/acled/rebuild_acled.py            # rebuild and verify
    python bench/corpora/acled/rebuild_acled.py --update   # (re)write sources.json, dev_ids.txt
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import random
import subprocess
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pandas as pd

HERE = Path(__file__).resolve().parent
CACHE = HERE / "cache"
SOURCES_JSON = HERE / "sources.json"
DEV_IDS = HERE / "dev_ids.txt"
MIRRORS = Path("/work/.mirror")
sys.path.insert(0, str(HERE.parent))
import reserved_check  # noqa: E402  (../reserved_check.py)

SEED = "mapper-acled-dev-v1"
DEV_PER_TYPE = 200
RESERVED_YEAR = 2020
EVENT_TYPES = (
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
)
#: the 25 sub-event types of the current (post-2019) codebook, by event type
SUB_EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}
FIELDS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "country",
    "iso",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities",
    "actor1",
    "actor2",
    "inter1",
    "inter2",
    "interaction",
    "civilian_targeting",
    "notes",
    "source_repo",
)


@dataclass(frozen=True)
class Source:
    repo: str  # owner/name on GitHub
    commit: str
    path: str
    date_format: str  # strptime format of its event_date column
    monadic: bool = False  # one row per actor (actor1 holds either actor): rows are merged
    remark: str = ""

    @property
    def key(self) -> str:
        return f"{self.repo}:{self.path}"

    @property
    def mirror(self) -> str:
        return self.repo.replace("/", "+")


SOURCES: tuple[Source, ...] = (
    Source(
        "y5z2rmg7y8-bit/Somalia-Conflict-Monitor",
        "98b811ef4b927976ea71213c7eea48161c0ebfe2",
        "acled_data.csv",
        "%Y-%m-%d",
        remark="Somalia 2025-2026; 2025 column set (text inter codes, civilian_targeting)",
    ),
    Source(
        "zachessesjohnson/Protest-Diffusion",
        "f0a32de2995206130968e62e4262ae3cbcc43569",
        "acled_data.csv",
        "%d-%b-%y",
        monadic=True,
        remark="Bangladesh 2022-2024, protests and riots only; monadic export (no actor2 column, "
        "one row per actor), rows merged per event_id_cnty",
    ),
    Source(
        "food-security-cluster-myanmar/exploratory-data-analysis-acled-fsc",
        "b6a0e1018835bce2a8d43bfb37667a8a2d1b722c",
        "sharing/explosions_remote_violence.csv",
        "%Y-%m-%dT%H:%M:%SZ",
        remark="Myanmar 2021, Explosions/Remote violence only (a filtered extract)",
    ),
    Source(
        "pegenaran/ACLED-processing2",
        "e55d5b11ae08cff97a0095efa8f8255e2befb8c7",
        "Indonesia/1900-01-01-2020-11-12-Indonesia.csv",
        "%d %B %Y",
        remark="Indonesia 2015-2020 (2020 dropped)",
    ),
    Source(
        "pegenaran/ACLED-processing2",
        "97abaac2cf18d338d7d1536e831b284bfe1d02fe",
        "Nicaragua/Nicaragua_Current.csv",
        "%d %B %Y",
        remark="Nicaragua 2019-2020 (2020 dropped)",
    ),
    Source(
        "ElliottMess/WSC_bfa_analysis",
        "f2bc4fe8577018ec3e35774f63c02e3cec790077",
        "data/1997-01-01-2020-12-10-Burkina_Faso.csv",
        "%d %B %Y",
        remark="Burkina Faso 1997-2020 (2020 dropped); older years recoded in the current codebook",
    ),
    Source(
        "Carol0128/Data",
        "b4e90d8793195a97037a3435614668f406cf2c19",
        "acled_data.csv",
        "%d-%m-%y",
        remark="Kenya 2004-2019; two-digit years in event_date (checked against the year column)",
    ),
)


# ----------------------------------------------------------------------------------------------
# reading


def git_dir(source: Source) -> Path:
    base = MIRRORS / source.mirror / "repo"
    return base / ".git" if (base / ".git").is_dir() else base


def read_bytes(source: Source, source_dir: Path | None) -> bytes:
    if source_dir is not None:
        return (source_dir / source.mirror / source.path).read_bytes()
    result = subprocess.run(
        ["git", "-C", str(git_dir(source)), "show", f"{source.commit}:{source.path}"],
        capture_output=True,
        check=True,
    )
    return result.stdout


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_frame(data: bytes) -> pd.DataFrame:
    frame = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, encoding="utf-8")
    frame.columns = [str(c).strip().lower() for c in frame.columns]
    return frame


# ----------------------------------------------------------------------------------------------
# normalisation


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _int(value: Any) -> int | None:
    text = _text(value)
    if text is None:
        return None
    try:
        return int(text)
    except ValueError:
        number = float(text)
        if number != int(number):
            raise
        return int(number)


def _float(value: Any) -> float | None:
    text = _text(value)
    return None if text is None else float(text)


def _code(value: Any) -> int | str | None:
    """inter1/inter2/interaction/iso: numeric codes in older exports, labels in newer ones."""
    text = _text(value)
    if text is None:
        return None
    return int(text) if text.isdigit() else text


def parse_date(text: str, fmt: str) -> date:
    return datetime.strptime(text.strip(), fmt).date()


def merge_monadic(frame: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, int]]:
    """One row per event from a monadic export (one row per actor, actor in ``actor1``).

    ``actor1``/``actor2`` follow the order of ``interaction`` ("A-B"); when both actors have the
    same type (e.g. "Rioters-Rioters") the file order is kept.
    """
    frame = frame.drop_duplicates()
    rows: list[dict[str, Any]] = []
    stats = Counter()
    for _, group in frame.groupby("event_id_cnty", sort=False):
        records = group.to_dict("records")
        first = dict(records[0])
        first["actor2"] = first["assoc_actor_2"] = first["inter2"] = ""
        if len(records) > 2:
            stats["events_with_more_than_two_actor_rows"] += 1
        if len(records) >= 2:
            parts = str(first.get("interaction", "")).split("-")
            a, b = records[0], records[1]
            if (
                len(parts) == 2
                and parts[0] != parts[1]
                and a["inter1"] == parts[1]
                and b["inter1"] == parts[0]
            ):
                a, b = b, a
                stats["actor_rows_reordered_by_interaction"] += 1
            elif len(parts) == 2 and parts[0] == parts[1]:
                stats["actor_order_ambiguous_same_type"] += 1
            first.update(actor1=a["actor1"], assoc_actor_1=a["assoc_actor_1"], inter1=a["inter1"])
            first.update(actor2=b["actor1"], assoc_actor_2=b["assoc_actor_1"], inter2=b["inter1"])
        rows.append(first)
    stats["events"] = len(rows)
    return pd.DataFrame(rows), dict(stats)


def to_event(row: dict[str, Any], source: Source, day: date) -> dict[str, Any]:
    event = {
        "event_id_cnty": _text(row.get("event_id_cnty")),
        "event_date": day.isoformat(),
        "year": day.year,
        "time_precision": _int(row.get("time_precision")),
        "event_type": _text(row.get("event_type")),
        "sub_event_type": _text(row.get("sub_event_type")),
        "country": _text(row.get("country")),
        "iso": _code(row.get("iso")),
        "admin1": _text(row.get("admin1")),
        "admin2": _text(row.get("admin2")),
        "location": _text(row.get("location")),
        "latitude": _float(row.get("latitude")),
        "longitude": _float(row.get("longitude")),
        "geo_precision": _int(row.get("geo_precision")),
        "fatalities": _int(row.get("fatalities")),
        "actor1": _text(row.get("actor1")),
        "actor2": _text(row.get("actor2")),
        "inter1": _code(row.get("inter1")),
        "inter2": _code(row.get("inter2")),
        "interaction": _code(row.get("interaction")),
        "civilian_targeting": _text(row.get("civilian_targeting")),
        "notes": str(row.get("notes", "")).strip(),
        "source_repo": source.repo,
    }
    assert tuple(event) == FIELDS
    return event


# ----------------------------------------------------------------------------------------------
# building


def load(
    source_dir: Path | None, manifest: dict[str, Any] | None
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """All kept events in source order, and per-source facts for ``sources.json``."""
    reserved = reserved_check.reserved_hashes()
    if not reserved:
        raise SystemExit(
            "reserved shingles not found: cannot check the notes against reserved texts"
        )
    events: list[dict[str, Any]] = []
    facts: dict[str, Any] = {}
    seen_ids: set[str] = set()
    for source in SOURCES:
        data = read_bytes(source, source_dir)
        digest = sha256(data)
        if manifest is not None:
            expected = manifest["sources"].get(source.key, {}).get("sha256")
            if expected != digest:
                raise SystemExit(
                    f"{source.key}: sha256 {digest} does not match sources.json ({expected})"
                )
        frame = read_frame(data)
        rows = len(frame)
        stats: Counter[str] = Counter()
        monadic_stats: dict[str, int] = {}
        if source.monadic:
            frame, monadic_stats = merge_monadic(frame)
        all_years: Counter[int] = Counter()
        kept_years: Counter[int] = Counter()
        countries: Counter[str] = Counter()
        for row in frame.to_dict("records"):
            day = parse_date(row["event_date"], source.date_format)
            year_column = _int(row.get("year"))
            if year_column is not None and year_column != day.year:
                stats["date_year_mismatch_dropped"] += 1
                continue
            all_years[day.year] += 1
            if day.year == RESERVED_YEAR or year_column == RESERVED_YEAR:
                stats["dropped_2020"] += 1
                continue
            event = to_event(row, source, day)
            if not event["notes"]:
                stats["dropped_empty_notes"] += 1
                continue
            if (
                event["event_type"] not in SUB_EVENT_TYPES
                or event["sub_event_type"] not in SUB_EVENT_TYPES[event["event_type"]]
            ):
                stats["dropped_not_current_codebook"] += 1
                continue
            if not event["event_id_cnty"]:
                stats["dropped_no_event_id"] += 1
                continue
            if event["event_id_cnty"] in seen_ids:
                stats["dropped_duplicate_event_id"] += 1
                continue
            if reserved_check.shared_shingles(event["notes"], reserved):
                stats["dropped_reserved_shingle"] += 1
                continue
            seen_ids.add(event["event_id_cnty"])
            kept_years[day.year] += 1
            countries[event["country"]] += 1
            events.append(event)
        facts[source.key] = {
            "repository": f"github:{source.repo}",
            "commit": source.commit,
            "path": source.path,
            "sha256": digest,
            "bytes": len(data),
            "rows": rows,
            "events_after_merge": len(frame) if source.monadic else rows,
            "years": {str(y): n for y, n in sorted(all_years.items())},
            "countries": dict(sorted(countries.items())),
            "kept_before_note_dedup": sum(kept_years.values()),
            **({"monadic_merge": monadic_stats} if monadic_stats else {}),
            **dict(sorted(stats.items())),
            "remark": source.remark,
        }
    return events, facts


def dedup_notes(events: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], dict[str, int]]:
    by_note: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for event in events:
        by_note[event["notes"]].append(event)
    kept: list[dict[str, Any]] = []
    stats: Counter[str] = Counter()
    for event in events:
        copies = by_note[event["notes"]]
        if len(copies) == 1:
            kept.append(event)
            continue
        labels = {(c["event_type"], c["sub_event_type"]) for c in copies}
        if len(labels) > 1:
            stats["events_dropped_conflicting_labels"] += 1
            if copies[0] is event:
                stats["notes_with_conflicting_labels"] += 1
            continue
        if copies[0] is event:
            kept.append(event)
            stats["notes_duplicated_same_labels"] += 1
        else:
            stats["events_dropped_duplicate_note"] += 1
    return kept, dict(sorted(stats.items()))


def sample_dev(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """DEV_PER_TYPE events per event type, round-robin over countries, then years."""
    dev: list[dict[str, Any]] = []
    for event_type in EVENT_TYPES:
        buckets: dict[str, dict[int, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
        for event in events:
            if event["event_type"] == event_type:
                buckets[event["country"]][event["year"]].append(event)
        queues: dict[str, list[dict[str, Any]]] = {}
        for country in sorted(buckets):
            years = buckets[country]
            shuffled = {}
            for year in sorted(years):
                items = sorted(years[year], key=lambda e: e["event_id_cnty"])
                random.Random(f"{SEED}|{event_type}|{country}|{year}").shuffle(items)
                shuffled[year] = items
            order = sorted(shuffled)
            random.Random(f"{SEED}|{event_type}|{country}").shuffle(order)
            queue: list[dict[str, Any]] = []
            while any(shuffled[y] for y in order):
                for year in order:
                    if shuffled[year]:
                        queue.append(shuffled[year].pop(0))
            queues[country] = queue
        countries = sorted(queues)
        random.Random(f"{SEED}|{event_type}").shuffle(countries)
        chosen: list[dict[str, Any]] = []
        while len(chosen) < DEV_PER_TYPE and any(queues[c] for c in countries):
            for country in countries:
                if queues[country] and len(chosen) < DEV_PER_TYPE:
                    chosen.append(queues[country].pop(0))
        dev.extend(chosen)
    return dev


def note_hash(event: dict[str, Any]) -> str:
    return hashlib.sha256(event["notes"].encode("utf-8")).hexdigest()


def write_jsonl(path: Path, events: list[dict[str, Any]]) -> str:
    text = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in events)
    path.write_text(text, encoding="utf-8")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def counts(events: list[dict[str, Any]]) -> dict[str, Any]:
    types = Counter(e["event_type"] for e in events)
    subs = Counter((e["event_type"], e["sub_event_type"]) for e in events)
    return {
        "events": len(events),
        "event_types": {t: types[t] for t in EVENT_TYPES},
        "sub_event_types": {
            f"{t} / {s}": subs[(t, s)]
            for t in EVENT_TYPES
            for s in SUB_EVENT_TYPES[t]
            if subs[(t, s)]
        },
        "countries": dict(sorted(Counter(e["country"] for e in events).items())),
        "years": {str(y): n for y, n in sorted(Counter(e["year"] for e in events).items())},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--update", action="store_true", help="(re)write sources.json and dev_ids.txt"
    )
    parser.add_argument(
        "--source-dir", type=Path, help="folder with <owner>+<name>/<path> copies of the sources"
    )
    args = parser.parse_args(argv)

    manifest = None if args.update else json.loads(SOURCES_JSON.read_text())
    events, facts = load(args.source_dir, manifest)
    events, note_stats = dedup_notes(events)
    dev = sample_dev(events)
    dev_ids = {e["event_id_cnty"] for e in dev}
    dev_notes = {e["notes"] for e in dev}
    train = [e for e in events if e["event_id_cnty"] not in dev_ids and e["notes"] not in dev_notes]
    assert len(train) + len(dev) == len(events)
    dev.sort(
        key=lambda e: (
            EVENT_TYPES.index(e["event_type"]),
            e["country"],
            e["event_date"],
            e["event_id_cnty"],
        )
    )

    dev_lines = "".join(
        f"{e['event_id_cnty']}\t{note_hash(e)}\n"
        for e in sorted(dev, key=lambda e: e["event_id_cnty"])
    )
    if args.update:
        DEV_IDS.write_text(dev_lines)
    elif DEV_IDS.read_text() != dev_lines:
        raise SystemExit("dev split differs from dev_ids.txt")

    CACHE.mkdir(exist_ok=True)
    dev_sha = write_jsonl(CACHE / "dev.jsonl", dev)
    train_sha = write_jsonl(CACHE / "train.jsonl", train)

    summary = {
        "description": "Public ACLED exports used by rebuild_acled.py; "
        "events dated 2020 are dropped (reserved).",
        "seed": SEED,
        "dev_per_type": DEV_PER_TYPE,
        "sources": facts,
        "note_dedup": note_stats,
        "dropped_2020_total": sum(f.get("dropped_2020", 0) for f in facts.values()),
        "dev": counts(dev),
        "train": counts(train),
        "output_sha256": {"dev.jsonl": dev_sha, "train.jsonl": train_sha},
    }
    if args.update:
        SOURCES_JSON.write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n")
    else:
        recorded = manifest.get("output_sha256", {})
        if recorded != summary["output_sha256"]:
            print(
                "warning: outputs differ from sources.json: "
                f"{recorded} != {summary['output_sha256']}",
                file=sys.stderr,
            )
    print(f"dev {len(dev)} events, train {len(train)} events -> {CACHE}")
    print(
        json.dumps(
            {"dev": summary["dev"]["event_types"], "train": summary["train"]["event_types"]},
            indent=1,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
