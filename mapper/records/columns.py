"""What each column of an incident records file holds, and how to read its cells.

:func:`detect_columns` finds the columns by their names: the synonyms of each role are
listed in the language packs (:func:`synonyms`), and names are compared case-insensitively with
spaces, hyphens, underscores and dots ignored (``Event Date`` = ``event_date``). A role
given explicitly (``--lat-col``) wins over detection. Descriptions and links may fill
several columns (``description_en``, ``описание``, ``url 2``): every one is kept.

The cell readers turn text into values and raise :class:`ValueError` with a message fit
for a reject file when a cell cannot be used:

- :func:`parse_coordinate`: ``39.87``, ``39,87``, ``39.87°``, ``39.87 N``, ``39°52'12"N``;
- :func:`parse_date`: ISO (``2022-09-16``, ``2022-09``, ``2022``), ``16/09/2022``,
  ``16.09.2022``, ``16-09-2022`` (day first; month first only when the day-first
  reading is impossible and the other is not), ``16 September 2022``,
  ``September 16, 2022``, ``16 сентября 2022``, ``16 Sep 2022``;
- :func:`parse_count`: ``3``, ``3.0``, ``at least 3``; ``""``, ``n/a``, ``unknown``
  are ``None``;
- :func:`event_type`: see its docstring for the mapping rule.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, replace
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from mapper import event_types, languages
from mapper.errors import InputError, UsageError
from mapper.event_types import EVENT_TYPES

__all__ = [
    "MULTI_ROLES",
    "OVERRIDE_OPTIONS",
    "TYPE_WORD_ORDER",
    "ColumnMap",
    "detect_columns",
    "event_type",
    "normalize_header",
    "parse_coordinate",
    "parse_count",
    "parse_date",
    "split_links",
    "synonyms",
]

#: Roles that may fill several columns, all kept.
MULTI_ROLES = frozenset({"description", "url"})

#: The command-line option that names each overridable role.
OVERRIDE_OPTIONS = {
    "lat": "--lat-col",
    "lon": "--lon-col",
    "place": "--place-col",
    "date": "--date-col",
    "type": "--type-col",
}

#: Trailing words that qualify any column: its unit (``Latitude (WGS84)``).
UNIT_QUALIFIERS = frozenset({"wgs84", "deg", "degrees", "dd", "decimal", "град", "градусы"})

_SEPARATORS = re.compile(r"[\s_\-.,:/()\[\]#]+")
_TRAILING_DIGITS = re.compile(r"\d+$")


def normalize_header(name: str) -> str:
    """The comparison key of a column name: lower case, no spaces or punctuation."""
    return "".join(_SEPARATORS.split(name.strip().casefold()))


def synonyms() -> dict[str, tuple[str, ...]]:
    """Column names per role, best first: every language pack's, in registration order after
    the English (ACLED) names."""
    return _synonyms(languages.generation())


@cache
def _synonyms(generation: int) -> dict[str, tuple[str, ...]]:
    english = languages.pack_for(languages.FALLBACK)
    packs = [english, *(p for p in languages.everywhere() if p is not english)]
    found: dict[str, list[str]] = {}
    for pack in packs:
        for role, names in pack.columns.roles.items():
            found.setdefault(role, []).extend(n for n in names if n not in found.get(role, []))
    return {role: tuple(names) for role, names in found.items()}


@cache
def _role_of(generation: int) -> dict[str, tuple[str, int]]:
    return {
        normalize_header(name): (role, rank)
        for role, names in _synonyms(generation).items()
        for rank, name in enumerate(names)
    }


@cache
def _qualifiers(generation: int) -> frozenset[str]:
    """Trailing words that qualify a description or link column: its language."""
    return frozenset().union(*(p.columns.qualifiers for p in languages.everywhere()))


@dataclass(frozen=True)
class ColumnMap:
    """Which column holds each role (``None``: no such column)."""

    id: str | None = None
    lat: str | None = None
    lon: str | None = None
    place: str | None = None
    date: str | None = None
    type: str | None = None
    sub_type: str | None = None
    fatalities: str | None = None
    injuries: str | None = None
    source: str | None = None
    actor1: str | None = None
    actor2: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    geo_precision: str | None = None
    time_precision: str | None = None
    description: tuple[str, ...] = ()
    url: tuple[str, ...] = ()

    def describe(self) -> str:
        """``role=column`` pairs, for messages."""
        pairs = [(f.name, getattr(self, f.name)) for f in fields(self)]
        return ", ".join(f"{role}={value!r}" for role, value in pairs if value)


def detect_columns(
    columns: Sequence[str],
    overrides: Mapping[str, str | None] | None = None,
    *,
    path: str | Path | None = None,
    has_geometry: bool = False,
) -> ColumnMap:
    """The roles of ``columns``, found by name; ``overrides`` (role → column) win.

    Raises :class:`UsageError` when an override names no column, and
    :class:`InputError` when the file gives no way to place its rows (no coordinate
    columns, geometry or place column).
    """
    found = _by_name(columns)
    for role, column in (overrides or {}).items():
        if column is not None:
            chosen: dict[str, Any] = {role: _override(columns, role, column, path)}
            found = replace(found, **chosen)
    _check_location(found, columns, path, has_geometry)
    return found


def _by_name(columns: Sequence[str]) -> ColumnMap:
    best: dict[str, tuple[int, str]] = {}
    multi: dict[str, list[str]] = {role: [] for role in MULTI_ROLES}
    for column in columns:
        role, rank = _role(column)
        if role in MULTI_ROLES:
            multi[role].append(column)
        elif role is not None and (role not in best or rank < best[role][0]):
            best[role] = (rank, column)
    roles: dict[str, Any] = {role: column for role, (_, column) in best.items()}
    roles.update((role, tuple(found)) for role, found in multi.items())
    return ColumnMap(**roles)


def _role(column: str) -> tuple[str | None, int]:
    key = normalize_header(column)
    role_of = _role_of(languages.generation())
    if key in role_of:
        return role_of[key]
    words = [w for w in _SEPARATORS.split(column.strip().casefold()) if w]
    while words and words[-1] in UNIT_QUALIFIERS:
        words.pop()
    if "".join(words) in role_of:
        return role_of["".join(words)]
    qualifiers = _qualifiers(languages.generation())
    while words and (words[-1] in qualifiers or words[-1].isdigit()):
        words.pop()
    for stem in ("".join(words), _TRAILING_DIGITS.sub("", "".join(words))):
        role, rank = role_of.get(stem, (None, 0))
        if role in MULTI_ROLES:
            return role, rank
    return None, 0


def _override(
    columns: Sequence[str], role: str, wanted: str, path: str | Path | None
) -> str | tuple[str, ...]:
    matches = [c for c in columns if c.strip().casefold() == wanted.strip().casefold()]
    if not matches:
        option = OVERRIDE_OPTIONS.get(role, role)
        where = f"{path}: " if path is not None else ""
        raise UsageError(
            f"{where}{option} {wanted!r} names no column; the columns are: {_listing(columns)}"
        )
    return (matches[0],) if role in MULTI_ROLES else matches[0]


def _check_location(
    found: ColumnMap, columns: Sequence[str], path: str | Path | None, has_geometry: bool
) -> None:
    if (found.lat is None) != (found.lon is None):
        have, missing = ("latitude", "longitude") if found.lat else ("longitude", "latitude")
        option = "--lon-col" if found.lat else "--lat-col"
        raise InputError(
            f"found a {have} column ({found.lat or found.lon!r}) but no {missing} column; "
            f"the columns are: {_listing(columns)}; name it with {option}",
            path=path,
        )
    if found.lat is None and found.place is None and not has_geometry:
        raise InputError(
            "found no coordinate columns (latitude/longitude) and no place-name column; "
            f"the columns are: {_listing(columns)}; name them with --lat-col and --lon-col, "
            "or --place-col",
            path=path,
        )


def _listing(columns: Sequence[str]) -> str:
    return ", ".join(repr(c) for c in columns) or "(none)"


# -- coordinates ---------------------------------------------------------------------------

_DECIMAL = re.compile(r"^([+-]?\d+(?:\.\d*)?|[+-]?\.\d+)\s*°?\s*([NSEWnsew])?$")
_DMS = re.compile(
    r"""^(\d+(?:\.\d+)?)\s*[°º]\s*(?:(\d+(?:\.\d+)?)\s*['′]\s*)?"""
    r"""(?:(\d+(?:\.\d+)?)\s*(?:["″]|''|′′)\s*)?([NSEWnsew])?$"""
)


def parse_coordinate(text: str, axis: str) -> float | None:
    """A decimal-degree value from ``text`` (``None`` when empty); ``axis`` names it."""
    value = text.strip().replace("\u2212", "-")
    if not value:
        return None
    if value.count(",") == 1 and "." not in value:
        value = value.replace(",", ".")
    match = _DECIMAL.match(value)
    if match:
        return _signed(float(match.group(1)), match.group(2))
    match = _DMS.match(value)
    if match:
        degrees, minutes, seconds, hemisphere = match.groups()
        number = float(degrees) + float(minutes or 0) / 60 + float(seconds or 0) / 3600
        return _signed(number, hemisphere)
    raise ValueError(f"{axis} {text.strip()!r} is not a number (write decimal degrees: 39.87)")


def _signed(number: float, hemisphere: str | None) -> float:
    return -abs(number) if hemisphere and hemisphere.upper() in "SW" else number


# -- dates ---------------------------------------------------------------------------------

#: Month names (and abbreviations) per language, lower case → month number.
MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            "january jan januari январь января янв",
            "february feb februari февраль февраля фев",
            "march mar maret март марта мар",
            "april apr апрель апреля апр",
            "may mei май мая",
            "june jun juni июнь июня",
            "july jul juli июль июля",
            "august aug agustus agu август августа авг",
            "september sep sept сентябрь сентября сен",
            "october oct oktober okt октябрь октября окт",
            "november nov nopember ноябрь ноября ноя",
            "december dec desember des декабрь декабря дек",
        ),
        start=1,
    )
    for name in names.split()
}

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?.*)?$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_YEAR = re.compile(r"^(\d{4})$")
_NUMERIC = re.compile(r"^(\d{1,2})([./-])(\d{1,2})\2(\d{4})$")
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([^\W\d_]+)\.?,?[\s-]+(\d{4})$")
_MONTH_DAY_YEAR = re.compile(r"^([^\W\d_]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$")
_MONTH_YEAR = re.compile(r"^([^\W\d_]+)\.?\s+(\d{4})$")


def parse_date(text: str) -> tuple[str | None, str | None, str | None]:
    """``(iso date, precision, remark)``; ``(None, None, None)`` for an empty cell.

    Raises :class:`ValueError` for an impossible or unrecognised date.
    """
    value = " ".join(text.split()).casefold()
    if not value:
        return None, None, None
    if m := _ISO.match(value):
        return _day(int(m[1]), int(m[2]), int(m[3]), text), "day", None
    if m := _ISO_MONTH.match(value):
        return f"{_year(int(m[1]), text):04d}-{_month(int(m[2]), text):02d}", "month", None
    if m := _YEAR.match(value):
        return f"{_year(int(m[1]), text):04d}", "year", None
    if m := _NUMERIC.match(value):
        return _day_first(int(m[1]), int(m[3]), int(m[4]), text)
    if m := _DAY_MONTH_YEAR.match(value):
        return _day(int(m[3]), _month_name(m[2], text), int(m[1]), text), "day", None
    if m := _MONTH_DAY_YEAR.match(value):
        return _day(int(m[3]), _month_name(m[1], text), int(m[2]), text), "day", None
    if m := _MONTH_YEAR.match(value):
        return f"{_year(int(m[2]), text):04d}-{_month_name(m[1], text):02d}", "month", None
    raise ValueError(
        f"date {text.strip()!r} is not a date mapper reads (write 2022-09-16 or 16/09/2022)"
    )


def _day_first(first: int, second: int, year: int, text: str) -> tuple[str, str, str | None]:
    _year(year, text)
    if second > 12 and 1 <= first <= 12 and _valid(year, first, second):
        remark = f"date {text.strip()!r} read as month/day/year ({second} cannot be a month)"
        return date(year, first, second).isoformat(), "day", remark
    return _day(year, second, first, text), "day", None


def _valid(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def _day(year: int, month: int, day: int, text: str) -> str:
    _year(year, text)
    _month(month, text)
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise ValueError(
            f"date {text.strip()!r} is impossible: {calendar.month_name[month]} {year} "
            f"has {last} days"
        )
    return date(year, month, day).isoformat()


def _year(year: int, text: str) -> int:
    if not date.min.year <= year <= date.max.year:
        raise ValueError(f"date {text.strip()!r} is impossible: there is no year {year}")
    return year


def _month(month: int, text: str) -> int:
    if not 1 <= month <= 12:
        raise ValueError(f"date {text.strip()!r} is impossible: there is no month {month}")
    return month


def _month_name(name: str, text: str) -> int:
    if name not in MONTHS:
        raise ValueError(f"date {text.strip()!r} names no month mapper knows ({name!r})")
    return MONTHS[name]


# -- counts --------------------------------------------------------------------------------

#: Cells that mean "not known".
UNKNOWN = frozenset(
    {"-", "—", "–", "?", "n/a", "na", "nan", "none", "null", "unknown", "unk", "not known"}
    | {"неизвестно", "нет данных", "tidak diketahui"}
)
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
#: No event has more casualties; a larger figure is a mistake (and would not fit the output).
MAX_COUNT = 1_000_000_000


def parse_count(text: str, what: str) -> int | None:
    """A count of people from ``text``; ``None`` when empty or unknown.

    Accepts words around one number (``at least 3``, ``3+``, ``не менее 3``).
    """
    value = " ".join(text.split()).casefold()
    if not value or value in UNKNOWN:
        return None
    numbers = _NUMBER.findall(value)
    if value.startswith("-") and numbers:
        raise ValueError(f"{what} {text.strip()!r} is negative; left empty")
    whole, _, fraction = numbers[0].partition(".") if len(numbers) == 1 else ("", "", "1")
    if fraction.strip("0"):
        raise ValueError(f"{what} {text.strip()!r} is not a whole number; left empty")
    if int(whole) > MAX_COUNT:
        raise ValueError(f"{what} {text.strip()!r} is too large to be a count; left empty")
    return int(whole)


# -- event types ---------------------------------------------------------------------------

#: ACLED's sub-event types and the event type each belongs to.
SUB_EVENTS: dict[str, str] = {
    sub.name: sub.event_type for sub in event_types.SUB_TYPES if sub.acled
}

#: The sub-event types an event-type cell may name by a word (the packs' ``type_words``),
#: tried in this order, first match wins: specific words come before general ones.
TYPE_WORD_ORDER: tuple[str, ...] = (
    "Air/drone strike",
    "Shelling/artillery/missile attack",
    "Grenade",
    "Remote explosive/landmine/IED",
    "Armed clash",
    "Violent demonstration",
    "Mob violence",
    "Peaceful protest",
    "Abduction/forced disappearance",
    "Attack",
    "Looting/property destruction",
    "Arrests",
    "Agreement",
    "Change to group/activity",
)

_BY_NAME = {name.casefold(): name for name in EVENT_TYPES}
_SUB_BY_NAME = {name.casefold(): name for name in SUB_EVENTS}


@cache
def _type_word_patterns(generation: int) -> tuple[tuple[re.Pattern[str], str], ...]:
    patterns = []
    for sub in TYPE_WORD_ORDER:
        words = [
            p.columns.type_words[sub] for p in languages.everywhere() if sub in p.columns.type_words
        ]
        if words:
            patterns.append((re.compile(rf"(?<!\w)(?:{'|'.join(words)})", re.IGNORECASE), sub))
    return tuple(patterns)


def event_type(text: str, sub_text: str = "") -> tuple[str, str, str | None]:
    """``(event type, sub-event type, remark)`` for the type (and sub-type) cells.

    The rule, first match wins:

    1. one of ACLED's six event types, in any letter case, is kept as is (the sub-event
       cell, when given, is kept too);
    2. one of ACLED's sub-event types (``Armed clash``) gives its event type;
    3. a word the language packs list for a sub-event type (``type_words``, tried in the
       order of :data:`TYPE_WORD_ORDER`) at the start of a word in the cell (``clash``,
       ``shelling``, ``protest``, ``riot``, ``обстрел``, ``bentrok`` ...) gives that
       sub-event type and its event type;
    4. anything else, or an empty cell, is ``Strategic developments`` / ``Other``, with a
       remark that says so.
    """
    value = " ".join(text.split())
    sub_value = " ".join(sub_text.split())
    sub_known = _SUB_BY_NAME.get(sub_value.casefold())
    if value.casefold() in _BY_NAME:
        return _BY_NAME[value.casefold()], sub_known or sub_value, None
    for candidate in (value, sub_value):
        known = _SUB_BY_NAME.get(candidate.casefold())
        if known:
            return SUB_EVENTS[known], known, None
    for pattern, sub in _type_word_patterns(languages.generation()):
        if value and pattern.search(value):
            return SUB_EVENTS[sub], sub_known or sub, None
    if not value:
        return (
            event_types.STRATEGIC,
            "Other",
            "no event type given; recorded as Strategic developments",
        )
    return (
        event_types.STRATEGIC,
        "Other",
        f"event type {value!r} is not one of ACLED's and matches none of the known words; "
        "recorded as Strategic developments / Other",
    )


# -- links ---------------------------------------------------------------------------------

_LINK_SPLIT = re.compile(r"[\s;|]+")


def split_links(text: str) -> list[str]:
    """The links in a cell: one or several, separated by spaces, ``;`` or ``|``."""
    return [part for part in _LINK_SPLIT.split(text.strip()) if part]


def looks_like_link(text: str) -> bool:
    """Whether ``text`` starts like a web address."""
    value = text.strip().casefold()
    return value.startswith(("http://", "https://", "www."))
