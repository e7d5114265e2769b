"""Incidents: the events an article reports, with when, where, who and how many.

:func:`extract_incidents` reads a :class:`~mapper.read.documents.Document` sentence by
sentence, given the place mentions the geoparser found in it;
:func:`merge_incidents` joins reports of one event, within an article or across
articles (it lives in :mod:`mapper.incidents.merge`, with :func:`join_incidents`; the choice of an
incident's place lives in :mod:`mapper.incidents.places`).

Each sentence outside the site furniture, the headline and the subheadings (which
the body restates: a line of at most 20 words with no closing punctuation that more text
follows) is read for:

* **what** — one event cue (:mod:`mapper.incidents.cues`); a sentence with no cue but a
  casualty count is read as an attack on people (Violence against civilians);
* **how many** — a :class:`~mapper.model.CasualtyClaim` (:mod:`mapper.incidents.casualties`);
* **who** — the actors it names;
* **when** — the most precise date it states, the earliest of equals (a report
  follows the event); else the nearest date before it in its paragraph, else the
  nearest after it there ("… Об этом в четверг сообщил …"), else the reference
  day: the publication date, or the dateline found in the text (precision "day").
  A back-reference ("hari yang sama", "накануне") counts from a date earlier in
  its sentence, else from the latest date the story has reached;
* **where** — the most specific place the text supports (:func:`mapper.incidents.places.locate`):

  1. places named in the sentence: towns, villages and landmarks first (a village
     the gazetteer knows only by its district counts as a village), then districts,
     then first-level regions; among equals the first named at or after the cue,
     else the first. Three villages or more in one district are placed at the
     district when a mention stands for it. For an evacuation the places it left
     ("dari", "from", "из") count, not where people went ("ke", "to", "в");
  2. a country named after a locative preposition in the cue's clause ("meluas ke
     Kirgistan", "deployed to Kazakhstan") — not one that is an actor
     ("bentrokan antara Tajikistan dan Kirgistan", "Perdana Menteri Armenia");
  3. a specific place earlier in the paragraph; the place of the latest incident
     told before (the story goes on there); a specific place later in the
     paragraph; the article's most mentioned specific place; a country in the
     sentence; the article's most mentioned country.

  Never counted: places in a dateline ("BISHKEK, kompas.example –"), places that
  act or speak ("oleh Moskow", "Beijing called", "В Москве заявили",
  "menurut Dushanbe"). "Nationwide" sentences are placed at a country. An agreement
  needs a place in its own sentence or paragraph, or yields nothing.
  ``geo_precision`` is the mention's precision, at least 2 for a district and 3 for
  a first-level region or a country.

A sentence whose cue only looks back ("164 orang tewas selama bentrokan",
"Pengerahan itu …") or that only counts casualties adds its claim, actors and
evidence to the latest incident before it of a fitting type
(:data:`FOLLOW_UP_TARGETS`) within :data:`FOLLOW_UP_DISTANCE_KM` of any place the
sentence names. With nothing before it, a sentence that names no specific place
(a lede: "Sekitar 55 orang tewas dalam pertempuran …") waits for the first fitting
incident after it. Failing both, it is an incident of its own if it counts
casualties, else nothing. A sentence whose own date is a month or year that ended
more than a month before the reference day (without one, before the latest year the
text names) is history and yields nothing.

An incident's ``fatalities`` and ``injuries`` are the lowest figures any claim
gives (ACLED's conservative rule); every claim is kept in ``claims``.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING

from mapper import languages
from mapper.errors import UsageError
from mapper.event_types import (
    ATTACK,
    BATTLES,
    EXPLOSIONS,
    PROTESTS,
    RIOTS,
    STRATEGIC,
    VIOLENCE,
    VIOLENT_TYPES,
)
from mapper.incidents.article import Article
from mapper.incidents.casualties import casualty_claim
from mapper.incidents.coding import code_sentence
from mapper.incidents.cues import EventCue, find_actors
from mapper.incidents.dates import (
    DateMention,
    DateValue,
    Reference,
    find_dates,
    guess_publication,
    is_background,
    resolve_anaphora,
)
from mapper.incidents.merge import (
    MERGE_DISTANCE_KM,
    join_incidents,
    lowest,
    merge_incidents,
    merge_within_document,
    union_actors,
)
from mapper.incidents.places import (
    OWN_PLACE_ONLY,
    SPECIFICITY,
    Location,
    distance_km,
    listed_with,
    locate,
    most_mentioned,
    own_location,
)
from mapper.model import CasualtyClaim, Evidence, Incident, Mention, Source
from mapper.read.sentences import Sentence, split_sentences

if TYPE_CHECKING:
    from gazetteer import Place
    from mapper.model import Document

__all__ = [
    "FOLLOW_UP_DISTANCE_KM",
    "FOLLOW_UP_TARGETS",
    "MERGE_DISTANCE_KM",
    "extract_incidents",
    "join_incidents",
    "merge_incidents",
]


#: A follow-up sentence naming a place farther than this from an incident is another event.
FOLLOW_UP_DISTANCE_KM = 50.0

#: Event types a follow-up sentence may add to, by the type of its cue.
FOLLOW_UP_TARGETS: dict[str, frozenset[str]] = {
    BATTLES: frozenset({BATTLES, RIOTS}),
    EXPLOSIONS: frozenset({EXPLOSIONS, BATTLES}),
    RIOTS: frozenset({RIOTS}),
    PROTESTS: frozenset({PROTESTS, RIOTS}),
    VIOLENCE: frozenset({VIOLENCE, BATTLES, RIOTS}),
}


_PRECISIONS = ("day", "week", "month", "year")

#: A newswire dateline at the start of a line: its place is where the report was filed,
#: not an event's, and its agency is no actor. ``BISHKEK, Sept 19 (Agency) —``,
#: ``DUSHANBE (Reuters) -``, ``Jakarta (Aksi.id) --``, ``TEMPO.CO, Jakarta -``,
#: ``Jan 10 (Interfax) -``, ``Suara.com -``.
_SITE = r"[A-Za-z][\w-]*\.(?:[A-Za-z]{2,}\.?)+"
_CAPS = r"[A-ZА-ЯЁ][A-ZА-ЯЁ'\-]+(?:\s+[A-ZА-ЯЁ][A-ZА-ЯЁ'\-]+){0,2}"
_TITLED = r"[A-ZА-ЯЁ][a-zа-яё'\-]+(?:\s+[A-ZА-ЯЁ][a-zа-яё'\-]+){0,2}"
_AGENCY = r"\s*\([^()\n]{1,40}\)"
_DATELINE = re.compile(
    r"^\s*(?:"
    rf"{_CAPS}(?:,[^–—\n]{{0,60}}?|{_AGENCY})?"
    rf"|{_TITLED}{_AGENCY}"
    rf"|(?:{_SITE}|{_CAPS})\s*,\s*(?:{_CAPS}|{_TITLED})"
    rf"|[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}}{_AGENCY}"
    rf"|{_SITE}"
    r")\s*(?:--|[–—|-])\s",
    re.MULTILINE,
)


@dataclass(frozen=True)
class _Reading:
    """What one sentence says: its cue, casualty claim, actors and dates."""

    index: int
    cue: EventCue | None
    claim: CasualtyClaim | None
    actors: tuple[str, ...]
    dates: tuple[DateMention, ...]

    @property
    def follows_up(self) -> bool:
        """Whether it tells more about an event told elsewhere (no main cue of its own)."""
        return self.cue is None or self.cue.secondary

    @property
    def standalone(self) -> bool:
        """Whether it may be an incident of its own when nothing else fits: it counts casualties."""
        return self.claim is not None


# -- public --------------------------------------------------------------------------------


def extract_incidents(
    document: Document, mentions: Sequence[Mention], *, published: str | None = None
) -> list[Incident]:
    """The incidents ``document`` reports, in text order, ids ``"{document.id}#1"`` on.

    ``mentions`` are the place mentions found in ``document.text`` (sorted, not
    overlapping). ``published`` (ISO date) overrides ``document.published``; without
    either, a dateline in the text stands in.
    """
    story = _Story(_article(document, mentions, published))
    for index in range(len(story.article.sentences)):
        story.read(index)
    merged = merge_incidents(merge_within_document(story.incidents()))
    return [replace(incident, id=f"{document.id}#{n}") for n, incident in enumerate(merged, 1)]


# -- the article ---------------------------------------------------------------------------


def _article(document: Document, mentions: Sequence[Mention], published: str | None) -> Article:
    language = document.language
    datelines = [m.span() for m in _DATELINE.finditer(document.text)]
    sentences = tuple(
        _after_dateline(outside, datelines)
        for sentence in split_sentences(document.text, language)
        if (outside := _outside_furniture(document, sentence)) is not None
    )
    kept = tuple(
        mention
        for mention in mentions
        if mention.place is not None
        and not document.in_furniture(mention.start, mention.end)
        and not _within(mention.start, datelines)
    )
    reference = _reference(document, published)
    found_dates = tuple(_event_dates(s.text, language, reference) for s in sentences)
    return Article(
        document=document,
        language=language,
        sentences=sentences,
        found_dates=found_dates,
        mentions=kept,
        reference=reference,
        focus=most_mentioned(kept, specific=True),
        focus_country=most_mentioned(kept, specific=False),
        headings=_headings(document),
        present=_present(reference, found_dates),
    )


def _outside_furniture(document: Document, sentence: Sentence) -> Sentence | None:
    """The sentence, or ``None`` when it lies in site furniture; a date stamp before its
    first words is cut off."""
    if not document.in_furniture(sentence.start, sentence.end):
        return sentence
    overlapping = [
        part
        for part in document.furniture
        if part.start < sentence.end and sentence.start < part.end
    ]
    if any(part.kind != "dateline" for part in overlapping):
        return None
    start = max(part.end for part in overlapping)
    text = document.text[start : sentence.end]
    start += len(text) - len(text.lstrip())
    if start >= sentence.end:
        return None
    return Sentence(start, sentence.end, document.text[start : sentence.end], sentence.paragraph)


def _event_dates(text: str, language: str, reference: Reference | None) -> tuple[DateMention, ...]:
    """The dates of ``text`` that may be an event's: not deadlines ("until 25 June")."""
    deadline = _deadline_pattern(languages.pack_for(language).dates.deadline)
    return tuple(
        date
        for date in find_dates(text, language, reference)
        if not deadline.search(text[: date.start])
    )


@cache
def _deadline_pattern(words: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![^\W\d_])(?:{words})\s+$", re.IGNORECASE)


def _after_dateline(sentence: Sentence, datelines: Sequence[tuple[int, int]]) -> Sentence:
    """The sentence without the newswire dateline it opens with ("BISHKEK, Sept 19 (Nomad
    Press Service) —"): the agency is not an actor, nor the city a place of the event."""
    for start, end in datelines:
        if start <= sentence.start < end or sentence.start <= start < sentence.end:
            text = sentence.text[max(end - sentence.start, 0) :]
            cut = sentence.end - len(text.lstrip())
            if start <= sentence.start + len(sentence.text) - len(sentence.text.lstrip()) and (
                cut < sentence.end
            ):
                return Sentence(cut, sentence.end, text.lstrip(), sentence.paragraph)
    return sentence


def _reference(document: Document, published: str | None) -> Reference | None:
    if published is not None:
        day = _iso_day(published)
        if day is None:
            raise UsageError(f"published must be an ISO date such as 2022-01-27, got {published!r}")
        return Reference(day)
    day = _iso_day(document.published or "")
    if day is not None:
        return Reference(day)
    guessed = guess_publication(_without_furniture(document), document.language)
    return Reference(guessed, published=False) if guessed else None


def _present(
    reference: Reference | None, found_dates: Sequence[Sequence[DateMention]]
) -> dt.date | None:
    """The day history is measured from: the reference day, or else the first day of the
    latest year the text names (so "pada 2010" is history in a text that names 2021)."""
    if reference is not None:
        return reference.day
    years = [d.value.first.year for dates in found_dates for d in dates if d.value is not None]
    return dt.date(max(years), 1, 1) if years else None


def _iso_day(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def _within(offset: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether ``offset`` lies in one of ``spans`` (sorted, not overlapping)."""
    index = bisect_right(spans, (offset, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= offset < spans[index][1]


def _without_furniture(document: Document) -> str:
    text = document.text
    parts, position = [], 0
    for span in document.furniture:
        start = max(span.start, position)
        parts += [text[position:start], re.sub(r"[^\n]", " ", text[start : span.end])]
        position = max(position, span.end)
    parts.append(text[position:])
    return "".join(parts)


#: A line of at most this many words with no closing punctuation, followed by more text, is
#: a heading.
_HEADING_WORDS = 20
_CLOSING = re.compile(r"[.!?…:;\"”»)'’]\s*$")


def _headings(document: Document) -> tuple[tuple[int, int], ...]:
    """The headline and the subheadings of ``document``: spans no incident is read from."""
    text = document.text
    spans = []
    if document.title:
        start = text.find(document.title)
        if start >= 0:
            spans.append((start, start + len(document.title)))
    last = len(text.rstrip())
    for line in re.finditer(r"[^\n]+", text):
        words = line.group().split()
        if not words or line.end() >= last or _CLOSING.search(line.group()):
            continue
        if len(words) <= _HEADING_WORDS:
            spans.append(line.span())
    return tuple(sorted(spans))


# -- the story -----------------------------------------------------------------------------


class _Story:
    """The incidents of one article as its sentences are read in order.

    Holds what later sentences refer back to: the incidents so far, the dates each
    sentence stated, and follow-ups waiting for the event they introduce.
    """

    def __init__(self, article: Article) -> None:
        self.article = article
        self.told: list[Incident] = []
        self.dates: list[tuple[DateMention, ...]] = []
        self.waiting: list[tuple[_Reading, Incident]] = []
        self.reached: DateValue | None = None
        #: Indices of the sentences read so far whose dates have a value, and of every
        #: sentence whose found dates have one: a long paragraph is not scanned per sentence.
        self.dated: list[int] = []
        self.found_dated = [i for i, found in enumerate(article.found_dates) if _values(found)]
        #: The positions in ``told`` by event type, sub-type and place, and of the
        #: incidents placed at a specific place: follow-ups do not scan every incident.
        self.told_by: dict[tuple[str, str, tuple[str, float, float] | None], list[int]] = {}
        self.placed: list[int] = []

    def read(self, index: int) -> None:
        """Read sentence ``index``: a new incident, more on one told, or nothing."""
        dates = tuple(
            resolve_anaphora(
                self.article.found_dates[index], self._anchor(), self.article.reference
            )
        )
        self.dates.append(dates)
        if _values(dates):
            self.dated.append(index)
        reading = _read(self.article, index, dates)
        if reading is None:
            return
        incident = self._incident(reading)
        if incident is None:
            return
        if not reading.follows_up:
            self._reach(_most_precise(reading.dates))
            self._tell(self._with_waiting(incident))
            for listed in self._listed(reading, incident):
                self._tell(listed)
        elif (target := self._target(reading)) is not None:
            self.told[target] = _absorb(self.told[target], incident)
        elif own_location(self.article, self.article.sentences[reading.index]) is None:
            self.waiting.append((reading, incident))
        elif reading.standalone:
            self._tell(incident)

    def _tell(self, incident: Incident) -> None:
        """Add ``incident`` to the story (what a follow-up adds later keeps its type and place)."""
        place = incident.place
        where = None if place is None else (place.id, place.lat, place.lon)
        key = (incident.event_type, incident.sub_event_type, where)
        self.told_by.setdefault(key, []).append(len(self.told))
        if place is not None and place.kind in SPECIFICITY:
            self.placed.append(len(self.told))
        self.told.append(incident)

    def incidents(self) -> list[Incident]:
        """Every incident, in text order; follow-ups that found no event stand alone."""
        alone = [incident for reading, incident in self.waiting if reading.standalone]
        return sorted([*self.told, *alone], key=lambda incident: incident.evidence.start)

    def _reach(self, date: DateValue | None) -> None:
        """Note the day an event sentence states, if the story has not got past it."""
        if date is None or date.precision != "day":
            return
        if self.reached is None or date.first > self.reached.first:
            self.reached = date

    def _anchor(self) -> DateValue | None:
        """The latest of: the last date stated, the latest day an event sentence stated."""
        stated = _values(self.dates[self.dated[-1]])[-1:] if self.dated else []
        days = [v for v in (*stated, self.reached) if v is not None and v.precision == "day"]
        return max(days, key=lambda value: value.first, default=None)

    def _incident(self, reading: _Reading) -> Incident | None:
        sentence = self.article.sentences[reading.index]
        location = locate(self.article, sentence, reading.cue, self._latest_location())
        kind = reading.cue.kind if reading.cue else ATTACK
        if location is None and kind in OWN_PLACE_ONLY:
            return None
        return _incident(self.article, reading, location, self._date(reading))

    def _listed(self, reading: _Reading, incident: Incident) -> list[Incident]:
        """The same event at the other places the sentence lists with its place (casualty
        figures stay with the first place named: the text does not split them)."""
        if incident.place is None:
            return []
        sentence = self.article.sentences[reading.index]
        where = Location(incident.place, incident.location_text or "", incident.geo_precision)
        return [
            replace(
                incident,
                place=other.place,
                location_text=other.text,
                geo_precision=other.precision,
                fatalities=None,
                injuries=None,
                claims=(),
            )
            for other in listed_with(self.article, sentence, where)
        ]

    def _latest_location(self) -> Location | None:
        if not self.placed:
            return None
        incident = self.told[self.placed[-1]]
        if incident.place is None:  # only incidents with a place are in ``placed``
            return None
        return Location(incident.place, incident.location_text or "", incident.geo_precision)

    def _date(self, reading: _Reading) -> DateValue | None:
        """The sentence's own date, else the paragraph's nearest before it, else after it,
        else the reference day."""
        own = _most_precise(reading.dates)
        if own is not None:
            return own
        sentences = self.article.sentences
        paragraph = sentences[reading.index].paragraph
        before = bisect_left(self.dated, reading.index)
        if before and sentences[self.dated[before - 1]].paragraph == paragraph:
            return _values(self.dates[self.dated[before - 1]])[-1]
        after = bisect_right(self.found_dated, reading.index)
        if after < len(self.found_dated):
            index = self.found_dated[after]
            if sentences[index].paragraph == paragraph:
                return _values(self.article.found_dates[index])[0]
        reference = self.article.reference
        return DateValue.of_day(reference.day) if reference else None

    def _target(self, reading: _Reading) -> int | None:
        """The latest incident a follow-up sentence adds to, or ``None``."""
        own = own_location(self.article, self.article.sentences[reading.index])
        latest = [
            positions[-1]
            for positions in self.told_by.values()
            if _fits(reading.cue, self.told[positions[0]])
            and _near(own, self.told[positions[0]].place)
        ]
        return max(latest, default=None)

    def _with_waiting(self, incident: Incident) -> Incident:
        """``incident`` with the waiting follow-ups that fit it."""
        still_waiting = []
        for reading, follow_up in self.waiting:
            if _fits(reading.cue, incident):
                incident = _absorb(incident, follow_up)
            else:
                still_waiting.append((reading, follow_up))
        self.waiting = still_waiting
        return incident


# -- reading a sentence --------------------------------------------------------------------


def _read(article: Article, index: int, dates: Sequence[DateMention]) -> _Reading | None:
    sentence = article.sentences[index]
    if article.in_heading(sentence.start):
        return None
    own = _most_precise(dates)
    if own is not None and article.present is not None and is_background(own, article.present):
        return None
    if _generic(sentence.text, article.language) and (own is None or own.precision != "day"):
        return None
    skip = [(date.start, date.end) for date in dates]
    claim = casualty_claim(sentence.text, article.language, skip)
    cue = code_sentence(sentence.text, article.language, claim)
    if cue is None and claim is None:
        return None
    actors = find_actors(sentence.text, article.language)
    return _Reading(index, cue, claim, actors, tuple(dates))


def _generic(text: str, language: str) -> bool:
    """Whether ``text`` generalises ("in recent years", "often") rather than reports."""
    pattern = languages.pack_for(language).events.generic
    return _compiled(pattern).search(text) is not None


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![^\W\d_])(?:{pattern})(?![^\W\d_])", re.IGNORECASE)


def _values(dates: Sequence[DateMention]) -> list[DateValue]:
    """The values of the dates that have one, in order."""
    return [date.value for date in dates if date.value is not None]


def _most_precise(dates: Sequence[DateMention]) -> DateValue | None:
    """The most precise date, the earliest among equals (an event precedes its report)."""
    values = [date.value for date in dates if date.value is not None]
    return min(values, key=lambda v: (_PRECISIONS.index(v.precision), v.first), default=None)


def _incident(
    article: Article, reading: _Reading, location: Location | None, date: DateValue | None
) -> Incident:
    sentence = article.sentences[reading.index]
    event_type, sub_event_type = reading.cue.kind if reading.cue else ATTACK
    return Incident(
        id=f"{article.document.id}#{reading.index + 1}",
        date=date.date if date else None,
        date_precision=date.precision if date else None,
        event_type=event_type,
        sub_event_type=sub_event_type,
        place=location.place if location else None,
        location_text=location.text if location else None,
        geo_precision=location.precision if location else 3,
        fatalities=reading.claim.fatalities if reading.claim else None,
        injuries=reading.claim.injuries if reading.claim else None,
        actors=reading.actors,
        evidence=Evidence(sentence.start, sentence.end, sentence.text),
        source=Source(article.document.id, article.document.url),
        claims=(reading.claim,) if reading.claim else (),
    )


# -- follow-up sentences -------------------------------------------------------------------


def _fits(cue: EventCue | None, incident: Incident) -> bool:
    if cue is None:
        return incident.event_type in VIOLENT_TYPES
    if cue.event_type == STRATEGIC:
        return (incident.event_type, incident.sub_event_type) == cue.kind
    return incident.event_type in FOLLOW_UP_TARGETS.get(cue.event_type, frozenset())


def _near(location: Location | None, place: Place | None) -> bool:
    if location is None or place is None:
        return True
    return distance_km(location.place, place) <= FOLLOW_UP_DISTANCE_KM


def _absorb(incident: Incident, other: Incident) -> Incident:
    """``incident`` with what a follow-up sentence adds: claims, actors, evidence."""
    claims = tuple(dict.fromkeys((*incident.claims, *other.claims)))
    return replace(
        incident,
        claims=claims,
        fatalities=lowest([incident.fatalities, *(c.fatalities for c in claims)]),
        injuries=lowest([incident.injuries, *(c.injuries for c in claims)]),
        actors=union_actors([incident.actors, other.actors]),
        also_reported_by=(*incident.also_reported_by, (other.source, other.evidence)),
    )
