"""Speed-up of `mapper extract --engine dask` with 2 workers over 1 on this machine.

Builds a corpus of files from the dev-set articles in a temporary folder, runs the Dask
engine with 1 and with 2 local workers (median of repeated runs, cluster start-up and the
per-worker gazetteer load included, as a user would see them) and the default engine.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEVSET = Path(__file__).resolve().parents[1] / "tests" / "devset"
COPIES = 40
RUNS = 3


def corpus(folder: Path) -> int:
    size = 0
    for copy in range(COPIES):
        for path in sorted(DEVSET.glob("*.txt")):
            target = folder / f"{copy:03d}_{path.name}"
            shutil.copy(path, target)
            size += target.stat().st_size
    return size


def timed(args: list[str]) -> float:
    runs = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "mapper.cli", "extract", *args, "--quiet"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        size = corpus(Path(tmp))
        files = COPIES * len(list(DEVSET.glob("*.txt")))
        print(f"corpus: {files} files, {size / 1e6:.2f} MB")
        local = timed([tmp])
        one = timed([tmp, "--engine", "dask", "--workers", "1"])
        two = timed([tmp, "--engine", "dask", "--workers", "2"])
    print(f"{'engine':28} {'median s':>9} {'MB/s':>7}")
    for label, seconds in (
        ("local (one process)", local),
        ("dask, 1 worker", one),
        ("dask, 2 workers", two),
    ):
        print(f"{label:28} {seconds:9.2f} {size / 1e6 / seconds:7.2f}")
    print(f"speed-up of 2 workers over 1: {one / two:.2f}x")


if __name__ == "__main__":
    main()
