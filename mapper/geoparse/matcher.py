"""The name matcher: every run of adjacent words in a text that spells a gazetteer name.

A text is read as the gazetteer's name index reads names (:mod:`gazetteer.names`): each
word becomes its key (its :func:`~gazetteer.normalize.skeleton`), followed by a space, with
a hard break (``#``) wherever the gap between two words is not a joiner, so that a name can
only match whole, adjacent words. At each word, the index gives every key that is a prefix
of the text's keys from that word on: the names that start there. Russian words are also
read in their nominative forms: stream ``k`` spells them by the lemma of their ``k``-th
parse, and a window of words that spells the same in two streams is looked up once.

The bundled index is memory-mapped (nothing is built or cached per user); names of user
layers are indexed in memory on top of it (:meth:`Matcher.with_names`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, pairwise
from typing import TYPE_CHECKING

from gazetteer.names import (
    MAX_KEY_LENGTH,
    PLACES,
    UNLOCATED,
    NameIndex,
    index_entries,
    key_skeleton,
    token_key,
)
from mapper.languages import morphology_for
from mapper.read.tokens import BREAK, Token, is_joiner

if TYPE_CHECKING:
    from gazetteer import Gazetteer

__all__ = ["BOTH", "PLACES", "UNLOCATED", "Hit", "Matcher"]

#: What a key names: places with a point, places known without one, or both.
BOTH = PLACES | UNLOCATED
#: A word longer than this (encoded data, a hash) spells no name.
LONGEST_WORD = MAX_KEY_LENGTH + 1
#: Words remembered as starting a name or not.
STARTS_CACHE_SIZE = 200_000


@dataclass(frozen=True)
class Hit:
    """Tokens ``first..last`` (inclusive) spell a name whose lookup skeletons are ``keys``."""

    first: int
    last: int
    keys: tuple[str, ...]
    kinds: int


class Matcher:
    """Finds every run of adjacent words that spells a name of its indexes."""

    def __init__(self, indexes: Sequence[NameIndex]):
        self._indexes = tuple(indexes)
        #: Whether a word's key starts any key of the indexes (a word that starts none is
        #: not looked up); bounded, cleared when full.
        self._starts: dict[str, bool] = {}

    @classmethod
    def bundled(cls) -> Matcher:
        """The matcher of the bundled gazetteer's names."""
        return cls([NameIndex.bundled()])

    @classmethod
    def for_gazetteer(cls, gazetteer: Gazetteer) -> Matcher:
        """The bundled names and those of ``gazetteer``'s user layers."""
        names = [name for layer in gazetteer.layers for name in layer.names()]
        return cls.bundled().with_names(names)

    def with_names(self, names: Iterable[str]) -> Matcher:
        """This matcher and ``names`` (of places with a point), indexed in memory."""
        entries = index_entries(names)
        return Matcher([*self._indexes, NameIndex.build(entries)]) if entries else self

    def hits(self, tokens: list[Token], text: str, *, capitalised: bool = False) -> Iterator[Hit]:
        """Every run of tokens that spells a name (each run once, whichever stream found it);
        with ``capitalised``, only the runs whose first word starts with a capital letter."""
        streams = list(_streams(tokens, text, capitalised))
        several = len(streams) > 1  # only then can two streams find the same run
        seen: set[tuple[int, int, tuple[str, ...]]] = set()
        looked_up: dict[tuple[int, str], None] = {}
        starts_name = self._starts_name
        for stream, starts in streams:
            for first, offset, word in starts:
                if not starts_name(word):
                    continue
                window = stream[offset : offset + MAX_KEY_LENGTH]
                if several:
                    if (first, window) in looked_up:
                        continue
                    looked_up[first, window] = None
                for key, kinds, targets in self._matches(window):
                    last = first + key.count(" ") - 1
                    keys = (key_skeleton(key), *targets)
                    if several:
                        if (first, last, keys) in seen:
                            continue
                        seen.add((first, last, keys))
                    yield Hit(first, last, keys, kinds)

    def _starts_name(self, word: str) -> bool:
        found = self._starts.get(word)
        if found is None:
            if len(self._starts) >= STARTS_CACHE_SIZE:
                self._starts.clear()
            found = any(index.starts_with(word + " ") for index in self._indexes)
            self._starts[word] = found
        return found

    def _matches(self, window: str) -> list[tuple[str, int, tuple[str, ...]]]:
        """(key, kinds, other skeletons) of every key that starts ``window``, in all indexes."""
        if len(self._indexes) == 1:
            index = self._indexes[0]
            return [
                (key, value & BOTH, index.targets_of(value) if value > BOTH else ())
                for key, value in index.matches(window)
            ]
        merged: dict[str, tuple[int, tuple[str, ...]]] = {}
        for index in self._indexes:
            for key, value in index.matches(window):
                kinds, targets = merged.get(key, (0, ()))
                more = [t for t in index.targets_of(value) if t not in targets]
                merged[key] = (kinds | value & BOTH, (*targets, *more))
        return [(key, kinds, targets) for key, (kinds, targets) in merged.items()]


@lru_cache(maxsize=500_000)
def _word_keys(word: str, inflected: bool) -> tuple[str, ...]:
    """The key of a word, and for a Russian word that may be part of a name, of its forms.

    A word longer than any key (encoded data, a hash) has none: it spells no name.
    """
    if len(word) > LONGEST_WORD:
        return ("",)
    morphology = morphology_for(word) if inflected else None
    if morphology is None:
        return (token_key(word),)
    return (token_key(word), *(token_key(form) for form in morphology.lemmas(word)))


def _streams(
    tokens: list[Token], text: str, capitalised: bool = False
) -> Iterator[tuple[str, list[tuple[int, int, str]]]]:
    """Token-key streams, each with (token index, offset, key) of the words a name may start
    at (with ``capitalised``, the words that start with a capital letter).

    Stream 0 spells words as written; stream ``k`` spells Russian words by the lemma of
    their ``k``-th parse (the best parse's when they have fewer), so a name whose words are
    all read in their likely sense is found in one of them.
    """
    alternatives = [_word_keys(token.text, True) for token in tokens]
    depth = max(map(len, alternatives), default=1)
    hard = [False] * min(1, len(tokens)) + [
        not is_joiner(text[before.end : after.start]) for before, after in pairwise(tokens)
    ]
    heads = [not capitalised or token.text[0].isupper() for token in tokens]
    for level in range(depth):
        if level == 0:
            words = [keys[0] or BREAK for keys in alternatives]
        else:
            words = [
                (keys[level] if level < len(keys) else keys[min(1, len(keys) - 1)]) or BREAK
                for keys in alternatives
            ]
        pieces = [
            BREAK + " " + word + " " if h else word + " "
            for word, h in zip(words, hard, strict=True)
        ]
        starts = [
            (i, end - len(word) - 1, word)
            for i, (word, h, end, head) in enumerate(
                zip(words, hard, accumulate(map(len, pieces)), heads, strict=True)
            )
            if head and word != BREAK
        ]
        yield "".join(pieces), starts
