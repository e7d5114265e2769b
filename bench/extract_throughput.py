"""Extraction throughput on a multi-megabyte corpus built from the project's own dev-set articles.

Prints MB/s and documents/s (median of repeated runs) for: place mentions only, the full
extraction (mentions and incidents), and the bare name scan (the matcher alone) as the
practical limit. The gazetteer and matcher are loaded before timing; their load time is
printed separately.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from mapper.documents import document_from_text
from mapper.extract import Extractor
from mapper.tokens import tokenize

DEVSET = Path(__file__).resolve().parents[1] / "tests" / "devset"
TARGET_BYTES = 4_000_000
RUNS = 3


def corpus() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(DEVSET.glob("*.txt"))]
    out, size, i = [], 0, 0
    while size < TARGET_BYTES:
        text = texts[i % len(texts)]
        out.append(text)
        size += len(text.encode("utf-8"))
        i += 1
    return out


def timed(label: str, work, texts: list[str]) -> None:
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    runs = []
    for _ in range(RUNS):
        start = time.perf_counter()
        work(texts)
        runs.append(time.perf_counter() - start)
    median = statistics.median(runs)
    print(
        f"{label:34} {size / median:8.2f} MB/s {len(texts) / median:9.0f} docs/s "
        f"({size:.1f} MB, median of {RUNS})"
    )


def main() -> None:
    start = time.perf_counter()
    extractor = Extractor()
    matcher = extractor.matcher
    print(f"{'gazetteer + matcher load':34} {time.perf_counter() - start:8.2f} s")
    texts = corpus()
    documents = [document_from_text(t, doc_id=f"d{i}") for i, t in enumerate(texts)]
    timed(
        "document reading (language, furniture)",
        lambda ts: [document_from_text(t, doc_id="d") for t in ts],
        texts,
    )
    timed(
        "name scan only (matcher)",
        lambda ts: [list(matcher.hits(tokenize(t), t)) for t in ts],
        texts,
    )
    timed(
        "place mentions (recognise + resolve)",
        lambda ts: [extractor.mentions(d) for d in documents],
        texts,
    )
    timed(
        "full extraction (mentions + incidents)",
        lambda ts: [extractor.extract(d) for d in documents],
        texts,
    )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
