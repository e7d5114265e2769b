"""Scoring extraction against hand-annotated articles (``mapper eval GOLD_DIR``).

Two layouts of a gold folder are read:

* a flat folder of ``NAME.txt`` articles and ``NAME.gold.json`` annotations
  (``tests/devset``, see its README);
* a corpus folder with ``gold/NAME.gold.json`` and ``text/NAME.txt``
  (``bench/corpora/news``, see its GUIDELINES). A gold file that records the text's
  ``sha256`` (and ``chars``) is scored only when the text matches it; a missing or different
  text is counted (``documents_missing``, ``documents_mismatched``) and left out.

The article's publication date, when the gold ``document.published`` gives it, is passed on
as ``mapper extract --published`` would.

**Place mentions.** A predicted mention (not in site furniture) matches a gold mention
*overlapping* when their spans share a character and *exactly* when their offsets are equal;
each gold and each predicted mention is used once (gold in text order, each taking the free
mention that overlaps it most). Precision, recall and F1 are given both ways. Resolution: of
the gold mentions, the share matched (overlapping) *and* resolved within 161 km (100 miles,
the usual geoparsing threshold) and within 10 km of the gold point; countries and macro
regions, which have no gold point, count as resolved when the country code (or the region)
matches.

**Incidents.** A predicted incident and a gold one can be paired only when

* their **dates agree**: each date is a period (a day; a week from its first day; a month; a
  year, after its ``date_precision`` or the length of the date string), and the two periods,
  each widened by :data:`DATE_TOLERANCE_DAYS` (one day), overlap. Two days agree when at most
  one day apart; a coarse date agrees with every day inside it;
* and their **places agree**: the predicted place lies within ``max_km``
  (:data:`DEFAULT_MAX_KM`, 100 km) of the gold point; for gold placed only coarsely
  (``geo_precision`` 3, or no coordinates) it suffices that the predicted place is in the
  gold's country.

Among the possible pairs, the best are taken first, each gold and each predicted incident
used once: the same event type before a different one, then the same sub-event type, then the
nearer date, then the nearer place. Precision = matched / predicted, recall = matched / gold.
Of the matched pairs: event-type accuracy; sub-event-type accuracy, after projecting the
project's finer sub-types onto ACLED's (:data:`SUB_EVENT_PROJECTION`: Evacuation and Power
outage are *Other*, Troop deployment is *Change to group/activity*; a *Road blockade* on
either side counts as right when the event types agree, :data:`TYPE_ONLY_SUB_EVENTS`); the
share with the exact date (same date string); the share with the exact fatalities (equal
numbers, or both unknown).
"""

from __future__ import annotations

import calendar
import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from gazetteer import haversine_km
from mapper.errors import InputError
from mapper.model import Incident, Mention

__all__ = [
    "DATE_TOLERANCE_DAYS",
    "DEFAULT_MAX_KM",
    "SUB_EVENT_PROJECTION",
    "TYPE_ONLY_SUB_EVENTS",
    "Coded",
    "GoldDocument",
    "GoldFolder",
    "IncidentScores",
    "Pair",
    "Scores",
    "dates_agree",
    "days_apart",
    "evaluate_folder",
    "format_scores",
    "match_incidents",
    "period",
    "place_distance",
    "read_gold_folder",
    "score_incidents",
    "score_mentions",
    "sub_event_agrees",
]

FAR_KM, NEAR_KM = 161.0, 10.0
#: A predicted incident's place must lie this close to the gold point (km).
DEFAULT_MAX_KM = 100.0
#: Two dates agree when their periods, each widened by this many days, overlap.
DATE_TOLERANCE_DAYS = 1
#: The project's finer sub-event types, projected onto ACLED's names before comparing.
SUB_EVENT_PROJECTION: dict[str, str] = {
    "Evacuation": "Other",
    "Power outage": "Other",
    "Troop deployment": "Change to group/activity",
}
#: Sub-event types with no ACLED counterpart: compared by their event type only.
TYPE_ONLY_SUB_EVENTS = frozenset({"Road blockade"})

_WEEK_DAYS = 7


# -- dates ------------------------------------------------------------------------------------


def period(value: str | None, precision: str | None = None) -> tuple[date, date] | None:
    """The first and last day a date stands for, or ``None`` when it cannot be read.

    ``YYYY-MM-DD`` is a day (a week from that day with ``precision="week"``, its month with
    ``"month"``, its year with ``"year"``); ``YYYY-MM`` a month; ``YYYY`` a year.
    """
    if not value:
        return None
    parts = value.strip().split("-")
    try:
        numbers = [int(part) for part in parts]
        if len(numbers) == 3:
            day = date(numbers[0], numbers[1], numbers[2])
            if precision == "week":
                return day, day + timedelta(days=_WEEK_DAYS - 1)
            if precision == "month":
                return _month(day.year, day.month)
            if precision == "year":
                return date(day.year, 1, 1), date(day.year, 12, 31)
            return day, day
        if len(numbers) == 2:
            if precision == "year":
                return date(numbers[0], 1, 1), date(numbers[0], 12, 31)
            return _month(numbers[0], numbers[1])
        if len(numbers) == 1:
            return date(numbers[0], 1, 1), date(numbers[0], 12, 31)
    except ValueError:
        return None
    return None


def _month(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def days_apart(a: tuple[date, date], b: tuple[date, date]) -> int:
    """Days between two periods (0 when they overlap)."""
    if a[1] < b[0]:
        return (b[0] - a[1]).days
    if b[1] < a[0]:
        return (a[0] - b[1]).days
    return 0


def dates_agree(
    a: str | None,
    a_precision: str | None,
    b: str | None,
    b_precision: str | None,
    tolerance_days: int = DATE_TOLERANCE_DAYS,
) -> bool:
    """Whether two dates may be the same event's (see the module docstring)."""
    first, second = period(a, a_precision), period(b, b_precision)
    if first is None or second is None:
        return False
    return days_apart(first, second) <= tolerance_days


# -- incidents --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Coded:
    """An incident reduced to what scoring compares: date, type, place, fatalities.

    Built from a predicted :class:`~mapper.model.Incident` (:meth:`from_incident`), a gold
    incident of a ``.gold.json`` file (:meth:`from_gold`) or any source with the same fields.
    ``geo_precision`` 3 (or no coordinates) marks a place known only to its region or country.
    """

    date: str | None
    date_precision: str | None
    event_type: str
    sub_event_type: str | None
    country: str | None
    lat: float | None
    lon: float | None
    geo_precision: int | None = 1
    fatalities: int | None = None

    @classmethod
    def from_incident(cls, incident: Incident) -> Coded:
        place = incident.place
        return cls(
            date=incident.date,
            date_precision=incident.date_precision,
            event_type=incident.event_type,
            sub_event_type=incident.sub_event_type,
            country=place.country if place else None,
            lat=place.lat if place else None,
            lon=place.lon if place else None,
            geo_precision=incident.geo_precision,
            fatalities=incident.fatalities,
        )

    @classmethod
    def from_gold(cls, item: Mapping[str, Any]) -> Coded:
        return cls(
            date=item.get("date"),
            date_precision=item.get("date_precision"),
            event_type=str(item.get("event_type")),
            sub_event_type=item.get("sub_event_type"),
            country=item.get("country"),
            lat=item.get("lat"),
            lon=item.get("lon"),
            geo_precision=item.get("geo_precision"),
            fatalities=item.get("fatalities"),
        )

    @property
    def coarse_place(self) -> bool:
        """Placed only to a region or country: no point, or ``geo_precision`` 3."""
        return self.lat is None or self.lon is None or self.geo_precision == 3


def place_distance(predicted: Coded, gold: Coded, max_km: float = DEFAULT_MAX_KM) -> float | None:
    """The distance (km) between the two places when they agree, else ``None``.

    A predicted place inside the country of a coarse gold place agrees at distance 0.
    """
    distance = None
    lat, lon, gold_lat, gold_lon = predicted.lat, predicted.lon, gold.lat, gold.lon
    if lat is not None and lon is not None and gold_lat is not None and gold_lon is not None:
        distance = haversine_km(lat, lon, gold_lat, gold_lon)
        if distance <= max_km:
            return distance
    if gold.coarse_place and gold.country and predicted.country == gold.country:
        return 0.0 if distance is None else distance
    return None


def sub_event_agrees(predicted: Coded, gold: Coded) -> bool:
    """Whether the sub-event types agree on ACLED's names (see :data:`SUB_EVENT_PROJECTION`)."""
    if predicted.sub_event_type in TYPE_ONLY_SUB_EVENTS or gold.sub_event_type in (
        TYPE_ONLY_SUB_EVENTS
    ):
        return predicted.event_type == gold.event_type
    return _acled_sub(predicted.sub_event_type) == _acled_sub(gold.sub_event_type)


def _acled_sub(name: str | None) -> str | None:
    return SUB_EVENT_PROJECTION.get(name, name) if name is not None else None


@dataclass(frozen=True)
class Pair:
    """A gold incident (index into the gold list) matched to a predicted one."""

    gold: int
    predicted: int
    days_apart: int
    distance_km: float


def match_incidents(
    predicted: Sequence[Coded], gold: Sequence[Coded], max_km: float = DEFAULT_MAX_KM
) -> list[Pair]:
    """One-to-one pairs of agreeing incidents, best pairs first (see the module docstring)."""
    candidates: list[tuple[tuple[bool, bool, int, float, int, int], Pair]] = []
    for g, item in enumerate(gold):
        gold_period = period(item.date, item.date_precision)
        if gold_period is None:
            continue
        for p, incident in enumerate(predicted):
            predicted_period = period(incident.date, incident.date_precision)
            if predicted_period is None:
                continue
            gap = days_apart(predicted_period, gold_period)
            if gap > DATE_TOLERANCE_DAYS:
                continue
            distance = place_distance(incident, item, max_km)
            if distance is None:
                continue
            key = (
                incident.event_type != item.event_type,
                not sub_event_agrees(incident, item),
                gap,
                distance,
                g,
                p,
            )
            candidates.append((key, Pair(g, p, gap, distance)))
    pairs: list[Pair] = []
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    for _, pair in sorted(candidates, key=lambda c: c[0]):
        if pair.gold in used_gold or pair.predicted in used_predicted:
            continue
        used_gold.add(pair.gold)
        used_predicted.add(pair.predicted)
        pairs.append(pair)
    return sorted(pairs, key=lambda pair: pair.gold)


@dataclass
class IncidentScores:
    """Incident counts over one or more documents."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    type_right: int = 0
    sub_type_right: int = 0
    date_exact: int = 0
    fatalities_exact: int = 0

    def add(self, other: IncidentScores) -> None:
        for name in (f.name for f in fields(self)):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def figures(self) -> dict[str, Any]:
        precision = _share(self.matched, self.predicted)
        recall = _share(self.matched, self.gold)
        return {
            "gold_incidents": self.gold,
            "predicted_incidents": self.predicted,
            "matched_incidents": self.matched,
            "incident_precision": precision,
            "incident_recall": recall,
            "incident_f1": _f1(precision, recall),
            "event_type_accuracy": _share(self.type_right, self.matched),
            "sub_event_type_accuracy": _share(self.sub_type_right, self.matched),
            "date_exact": _share(self.date_exact, self.matched),
            "fatalities_exact": _share(self.fatalities_exact, self.matched),
        }


def score_incidents(
    predicted: Sequence[Incident | Coded],
    gold: Sequence[Mapping[str, Any] | Coded],
    max_km: float = DEFAULT_MAX_KM,
) -> IncidentScores:
    """Incident scores for one document."""
    ours = [p if isinstance(p, Coded) else Coded.from_incident(p) for p in predicted]
    theirs = [g if isinstance(g, Coded) else Coded.from_gold(g) for g in gold]
    scores = IncidentScores(gold=len(theirs), predicted=len(ours))
    for pair in match_incidents(ours, theirs, max_km):
        incident, item = ours[pair.predicted], theirs[pair.gold]
        scores.matched += 1
        scores.type_right += incident.event_type == item.event_type
        scores.sub_type_right += sub_event_agrees(incident, item)
        scores.date_exact += incident.date == item.date
        scores.fatalities_exact += incident.fatalities == item.fatalities
    return scores


# -- mentions ---------------------------------------------------------------------------------


@dataclass
class Scores:
    """Counts over a gold folder (mentions and incidents); the figures are properties."""

    documents: int = 0
    documents_missing: int = 0
    documents_mismatched: int = 0
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    exact: int = 0
    within_far: int = 0
    within_near: int = 0
    incidents: IncidentScores = field(default_factory=IncidentScores)
    by_language: dict[str, Scores] = field(default_factory=dict)

    _COUNTS = (
        "documents",
        "documents_missing",
        "documents_mismatched",
        "gold",
        "predicted",
        "matched",
        "exact",
        "within_far",
        "within_near",
    )

    def add(self, other: Scores) -> None:
        for name in self._COUNTS:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.incidents.add(other.incidents)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)

    def figures(self) -> dict[str, Any]:
        exact_p, exact_r = _share(self.exact, self.predicted), _share(self.exact, self.gold)
        return {
            "documents": self.documents,
            "documents_missing": self.documents_missing,
            "documents_mismatched": self.documents_mismatched,
            "gold_mentions": self.gold,
            "predicted_mentions": self.predicted,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "exact_precision": exact_p,
            "exact_recall": exact_r,
            "exact_f1": _f1(exact_p, exact_r),
            "resolved_within_161km": _share(self.within_far, self.gold),
            "resolved_within_10km": _share(self.within_near, self.gold),
            **self.incidents.figures(),
        }


def score_mentions(predicted: Sequence[Mention], gold: Sequence[Mapping[str, Any]]) -> Scores:
    """Mention scores for one document."""
    article = [m for m in predicted if m.is_article_place]
    scores = Scores(documents=1, gold=len(gold), predicted=len(article))
    scores.exact = len(
        {(m.start, m.end) for m in article} & {(item["start"], item["end"]) for item in gold}
    )
    used: set[int] = set()
    for item in gold:
        index = _most_overlapping(article, item, used)
        if index is None:
            continue
        used.add(index)
        scores.matched += 1
        distance = _distance(article[index], item)
        scores.within_far += distance <= FAR_KM
        scores.within_near += distance <= NEAR_KM
    return scores


def _most_overlapping(
    predicted: Sequence[Mention], item: Mapping[str, Any], used: set[int]
) -> int | None:
    best, best_overlap = None, 0
    for index, mention in enumerate(predicted):
        overlap = min(mention.end, item["end"]) - max(mention.start, item["start"])
        if index not in used and overlap > best_overlap:
            best, best_overlap = index, overlap
    return best


def _distance(mention: Mention, item: Mapping[str, Any]) -> float:
    place = mention.place
    if place is None:
        return float("inf")
    if item.get("lat") is None or item.get("lon") is None:
        same_country = item.get("country") and place.country == item["country"]
        same_region = item.get("kind") == "region" and place.kind == "region"
        return 0.0 if same_country or same_region else float("inf")
    return haversine_km(place.lat, place.lon, item["lat"], item["lon"])


# -- gold folders -----------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldDocument:
    """One annotated article: its gold file, its text file and the parsed annotations."""

    name: str
    gold_path: Path
    text_path: Path
    gold: dict[str, Any]

    @property
    def language(self) -> str | None:
        language = self.gold.get("document", {}).get("language")
        return str(language) if language else None


@dataclass(frozen=True)
class GoldFolder:
    """The scorable documents of a gold folder, and those left out (with the reason)."""

    documents: tuple[GoldDocument, ...]
    missing: tuple[GoldDocument, ...] = ()
    mismatched: tuple[GoldDocument, ...] = ()


def read_gold_folder(folder: Path) -> GoldFolder:
    """The annotated articles of ``folder`` in either layout (see the module docstring).

    Raises :class:`~mapper.errors.InputError` when it holds no ``*.gold.json`` file or one
    that is not valid JSON.
    """
    folder = Path(folder)
    if (folder / "gold").is_dir():
        gold_dir, text_dir = folder / "gold", folder / "text"
    elif folder.name == "gold" and (folder.parent / "text").is_dir():
        gold_dir, text_dir = folder, folder.parent / "text"
    else:
        gold_dir = text_dir = folder
    paths = sorted(gold_dir.glob("*.gold.json"))
    if not paths:
        raise InputError(
            "no *.gold.json files: give a folder of NAME.txt + NAME.gold.json, or one with "
            "gold/ and text/ subfolders",
            path=folder,
        )
    documents: list[GoldDocument] = []
    missing: list[GoldDocument] = []
    mismatched: list[GoldDocument] = []
    for path in paths:
        try:
            gold = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
            raise InputError(f"cannot read the gold annotations: {err}", path=path) from err
        name = path.name[: -len(".gold.json")]
        document = GoldDocument(name, path, text_dir / f"{name}.txt", gold)
        if not document.text_path.is_file():
            missing.append(document)
        elif not _text_matches(document):
            mismatched.append(document)
        else:
            documents.append(document)
    return GoldFolder(tuple(documents), tuple(missing), tuple(mismatched))


def _text_matches(document: GoldDocument) -> bool:
    """Whether the text has the recorded SHA-256 and length (true when none is recorded)."""
    meta = document.gold.get("document", {})
    if not meta.get("sha256") and meta.get("chars") is None:
        return True
    data = document.text_path.read_bytes()
    if meta.get("sha256") and hashlib.sha256(data).hexdigest() != meta["sha256"]:
        return False
    if meta.get("chars") is not None:
        try:
            return bool(len(data.decode("utf-8")) == meta["chars"])
        except UnicodeDecodeError:
            return False
    return True


def evaluate_folder(folder: Path, max_km: float = DEFAULT_MAX_KM) -> Scores:
    """Extract every annotated article in ``folder`` and score it."""
    from mapper.pipeline import Extractor
    from mapper.read.documents import read_document

    found = read_gold_folder(folder)
    extractor = Extractor()
    total = Scores()
    for absent in found.missing + found.mismatched:
        scores = Scores(
            documents_missing=absent in found.missing,
            documents_mismatched=absent in found.mismatched,
        )
        total.by_language.setdefault(absent.language or "und", Scores()).add(scores)
        total.add(scores)
    for item in found.documents:
        document = read_document(item.text_path)
        published = item.gold.get("document", {}).get("published")
        if published and not document.published:
            document = replace(document, published=published)
        extraction = extractor.extract(document)
        scores = score_mentions(extraction.mentions, item.gold.get("mentions", []))
        scores.incidents = score_incidents(
            extraction.incidents, item.gold.get("incidents", []), max_km
        )
        total.by_language.setdefault(item.language or document.language, Scores()).add(scores)
        total.add(scores)
    return total


# -- output -----------------------------------------------------------------------------------


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def _f1(precision: float, recall: float) -> float:
    return round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0


def format_scores(scores: Scores, fmt: str = "text") -> str:
    """The figures overall and per language, as a text table or JSON."""
    rows = {"all": scores.figures()} | {
        lang: s.figures() for lang, s in sorted(scores.by_language.items())
    }
    if fmt == "json":
        return json.dumps(rows, indent=2)
    lines = [
        "Place mentions (spans overlapping; exact in brackets)",
        f"{'set':6}{'docs':>6}{'gold':>6}{'P':>8}{'R':>8}{'F1':>8}{'[P]':>8}{'[R]':>8}"
        f"{'[F1]':>8}{'<161km':>9}{'<10km':>8}",
    ]
    for name, f in rows.items():
        lines.append(
            f"{name:6}{f['documents']:>6}{f['gold_mentions']:>6}{f['precision']:>8.3f}"
            f"{f['recall']:>8.3f}{f['f1']:>8.3f}{f['exact_precision']:>8.3f}"
            f"{f['exact_recall']:>8.3f}{f['exact_f1']:>8.3f}"
            f"{f['resolved_within_161km']:>9.3f}{f['resolved_within_10km']:>8.3f}"
        )
    lines += [
        "",
        "Incidents (matched: date within a day or in the coarser period, place within the "
        "distance or in the country of a coarse gold place)",
        f"{'set':6}{'gold':>6}{'found':>7}{'P':>8}{'R':>8}{'type':>8}{'sub-type':>10}"
        f"{'date':>8}{'deaths':>8}",
    ]
    for name, f in rows.items():
        lines.append(
            f"{name:6}{f['gold_incidents']:>6}{f['predicted_incidents']:>7}"
            f"{f['incident_precision']:>8.3f}{f['incident_recall']:>8.3f}"
            f"{f['event_type_accuracy']:>8.3f}{f['sub_event_type_accuracy']:>10.3f}"
            f"{f['date_exact']:>8.3f}{f['fatalities_exact']:>8.3f}"
        )
    left_out = scores.documents_missing + scores.documents_mismatched
    if left_out:
        lines += [
            "",
            f"Left out: {scores.documents_missing} documents without their text, "
            f"{scores.documents_mismatched} whose text does not match the recorded SHA-256 "
            "(rebuild them: python bench/corpora/rebuild.py).",
        ]
    return "\n".join(lines)
