"""Name keys that survive real spelling.

Two keys are computed for every name, in the gazetteer build and for every query:

``form``
    The name as letters and digits only: Unicode-normalised, transliterated to ASCII
    (Cyrillic, diacritics, Turkic letters) by :mod:`anyascii`, lower-cased, with spaces,
    hyphens, apostrophes and dots removed. ``Ak-Sai``, ``Ak Sai``, ``AKSAI`` and
    ``Ак-Сай`` become ``aksai``/``aksay``.
``skeleton``
    The form with the transliteration choices that differ between Russian, Kyrgyz,
    Tajik, Uzbek, German and English romanisations folded together (Zh/J/Dzh, Kh/H/X,
    Y/I, Q/K, Gh/G, W/V, doubled letters). It is the lookup key: ``Zhany-Bak`` and
    ``Jany-Bak``, ``Kyzyl`` and ``Qizil`` share one skeleton. Ranking then prefers
    candidates whose ``form`` also matches.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import regex
from anyascii import anyascii

__all__ = ["MAX_NAME_LENGTH", "WORD", "form", "is_indexable_script", "name_tokens", "skeleton"]

#: Longest name a lookup accepts; real place names are far shorter.
MAX_NAME_LENGTH = 200

_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_DOUBLED = re.compile(r"(.)\1+")
# Order matters: longer clusters first.
_FOLDS = (
    ("dzh", "j"),
    ("dj", "j"),
    ("zh", "j"),
    ("kh", "h"),
    ("gh", "g"),
    ("x", "h"),
    ("q", "k"),
    ("w", "v"),
    ("y", "i"),
)
# Latin (with extensions), Cyrillic, and the punctuation names use.
_INDEXABLE = re.compile(r"^[\s\-'’ʻʼ`.,()0-9A-Za-z\u00C0-\u024F\u1E00-\u1EFF\u0400-\u052F]+$")


#: A word: letters, digits and the combining marks they carry (decomposed accents). The
#: ``regex`` package is used for its Unicode property classes, which ``re`` lacks.
WORD = regex.compile(r"[\p{L}\p{N}\p{M}]+")


@lru_cache(maxsize=500_000)
def form(name: str) -> str:
    """Letters and digits of ``name``, transliterated to lower-case ASCII.

    Only the name's words are transliterated: anyascii would spell symbols out
    (``〰`` → ``wavydash``), which are not part of a name.
    """
    words = " ".join(WORD.findall(unicodedata.normalize("NFKC", name)))
    return _NOT_ALNUM.sub("", anyascii(words).lower())


@lru_cache(maxsize=500_000)
def skeleton(name: str) -> str:
    """The lookup key: :func:`form` with romanisation variants folded together."""
    key = form(name)
    while True:
        folded = _fold(key)
        if folded == key:
            return key
        key = folded


def _fold(key: str) -> str:
    """One pass of the folds; repeated until nothing changes (``qh`` → ``kh`` → ``h``)."""
    for old, new in _FOLDS:
        key = key.replace(old, new)
    return _DOUBLED.sub(r"\1", key)


def name_tokens(name: str) -> tuple[str, ...]:
    """The skeletons of a name's words (``Ak-Sai`` → ``("ak", "sai")``): how texts spell it."""
    return tuple(key for key in (skeleton(w) for w in WORD.findall(name)) if key)


def is_indexable_script(name: str) -> bool:
    """True for names written in Latin or Cyrillic script (the scripts indexed)."""
    return bool(_INDEXABLE.match(name))
