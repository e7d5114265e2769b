"""Where an incident is: the most specific place its sentence, paragraph or article supports.

:func:`locate` picks the place of an event sentence (the order of preference is set out
in :mod:`mapper.incidents.extract`); :func:`own_location` the specific place a sentence names
itself; :func:`most_mentioned` an article's most mentioned place. Mentions that act or
speak ("oleh Moskow", "Beijing called") never place an event.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from gazetteer import haversine_km
from mapper import languages
from mapper.event_types import AGREEMENT, DEPLOYMENT, EVACUATION
from mapper.incidents.cues import EventCue
from mapper.model import Mention
from mapper.read.sentences import Sentence

if TYPE_CHECKING:
    from gazetteer import Place
    from mapper.incidents.article import Article

__all__ = [
    "NOT_SPECIFIC",
    "OWN_PLACE_ONLY",
    "SPECIFICITY",
    "Location",
    "distance_km",
    "listed_with",
    "locate",
    "most_mentioned",
    "own_location",
    "specificity",
]

#: Sub-event types placed only by their own sentence or paragraph.
OWN_PLACE_ONLY = frozenset({AGREEMENT})

#: The least geo-precision a kind of place allows.
_KIND_PRECISION = {"admin2": 2, "admin1": 3, "country": 3, "region": 3}
SPECIFICITY = {"populated_place": 0, "landmark": 0, "admin2": 1, "admin1": 2}
NOT_SPECIFIC = 3

_CLAUSE_BOUNDARY = re.compile(r"[,;:()\[\]—–]|\s-\s")


@dataclass(frozen=True)
class Location:
    """Where an incident is: the place, its name as written, and the ACLED precision."""

    place: Place
    text: str
    precision: int


def most_mentioned(mentions: Sequence[Mention], *, specific: bool) -> Mention | None:
    """The first mention of the place mentioned most often (ties: the first named)."""
    chosen = [m for m in mentions if (specificity(m) < NOT_SPECIFIC) == specific]
    counts = Counter(_place_id(m) for m in chosen)
    if not counts:
        return None
    best = max(counts.values())
    return next(m for m in chosen if counts[_place_id(m)] == best)


def own_location(article: Article, sentence: Sentence) -> Location | None:
    """The specific place the sentence itself names, if any."""
    specific = [m for m in _candidates(article, sentence) if specificity(m) < NOT_SPECIFIC]
    return _location(specific[0]) if specific else None


def locate(
    article: Article, sentence: Sentence, cue: EventCue | None, latest: Location | None
) -> Location | None:
    """Where the event told in ``sentence`` (by ``cue``, if any) is, or ``None``.

    The order of preference is set out in :mod:`mapper.incidents.extract`; ``latest`` is the place
    of the latest incident told before (the story goes on there).
    """
    in_sentence = _candidates(article, sentence)
    if cue is not None and cue.kind == EVACUATION:
        in_sentence = _evacuated_from(article, sentence, cue, in_sentence)
    elif cue is not None and cue.kind == DEPLOYMENT:
        in_sentence = _sent_to(article, sentence, in_sentence)
    if cue is not None and cue.kind in OWN_PLACE_ONLY:
        in_sentence = _in_clause(sentence, cue, in_sentence)
    # A region wider than a country (Central Asia, the Fergana Valley) is never where
    # ACLED places an event: the sentence's countries, its story or the article's do.
    countries = [
        m
        for m in in_sentence
        if specificity(m) == NOT_SPECIFIC and m.place is not None and m.place.kind != "region"
    ]
    if _shared(languages.generation()).nationwide.search(sentence.text):
        country = countries[0] if countries else article.focus_country
        return _location(country) if country else None
    cue_start = sentence.start + (cue.start if cue else 0)
    specific = [m for m in in_sentence if specificity(m) < NOT_SPECIFIC]
    located = _located_countries(article, sentence, cue, countries)
    for found in (specific, located):
        if found:
            return _location(_most_specific(found, cue_start))
    if cue is not None and cue.kind in OWN_PLACE_ONLY:
        return None
    before, after = _elsewhere_in_paragraph(article, sentence)
    if before:
        return _location(_most_specific(before, cue_start))
    if latest is not None:
        return latest
    fallback = (after and _most_specific(after, cue_start)) or article.focus
    fallback = fallback or (countries[0] if countries else article.focus_country)
    return _location(fallback) if fallback else None


def listed_with(article: Article, sentence: Sentence, location: Location) -> list[Location]:
    """The other places the sentence lists together with ``location`` ("in Almaty,
    Nur-Sultan and the Mangystau region", "в селах Кызыл-Бел, Кок-Таш и Достук"): ACLED
    codes an event at each of them. Containers ("Osh, Kyrgyzstan") are not list members,
    nor are countries unless the event itself is placed at a country ("spread to
    Kyrgyzstan, Kazakhstan and Uzbekistan"); a village the gazetteer lacks, placed at its
    district, is one."""
    countries = location.place.kind == "country"
    mentions = [
        m
        for m in _candidates(article, sentence)
        if specificity(m) < NOT_SPECIFIC
        or (countries and m.place is not None and m.place.kind == "country")
    ]
    index = next(
        (
            i
            for i, m in enumerate(mentions)
            if m.place is not None and m.place.id == location.place.id and m.text == location.text
        ),
        None,
    )
    if index is None:
        return []
    text = article.document.text
    link = _shared(languages.generation()).list_link
    group = [index]
    for step in (-1, +1):
        at = index
        while 0 <= at + step < len(mentions):
            left, right = sorted((at, at + step))
            if not link.match(text[mentions[left].end : mentions[right].start]):
                break
            at += step
            group.append(at)
    listed: list[Location] = []
    for i in sorted(group):
        mention = mentions[i]
        place = mention.place
        if i == index or place is None:
            continue
        if mention.precision == 1 and any(_holds(place, mentions[j]) for j in group):
            continue
        found = _location(mention)
        if found is not None and all(found.place.id != other.place.id for other in listed):
            listed.append(found)
    return [item for item in listed if item.place.id != location.place.id]


def _holds(place: Place, mention: Mention) -> bool:
    """Whether ``place`` contains the place of ``mention`` (a list's container)."""
    other = mention.place
    if other is None or other.id == place.id:
        return False
    return place.id in (other.admin1_id, other.admin2_id)


def _elsewhere_in_paragraph(
    article: Article, sentence: Sentence
) -> tuple[list[Mention], list[Mention]]:
    """Specific places in the sentence's paragraph, before it and after it."""
    found = [
        m
        for m in article.mentions_by_paragraph.get(sentence.paragraph, ())
        if specificity(m) < NOT_SPECIFIC
    ]
    return (
        [m for m in found if m.start < sentence.start],
        [m for m in found if m.start >= sentence.end],
    )


def _candidates(article: Article, sentence: Sentence) -> list[Mention]:
    """The sentence's mentions that may place an event: not actors, not speakers."""
    text = article.document.text
    return [
        m
        for m in article.mentions_within(sentence.start, sentence.end)
        if not _shared(languages.generation()).agent.search(text[sentence.start : m.start])
        and not _is_speaker(article, text[sentence.start : m.start], text[m.end : sentence.end])
    ]


def _is_speaker(article: Article, before: str, after: str) -> bool:
    """ "Beijing called …", "В Москве заявили …" — but not "Police in Almaty said …"."""
    if not _shared(languages.generation()).speaker.match(after):
        return False
    words = languages.pack_for(article.language).incident_places
    in_phrase = re.search(rf"\w\s+(?:{words.locative or '(?!)'})\s+$", before, re.IGNORECASE)
    return words.speaker_in_locative or not in_phrase


def _evacuated_from(
    article: Article, sentence: Sentence, cue: EventCue, mentions: list[Mention]
) -> list[Mention]:
    """The places people left: those after "dari"/"from" if any, else all but destinations."""
    words = languages.pack_for(article.language).incident_places
    origins = _listed_after(article, sentence, mentions, words.origin, after=None)
    if origins:
        return origins
    destinations = _listed_after(
        article, sentence, mentions, words.destination, after=sentence.start + cue.end
    )
    return [m for m in mentions if m not in destinations]


def _sent_to(article: Article, sentence: Sentence, mentions: list[Mention]) -> list[Mention]:
    """A deployment's places without where the troops came from ("dari", "from", "из")."""
    words = languages.pack_for(article.language).incident_places
    origins = _listed_after(article, sentence, mentions, words.origin, after=None)
    return [m for m in mentions if m not in origins]


def _in_clause(sentence: Sentence, cue: EventCue, mentions: list[Mention]) -> list[Mention]:
    start, end = _clause(sentence.text, cue.start)
    return [m for m in mentions if sentence.start + start <= m.start < sentence.start + end]


def _listed_after(
    article: Article, sentence: Sentence, mentions: list[Mention], words: str, after: int | None
) -> list[Mention]:
    """Mentions right after one of ``words`` (past offset ``after``), and those listed with them."""
    text = article.document.text
    lead = re.compile(
        rf"(?<!\w)(?:{words or '(?!)'})\s+(?:[a-zа-яё][\w-]*\s+){{0,3}}$", re.IGNORECASE
    )
    found: list[Mention] = []
    previous: Mention | None = None
    for mention in mentions:
        eligible = after is None or mention.start >= after
        link = _shared(languages.generation()).list_link
        listed = previous in found and link.match(text[previous.end : mention.start])
        if eligible and (lead.search(text[sentence.start : mention.start]) or listed):
            found.append(mention)
        previous = mention
    return found


def _most_specific(mentions: list[Mention], cue_start: int) -> Mention:
    district = _shared_district(mentions)
    if district is not None:
        return district
    best = min(specificity(m) for m in mentions)
    tier = [m for m in mentions if specificity(m) == best]
    after = [m for m in tier if m.start >= cue_start]
    return (after or tier)[0]


def _shared_district(mentions: list[Mention]) -> Mention | None:
    """For three villages or more in one district, a mention standing for that district."""
    villages = [(m, m.place) for m in mentions if specificity(m) == 0 and m.place is not None]
    if len({place.id for _, place in villages}) < 3:
        return None
    districts = {place.id if place.kind == "admin2" else place.admin2_id for _, place in villages}
    if len(districts) != 1 or None in districts:
        return None
    (district,) = districts
    return next((m for m, place in villages if place.id == district), None)


def _located_countries(
    article: Article, sentence: Sentence, cue: EventCue | None, countries: list[Mention]
) -> list[Mention]:
    """Countries named after a locative preposition in the clause of the cue."""
    if cue is None:
        return []
    text = article.document.text
    clause_start, clause_end = _clause(sentence.text, cue.start)
    locative = languages.pack_for(article.language).incident_places.locative or "(?!)"
    pattern = re.compile(rf"(?<!\w)(?:{locative})\s+(?:[a-zа-яё][\w-]*\s+){{0,2}}$")
    return [
        m
        for m in countries
        if sentence.start + clause_start <= m.start < sentence.start + clause_end
        and pattern.search(text[sentence.start : m.start])
    ]


def _clause(text: str, position: int) -> tuple[int, int]:
    """The clause around ``position``: between commas, semicolons, dashes, brackets."""
    starts = [m.end() for m in _CLAUSE_BOUNDARY.finditer(text, 0, position)]
    following = _CLAUSE_BOUNDARY.search(text, position)
    return (starts[-1] if starts else 0, following.start() if following else len(text))


def specificity(mention: Mention) -> int:
    """0 a town, village or landmark (or a village standing in by its district), 1 a
    district, 2 a first-level region, 3 a country or wider region."""
    if mention.place is None:
        return NOT_SPECIFIC
    if mention.place.kind == "admin2" and mention.precision >= 2:
        return 0
    return SPECIFICITY.get(mention.place.kind, NOT_SPECIFIC)


def _place_id(mention: Mention) -> str:
    return mention.place.id if mention.place is not None else ""


def _location(mention: Mention) -> Location | None:
    if mention.place is None:
        return None
    precision = max(mention.precision, _KIND_PRECISION.get(mention.place.kind, 1))
    return Location(mention.place, mention.text, precision)


def distance_km(place: Place, other: Place) -> float:
    """The great-circle distance between two places, 0 for one place."""
    if place.id == other.id:
        return 0.0
    return haversine_km(place.lat, place.lon, other.lat, other.lon)


@dataclass(frozen=True)
class _Shared:
    """Place words that hold in text of every language, combined from all packs."""

    agent: re.Pattern[str]
    speaker: re.Pattern[str]
    nationwide: re.Pattern[str]
    list_link: re.Pattern[str]


def _list_link(conjunctions: str) -> re.Pattern[str]:
    """A comma, a conjunction ("and", "dan", "и"), or a comma and a conjunction."""
    return re.compile(
        rf"^\s*(?:,\s*(?:(?:{conjunctions})\s+)?|(?:{conjunctions}))\s*$", re.IGNORECASE
    )


@cache
def _shared(generation: int) -> _Shared:
    words = [pack.incident_places for pack in languages.everywhere()]

    def alternation(parts: list[str]) -> str:
        return "|".join(p for p in parts if p) or "(?!)"

    return _Shared(
        agent=re.compile(rf"(?<!\w)(?:{alternation([w.agent for w in words])})\s+$", re.IGNORECASE),
        speaker=re.compile(rf"^\s+(?:{alternation([w.speaker for w in words])})\b", re.IGNORECASE),
        nationwide=re.compile(alternation([w.nationwide for w in words]), re.IGNORECASE),
        list_link=_list_link(alternation([w.list_link for w in words if w.list_link != ","])),
    )
