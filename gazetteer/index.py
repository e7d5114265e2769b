"""The :class:`Gazetteer`: ranked candidate lookup over the bundled data and user layers.

Ranking, in order of weight:

1. how well the name matched: the exact spelling (letters and digits) of a primary name or a
   curated alias beats a romanisation variant, which beats an alternate name;
2. the kind of place: countries and named regions first, then settlements by population,
   then first-level regions, districts and landmarks — so a bare ``Armenia`` is the country,
   ``Almaty`` and ``Batken`` the cities; designators (``Batken Region``, ``wilayah Batken``)
   select the kind instead;
3. ``near``: closeness to a reference place, and sharing its region or country;
4. user layers outrank the bundled ones.

Filters: ``country`` (ISO 3166-1 alpha-2) and ``kinds`` are hard filters.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from gazetteer.errors import QueryError
from gazetteer.normalize import form, skeleton
from gazetteer.place import KINDS, Candidate, Place
from gazetteer.query import check_country, parse_query, validate_name

if TYPE_CHECKING:
    from gazetteer.userlayer import UserLayer

__all__ = ["EARTH_RADIUS_KM", "Gazetteer", "Unlocated", "haversine_km"]

QUALITY_PRIMARY, QUALITY_ALIAS = 3, 2
KIND_PRIOR = {"country": 1.0, "region": 0.95, "admin1": 0.6, "admin2": 0.55, "landmark": 0.55}
USER_LAYER_BONUS = 0.2
NEAR_SCALE_KM = 75.0
#: Mean Earth radius (IUGG), for great-circle distances.
EARTH_RADIUS_KM = 6371.0088
LANG_BONUS = 0.02
KEY_CACHE_SIZE = 50_000


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return EARTH_RADIUS_KM * 2 * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True)
class Unlocated:
    """A place known by name and container only: the gazetteer gives it no point."""

    id: str
    name: str
    kind: str
    country: str | None
    container: Place
    source: str


@dataclass(frozen=True)
class _Match:
    place: Place
    name: str
    quality: int
    layer_bonus: float = 0.0
    lang: str = ""


class Gazetteer:
    """Offline place lookup. Use :meth:`bundled` for the shipped data."""

    def __init__(self, db: sqlite3.Connection, layers: Sequence[UserLayer] = ()):
        self._db = db
        self._db.row_factory = sqlite3.Row
        self.layers = tuple(layers)
        self._by_key: dict[str, list[_Match]] = {}

    @classmethod
    def bundled(cls) -> Gazetteer:
        """The shipped gazetteer (opened once per process)."""
        return _bundled()

    @property
    def database(self) -> sqlite3.Connection:
        """The read-only connection to the bundled data."""
        return self._db

    def with_layers(self, *layers: UserLayer) -> Gazetteer:
        """A gazetteer that also searches ``layers``, which outrank the bundled data."""
        return Gazetteer(self._db, (*layers, *self.layers))

    # -- lookups -------------------------------------------------------------------------

    def lookup(
        self,
        name: str,
        *,
        country: str | None = None,
        near: str | Place | tuple[float, float] | None = None,
        kinds: Iterable[str] | None = None,
        limit: int = 5,
        lang: str | None = None,
    ) -> list[Candidate]:
        """Candidates for ``name``, best first (an empty list when nothing matches).

        ``lang`` (ISO 639-1) slightly prefers names recorded in that language. Raises
        :class:`~gazetteer.errors.QueryError` (a :class:`ValueError`) for an unusable name,
        ``country``, ``kinds``, ``limit`` or ``near``.
        """
        query = parse_query(name)
        wanted = _check_kinds(kinds)
        country = check_country(country)
        if limit < 1:
            raise QueryError(f"limit must be at least 1, got {limit}")
        matches = self._matches(query.text, wanted)
        if query.kinds is not None:  # a designator was split off: look the core name up too
            core_kinds = query.kinds if wanted is None else query.kinds & wanted
            matches += self._matches(query.core, core_kinds)
        reference = self._reference(near)
        if lang:
            matches = [
                m
                if m.lang != lang
                else _Match(m.place, m.name, m.quality, m.layer_bonus + LANG_BONUS, m.lang)
                for m in matches
            ]
        ranked = self._rank(matches, query.text, country, reference, designated=query.kinds)
        return ranked[:limit]

    def best(self, name: str, **options: Any) -> Place | None:
        """The best candidate's place, or ``None``."""
        found = self.lookup(name, limit=1, **options)
        return found[0].place if found else None

    def get(self, place_id: str) -> Place | None:
        """The place with this id (``geonames:1528735``, ``ne_admin1:KG-B``, ...)."""
        for layer in self.layers:
            place = layer.get(place_id)
            if place is not None:
                return place
        row = self._db.execute("SELECT * FROM places WHERE id = ?", (place_id,)).fetchone()
        return _place(row) if row else None

    def unlocated(self, name: str, country: str | None = None) -> list[Unlocated]:
        """Places known by name without a sourced point, with the unit that contains them."""
        found = self._unlocated_by_key(skeleton(validate_name(name)))
        return [u for u in found if not country or u.country == country.upper()]

    def _unlocated_by_key(self, key: str) -> list[Unlocated]:
        rows = self._db.execute(
            "SELECT u.* FROM unlocated_names n JOIN unlocated u ON u.id = n.id "
            "WHERE n.skel = ? ORDER BY u.id",
            (key,),
        ).fetchall()
        found = []
        for row in rows:
            container = self.get(row["container_id"])
            if container is not None:
                source = json.loads(row["raw"]).get("source", "")
                found.append(
                    Unlocated(
                        row["id"], row["name"], row["kind"], row["country"], container, source
                    )
                )
        return found

    def match_keys(
        self, keys: Iterable[str], surface: str, kinds: frozenset[str] | None = None
    ) -> list[Candidate]:
        """Ranked candidates for a name found in a text, by its lookup keys (skeletons).

        ``surface`` is the name as written (for exact-spelling preference); ``kinds`` are
        preferred, not required.
        """
        matches = [m for key in sorted(set(keys)) for m in self._matches_key(key, None)]
        return self._rank(matches, surface, None, None, designated=kinds)

    def unlocated_for_keys(self, keys: Iterable[str]) -> list[Unlocated]:
        """Places known without a point whose names have these lookup keys."""
        found: dict[str, Unlocated] = {}
        for key in sorted(set(keys)):
            for entry in self._unlocated_by_key(key):
                found.setdefault(entry.id, entry)
        return list(found.values())

    def info(self) -> dict[str, Any]:
        """Layers, sources, versions and counts."""
        from gazetteer.store import manifest

        return {"bundled": manifest(), "layers": [layer.describe() for layer in self.layers]}

    # -- internals -----------------------------------------------------------------------

    def _matches(self, text: str, kinds: frozenset[str] | None) -> list[_Match]:
        return self._matches_key(skeleton(text), kinds)

    def _matches_key(self, key: str, kinds: frozenset[str] | None) -> list[_Match]:
        found = self._by_key.get(key)
        if found is None:
            found = self._read_key(key)
            if len(self._by_key) >= KEY_CACHE_SIZE:
                self._by_key.clear()
            self._by_key[key] = found
        return [m for m in found if kinds is None or m.place.kind in kinds]

    def _read_key(self, key: str) -> list[_Match]:
        found = [
            _Match(p, n, q, USER_LAYER_BONUS)
            for layer in self.layers
            for p, n, q in layer.by_skeleton(key)
        ]
        rows = self._db.execute(
            "SELECT p.*, n.name AS matched, n.quality AS quality, n.lang AS lang FROM names n "
            "JOIN places p ON p.rowid = n.place WHERE n.skel = ?",
            (key,),
        ).fetchall()
        found += [_Match(_place(r), r["matched"], r["quality"], 0.0, r["lang"]) for r in rows]
        return found

    def _reference(self, near: str | Place | tuple[float, float] | None) -> Place | None:
        if near is None or isinstance(near, Place):
            return near
        if isinstance(near, tuple):
            lat, lon = near
            return Place("point", "point", "landmark", None, None, lat, lon, "query")
        for part in [near, *near.split(",")]:
            if part.strip():
                found = self.lookup(part)
                if found:
                    return found[0].place
        raise QueryError(
            f"near {near!r} names no place the gazetteer knows; check its spelling, or give a "
            "point as (lat, lon)"
        )

    def _rank(
        self,
        matches: list[_Match],
        text: str,
        country: str | None,
        reference: Place | None,
        designated: frozenset[str] | None,
    ) -> list[Candidate]:
        best: dict[str, Candidate] = {}
        query_form = form(text)
        for match in matches:
            if country and match.place.country != country and match.place.kind != "region":
                continue
            score = _score(match, query_form, reference, designated)
            current = best.get(match.place.id)
            if current is None or score > current.score:
                best[match.place.id] = Candidate(match.place, score, match.name)
        return sorted(best.values(), key=_sort_key)


def _score(
    match: _Match, query_form: str, reference: Place | None, designated: frozenset[str] | None
) -> float:
    place = match.place
    exact = form(match.name) == query_form
    name_score = {QUALITY_PRIMARY: 1.0, QUALITY_ALIAS: 1.0}.get(match.quality, 0.95)
    name_score *= 1.0 if exact else 0.85
    prior = 1.0 if designated and place.kind in designated else _kind_prior(place)
    score = 0.55 * name_score + 0.35 * prior + match.layer_bonus
    if match.quality == QUALITY_ALIAS:
        score += 0.05
    if reference is not None:
        score += _nearness(place, reference)
    return max(0.0, min(1.0, score))


def _kind_prior(place: Place) -> float:
    if place.kind == "populated_place":
        return 0.4 + 0.6 * min(1.0, math.log10((place.population or 0) + 1) / 7)
    return KIND_PRIOR.get(place.kind, 0.5)


def _nearness(place: Place, reference: Place) -> float:
    distance = haversine_km(place.lat, place.lon, reference.lat, reference.lon)
    bonus = 0.25 * math.exp(-distance / NEAR_SCALE_KM)
    if reference.admin1_id and place.admin1_id == reference.admin1_id:
        bonus += 0.1
    if reference.country and place.country == reference.country:
        bonus += 0.05
    return bonus - 0.1


def _sort_key(candidate: Candidate) -> tuple[float, int, int, str]:
    place = candidate.place
    return (-candidate.score, KINDS.index(place.kind), -(place.population or 0), place.id)


def _check_kinds(kinds: Iterable[str] | None) -> frozenset[str] | None:
    if kinds is None:
        return None
    wanted = frozenset(kinds)
    unknown = wanted - set(KINDS)
    if unknown:
        raise QueryError(
            f"kinds holds unknown kind(s) {sorted(unknown)}; choose from {', '.join(KINDS)}"
        )
    return wanted


def _place(row: sqlite3.Row) -> Place:
    data = dict(row)
    raw = json.loads(data["raw"]) if data.get("raw") else {}
    if data["source"] == "geonames" and data["kind"] == "populated_place":
        raw = {
            "geonameid": int(data["id"].split(":", 1)[1]),
            "name": data["name"],
            "latitude": data["lat"],
            "longitude": data["lon"],
            "countrycode": data["country"],
            "population": data["population"] or 0,
            "timezone": data["timezone"],
            "admin1code": data["admin1_code"],
            **raw,
        }
    return Place.from_row({**data, "raw": raw})


@lru_cache(maxsize=1)
def _bundled() -> Gazetteer:
    from gazetteer.store import open_bundled

    return Gazetteer(open_bundled())
