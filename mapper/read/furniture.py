"""Site furniture: the lines a news site puts around an article.

Teasers for other stories ("Baca juga: ..."), bylines, subscription blurbs,
copyright footers, photo credits, related-link blocks and share prompts often
name places that have nothing to do with the article. :func:`find_furniture`
returns their exact character spans so later steps can leave them out.

The cues are data, in the language packs
(:class:`~mapper.languages.pack.FurnitureCues`): for one language, pairs of
(kind, pattern), where a pattern is a case-insensitive regular expression
fragment matched at the start of a line (after spaces and an optional bullet)
and a space in it stands for any run of spaces:

* a *label* must be followed by a colon, a spaced dash, a bar or the end of the
  line ("Editor: ...", "Baca Juga:", "KOMENTAR");
* a *phrase* is distinctive on its own ("Posted by ...", "Discussion about this post");
* an *inline credit* word opens a parenthesised photo credit anywhere in a line
  ("(Foto: ...)").

The cues of a language, plus the English ones (site templates are often
English whatever the article's language) and the international ones, are
compiled into a single regular expression. A furniture line longer than its
kind allows (:data:`MAX_TAIL`) is taken for body text and left alone. A teaser
or related-links label with nothing after it takes in the headline line(s) that
follow it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from mapper import languages
from mapper.languages.pack import FurnitureCues
from mapper.model import FURNITURE_KINDS as KINDS
from mapper.model import FurnitureSpan

__all__ = ["KINDS", "cue_lists", "find_furniture"]

#: The most characters a furniture line of each kind may have after its cue.
MAX_TAIL: dict[str, int] = {
    "teaser": 250,
    "byline": 100,
    "subscription": 400,
    "copyright": 200,
    "photo_credit": 200,
    "related": 200,
    "share": 100,
}

#: Kinds whose bare label ("Baca Juga:") introduces headline lines below it, and
#: how many such lines each takes in.
HEADLINES_BELOW: dict[str, int] = {"teaser": 1, "related": 10}

#: The longest line taken for a headline under a teaser or related label.
MAX_HEADLINE = 200

_SPACE = r"[ \t\u00a0]+"
_BULLET = r"(?:[•·*»▪►◦‣>~–—-]+[ \t\u00a0]*)?"
_LABEL_END = r"[ \t\u00a0]*(?:[:：|»–—]|-(?=\s)|(?=\r|\n|\Z))"
_LINE_END = r"(?=\r|\n|\Z)"
_INLINE_GROUP = "inline_credit"


def find_furniture(text: str, language: str) -> tuple[FurnitureSpan, ...]:
    """Return the furniture spans of ``text``, in order and without overlaps.

    ``language`` (ISO 639-1) chooses the cue lists; a language without its own
    list ("und", "kk", ...) is checked against all of them.
    """
    pattern = _pattern(language)
    found: list[FurnitureSpan] = []
    has_tail: list[bool] = []
    for match in pattern.finditer(text):
        span, tail = _span_of(match)
        if span is not None:
            found.append(span)
            has_tail.append(tail)
    flagged_lines = {_line_start(text, span.start) for span in found}
    spans: list[FurnitureSpan] = []
    for span, tail in zip(found, has_tail, strict=True):
        if not tail and span.kind in HEADLINES_BELOW:
            span = _take_headlines(text, span, flagged_lines)
        if spans and span.start < spans[-1].end:
            continue
        spans.append(span)
    return tuple(spans)


def _span_of(match: re.Match[str]) -> tuple[FurnitureSpan | None, bool]:
    """The span of one match (trailing spaces left out) and whether text follows its cue."""
    if match.group(_INLINE_GROUP) is not None:
        start, end = match.span(_INLINE_GROUP)
        return FurnitureSpan(start, end, "photo_credit"), True
    for kind in KINDS:
        if match.group(kind) is not None:
            start, end = match.span(kind)
            body = match.group(kind).rstrip()
            tail = match.group(f"{kind}_tail").strip()
            return FurnitureSpan(start, start + len(body), kind), bool(tail)
    return None, False


def _take_headlines(text: str, span: FurnitureSpan, flagged_lines: set[int]) -> FurnitureSpan:
    """Stretch a bare teaser or related label over the headline line(s) below it."""
    end = span.end
    lines = _lines_after(text, span.end)
    start, stop = next(lines, (None, None))
    if start is not None and start == stop:  # one blank line may separate label and headline
        start, stop = next(lines, (None, None))
    taken = 0
    while start is not None and stop is not None and taken < HEADLINES_BELOW[span.kind]:
        if not _is_headline(text[start:stop]) or start in flagged_lines:
            break
        end = start + len(text[start:stop].rstrip())
        taken += 1
        start, stop = next(lines, (None, None))
    return FurnitureSpan(span.start, end, span.kind)


def _is_headline(line: str) -> bool:
    line = line.strip()
    if not line or len(line) > MAX_HEADLINE:
        return False
    if line.endswith(("...", "…")):
        return True
    return not line.endswith((".", ":", '"', "”", "»"))


def _lines_after(text: str, pos: int) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each line after the one holding ``pos``, spaces trimmed."""
    newline = text.find("\n", pos)
    while newline != -1:
        start = newline + 1
        newline = text.find("\n", start)
        stop = len(text) if newline == -1 else newline
        line = text[start:stop]
        lead = len(line) - len(line.lstrip())
        yield start + lead, start + len(line.rstrip())


def _line_start(text: str, pos: int) -> int:
    """Offset of the first non-space character of the line holding ``pos``."""
    start = text.rfind("\n", 0, pos) + 1
    line = text[start:pos]
    return start + len(line) - len(line.lstrip())


def _pattern(language: str) -> re.Pattern[str]:
    return _compiled(language, languages.generation())


@lru_cache(maxsize=16)
def _compiled(language: str, generation: int) -> re.Pattern[str]:
    return _compile(cue_lists(language))


def cue_lists(language: str) -> tuple[FurnitureCues, ...]:
    """The cues checked in text of ``language``: its own, the English and the international
    ones; for a language without a pack, every pack's."""
    international = languages.INTERNATIONAL.furniture
    if not languages.has_pack(language):
        return (*(pack.furniture for pack in languages.PACKS.values()), international)
    own = languages.pack_for(language).furniture
    english = languages.pack_for(languages.FALLBACK).furniture
    if own is english:
        return (english, international)
    return (own, english, international)


def _compile(cue_lists: tuple[FurnitureCues, ...]) -> re.Pattern[str]:
    """One regular expression with a group per kind (and its tail) and one for inline credits."""
    alternatives = []
    for kind in KINDS:
        cues = [
            _words(label) + _LABEL_END
            for cue_list in cue_lists
            for label_kind, label in cue_list.labels
            if label_kind == kind
        ]
        cues += [
            _bounded(_words(phrase))
            for cue_list in cue_lists
            for phrase_kind, phrase in cue_list.phrases
            if phrase_kind == kind
        ]
        if not cues:
            continue
        tail = rf"(?P<{kind}_tail>[^\r\n]{{0,{MAX_TAIL[kind]}}}){_LINE_END}"
        alternatives.append(rf"(?P<{kind}>{_BULLET}(?:{'|'.join(cues)}){tail})")
    lines = rf"^[ \t\u00a0]*(?:{'|'.join(alternatives)})"
    words = sorted({word for cue_list in cue_lists for word in cue_list.inline_credits})
    inline = rf"(?P<{_INLINE_GROUP}>\((?:{'|'.join(words)})[ \t]*[:/][^()\r\n]{{1,150}}\))"
    return re.compile(f"{lines}|{inline}", re.IGNORECASE | re.MULTILINE)


def _words(fragment: str) -> str:
    """Let each space in a cue match any run of spaces, tabs or no-break spaces."""
    return fragment.replace(" ", _SPACE)


def _bounded(fragment: str) -> str:
    """Keep a phrase from matching the start of a longer word."""
    return f"{fragment}(?!\\w)" if re.search(r"[\w)]$", fragment) else fragment
