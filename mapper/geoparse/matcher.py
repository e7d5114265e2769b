"""The name matcher: one Aho-Corasick automaton over every gazetteer name, scanned per text.

Each name is turned into its token keys (``Ak-Sai`` → `` ak sai ``; hyphenated names also
as one word, `` aksai ``), using the same :func:`gazetteer.skeleton` folding as lookups, so
romanisation variants meet. A text becomes a stream of token keys separated by spaces, with
a hard break wherever the gap between two words is not a joiner; a key can therefore only
match whole, adjacent words. Russian words are also scanned in their nominative forms.

Building the automaton from the 720k names takes a few seconds, so it is pickled once into
the gazetteer cache directory (keyed by the gazetteer's content hash) and reloaded after.
pyahocorasick is used because it scans in C with all keys at once; the stream design keeps
the number of reported hits proportional to the number of real name candidates.
"""

from __future__ import annotations

import json
import os
import pickle
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from gazetteer.normalize import skeleton
from mapper.languages import morphology_for
from mapper.outputs import write_atomic
from mapper.read.tokens import BREAK, Token, is_joiner, tokenize

__all__ = ["BOTH", "PLACES", "UNLOCATED", "Hit", "Matcher"]

FORMAT_VERSION = 5
MIN_KEY_LENGTH = 2


#: What a key names: places with a point, places known without one, or both.
PLACES, UNLOCATED, BOTH = 1, 2, 3


@dataclass(frozen=True)
class Hit:
    """Tokens ``first..last`` (inclusive) spell a name whose lookup skeletons are ``keys``."""

    first: int
    last: int
    keys: tuple[str, ...]
    kinds: int


#: Automaton values are 32-bit: kinds (2 bits), key length (8 bits), target index (21 bits).
_LENGTH_BITS = 8
MAX_KEY_LENGTH = (1 << _LENGTH_BITS) - 1


@lru_cache(maxsize=200_000)
def _token_key(word: str) -> str:
    return skeleton(word)


def name_keys(name: str) -> dict[str, str]:
    """The stream keys of a gazetteer name, each with the name's lookup skeleton.

    Keys: the name's words, the words joined into one, and for a Russian name the same
    made of its words' lemmas (``Баткенская область`` → `` batkenski oblast ``).
    """
    words = [t.text for t in tokenize(name)]
    keys = _spellings([_token_key(w) for w in words])
    if any(morphology_for(w) for w in words):
        keys |= _spellings([_token_key(_lemma(w)) for w in words])
    target = skeleton(name)
    return {
        k: target for k in keys if len(k.strip()) >= MIN_KEY_LENGTH and len(k) <= MAX_KEY_LENGTH
    }


@lru_cache(maxsize=500_000)
def _key_skeleton(key: str) -> str:
    return skeleton(key.replace(" ", ""))


def _spellings(parts: list[str]) -> set[str]:
    parts = [p for p in parts if p]
    if not parts:
        return set()
    keys = {" " + " ".join(parts) + " "}
    if len(parts) > 1:
        keys.add(" " + skeleton("".join(parts)) + " ")
    return keys


class Matcher:
    """Finds every run of adjacent words that spells a gazetteer name."""

    def __init__(self, automaton: Any, targets: list[str]):
        self._automaton = automaton
        self._targets = targets

    @classmethod
    def for_gazetteer(cls, db: Any, digest: str) -> Matcher:
        """The matcher for a gazetteer database, from the cache or built and cached."""
        import ahocorasick

        from gazetteer.store import cache_dir

        path = cache_dir() / f"matcher-{digest[:16]}-v{FORMAT_VERSION}.bin"
        sidecar = path.with_suffix(".targets")
        if path.exists() and sidecar.exists():
            try:
                targets = pickle.loads(sidecar.read_bytes())
                return cls(ahocorasick.load(str(path), pickle.loads), targets)
            except (OSError, ValueError, EOFError, pickle.UnpicklingError):
                path.unlink(missing_ok=True)
        matcher = cls.build(db)
        matcher._save(path, sidecar)
        return matcher

    @classmethod
    def build(cls, db: Any) -> Matcher:
        import ahocorasick

        kinds: dict[str, int] = {}
        other_targets: dict[str, set[str]] = {}
        for (name,) in db.execute("SELECT name FROM names"):
            for key, target in name_keys(name).items():
                kinds[key] = kinds.get(key, 0) | PLACES
                if target != _key_skeleton(key):
                    other_targets.setdefault(key, set()).add(target)
        for (raw,) in db.execute("SELECT raw FROM unlocated"):
            record = json.loads(raw)
            for name in [record["name"], *record.get("names_alt", "").split(";")]:
                for key in name_keys(name) if name.strip() else {}:
                    kinds[key] = kinds.get(key, 0) | UNLOCATED
        automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        targets: list[str] = []
        for key in sorted(kinds):
            index = 0
            if key in other_targets:
                targets.append(" ".join(sorted(other_targets[key])))
                index = len(targets)
            automaton.add_word(key, index << (_LENGTH_BITS + 2) | len(key) << 2 | kinds[key])
        automaton.make_automaton()
        return cls(automaton, targets)

    def _save(self, path: Path, sidecar: Path) -> None:
        """Cache the automaton; a cache that cannot be written is simply skipped."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".matcher-", dir=path.parent)
        except OSError:
            return
        try:
            os.close(fd)
            self._automaton.save(tmp)
            write_atomic(sidecar, pickle.dumps(self._targets))
            os.replace(tmp, path)
        except OSError:
            return
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)

    def hits(self, tokens: list[Token], text: str) -> Iterator[Hit]:
        """Every run of tokens that spells a name (each run once, whichever stream found it)."""
        seen: set[tuple[int, int, tuple[str, ...]]] = set()
        for stream, token_at in _streams(tokens, text):
            for end, value in self._automaton.iter(stream):
                length = value >> 2 & ((1 << _LENGTH_BITS) - 1)
                start, kinds, index = end - length + 1, value & 3, value >> (_LENGTH_BITS + 2)
                first, last = token_at[start], token_at[end] - 1
                keys = (_key_skeleton(stream[start:end]),)
                if index:
                    keys += tuple(self._targets[index - 1].split())
                if (first, last, keys) not in seen:
                    seen.add((first, last, keys))
                    yield Hit(first, last, keys, kinds)


@lru_cache(maxsize=500_000)
def _word_keys(word: str, inflected: bool) -> tuple[str, ...]:
    """The key of a word, and for a Russian word that may be part of a name, of its forms.

    A word longer than any key (encoded data, a hash) has none: it spells no name.
    """
    if len(word) > MAX_KEY_LENGTH:
        return ("",)
    morphology = morphology_for(word) if inflected else None
    if morphology is None:
        return (_token_key(word),)
    return (_token_key(word), *(_token_key(form) for form in morphology.lemmas(word)))


def _lemma(word: str) -> str:
    """The dictionary form of a word's best reading (the word itself when it does not inflect)."""
    morphology = morphology_for(word)
    return morphology.lemmas(word)[0] if morphology is not None else word


def _alternatives(tokens: list[Token]) -> list[tuple[str, ...]]:
    """Per token, its keys: as written, and for Russian words their lemmas."""
    return [_word_keys(token.text, True) for token in tokens]


def _streams(tokens: list[Token], text: str) -> Iterator[tuple[str, dict[int, int]]]:
    """Token-key streams; ``token_at`` maps the space before token i to i (and after the last).

    Stream 0 spells words as written; stream ``k`` spells Russian words by the lemma of
    their ``k``-th parse (the best parse's when they have fewer), so a name whose words are
    all read in their likely sense is found in one of them.
    """
    alternatives = _alternatives(tokens)
    depth = max((len(a) for a in alternatives), default=1)
    pieces: list[list[str]] = [[" "] for _ in range(depth)]
    token_at: list[dict[int, int]] = [{0: 0} for _ in range(depth)]
    position = [1] * depth
    for i, token in enumerate(tokens):
        hard = i and not is_joiner(text[tokens[i - 1].end : token.start])
        keys = alternatives[i]
        for level in range(depth):
            if hard:
                pieces[level].append(BREAK + " ")
                position[level] += 2
                token_at[level][position[level] - 1] = i
            word = (keys[level] if level < len(keys) else keys[min(1, len(keys) - 1)]) or BREAK
            pieces[level].append(word + " ")
            position[level] += len(word) + 1
            token_at[level][position[level] - 1] = i + 1
    for level in range(depth):
        yield "".join(pieces[level]), token_at[level]
