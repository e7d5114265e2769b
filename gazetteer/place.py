"""The value a gazetteer lookup returns: a :class:`Place`, and a scored :class:`Candidate`."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

__all__ = ["KINDS", "Candidate", "Place"]

#: Feature kinds, broadest first.
KINDS = ("region", "country", "admin1", "admin2", "populated_place", "landmark")


@dataclass(frozen=True)
class Place:
    """One gazetteer entry. ``raw`` keeps the source row it was built from."""

    id: str
    name: str
    kind: str
    country: str | None
    admin1: str | None
    lat: float
    lon: float
    source: str
    population: int | None = None
    admin1_id: str | None = None
    admin2: str | None = None
    admin2_id: str | None = None
    raw: dict[str, Any] = field(default_factory=dict, compare=False, hash=False, repr=False)

    @property
    def point(self) -> tuple[float, float]:
        """(lat, lon)."""
        return (self.lat, self.lon)

    @property
    def __geo_interface__(self) -> dict[str, Any]:
        return {
            "type": "Feature",
            "id": self.id,
            "geometry": {"type": "Point", "coordinates": (self.lon, self.lat)},
            "properties": {"name": self.name, "kind": self.kind, "country": self.country},
        }

    def to_dict(self, precision: int = 1) -> dict[str, Any]:
        """The place object of the extract contract, keys in contract order."""
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "country": self.country,
            "admin1": self.admin1,
            "lat": round(self.lat, 5),
            "lon": round(self.lon, 5),
            "precision": precision,
        }

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Place:
        """Build from a row of the gazetteer's ``places`` table."""
        raw = row.get("raw")
        return cls(
            id=row["id"],
            name=row["name"],
            kind=row["kind"],
            country=row["country"],
            admin1=row["admin1"],
            lat=row["lat"],
            lon=row["lon"],
            source=row["source"],
            population=row["population"],
            admin1_id=row["admin1_id"],
            admin2=row["admin2"],
            admin2_id=row["admin2_id"],
            raw=json.loads(raw) if isinstance(raw, str) else dict(raw or {}),
        )


@dataclass(frozen=True)
class Candidate:
    """A place matched by a lookup, with its score (0..1) and the name that matched."""

    place: Place
    score: float
    matched: str

    def to_dict(self) -> dict[str, Any]:
        """The place object plus ``score`` and ``source``, as ``mapper geocode`` prints it."""
        out = self.place.to_dict()
        out["score"] = round(self.score, 4)
        out["source"] = self.place.source
        return out
