"""The values that flow through the pipeline, from a document to merged incidents.

:class:`Document` (with its :class:`FurnitureSpan` s) → :class:`Mention` (with a resolved
:class:`~gazetteer.Place`) → :class:`Incident`; one document's mentions and incidents are
an :class:`Extraction`; a run over articles and record files is a :class:`PipelineResult`,
which also keeps the record rows that gave no incident (:class:`Reject`). Each value is
frozen; mentions, incidents and extractions serialise to the shape of
``../shared/contracts/extract.md`` with ``to_dict`` (keys in contract order; extra keys,
when any, come after them).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from gazetteer import Place
from mapper.errors import UsageError
from mapper.event_types import EVENT_TYPES

__all__ = [
    "DATE_PRECISIONS",
    "EVENT_TYPES",
    "FURNITURE_KINDS",
    "CasualtyClaim",
    "Document",
    "Evidence",
    "Extraction",
    "FurnitureSpan",
    "Incident",
    "Mention",
    "PipelineResult",
    "Reject",
    "Source",
    "place_dict",
]

#: The kinds of site furniture a :class:`FurnitureSpan` may have.
FURNITURE_KINDS: tuple[str, ...] = (
    "teaser",
    "byline",
    "subscription",
    "copyright",
    "photo_credit",
    "related",
    "share",
    "dateline",
)

DATE_PRECISIONS = ("day", "week", "month", "year")


@dataclass(frozen=True)
class FurnitureSpan:
    """A stretch ``text[start:end]`` of a document that is site furniture, and its kind."""

    start: int
    end: int
    kind: str

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise UsageError(f"span start and end must satisfy 0 <= start <= end, got {self}")
        if self.kind not in FURNITURE_KINDS:
            raise UsageError(
                f"unknown span kind {self.kind!r}; use one of {', '.join(FURNITURE_KINDS)}"
            )


@dataclass(frozen=True)
class Document:
    """One article: its text, where it came from, its language and its furniture."""

    id: str
    path: str | None
    text: str
    language: str
    published: str | None = None
    title: str | None = None
    furniture: tuple[FurnitureSpan, ...] = ()
    url: str | None = None

    def in_furniture(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` overlaps site furniture (an empty range: touches it)."""
        end = max(end, start + 1)
        index = bisect_right(self.furniture, start, key=lambda span: span.start)
        for span in self.furniture[max(index - 1, 0) : index + 1]:
            if span.start < end and start < span.end:
                return True
        return False


def place_dict(place: Place | None, precision: int) -> dict[str, Any] | None:
    """The contract's place object, or ``None``."""
    return None if place is None else place.to_dict(precision)


@dataclass(frozen=True)
class Mention:
    """A place name found in a text, and the place it was resolved to (or ``None``).

    ``precision``: 1 the place itself; 2 a district stands in (a village the gazetteer
    knows only by name); 3 a region or country stands in. ``furniture`` names the kind of
    site furniture (``"teaser"``, ``"photo_credit"``, ...) the mention sits in, if any.
    """

    start: int
    end: int
    text: str
    place: Place | None
    precision: int = 1
    confidence: float = 0.0
    candidates: int = 0
    furniture: str | None = None

    @property
    def is_article_place(self) -> bool:
        """False for mentions in site furniture (teasers, captions): not the article's places."""
        return self.furniture is None

    def to_dict(self) -> dict[str, Any]:
        out = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "place": place_dict(self.place, self.precision),
            "confidence": round(self.confidence, 4),
            "candidates": self.candidates,
        }
        if self.furniture is not None:
            out["furniture"] = self.furniture
        return out


@dataclass(frozen=True)
class Evidence:
    """The sentence an incident was read from: offsets into the document text."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Source:
    """Where an incident was reported: a document id and its URL when known."""

    document: str
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"document": self.document, "url": self.url}


@dataclass(frozen=True)
class CasualtyClaim:
    """Casualty figures as one claimant gives them (``None``: the text does not say who)."""

    claimant: str | None
    fatalities: int | None
    injuries: int | None

    def to_dict(self) -> dict[str, Any]:
        return {"claimant": self.claimant, "fatalities": self.fatalities, "injuries": self.injuries}


@dataclass(frozen=True)
class Incident:
    """One event: what, when, where, to whom, according to whom.

    ``remarks``: what was changed or doubted on the way in (coordinates swapped, a place
    far from its coordinates, an event type not recognised); empty for most incidents.
    """

    id: str
    date: str | None
    date_precision: str | None
    event_type: str
    sub_event_type: str
    place: Place | None
    location_text: str | None
    geo_precision: int
    fatalities: int | None
    injuries: int | None
    actors: tuple[str, ...]
    evidence: Evidence
    source: Source
    claims: tuple[CasualtyClaim, ...] = ()
    also_reported_by: tuple[tuple[Source, Evidence], ...] = field(default=())
    remarks: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.event_type not in EVENT_TYPES:
            raise ValueError(f"unknown event type {self.event_type!r}")
        if self.date_precision is not None and self.date_precision not in DATE_PRECISIONS:
            raise ValueError(f"unknown date precision {self.date_precision!r}")

    def to_dict(self) -> dict[str, Any]:
        out = {
            "id": self.id,
            "date": self.date,
            "date_precision": self.date_precision,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "place": place_dict(self.place, self.geo_precision),
            "location_text": self.location_text,
            "geo_precision": self.geo_precision,
            "fatalities": self.fatalities,
            "injuries": self.injuries,
            "actors": list(self.actors),
            "evidence": self.evidence.to_dict(),
            "source": self.source.to_dict(),
            "claims": [claim.to_dict() for claim in self.claims],
            "also_reported_by": [
                {"source": s.to_dict(), "evidence": e.to_dict()} for s, e in self.also_reported_by
            ],
        }
        if self.remarks:
            out["remarks"] = list(self.remarks)
        return out


@dataclass(frozen=True)
class Extraction:
    """What one document yields: its mentions and incidents."""

    document: Document
    mentions: tuple[Mention, ...]
    incidents: tuple[Incident, ...]

    def to_dict(self) -> dict[str, Any]:
        doc = self.document
        return {
            "document": {
                "id": doc.id,
                "path": doc.path,
                "language": doc.language,
                "published": doc.published,
                "title": doc.title,
            },
            "mentions": [m.to_dict() for m in self.mentions],
            "incidents": [i.to_dict() for i in self.incidents],
        }


@dataclass(frozen=True)
class Reject:
    """A record row that gave no incident: where it is, why, and the row as read."""

    path: str
    row: int
    reason: str
    raw: Mapping[str, str] = field(default_factory=dict)
    line: int | None = None


@dataclass(frozen=True)
class PipelineResult:
    """Merged incidents, and everything read on the way: the extractions (with the
    mentions placed approximately or left unresolved) and the rejected record rows."""

    incidents: tuple[Incident, ...]
    extractions: tuple[Extraction, ...]
    rejects: tuple[Reject, ...]
    record_files: int
    record_rows: int

    @property
    def articles(self) -> int:
        return len(self.extractions)

    def approximate(self) -> list[tuple[Extraction, Mention]]:
        """Article mentions placed at a containing unit (precision 2 or 3)."""
        return [
            (e, m)
            for e in self.extractions
            for m in e.mentions
            if m.place is not None and m.precision > 1 and m.is_article_place
        ]

    def unresolved(self) -> list[tuple[Extraction, Mention]]:
        """Article mentions no place could be chosen for."""
        return [
            (e, m)
            for e in self.extractions
            for m in e.mentions
            if m.place is None and m.is_article_place
        ]
