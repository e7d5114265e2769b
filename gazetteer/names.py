"""The name index: every gazetteer name under the word keys a text spells it with.

A name's *keys* are its words folded by :func:`~gazetteer.normalize.skeleton`, each followed
by one space (``Ak-Sai`` → ``"ak sai "``), and the words written as one (``"aksai "``); a
name with Cyrillic words also the same made of their lemmas (``Баткенская область`` →
``"batkenski oblast "``, :mod:`gazetteer.morphology`). A text read the same way — its
words' keys, each followed by a space — spells a name at a word exactly where one of the
name's keys is a prefix of the text from that word on; :meth:`NameIndex.matches` gives
them (mapper's name matcher walks a text word by word with it).

Each key carries what it names (:data:`PLACES`, :data:`UNLOCATED` or both) and, when its
names' lookup skeletons differ from the key's own (``"ak sai "`` is also ``aksai``), those.

The bundled index is built with the database (``python -m gazetteer.build``; the index
alone with ``--names-only``) and ships in ``data/``:

``names-keys.marisa``
    the keys, in a MARISA trie (each key gets an id, 0 to n - 1);
``names-values.u32``
    per key id a little-endian 32-bit value: bit 0 places, bit 1 unlocated places, the
    rest the id + 1 of the key's other skeletons (0: none);
``names-targets.marisa``
    those other skeletons, each set as one space-separated string, in a MARISA trie.

All three are memory-mapped: opening the index takes under a millisecond, nothing is built
or cached per user, and processes on one machine share the pages. User layers are indexed
in memory by :meth:`NameIndex.build` (a few thousand names take milliseconds).

Why a MARISA trie. ``bench/name_index.py`` builds each candidate from this gazetteer's
947,010 keys and scans 99 real news articles (0.18 MB, every word a name may start at) with
it; on the 2-core development machine, shared with other jobs (scan speeds vary by half
between runs there):

==========================  =========  ===============  ===================  ==========  ======
structure                   build      on disk          open, new process    scan        memory
==========================  =========  ===============  ===================  ==========  ======
MARISA trie (chosen)        0.7 s      4.0 MB (+3.8)    0.1 ms (mmap)        11 MB/s     +1 MiB
DAWG (DAWG2)                2.8 s      25.3 MB          12 ms (read)         8-14 MB/s   +24 MiB
pyahocorasick (before)      1.7 s      235 MB           2.9 s (unpickled)    17 MB/s     +244 MiB
ahocorasick-rs              2.3 s      cannot be saved  2.3 s (rebuilt)      26 MB/s     +69 MiB
==========================  =========  ===============  ===================  ==========  ======

(memory: what opening adds to a process; the trie's pages are shared by every process of a
machine through the page cache.) The automata scan faster, but must be rebuilt or
unpickled in every process, which costs seconds and hundreds of MB each; the trie is the
smallest on disk and needs no load, and mapper looks up only the words a name may start
at (capitalised ones), so the scan is a few per cent of extraction. A sorted key table
scanned over word n-grams needs one binary search per n-gram length at every word (names
run to 28 words), which the trie's prefix walk does in one call.
"""

from __future__ import annotations

import hashlib
import json
import mmap
import sqlite3
import sys
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from gazetteer.errors import GazetteerDataError
from gazetteer.normalize import WORD, skeleton

__all__ = [
    "KEYS_FILE",
    "MAX_KEY_LENGTH",
    "MIN_KEY_LENGTH",
    "PLACES",
    "SCHEME",
    "TARGETS_FILE",
    "UNLOCATED",
    "VALUES_FILE",
    "NameIndex",
    "index_entries",
    "key_skeleton",
    "name_keys",
    "token_key",
    "unlocated_names",
    "write_index",
]

#: What a key names: places with a point, places known without one (bits of its value).
PLACES, UNLOCATED = 1, 2
#: Keys shorter than this (letters, without spaces) are not indexed.
MIN_KEY_LENGTH = 2
#: Keys longer than this (with their spaces) are not indexed; no real name is so long.
MAX_KEY_LENGTH = 254
#: The version of the key scheme (how names become keys); the index records it.
SCHEME = 1
KEYS_FILE, VALUES_FILE, TARGETS_FILE = (
    "names-keys.marisa",
    "names-values.u32",
    "names-targets.marisa",
)
_KIND_BITS = 2
_KIND_MASK = (1 << _KIND_BITS) - 1
REBUILD = "rebuild it with `python -m gazetteer.build --names-only`"

#: A word's lemma, for the keys of names with Cyrillic words (None: no lemma keys).
Lemma = Callable[[str], str]


# -- keys ------------------------------------------------------------------------------------


@lru_cache(maxsize=200_000)
def token_key(word: str) -> str:
    """The key of one word: its skeleton (``Ak`` → ``ak``)."""
    return skeleton(word)


@lru_cache(maxsize=500_000)
def key_skeleton(key: str) -> str:
    """The lookup skeleton a key spells (``"ak sai "`` → ``aksai``)."""
    return skeleton(key.replace(" ", ""))


def best_lemma(word: str) -> str:
    """The lemma of a Cyrillic word's best reading; other words as they are."""
    from gazetteer.morphology import is_cyrillic, lemmas

    return lemmas(word)[0] if is_cyrillic(word) else word


def name_keys(name: str, lemma: Lemma | None = best_lemma) -> dict[str, str]:
    """The keys of a name, each with the name's lookup skeleton.

    Keys: the name's words, the words joined into one, and for a name with Cyrillic words
    the same made of their lemmas (``lemma``, pymorphy3's best reading by default).
    """
    from gazetteer.morphology import is_cyrillic

    words = WORD.findall(name)
    keys = _spellings([token_key(w) for w in words])
    if lemma is not None and any(is_cyrillic(w) for w in words):
        keys |= _spellings([token_key(lemma(w)) for w in words])
    target = skeleton(name)
    return {
        k: target for k in keys if len(k.strip()) >= MIN_KEY_LENGTH and len(k) <= MAX_KEY_LENGTH
    }


def _spellings(parts: list[str]) -> set[str]:
    parts = [p for p in parts if p]
    if not parts:
        return set()
    keys = {" ".join(parts) + " "}
    if len(parts) > 1:
        keys.add(skeleton("".join(parts)) + " ")
    return keys


def index_entries(
    located: Iterable[str], unlocated: Iterable[str] = (), lemma: Lemma | None = best_lemma
) -> dict[str, tuple[int, frozenset[str]]]:
    """Key → (kinds, other lookup skeletons) for names of places with and without a point."""
    entries: dict[str, tuple[int, frozenset[str]]] = {}
    for names, kind in ((located, PLACES), (unlocated, UNLOCATED)):
        for name in names:
            for key, target in name_keys(name, lemma).items():
                kinds, others = entries.get(key, (0, frozenset()))
                if kind == PLACES and target != key_skeleton(key):
                    others = others | {target}
                entries[key] = (kinds | kind, others)
    return entries


# -- the index -------------------------------------------------------------------------------


@dataclass(frozen=True)
class NameIndex:
    """Keys → what they name; see the module notes. Open with :meth:`bundled` or
    :meth:`open`, or index names in memory with :meth:`build`."""

    keys: Any
    values: Sequence[int]
    targets: Any

    @classmethod
    def bundled(cls) -> NameIndex:
        """The index shipped with the gazetteer (memory-mapped once per process)."""
        return _bundled()

    @classmethod
    def open(cls, folder: Path, files: Mapping[str, Path] | None = None) -> NameIndex:
        """Memory-map the index files in ``folder`` (or at the paths ``files`` gives)."""
        import marisa_trie

        paths = {name: folder / name for name in (KEYS_FILE, VALUES_FILE, TARGETS_FILE)}
        paths.update(files or {})
        try:
            keys, targets = marisa_trie.Trie(), marisa_trie.Trie()
            keys.mmap(str(paths[KEYS_FILE]))
            targets.mmap(str(paths[TARGETS_FILE]))
            values = _mapped_values(paths[VALUES_FILE])
        except (OSError, ValueError, RuntimeError) as err:
            raise GazetteerDataError(
                f"the gazetteer's name index in {folder} is missing or damaged ({err}); "
                f"reinstall the `mapper` distribution, or {REBUILD}"
            ) from err
        if len(values) != len(keys):
            raise GazetteerDataError(
                f"the gazetteer's name index in {folder} is inconsistent ({len(keys)} keys, "
                f"{len(values)} values); {REBUILD}"
            )
        return cls(keys, values, targets)

    @classmethod
    def build(cls, entries: Mapping[str, tuple[int, frozenset[str]]]) -> NameIndex:
        """An index in memory of ``entries`` (from :func:`index_entries`)."""
        keys, values, targets = _tries(entries)
        return cls(keys, values, targets)

    def __len__(self) -> int:
        return len(self.keys)

    def matches(self, text: str) -> list[tuple[str, int]]:
        """(key, value) of every key that is a prefix of ``text`` (folded words and spaces)."""
        values = self.values
        return [(key, values[i]) for key, i in self.keys.iter_prefixes_with_ids(text)]

    def starts_with(self, prefix: str) -> bool:
        """Whether some key starts with ``prefix``."""
        return next(iter(self.keys.iterkeys(prefix)), None) is not None

    def get(self, key: str) -> int | None:
        """The value of ``key``, or ``None`` when it is not indexed."""
        i = self.keys.get(key)
        return None if i is None else self.values[i]

    def targets_of(self, value: int) -> tuple[str, ...]:
        """The lookup skeletons a key's value adds to the key's own."""
        target = value >> _KIND_BITS
        return tuple(self.targets.restore_key(target - 1).split()) if target else ()

    @staticmethod
    def kinds_of(value: int) -> int:
        """:data:`PLACES`, :data:`UNLOCATED` or both."""
        return value & _KIND_MASK


def _tries(entries: Mapping[str, tuple[int, frozenset[str]]]) -> tuple[Any, array[int], Any]:
    import marisa_trie

    keys = marisa_trie.Trie(sorted(entries))
    target_strings = sorted({" ".join(sorted(t)) for _k, t in entries.values() if t})
    targets = marisa_trie.Trie(target_strings)
    values = array("I", bytes(4 * len(keys)))
    for key, (kinds, others) in entries.items():
        target = targets[" ".join(sorted(others))] + 1 if others else 0
        values[keys[key]] = target << _KIND_BITS | kinds
    return keys, values, targets


def _mapped_values(path: Path) -> Sequence[int]:
    with path.open("rb") as file:
        if path.stat().st_size == 0:
            return array("I")
        mapped = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
    if sys.byteorder == "little" and array("I").itemsize == 4:
        return memoryview(mapped).cast("I")
    values = array("I")  # pragma: no cover - big-endian machines read a copy
    values.frombytes(bytes(mapped))
    values.byteswap()
    return values


@lru_cache(maxsize=1)
def _bundled() -> NameIndex:
    from gazetteer.store import DATA, manifest

    found = manifest().get("names")
    digest = manifest()["sqlite_sha256"]
    if not isinstance(found, dict) or found.get("scheme") != SCHEME:
        raise GazetteerDataError(
            f"the bundled gazetteer has no name index of scheme {SCHEME}; {REBUILD}"
        )
    if found.get("sqlite_sha256") != digest:
        raise GazetteerDataError(
            f"the bundled name index was built from another gazetteer database; {REBUILD}"
        )
    if isinstance(DATA, Path):
        return NameIndex.open(DATA)
    with ExitStack() as stack:  # a zipped install: the files are extracted for mapping
        folder = {
            name: stack.enter_context(resources.as_file(DATA / name))
            for name in (KEYS_FILE, VALUES_FILE, TARGETS_FILE)
        }
        return NameIndex.open(folder[KEYS_FILE].parent, files=folder)


# -- writing ---------------------------------------------------------------------------------


def write_index(db: sqlite3.Connection, out_dir: Path, digest: str) -> dict[str, Any]:
    """Write the index of ``db``'s names into ``out_dir``; its manifest entry.

    ``digest`` is the SHA-256 of the database; the entry records it, with the scheme, the
    number of keys and each file's SHA-256.
    """
    located = (name for (name,) in db.execute("SELECT name FROM names"))
    entries = index_entries(located, unlocated_names(db))
    keys, values, targets = _tries(entries)
    if sys.byteorder != "little":  # pragma: no cover
        values.byteswap()
    files = {KEYS_FILE: keys.tobytes(), VALUES_FILE: values.tobytes()}
    files[TARGETS_FILE] = targets.tobytes()
    for name, payload in files.items():
        (out_dir / name).write_bytes(payload)
    return {
        "scheme": SCHEME,
        "sqlite_sha256": digest,
        "keys": len(keys),
        "files": {name: hashlib.sha256(payload).hexdigest() for name, payload in files.items()},
    }


def unlocated_names(db: sqlite3.Connection) -> Iterator[str]:
    """The names and other names of the places ``db`` knows without a point."""
    for (raw,) in db.execute("SELECT raw FROM unlocated ORDER BY id"):
        record = json.loads(raw)
        for name in [record["name"], *record.get("names_alt", "").split(";")]:
            if name.strip():
                yield name
