"""Sentences: article text cut into sentences, with character offsets.

:func:`split_sentences` returns :class:`Sentence` values whose ``text`` is
``document_text[start:end]``. The rules are small and deterministic:

* a line break ends a sentence, and each line is a paragraph (news text puts one
  paragraph on a line; blank lines only separate them);
* ``.``, ``!``, ``?`` or ``…`` (with any closing quotes or brackets after it)
  followed by a space ends a sentence when the next character opens one: a
  capital letter, a digit, a quote, a bracket or a dash;
* a full stop followed by a lowercase word ends a sentence too when it closes a
  lowercase word of four letters or more ("… selama krisis. di Kazakstan.");
* a full stop after a known abbreviation (the language pack's, and English ones),
  a single-letter initial or a dotted short form ("U.S.", "т.е.") does not;
* a question or exclamation mark inside a quotation followed by a lowercase
  attribution ("…?" kata dia) does not;
* a run longer than :data:`MAX_SENTENCE` characters with no sentence end (a table,
  a dump, a page with its line breaks lost) is cut at the last space that keeps it
  within that length; a word longer than that (encoded data, a hash) is no sentence
  and is left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mapper import languages

__all__ = ["MAX_SENTENCE", "Sentence", "split_sentences"]

#: The longest sentence, in characters; news sentences stay far below it.
MAX_SENTENCE = 2000


_BOUNDARY = re.compile(r"(?:\.{3}|…|[.!?])+[\"'”’»)\]]*(?=\s)")
_NON_SPACE = re.compile(r"\S")
_SPACE = re.compile(r"\s")
_OPENS_SENTENCE = re.compile(r"[^\W\d_]|\d|[\"'“‘«(\[—–-]")
_CLOSING_QUOTES = "\"'”’»)]"


@dataclass(frozen=True)
class Sentence:
    """One sentence: offsets into the text, its text, and the paragraph (line) it is in."""

    start: int
    end: int
    text: str
    paragraph: int


def split_sentences(text: str, language: str = "und") -> list[Sentence]:
    """The sentences of ``text`` in order; ``language`` picks the abbreviation list."""
    abbreviations = (
        languages.pack_for(language).abbreviations
        | languages.pack_for(languages.FALLBACK).abbreviations
    )
    sentences: list[Sentence] = []
    position = 0
    for paragraph, line in enumerate(text.split("\n")):
        for start, end in _line_spans(line, abbreviations):
            begin, finish = position + start, position + end
            sentences.append(Sentence(begin, finish, text[begin:finish], paragraph))
        position += len(line) + 1
    return sentences


def _line_spans(line: str, abbreviations: frozenset[str]) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for match in _BOUNDARY.finditer(line):
        if _ends_sentence(line, match, abbreviations):
            spans.append((start, match.end()))
            start = match.end()
    spans.append((start, len(line)))
    return [
        trimmed
        for span in spans
        for piece in _cut(line, *span)
        if (trimmed := _trim(line, *piece)) is not None
    ]


def _cut(line: str, start: int, end: int) -> list[tuple[int, int]]:
    """``line[start:end]`` in pieces of at most :data:`MAX_SENTENCE` characters, cut at
    spaces; a word longer than that is left out."""
    pieces = []
    while (first := _NON_SPACE.search(line, start, end)) is not None:
        start = first.start()
        if end - start <= MAX_SENTENCE:
            pieces.append((start, end))
            break
        cut = start + MAX_SENTENCE
        while cut > start and not line[cut].isspace():
            cut -= 1
        if cut > start:
            pieces.append((start, cut))
            start = cut
        else:
            space = _SPACE.search(line, start, end)
            start = space.start() if space else end
    return pieces


def _trim(line: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _ends_sentence(line: str, match: re.Match[str], abbreviations: frozenset[str]) -> bool:
    following = _NON_SPACE.search(line, match.end())
    if following is None:
        return True
    first = following.group()
    mark = match.group().rstrip(_CLOSING_QUOTES)
    token = _token_before(line, match.start())
    if mark == "." and _is_abbreviation(token, abbreviations):
        return False
    if _OPENS_SENTENCE.match(first) and not first.islower():
        return True
    if match.group()[-1] in _CLOSING_QUOTES or mark != ".":
        return False
    return token.isalpha() and token.islower() and len(token) >= 4


def _token_before(line: str, index: int) -> str:
    """The run of non-space characters that ends at ``index``, opening quotes stripped.

    Scans back from ``index`` only, so splitting a long line stays linear in its length.
    """
    start = index
    while start > 0 and not line[start - 1].isspace():
        start -= 1
    return line[start:index].lstrip("\"'“‘«([")


def _is_abbreviation(token: str, abbreviations: frozenset[str]) -> bool:
    lowered = token.lower()
    if lowered in abbreviations:
        return True
    if len(token) == 1 and token.isalpha() and token.isupper():
        return True
    return "." in token and len(token) <= 5 and token.replace(".", "").isalpha()
