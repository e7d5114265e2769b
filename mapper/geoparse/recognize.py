"""Recognition: the spans of a text that name places, before any place is chosen.

The matcher proposes every run of words that spells a gazetteer name; this module keeps
the ones a careful reader would take for place names: capitalised, not a common word at a
sentence start, not a demonym, not part of an organisation or person name; then the longest
span wins where spans overlap. Spans inside site furniture (teasers, captions) are kept but
marked, so that they are listed without counting as the article's places. Designator words
around a span ("desa", "wilayah", "Region", "District") are read as hints of the kind of place.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from mapper import languages
from mapper.geoparse import lexicon
from mapper.geoparse.matcher import PLACES, UNLOCATED, Hit, Matcher
from mapper.read.documents import Document
from mapper.read.tokens import Token, is_joiner, tokenize

__all__ = ["Span", "recognize"]

MIN_SINGLE_WORD = 3
#: All-capital words this short are codes and credits (STR, AFP), not names.
MAX_CODE_LENGTH = 3
#: A neighbouring capitalised word this frequent (Zipf) is an ordinary word, not a name part.
FREQUENT_ZIPF = 4.0
#: No word in the frequency lists is longer; a longer "word" (encoded data) is not looked up.
LONGEST_WORD = 100


@dataclass(frozen=True)
class Span:
    """A recognised place name: offsets, the keys it matched, and kind hints."""

    start: int
    end: int
    text: str
    keys: tuple[str, ...]
    has_places: bool
    has_unlocated: bool
    kinds: frozenset[str] | None
    first: int
    last: int
    in_name_run: bool = False
    furniture: str | None = None
    unknown: bool = False
    in_compound: bool = False


def recognize(document: Document, matcher: Matcher) -> list[Span]:
    """Place-name spans of ``document``, in text order, non-overlapping."""
    text, language = document.text, document.language
    tokens = tokenize(text)
    grouped: dict[tuple[int, int], list[Hit]] = {}
    for hit in matcher.hits(tokens, text, capitalised=True):  # _keep wants a capital
        grouped.setdefault((hit.first, hit.last), []).append(hit)
    spans = []
    for (first, last), hits in grouped.items():
        if _keep(tokens, first, last, text, language, document):
            spans.append(_span(tokens, first, last, hits, text, language))
    chosen = _longest_first(spans)
    covered = {i for span in chosen for i in range(span.first, span.last + 1)}
    chosen = [_mark_compound(span, tokens, text, covered) for span in chosen]
    chosen += _unknown_names(tokens, text, covered)
    return [
        _mark_furniture(_mark_name_run(span, tokens, text, language), document)
        for span in sorted(chosen, key=lambda s: s.start)
    ]


def _mark_compound(span: Span, tokens: list[Token], text: str, covered: set[int]) -> Span:
    """Flag one word hyphen-joined to a capitalised word no place name covers: it is part
    of a longer name the gazetteer does not know ("Kassym-Jomart", a given name)."""
    if span.first != span.last:
        return span
    for other in (span.first - 1, span.last + 1):
        if 0 <= other < len(tokens) and other not in covered:
            left, right = sorted((span.first, other))
            gap = text[tokens[left].end : tokens[right].start]
            if gap in ("-", "\u2010", "\u2011") and tokens[other].text[0].isupper():
                return replace(span, in_compound=True)
    return span


def _unknown_names(tokens: list[Token], text: str, covered: set[int]) -> list[Span]:
    """Capitalised names after "desa", "village (of)", "село" that no gazetteer knows."""
    found = []
    for i, token in enumerate(tokens[:-1]):
        if token.text.lower() not in lexicon.combined().unknown_name_designators:
            continue
        first = i + 1
        if tokens[first].text.lower() == "of" and first + 1 < len(tokens):
            first += 1
        if first in covered or not _starts_name(tokens, first, text):
            continue
        last = first
        while last + 1 < len(tokens) and _hyphenated(tokens, last, text):
            last += 1
        start, end = tokens[first].start, tokens[last].end
        found.append(
            Span(
                start,
                end,
                text[start:end],
                (),
                False,
                False,
                frozenset({"populated_place"}),
                first,
                last,
                unknown=True,
            )
        )
    return found


def _starts_name(tokens: list[Token], index: int, text: str) -> bool:
    word = tokens[index].text
    gap = text[tokens[index - 1].end : tokens[index].start]
    lower = word.lower()
    words = lexicon.combined()
    return (
        word[0].isupper()
        and len(word) >= MIN_SINGLE_WORD
        and is_joiner(gap)
        and lower not in words.demonyms
        and lower not in words.non_place_names
    )


def _hyphenated(tokens: list[Token], index: int, text: str) -> bool:
    gap = text[tokens[index].end : tokens[index + 1].start]
    return gap in ("-", "\u2010", "\u2011") and tokens[index + 1].text[0].isupper()


def _mark_furniture(span: Span, document: Document) -> Span:
    """Record the kind of site furniture (teaser, caption, ...) a span sits in, if any."""
    for part in document.furniture:
        if part.start < span.end and span.start < part.end:
            return replace(span, furniture=part.kind)
    return span


def _mark_name_run(span: Span, tokens: list[Token], text: str, language: str) -> Span:
    """Flag a span next to another capitalised word: it may be part of a person's name."""
    common = lexicon.common_words(language)
    prefixes = lexicon.prefix_designators(language)
    words = lexicon.combined()
    for index, step in ((span.first, -1), (span.last, +1)):
        other = _neighbour(tokens, index, text, step)
        if other is None or not other.text[0].isupper():
            continue
        lower = other.text.lower()
        ignorable = (
            lower in common
            or lower in words.demonyms
            or lower in words.suffix_designators
            or lower in prefixes
            or _frequent_word(lower, language)
        )
        if not ignorable:
            return replace(span, in_name_run=True)
    return span


def _keep(
    tokens: list[Token], first: int, last: int, text: str, language: str, document: Document
) -> bool:
    head = tokens[first]
    if not head.text[0].isupper():
        return False
    if first == last and not _plausible_single_word(tokens, first, text, language):
        return False
    if not all(_inner_word_ok(t.text) for t in tokens[first + 1 : last + 1]):
        return False
    return not (_in_organisation(tokens, first, last, text) or _is_person(tokens, last, text))


def _inner_word_ok(word: str) -> bool:
    """Later words of a name are capitalised, particles or designators, or Russian words.

    Russian names keep their designators and adjectives in lower case, inflected
    ("Горно-Бадахшанской автономной области").
    """
    lower = word.lower()
    words = lexicon.combined()
    return (
        word[0].isupper()
        or word[0].isdigit()
        or lower in words.name_particles
        or lower in words.suffix_designators
        or _inflected(word)
    )


def _plausible_single_word(tokens: list[Token], index: int, text: str, language: str) -> bool:
    word = tokens[index].text
    lower = word.lower()
    words = lexicon.combined()
    if lower in words.place_abbreviations:
        return True
    if len(word) < MIN_SINGLE_WORD or lower in words.demonyms or lower in words.acronyms:
        return False
    if lower in words.non_place_names:
        return False
    if word.isupper() and len(word) <= MAX_CODE_LENGTH and not _is_dateline(tokens, index, text):
        return False
    return lower not in lexicon.common_words(language)


def _is_dateline(tokens: list[Token], index: int, text: str) -> bool:
    """``OSH, Kyrgyzstan –``: a capitalised word opening a line and followed by a comma."""
    token = tokens[index]
    line_start = token.start == 0 or text[token.start - 1] == "\n"
    return line_start and text[token.end : token.end + 1] == ","


def _neighbour(tokens: list[Token], index: int, text: str, step: int) -> Token | None:
    other = index + step
    if not 0 <= other < len(tokens):
        return None
    left, right = (tokens[other], tokens[index]) if step < 0 else (tokens[index], tokens[other])
    gap = text[left.end : right.start]
    return tokens[other] if is_joiner(gap) or gap in ('"', '" ', ' "') else None


def _in_organisation(tokens: list[Token], first: int, last: int, text: str) -> bool:
    before = _neighbour(tokens, first, text, -1)
    after = _neighbour(tokens, last, text, +1)
    words = lexicon.combined()
    if before is not None:
        word = before.text
        if word.lower() in words.organisation_before and word[0].isupper():
            return True
        if word.isupper() and len(word) >= 2 and word.lower() in words.acronyms:
            return True
    return (
        after is not None
        and after.text.lower() in words.organisation_after
        and after.text[0].isupper()
    )


def _is_person(tokens: list[Token], last: int, text: str) -> bool:
    """A place-like given name before a surname: Nursultan Nazarbayev, Kassym-Jomart Tokayev,
    Нурсултану Назарбаеву (a second given name may stand between)."""
    index = last
    for _ in range(2):
        after = _neighbour(tokens, index, text, +1)
        if after is None or not after.text[0].isupper():
            return False
        if len(after.text) >= 5 and _is_surname_word(after.text):
            return True
        index += 1
    return False


def _is_surname_word(word: str) -> bool:
    if word.lower().endswith(lexicon.combined().surname_endings):
        return True
    morphology = languages.morphology_for(word)
    return morphology is not None and morphology.is_surname(word)


def _inflected(word: str) -> bool:
    """A word of a language whose names inflect and keep lower-case parts
    ("Горно-Бадахшанской автономной области")."""
    return languages.morphology_for(word) is not None


def _frequent_word(word: str, language: str) -> bool:
    code = languages.pack_for(language).word_frequencies
    if len(word) > LONGEST_WORD or code is None or not languages.has_pack(language):
        return False
    return lexicon.is_frequent(word, code, FREQUENT_ZIPF)


def _span(
    tokens: list[Token], first: int, last: int, hits: list[Hit], text: str, language: str
) -> Span:
    kinds = _prefix_kinds(tokens, first, text, language)
    end_token = last
    after = _neighbour(tokens, last, text, +1)
    suffixes = lexicon.combined().suffix_designators
    if after is not None and after.text.lower() in suffixes:
        kinds = suffixes[after.text.lower()]
        if after.text[0].isupper():
            end_token = last + 1
    start, end = tokens[first].start, tokens[end_token].end
    return Span(
        start=start,
        end=end,
        text=text[start:end],
        keys=tuple(sorted({key for hit in hits for key in hit.keys})),
        has_places=any(hit.kinds & PLACES for hit in hits),
        has_unlocated=any(hit.kinds & UNLOCATED for hit in hits),
        kinds=kinds,
        first=first,
        last=end_token,
    )


def _prefix_kinds(
    tokens: list[Token], first: int, text: str, language: str
) -> frozenset[str] | None:
    before = _neighbour(tokens, first, text, -1)
    if before is None:
        return None
    return lexicon.prefix_designators(language).get(before.text.lower())


def _longest_first(spans: list[Span]) -> list[Span]:
    chosen: list[Span] = []
    taken: set[int] = set()
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        positions = set(range(span.first, span.last + 1))
        if not positions & taken:
            chosen.append(span)
            taken |= positions
    return sorted(chosen, key=lambda s: s.start)
