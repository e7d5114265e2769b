"""Cheap necessary conditions for regular expressions: words every match must contain.

A sentence is searched with many patterns (a date rule, a cue table), and most match
nothing. :func:`literals` reads a pattern (with Python's own parser) for literal strings one
of which every match contains, compared case-insensitively; :func:`may_match` checks for
them with substring tests, which cost a fraction of a regular-expression scan, and says
``False`` only when the pattern cannot match. The comparison folds case as the ``re``
module does: :meth:`str.casefold`, and the few letters ``re`` also treats as equal
(dotless ı and i, ſ and s, and the like). A pattern whose parse is not understood, or
whose literals are too short to help, has no condition (``None``): it is always searched.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

__all__ = ["fold", "literals", "may_match"]

#: Literals shorter than this (after folding) do not filter enough to be worth testing.
MIN_LITERAL = 2


@lru_cache(maxsize=64)
def fold(text: str) -> str:
    """``text`` with case folded as ``re`` compares letters under IGNORECASE (the last few
    texts are remembered: a sentence is checked against several tables)."""
    return text.casefold().translate(_extra_cases())


def may_match(pattern: re.Pattern[str], folded: str) -> bool:
    """``False`` only when ``pattern`` cannot match the text that :func:`fold` made
    ``folded``."""
    found = literals(pattern)
    return found is None or any(literal in folded for literal in found)


@lru_cache(maxsize=1024)
def literals(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Folded strings one of which every match of ``pattern`` contains, or ``None``."""
    try:
        from re import _parser as parser  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - Python 3.10 names it sre_parse
        import sre_parse as parser

    try:
        tree = parser.parse(pattern.pattern, pattern.flags)
        found = _required(list(tree), parser)
    except Exception:  # an unknown parse: no condition, always search
        return None
    if not found or min(len(literal) for literal in found) < MIN_LITERAL:
        return None
    return tuple(sorted(found))


def _required(items: list[Any], parser: Any) -> set[str] | None:
    """The best set of literals one of which a match of the sequence ``items`` contains."""
    constants = parser
    choices: list[set[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is constants.LITERAL:
            run.append(chr(av))
            continue
        if run:
            choices.append({fold("".join(run))})
            run = []
        found: set[str] | None = None
        if op is constants.SUBPATTERN:
            found = _required(list(av[-1]), parser)
        elif op is constants.BRANCH:
            alternatives = [_required(list(branch), parser) for branch in av[1]]
            if all(alternatives):
                found = set().union(*alternatives)  # type: ignore[arg-type]
        elif op in (constants.MAX_REPEAT, constants.MIN_REPEAT) and av[0] >= 1:
            found = _required(list(av[2]), parser)
        if found:
            choices.append(found)
    if run:
        choices.append({fold("".join(run))})
    if not choices:
        return None
    return max(choices, key=lambda c: (min(len(s) for s in c), -len(c)))


@cache
def _extra_cases() -> dict[int, int]:
    """Letters ``re`` treats as equal under IGNORECASE beyond case folding, each mapped to
    one of its group (``ı`` and ``i``, ``ſ`` and ``s``, ``ᲀ`` and ``в``...)."""
    try:
        from re._casefix import _EXTRA_CASES  # type: ignore[import-not-found,unused-ignore]
    except ImportError:  # pragma: no cover - the table is private to the re module
        return {}
    table: dict[int, int] = {}
    for code, others in _EXTRA_CASES.items():
        group = {code, *others}
        folded = {ord(c) for g in group for c in chr(g).casefold() if len(chr(g).casefold()) == 1}
        target = min(group | folded)
        for member in group | folded:
            table[member] = target
    return table
