"""Incidents: the events an article reports, with when, where, who and how many.

:func:`extract_incidents` reads a :class:`~mapper.documents.Document` sentence by
sentence, given the place mentions the geoparser found in it;
:func:`merge_incidents` joins reports of one event, within an article or across
articles.

Each sentence outside the site furniture and the headline (which the body
restates) is read for:

* **what** — one event cue (:mod:`mapper.events`); a sentence with no cue but a
  casualty count is read as an attack on people (Violence against civilians);
* **how many** — a :class:`~mapper.model.CasualtyClaim` (:mod:`mapper.casualties`);
* **who** — the actors it names;
* **when** — the most precise date it states, the earliest of equals (a report
  follows the event); else the nearest date before it in its paragraph, else the
  nearest after it there ("… Об этом в четверг сообщил …"), else the reference
  day: the publication date, or the dateline found in the text (precision "day").
  A back-reference ("hari yang sama", "накануне") counts from a date earlier in
  its sentence, else from the latest date the story has reached;
* **where** — the most specific place the text supports (:func:`_place`):

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
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from typing import TYPE_CHECKING

from gazetteer import haversine_km
from mapper.casualties import casualty_claim
from mapper.dates import (
    DateMention,
    DateValue,
    Reference,
    find_dates,
    guess_publication,
    is_background,
    resolve_anaphora,
)
from mapper.errors import UsageError
from mapper.events import (
    AGREEMENT,
    ATTACK,
    BATTLES,
    DEPLOYMENT,
    EVACUATION,
    EXPLOSIONS,
    PROTESTS,
    RIOTS,
    STRATEGIC,
    VIOLENCE,
    VIOLENT_TYPES,
    EventCue,
    choose_cue,
    find_actors,
    find_cues,
)
from mapper.model import CasualtyClaim, Evidence, Incident, Mention, Source
from mapper.sentences import Sentence, split_sentences

if TYPE_CHECKING:
    from gazetteer import Place
    from mapper.documents import Document

__all__ = [
    "FOLLOW_UP_DISTANCE_KM",
    "FOLLOW_UP_TARGETS",
    "MERGE_DISTANCE_KM",
    "extract_incidents",
    "join_incidents",
    "merge_incidents",
]

#: Places closer than this are one place when reports are joined.
MERGE_DISTANCE_KM = 10.0

#: A follow-up sentence naming a place farther than this from an incident is another event.
FOLLOW_UP_DISTANCE_KM = 50.0

#: Event types a follow-up sentence may add to, by the type of its cue.
FOLLOW_UP_TARGETS: dict[str, frozenset[str]] = {
    BATTLES: frozenset({BATTLES, RIOTS}),
    EXPLOSIONS: frozenset({EXPLOSIONS, BATTLES}),
    RIOTS: frozenset({RIOTS, PROTESTS}),
    PROTESTS: frozenset({PROTESTS, RIOTS}),
    VIOLENCE: frozenset({VIOLENCE, BATTLES, RIOTS}),
}

#: Sub-event types placed only by their own sentence or paragraph.
_OWN_PLACE_ONLY = frozenset({AGREEMENT})

#: The least geo-precision a kind of place allows.
_KIND_PRECISION = {"admin2": 2, "admin1": 3, "country": 3, "region": 3}
_SPECIFICITY = {"populated_place": 0, "landmark": 0, "admin2": 1, "admin1": 2}
_NOT_SPECIFIC = 3
_PRECISIONS = ("day", "week", "month", "year")

_LOCATIVE = {
    "id": r"di|ke|menuju|wilayah|sekitar",
    "en": r"in|into|to|across|throughout|inside|near|at",
    "ru": r"в|во|на|по|у|под|около|к",
}
_DESTINATION = {"id": r"ke|menuju", "en": r"to|into|towards", "ru": r"в|во|к"}
_ORIGIN = {"id": r"dari", "en": r"from", "ru": r"из|с"}
#: Words before a place that make it an actor or a source, not a location.
_AGENT = re.compile(
    r"(?<!\w)(?:oleh|by|led\s+by|dipimpin|pimpinan|от|menurut|according\s+to|по\s+данным"
    r"|(?:сообщили|заявили|said|told\s+reporters)\s+(?:в|во|in))\s+$",
    re.IGNORECASE,
)
#: Words after a place that make it a speaker ("Beijing called", "В Москве заявили").
_SPEAKER = re.compile(
    r"^\s+(?:said|says|called|urged|warned|praised|accused|denied|blamed|promised|has\s+promised"
    r"|mengatakan|menyatakan|menyerukan|menuding|membantah|mengklaim|menuduh|mendesak"
    r"|berencana|juga|meminta|saling|заявил\w*|сообщил\w*|призвал\w*|обвинил\w*|считает"
    r"|отказал\w*|напомнил\w*)\b",
    re.IGNORECASE,
)
_NATIONWIDE = re.compile(
    r"di\s+seluruh\s+negeri|seluruh\s+negeri|nationwide|across\s+the\s+country"
    r"|по\s+всей\s+стране",
    re.IGNORECASE,
)
_DATELINE = re.compile(r"^\s*[A-ZА-ЯЁ][A-ZА-ЯЁ'\- ]{2,}(?:,[^–—\n]{0,60}?)?\s[–—-]\s", re.MULTILINE)
_LIST_LINK = re.compile(r"^\s*(?:,|dan|and|и|serta)\s*$", re.IGNORECASE)
_CLAUSE_BOUNDARY = re.compile(r"[,;:()\[\]—–]|\s-\s")


@dataclass(frozen=True)
class _Article:
    """What every sentence of one document is read against."""

    document: Document
    language: str
    sentences: tuple[Sentence, ...]
    found_dates: tuple[tuple[DateMention, ...], ...]
    mentions: tuple[Mention, ...]
    reference: Reference | None
    focus: Mention | None
    focus_country: Mention | None
    headline: tuple[int, int] | None
    present: dt.date | None

    @cached_property
    def starts(self) -> list[int]:
        return [sentence.start for sentence in self.sentences]

    def paragraph_at(self, offset: int) -> int:
        """The paragraph of the sentence that holds ``offset``."""
        index = bisect_right(self.starts, offset) - 1
        return self.sentences[max(index, 0)].paragraph if self.sentences else 0


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


@dataclass(frozen=True)
class _Location:
    """Where an incident is: the place, its name as written, and the ACLED precision."""

    place: Place
    text: str
    precision: int


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
    merged = merge_incidents(story.incidents())
    return [replace(incident, id=f"{document.id}#{n}") for n, incident in enumerate(merged, 1)]


def merge_incidents(incidents: Sequence[Incident]) -> list[Incident]:
    """Join reports of one event into one incident; works within and across documents.

    Two incidents are one event when all of these hold:

    * the same event type and sub-event type (ACLED's duplicate rule: an evacuation
      and a power outage in one village are two events, as are a riot and the mob
      violence that follows it);
    * both dates known and at most one day apart, a week, month or year counting as
      the days it spans;
    * both places known and at most :data:`MERGE_DISTANCE_KM` apart.

    Incidents are taken in order; each joins the first group whose first incident it
    matches, so the result is deterministic and keeps the order of first reports. A
    group keeps its first incident's id, type, evidence and source; the others go to
    ``also_reported_by``. It takes the earliest day, the most specific place, every
    actor and claim, and the lowest fatality and injury figures.
    """
    groups: list[list[Incident]] = []
    for incident in incidents:
        group = next((g for g in groups if _same_event(g[0], incident)), None)
        if group is None:
            groups.append([incident])
        else:
            group.append(incident)
    return [_combine(group) for group in groups]


def join_incidents(records: Sequence[Incident], extracted: Sequence[Incident]) -> list[Incident]:
    """Join incidents extracted from articles to the records a user already has.

    Each record stays one incident (records are distinct rows with their own ids). The
    extracted incidents are first merged among themselves (:func:`merge_incidents`); each
    then joins the first record that is the same event by the same rule, as another
    report of it, or stands as an incident of its own.
    """
    groups: list[list[Incident]] = [[record] for record in records]
    alone: list[Incident] = []
    for report in merge_incidents(extracted):
        group = next((g for g in groups if _same_event(g[0], report)), None)
        if group is None:
            alone.append(report)
        else:
            group.append(report)
    return [_combine(group) for group in groups] + alone


# -- the article ---------------------------------------------------------------------------


def _article(document: Document, mentions: Sequence[Mention], published: str | None) -> _Article:
    language = document.language
    sentences = tuple(
        sentence
        for sentence in split_sentences(document.text, language)
        if not document.in_furniture(sentence.start, sentence.end)
    )
    datelines = [m.span() for m in _DATELINE.finditer(document.text)]
    kept = tuple(
        mention
        for mention in mentions
        if mention.place is not None
        and not document.in_furniture(mention.start, mention.end)
        and not any(start <= mention.start < end for start, end in datelines)
    )
    reference = _reference(document, published)
    found_dates = tuple(tuple(find_dates(s.text, language, reference)) for s in sentences)
    return _Article(
        document=document,
        language=language,
        sentences=sentences,
        found_dates=found_dates,
        mentions=kept,
        reference=reference,
        focus=_most_mentioned(kept, specific=True),
        focus_country=_most_mentioned(kept, specific=False),
        headline=_headline(document),
        present=_present(reference, found_dates),
    )


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


def _without_furniture(document: Document) -> str:
    text = document.text
    for span in document.furniture:
        blank = re.sub(r"[^\n]", " ", text[span.start : span.end])
        text = text[: span.start] + blank + text[span.end :]
    return text


def _headline(document: Document) -> tuple[int, int] | None:
    if not document.title:
        return None
    start = document.text.find(document.title)
    return (start, start + len(document.title)) if start >= 0 else None


def _most_mentioned(mentions: Sequence[Mention], *, specific: bool) -> Mention | None:
    """The first mention of the place mentioned most often (ties: the first named)."""
    chosen = [m for m in mentions if (_specificity(m) < _NOT_SPECIFIC) == specific]
    counts = Counter(_place_id(m) for m in chosen)
    if not counts:
        return None
    best = max(counts.values())
    return next(m for m in chosen if counts[_place_id(m)] == best)


# -- the story -----------------------------------------------------------------------------


class _Story:
    """The incidents of one article as its sentences are read in order.

    Holds what later sentences refer back to: the incidents so far, the dates each
    sentence stated, and follow-ups waiting for the event they introduce.
    """

    def __init__(self, article: _Article) -> None:
        self.article = article
        self.told: list[Incident] = []
        self.dates: list[tuple[DateMention, ...]] = []
        self.waiting: list[tuple[_Reading, Incident]] = []
        self.reached: DateValue | None = None

    def read(self, index: int) -> None:
        """Read sentence ``index``: a new incident, more on one told, or nothing."""
        dates = tuple(
            resolve_anaphora(
                self.article.found_dates[index], self._anchor(), self.article.reference
            )
        )
        self.dates.append(dates)
        reading = _read(self.article, index, dates)
        if reading is None:
            return
        incident = self._incident(reading)
        if incident is None:
            return
        if not reading.follows_up:
            self._reach(_most_precise(reading.dates))
            self.told.append(self._with_waiting(incident))
        elif (target := self._target(reading)) is not None:
            self.told[target] = _absorb(self.told[target], incident)
        elif _own_location(self.article, reading) is None:
            self.waiting.append((reading, incident))
        elif reading.standalone:
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
        stated = [d.value for dates in self.dates for d in dates if d.value is not None]
        days = [v for v in (*stated[-1:], self.reached) if v is not None and v.precision == "day"]
        return max(days, key=lambda value: value.first, default=None)

    def _incident(self, reading: _Reading) -> Incident | None:
        location = _place(self.article, reading, self._latest_location())
        kind = reading.cue.kind if reading.cue else ATTACK
        if location is None and kind in _OWN_PLACE_ONLY:
            return None
        return _incident(self.article, reading, location, self._date(reading))

    def _latest_location(self) -> _Location | None:
        for incident in reversed(self.told):
            if incident.place is not None and incident.place.kind in _SPECIFICITY:
                return _Location(
                    incident.place, incident.location_text or "", incident.geo_precision
                )
        return None

    def _date(self, reading: _Reading) -> DateValue | None:
        """The sentence's own date, else the paragraph's nearest before it, else after it,
        else the reference day."""
        own = _most_precise(reading.dates)
        if own is not None:
            return own
        paragraph = self.article.sentences[reading.index].paragraph
        same = [i for i, s in enumerate(self.article.sentences) if s.paragraph == paragraph]
        for index in reversed([i for i in same if i < reading.index]):
            values = [d.value for d in self.dates[index] if d.value is not None]
            if values:
                return values[-1]
        for index in [i for i in same if i > reading.index]:
            values = [d.value for d in self.article.found_dates[index] if d.value is not None]
            if values:
                return values[0]
        reference = self.article.reference
        return DateValue.of_day(reference.day) if reference else None

    def _target(self, reading: _Reading) -> int | None:
        """The latest incident a follow-up sentence adds to, or ``None``."""
        own = _own_location(self.article, reading)
        for position in range(len(self.told) - 1, -1, -1):
            incident = self.told[position]
            if _fits(reading.cue, incident) and _near(own, incident.place):
                return position
        return None

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


def _read(article: _Article, index: int, dates: Sequence[DateMention]) -> _Reading | None:
    sentence = article.sentences[index]
    if article.headline and article.headline[0] <= sentence.start < article.headline[1]:
        return None
    own = _most_precise(dates)
    if own is not None and article.present is not None and is_background(own, article.present):
        return None
    skip = [(date.start, date.end) for date in dates]
    claim = casualty_claim(sentence.text, article.language, skip)
    cues = find_cues(sentence.text, article.language)
    cue = choose_cue(cues, sentence.text, casualties=claim is not None)
    if cue is None and claim is None:
        return None
    actors = find_actors(sentence.text, article.language)
    return _Reading(index, cue, claim, actors, tuple(dates))


def _most_precise(dates: Sequence[DateMention]) -> DateValue | None:
    """The most precise date, the earliest among equals (an event precedes its report)."""
    values = [date.value for date in dates if date.value is not None]
    return min(values, key=lambda v: (_PRECISIONS.index(v.precision), v.first), default=None)


def _incident(
    article: _Article, reading: _Reading, location: _Location | None, date: DateValue | None
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


def _near(location: _Location | None, place: Place | None) -> bool:
    if location is None or place is None:
        return True
    return _distance(location.place, place) <= FOLLOW_UP_DISTANCE_KM


def _own_location(article: _Article, reading: _Reading) -> _Location | None:
    """The specific place the sentence itself names, if any."""
    sentence = article.sentences[reading.index]
    specific = [m for m in _candidates(article, sentence) if _specificity(m) < _NOT_SPECIFIC]
    return _location(specific[0]) if specific else None


def _absorb(incident: Incident, other: Incident) -> Incident:
    """``incident`` with what a follow-up sentence adds: claims, actors, evidence."""
    claims = tuple(dict.fromkeys((*incident.claims, *other.claims)))
    return replace(
        incident,
        claims=claims,
        fatalities=_lowest([incident.fatalities, *(c.fatalities for c in claims)]),
        injuries=_lowest([incident.injuries, *(c.injuries for c in claims)]),
        actors=_union([incident.actors, other.actors]),
        also_reported_by=(*incident.also_reported_by, (other.source, other.evidence)),
    )


# -- places --------------------------------------------------------------------------------


def _place(article: _Article, reading: _Reading, latest: _Location | None) -> _Location | None:
    """Where the event is (see the module notes for the order), or ``None``."""
    sentence = article.sentences[reading.index]
    cue = reading.cue
    in_sentence = _candidates(article, sentence)
    if cue is not None and cue.kind == EVACUATION:
        in_sentence = _evacuated_from(article, sentence, cue, in_sentence)
    elif cue is not None and cue.kind == DEPLOYMENT:
        in_sentence = _sent_to(article, sentence, in_sentence)
    if cue is not None and cue.kind in _OWN_PLACE_ONLY:
        in_sentence = _in_clause(sentence, cue, in_sentence)
    countries = [m for m in in_sentence if _specificity(m) == _NOT_SPECIFIC]
    if _NATIONWIDE.search(sentence.text):
        country = (countries or [article.focus_country])[0]
        return _location(country) if country else None
    cue_start = sentence.start + (cue.start if cue else 0)
    specific = [m for m in in_sentence if _specificity(m) < _NOT_SPECIFIC]
    located = _located_countries(article, sentence, cue, countries)
    for found in (specific, located):
        if found:
            return _location(_most_specific(found, cue_start))
    if cue is not None and cue.kind in _OWN_PLACE_ONLY:
        return None
    before, after = _elsewhere_in_paragraph(article, sentence)
    if before:
        return _location(_most_specific(before, cue_start))
    if latest is not None:
        return latest
    fallback = (after and _most_specific(after, cue_start)) or article.focus
    fallback = fallback or (countries[0] if countries else article.focus_country)
    return _location(fallback) if fallback else None


def _elsewhere_in_paragraph(
    article: _Article, sentence: Sentence
) -> tuple[list[Mention], list[Mention]]:
    """Specific places in the sentence's paragraph, before it and after it."""
    found = [
        m
        for m in article.mentions
        if article.paragraph_at(m.start) == sentence.paragraph and _specificity(m) < _NOT_SPECIFIC
    ]
    return (
        [m for m in found if m.start < sentence.start],
        [m for m in found if m.start >= sentence.end],
    )


def _candidates(article: _Article, sentence: Sentence) -> list[Mention]:
    """The sentence's mentions that may place an event: not actors, not speakers."""
    text = article.document.text
    return [
        m
        for m in article.mentions
        if sentence.start <= m.start
        and m.end <= sentence.end
        and not _AGENT.search(text[sentence.start : m.start])
        and not _is_speaker(article, text[sentence.start : m.start], text[m.end : sentence.end])
    ]


def _is_speaker(article: _Article, before: str, after: str) -> bool:
    """ "Beijing called …", "В Москве заявили …" — but not "Police in Almaty said …"."""
    if not _SPEAKER.match(after):
        return False
    locative = _LOCATIVE.get(article.language, _LOCATIVE["en"])
    in_phrase = re.search(rf"\w\s+(?:{locative})\s+$", before, re.IGNORECASE)
    return article.language == "ru" or not in_phrase


def _evacuated_from(
    article: _Article, sentence: Sentence, cue: EventCue, mentions: list[Mention]
) -> list[Mention]:
    """The places people left: those after "dari"/"from" if any, else all but destinations."""
    language = article.language if article.language in _ORIGIN else "en"
    origins = _listed_after(article, sentence, mentions, _ORIGIN[language], after=None)
    if origins:
        return origins
    destinations = _listed_after(
        article, sentence, mentions, _DESTINATION[language], after=sentence.start + cue.end
    )
    return [m for m in mentions if m not in destinations]


def _sent_to(article: _Article, sentence: Sentence, mentions: list[Mention]) -> list[Mention]:
    """A deployment's places without where the troops came from ("dari", "from", "из")."""
    language = article.language if article.language in _ORIGIN else "en"
    origins = _listed_after(article, sentence, mentions, _ORIGIN[language], after=None)
    return [m for m in mentions if m not in origins]


def _in_clause(sentence: Sentence, cue: EventCue, mentions: list[Mention]) -> list[Mention]:
    start, end = _clause(sentence.text, cue.start)
    return [m for m in mentions if sentence.start + start <= m.start < sentence.start + end]


def _listed_after(
    article: _Article, sentence: Sentence, mentions: list[Mention], words: str, after: int | None
) -> list[Mention]:
    """Mentions right after one of ``words`` (past offset ``after``), and those listed with them."""
    text = article.document.text
    lead = re.compile(rf"(?<!\w)(?:{words})\s+(?:[a-zа-яё][\w-]*\s+){{0,3}}$", re.IGNORECASE)
    found: list[Mention] = []
    previous: Mention | None = None
    for mention in mentions:
        eligible = after is None or mention.start >= after
        listed = previous in found and _LIST_LINK.match(text[previous.end : mention.start])
        if eligible and (lead.search(text[sentence.start : mention.start]) or listed):
            found.append(mention)
        previous = mention
    return found


def _most_specific(mentions: list[Mention], cue_start: int) -> Mention:
    district = _shared_district(mentions)
    if district is not None:
        return district
    best = min(_specificity(m) for m in mentions)
    tier = [m for m in mentions if _specificity(m) == best]
    after = [m for m in tier if m.start >= cue_start]
    return (after or tier)[0]


def _shared_district(mentions: list[Mention]) -> Mention | None:
    """For three villages or more in one district, a mention standing for that district."""
    villages = [m for m in mentions if _specificity(m) == 0 and m.place is not None]
    if len({_place_id(m) for m in villages}) < 3:
        return None
    districts = {m.place.id if m.place.kind == "admin2" else m.place.admin2_id for m in villages}
    if len(districts) != 1 or None in districts:
        return None
    (district,) = districts
    return next((m for m in villages if m.place.id == district), None)


def _located_countries(
    article: _Article, sentence: Sentence, cue: EventCue | None, countries: list[Mention]
) -> list[Mention]:
    """Countries named after a locative preposition in the clause of the cue."""
    if cue is None:
        return []
    text = article.document.text
    clause_start, clause_end = _clause(sentence.text, cue.start)
    locative = _LOCATIVE.get(article.language, _LOCATIVE["en"])
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


def _specificity(mention: Mention) -> int:
    """0 a town, village or landmark (or a village standing in by its district), 1 a
    district, 2 a first-level region, 3 a country or wider region."""
    if mention.place is None:
        return _NOT_SPECIFIC
    if mention.place.kind == "admin2" and mention.precision >= 2:
        return 0
    return _SPECIFICITY.get(mention.place.kind, _NOT_SPECIFIC)


def _place_id(mention: Mention) -> str:
    return mention.place.id if mention.place is not None else ""


def _location(mention: Mention) -> _Location | None:
    if mention.place is None:
        return None
    precision = max(mention.precision, _KIND_PRECISION.get(mention.place.kind, 1))
    return _Location(mention.place, mention.text, precision)


def _distance(place: Place, other: Place) -> float:
    if place.id == other.id:
        return 0.0
    return haversine_km(place.lat, place.lon, other.lat, other.lon)


# -- merging -------------------------------------------------------------------------------


def _same_event(first: Incident, other: Incident) -> bool:
    return (
        (first.event_type, first.sub_event_type) == (other.event_type, other.sub_event_type)
        and _dates_close(first, other)
        and first.place is not None
        and other.place is not None
        and _distance(first.place, other.place) <= MERGE_DISTANCE_KM
    )


def _dates_close(first: Incident, other: Incident) -> bool:
    """Whether the two dates (as periods: a day, week, month, year) are a day apart or less."""
    if first.date is None or other.date is None:
        return False
    one = DateValue(first.date, first.date_precision or "day")
    two = DateValue(other.date, other.date_precision or "day")
    gap = max(one.first, two.first) - min(one.last, two.last)
    return gap.days <= 1


def _combine(group: list[Incident]) -> Incident:
    primary = group[0]
    if len(group) == 1:
        return primary
    claims = tuple(dict.fromkeys(claim for incident in group for claim in incident.claims))
    placed = min(group, key=_place_rank)
    days = [i.date for i in group if i.date is not None and i.date_precision == "day"]
    also = list(primary.also_reported_by)
    for incident in group[1:]:
        also += [(incident.source, incident.evidence), *incident.also_reported_by]
    return replace(
        primary,
        date=min(days) if days else primary.date,
        date_precision="day" if days else primary.date_precision,
        place=placed.place,
        location_text=placed.location_text,
        geo_precision=placed.geo_precision,
        fatalities=_lowest([i.fatalities for i in group] + [c.fatalities for c in claims]),
        injuries=_lowest([i.injuries for i in group] + [c.injuries for c in claims]),
        actors=_union([incident.actors for incident in group]),
        claims=claims,
        also_reported_by=tuple(dict.fromkeys(also)),
    )


def _place_rank(incident: Incident) -> tuple[int, int]:
    if incident.place is None:
        return (_NOT_SPECIFIC + 1, incident.geo_precision)
    return (_SPECIFICITY.get(incident.place.kind, _NOT_SPECIFIC), incident.geo_precision)


def _lowest(values: Sequence[int | None]) -> int | None:
    known = [value for value in values if value is not None]
    return min(known) if known else None


def _union(groups: Sequence[Sequence[str]]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for group in groups:
        for actor in group:
            seen.setdefault(actor.casefold(), actor)
    return tuple(seen.values())
