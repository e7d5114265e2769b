"""Dates: the dates a sentence states, resolved against a reference day.

:func:`find_dates` finds date expressions in Indonesian, English and Russian text
and resolves them to a :class:`DateValue` (an ISO date and a precision: day, week,
month or year). The forms it knows are data, in each language pack
(:class:`~mapper.languages.pack.DateWords`):

* written dates: ``27/01/22`` and ``(6/1/2022)`` (day first), ``2022-01-27``,
  ``7 Januari``, ``15 Agustus 2021``, ``14 сентября``, ``January 27``, ``Jan 28``;
  months (``Maret 2021``, ``в январе 2022``) and years (``pada 2010``, ``in 2008``);
* words relative to the reference day: ``hari ini``, ``kemarin``, ``вчера``,
  ``yesterday``, ``2 hari lalu`` (the pack's ``relative_days`` and ``days_ago``; what
  they leave is parsed by ``dateparser``), ``tadi malam``,
  ``last night`` (day offsets), ``pekan lalu``, ``last week`` (week offsets),
  ``tahun lalu`` (year offsets);
* weekdays: ``Kamis``, ``on Thursday``, ``в четверг`` are the latest such day on or
  before the reference day; ``Senin lalu``, ``last Monday``, ``в прошлый
  понедельник`` the latest strictly before it;
* back-references: ``hari yang sama``, ``the same day``, ``в тот же
  день`` (the date last stated), ``sehari sebelumnya``, ``накануне``, ``a day
  earlier`` (the day before it). :func:`resolve_anaphora` fills them in.

A weekday or back-reference written right before a full date restates it
(``Kamis (6/1/2022)``, ``в четверг, 27 января``) and gives way to it.

The reference day is a :class:`Reference`: the publication date, or a date guessed
from the text (:func:`guess_publication`). Nothing depends on today's date:
``dateparser`` always gets ``RELATIVE_BASE``. A day and month without a year is the
latest such day at most a month after a publication date (a scheduled event may be
named), or at most half a year after a guessed reference day (as ``dateparser`` reads
it when it prefers the past; computed here, without it). Relative forms never resolve
after a publication date.

Rules are compiled once per language pack; a rule is not run on a sentence without one of
the words each of its matches holds (:mod:`mapper.incidents.prefilter`), nor without a
reference day when it needs one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache

from mapper import languages
from mapper.incidents.prefilter import fold, may_match
from mapper.languages.pack import DateWords

__all__ = [
    "DateMention",
    "DateValue",
    "Reference",
    "find_dates",
    "guess_publication",
    "is_background",
    "resolve_anaphora",
]


#: A pattern that matches nothing: what an empty table of a language pack compiles to.
_NOTHING = r"(?!)"
_ORDINAL = r"(?:-?(?:st|nd|rd|th|го|е|ое))?"
_NOT_LETTER = r"(?![^\W\d_])"
#: The full stop of an abbreviated month, taken only when a number follows.
_DOT = r"(?:\.(?=\s*\d))?"
_APPOSITION_GAP = re.compile(r"[\s,(]{0,3}")
#: A day and month without a year is taken no later than this after a publication date
#: (a scheduled event), or this after a guessed reference day (which may be off).
_AHEAD_OF_PUBLICATION = dt.timedelta(days=31)
_AHEAD_OF_GUESS = dt.timedelta(days=182)
#: A month or year that ended this long before the reference day is background.
_BACKGROUND = dt.timedelta(days=30)
#: Lines searched for a dateline by :func:`guess_publication`, and at most this many
#: characters of them (a text without line breaks is one long line).
_DATELINE_LINES = 10
_DATELINE_CHARS = 20_000
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class DateValue:
    """A date and how precise it is: ``2022-01-27``/day, ``2022-01``/month, ``2022``/year.

    A week is given by its Monday.
    """

    date: str
    precision: str

    @classmethod
    def of_day(cls, day: dt.date) -> DateValue:
        return cls(day.isoformat(), "day")

    @property
    def first(self) -> dt.date:
        """The first day of the period."""
        parts = [int(part) for part in self.date.split("-")] + [1, 1]
        return dt.date(parts[0], parts[1], parts[2])

    @property
    def last(self) -> dt.date:
        """The last day of the period."""
        first = self.first
        if self.precision == "week":
            return first + dt.timedelta(days=6)
        if self.precision == "month":
            following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return following - dt.timedelta(days=1)
        if self.precision == "year":
            return dt.date(first.year, 12, 31)
        return first


@dataclass(frozen=True)
class Reference:
    """The day relative dates count from: the publication date, or one guessed from the text."""

    day: dt.date
    published: bool = True


@dataclass(frozen=True)
class DateMention:
    """A date expression: offsets into the text searched, and its value.

    ``explicit``: written out (numbers, month names, years) rather than relative.
    ``shift``: for a back-reference, the days added to the date it refers to; its
    ``value`` is ``None`` until :func:`resolve_anaphora` fills it in.
    """

    start: int
    end: int
    text: str
    value: DateValue | None
    explicit: bool = False
    shift: int | None = None


#: Rules that only match text with a digit in it (skipped on sentences without one).
_NEED_DIGITS = frozenset({"numeric", "iso", "day_month", "month_year", "year", "month_day"})
#: Rules whose every match resolves to nothing without a reference day (skipped then).
_NEED_REFERENCE = frozenset({"parsed", "weekday", "day_offset", "week_offset", "year_offset"})

_Resolver = Callable[[re.Match[str], str, "Reference | None"], "DateValue | None"]


def find_dates(text: str, language: str, reference: Reference | None = None) -> list[DateMention]:
    """Date expressions in ``text``, in order, resolved where ``reference`` allows.

    Back-references are returned unresolved (see :func:`resolve_anaphora`); other
    expressions that cannot be resolved (a weekday with no reference) are left out.
    """
    language = languages.pack_for(language).code
    found = []
    has_digit = _DIGIT.search(text) is not None  # every digit rule needs a \d
    folded = fold(text)
    for kind, pattern in _rules(language):
        if kind in _NEED_DIGITS and not has_digit:
            continue
        if reference is None and kind in _NEED_REFERENCE:
            continue
        if not may_match(pattern, folded):  # none of the words every match holds
            continue
        for match in pattern.finditer(text):
            found.append(_mention(kind, match, language, reference))
    chosen = _non_overlapping(mention for mention in found if mention is not None)
    return _without_appositions(chosen, text)


def resolve_anaphora(
    mentions: Sequence[DateMention], previous: DateValue | None, reference: Reference | None
) -> list[DateMention]:
    """Fill in back-references from the date stated before each (``previous`` at first).

    A back-reference with nothing to refer to counts from the reference day. One that
    would fall after a publication date, or that has nothing to count from, is dropped.
    """
    resolved = []
    for found in mentions:
        mention: DateMention | None = found
        if found.shift is not None:
            anchor = previous or (DateValue.of_day(reference.day) if reference else None)
            mention = _shifted(found, anchor, reference)
        if mention is None:
            continue
        resolved.append(mention)
        previous = mention.value
    return resolved


def guess_publication(text: str, language: str) -> dt.date | None:
    """A full date that stands for the publication date of an article, or ``None``.

    The first full date (day, month and year) in the first lines (a dateline such as
    ``27/01/22`` or ``ALMATY – ... pada Minggu (09/01/2022)``); failing that the latest
    full date anywhere in the text.
    """
    lines = [line for line in text.split("\n") if line.strip()]
    head = "\n".join(lines[:_DATELINE_LINES])
    if len(head) > _DATELINE_CHARS:
        head = head[:_DATELINE_CHARS].rsplit(maxsplit=1)[0]
    for mention in find_dates(head, language):
        if mention.explicit and mention.value and mention.value.precision == "day":
            return mention.value.first
    days = [
        mention.value.first
        for mention in find_dates(text, language)
        if mention.explicit and mention.value and mention.value.precision == "day"
    ]
    return max(days, default=None)


def is_background(value: DateValue, day: dt.date) -> bool:
    """Whether a year ``value`` ended well before ``day``: history the text does not date
    closely enough for an incident (ACLED dates an event at least to its month)."""
    return value.precision == "year" and value.last < day - _BACKGROUND


# -- patterns ------------------------------------------------------------------------------


def _words(language: str) -> DateWords:
    return languages.pack_for(language).dates


def _rules(language: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    return _compiled_rules(language, languages.generation())


@cache
def _compiled_rules(language: str, generation: int) -> tuple[tuple[str, re.Pattern[str]], ...]:
    words = _words(language)
    months = "|".join(words.months.values()) or _NOTHING
    weekdays = "|".join(words.weekdays.values()) or _NOTHING
    before, after = words.strict_weekday
    rules = [
        ("numeric", r"(?<![\d/.:])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/:]|\.\d)"),
        ("iso", r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)"),
        (
            "day_month",
            rf"(?<!\d)(\d{{1,2}}){_ORDINAL}\s+({months}){_NOT_LETTER}{_DOT}"
            r"(?:,?\s+(\d{4})(?!\d))?",
        ),
        ("month_year", rf"\b({months}){_NOT_LETTER}{_DOT}\s+(\d{{4}})(?!\d)"),
        ("year", rf"\b{words.year_context or _NOTHING}((?:19|20)\d{{2}})(?!\d)"),
        ("parsed", rf"\b(?:{words.relative or _NOTHING}){_NOT_LETTER}"),
        ("weekday", rf"\b{before}({weekdays}){_NOT_LETTER}{after}"),
        ("day_offset", _phrases(words.day_offsets)),
        ("week_offset", _phrases(words.week_offsets)),
        ("year_offset", _phrases(words.year_offsets)),
        ("anaphora", _phrases(words.anaphora)),
    ]
    if words.month_before_day:
        rules.insert(
            3,
            (
                "month_day",
                rf"\b({months}){_NOT_LETTER}{_DOT}\s+(\d{{1,2}})"
                r"(?:st|nd|rd|th)?(?!\d)(?:,?\s+(\d{4})(?!\d))?",
            ),
        )
    return tuple((kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in rules)


def _phrases(table: Mapping[str, int]) -> str:
    if not table:
        return _NOTHING
    alternatives = sorted(table, key=len, reverse=True)
    return r"\b(?:" + "|".join(phrase.replace(" ", r"\s+") for phrase in alternatives) + r")\b"


def _lookup(table: Mapping[str, int], text: str) -> int:
    spaced = " ".join(text.split())
    for phrase, value in table.items():
        if re.fullmatch(phrase, spaced, re.IGNORECASE):
            return value
    raise KeyError(text)


def _numbered(table: Mapping[int, str], word: str) -> int:
    return _lookup({pattern: number for number, pattern in table.items()}, word)


# -- resolving -----------------------------------------------------------------------------


def _mention(
    kind: str, match: re.Match[str], language: str, reference: Reference | None
) -> DateMention | None:
    if kind == "anaphora":
        shift = _lookup(_words(language).anaphora, match.group())
        return DateMention(match.start(), match.end(), match.group(), None, shift=shift)
    resolver, explicit = _RESOLVERS[kind]
    value = resolver(match, language, reference)
    if value is None:
        return None
    return DateMention(match.start(), match.end(), match.group(), value, explicit=explicit)


def _numeric(match: re.Match[str], language: str, reference: Reference | None) -> DateValue | None:
    day, month, year = int(match.group(1)), int(match.group(3)), match.group(4)
    return _day(int(year) + (2000 if len(year) == 2 else 0), month, day)


def _iso(match: re.Match[str], language: str, reference: Reference | None) -> DateValue | None:
    return _day(int(match.group(1)), int(match.group(2)), int(match.group(3)))


def _day_month(
    match: re.Match[str], language: str, reference: Reference | None
) -> DateValue | None:
    day, month, year = (
        int(match.group(1)),
        _numbered(_words(language).months, match.group(2)),
        match.group(3),
    )
    return _calendar_day(day, month, year, language, reference)


def _month_day(
    match: re.Match[str], language: str, reference: Reference | None
) -> DateValue | None:
    day, month, year = (
        int(match.group(2)),
        _numbered(_words(language).months, match.group(1)),
        match.group(3),
    )
    return _calendar_day(day, month, year, language, reference)


def _month_year(
    match: re.Match[str], language: str, reference: Reference | None
) -> DateValue | None:
    month, year = _numbered(_words(language).months, match.group(1)), int(match.group(2))
    return DateValue(f"{year:04d}-{month:02d}", "month")


def _year(match: re.Match[str], language: str, reference: Reference | None) -> DateValue | None:
    return DateValue(match.group(1), "year")


def _parsed(match: re.Match[str], language: str, reference: Reference | None) -> DateValue | None:
    if reference is None:
        return None
    small = _small_numbers(languages.generation())
    words = [small.get(word.lower(), word) for word in match.group().split()]
    phrase = " ".join(word for word in words if word.lower() != "yang")
    days = _relative_days(phrase, language)
    if days is None:
        parsed = _dateparser(phrase, language, reference.day)
    elif languages.pack_for(language).dateparser is None:
        parsed = None  # read as dateparser would: not at all
    else:
        parsed = reference.day + dt.timedelta(days=days)
    return DateValue.of_day(parsed) if parsed and parsed <= reference.day else None


#: "N days ago" is read without dateparser up to this many days.
_MAX_DAYS_AGO = 10_000


def _relative_days(phrase: str, language: str) -> int | None:
    """Days from the reference day that ``phrase`` says, by the pack's tables; ``None``
    when they do not read it (dateparser does)."""
    words = _words(language)
    for known, days in words.relative_days.items():
        if re.fullmatch(known, phrase, re.IGNORECASE):
            return days
    ago = re.fullmatch(words.days_ago, phrase, re.IGNORECASE) if words.days_ago else None
    if ago is not None and int(ago.group(1)) <= _MAX_DAYS_AGO:
        return -int(ago.group(1))
    return None


def _weekday(match: re.Match[str], language: str, reference: Reference | None) -> DateValue | None:
    if reference is None:
        return None
    weekday = _numbered(_words(language).weekdays, match.group(1))
    back = (reference.day.weekday() - weekday) % 7
    if back == 0 and _strict_words(languages.generation()).search(match.group()):
        back = 7
    return DateValue.of_day(reference.day - dt.timedelta(days=back))


def _day_offset(
    match: re.Match[str], language: str, reference: Reference | None
) -> DateValue | None:
    if reference is None:
        return None
    days = _lookup(_words(language).day_offsets, match.group())
    return DateValue.of_day(reference.day + dt.timedelta(days=days))


def _week_offset(
    match: re.Match[str], language: str, reference: Reference | None
) -> DateValue | None:
    if reference is None:
        return None
    weeks = _lookup(_words(language).week_offsets, match.group())
    monday = reference.day - dt.timedelta(days=reference.day.weekday()) + dt.timedelta(weeks=weeks)
    return DateValue(monday.isoformat(), "week")


def _year_offset(
    match: re.Match[str], language: str, reference: Reference | None
) -> DateValue | None:
    if reference is None:
        return None
    years = _lookup(_words(language).year_offsets, match.group())
    return DateValue(f"{reference.day.year + years:04d}", "year")


_RESOLVERS: dict[str, tuple[_Resolver, bool]] = {
    "numeric": (_numeric, True),
    "iso": (_iso, True),
    "day_month": (_day_month, True),
    "month_day": (_month_day, True),
    "month_year": (_month_year, True),
    "year": (_year, True),
    "parsed": (_parsed, False),
    "weekday": (_weekday, False),
    "day_offset": (_day_offset, False),
    "week_offset": (_week_offset, False),
    "year_offset": (_year_offset, False),
}


def _day(year: int, month: int, day: int) -> DateValue | None:
    try:
        return DateValue.of_day(dt.date(year, month, day))
    except ValueError:
        return None


def _calendar_day(
    day: int, month: int, year: str | None, language: str, reference: Reference | None
) -> DateValue | None:
    """A day and month, in ``year`` or, without one, in the year ``reference`` implies."""
    if year is not None:
        return _day(int(year), month, day)
    if reference is None or _day(2000, month, day) is None:
        return None
    if languages.pack_for(language).dateparser is None:
        return None  # read as dateparser would: not at all
    ahead = _AHEAD_OF_PUBLICATION if reference.published else _AHEAD_OF_GUESS
    found = latest_day(day, month, reference.day + ahead)
    return DateValue.of_day(found) if found else None


def latest_day(day: int, month: int, base: dt.date) -> dt.date | None:
    """The latest ``day`` of ``month`` on or before ``base`` (29 February: of a leap year).

    What dateparser makes of "7 Januari" counting from ``base`` and preferring the past;
    ``tests/test_dates.py`` checks the two agree.
    """
    year = base.year
    while year >= dt.MINYEAR:
        try:
            found = dt.date(year, month, day)
        except ValueError:  # 29 February of a common year
            found = None
        if found is not None and found <= base:
            return found
        year -= 1
    return None


def _dateparser(phrase: str, language: str, base: dt.date) -> dt.date | None:
    """``phrase`` parsed by dateparser in ``language``, counting from ``base`` (never today)."""
    import dateparser

    settings = {
        "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": "past",
        "DATE_ORDER": "DMY",
    }
    code = languages.pack_for(language).dateparser
    if code is None:
        return None
    parsed = dateparser.parse(phrase, languages=[code], settings=settings)
    return parsed.date() if parsed else None


def _shifted(
    mention: DateMention, anchor: DateValue | None, reference: Reference | None
) -> DateMention | None:
    if anchor is None or anchor.precision != "day" or mention.shift is None:
        return None
    day = anchor.first + dt.timedelta(days=mention.shift)
    if reference and reference.published and day > reference.day:
        return None
    return replace(mention, value=DateValue.of_day(day))


def _non_overlapping(mentions: Iterable[DateMention]) -> list[DateMention]:
    """Leftmost first; at the same start the longest; no overlaps."""
    chosen: list[DateMention] = []
    for mention in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if not chosen or mention.start >= chosen[-1].end:
            chosen.append(mention)
    return chosen


def _without_appositions(mentions: list[DateMention], text: str) -> list[DateMention]:
    """Drop relative expressions written right before the full date they restate.

    "Sehari sebelumnya, Rabu (29/9/2021)": both relative forms lead to the full date.
    """
    kept = []
    restated_at: int | None = None  # where the full date a chain of such forms leads to starts
    for mention in reversed(mentions):
        if mention.explicit:
            restated_at = mention.start
        elif restated_at is not None and _APPOSITION_GAP.fullmatch(text[mention.end : restated_at]):
            restated_at = mention.start
            continue
        else:
            restated_at = None
        kept.append(mention)
    return kept[::-1]


@cache
def _small_numbers(generation: int) -> dict[str, str]:
    """Small number words of every language, as digits (for dateparser)."""
    found: dict[str, str] = {}
    for pack in languages.everywhere():
        found.update(pack.dates.small_numbers)
    return found


@cache
def _strict_words(generation: int) -> re.Pattern[str]:
    """Words of every language that make a weekday strictly past."""
    words = "|".join(p.dates.strict_words for p in languages.everywhere() if p.dates.strict_words)
    return re.compile(rf"\b(?:{words or '(?!)'})\b", re.IGNORECASE)
