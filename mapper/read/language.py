"""Language identification for article text.

:func:`detect_language` names the language of a text with an ISO 639-1 code, or
``"und"`` when the text is empty or too short or too mixed to tell. It uses the
offline naive Bayes model shipped with py3langid, restricted to :data:`LANGUAGES`
(the languages of Central Asian news and the ones most often confused with
them) and the languages with a pack (:mod:`mapper.languages`) that the model knows,
and reads only a bounded sample from the start of the text, so it costs
the same on a tweet and on a book. Malay is folded into Indonesian: the two
are near twins and the articles mapper reads come from Indonesian outlets.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from mapper import languages

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

__all__ = ["LANGUAGES", "UNDETERMINED", "detect_language"]

#: Languages the model may answer with. Indonesian, English and Russian are the ones
#: mapper reads; the others are near neighbours (Malay, Javanese, Ukrainian, Belarusian,
#: Bulgarian), the languages of the region, and major languages of international news.
LANGUAGES: tuple[str, ...] = (
    "id", "ms", "jv",
    "en",
    "ru", "uk", "be", "bg",
    "kk", "ky", "tg", "uz", "tk", "az", "tr", "fa", "ps", "ur", "ar", "zh",
    "fr", "de", "es", "it", "pt", "nl",
)  # fmt: skip

#: Answers folded into another: Malay counts as Indonesian.
ALIASES: dict[str, str] = {"ms": "id"}

#: The answer for text whose language cannot be told.
UNDETERMINED = "und"

#: How many characters from the start of the text are classified.
SAMPLE_CHARS = 2000

#: Fewer letters than this in the sample and the language is not guessed.
MIN_LETTERS = 8

#: Below this probability (after folding aliases) the answer is "und".
MIN_CONFIDENCE = 0.4


def detect_language(text: str) -> str:
    """Return the ISO 639-1 code of the language of ``text``, or ``"und"``.

    Only the first :data:`SAMPLE_CHARS` characters after leading whitespace are
    read. The answer is deterministic for a given text.
    """
    sample = _sample(text)
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return UNDETERMINED
    scores: dict[str, float] = {}
    for code, probability in _identifier(languages.generation()).rank(sample):
        folded = ALIASES.get(code, code)
        scores[folded] = scores.get(folded, 0.0) + probability
    best = max(sorted(scores), key=scores.__getitem__)
    return best if scores[best] >= MIN_CONFIDENCE else UNDETERMINED


def _sample(text: str) -> str:
    return text[: SAMPLE_CHARS * 2].strip()[:SAMPLE_CHARS]


@lru_cache(maxsize=1)
def _identifier(generation: int) -> LanguageIdentifier:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    known = set(identifier.nb_classes)
    packs = [code for code in languages.codes() if code in known and code not in LANGUAGES]
    identifier.set_languages([*LANGUAGES, *packs])
    return identifier
