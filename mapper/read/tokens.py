"""Word tokens with their offsets, and the token stream the name matcher scans.

A token is a run of letters, digits and their combining marks. Two tokens belong to one
name only when what lies between them is a short joiner (a space, a hyphen, an apostrophe);
any other gap — a comma, a full stop, a line break — becomes a hard break that no name can
cross.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from gazetteer.normalize import WORD

__all__ = ["BREAK", "Token", "is_joiner", "tokenize"]

_JOINER = re.compile(r"[ \u00a0\-\u2010\u2011'’ʼʻ`]{1,3}")
BREAK = "#"


class Token(NamedTuple):
    """A word and its place in the text (a named tuple: a text has many)."""

    start: int
    end: int
    text: str


def tokenize(text: str) -> list[Token]:
    """All word tokens of ``text``, in order."""
    return [Token(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]


def is_joiner(gap: str) -> bool:
    """True when ``gap`` (the text between two tokens) may join the parts of one name."""
    return gap == " " or bool(_JOINER.fullmatch(gap))
