"""Cold `mapper geocode Batken` in a new process: median wall time over repeated runs.

Two figures: with the decompressed gazetteer already in the cache (every run after the
first), and with an empty cache (the very first run after installing).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

RUNS = 7
COMMAND = [sys.executable, "-m", "mapper.cli", "geocode", "Batken", "--limit", "1"]


def timed(env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(COMMAND, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "MAPPER_CACHE_DIR": cache}
        first = timed(env)
        warm = [timed(env) for _ in range(RUNS)]
    empty = []
    for _ in range(3):
        with tempfile.TemporaryDirectory() as cache:
            empty.append(timed({**os.environ, "MAPPER_CACHE_DIR": cache}))
    print(f"{'measure':46} {'median s':>9} {'runs':>5}")
    print(f"{'cold process, gazetteer cached':46} {statistics.median(warm):9.3f} {RUNS:5}")
    print(f"{'cold process, empty cache (first run)':46} {statistics.median(empty):9.3f} {3:5}")
    print(f"{'(first run in the warm series)':46} {first:9.3f} {1:5}")
    print(f"{'python -c pass (interpreter floor)':46} {_floor():9.3f} {RUNS:5}")


def _floor() -> float:
    runs = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


if __name__ == "__main__":
    main()
