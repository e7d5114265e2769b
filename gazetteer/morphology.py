"""Russian dictionary forms of words, so that names and texts meet in lemma space.

A Russian name is indexed under its words' lemmas as well as under its words
(``Баткенская область`` → ``баткенский область``, :mod:`gazetteer.names`), and a text's
words are read by the lemmas of their likely parses (``Баткенской области`` → ``баткенский
область``; mapper's Russian language pack reads texts with :func:`lemmas`). Both sides use
this one function, so they agree. Proper names the dictionary lacks get several guessed
parses (``Таше`` → таша or таш), so :func:`lemmas` returns the lemma of each likely parse,
best first; a name is indexed under the best one.

Why it lives in the gazetteer: the name index is built with the gazetteer (``python -m
gazetteer.build``, which imports nothing from mapper), so the build needs the lemmatiser;
keeping the one function here, rather than passing mapper's into the build through a hook,
means the index and the texts cannot be folded by two copies that drift apart, and the
gazetteer builds its own data alone. mapper's Russian language pack reads texts with it.

Uses pymorphy3 with its Russian dictionaries from the package registry (loaded on first use).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

__all__ = ["MAX_LEMMAS", "MIN_PARSE_SCORE", "analyzer", "is_cyrillic", "lemmas", "parses"]

MAX_LEMMAS = 3
MIN_PARSE_SCORE = 0.01


def is_cyrillic(word: str) -> bool:
    """Whether ``word`` has a Cyrillic letter (the words :func:`lemmas` reads)."""
    return any("\u0400" <= ch <= "\u04ff" for ch in word)


@lru_cache(maxsize=1)
def analyzer() -> Any:
    """The pymorphy3 analyser with its Russian dictionaries (loaded once)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=300_000)
def lemmas(word: str) -> tuple[str, ...]:
    """Lemmas of the likely parses of a Russian word, best first, without repeats."""
    found: list[str] = []
    for parse in parses(word)[: MAX_LEMMAS + 2]:
        if parse.score >= MIN_PARSE_SCORE and parse.normal_form not in found:
            found.append(parse.normal_form)
    return tuple(found[:MAX_LEMMAS]) or (word.lower(),)


@lru_cache(maxsize=20_000)
def parses(word: str) -> tuple[Any, ...]:
    """The analyser's parses of ``word`` (read once for the words of a document, shared by
    :func:`lemmas` and mapper's readings and surname test); none for a word it cannot read
    (pymorphy3 fails on letters without a Unicode name, such as Tangut)."""
    try:
        return tuple(analyzer().parse(word))
    except ValueError:
        return ()
