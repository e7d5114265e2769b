"""Speed-up of `mapper extract --engine dask` with 2 workers over 1 on this machine, and
the memory of one Dask worker.

Writes the generated corpus (see :mod:`benchlib`) as files in a temporary folder, runs the
Dask engine with 1 and with 2 local workers (median of repeated runs, cluster start-up and
the per-worker gazetteer load included, as a user would see them) and the default engine.
:func:`worker_memory` measures one worker's resident memory idle, after loading the
gazetteer and matcher, and at its peak while extracting.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchlib import corpus, megabytes, run_child, write_corpus

TARGET_BYTES = 1_500_000
RUNS = 3


@dataclass(frozen=True)
class EngineRun:
    """Medians over runs of ``mapper extract``: seconds in all and until the first output
    line (start-up, gazetteer load and the first partition); the largest RSS in MiB."""

    seconds: float
    first_line: float
    peak_rss_mib: float
    cpu_seconds: float = 0.0

    @property
    def after_first_line(self) -> float:
        """Seconds from the first output line to the end: the steady state."""
        return self.seconds - self.first_line


def timed(args: list[str], runs: int = RUNS) -> EngineRun:
    """``mapper extract ARGS --quiet``, ``runs`` times."""
    command = [sys.executable, "-m", "mapper.cli", "extract", *args, "--quiet"]
    results = [run_child(command) for _ in range(runs)]
    return EngineRun(
        statistics.median(r.seconds for r in results),
        statistics.median(r.first_line_seconds for r in results),
        max(r.peak_rss_mib for r in results),
        statistics.median(r.cpu_seconds for r in results),
    )


def engines(folder: Path) -> dict[str, list[str]]:
    """The command-line arguments of each engine compared, by label."""
    return {
        "local (one process)": [str(folder)],
        "dask, 1 worker": [str(folder), "--engine", "dask", "--workers", "1"],
        "dask, 2 workers": [str(folder), "--engine", "dask", "--workers", "2"],
    }


@dataclass(frozen=True)
class WorkerMemory:
    """Resident memory of one Dask worker process, in MiB."""

    idle: float
    loaded: float
    load_peak: float
    extracting_peak: float
    after: float


def _rss_mb() -> tuple[float, float]:
    """On a worker: current and peak resident memory in MiB."""
    import resource

    import psutil

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return psutil.Process().memory_info().rss / 2**20, peak


def _one_worker_rss(client: Any) -> tuple[float, float]:
    """Current and peak RSS of the cluster's only worker."""
    (value,) = client.run(_rss_mb).values()
    return value


def worker_memory(files: list[Path]) -> WorkerMemory:
    """Load the extractor on a one-worker cluster with one file, then extract ``files``."""
    from dask.distributed import Client, LocalCluster

    from mapper.tools.dask_engine import extract_lines_dask

    with (
        LocalCluster(
            n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        address = cluster.scheduler_address
        idle, _ = _one_worker_rss(client)
        for _ in extract_lines_dask([str(files[0])], scheduler=address):
            pass
        loaded, load_peak = _one_worker_rss(client)
        for _ in extract_lines_dask([str(f) for f in files], scheduler=address):
            pass
        after, peak = _one_worker_rss(client)
    return WorkerMemory(idle, loaded, load_peak, peak, after)


def _identity(item: object) -> object:
    """A task that does nothing: what is left is the cost of scheduling."""
    return item


def client_overhead(files: int, sample: int = 5) -> tuple[float, float]:
    """Milliseconds of client time per partition for ``files`` paths, split into partitions
    as :mod:`mapper.tools.dask_engine` splits them: a ``client.compute`` call on one
    partition of the bag (the way ``mapper extract --engine dask`` submits), and
    ``client.submit`` of one partition's paths as a plain list, with its result."""
    import dask.bag
    from dask.distributed import Client, LocalCluster

    from mapper.tools.dask_engine import PARTITION_SIZE

    items = [(f"/archive/shard/{i:09d}.txt", None) for i in range(files)]
    chunks = [items[i : i + PARTITION_SIZE] for i in range(0, files, PARTITION_SIZE)]
    with (
        LocalCluster(
            n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        parts = dask.bag.from_sequence(items, partition_size=PARTITION_SIZE)
        parts = parts.map(_identity).to_delayed()
        start = time.perf_counter()
        futures = [client.compute(part) for part in parts[:sample]]
        compute_ms = (time.perf_counter() - start) / sample * 1000
        client.gather(futures)
        start = time.perf_counter()
        for chunk in chunks[:sample]:
            client.submit(_identity, chunk, pure=False).result()
        submit_ms = (time.perf_counter() - start) / sample * 1000
    return compute_ms, submit_ms


def _print_overheads(sizes: list[int]) -> None:
    """The table of :func:`client_overhead` for each number of files."""
    from mapper.tools.dask_engine import PARTITION_SIZE

    print(f"{'files':>9} {'partitions':>10} {'compute ms':>11} {'submit ms':>10}")
    for files in sizes:
        compute_ms, submit_ms = client_overhead(files)
        partitions = -(-files // PARTITION_SIZE)
        print(f"{files:9,} {partitions:10,} {compute_ms:11.1f} {submit_ms:10.1f}", flush=True)


def main(argv: list[str] | None = None) -> int:
    """Print the engines' times, the speed-up and one worker's memory."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=TARGET_BYTES / 1e6, help="corpus size")
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument(
        "--client-overhead",
        type=int,
        nargs="+",
        metavar="FILES",
        help="only print the client's cost per partition for these numbers of files",
    )
    args = parser.parse_args(argv)
    if args.client_overhead:
        _print_overheads(args.client_overhead)
        return 0
    texts = corpus(int(args.mb * 1e6))
    size = megabytes(texts)
    with tempfile.TemporaryDirectory() as tmp:
        files = write_corpus(texts, Path(tmp))
        print(f"corpus: {len(files)} files, {size:.2f} MB")
        print(f"{'engine':28} {'median s':>9} {'first line s':>13} {'MB/s':>7} {'RSS MiB':>8}")
        done = {}
        for label, engine_args in engines(Path(tmp)).items():
            run = done[label] = timed(engine_args, args.runs)
            print(
                f"{label:28} {run.seconds:9.2f} {run.first_line:13.2f} "
                f"{size / run.seconds:7.2f} {run.peak_rss_mib:8.0f}"
            )
        memory = worker_memory(files)
    one, two = done["dask, 1 worker"], done["dask, 2 workers"]
    print(
        f"speed-up of 2 workers over 1: {one.seconds / two.seconds:.2f}x in all, "
        f"{one.after_first_line / two.after_first_line:.2f}x after the first line"
    )
    print(
        f"one worker's RSS: idle {memory.idle:.0f} MiB, loaded {memory.loaded:.0f} MiB, "
        f"peak while extracting {memory.extracting_peak:.0f} MiB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
