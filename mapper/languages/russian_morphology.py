"""Russian morphology: dictionary forms of inflected words (в Бишкеке → бишкек).

Uses pymorphy3 with its Russian dictionaries from the package registry. Names and texts
meet in lemma space: a Russian name's words are also indexed by their lemma
(``Баткенская область`` → ``баткенский область``), and a text's words are read by the
lemmas of their likely parses (``Баткенской области`` → ``баткенский область``). Proper
names the dictionary lacks get several guessed parses (``Таше`` → таша or таш), so
:func:`lemmas` returns the lemma of each likely parse, best first.

:func:`lemmas` is :func:`gazetteer.morphology.lemmas`, the function the gazetteer's name
index is built with, so that a text's words and the indexed names are folded alike.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from gazetteer.morphology import MAX_LEMMAS, is_cyrillic, lemmas
from gazetteer.morphology import parses as _parses

__all__ = ["MAX_LEMMAS", "is_cyrillic", "is_surname", "lemma", "lemmas", "readings"]


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
    parses: tuple[Any, ...] = _parses(word)
    return bool(parses) and "Surn" in parses[0].tag
