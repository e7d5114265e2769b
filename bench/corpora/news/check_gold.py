"""Check the news gold files against GUIDELINES.md, and compare the annotators' conventions.

Usage::

    python bench/corpora/news/check_gold.py                # schema errors: exit 1 when any
    python bench/corpora/news/check_gold.py --conventions  # and each language's conventions

Schema (:func:`check_gold`): the fields of ``document``, of each mention and each incident and
their types; ACLED's event and sub-event names (and the sub-type under its own event type);
dates in the format of their ``date_precision`` (a week dated to a Monday); ISO 3166 alpha-2
country codes; coordinates and ``precision``/``geo_precision`` together; fatalities and
injuries as counts, ``fatalities`` the lowest claim; the headline kept as offsets only. With
the text at hand (``text/<id>.txt`` matching the recorded SHA-256): ``text[start:end]`` equals
each mention's ``text``, mentions in order without overlaps, evidence inside the text and
``location_text`` written in it.

Besides errors, it lists *questions*: departures from the guidelines' letter that an annotator
explained (a river across a border with no country; casualty figures of two sides added
rather than the lowest claim taken). They do not fail the check; the lead decides.
:func:`conventions` tabulates, per language, how the files code what the guidelines leave
open (``source`` fields, border-only events, blockades, evacuations, curfews, ...).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
GOLD = HERE / "gold"
TEXT = HERE / "text"

LANGUAGES = ("id", "en", "ru")
KINDS = ("country", "admin1", "admin2", "populated_place", "landmark", "region")
DATE_PRECISIONS = {
    "day": r"\d{4}-\d{2}-\d{2}",
    "week": r"\d{4}-\d{2}-\d{2}",
    "month": r"\d{4}-\d{2}",
}
DOCUMENT_FIELDS = {"id", "language", "published", "url", "title", "sha256", "chars"}
DOCUMENT_OPTIONAL = {"title_span"}
MENTION_FIELDS = {"start", "end", "text", "name", "kind", "country", "lat", "lon", "precision"}
MENTION_OPTIONAL = {"geonameid", "source"}
INCIDENT_FIELDS = {
    "date",
    "date_precision",
    "event_type",
    "sub_event_type",
    "location_text",
    "country",
    "name",
    "lat",
    "lon",
    "geo_precision",
    "fatalities",
    "injuries",
    "actors",
    "evidence",
}
INCIDENT_OPTIONAL = {"claims", "notes", "source"}
ISO2 = re.compile(r"[A-Z]{2}")


def acled_sub_types() -> dict[str, str]:
    """ACLED's sub-event type names (the project's finer ones excluded) -> event type."""
    from mapper.event_types import SUB_TYPES

    return {sub.name: sub.event_type for sub in SUB_TYPES if sub.acled}


@dataclass(frozen=True)
class Problem:
    """One schema problem (``error``) or departure to decide on (``question``)."""

    file: str
    where: str
    what: str
    severity: str = "error"

    def __str__(self) -> str:
        return f"{self.severity}: {self.file}: {self.where}: {self.what}"


def check_gold(gold: Mapping[str, Any], name: str, text: str | None = None) -> list[Problem]:
    """Schema problems of one gold file (``text``: the article, to check offsets against)."""
    problems: list[Problem] = []

    def problem(where: str, what: str, severity: str = "error") -> None:
        problems.append(Problem(name, where, what, severity))

    if set(gold) != {"document", "mentions", "incidents"}:
        problem("top level", f"keys {sorted(gold)}; expected document, mentions, incidents")
    document = gold.get("document", {})
    _fields(document, DOCUMENT_FIELDS, DOCUMENT_OPTIONAL, "document", problem)
    if document.get("id") != name.removesuffix(".gold.json"):
        problem("document.id", f"{document.get('id')!r} differs from the file name")
    language = document.get("language")
    if language not in LANGUAGES or not str(document.get("id", "")).startswith(f"news_{language}_"):
        problem("document.language", f"{language!r} (id {document.get('id')!r})")
    published = document.get("published")
    if published is not None and _day(published) is None:
        problem("document.published", f"{published!r} is not YYYY-MM-DD")
    if not str(document.get("url", "")).startswith(("http://", "https://")):
        problem("document.url", f"{document.get('url')!r}")
    if not re.fullmatch(r"[0-9a-f]{64}", str(document.get("sha256", ""))):
        problem("document.sha256", "not a SHA-256 in hex")
    chars = document.get("chars")
    if not isinstance(chars, int) or chars <= 0:
        problem("document.chars", f"{chars!r}")
        chars = None
    if document.get("title") is not None:
        problem("document.title", "the headline is article text: keep title null, title_span")
    title_span = document.get("title_span")
    if title_span is not None and not _span_ok(title_span, chars):
        problem("document.title_span", f"{title_span!r}")

    previous_end = 0
    for i, mention in enumerate(gold.get("mentions", [])):
        where = f"mentions[{i}] {mention.get('text')!r}"
        _fields(mention, MENTION_FIELDS, MENTION_OPTIONAL, where, problem)
        if not _span_ok(mention, chars):
            problem(where, f"bad offsets {mention.get('start')}-{mention.get('end')}")
            continue
        if mention["start"] < previous_end:
            problem(where, "overlaps or precedes the mention before it")
        previous_end = max(previous_end, mention["end"])
        if text is not None and text[mention["start"] : mention["end"]] != mention.get("text"):
            problem(where, f"text[start:end] is {text[mention['start'] : mention['end']]!r}")
        if mention.get("kind") not in KINDS:
            problem(where, f"kind {mention.get('kind')!r}")
        if mention.get("country") is None and mention.get("kind") != "region":
            problem(where, f"country null for a {mention.get('kind')}", "question")
        else:
            _country(mention.get("country"), mention.get("kind") == "region", where, problem)
        _point(mention, "precision", where, problem)
        if mention.get("kind") in ("country", "region") and mention.get("lat") is not None:
            problem(where, f"a {mention['kind']} has no point (lat/lon/precision null)")

    sub_types = acled_sub_types()
    for i, incident in enumerate(gold.get("incidents", [])):
        where = f"incidents[{i}] {incident.get('event_type')}/{incident.get('sub_event_type')}"
        _fields(incident, INCIDENT_FIELDS, INCIDENT_OPTIONAL, where, problem)
        event_type, sub = incident.get("event_type"), incident.get("sub_event_type")
        if sub_types.get(sub) != event_type:
            problem(where, "not an ACLED event type with one of its own sub-event types")
        _incident_date(incident, published, where, problem)
        _country(incident.get("country"), False, where, problem)
        _point(incident, "geo_precision", where, problem)
        for key in ("fatalities", "injuries"):
            value = incident.get(key)
            if value is not None and (not isinstance(value, int) or value < 0):
                problem(where, f"{key} {value!r} is not a count")
        _claims(incident, where, problem)
        actors = incident.get("actors")
        if not isinstance(actors, list) or not all(isinstance(a, str) and a for a in actors):
            problem(where, f"actors {actors!r}")
        evidence = incident.get("evidence")
        if not isinstance(evidence, dict) or not _span_ok(evidence, chars):
            problem(where, f"evidence {evidence!r}")
        location = incident.get("location_text")
        if not isinstance(location, str) or not location:
            problem(where, f"location_text {location!r}")
        elif text is not None and location not in text:
            problem(where, f"location_text {location!r} is not in the text")
    return problems


def _fields(
    item: Mapping[str, Any],
    required: set[str],
    optional: set[str],
    where: str,
    problem: Any,
) -> None:
    missing, extra = required - set(item), set(item) - required - optional
    if missing:
        problem(where, f"missing {sorted(missing)}")
    if extra:
        problem(where, f"unknown fields {sorted(extra)}")


def _span_ok(span: Any, chars: int | None) -> bool:
    start, end = span.get("start"), span.get("end")
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end:
        return False
    return chars is None or end <= chars


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else None
    except (TypeError, ValueError):
        return None


def _country(code: Any, may_be_null: bool, where: str, problem: Any) -> None:
    if code is None and may_be_null:
        return
    if not isinstance(code, str) or not ISO2.fullmatch(code):
        problem(where, f"country {code!r} is not an ISO 3166 alpha-2 code")


def _point(item: Mapping[str, Any], precision_key: str, where: str, problem: Any) -> None:
    lat, lon, precision = item.get("lat"), item.get("lon"), item.get(precision_key)
    if (lat is None) != (lon is None):
        problem(where, "lat and lon go together")
    elif lat is not None and not (
        isinstance(lat, int | float) and isinstance(lon, int | float) and -90 <= lat <= 90
    ):
        problem(where, f"lat/lon {lat!r}, {lon!r}")
    if precision_key == "precision":
        if (lat is None) != (precision is None) or precision not in (None, 1, 2, 3):
            problem(where, f"precision {precision!r} with lat {lat!r}")
    elif precision not in (1, 2, 3):
        problem(where, f"geo_precision {precision!r}")
    elif lat is None and precision != 3:
        problem(where, f"no coordinates but geo_precision {precision}")


def _incident_date(incident: Mapping[str, Any], published: Any, where: str, problem: Any) -> None:
    value, precision = incident.get("date"), incident.get("date_precision")
    pattern = DATE_PRECISIONS.get(str(precision))
    if pattern is None or not isinstance(value, str) or not re.fullmatch(pattern, value):
        problem(where, f"date {value!r} with date_precision {precision!r}")
        return
    first = _day(value if len(value) == 10 else value + "-01")
    if first is None:
        problem(where, f"date {value!r} is not a calendar date")
        return
    if precision == "week" and first.weekday() != 0:
        problem(where, f"a week is dated to its first day (Monday); {value} is not one")
    end = _day(published) if published else None
    if end is not None and first > end:
        problem(where, f"date {value} is after the publication date {published}")


def _claims(incident: Mapping[str, Any], where: str, problem: Any) -> None:
    claims = incident.get("claims")
    if claims is None:
        return
    if not isinstance(claims, list) or not all(
        isinstance(c, dict) and set(c) == {"claimant", "fatalities", "injuries"} for c in claims
    ):
        problem(where, f"claims {claims!r}: each is {{claimant, fatalities, injuries}}")
        return
    for key in ("fatalities", "injuries"):
        figures = [c[key] for c in claims if isinstance(c[key], int)]
        value = incident.get(key)
        if not figures or value == min(figures):
            continue
        if value == sum(figures) or value in figures:
            how = "the sum of the claims" if value == sum(figures) else "one of the claims"
            problem(where, f"{key} {value} is {how}, not the lowest {min(figures)}", "question")
        else:
            problem(where, f"{key} {value!r} is none of the claims {figures}")


# -- reading ------------------------------------------------------------------------------------


def read_all(gold_dir: Path = GOLD, text_dir: Path = TEXT) -> Iterator[tuple[str, Any, str | None]]:
    """(file name, gold, text or ``None`` when absent or not the annotated one), in order."""
    for path in sorted(gold_dir.glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text_path = text_dir / f"{path.name.removesuffix('.gold.json')}.txt"
        text = None
        if text_path.is_file():
            data = text_path.read_bytes()
            if hashlib.sha256(data).hexdigest() == gold.get("document", {}).get("sha256"):
                text = data.decode("utf-8")
        yield path.name, gold, text


# -- conventions --------------------------------------------------------------------------------


def conventions(files: Sequence[tuple[str, Any, str | None]]) -> list[str]:
    """How each language's files code what the guidelines leave open: counts per language."""
    tallies: dict[str, Counter[str]] = defaultdict(Counter)
    for _, gold, _ in files:
        language = gold["document"]["language"]
        tally = tallies[language]
        tally["articles"] += 1
        tally["articles without incidents"] += not gold["incidents"]
        tally["published null"] += gold["document"].get("published") is None
        for mention in gold["mentions"]:
            tally["mentions"] += 1
            tally["mentions with source"] += "source" in mention
            tally["mentions with geonameid"] += "geonameid" in mention
            tally[f"mention precision {mention.get('precision')}"] += 1
            if mention.get("kind") == "admin1":
                tally[f"admin1 mention precision {mention.get('precision')}"] += 1
        for incident in gold["incidents"]:
            tally["incidents"] += 1
            tally["incidents with source"] += "source" in incident
            tally["incidents with notes"] += "notes" in incident
            tally["incidents with claims"] += "claims" in incident
            tally[f"date_precision {incident['date_precision']}"] += 1
            tally[f"geo_precision {incident['geo_precision']}"] += 1
            tally["geo 3 without coordinates"] += incident.get("lat") is None
            tally["geo 3 at a region's point"] += (
                incident["geo_precision"] == 3 and incident.get("lat") is not None
            )
            tally["fatalities 0"] += incident.get("fatalities") == 0
            tally["fatalities null"] += incident.get("fatalities") is None
            notes = (incident.get("notes") or "").lower()
            if "border" in notes and incident["geo_precision"] == 3:
                tally[
                    "border-only event, country level"
                    if incident.get("lat") is None
                    else "border-only event, at a region"
                ] += 1
            for word, label in (
                ("block", "blockade"),
                ("evacuat", "evacuation"),
                ("curfew", "curfew"),
                ("state of emergency", "state of emergency"),
            ):
                if word in notes:
                    tally[f"{label} in notes -> {incident['sub_event_type']}"] += 1
    keys = sorted({key for tally in tallies.values() for key in tally})
    width = max(len(key) for key in keys)
    lines = [f"{'':{width}}" + "".join(f"{lang:>7}" for lang in LANGUAGES)]
    lines += [
        f"{key:{width}}" + "".join(f"{tallies[lang][key]:>7}" for lang in LANGUAGES) for key in keys
    ]
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--conventions", action="store_true", help="tabulate conventions")
    args = parser.parse_args(argv)
    files = list(read_all())
    found = [p for name, gold, text in files for p in check_gold(gold, name, text)]
    found.sort(key=lambda p: (p.severity != "error", p.file))
    with_text = sum(text is not None for _, _, text in files)
    for problem in found:
        print(problem)
    errors = sum(p.severity == "error" for p in found)
    print(
        f"{len(files)} gold files ({with_text} checked against their text): "
        f"{errors} schema errors, {len(found) - errors} questions for the lead"
    )
    if args.conventions:
        print()
        print("\n".join(conventions(files)))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
