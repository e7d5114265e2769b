"""Extraction throughput on a multi-megabyte corpus built from the project's own articles.

Prints MB/s and documents/s (median of repeated runs) for: document reading (language,
furniture), the name scan alone (mapper's matcher), place mentions only, the full
extraction (mentions and incidents), and two peers on the same texts: a raw multi-pattern
scan of every gazetteer name (pyahocorasick over the lower-cased names table: the
practical limit) and geotext. The gazetteer and matcher are loaded before timing; their
load time is printed separately.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

from benchlib import corpus, median_seconds, megabytes

from mapper.pipeline import Extractor
from mapper.read.documents import Document, document_from_text
from mapper.read.tokens import tokenize

TARGET_BYTES = 4_000_000
RUNS = 3
GEOTEXT_INSTALL = "pip install geotext"


def load_extractor() -> tuple[Extractor, float]:
    """The extractor with its matcher loaded, and the seconds that took."""
    start = time.perf_counter()
    extractor = Extractor()
    _ = extractor.matcher
    return extractor, time.perf_counter() - start


def documents(texts: Sequence[str]) -> list[Document]:
    """Documents for ``texts`` (language detected, furniture found)."""
    return [document_from_text(t, doc_id=f"d{i}") for i, t in enumerate(texts)]


def name_scan(extractor: Extractor, texts: Sequence[str]) -> int:
    """mapper's name scan alone over ``texts``; the number of hits."""
    matcher = extractor.matcher
    return sum(len(list(matcher.hits(tokenize(t), t))) for t in texts)


def mentions(extractor: Extractor, docs: Sequence[Document]) -> int:
    """Resolved place mentions of ``docs``; how many."""
    return sum(len(extractor.mentions(d)) for d in docs)


def full(extractor: Extractor, docs: Sequence[Document]) -> int:
    """Mentions and incidents of ``docs``; how many incidents."""
    return sum(len(extractor.extract(d).incidents) for d in docs)


def raw_automaton(database: Any) -> Any:
    """An Aho-Corasick automaton of every lower-cased name in the gazetteer's names table."""
    import ahocorasick

    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    for (name,) in database.execute("SELECT name FROM names"):
        automaton.add_word(name.lower(), 1)
    automaton.make_automaton()
    return automaton


def raw_scan(automaton: Any, texts: Sequence[str]) -> int:
    """Every occurrence of every name in the lower-cased ``texts``; how many."""
    return sum(sum(1 for _ in automaton.iter(t.lower())) for t in texts)


def geotext_missing() -> str | None:
    """Why geotext cannot be run here, or None when it can."""
    try:
        import geotext  # noqa: F401
    except ImportError:
        return f"geotext is not installed ({GEOTEXT_INSTALL})"
    return None


def geotext_scan(texts: Sequence[str]) -> int:
    """geotext's cities and countries in ``texts``; how many."""
    from geotext import GeoText

    found = 0
    for text in texts:
        places = GeoText(text)
        found += len(places.cities) + len(places.countries)
    return found


def throughput(
    work: Callable[[], object], texts: Sequence[str], runs: int
) -> tuple[float, float, float]:
    """MB/s, documents/s and median seconds of ``work`` over ``texts``."""
    seconds = median_seconds(work, runs)
    return megabytes(texts) / seconds, len(texts) / seconds, seconds


def _report(label: str, work: Callable[[], object], texts: Sequence[str], runs: int) -> None:
    """Print one throughput line."""
    mb_s, docs_s, _ = throughput(work, texts, runs)
    print(f"{label:40} {mb_s:8.2f} MB/s {docs_s:9.0f} docs/s (median of {runs})")
    sys.stdout.flush()


def main(argv: list[str] | None = None) -> int:
    """Print the throughput of each stage and peer."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=TARGET_BYTES / 1e6, help="corpus size")
    parser.add_argument("--runs", type=int, default=RUNS)
    args = parser.parse_args(argv)
    extractor, load = load_extractor()
    print(f"{'gazetteer + matcher load':40} {load:8.2f} s")
    texts = corpus(int(args.mb * 1e6))
    print(f"corpus: {len(texts)} articles, {megabytes(texts):.2f} MB")
    docs = documents(texts)
    runs = args.runs
    _report("document reading (language, furniture)", lambda: documents(texts), texts, runs)
    _report("name scan only (matcher)", lambda: name_scan(extractor, texts), texts, runs)
    _report("place mentions (recognise + resolve)", lambda: mentions(extractor, docs), texts, runs)
    _report("full extraction (mentions + incidents)", lambda: full(extractor, docs), texts, runs)
    automaton = raw_automaton(extractor.gazetteer.database)
    _report("raw scan, all names (pyahocorasick)", lambda: raw_scan(automaton, texts), texts, runs)
    missing = geotext_missing()
    if missing:
        print(f"{'geotext':40} skipped: {missing}")
    else:
        _report("geotext (cities + countries)", lambda: geotext_scan(texts), texts, runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
