"""One name per claimant, whatever the language or the case it is written in.

"Tajik officials", "pejabat Tajikistan" and "Таджикские официальные лица" are one
claimant; "государственного телеканала" (genitive) is "state TV channel". Each word of a
claimant phrase is read by its dictionary form (the language's morphology, where it has
one), and the language pack's glossary (:attr:`~mapper.languages.pack.CasualtyWords.
claimant_glossary`) gives the English word for it. Nationalities go first, as in English
("pejabat Tajikistan" → "Tajik officials"). A phrase with a word the glossary lacks keeps
its own words, in their dictionary forms ("Khabar 24", "Генпрокуратура").
"""

from __future__ import annotations

import re
from functools import cache

from mapper import languages

__all__ = ["NATIONALITY", "canonical_claimant"]

#: The glossary's mark for a nationality ("Tajik"): such words go first.
NATIONALITY = "@"

_WORD = re.compile(r"[^\W_](?:[\w'’.-]*[^\W_])?")


def canonical_claimant(phrase: str, language: str) -> str:
    """The canonical name of the claimant ``phrase`` (see the module notes)."""
    words = _WORD.findall(phrase)
    if not words:
        return phrase
    forms = [_dictionary_form(word) for word in words]
    english = _translated(" ".join(forms), language)
    if english is not None:
        return english
    return " ".join(_cased(form, word) for form, word in zip(forms, words, strict=True))


def _dictionary_form(word: str) -> str:
    morphology = languages.morphology_for(word)
    if morphology is None or word.isupper():
        return word.lower()
    return morphology.lemmas(word)[0]


def _cased(form: str, written: str) -> str:
    if written.isupper() or not written[:1].isupper():
        return written if written.isupper() else form
    return form[:1].upper() + form[1:]


def _translated(forms: str, language: str) -> str | None:
    """The English for the dictionary forms ``forms``, or ``None`` when a word is unknown."""
    nationalities: list[str] = []
    rest: list[str] = []
    at = 0
    pattern = _glossary_pattern(language, languages.generation())
    entries = _glossary(language, languages.generation())
    while at < len(forms):
        match = pattern.match(forms, at)
        if match is None or match.lastgroup is None:
            return None
        english = entries[int(match.lastgroup[1:])]
        if english.startswith(NATIONALITY):
            nationalities.append(english[len(NATIONALITY) :])
        elif english:
            rest.append(english)
        at = match.end()
    words = list(dict.fromkeys(nationalities)) + rest
    return " ".join(words) if words else None


@cache
def _glossary(language: str, generation: int) -> tuple[str, ...]:
    return tuple(english for _pattern, english in _entries(language))


@cache
def _glossary_pattern(language: str, generation: int) -> re.Pattern[str]:
    alternatives = "|".join(
        f"(?P<g{n}>{pattern})" for n, (pattern, _english) in enumerate(_entries(language))
    )
    return re.compile(rf"\s*(?:{alternatives or '(?!)'})(?![\w-])\s*", re.IGNORECASE)


def _entries(language: str) -> tuple[tuple[str, str], ...]:
    english = languages.pack_for("en").casualties.claimant_glossary
    own = languages.pack_for(language).casualties.claimant_glossary
    return own + english if own is not english else own
