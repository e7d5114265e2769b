"""Casualties: how many were killed and injured, and who says so.

:func:`casualty_claim` reads one sentence and returns a
:class:`~mapper.model.CasualtyClaim` (claimant, fatalities, injuries), or ``None``
when the sentence gives no figure.

Numbers are digits (``164``, ``1.400``, ``10 000``) or words of the document's
language (its pack's :class:`~mapper.languages.pack.NumberWords`): ``sebelas``,
``dua belas``, ``dua puluh lima``, ``twenty-five``, ``двух``, ``пятеро``,
``тринадцати`` (Russian words are reduced to their dictionary form with
pymorphy3). Vague amounts follow ACLED's convention of a low, fixed figure
(the development set's annotation leaves them null instead)::

    several / a few / beberapa / sejumlah / несколько           3
    belasan (a dozen or more, "teens")                          11
    dozens / tens / puluhan / десятки — also "several dozen"    12
    hundreds / ratusan / сотни — also "several hundred"         100
    thousands / ribuan / тысячи — also "several thousand"       1000
    tens of thousands / puluhan ribu / десятки тысяч            10000

A killed cue (``tewas``, ``killed``, ``погибли`` …) or an injured cue (the pack's
:class:`~mapper.languages.pack.CasualtyWords`) takes the nearest number before it (up to six
words away: ``sebelas prajurit … mengalami luka-luka``) or after it (up to three:
``menewaskan sekitar 100 orang``, ``о гибели двух человек``); verbs whose object
is the victims (``menewaskan``, ``killing``, ``гибели``) look after first. A toll
may name its figure further on (``число погибших … выросло примерно до 55``,
``the death toll rose to 164``). Numbers joined by "and" (``sebelas tentara dan
dua warga sipil``) are added up. Numbers inside dates, times and measures
(``23:00``, ``1.400 km``, ``30 tahun``) are not counts of people.

The claimant is the source the sentence names: ``menurut X``, ``kata X``,
``X mengatakan``, ``according to X``, ``X said``, ``по данным X``, ``сообщил X``,
``X заявил``. A descriptor followed by a name in apposition gives the name
(``Saluran TV pemerintah Khabar 24`` → ``Khabar 24``); otherwise the phrase is kept
as written (``Tokoh resmi dari Tajikistan``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from mapper import languages
from mapper.incidents.claimants import canonical_claimant
from mapper.languages.pack import CasualtyWords, NumberWords
from mapper.model import CasualtyClaim

__all__ = [
    "Casualties",
    "Quantity",
    "casualty_claim",
    "find_casualties",
    "find_claimant",
    "find_quantities",
    "number_value",
]


_LEFT_WORDS, _RIGHT_WORDS, _JOIN_WORDS, _TOLL_WORDS = 6, 3, 4, 12
_WORD = re.compile(r"\d+|[^\W\d_]+(?:['’-][^\W\d_]+)*")
_DIGITS = {
    "spaced": re.compile(
        r"(?<![\d.,:])\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+(?![\d:])|(?<![\d:])\d+(?![\d:])"
    ),
    "other": re.compile(r"(?<![\d.,:])\d{1,3}(?:[.,]\d{3})+(?![\d:])|(?<![\d:])\d+(?![\d:.,]\d)"),
}


@dataclass(frozen=True)
class Quantity:
    """A number in the text: offsets and value."""

    start: int
    end: int
    value: int


@dataclass(frozen=True)
class Casualties:
    """Killed and injured figures of one sentence (``None``: not stated)."""

    fatalities: int | None
    injuries: int | None


# -- numbers -------------------------------------------------------------------------------


def number_value(phrase: str, language: str) -> int | None:
    """The number ``phrase`` writes (``"dua belas"`` → 12, ``"двух"`` → 2), or ``None``."""
    found = find_quantities(phrase, language)
    return found[0].value if len(found) == 1 else None


def find_quantities(
    text: str, language: str, skip: Sequence[tuple[int, int]] = ()
) -> list[Quantity]:
    """Numbers in ``text`` (digits, number words, vague amounts), in order.

    Spans in ``skip`` (dates) and numbers followed by a unit of measure are left out.
    """
    language = languages.pack_for(language).code
    taken = bytearray(len(text) + 1)  # 1 where a date or a quantity already found lies
    for start, end in skip:
        _take(taken, start, end)
    candidates = sorted(
        [*_vague(text, language), *_numbers(text, language, taken)],
        key=lambda q: (q.start - q.end, q.start),
    )
    found: list[Quantity] = []
    for quantity in candidates:
        if not _overlaps(quantity, taken) and not _is_measure(text, quantity):
            found.append(quantity)
            _take(taken, quantity.start, quantity.end)
    return sorted(found, key=lambda q: q.start)


def _vague(text: str, language: str) -> list[Quantity]:
    pattern = _vague_pattern(language, languages.generation())
    table = _numbers_of(language).vague_amounts
    found = []
    for match in pattern.finditer(text):
        value = next(v for p, v in table.items() if re.fullmatch(p, match.group(), re.I))
        found.append(Quantity(match.start(), match.end(), value))
    return found


def _numbers_of(language: str) -> NumberWords:
    return languages.pack_for(language).numbers


@cache
def _vague_pattern(language: str, generation: int) -> re.Pattern[str]:
    alternatives = "|".join(_numbers_of(language).vague_amounts) or "(?!)"
    return re.compile(rf"(?<![^\W\d_])(?:{alternatives})(?![^\W\d_])", re.IGNORECASE)


def _numbers(text: str, language: str, taken: bytearray) -> list[Quantity]:
    """Runs of number tokens (digits or words, joined by spaces or hyphens) and their values.

    Tokens inside a date (``taken``) are no part of a run: "27 January 2022 three
    soldiers" counts three."""
    tokens = [
        token for token in _number_tokens(text, language) if taken.find(1, token[0], token[1]) < 0
    ]
    runs: list[list[tuple[int, int, str, int]]] = []
    for token in tokens:
        if runs and _joined(text[runs[-1][-1][1] : token[0]]):
            runs[-1].append(token)
        else:
            runs.append([token])
    return [Quantity(run[0][0], run[-1][1], _compose(run)) for run in runs]


def _number_tokens(text: str, language: str) -> list[tuple[int, int, str, int]]:
    """(start, end, role, value) of each number token; role: add, mul or teen."""
    tokens = []
    digits = _DIGITS["spaced" if _numbers_of(language).spaced_thousands else "other"]
    for match in digits.finditer(text):
        value = int(re.sub(r"\D", "", match.group()))
        tokens.append((match.start(), match.end(), "add", value))
    generation = languages.generation()
    words = _plain_number_words(language, generation)
    if words is not None:  # a word that is one of them holds it, lower-cased, in the text's
        lowered = text.lower()
        if not any(word in lowered for word in words):
            return sorted(tokens)
    for match in _WORD.finditer(text):
        word = match.group()
        if "-" not in word:  # most words: one part, its role looked up once per vocabulary
            role = _role(word.lower(), language, generation)
            if role is not None:
                tokens.append((match.start(), match.end(), *role))
            continue
        for start, end, part in _word_parts(match):
            role = _role(part.lower(), language, generation)
            if role is not None:
                tokens.append((start, end, *role))
    return sorted(tokens)


def _word_parts(match: re.Match[str]) -> list[tuple[int, int, str]]:
    """A hyphenated word's parts (``twenty-five``), each with its offsets."""
    parts, position = [], match.start()
    for part in match.group().split("-"):
        parts.append((position, position + len(part), part))
        position += len(part) + 1
    return parts


@cache
def _plain_number_words(language: str, generation: int) -> tuple[str, ...] | None:
    """The words that have a role in a number, for a language whose number words do not
    inflect (``None``: they do, and any word may be one)."""
    pack = languages.pack_for(language)
    if pack.numbers.inflected and pack.morphology is not None:
        return None
    numbers = pack.numbers
    words = {*numbers.words, *numbers.multipliers, numbers.teen_word or ""}
    return tuple(sorted(w for w in words if w and not w.isdigit()))


@lru_cache(maxsize=200_000)
def _role(lowered: str, language: str, generation: int) -> tuple[str, int] | None:
    """The role of a lower-case word in a number (``add``, ``mul``, ``teen``), if any."""
    if lowered.isdigit():
        return None
    numbers = _numbers_of(language)
    if lowered == numbers.teen_word:
        return ("teen", 10)
    for form in _forms(lowered, language):
        if form in numbers.words:
            return ("add", numbers.words[form])
        if form in numbers.multipliers:
            return ("mul", numbers.multipliers[form])
    return None


def _forms(word: str, language: str) -> tuple[str, ...]:
    pack = languages.pack_for(language)
    if not pack.numbers.inflected or pack.morphology is None:
        return (word,)
    return _number_lemmas(word.replace("ё", "е"), pack.code, languages.generation())


@cache
def _number_lemmas(word: str, language: str, generation: int) -> tuple[str, ...]:
    """Dictionary forms of an inflected number word (``двух`` → ``два``), most likely first."""
    pack = languages.pack_for(language)
    readings = pack.morphology.readings(word) if pack.morphology is not None else ()
    numbers = pack.numbers
    lemmas = [r for r in readings if r in numbers.words or r in numbers.multipliers]
    return tuple(dict.fromkeys([*lemmas, word]))


def _joined(gap: str) -> bool:
    return bool(re.fullmatch(r"[\s-]+", gap))


def _compose(run: list[tuple[int, int, str, int]]) -> int:
    """The value of a run of number tokens: ``dua ratus lima puluh`` = 2 × 100 + 5 × 10.

    A multiplier below a thousand applies to the number just before it; a thousand or
    more to everything before it.
    """
    total = current = last = 0
    for _start, _end, role, value in run:
        if role == "add":
            current, last = current + value, value
        elif role == "teen":
            current, last = current + 10, last + 10
        elif value < 1000:
            current, last = current - last + max(last, 1) * value, 0
        else:
            total, current, last = total + max(current, 1) * value, 0, 0
    return total + current


def _take(taken: bytearray, start: int, end: int) -> None:
    start, end = min(max(start, 0), len(taken)), min(max(end, 0), len(taken))
    if start < end:
        taken[start:end] = b"\x01" * (end - start)


def _overlaps(quantity: Quantity, taken: bytearray) -> bool:
    return taken.find(1, quantity.start, quantity.end) >= 0


_FOLLOWING_WORD = re.compile(r"\s*(%|[^\W\d_]+)")


def _is_measure(text: str, quantity: Quantity) -> bool:
    following = _FOLLOWING_WORD.match(text, quantity.end)
    preceding = text[max(0, quantity.start - 1) : quantity.start]
    measures = _shared(languages.generation()).measures
    return preceding == "$" or bool(following and following.group(1).lower() in measures)


# -- casualties ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Cue:
    start: int
    end: int
    kind: str
    forward: bool


def find_casualties(text: str, language: str, skip: Sequence[tuple[int, int]] = ()) -> Casualties:
    """The killed and injured figures ``text`` states (the first of each kind)."""
    language = languages.pack_for(language).code
    quantities = find_quantities(text, language, skip)
    if not quantities:  # no figure to give: the cues need not be looked for
        return Casualties(None, None)
    cues = _cues(text, language)
    groups = _groups(text, quantities, cues)
    figures: dict[str, int] = {}
    used: set[int] = set()
    for cue in cues:
        index = _attach(text, cue, groups, used)
        if index is None:
            index = _toll(text, cue, groups, used)
        if index is not None:
            used.add(index)
            figures.setdefault(cue.kind, groups[index][2])
    return Casualties(figures.get("killed"), figures.get("injured"))


def _cues(text: str, language: str) -> list[_Cue]:
    pattern = _cue_pattern(language, languages.generation())
    forward = _shared(languages.generation()).victims_follow
    return [
        _Cue(m.start(), m.end(), m.lastgroup or "", bool(forward.fullmatch(m.group())))
        for m in pattern.finditer(text)
    ]


@cache
def _cue_pattern(language: str, generation: int) -> re.Pattern[str]:
    words = _casualty_words(language)
    killed, injured = words.killed or "(?!)", words.injured or "(?!)"
    return re.compile(
        rf"(?<![^\W\d_])(?:(?P<killed>{killed})|(?P<injured>{injured}))(?![^\W\d_])",
        re.IGNORECASE,
    )


def _groups(text: str, quantities: list[Quantity], cues: list[_Cue]) -> list[tuple[int, int, int]]:
    """Quantities joined by "and" into (start, end, sum) groups; a cue between splits them."""
    groups: list[tuple[int, int, int]] = []
    for quantity in quantities:
        if groups and _coordinated(text, groups[-1][1], quantity.start, cues):
            start, _end, total = groups[-1]
            groups[-1] = (start, quantity.end, total + quantity.value)
        else:
            groups.append((quantity.start, quantity.end, quantity.value))
    return groups


def _coordinated(text: str, end: int, start: int, cues: list[_Cue]) -> bool:
    gap = text[end:start]
    words = [word.lower() for word in _WORD.findall(gap)]
    has_link = any(word in _shared(languages.generation()).conjunctions for word in words)
    no_cue = not any(end <= cue.start < start for cue in cues)
    return has_link and no_cue and len(words) <= _JOIN_WORDS and not re.search(r"[.;:]", gap)


def _attach(text: str, cue: _Cue, groups: list[tuple[int, int, int]], used: set[int]) -> int | None:
    left = [
        i
        for i, (_s, end, _v) in enumerate(groups)
        if end <= cue.start
        and i not in used
        and _words_between(text, end, cue.start) <= _LEFT_WORDS
    ]
    right = [
        i
        for i, (start, _e, _v) in enumerate(groups)
        if start >= cue.end
        and i not in used
        and _words_between(text, cue.end, start) <= _RIGHT_WORDS
    ]
    nearest_left = left[-1] if left else None
    nearest_right = right[0] if right else None
    order = (nearest_right, nearest_left) if cue.forward else (nearest_left, nearest_right)
    return next((index for index in order if index is not None), None)


def _toll(text: str, cue: _Cue, groups: list[tuple[int, int, int]], used: set[int]) -> int | None:
    """A toll reached further on: "число погибших … выросло до 55", "death toll rose to 164"."""
    for index, (start, _end, _value) in enumerate(groups):
        if start < cue.end or index in used:
            continue
        gap = text[cue.end : start]
        close = _words_between(text, cue.end, start) <= _TOLL_WORDS
        reaches = _shared(languages.generation()).toll_reaches
        return index if close and reaches.search(gap) else None
    return None


def _words_between(text: str, start: int, end: int) -> int:
    gap = text[start:end]
    if re.search(r"[.;:!?]", gap):
        return 1_000
    return len(_WORD.findall(gap))


# -- claimants -----------------------------------------------------------------------------

_BOUNDARIES = re.compile(r"[,;:(\[—–]|\s-\s|[\"“”«»]")
_MAX_CLAIMANT_WORDS = 8


def find_claimant(text: str, language: str) -> str | None:
    """Who ``text`` says reports its figures, as written, or ``None``."""
    language = languages.pack_for(language).code
    for finder in (_according_to, _said_after, _said_before):
        found = finder(text, language)
        if found:
            return _apposed_name(found)
    return None


def casualty_claim(
    text: str, language: str, skip: Sequence[tuple[int, int]] = ()
) -> CasualtyClaim | None:
    """The claim ``text`` makes: claimant (its canonical name), fatalities, injuries;
    ``None`` without figures."""
    figures = find_casualties(text, language, skip)
    if figures.fatalities is None and figures.injuries is None:
        return None
    claimant = find_claimant(text, language)
    if claimant is not None:
        claimant = canonical_claimant(claimant, language)
    return CasualtyClaim(claimant, figures.fatalities, figures.injuries)


def _according_to(text: str, language: str) -> str | None:
    match = re.search(_casualty_words(language).according_to or "(?!)", text, re.IGNORECASE)
    return _phrase(text[match.end() :]) if match else None


def _said_after(text: str, language: str) -> str | None:
    pattern = _casualty_words(language).said_before_claimant or "(?!)"
    for match in re.finditer(pattern, text, re.IGNORECASE):
        phrase = _phrase(text[match.end() :])
        if phrase:
            return phrase
    return None


def _said_before(text: str, language: str) -> str | None:
    pattern = _casualty_words(language).said_after_claimant or "(?!)"
    match = re.search(pattern, text, re.IGNORECASE)
    if not match:
        return None
    clauses = _BOUNDARIES.split(text[: match.start()])
    for clause in reversed(clauses):
        phrase = _phrase(clause)
        if phrase and not phrase[0].isdigit():
            return phrase
    return None


def _phrase(text: str) -> str | None:
    """The short noun phrase ``text`` starts with (up to a stop word or a boundary)."""
    head = _BOUNDARIES.split(text, maxsplit=1)[0]
    head = re.split(r"[.!?](?:\s|$)", head, maxsplit=1)[0]
    shared = _shared(languages.generation())
    words: list[str] = []
    for word in head.split():
        if word.lower() in shared.phrase_stops:
            break
        words.append(word)
    if words and words[0].lower() == "the":
        words = words[1:]
    if not words or len(words) > _MAX_CLAIMANT_WORDS or words[0].lower() in shared.pronouns:
        return None
    return " ".join(words).strip(" .")


def _apposed_name(phrase: str) -> str:
    """A name of two words or more after a lowercase descriptor.

    ``Saluran TV pemerintah Khabar 24`` → ``Khabar 24``; ``dinas perbatasan Kirgistan``
    and ``Tokoh resmi dari Tajikistan`` stay whole.
    """
    words = phrase.split()
    index = len(words)
    while index > 0 and (words[index - 1][:1].isupper() or words[index - 1].isdigit()):
        index -= 1
    name = words[index:]
    prepositions = _shared(languages.generation()).prepositions
    if index > 0 and len(name) >= 2 and words[index - 1].lower() not in prepositions:
        return " ".join(name)
    return phrase


# -- the tables of the language packs ------------------------------------------------------


def _casualty_words(language: str) -> CasualtyWords:
    return languages.pack_for(language).casualties


@dataclass(frozen=True)
class _Shared:
    """The tables that hold in text of every language, combined from all packs."""

    victims_follow: re.Pattern[str]
    toll_reaches: re.Pattern[str]
    conjunctions: frozenset[str]
    measures: frozenset[str]
    phrase_stops: frozenset[str]
    pronouns: frozenset[str]
    prepositions: frozenset[str]


@cache
def _shared(generation: int) -> _Shared:
    packs = languages.everywhere()

    def alternation(words: list[str]) -> str:
        return "|".join(w for w in words if w) or "(?!)"

    return _Shared(
        victims_follow=re.compile(
            alternation([p.casualties.victims_follow for p in packs]), re.IGNORECASE
        ),
        toll_reaches=re.compile(
            rf"(?<!\w)(?:{alternation([p.casualties.toll_reaches for p in packs])})\s",
            re.IGNORECASE,
        ),
        conjunctions=frozenset().union(*(p.numbers.conjunctions for p in packs)),
        measures=frozenset().union(*(p.numbers.measures for p in packs)),
        phrase_stops=frozenset().union(*(p.casualties.phrase_stops for p in packs)),
        pronouns=frozenset().union(*(p.casualties.pronouns for p in packs)),
        prepositions=frozenset().union(*(p.casualties.prepositions for p in packs)),
    )
