"""Cold `mapper geocode Batken` in a new process, and warm lookups per second.

Cold figures (median wall time over repeated runs, each in a new process): with the
decompressed gazetteer already in the cache (every run after the first), and with an
empty cache (``MAPPER_CACHE_DIR`` pointing at a new folder: the very first run after
installing). Warm figures: :meth:`Gazetteer.lookup` in one process over names sampled
from the gazetteer's names table, first for each name and then again (key cache warm).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

from benchlib import ChildRun, run_child

if TYPE_CHECKING:
    from gazetteer import Gazetteer

RUNS = 7
EMPTY_RUNS = 3
LOOKUP_NAMES = 2_000
COMMAND = [sys.executable, "-m", "mapper.cli", "geocode", "Batken", "--limit", "1"]


def cached_runs(runs: int) -> tuple[ChildRun, list[ChildRun]]:
    """The first run with a new cache folder, then ``runs`` runs with it filled."""
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "MAPPER_CACHE_DIR": cache}
        first = run_child(COMMAND, env)
        return first, [run_child(COMMAND, env) for _ in range(runs)]


def empty_runs(runs: int) -> list[ChildRun]:
    """``runs`` runs, each with a new, empty cache folder."""
    out = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as cache:
            out.append(run_child(COMMAND, {**os.environ, "MAPPER_CACHE_DIR": cache}))
    return out


def floor_runs(runs: int) -> list[ChildRun]:
    """``python -c pass``: the interpreter's own start-up."""
    return [run_child([sys.executable, "-c", "pass"]) for _ in range(runs)]


def sample_names(gazetteer: Gazetteer, count: int = LOOKUP_NAMES) -> list[str]:
    """``count`` names spread evenly over the names table (the same ones every run)."""
    names = [name for (name,) in gazetteer.database.execute("SELECT name FROM names")]
    return names[:: max(1, len(names) // count)][:count]


def lookup_all(gazetteer: Gazetteer, names: Sequence[str]) -> int:
    """Look up every name; the number of names that found a place."""
    from mapper.errors import MapperError

    found = 0
    for name in names:
        try:
            found += bool(gazetteer.lookup(name, limit=1))
        except MapperError:
            continue
    return found


def lookup_rates(names: Sequence[str], runs: int) -> tuple[float, float]:
    """Lookups per second: each name for the first time, and the same names again."""
    from gazetteer import Gazetteer

    gazetteer = Gazetteer.bundled()
    start = time.perf_counter()
    lookup_all(gazetteer, names)
    first = len(names) / (time.perf_counter() - start)
    again = []
    for _ in range(runs):
        start = time.perf_counter()
        lookup_all(gazetteer, names)
        again.append(len(names) / (time.perf_counter() - start))
    return first, statistics.median(again)


def median_of(runs: Sequence[ChildRun]) -> float:
    """Median wall time of child runs."""
    return statistics.median(r.seconds for r in runs)


def main() -> None:
    """Print cold start times and warm lookup rates."""
    first, warm = cached_runs(RUNS)
    empty = empty_runs(EMPTY_RUNS)
    print(f"{'measure':46} {'median s':>9} {'runs':>5}")
    print(f"{'cold process, gazetteer cached':46} {median_of(warm):9.3f} {RUNS:5}")
    print(f"{'cold process, empty cache (first run)':46} {median_of(empty):9.3f} {EMPTY_RUNS:5}")
    print(f"{'(first run in the warm series)':46} {first.seconds:9.3f} {1:5}")
    print(f"{'python -c pass (interpreter floor)':46} {median_of(floor_runs(RUNS)):9.3f} {RUNS:5}")
    from gazetteer import Gazetteer

    names = sample_names(Gazetteer.bundled())
    cold, again = lookup_rates(names, RUNS)
    print(f"lookups/s over {len(names)} names: {cold:,.0f} first time, {again:,.0f} again")


if __name__ == "__main__":
    main()
