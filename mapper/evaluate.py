"""Scoring extraction against hand-annotated articles (``mapper eval GOLD_DIR``).

A gold folder holds ``NAME.txt`` articles and ``NAME.gold.json`` annotations (see
``tests/devset/README.md``).

Toponyms: a predicted mention is correct when its span
overlaps a gold mention's span (each gold mention matched once); precision, recall and F1
follow. Resolution: of the gold mentions, the share recognised *and* resolved within
161 km (100 miles, the usual geoparsing threshold) and within 10 km of the gold point;
countries and macro regions, which have no gold point, count as resolved when the country
code (or the region) matches. Mentions in site furniture are not scored.

Incidents: a predicted incident matches a gold one (each used once) when their evidence
spans overlap, or when their dates are equal and their places lie within 10 km. Precision
and recall count matches whatever the type; type accuracy is the share of matched incidents
whose ACLED event type is right (sub-type accuracy likewise). An article's publication
date, when the gold file gives it, is passed on as ``mapper extract --published`` would.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from gazetteer import haversine_km
from mapper.model import Incident, Mention

__all__ = [
    "IncidentScores",
    "Scores",
    "evaluate_folder",
    "format_scores",
    "score_incidents",
    "score_mentions",
]

FAR_KM, NEAR_KM = 161.0, 10.0


@dataclass
class IncidentScores:
    """Incident counts over a gold folder."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    type_right: int = 0
    sub_type_right: int = 0

    def add(self, other: IncidentScores) -> None:
        for name in ("gold", "predicted", "matched", "type_right", "sub_type_right"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def figures(self) -> dict[str, Any]:
        def share(part: int, whole: int) -> float:
            return round(part / whole, 4) if whole else 0.0

        return {
            "gold_incidents": self.gold,
            "predicted_incidents": self.predicted,
            "incident_precision": share(self.matched, self.predicted),
            "incident_recall": share(self.matched, self.gold),
            "event_type_accuracy": share(self.type_right, self.matched),
            "sub_event_type_accuracy": share(self.sub_type_right, self.matched),
        }


def score_incidents(predicted: list[Incident], gold: list[dict[str, Any]]) -> IncidentScores:
    """Incident scores for one document."""
    scores = IncidentScores(gold=len(gold), predicted=len(predicted))
    used: set[int] = set()
    for item in gold:
        match = next((p for p in predicted if id(p) not in used and _same_incident(p, item)), None)
        if match is None:
            continue
        used.add(id(match))
        scores.matched += 1
        scores.type_right += match.event_type == item["event_type"]
        scores.sub_type_right += match.sub_event_type == item.get("sub_event_type")
    return scores


def _same_incident(incident: Incident, item: dict[str, Any]) -> bool:
    evidence = item.get("evidence") or {}
    if (
        evidence
        and incident.evidence.start < evidence["end"]
        and evidence["start"] < incident.evidence.end
    ):
        return True
    place = incident.place
    if place is None or item.get("lat") is None or incident.date != item.get("date"):
        return False
    return haversine_km(place.lat, place.lon, item["lat"], item["lon"]) <= NEAR_KM


@dataclass
class Scores:
    """Counts over a gold folder; the figures are properties."""

    documents: int = 0
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    within_far: int = 0
    within_near: int = 0
    incidents: IncidentScores = field(default_factory=IncidentScores)
    by_language: dict[str, Scores] = field(default_factory=dict)

    def add(self, other: Scores) -> None:
        for name in ("documents", "gold", "predicted", "matched", "within_far", "within_near"):
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
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def figures(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "gold_mentions": self.gold,
            "predicted_mentions": self.predicted,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "resolved_within_161km": round(self.within_far / self.gold, 4) if self.gold else 0.0,
            "resolved_within_10km": round(self.within_near / self.gold, 4) if self.gold else 0.0,
            **self.incidents.figures(),
        }


def score_mentions(predicted: list[Mention], gold: list[dict[str, Any]]) -> Scores:
    """Scores for one document."""
    article = [m for m in predicted if m.is_article_place]
    scores = Scores(documents=1, gold=len(gold), predicted=len(article))
    used: set[int] = set()
    for item in gold:
        match = _overlapping(article, item, used)
        if match is None:
            continue
        used.add(id(match))
        scores.matched += 1
        distance = _distance(match, item)
        scores.within_far += distance <= FAR_KM
        scores.within_near += distance <= NEAR_KM
    return scores


def _overlapping(predicted: list[Mention], item: dict[str, Any], used: set[int]) -> Mention | None:
    for mention in predicted:
        if id(mention) not in used and mention.start < item["end"] and item["start"] < mention.end:
            return mention
    return None


def _distance(mention: Mention, item: dict[str, Any]) -> float:
    place = mention.place
    if place is None:
        return float("inf")
    if item.get("lat") is None or item.get("lon") is None:
        same_country = item.get("country") and place.country == item["country"]
        same_region = item.get("kind") == "region" and place.kind == "region"
        return 0.0 if same_country or same_region else float("inf")
    return haversine_km(place.lat, place.lon, item["lat"], item["lon"])


def evaluate_folder(folder: Path) -> Scores:
    """Extract every annotated article in ``folder`` and score it."""
    from mapper.pipeline import Extractor
    from mapper.read.documents import read_document

    extractor = Extractor()
    total = Scores()
    for gold_path in sorted(folder.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        document = read_document(gold_path.with_name(gold_path.name[: -len(".gold.json")] + ".txt"))
        published = gold["document"].get("published")
        if published and not document.published:
            document = replace(document, published=published)
        extraction = extractor.extract(document)
        scores = score_mentions(list(extraction.mentions), gold["mentions"])
        scores.incidents = score_incidents(list(extraction.incidents), gold.get("incidents", []))
        language = gold["document"].get("language", document.language)
        total.by_language.setdefault(language, Scores()).add(scores)
        total.add(scores)
    return total


def format_scores(scores: Scores, fmt: str = "text") -> str:
    rows = {"all": scores.figures()} | {
        lang: s.figures() for lang, s in sorted(scores.by_language.items())
    }
    if fmt == "json":
        return json.dumps(rows, indent=2)
    lines = [
        "Place mentions",
        f"{'set':6}{'docs':>6}{'gold':>6}{'P':>8}{'R':>8}{'F1':>8}{'<161km':>9}{'<10km':>8}",
    ]
    for name, f in rows.items():
        lines.append(
            f"{name:6}{f['documents']:>6}{f['gold_mentions']:>6}{f['precision']:>8.3f}"
            f"{f['recall']:>8.3f}{f['f1']:>8.3f}{f['resolved_within_161km']:>9.3f}"
            f"{f['resolved_within_10km']:>8.3f}"
        )
    lines += [
        "",
        "Incidents",
        f"{'set':6}{'gold':>6}{'found':>7}{'P':>8}{'R':>8}{'type':>8}{'sub-type':>10}",
    ]
    for name, f in rows.items():
        lines.append(
            f"{name:6}{f['gold_incidents']:>6}{f['predicted_incidents']:>7}"
            f"{f['incident_precision']:>8.3f}{f['incident_recall']:>8.3f}"
            f"{f['event_type_accuracy']:>8.3f}{f['sub_event_type_accuracy']:>10.3f}"
        )
    return "\n".join(lines)
