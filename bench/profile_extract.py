"""Where full extraction spends its time: cProfile over the generated corpus.

    python bench/profile_extract.py [--mb 1] [--top 25] [--sort cumulative]

Loads the extractor first (not profiled), reads the corpus into documents (not profiled),
warms up on a few documents, then profiles ``Extractor.extract`` over every document and
prints the top functions.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys

import extract_throughput as et
from benchlib import corpus, megabytes

WARM_UP = 10


def main(argv: list[str] | None = None) -> int:
    """Profile full extraction and print the top functions."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.0, help="corpus size in MB")
    parser.add_argument("--top", type=int, default=25, help="functions to print")
    parser.add_argument("--sort", default="cumulative", help="pstats sort key")
    args = parser.parse_args(argv)
    extractor, _ = et.load_extractor()
    texts = corpus(int(args.mb * 1e6))
    docs = et.documents(texts)
    et.full(extractor, docs[:WARM_UP])
    profile = cProfile.Profile()
    profile.runcall(et.full, extractor, docs)
    stats = pstats.Stats(profile)
    print(f"{len(docs)} documents, {megabytes(texts):.2f} MB; {stats.total_tt:.2f} s profiled")
    stats.sort_stats(args.sort).print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
