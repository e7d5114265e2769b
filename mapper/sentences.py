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
* a full stop after a known abbreviation (:data:`ABBREVIATIONS`, per language),
  a single-letter initial or a dotted short form ("U.S.", "т.е.") does not;
* a question or exclamation mark inside a quotation followed by a lowercase
  attribution ("…?" kata dia) does not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["ABBREVIATIONS", "Sentence", "split_sentences"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Words that take a full stop without ending a sentence, lowercased, per language.
ABBREVIATIONS: dict[str, frozenset[str]] = {
    "id": _words(
        """dll dsb dst tsb yth no hlm tgl jl kab kec prov sdr bpk dr drs ir prof h hj st km
        mis a.n u.p s.d kol letjen mayjen brigjen jend pol"""
    ),
    "en": _words(
        """mr mrs ms dr prof gen col lt sgt capt maj cpl st no vs etc e.g i.e approx jan feb
        mar apr jun jul aug sep sept oct nov dec gov sen rep inc ltd co corp jr sr u.s u.k
        u.n a.m p.m km mt ft"""
    ),
    "ru": _words(
        """г гг т.е т.к т.д т.п ул им ген см др млн млрд тыс руб просп обл р-н с пос д стр
        англ рус т н.э км чел ст проф акад"""
    ),
}

_BOUNDARY = re.compile(r"(?:\.{3}|…|[.!?])+[\"'”’»)\]]*(?=\s)")
_LAST_TOKEN = re.compile(r"(\S+)$")
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
    abbreviations = ABBREVIATIONS.get(language, frozenset()) | ABBREVIATIONS["en"]
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
    return [trimmed for span in spans if (trimmed := _trim(line, *span)) is not None]


def _trim(line: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _ends_sentence(line: str, match: re.Match[str], abbreviations: frozenset[str]) -> bool:
    rest = line[match.end() :].lstrip()
    if not rest:
        return True
    mark = match.group().rstrip(_CLOSING_QUOTES)
    token = _token_before(line, match.start())
    if mark == "." and _is_abbreviation(token, abbreviations):
        return False
    if _OPENS_SENTENCE.match(rest[0]) and not rest[0].islower():
        return True
    if match.group()[-1] in _CLOSING_QUOTES or mark != ".":
        return False
    return token.isalpha() and token.islower() and len(token) >= 4


def _token_before(line: str, index: int) -> str:
    found = _LAST_TOKEN.search(line[:index])
    return found.group(1).lstrip("\"'“‘«([") if found else ""


def _is_abbreviation(token: str, abbreviations: frozenset[str]) -> bool:
    lowered = token.lower()
    if lowered in abbreviations:
        return True
    if len(token) == 1 and token.isalpha() and token.isupper():
        return True
    return "." in token and len(token) <= 5 and token.replace(".", "").isalpha()
