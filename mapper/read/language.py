"""Language identification for article text.

:func:`detect_language` names the language of a text with an ISO 639-1 code, or
``"und"`` when the text is empty or too short or too mixed to tell. It uses the
offline naive Bayes model shipped with py3langid, restricted to :data:`LANGUAGES`
(the languages of Central Asian news and the ones most often confused with
them) and the languages with a pack (:mod:`mapper.languages`) that the model knows,
and reads only a bounded sample from the start of the text, so it costs
the same on a tweet and on a book. Malay is folded into Indonesian: the two
are near twins and the articles mapper reads come from Indonesian outlets.

py3langid ships its model xz-compressed (68 MB of arrays, half a second to unpack in every
process). The model restricted to :data:`LANGUAGES` is kept in the gazetteer's cache
directory (``langid-*.npz``: NumPy arrays, zip-compressed, 3 MB, read without pickle in a
fifth of that time) and rebuilt from py3langid's file when missing or stale. Without a
writable cache directory the model is read from py3langid's file every time.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import zipfile
from array import array
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

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
    if sum(map(str.isalpha, sample)) < MIN_LETTERS:
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
    """The model restricted to :data:`LANGUAGES` and the packs' languages (``generation``
    changes when a pack is registered)."""
    wanted = _wanted_languages()
    path = _cached_model_path(wanted)
    if path is not None:
        try:
            return _load_cached(path)
        except (OSError, ValueError, KeyError):
            pass
    identifier = _from_py3langid(wanted)
    if path is not None:
        _save_cached(identifier, path)
    return identifier


def _wanted_languages() -> tuple[str, ...]:
    return (*LANGUAGES, *(code for code in languages.codes() if code not in LANGUAGES))


def _from_py3langid(wanted: tuple[str, ...]) -> LanguageIdentifier:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    known = set(identifier.nb_classes)
    packs = [code for code in languages.codes() if code in known and code not in LANGUAGES]
    identifier.set_languages([*LANGUAGES, *packs])
    return identifier


def _cached_model_path(wanted: tuple[str, ...]) -> Path | None:
    """Where the restricted model is kept: named for py3langid's model file (its size and
    time) and the ``wanted`` languages; ``None`` when py3langid's file is not found."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    from gazetteer.store import cache_dir

    try:
        stat = (Path(MODEL_DIR) / MODEL_FILE).stat()
    except OSError:
        return None
    key = f"{stat.st_size} {stat.st_mtime_ns} {' '.join(wanted)} {MIN_CONFIDENCE}"
    return cache_dir() / f"langid-{hashlib.sha256(key.encode()).hexdigest()[:16]}.npz"


def _load_cached(path: Path) -> LanguageIdentifier:
    """The identifier in the state :func:`_from_py3langid` leaves it, from the cache."""
    import numpy as np
    from py3langid.langid import LanguageIdentifier

    with np.load(path, allow_pickle=False) as data:
        arrays = {name: data[name] for name in data.files}
    nextmove, row = array("I"), array("H")
    nextmove.frombytes(arrays["nextmove"].astype("<u4").tobytes())
    row.frombytes(arrays["row"].astype("<u2").tobytes())
    if nextmove.itemsize != 4 or row.itemsize != 2:
        raise ValueError("unexpected array item sizes")
    identifier: LanguageIdentifier = LanguageIdentifier(
        arrays["ptc"],
        arrays["pc"],
        arrays["classes"].tolist(),
        nextmove,
        arrays["output"].tolist(),
        norm_probs=True,
        tk_row=row,
    )
    return identifier


def _save_cached(identifier: Any, path: Path) -> None:
    """Keep the restricted model; a cache that cannot be written is skipped."""
    import numpy as np

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".langid-", suffix=".npz", dir=path.parent)
    except OSError:
        return
    arrays = {
        "ptc": identifier.nb_ptc,
        "pc": identifier.nb_pc,
        "classes": np.array(identifier.nb_classes),
        "nextmove": np.frombuffer(identifier.tk_nextmove, dtype=np.uint32),
        "row": np.frombuffer(identifier.tk_row, dtype=np.uint16),
        "output": np.array(identifier.tk_output, dtype=np.int64),
    }
    try:
        # an .npz written with the fastest deflate level: a third of the time of NumPy's own
        with (
            os.fdopen(fd, "wb") as out,
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
        ):
            for name, values in arrays.items():
                with archive.open(f"{name}.npy", "w", force_zip64=True) as member:
                    np.lib.format.write_array(member, values, allow_pickle=False)
        os.replace(tmp, path)
    except OSError:
        pass
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
