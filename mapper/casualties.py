"""Casualties: how many were killed and injured, and who says so.

:func:`casualty_claim` reads one sentence and returns a
:class:`~mapper.model.CasualtyClaim` (claimant, fatalities, injuries), or ``None``
when the sentence gives no figure.

Numbers are digits (``164``, ``1.400``, ``10 000``) or words, in Indonesian,
English and Russian (:data:`NUMBER_WORDS`, :data:`MULTIPLIERS`): ``sebelas``,
``dua belas``, ``dua puluh lima``, ``twenty-five``, ``двух``, ``пятеро``,
``тринадцати`` (Russian words are reduced to their dictionary form with
pymorphy3). Vague amounts follow ACLED's convention of a low, fixed figure
(:data:`VAGUE_AMOUNTS`; the development set's annotation leaves them null instead)::

    several / a few / beberapa / sejumlah / несколько           3
    belasan (a dozen or more, "teens")                          11
    dozens / tens / puluhan / десятки — also "several dozen"    12
    hundreds / ratusan / сотни — also "several hundred"         100
    thousands / ribuan / тысячи — also "several thousand"       1000
    tens of thousands / puluhan ribu / десятки тысяч            10000

A killed cue (:data:`KILLED_CUES`: ``tewas``, ``killed``, ``погибли`` …) or an
injured cue (:data:`INJURED_CUES`) takes the nearest number before it (up to six
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
from functools import cache
from typing import Any

from mapper.model import CasualtyClaim

__all__ = [
    "INJURED_CUES",
    "KILLED_CUES",
    "MULTIPLIERS",
    "NUMBER_WORDS",
    "VAGUE_AMOUNTS",
    "Casualties",
    "Quantity",
    "casualty_claim",
    "find_casualties",
    "find_claimant",
    "find_quantities",
    "number_value",
]


def _words(text: str) -> tuple[str, ...]:
    """The words of ``text``: a compact way to write a word list."""
    return tuple(text.split())


_UNITS_ID = _words("satu dua tiga empat lima enam tujuh delapan sembilan")
_UNITS_EN = _words(
    """one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen"""
)
_TENS_EN = _words("twenty thirty forty fifty sixty seventy eighty ninety")
_UNITS_RU = _words(
    """один два три четыре пять шесть семь восемь девять десять одиннадцать двенадцать
    тринадцать четырнадцать пятнадцать шестнадцать семнадцать восемнадцать девятнадцать"""
)
_TENS_RU = _words("двадцать тридцать сорок пятьдесят шестьдесят семьдесят восемьдесят девяносто")
_HUNDREDS_RU = _words("сто двести триста четыреста пятьсот шестьсот семьсот восемьсот девятьсот")
_COLLECTIVE_RU = _words("двое трое четверо пятеро шестеро семеро восьмеро девятеро десятеро")

#: Number words added to the running value (Russian: dictionary forms).
NUMBER_WORDS: dict[str, dict[str, int]] = {
    "id": {
        **{word: n for n, word in enumerate(_UNITS_ID, 1)},
        "seorang": 1,
        "sepuluh": 10,
        "sebelas": 11,
        "seratus": 100,
        "seribu": 1000,
        "sejuta": 1_000_000,
    },
    "en": {
        **{word: n for n, word in enumerate(_UNITS_EN, 1)},
        **{word: 10 * n for n, word in enumerate(_TENS_EN, 2)},
    },
    "ru": {
        **{word: n for n, word in enumerate(_UNITS_RU, 1)},
        **{word: 10 * n for n, word in enumerate(_TENS_RU, 2)},
        **{word: 100 * n for n, word in enumerate(_HUNDREDS_RU, 1)},
        **{word: n for n, word in enumerate(_COLLECTIVE_RU, 2)},
        "одна": 1,
    },
}

#: Number words that multiply the running value; "belas" adds ten ("dua belas" = 12).
MULTIPLIERS: dict[str, dict[str, int]] = {
    "id": {"puluh": 10, "ratus": 100, "ribu": 1000, "juta": 1_000_000},
    "en": {"dozen": 12, "hundred": 100, "thousand": 1000, "million": 1_000_000},
    "ru": {"тысяча": 1000, "миллион": 1_000_000},
}
_TEEN = "belas"

#: Vague amounts (regular expressions, longest first) and the figure each stands for.
VAGUE_AMOUNTS: dict[str, dict[str, int]] = {
    "id": {
        r"puluhan\s+ribu": 10_000,
        r"ratusan\s+ribu": 100_000,
        r"beberapa\s+puluh": 12,
        r"beberapa\s+ratus": 100,
        r"beberapa\s+ribu": 1000,
        r"beberapa": 3,
        r"sejumlah": 3,
        r"belasan": 11,
        r"puluhan": 12,
        r"ratusan": 100,
        r"ribuan": 1000,
        r"jutaan": 1_000_000,
    },
    "en": {
        r"tens\s+of\s+thousands": 10_000,
        r"hundreds\s+of\s+thousands": 100_000,
        r"(?:several|a\s+few)\s+dozen": 12,
        r"(?:several|a\s+few)\s+hundred": 100,
        r"(?:several|a\s+few)\s+thousand": 1000,
        r"several": 3,
        r"a\s+few": 3,
        r"a\s+number\s+of": 3,
        r"dozens": 12,
        r"scores": 12,
        r"tens": 12,
        r"hundreds": 100,
        r"thousands": 1000,
    },
    "ru": {
        r"десятк\w*\s+тысяч": 10_000,
        r"сотн\w*\s+тысяч": 100_000,
        r"сотен\s+тысяч": 100_000,
        r"нескольк\w*\s+десятк\w*": 12,
        r"нескольк\w*\s+сот\w*": 100,
        r"нескольк\w*\s+тысяч\w*": 1000,
        r"нескольк\w*": 3,
        r"десятк(?:и|ов|ам|ами|ах)": 12,
        r"сотни|сотен|сотням|сотнями": 100,
        r"тысячи|тысяч|тысячам|тысячами": 1000,
    },
}

#: Killed cues per language.
KILLED_CUES: dict[str, str] = {
    "id": r"menewaskan|membunuh|tewas|meninggal(?:\s+dunia)?|gugur|terbunuh|korban\s+jiwa"
    r"|korban\s+tewas|kehilangan\s+nyawa",
    "en": r"killing|killed|dead|died|deaths?|death\s+toll|lives",
    "ru": r"погиб\w*|гибел\w*|убит\w*|убил\w*|жертв\w*|скончал\w*",
}

#: Injured cues per language.
INJURED_CUES: dict[str, str] = {
    "id": r"melukai|mencederai|luka-luka|terluka|luka(?:\s+(?:berat|ringan))?|cedera",
    "en": r"injuring|wounding|injured|wounded|hurt|injuries",
    "ru": r"ранен\w*|ранил\w*|пострадал\w*|пострадавш\w*|травм\w*",
}

#: Cue forms whose victims are named after them: they look right first.
_FORWARD = re.compile(
    r"menewaskan|membunuh|melukai|mencederai|korban|killing|injuring|wounding|death\s+toll"
    r"|гибел\w*|жертв\w*|убил\w*|ранил\w*|ранени\w*",
    re.IGNORECASE,
)

_LEFT_WORDS, _RIGHT_WORDS, _JOIN_WORDS, _TOLL_WORDS = 6, 3, 4, 12
#: Words that lead from a toll to its figure.
_REACHES = re.compile(
    r"(?<!\w)(?:menjadi|mencapai|hingga|to|reached|at|до|достигло|достиг|составило|составляет)\s",
    re.IGNORECASE,
)
_WORD = re.compile(r"\d+|[^\W\d_]+(?:['’-][^\W\d_]+)*")
_DIGITS = {
    "ru": re.compile(
        r"(?<![\d.,:])\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+(?![\d:])|(?<![\d:])\d+(?![\d:])"
    ),
    "other": re.compile(r"(?<![\d.,:])\d{1,3}(?:[.,]\d{3})+(?![\d:])|(?<![\d:])\d+(?![\d:.,]\d)"),
}
_CONJUNCTIONS = frozenset({"dan", "serta", "and", "и"})
#: Words that make the number before them a measure, not a count of people.
_MEASURES = frozenset(
    _words(
        """km kilometer kilometre kilometres kilometers persen percent % tahun years year jam
        hours hour menit minutes dolar dollars miliar billion лет года году год часов часа
        минут км километров процентов долларов"""
    )
)


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
    language = language if language in NUMBER_WORDS else "en"
    candidates = sorted(
        [*_vague(text, language), *_numbers(text, language)],
        key=lambda q: (q.start - q.end, q.start),
    )
    taken = bytearray(len(text) + 1)  # 1 where a date or a quantity already found lies
    for start, end in skip:
        _take(taken, start, end)
    found: list[Quantity] = []
    for quantity in candidates:
        if not _overlaps(quantity, taken) and not _is_measure(text, quantity):
            found.append(quantity)
            _take(taken, quantity.start, quantity.end)
    return sorted(found, key=lambda q: q.start)


def _vague(text: str, language: str) -> list[Quantity]:
    pattern = _vague_pattern(language)
    table = VAGUE_AMOUNTS[language]
    found = []
    for match in pattern.finditer(text):
        value = next(v for p, v in table.items() if re.fullmatch(p, match.group(), re.I))
        found.append(Quantity(match.start(), match.end(), value))
    return found


@cache
def _vague_pattern(language: str) -> re.Pattern[str]:
    alternatives = "|".join(VAGUE_AMOUNTS[language])
    return re.compile(rf"(?<![^\W\d_])(?:{alternatives})(?![^\W\d_])", re.IGNORECASE)


def _numbers(text: str, language: str) -> list[Quantity]:
    """Runs of number tokens (digits or words, joined by spaces or hyphens) and their values."""
    tokens = _number_tokens(text, language)
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
    digits = _DIGITS["ru" if language == "ru" else "other"]
    for match in digits.finditer(text):
        value = int(re.sub(r"\D", "", match.group()))
        tokens.append((match.start(), match.end(), "add", value))
    for match in _WORD.finditer(text):
        for start, end, word in _word_parts(match):
            role = _word_role(word, language)
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


def _word_role(word: str, language: str) -> tuple[str, int] | None:
    lowered = word.lower()
    if lowered.isdigit():
        return None
    if language == "id" and lowered == _TEEN:
        return ("teen", 10)
    for form in _forms(lowered, language):
        if form in NUMBER_WORDS[language]:
            return ("add", NUMBER_WORDS[language][form])
        if form in MULTIPLIERS[language]:
            return ("mul", MULTIPLIERS[language][form])
    return None


def _forms(word: str, language: str) -> tuple[str, ...]:
    if language != "ru":
        return (word,)
    return _russian_lemmas(word.replace("ё", "е"))


@cache
def _russian_lemmas(word: str) -> tuple[str, ...]:
    """Dictionary forms of a Russian number word (``двух`` → ``два``), most likely first."""
    try:
        parses = _morph().parse(word)
    except ValueError:  # pymorphy3 fails on letters without a Unicode name (Tangut)
        parses = []
    lemmas = [parse.normal_form for parse in parses if _is_numeral(parse)]
    return tuple(dict.fromkeys([*lemmas, word]))


def _is_numeral(parse: Any) -> bool:
    lemma = parse.normal_form
    return lemma in NUMBER_WORDS["ru"] or lemma in MULTIPLIERS["ru"]


@cache
def _morph() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


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
    return preceding == "$" or bool(following and following.group(1).lower() in _MEASURES)


# -- casualties ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Cue:
    start: int
    end: int
    kind: str
    forward: bool


def find_casualties(text: str, language: str, skip: Sequence[tuple[int, int]] = ()) -> Casualties:
    """The killed and injured figures ``text`` states (the first of each kind)."""
    language = language if language in KILLED_CUES else "en"
    cues = _cues(text, language)
    groups = _groups(text, find_quantities(text, language, skip), cues)
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
    pattern = _cue_pattern(language)
    return [
        _Cue(m.start(), m.end(), m.lastgroup or "", bool(_FORWARD.fullmatch(m.group())))
        for m in pattern.finditer(text)
    ]


@cache
def _cue_pattern(language: str) -> re.Pattern[str]:
    killed, injured = KILLED_CUES[language], INJURED_CUES[language]
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
    has_link = any(word in _CONJUNCTIONS for word in words)
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
        return index if close and _REACHES.search(gap) else None
    return None


def _words_between(text: str, start: int, end: int) -> int:
    gap = text[start:end]
    if re.search(r"[.;:!?]", gap):
        return 1_000
    return len(_WORD.findall(gap))


# -- claimants -----------------------------------------------------------------------------

_ACCORDING = {
    "id": r"\b(?:menurut|seperti\s+dikutip|dikutip\s+dari)\s+",
    "en": r"\baccording\s+to\s+",
    "ru": r"\bпо\s+(?:данным|словам|информации|сообщению|сведениям)\s+",
}
_SAID_AFTER = {
    "id": r"\b(?:kata|ujar|ungkap|tutur|jelas|lapor)\s+",
    "en": r"\b(?:said|reported|told)\s+(?=the\s)",
    "ru": r"\b(?:сообщил[аио]?|заявил[аио]?|сообщает|заявляет|рассказал[аио]?|переда[её]т)\s+",
}
_SAID_BEFORE = {
    "id": r"\s(?:mengatakan|menyatakan|menyebut(?:kan)?|melaporkan|mengklaim|mengumumkan"
    r"|menuturkan|mengungkapkan|berbicara\s+tentang)\b",
    "en": r"\s(?:said|says|reported|reports|has\s+reported|announced|claimed|stated|told)\b",
    "ru": r"\s(?:сообщил[аио]?|заявил[аио]?|сообщают|заявляют|сообщала|сообщали"
    r"|ранее\s+сообщала)\b",
}
#: Words that end a claimant phrase (it is a short noun phrase).
_PHRASE_STOPS = frozenset(
    _words(
        """pada di dalam sejak kepada bahwa telah juga sudah kemudian hari yang on in at since
        that had have has was were is are also later earlier late в во на с о об что уже ранее
        также"""
    )
)
_PRONOUNS = frozenset(_words("dia ia mereka kami he she they it we он она они мы"))
_PREPOSITIONS = frozenset(_words("dari dengan of from из с от"))
_BOUNDARIES = re.compile(r"[,;:(\[—–]|\s-\s|[\"“”«»]")
_MAX_CLAIMANT_WORDS = 8


def find_claimant(text: str, language: str) -> str | None:
    """Who ``text`` says reports its figures, as written, or ``None``."""
    language = language if language in _ACCORDING else "en"
    for finder in (_according_to, _said_after, _said_before):
        found = finder(text, language)
        if found:
            return _apposed_name(found)
    return None


def casualty_claim(
    text: str, language: str, skip: Sequence[tuple[int, int]] = ()
) -> CasualtyClaim | None:
    """The claim ``text`` makes: claimant, fatalities, injuries; ``None`` without figures."""
    figures = find_casualties(text, language, skip)
    if figures.fatalities is None and figures.injuries is None:
        return None
    return CasualtyClaim(find_claimant(text, language), figures.fatalities, figures.injuries)


def _according_to(text: str, language: str) -> str | None:
    match = re.search(_ACCORDING[language], text, re.IGNORECASE)
    return _phrase(text[match.end() :]) if match else None


def _said_after(text: str, language: str) -> str | None:
    for match in re.finditer(_SAID_AFTER[language], text, re.IGNORECASE):
        phrase = _phrase(text[match.end() :])
        if phrase:
            return phrase
    return None


def _said_before(text: str, language: str) -> str | None:
    match = re.search(_SAID_BEFORE[language], text, re.IGNORECASE)
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
    words: list[str] = []
    for word in head.split():
        if word.lower() in _PHRASE_STOPS:
            break
        words.append(word)
    if words and words[0].lower() == "the":
        words = words[1:]
    if not words or len(words) > _MAX_CLAIMANT_WORDS or words[0].lower() in _PRONOUNS:
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
    if index > 0 and len(name) >= 2 and words[index - 1].lower() not in _PREPOSITIONS:
        return " ".join(name)
    return phrase
