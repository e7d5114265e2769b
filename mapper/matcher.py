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
from mapper.morphology import forms, is_cyrillic
from mapper.tokens import BREAK, Token, is_joiner, tokenize

__all__ = ["BOTH", "PLACES", "UNLOCATED", "Hit", "Matcher"]

FORMAT_VERSION = 2
MIN_KEY_LENGTH = 2


#: What a key names: places with a point, places known without one, or both.
PLACES, UNLOCATED, BOTH = 1, 2, 3


@dataclass(frozen=True)
class Hit:
    """Tokens ``first..last`` (inclusive) spell ``key`` (the lookup skeleton of a name)."""

    first: int
    last: int
    key: str
    kinds: int


@lru_cache(maxsize=200_000)
def _token_key(word: str) -> str:
    return skeleton(word)


def name_keys(name: str) -> set[str]:
    """The stream keys of a gazetteer name: its token keys, and joined into one word."""
    parts = [_token_key(t.text) for t in tokenize(name)]
    parts = [p for p in parts if p]
    if not parts:
        return set()
    keys = {" " + " ".join(parts) + " "}
    if len(parts) > 1:
        keys.add(" " + skeleton("".join(parts)) + " ")
    return {k for k in keys if len(k.strip()) >= MIN_KEY_LENGTH}


class Matcher:
    """Finds every run of adjacent words that spells a gazetteer name."""

    def __init__(self, automaton: Any):
        self._automaton = automaton

    @classmethod
    def for_gazetteer(cls, db: Any, digest: str) -> Matcher:
        """The matcher for a gazetteer database, from the cache or built and cached."""
        import ahocorasick

        from gazetteer.store import cache_dir

        path = cache_dir() / f"matcher-{digest[:16]}-v{FORMAT_VERSION}.bin"
        if path.exists():
            try:
                return cls(ahocorasick.load(str(path), pickle.loads))
            except (OSError, ValueError, pickle.UnpicklingError):
                path.unlink(missing_ok=True)
        matcher = cls.build(db)
        matcher._save(path)
        return matcher

    @classmethod
    def build(cls, db: Any) -> Matcher:
        import ahocorasick

        by_key: dict[str, int] = {}
        for (name,) in db.execute("SELECT name FROM names"):
            for key in name_keys(name):
                by_key[key] = by_key.get(key, 0) | PLACES
        for (raw,) in db.execute("SELECT raw FROM unlocated"):
            record = json.loads(raw)
            for name in [record["name"], *record.get("names_alt", "").split(";")]:
                for key in name_keys(name) if name.strip() else ():
                    by_key[key] = by_key.get(key, 0) | UNLOCATED
        automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        for key in sorted(by_key):
            automaton.add_word(key, len(key) << 2 | by_key[key])
        automaton.make_automaton()
        return cls(automaton)

    def _save(self, path: Path) -> None:
        """Cache the automaton; a cache that cannot be written is simply skipped."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".matcher-", dir=path.parent)
        except OSError:
            return
        try:
            os.close(fd)
            self._automaton.save(tmp)
            os.replace(tmp, path)
        except OSError:
            return
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)

    def hits(self, tokens: list[Token], text: str) -> Iterator[Hit]:
        """Every run of tokens that spells a name (each run once, whichever stream found it)."""
        seen: set[tuple[int, int, str]] = set()
        for stream, token_at in _streams(tokens, text):
            for end, value in self._automaton.iter(stream):
                start, kinds = end - (value >> 2) + 1, value & 3
                first, last = token_at[start], token_at[end] - 1
                key = skeleton(stream[start:end].replace(" ", ""))
                if (first, last, key) not in seen:
                    seen.add((first, last, key))
                    yield Hit(first, last, key, kinds)


@lru_cache(maxsize=500_000)
def _word_keys(word: str, inflected: bool) -> tuple[str, ...]:
    """The key of a word, and for a Russian word that may be part of a name, of its forms."""
    if not inflected or not is_cyrillic(word):
        return (_token_key(word),)
    return tuple(dict.fromkeys(_token_key(form) for form in forms(word)))


def _alternatives(tokens: list[Token]) -> list[tuple[str, ...]]:
    """Per token, its keys. Russian forms are tried for capitalised words and the word after."""
    found = []
    previous_capital = False
    for token in tokens:
        capital = token.text[0].isupper()
        found.append(_word_keys(token.text, capital or previous_capital))
        previous_capital = capital
    return found


def _streams(tokens: list[Token], text: str) -> Iterator[tuple[str, dict[int, int]]]:
    """Token-key streams; ``token_at`` maps the space before token i to i (and after the last).

    Stream ``k`` spells each word by its ``k``-th form (its last one when it has fewer), so
    names whose words are all inflected alike are found in one of them.
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
            word = keys[min(level, len(keys) - 1)] or BREAK
            pieces[level].append(word + " ")
            position[level] += len(word) + 1
            token_at[level][position[level] - 1] = i + 1
    for level in range(depth):
        yield "".join(pieces[level]), token_at[level]
