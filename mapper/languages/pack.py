"""What a language pack holds: every word list and pattern one language needs, by stage.

A :class:`LanguagePack` is data only. The stages read it through
:func:`mapper.languages.pack_for` (the tables of a document's language) or
:func:`mapper.languages.everywhere` (the union over all languages, for tables that hold in
text of any language, such as demonyms or the names of weapons). Each field says which of
the two it is. Patterns are regular expression fragments, matched case-insensitively; a
space in a phrase stands for any run of spaces.

Empty defaults mean "nothing of this kind": a new language may start with a few tables and
grow. See ``docs/architecture.md`` for how to add one.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

__all__ = [
    "CasualtyWords",
    "ColumnNames",
    "DateWords",
    "EventWords",
    "FurnitureCues",
    "IncidentPlaceWords",
    "LanguagePack",
    "Morphology",
    "NumberWords",
    "PlaceNameWords",
    "word_set",
    "word_tuple",
]

#: An (ACLED event type, sub-event type) pair.
EventKind = tuple[str, str]


def word_set(text: str) -> frozenset[str]:
    """The words of ``text`` as a set: a compact way to write a word list."""
    return frozenset(text.split())


def word_tuple(text: str) -> tuple[str, ...]:
    """The words of ``text`` in order."""
    return tuple(text.split())


@dataclass(frozen=True)
class PlaceNameWords:
    """Telling place names from other capitalised words (geoparsing).

    For this language's documents: ``common_words``, ``prefix_designators``. In text of
    every language: all the others.
    """

    #: Capitalised at a sentence start or in a headline, these are words, not places.
    common_words: frozenset[str] = frozenset()
    #: Demonyms and adjectives: never place mentions ("tajik", "таджик").
    demonyms: frozenset[str] = frozenset()
    #: Names of groups and movements that gazetteers record as place names ("taliban").
    non_place_names: frozenset[str] = frozenset()
    #: Organisation acronyms that contain or precede place names ("nato", "одкб").
    acronyms: frozenset[str] = frozenset()
    #: A capitalised word right before a place name that makes it an organisation ("radio").
    organisation_before: frozenset[str] = frozenset()
    #: A word right after a place name that makes it an organisation ("airways").
    organisation_after: frozenset[str] = frozenset()
    #: Surname endings: a place-like name followed by one is a person ("-ov", "-ова").
    surname_endings: tuple[str, ...] = ()
    #: Short capitalised abbreviations that do name places ("рф", "usa").
    place_abbreviations: frozenset[str] = frozenset()
    #: Lower-case words that may stand inside a multi-word place name ("de", "на").
    name_particles: frozenset[str] = frozenset()
    #: Words before a name that say what kind of place it is ("desa" → populated_place).
    prefix_designators: Mapping[str, frozenset[str]] = field(default_factory=dict)
    #: Words after a name that say what kind of place it is ("region" → admin1).
    suffix_designators: Mapping[str, frozenset[str]] = field(default_factory=dict)
    #: Prefix designators after which an unknown capitalised word is still a place ("desa").
    unknown_name_designators: frozenset[str] = frozenset()
    #: Words that say the next place contains the previous one ("X di Y", "X in Y").
    containment_words: frozenset[str] = frozenset()


@dataclass(frozen=True)
class DateWords:
    """Dates written in this language (this language's documents only, but for
    ``small_numbers`` and ``strict_words``, which hold in every language)."""

    #: Month number → pattern of its written forms.
    months: Mapping[int, str] = field(default_factory=dict)
    #: The twelve month names dateparser reads, January first.
    month_names: tuple[str, ...] = ()
    #: Weekday (Monday 0) → pattern.
    weekdays: Mapping[int, str] = field(default_factory=dict)
    #: Phrases for a day counted from the reference day → days added ("last night": -1).
    day_offsets: Mapping[str, int] = field(default_factory=dict)
    #: Phrases for a week counted from the reference day's week → weeks added.
    week_offsets: Mapping[str, int] = field(default_factory=dict)
    #: Phrases for a year counted from the reference day's year → years added.
    year_offsets: Mapping[str, int] = field(default_factory=dict)
    #: Back-references to the date last stated → days added ("the day before": -1).
    anaphora: Mapping[str, int] = field(default_factory=dict)
    #: Relative phrases ("yesterday", "2 days ago"): read by :data:`relative_days` and
    #: :data:`days_ago` where they can, else by dateparser.
    relative: str = ""
    #: Relative phrases (single spaces) → days added to the reference day ("yesterday": -1).
    relative_days: Mapping[str, int] = field(default_factory=dict)
    #: A relative phrase (single spaces, digits) counting days back; group 1 the number.
    days_ago: str = ""
    #: Small number words in those phrases, as digits ("two" → "2").
    small_numbers: Mapping[str, str] = field(default_factory=dict)
    #: Patterns before and after a weekday that make it strictly past ("last Monday").
    strict_weekday: tuple[str, str] = ("", "")
    #: Words that make a weekday strictly past.
    strict_words: str = ""
    #: Words before a date that make it a deadline or the end of a span ("until", "hingga",
    #: "до"): not the day an event happened.
    deadline: str = "(?!)"
    #: Words before a bare year that make it a date ("in 2008").
    year_context: str = ""
    #: Whether the month may come before the day ("January 27").
    month_before_day: bool = False


@dataclass(frozen=True)
class NumberWords:
    """Numbers written as words, and vague amounts (this language's documents)."""

    #: Number words added to the running value ("eleven" → 11).
    words: Mapping[str, int] = field(default_factory=dict)
    #: Number words that multiply the running value ("hundred" → 100).
    multipliers: Mapping[str, int] = field(default_factory=dict)
    #: A word that adds ten to the number before it (Indonesian "belas": "dua belas" = 12).
    teen_word: str | None = None
    #: Vague amounts (patterns, longest first) → ACLED's figure ("dozens" → 12).
    vague_amounts: Mapping[str, int] = field(default_factory=dict)
    #: Whether digit groups may be separated by spaces ("10 000").
    spaced_thousands: bool = False
    #: Whether number words are read by their dictionary forms (Russian "двух" → "два").
    inflected: bool = False
    #: Words that join counts to be added ("and"). In every language.
    conjunctions: frozenset[str] = frozenset()
    #: Words that make the number before them a measure, not people ("km"). In every language.
    measures: frozenset[str] = frozenset()


@dataclass(frozen=True)
class CasualtyWords:
    """Killed and injured, and who says so (this language's documents, but for
    ``victims_follow``, ``toll_reaches``, ``phrase_stops``, ``pronouns`` and
    ``prepositions``, which hold in every language)."""

    killed: str = ""
    injured: str = ""
    #: Cue forms whose victims are named after them ("killing", "menewaskan").
    victims_follow: str = ""
    #: Words that lead from a toll to its figure ("reached", "до").
    toll_reaches: str = ""
    #: "according to X".
    according_to: str = ""
    #: "said X" (the claimant after the verb).
    said_before_claimant: str = ""
    #: "X said" (the claimant before the verb).
    said_after_claimant: str = ""
    #: Words that end a claimant phrase.
    phrase_stops: frozenset[str] = frozenset()
    #: Pronouns: never a claimant.
    pronouns: frozenset[str] = frozenset()
    #: Prepositions that keep a descriptor and a name together ("officials of Tajikistan").
    prepositions: frozenset[str] = frozenset()
    #: (pattern over dictionary forms, English) for the words of claimant phrases: one
    #: canonical name across languages (:mod:`mapper.incidents.claimants`). English ""
    #: drops the word ("the"); "@Tajik" marks a nationality, which goes first.
    claimant_glossary: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class EventWords:
    """What a sentence says happened, and who took part.

    For this language's documents: ``cues``, ``secondary_markers``, ``anaphora``,
    ``negations``, ``unrealised``, ``actors``, ``organisations``, ``territory``. In text of
    every language: ``demonstrative_opening``, ``means``, ``participants``,
    ``determiners``.
    """

    #: (pattern, (event type, sub-event type)), in the order they are tried.
    cues: tuple[tuple[str, EventKind], ...] = ()
    #: Words after which a cue names a circumstance ("during the clashes").
    secondary_markers: str = "(?!)"
    #: Patterns before and after a cue that point back to an event ("these clashes").
    anaphora: tuple[str, str] = ("", "")
    #: Words that make a sentence a generalisation, not a report of one event ("in recent
    #: years", "often", "regularly"): it yields no incident unless it states a day.
    generic: str = "(?!)"
    #: Words before a cue that deny it ("no", "without").
    negations: str = "(?!)"
    #: Words before a cue that make it a plan or a likeness ("will", "if").
    unrealised: str = "(?!)"
    #: A sentence opening with one of these words looks back ("It was ...").
    demonstrative_opening: str = ""
    #: Weapons: they tell how an event was fought, not that one happened.
    means: str = ""
    #: Nouns for the people in a protest ("protesters").
    participants: str = ""
    #: Nouns for territory ("town", "desa", "село"): armed groups seizing one take it over
    #: (a transfer of territory); seizing anything else is seizing property.
    territory: str = "(?!)"
    #: Determiners between a circumstance word and its cue ("during the clashes").
    determiners: str = ""
    #: Actor patterns, the most specific first.
    actors: tuple[str, ...] = ()
    #: The name of a shipped event classifier for the language (``mapper/incidents/models``),
    #: or ``None``: then the rules alone code events.
    classifier: str | None = None
    #: Who takes part, by ACLED's actor kind: (pattern, kind), kind one of ``state``,
    #: ``rebel``, ``militia``, ``external``, ``rioters``, ``protesters``, ``residents``
    #: (villagers, communities: who may fight as a mob), ``civilians`` (who are attacked).
    parties: tuple[tuple[str, str], ...] = ()
    #: Auxiliaries that make the cue after them passive ("were killed"): its subject is
    #: the one acted on.
    passive: str = "(?!)"
    #: Word beginnings that make a cue passive in itself (Indonesian "ditembak", "terbunuh").
    passive_prefixes: tuple[str, ...] = ()
    #: Words that name the doer of a passive ("by", "oleh", "со стороны").
    agent: str = "(?!)"
    #: Capitalised organisation names (matched with case).
    organisations: str = "(?!)"


@dataclass(frozen=True)
class IncidentPlaceWords:
    """Which of a sentence's places is where its event happened (this language's
    ``locative``, ``destination`` and ``origin``; the others in every language)."""

    #: Prepositions of place ("in", "di", "в").
    locative: str = ""
    #: Where people went ("to", "ke").
    destination: str = ""
    #: Where people came from ("from", "dari").
    origin: str = ""
    #: Words before a place that make it an actor or a source ("by", "according to").
    agent: str = ""
    #: Words after a place that make it a speaker ("Beijing said").
    speaker: str = ""
    #: Words that say an event happened all over a country ("nationwide").
    nationwide: str = ""
    #: Words that link listed places ("and", ",").
    list_link: str = ""
    #: Whether a speaker may stand in a locative phrase ("В Москве заявили").
    speaker_in_locative: bool = False


@dataclass(frozen=True)
class FurnitureCues:
    """The lines a news site puts around an article (see :mod:`mapper.read.furniture`).

    ``labels`` and ``phrases`` are (kind, pattern) pairs; ``inline_credits`` open a
    parenthesised photo credit ("(Foto: ...)").
    """

    labels: tuple[tuple[str, str], ...] = ()
    phrases: tuple[tuple[str, str], ...] = ()
    inline_credits: tuple[str, ...] = ()


@dataclass(frozen=True)
class ColumnNames:
    """Incident record files: column names per role ("date": ("tanggal",)), the words that
    qualify a description or link column with its language, and the words that name a
    sub-event type in an event-type cell ("Armed clash": "clash|fighting"), matched at the
    start of a word. All hold in files of every language."""

    roles: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    qualifiers: frozenset[str] = frozenset()
    type_words: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Morphology:
    """Dictionary forms of inflected words (Russian "в Бишкеке" → "бишкек").

    ``applies`` tells which words the analyser reads; ``lemmas`` gives the lemmas of a
    word's likely readings, best first; ``readings`` the lemma of every reading, in the
    analyser's order; ``is_surname`` whether its best reading is a surname.
    """

    applies: Callable[[str], bool]
    lemmas: Callable[[str], tuple[str, ...]]
    readings: Callable[[str], tuple[str, ...]]
    is_surname: Callable[[str], bool]


@dataclass(frozen=True)
class LanguagePack:
    """Everything one language needs, by stage. ``code`` is its ISO 639-1 code."""

    code: str
    name: str
    place_names: PlaceNameWords = PlaceNameWords()
    dates: DateWords = DateWords()
    numbers: NumberWords = NumberWords()
    casualties: CasualtyWords = CasualtyWords()
    events: EventWords = EventWords()
    incident_places: IncidentPlaceWords = IncidentPlaceWords()
    #: Words that take a full stop without ending a sentence (lowercased).
    abbreviations: frozenset[str] = frozenset()
    furniture: FurnitureCues = FurnitureCues()
    columns: ColumnNames = ColumnNames()
    morphology: Morphology | None = None
    #: The language's code in wordfreq's word lists, when it has them.
    word_frequencies: str | None = None
    #: The language's code for dateparser, when it reads it.
    dateparser: str | None = None
