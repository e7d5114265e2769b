"""Russian morphology: dictionary forms of inflected words (в Бишкеке → бишкек).

Uses pymorphy3 with its Russian dictionaries from the package registry. Names and texts
meet in lemma space: a Russian name's words are also indexed by their lemma
(``Баткенская область`` → ``баткенский область``), and a text's words are read by the
lemmas of their likely parses (``Баткенской области`` → ``баткенский область``). Proper
names the dictionary lacks get several guessed parses (``Таше`` → таша or таш), so
:func:`lemmas` returns the lemma of each likely parse, best first.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

__all__ = ["MAX_LEMMAS", "is_cyrillic", "is_surname", "lemma", "lemmas", "readings"]

MAX_LEMMAS = 3
MIN_PARSE_SCORE = 0.01


def is_cyrillic(word: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in word)


@lru_cache(maxsize=1)
def _analyzer() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=300_000)
def lemmas(word: str) -> tuple[str, ...]:
    """Lemmas of the likely parses of a Russian word, best first, without repeats."""
    found: list[str] = []
    for parse in _parses(word)[: MAX_LEMMAS + 2]:
        if parse.score >= MIN_PARSE_SCORE and parse.normal_form not in found:
            found.append(parse.normal_form)
    return tuple(found[:MAX_LEMMAS]) or (word.lower(),)


@lru_cache(maxsize=50_000)
def readings(word: str) -> tuple[str, ...]:
    """The lemma of every parse of ``word``, in the analyser's order (repeats kept)."""
    return tuple(parse.normal_form for parse in _parses(word))


def lemma(word: str) -> str:
    """The lemma of the best parse."""
    return lemmas(word)[0]


@lru_cache(maxsize=50_000)
def is_surname(word: str) -> bool:
    """True when the analyser's best reading of ``word`` is a surname (``Назарбаеву``)."""
    parses = _parses(word)
    return bool(parses) and "Surn" in parses[0].tag


def _parses(word: str) -> list[Any]:
    """The analyser's parses of ``word``; none for a word it cannot read (pymorphy3 fails
    on letters without a Unicode name, such as Tangut)."""
    try:
        return list(_analyzer().parse(word))
    except ValueError:
        return []
