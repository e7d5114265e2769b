"""Parse a place query: validate it and read the designator words that name a feature kind.

``Batken Region``, ``wilayah Batken`` and ``Баткенская область`` ask for a first-level
region; ``distrik Batken`` and ``Batken District`` for a district; ``desa Ak-Sai`` for a
settlement; ``Kosmodrom Baikonur`` for a landmark. The designator is removed from the
name and turned into a kind filter. Designators are listed per language as data.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from gazetteer.errors import QueryError
from gazetteer.normalize import MAX_NAME_LENGTH, form

__all__ = ["DESIGNATORS", "ParsedQuery", "check_country", "parse_query", "validate_name"]

#: (word, position, kinds) — position "prefix" or "suffix" relative to the name.
DESIGNATORS: tuple[tuple[str, str, frozenset[str]], ...] = tuple(
    (word, position, frozenset(kinds.split()))
    for word, position, kinds in (
        # first-level regions
        ("region", "suffix", "admin1"), ("oblast", "suffix", "admin1"),
        ("oblasty", "suffix", "admin1"), ("oblysy", "suffix", "admin1"),
        ("province", "suffix", "admin1"), ("viloyati", "suffix", "admin1"),
        ("state", "suffix", "admin1"), ("область", "suffix", "admin1"),
        ("облусу", "suffix", "admin1"), ("wilayah", "prefix", "admin1 admin2"),
        ("provinsi", "prefix", "admin1"), ("province of", "prefix", "admin1"),
        # districts
        ("district", "suffix", "admin2"), ("raion", "suffix", "admin2"),
        ("rayon", "suffix", "admin2"), ("tumani", "suffix", "admin2"),
        ("район", "suffix", "admin2"), ("району", "suffix", "admin2"),
        ("distrik", "prefix", "admin2"), ("kabupaten", "prefix", "admin2"),
        ("nohiyai", "prefix", "admin2"),
        # settlements
        ("desa", "prefix", "populated_place"), ("kota", "prefix", "populated_place"),
        ("kampung", "prefix", "populated_place"), ("village", "suffix", "populated_place"),
        ("village of", "prefix", "populated_place"), ("town of", "prefix", "populated_place"),
        ("city of", "prefix", "populated_place"), ("село", "prefix", "populated_place"),
        ("город", "prefix", "populated_place"), ("посёлок", "prefix", "populated_place"),
        ("поселок", "prefix", "populated_place"),
        # landmarks
        ("kosmodrom", "prefix", "landmark"), ("cosmodrome", "suffix", "landmark"),
        ("космодром", "prefix", "landmark"), ("bandara", "prefix", "landmark"),
        ("airport", "suffix", "landmark"), ("аэропорт", "prefix", "landmark"),
    )
)  # fmt: skip


@dataclass(frozen=True)
class ParsedQuery:
    """The name as given, the name without its designator, and the kinds it asks for."""

    text: str
    core: str
    kinds: frozenset[str] | None


def validate_name(name: str) -> str:
    """The name stripped of surrounding space; raises :class:`QueryError` when unusable."""
    if not isinstance(name, str):
        raise QueryError(f"name must be a place name as text (str), not {type(name).__name__}")
    stripped = name.strip()
    if not stripped:
        raise QueryError("name is empty; give a place name such as 'Batken'")
    if len(stripped) > MAX_NAME_LENGTH:
        raise QueryError(
            f"name is {len(stripped)} characters long; place names are at most "
            f"{MAX_NAME_LENGTH} (pass one place name, not a text: find the place names in a "
            "text first, then look each one up)"
        )
    bad = [c for c in stripped if unicodedata.category(c) in ("Cc", "Cf", "Co", "Cs")]
    if bad:
        raise QueryError(
            f"name contains control characters ({', '.join(repr(c) for c in bad[:3])}); remove them"
        )
    if not form(stripped):
        raise QueryError(
            f"name {stripped!r} has no letters or digits; give a place name such as 'Batken'"
        )
    return stripped


def check_country(country: str | None) -> str | None:
    """An ISO 3166-1 alpha-2 code in upper case; raises :class:`QueryError` otherwise."""
    if country is None:
        return None
    code = country.strip().upper()
    if len(code) != 2 or not code.isalpha():
        raise QueryError(f"country takes an ISO 3166-1 alpha-2 code such as 'KG', got {country!r}")
    return code


def parse_query(name: str) -> ParsedQuery:
    """Validate ``name`` and split off a designator word, if any."""
    text = validate_name(name)
    for word, position, kinds in DESIGNATORS:
        core = _strip(text, word, position)
        if core is not None and form(core):
            return ParsedQuery(text=text, core=core, kinds=kinds)
    return ParsedQuery(text=text, core=text, kinds=None)


def _strip(text: str, word: str, position: str) -> str | None:
    escaped = re.escape(word)
    if position == "prefix":
        match = re.match(rf"^{escaped}\s+(.+)$", text, flags=re.IGNORECASE)
    else:
        match = re.match(rf"^(.+?)\s+{escaped}$", text, flags=re.IGNORECASE)
    return match.group(1).strip() if match else None
