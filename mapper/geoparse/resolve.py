"""Resolution: choose, for each recognised span, the place the document means.

Each span starts with the gazetteer's ranked candidates (name match, kind, population),
plus any place the gazetteer knows only by name and container (Orto-Boz → Batken
District). The document then votes, twice over:

* country and first-level region votes from every span's current choice;
* containment cues: "X, Y", "X di Y", "X in Y", "X в Y" where Y is a country, region or
  district that may contain X;
* proximity to the other places the document names.

A place known only by name stands in through its container, with precision 2 (a district)
or 3 (a region), and keeps the name as written; it is chosen over a same-named place
elsewhere when the document's context supports its container.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from weakref import WeakKeyDictionary

from gazetteer import Candidate, Gazetteer, Place
from gazetteer.index import EARTH_RADIUS_KM, Unlocated
from gazetteer.normalize import form, skeleton
from mapper import languages
from mapper.geoparse import lexicon
from mapper.geoparse.recognize import Span
from mapper.model import Mention

__all__ = ["resolve"]

COUNTRY_WEIGHT = 0.2
ADMIN1_WEIGHT = 0.15
CONTAINMENT_WEIGHT = 0.25
PROXIMITY_WEIGHT = 0.15
PROXIMITY_KM = 50.0
UNLOCATED_BASE = 0.78
ROUNDS = 2
#: How gazetteers name a unit the text calls "distrik X" or "wilayah X": "X District", ...
DESIGNATED_NAMES = {"admin2": ("District", "Raion"), "admin1": ("Region", "Oblast", "Province")}
#: Confidence given to a containing unit standing in for a village no gazetteer knows.
STAND_IN_SCORE = 0.6
#: A reading of another kind than a designator names ("Osh Region" is not the city).
DESIGNATOR_PENALTY = 0.25
#: A single word at least this frequent (Zipf scale) in the document's language...
COMMON_WORD_ZIPF = 3.5
#: ...is read as the word, not as a place smaller than this.
COMMON_WORD_MIN_POPULATION = 100_000
#: A word this frequent is read as a place only when it is the place's own name.
VERY_COMMON_ZIPF = 4.0
#: ...unless it is a city this large (Russian names inflect: "Москве" is Moscow).
MAJOR_CITY = 1_000_000
#: Part of a run of capitalised words, a small place needs this share of country votes.
NAME_RUN_SHARE = 0.15
POINT_KINDS = frozenset({"populated_place", "admin2", "landmark"})


#: Names whose options are kept across documents, per gazetteer (cleared when full).
OPTIONS_CACHE_SIZE = 20_000
_SHARED_OPTIONS: WeakKeyDictionary[Gazetteer, dict[tuple[object, ...], list[_Option]]] = (
    WeakKeyDictionary()
)


@cache
def _containment_gap(generation: int) -> re.Pattern[str]:
    words = "|".join(sorted(lexicon.combined().containment_words))
    return re.compile(r"\s*,\s*|\s+(?:" + words + r")\s+", re.IGNORECASE)


@dataclass(frozen=True)
class _Option:
    """One reading of a span: a place, or an unlocated name standing in through its container."""

    place: Place
    base: float
    precision: int


@dataclass(frozen=True)
class _Context:
    countries: dict[str, float]
    admin1: dict[str, float]
    picks: tuple[_Option | None, ...]
    points: tuple[Place, ...]
    nearness: dict[str, float]


def resolve(
    spans: list[Span], gazetteer: Gazetteer, text: str, language: str = "und"
) -> list[Mention]:
    """One :class:`Mention` per span that reads as a place, resolved in document context."""
    cache: dict[tuple[object, ...], list[_Option]] = {}
    options = [_cached_options(span, gazetteer, cache) for span in spans]
    containers = _containers(spans, text)
    picks: list[_Option | None] = [opts[0] if opts else None for opts in options]
    scored: list[list[tuple[float, _Option]]] = []
    located = {o.place.id: o.place for opts in options for o in opts if o.place.kind in POINT_KINDS}
    for _ in range(ROUNDS):
        context = _context(picks, spans)
        context.nearness.update(_nearness_all(list(located.values()), context.points))
        scored = [
            sorted(
                ((_score(o, i, context, containers, spans), o) for o in opts),
                key=lambda pair: (-pair[0], pair[1].place.id),
            )
            for i, opts in enumerate(options)
        ]
        picks = [ranked[0][1] if ranked else None for ranked in scored]
    context = _context(picks, spans)
    mentions = []
    for index, (span, ranked) in enumerate(zip(spans, scored, strict=True)):
        if span.unknown:
            ranked = _stand_in(index, spans, containers, context, gazetteer, text)
        if not ranked or _reads_as_place(span, ranked[0][1], context, language):
            mentions.append(_mention(span, ranked))
    return mentions


def _stand_in(
    index: int,
    spans: list[Span],
    containers: dict[int, int],
    context: _Context,
    gazetteer: Gazetteer,
    text: str,
) -> list[tuple[float, _Option]]:
    """For a village no gazetteer knows: the smallest unit the text puts it in.

    In order: a container named right after it ("desa X di distrik Y"), a district or region
    named in the same sentence, the region the document is mostly about.
    """
    candidates = [containers[index]] if index in containers else []
    candidates += _same_sentence(index, spans, text)
    for other in candidates:
        pick = context.picks[other]
        if pick is not None and pick.place.kind in ("admin2", "admin1"):
            return [(STAND_IN_SCORE, _Option(pick.place, 0.0, _precision_of(pick.place)))]
    if context.admin1:
        top = max(sorted(context.admin1), key=context.admin1.__getitem__)
        region = gazetteer.get(top)
        if region is not None:
            return [(STAND_IN_SCORE * context.admin1[top], _Option(region, 0.0, 3))]
    return []


def _same_sentence(index: int, spans: list[Span], text: str) -> list[int]:
    span = spans[index]
    start = max(text.rfind(".", 0, span.start), text.rfind("\n", 0, span.start)) + 1
    ends = [e for e in (text.find(".", span.end), text.find("\n", span.end)) if e >= 0]
    end = min(ends) if ends else len(text)
    inside = [i for i, s in enumerate(spans) if i != index and start <= s.start and s.end <= end]
    return sorted(inside, key=lambda i: abs(spans[i].start - span.start))


def _precision_of(place: Place) -> int:
    return 2 if place.kind == "admin2" else 3


def _reads_as_place(span: Span, best: _Option, context: _Context, language: str) -> bool:
    """False for a small-place reading of a common word or of part of a person's name."""
    place = best.place
    if place.kind not in ("populated_place", "landmark") or span.kinds:
        return True
    if best.precision > 1:
        return True
    if span.in_name_run and context.countries.get(place.country or "", 0.0) < NAME_RUN_SHARE:
        return False
    if span.in_compound:
        return False
    if span.first != span.last:
        return True
    own_name = form(span.text) == form(place.name)
    major = (place.population or 0) >= MAJOR_CITY
    if _frequent(span.text, language, VERY_COMMON_ZIPF) and not own_name and not major:
        return False
    small = (place.population or 0) < COMMON_WORD_MIN_POPULATION
    return not (small and _frequent(span.text, language, COMMON_WORD_ZIPF))


def _frequent(word: str, language: str, threshold: float) -> bool:
    code = languages.pack_for(language).word_frequencies
    if code is None or not languages.has_pack(language):
        return False
    return lexicon.is_frequent(word.lower(), code, threshold)


def _cached_options(
    span: Span, gazetteer: Gazetteer, cache: dict[tuple[object, ...], list[_Option]]
) -> list[_Option]:
    """Options per distinct name in the document (a name repeated is looked up once), and
    across documents per gazetteer (bounded: :data:`OPTIONS_CACHE_SIZE` names)."""
    key = (span.keys, span.text, span.kinds, span.has_unlocated)
    found = cache.get(key)
    if found is None:
        shared = _SHARED_OPTIONS.setdefault(gazetteer, {})
        found = shared.get(key)
        if found is None:
            found = _options(span, gazetteer)
            if len(shared) >= OPTIONS_CACHE_SIZE:
                shared.clear()
            shared[key] = found
        cache[key] = found
    return found


def _options(span: Span, gazetteer: Gazetteer) -> list[_Option]:
    keys = set(span.keys)
    keys.add(skeleton(span.text))
    found = [_from_candidate(c) for c in gazetteer.match_keys(keys, span.text, span.kinds)]
    if span.kinds and not any(o.place.kind in span.kinds for o in found):
        named = {
            skeleton(f"{span.text} {word}")
            for kind in span.kinds
            for word in DESIGNATED_NAMES.get(kind, ())
        }
        found += [_from_candidate(c) for c in gazetteer.match_keys(named, span.text, span.kinds)]
    if span.has_unlocated:
        found += [_from_unlocated(u) for u in gazetteer.unlocated_for_keys(keys)]
    return found


def _from_candidate(candidate: Candidate) -> _Option:
    return _Option(candidate.place, candidate.score, 1)


def _from_unlocated(entry: Unlocated) -> _Option:
    precision = 2 if entry.container.kind == "admin2" else 3
    return _Option(entry.container, UNLOCATED_BASE, precision)


def _containers(spans: list[Span], text: str) -> dict[int, int]:
    """For span i, the index of the span right after it that may contain it."""
    found = {}
    for i in range(len(spans) - 1):
        gap = text[spans[i].end : spans[i + 1].start]
        if _containment_gap(languages.generation()).fullmatch(gap):
            found[i] = i + 1
    return found


def _context(picks: list[_Option | None], spans: list[Span]) -> _Context:
    """Votes from the article's own mentions (furniture does not vote)."""
    countries: Counter[str] = Counter()
    admin1: Counter[str] = Counter()
    for pick, span in zip(picks, spans, strict=True):
        if pick is None or span.furniture:
            continue
        if pick.place.country:
            countries[pick.place.country] += 1
        if pick.place.admin1_id:
            admin1[pick.place.admin1_id] += 1
    points = {
        pick.place.id: pick.place
        for pick, span in zip(picks, spans, strict=True)
        if pick is not None and not span.furniture and pick.place.kind in POINT_KINDS
    }
    return _Context(_shares(countries), _shares(admin1), tuple(picks), tuple(points.values()), {})


def _shares(votes: Counter[str]) -> dict[str, float]:
    total = sum(votes.values())
    return {key: count / total for key, count in votes.items()} if total else {}


def _score(
    option: _Option, index: int, context: _Context, containers: dict[int, int], spans: list[Span]
) -> float:
    place = option.place
    score = option.base
    span = spans[index]
    if span.kinds and place.kind not in span.kinds:
        score -= DESIGNATOR_PENALTY
    score += COUNTRY_WEIGHT * context.countries.get(place.country or "", 0.0)
    score += ADMIN1_WEIGHT * context.admin1.get(place.admin1_id or "", 0.0)
    container = context.picks[containers[index]] if index in containers else None
    if container is not None and _contains(container.place, place):
        score += CONTAINMENT_WEIGHT
    score += PROXIMITY_WEIGHT * _nearness(place, context)
    return score


def _contains(container: Place, place: Place) -> bool:
    if container.kind == "country":
        return place.country == container.country
    if container.kind == "admin1":
        return place.admin1_id == container.id
    if container.kind == "admin2":
        return place.admin2_id == container.id or place.id == container.id
    return False


def _nearness(place: Place, context: _Context) -> float:
    """Closeness to the nearest other place the document names (1 when on it, 0 when far)."""
    if place.kind not in POINT_KINDS:
        return 0.0
    cached = context.nearness.get(place.id)
    if cached is None:
        cached = _nearness_to(place, context.points)
        context.nearness[place.id] = cached
    return cached


def _nearness_all(places: list[Place], points: tuple[Place, ...]) -> dict[str, float]:
    """:func:`_nearness_to` of every place in ``places``, in one NumPy computation for the
    document (element by element the same arithmetic, so the same figures)."""
    import numpy as np

    if not places or not points:
        return {place.id: 0.0 for place in places}
    lat = np.radians([p.lat for p in points])
    lon = np.radians([p.lon for p in points])
    lat0 = np.array([math.radians(p.lat) for p in places])[:, None]
    lon0 = np.array([math.radians(p.lon) for p in places])[:, None]
    cos0 = np.array([math.cos(math.radians(p.lat)) for p in places])[:, None]
    a = np.sin((lat - lat0) / 2) ** 2 + cos0 * np.cos(lat) * np.sin((lon - lon0) / 2) ** 2
    angles = np.arcsin(np.sqrt(np.minimum(a, 1.0)))
    same = np.array([[p.id == q.id for q in points] for p in places])
    angles[same] = np.inf
    nearest = angles.min(axis=1)
    return {
        place.id: 0.0
        if math.isinf(angle)
        else math.exp(-2 * EARTH_RADIUS_KM * angle / PROXIMITY_KM)
        for place, angle in zip(places, nearest.tolist(), strict=True)
    }


def _nearness_to(place: Place, points: tuple[Place, ...]) -> float:
    """``exp(-d / PROXIMITY_KM)`` for the nearest of ``points`` other than ``place`` itself,
    computed over all points at once with NumPy (a document names many places)."""
    import numpy as np

    others = [p for p in points if p.id != place.id]
    if not others:
        return 0.0
    lat = np.radians([p.lat for p in others])
    lon = np.radians([p.lon for p in others])
    lat0, lon0 = math.radians(place.lat), math.radians(place.lon)
    a = np.sin((lat - lat0) / 2) ** 2 + math.cos(lat0) * np.cos(lat) * np.sin((lon - lon0) / 2) ** 2
    nearest = 2 * EARTH_RADIUS_KM * float(np.arcsin(np.sqrt(np.minimum(a, 1.0))).min())
    return math.exp(-nearest / PROXIMITY_KM)


def _mention(span: Span, ranked: list[tuple[float, _Option]]) -> Mention:
    if not ranked:
        return Mention(span.start, span.end, span.text, None, 1, 0.0, 0, span.furniture)
    best_score, best = ranked[0]
    second = ranked[1][0] if len(ranked) > 1 else 0.0
    margin = best_score / (best_score + second) if second else 1.0
    confidence = min(1.0, best_score) * margin
    return Mention(
        span.start,
        span.end,
        span.text,
        best.place,
        best.precision,
        confidence,
        len(ranked),
        span.furniture,
    )
