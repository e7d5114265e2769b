"""Russian morphology: nominative forms of an inflected word (в Бишкеке → Бишкек).

Uses pymorphy3 with its Russian dictionaries from the package registry. Proper names the
dictionary lacks get several guessed parses (``Таше`` → таша or таш), so :func:`forms`
returns the surface word and the nominative of each likely parse, best first. Forms keep
the word's gender and number, so ``Баткенской области`` gives ``Баткенская область`` — the
form gazetteers record — rather than the masculine dictionary lemma.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

__all__ = ["MAX_FORMS", "forms", "is_cyrillic"]

MAX_FORMS = 4
MIN_PARSE_SCORE = 0.01


def is_cyrillic(word: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in word)


@lru_cache(maxsize=1)
def _analyzer() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=200_000)
def forms(word: str) -> tuple[str, ...]:
    """The word (lower case) and its likely nominative forms, best first, without repeats."""
    found = [word.lower()]
    for parse in _analyzer().parse(word)[:MAX_FORMS]:
        if parse.score < MIN_PARSE_SCORE:
            continue
        inflected = parse.word if "nomn" in parse.tag else _nominative(parse)
        for candidate in (inflected, parse.normal_form):
            if candidate and candidate not in found:
                found.append(candidate)
    return tuple(found[:MAX_FORMS])


def _nominative(parse: Any) -> str | None:
    inflected = parse.inflect({"nomn"})
    return inflected.word if inflected is not None else None
