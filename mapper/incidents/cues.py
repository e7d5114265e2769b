"""Events: what a sentence says happened (an ACLED event type) and who took part.

Each language pack (:class:`~mapper.languages.pack.EventWords`) holds the words that
signal an event, each with its ACLED event type and sub-event type; every table is
compiled once into a single regular expression (:func:`find_cues`). Project additions
to ACLED's sub-event types are ``Evacuation``, ``Power outage``, ``Troop deployment``
and ``Road blockade``, all under Strategic developments (:mod:`mapper.event_types`).

A cue is left out when it is denied (negations: "tidak ada laporan
penangkapan", "fell without fighting") or not (yet) real (plans and likenesses:
"berencana menggelar latihan", "if the fighting spills over", "seolah-olah
kerusuhan"); a decision to deploy troops or an agreement counts even when it is
about the future ("aliansi akan mengirim pasukan").

A cue is *secondary* — it tells about an event rather than reporting one — when it

* names a circumstance (secondary markers: "164 orang tewas selama
  bentrokan", "pemadaman, setelah kabel rusak dalam bentrokan", "в ходе боёв",
  "in Thursday's shooting"), possibly with a determiner or one lowercase word
  between;
* points back (anaphora: "bentrokan itu", "these clashes", "эти
  столкновения", a sentence opening "Ini …", "It …", "Это …");
* names participants or weapons ("pengunjuk rasa", "protesters"; "mortir",
  "artillery").

:func:`choose_cue` picks one cue per sentence:

1. a sentence that counts casualties is about its violent cue, if it has one
   ("Two people were killed in Thursday's shooting …, as villages spent a night
   without electricity" is a clash);
2. otherwise main cues before secondary ones;
3. then by :data:`PRIORITY`: Battles, then Explosions/Remote violence, Riots,
   Violence against civilians, Protests, Strategic developments — so a clash with
   mortars is an armed clash, and shelling alone is shelling;
4. then the earliest in the sentence.

Who acts refines the type: a clash in a sentence that also speaks of riots or
protests is a riot (ACLED: battles are between organised armed groups);
peacekeepers or paratroopers taking control is a troop deployment; an armed group
(the Taliban, militants) seizing a place is a transfer of territory, not mob
violence.

:func:`find_actors` lists the actors a sentence names, as written, in order of
first appearance and without repeats: forces with a nationality
(``penjaga perbatasan Kirgistan``, ``Tajik border guards``, ``таджикские военные``),
protesters and police, and organisations (``CSTO``, ``Taliban``, ``ОДКБ``,
``Dinas Perbatasan Tajikistan``) from the pack's actor patterns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from mapper import languages
from mapper.event_types import (
    ABDUCTION,
    AGREEMENT,
    AIR,
    ARRESTS,
    ATTACK,
    BASE,
    BLOCKADE,
    CHANGE,
    CLASH,
    DEPLOYMENT,
    EVACUATION,
    EXPLOSIVE,
    INTERVENTION,
    LOOTING,
    MOB,
    OTHER,
    OUTAGE,
    PROTEST,
    SHELLING,
    TRANSFER,
    VIOLENT_DEMO,
    VIOLENT_TYPES,
)
from mapper.languages.pack import EventWords

__all__ = [
    "PRIORITY",
    "VIOLENT_TYPES",
    "EventCue",
    "choose_cue",
    "find_actors",
    "find_cues",
    "names_participants",
]

#: (event type, sub-event type), the most telling first.
PRIORITY: tuple[tuple[str, str], ...] = (
    CLASH,
    AIR,
    SHELLING,
    EXPLOSIVE,
    MOB,
    VIOLENT_DEMO,
    ABDUCTION,
    ATTACK,
    INTERVENTION,
    PROTEST,
    TRANSFER,
    DEPLOYMENT,
    ARRESTS,
    EVACUATION,
    LOOTING,
    BLOCKADE,
    OUTAGE,
    BASE,
    AGREEMENT,
    CHANGE,
    OTHER,
)


@dataclass(frozen=True)
class EventCue:
    """A word that signals an event, where it is, and what event it signals.

    ``secondary``: the cue does not report an event of its own — it names a
    circumstance ("dalam bentrokan"), points back ("bentrokan itu"), or names
    participants ("pengunjuk rasa") or weapons ("mortir").
    """

    start: int
    end: int
    text: str
    event_type: str
    sub_event_type: str
    secondary: bool = False

    @property
    def kind(self) -> tuple[str, str]:
        return (self.event_type, self.sub_event_type)


def find_cues(text: str, language: str) -> list[EventCue]:
    """The event cues in ``text``, in order; denied ones ("tanpa pertempuran") left out."""
    words = _words(language)
    language = languages.pack_for(language).code
    pattern, kinds = _cue_pattern(language, languages.generation())
    negation = _preceded_pattern(words.negations)
    unrealised = _preceded_pattern(words.unrealised)
    cues = []
    for match in pattern.finditer(text):
        kind = kinds[int((match.lastgroup or "c0")[1:])]
        before = text[: match.start()]
        if negation.search(before):
            continue
        if kind not in (DEPLOYMENT, AGREEMENT) and unrealised.search(before):
            continue
        cues.append(_cue(text, match, kind, language))
    return cues


def _cue(text: str, match: re.Match[str], kind: tuple[str, str], language: str) -> EventCue:
    before, after = text[: match.start()], text[match.end() :]
    shared = _shared(languages.generation())
    before_anaphora, after_anaphora = _anaphora_patterns(language, languages.generation())
    # A circumstance word governs the cue's head, its last word: "after the clashes", but
    # not "by troops" before "troops ... were deployed".
    head = match.start() + match.group().rstrip().rfind(" ") + 1
    looks_back = bool(
        _secondary_pattern(language, languages.generation()).search(text[:head])
        or before_anaphora.search(before)
        or after_anaphora.match(after)
        or shared.demonstrative_opening.match(text)
    )
    participant = bool(
        shared.participants.fullmatch(match.group()) or shared.means.fullmatch(match.group())
    )
    return EventCue(
        match.start(), match.end(), match.group(), *kind, secondary=looks_back or participant
    )


def choose_cue(
    cues: list[EventCue], text: str = "", *, casualties: bool = False
) -> EventCue | None:
    """The cue that says what ``text`` reports (see the module notes), or ``None``."""
    if not cues:
        return None
    violent = [cue for cue in cues if cue.event_type in VIOLENT_TYPES]
    pool = violent if casualties and violent else cues
    return min(pool, key=lambda cue: (cue.secondary, PRIORITY.index(cue.kind), cue.start))


def names_participants(text: str) -> bool:
    """Whether ``text`` (a cue) names the people in a protest ("protesters")."""
    return _shared(languages.generation()).participants.fullmatch(text) is not None


def find_actors(text: str, language: str) -> tuple[str, ...]:
    """The actors ``text`` names, as written, in order of first appearance, no repeats."""
    language = languages.pack_for(language).code
    spans = [
        (m.start(), m.end())
        for pattern in _actor_patterns(language, languages.generation())
        for m in pattern.finditer(text)
    ]
    actors: dict[str, str] = {}
    for start, end in _leftmost_longest(spans):
        name = " ".join(text[start:end].strip('«»"“” ').split())
        actors.setdefault(name.casefold(), name)
    return tuple(actors.values())


# -- compiled tables -----------------------------------------------------------------------


def _words(language: str) -> EventWords:
    return languages.pack_for(language).events


@dataclass(frozen=True)
class _Shared:
    """The event tables that hold in text of every language, combined from all packs."""

    demonstrative_opening: re.Pattern[str]
    means: re.Pattern[str]
    participants: re.Pattern[str]
    determiners: str


@cache
def _shared(generation: int) -> _Shared:
    events = [pack.events for pack in languages.everywhere()]

    def alternation(words: list[str]) -> str:
        return "|".join(w for w in words if w) or "(?!)"

    def compiled(words: list[str]) -> re.Pattern[str]:
        return re.compile(alternation(words), re.IGNORECASE)

    opening = alternation([e.demonstrative_opening for e in events])
    return _Shared(
        demonstrative_opening=re.compile(rf"^\s*(?:{opening})\s", re.IGNORECASE),
        means=compiled([e.means for e in events]),
        participants=compiled([e.participants for e in events]),
        determiners=alternation([e.determiners for e in events]),
    )


@cache
def _cue_pattern(
    language: str, generation: int
) -> tuple[re.Pattern[str], tuple[tuple[str, str], ...]]:
    """One regular expression for a language's cue table; group ``cN`` is row N."""
    rows = _words(language).cues
    if not rows:
        return re.compile(r"(?!)"), ()
    alternatives = "|".join(f"(?P<c{i}>{pattern})" for i, (pattern, _kind) in enumerate(rows))
    compiled = re.compile(rf"(?<![^\W\d_])(?:{alternatives})(?![^\W\d_])", re.IGNORECASE)
    return compiled, tuple(kind for _pattern, kind in rows)


@cache
def _secondary_pattern(language: str, generation: int) -> re.Pattern[str]:
    markers = _words(language).secondary_markers
    determiners = _shared(generation).determiners
    lowercase_word = r"[a-zа-яё][\w-]*"
    return re.compile(
        rf"(?<![^\W\d_])(?:{markers})\s+(?:(?:{determiners})\s+){{0,2}}"
        rf"(?-i:{lowercase_word}\s+)?[\"“«„]?$",
        re.IGNORECASE,
    )


@cache
def _preceded_pattern(words: str) -> re.Pattern[str]:
    """One of ``words``, then at most two words, then the end of the text ("ordered troops
    to fire")."""
    return re.compile(rf"(?<![^\W\d_])(?:{words})\s+(?:[\w-]+\s+){{0,2}}$", re.IGNORECASE)


@cache
def _anaphora_patterns(language: str, generation: int) -> tuple[re.Pattern[str], re.Pattern[str]]:
    before, after = _words(language).anaphora
    return (
        re.compile(before or r"(?!)", re.IGNORECASE),
        re.compile(after or r"(?!)", re.IGNORECASE),
    )


@cache
def _actor_patterns(language: str, generation: int) -> tuple[re.Pattern[str], ...]:
    words = _words(language)
    bounded = [
        re.compile(rf"(?<![^\W\d_])(?:{pattern})(?![^\W\d_])", re.IGNORECASE)
        for pattern in words.actors
    ]
    return (*bounded, re.compile(words.organisations))


def _leftmost_longest(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    chosen: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda span: (span[0], -span[1])):
        if not chosen or start >= chosen[-1][1]:
            chosen.append((start, end))
    return chosen
