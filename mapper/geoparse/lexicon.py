"""The word lists a careful reader uses to tell place names from other words.

They live in the language packs (:class:`mapper.languages.pack.PlaceNameWords`); this
module combines them: :func:`combined` the lists that hold in text of every language,
:func:`common_words` and :func:`prefix_designators` those of one document's language.
Keys are lower case.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from mapper import languages

__all__ = ["ZIPF_FLOOR", "Lexicon", "combined", "common_words", "is_frequent", "prefix_designators"]

#: wordfreq's "small" word lists hold every word of its "large" lists above this figure on
#: the Zipf scale, with the same figure (``tests/test_lexicon.py`` checks it), and nothing
#: below it. Thresholds above it are answered alike by both; the small lists load in 10-20
#: ms, the large ones in 0.15-0.5 s per language.
ZIPF_FLOOR = 3.0


@dataclass(frozen=True)
class Lexicon:
    """Place-name word lists of every pack together (see ``PlaceNameWords`` for each)."""

    demonyms: frozenset[str]
    non_place_names: frozenset[str]
    acronyms: frozenset[str]
    organisation_before: frozenset[str]
    organisation_after: frozenset[str]
    surname_endings: tuple[str, ...]
    place_abbreviations: frozenset[str]
    name_particles: frozenset[str]
    suffix_designators: Mapping[str, frozenset[str]]
    unknown_name_designators: frozenset[str]
    containment_words: frozenset[str]


def combined() -> Lexicon:
    """The lists of every registered pack and the international ones."""
    return _combined(languages.generation())


def common_words(language: str) -> frozenset[str]:
    """Words that are not places in a document in ``language`` (and in every language)."""
    return _common_words(language, languages.generation())


def is_frequent(word: str, code: str, threshold: float) -> bool:
    """Whether ``word`` is at least ``threshold`` (above :data:`ZIPF_FLOOR`) on the Zipf
    scale in wordfreq's list of the language ``code``."""
    if threshold <= ZIPF_FLOOR:
        raise ValueError(f"thresholds must lie above {ZIPF_FLOOR}, got {threshold}")
    return zipf(word, code) >= threshold


#: Words wordfreq reads as themselves (one token, nothing to normalise): these are looked
#: up in its list directly, without importing wordfreq (a quarter of a second).
_PLAIN_WORD = re.compile(r"[a-z]+|[а-я]+")


def zipf(word: str, code: str) -> float:
    """``wordfreq.zipf_frequency(word, code, wordlist="small")``."""
    table = _small_list(code) if _PLAIN_WORD.fullmatch(word) else None
    if table is None:
        from wordfreq import zipf_frequency

        return zipf_frequency(word, code, wordlist="small")
    index = table.get(word)
    return 0.0 if index is None else _bucket_zipf(index)


@cache
def _small_list(code: str) -> dict[str, int] | None:
    """Word → bucket (centibels below 1) of wordfreq's small list for ``code``, read from
    its data file; ``None`` when there is none or its format is not the one known."""
    import gzip
    from importlib.util import find_spec
    from pathlib import Path

    import msgpack

    spec = find_spec("wordfreq")
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / "data" / f"small_{code}.msgpack.gz"
    try:
        with gzip.open(path, "rb") as file:
            data = msgpack.load(file, raw=False)
    except (OSError, ValueError):
        return None
    if not data or data[0] != {"format": "cB", "version": 1}:
        return None
    return {word: index for index, bucket in enumerate(data[1:]) for word in bucket}


@cache
def _bucket_zipf(index: int) -> float:
    """The Zipf figure wordfreq gives a word of bucket ``index`` (its arithmetic)."""
    frequency = 10 ** (-index / 100)
    frequency = round(frequency, math.floor(-math.log(frequency, 10)) + 3)
    return round(math.log(frequency, 10) + 9, 2)


def prefix_designators(language: str) -> Mapping[str, frozenset[str]]:
    """Words before a name that say what kind of place it is, in ``language``."""
    return languages.pack_for(language).place_names.prefix_designators


@cache
def _combined(generation: int) -> Lexicon:
    words = [pack.place_names for pack in languages.everywhere()]
    suffixes: dict[str, frozenset[str]] = {}
    for part in words:
        suffixes.update(part.suffix_designators)
    return Lexicon(
        demonyms=frozenset().union(*(w.demonyms for w in words)),
        non_place_names=frozenset().union(*(w.non_place_names for w in words)),
        acronyms=frozenset().union(*(w.acronyms for w in words)),
        organisation_before=frozenset().union(*(w.organisation_before for w in words)),
        organisation_after=frozenset().union(*(w.organisation_after for w in words)),
        surname_endings=tuple(sorted({e for w in words for e in w.surname_endings})),
        place_abbreviations=frozenset().union(*(w.place_abbreviations for w in words)),
        name_particles=frozenset().union(*(w.name_particles for w in words)),
        suffix_designators=suffixes,
        unknown_name_designators=frozenset().union(*(w.unknown_name_designators for w in words)),
        containment_words=frozenset().union(*(w.containment_words for w in words)),
    )


@cache
def _common_words(language: str, generation: int) -> frozenset[str]:
    own = languages.pack_for(language).place_names.common_words
    return own | languages.INTERNATIONAL.place_names.common_words
