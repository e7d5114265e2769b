"""The candidates for the gazetteer's name index, measured side by side.

    python bench/name_index.py [--real DIR]...

Builds each structure from the bundled gazetteer's name keys (:func:`gazetteer.names.index_entries`,
the keys the shipped index holds) and scans the same real articles with it (every word a
name may start at, as mapper's matcher reads them), printing build time, size on disk,
time to open in a new process, scan speed and the memory it adds. Candidates whose package
is not installed are skipped with a note: a MARISA trie (marisa-trie, the one shipped), a
DAWG (DAWG2), an Aho-Corasick automaton (pyahocorasick, saved with its own pickling; what
mapper used before) and ahocorasick-rs (which cannot be saved). The figures are quoted in
:mod:`gazetteer.names`.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchlib import REAL_FOLDERS, corpus, megabytes, real_corpus

OPEN = {
    "marisa": "import marisa_trie; t = marisa_trie.Trie(); t.mmap({path!r})",
    "dawg": "import dawg; d = dawg.IntDAWG(); d.load({path!r})",
    "pyahocorasick": "import ahocorasick, pickle; a = ahocorasick.load({path!r}, pickle.loads)",
}


def rss_mib() -> float:
    """This process's resident memory now, in MiB."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def windows(texts: list[str]) -> list[str]:
    """Every window of folded words a name may start at, as the matcher looks them up."""
    from mapper.geoparse.matcher import _streams
    from mapper.read.tokens import tokenize

    found = []
    for text in texts:
        for stream, starts in _streams(tokenize(text), text):
            found += [stream[offset : offset + 254] for _i, offset, _w in starts]
    return found


_CHILD = """
import os, time
def rss():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
{imports}
before, start = rss(), time.perf_counter()
{opening}
print(time.perf_counter() - start, rss() - before)
"""


def opened_in_new_process(kind: str, path: Path) -> tuple[float, float]:
    """Seconds to open the saved structure in a new process (the import excluded), and the
    resident memory that adds in MiB (a memory-mapped file adds pages only as read)."""
    imports, *opening = OPEN[kind].split(";")
    code = _CHILD.format(imports=imports.strip(), opening=";".join(opening).strip())
    done = subprocess.run(
        [sys.executable, "-c", code.replace("{path!r}", repr(str(path)))],
        capture_output=True,
        text=True,
        check=True,
    )
    seconds, mib = done.stdout.split()
    return float(seconds), float(mib)


def measure(
    name: str,
    build: Callable[[], Any],
    scan: Callable[[Any], int],
    save: Callable[[Any, Path], None] | None,
    kind: str | None,
    size_mb: float,
) -> None:
    """Build, save, reopen and scan with one structure; print its table line."""
    before = rss_mib()
    start = time.perf_counter()
    built = build()
    seconds = time.perf_counter() - start
    added = rss_mib() - before
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "index"
        if save is not None and kind is not None:
            save(built, path)
            disk = f"{path.stat().st_size / 1e6:.1f} MB"
            open_s, added = opened_in_new_process(kind, path)
            opened = f"{open_s:.4f} s"
        else:
            disk, opened = "cannot be saved", f"{seconds:.1f} s (rebuilt)"
    start = time.perf_counter()
    hits = scan(built)
    scan_s = time.perf_counter() - start
    print(
        f"| {name} | {seconds:.1f} s | {disk} | {opened} | {size_mb / scan_s:.1f} MB/s "
        f"({hits:,} hits) | {added:+.0f} MiB |",
        flush=True,
    )


def main(argv: list[str] | None = None) -> int:
    """Measure every candidate that is installed and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--real", type=Path, action="append")
    args = parser.parse_args(argv)
    texts, _ = real_corpus(args.real or REAL_FOLDERS)
    texts = texts or corpus(200_000)
    from gazetteer import Gazetteer
    from gazetteer.names import index_entries, unlocated_names

    db = Gazetteer.bundled().database
    start = time.perf_counter()
    entries = index_entries(
        (n for (n,) in db.execute("SELECT name FROM names")), unlocated_names(db)
    )
    keys = sorted(entries)
    print(f"{len(keys):,} keys folded in {time.perf_counter() - start:.0f} s")
    looked_up = windows(texts)
    size = megabytes(texts)
    print(f"{len(texts)} articles, {size:.2f} MB, {len(looked_up):,} word windows\n")
    print("| structure | build | on disk | open (new process) | scan | memory once open |")
    print("|---|---|---|---|---|---|")

    def marisa() -> None:
        import marisa_trie

        def scan(trie: Any) -> int:
            return sum(len(trie.prefixes(w)) for w in looked_up)

        def save(trie: Any, path: Path) -> None:
            trie.save(str(path))

        measure(
            "MARISA trie (marisa-trie)", lambda: marisa_trie.Trie(keys), scan, save, "marisa", size
        )

    def dawg() -> None:
        import dawg as dawg_module

        def scan(d: Any) -> int:
            return sum(len(d.prefixes(w)) for w in looked_up)

        def build() -> Any:
            return dawg_module.IntDAWG(zip(keys, range(len(keys)), strict=True))

        def save(built: Any, path: Path) -> None:
            built.save(str(path))

        measure("DAWG (DAWG2)", build, scan, save, "dawg", size)

    streams = [" " + stream for stream in _streams_of(texts)]

    def pyac() -> None:
        import ahocorasick

        def build() -> Any:
            automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
            for i, key in enumerate(keys):
                automaton.add_word(" " + key, i)
            automaton.make_automaton()
            return automaton

        def scan(automaton: Any) -> int:
            return sum(sum(1 for _ in automaton.iter(stream)) for stream in streams)

        def save(automaton: Any, path: Path) -> None:
            automaton.save(str(path))  # integer values: written without a pickler

        measure("Aho-Corasick (pyahocorasick, before)", build, scan, save, "pyahocorasick", size)

    def acrs() -> None:
        import ahocorasick_rs

        def scan(automaton: Any) -> int:
            return sum(len(automaton.find_matches_as_indexes(s, overlapping=True)) for s in streams)

        def build() -> Any:
            return ahocorasick_rs.AhoCorasick([" " + key for key in keys])

        measure("Aho-Corasick (ahocorasick-rs)", build, scan, None, None, size)

    for candidate in (marisa, dawg, pyac, acrs):
        try:
            candidate()
        except ImportError as err:
            print(f"| {candidate.__name__} | skipped: {err.name} is not installed | | | | |")
    return 0


def _streams_of(texts: list[str]) -> list[str]:
    from mapper.geoparse.matcher import _streams
    from mapper.read.tokens import tokenize

    return [" " + stream for text in texts for stream, _ in _streams(tokenize(text), text)]


if __name__ == "__main__":
    sys.exit(main())
