"""All benchmarks side by side, in one run: ``python bench/run.py [--quick] [--real DIR]...``.

Prints a Markdown table of medians over repeated runs: extraction throughput per core (MB
per CPU-second of the measuring process, wall time beside it) on real articles against a
raw scan of every gazetteer name and geotext; one article in a new process from an empty
cache and with the cache warm, the cache's size and the libraries the extract path
imports; gazetteer cold start and warm lookups; map build, page size and first paint
against folium; the Dask engine with 1 and 2 workers and one worker's memory.
Every row is measured in a process of its own, whose peak RSS is printed with it; targets
are printed next to the figures (benchmarks, not tests). ``--quick`` runs small sizes
only; ``--real`` names the folders of real articles (default: ``bench/corpora/news/text``
and ``../shared/seeds``; the generated corpus stands in when none is there);
``--sections`` picks sections.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from benchlib import (
    BENCH,
    RAW_RATIO_TARGET,
    REAL_FOLDERS,
    TABLE_HEADER,
    TABLE_RULE,
    Row,
    corpus,
    megabytes,
    parallel_cores,
    peak_rss_mib,
    real_corpus,
    run_child,
    save_texts,
    table_line,
    verdict,
    write_corpus,
)

MARKER_LOOP_BUDGET_S = 60.0
MAP_VARIANTS = ("mapper", "folium Marker loop", "folium FastMarkerCluster")


@dataclass(frozen=True)
class Plan:
    """Sizes and repetitions of one benchmark run."""

    corpus_bytes: int
    dask_bytes: int
    runs: int
    map_sizes: tuple[int, ...]
    geocode_runs: int
    empty_cache_runs: int
    lookup_names: int


FULL = Plan(4_000_000, 4_000_000, 5, (1_000, 10_000, 100_000), 7, 3, 2_000)
QUICK = Plan(250_000, 100_000, 1, (1_000,), 2, 1, 300)
SECTIONS = ("extract", "gazetteer", "map", "dask")


def measure(kind: str, **options: object) -> list[Row]:
    """Rows from ``bench/measure.py KIND`` in a new process, with its peak RSS."""
    command = [sys.executable, str(BENCH / "measure.py"), kind]
    for key, value in options.items():
        command += [f"--{key}", str(value)]
    done = run_child(command)
    rows = [Row.from_dict(json.loads(line)) for line in done.stdout.splitlines() if line]
    for row in rows:
        if row.peak_rss_mib is None:
            row.peak_rss_mib = done.peak_rss_mib
    return rows


def extraction_rows(plan: Plan, texts_path: Path) -> Iterator[Row]:
    """Extraction stages and peers over the same corpus file."""
    measure("load")  # fills the gazetteer cache when it is empty
    loads = [measure("load")[0] for _ in range(plan.runs)]
    seconds = statistics.median(r.values["s"] for r in loads)
    yield Row(
        "extract",
        "gazetteer + name index load (new process, cache warm)",
        f"{seconds:.3f} s",
        runs=plan.runs,
        peak_rss_mib=max(r.peak_rss_mib or 0 for r in loads),
    )
    found: dict[str, Row] = {}
    for variant in ("reading", "matcher", "mentions", "full"):
        (row,) = measure("extraction", corpus=texts_path, runs=plan.runs, variant=variant)
        found[variant] = row
        yield row
    (raw,) = measure("raw", corpus=texts_path, runs=plan.runs)
    yield raw
    yield from measure("geotext", corpus=texts_path, runs=plan.runs)
    yield _raw_ratio(raw, found["full"])
    yield from measure(
        "single", corpus=texts_path, runs=plan.geocode_runs, size=plan.empty_cache_runs
    )


def _raw_ratio(raw: Row, full: Row) -> Row:
    """How many times faster the raw name scan is than the full extraction."""
    ratio = raw.values["mb_s"] / full.values["mb_s"]
    return Row(
        "extract",
        "raw scan / full extraction",
        f"{ratio:.1f}x slower than the raw scan",
        target=f"within {RAW_RATIO_TARGET:g}x: {verdict(ratio <= RAW_RATIO_TARGET)}",
        values={"ratio": ratio},
        derived=True,
    )


def gazetteer_rows(plan: Plan) -> Iterator[Row]:
    """Cold ``mapper geocode`` (cache filled, cache empty), the interpreter floor, lookups."""
    yield from measure("geocode", runs=plan.geocode_runs, size=plan.empty_cache_runs)
    yield from measure("lookups", runs=plan.runs, size=plan.lookup_names)


def map_rows(plan: Plan) -> Iterator[Row]:
    """Each map variant at each size; the Marker loop only where it fits its time budget."""
    per_incident = 0.0
    for size in plan.map_sizes:
        for variant in MAP_VARIANTS:
            if variant == "folium Marker loop" and per_incident * size > MARKER_LOOP_BUDGET_S:
                estimate = per_incident * size
                yield Row(
                    "map",
                    f"{size:,} incidents, {variant}",
                    "skipped",
                    f"about {estimate:.0f} s per build by the smaller size (> 60 s)",
                )
                continue
            (row,) = measure("map", size=size, variant=variant, runs=plan.runs)
            if variant == "folium Marker loop":
                per_incident = row.values["build_s"] / size
            yield row
    yield from measure("paint", size=max(plan.map_sizes), runs=plan.runs)


def dask_rows(plan: Plan, texts: list[str]) -> Iterator[Row]:
    """The three engines over the same files, the speed-up, and one worker's memory."""
    with tempfile.TemporaryDirectory() as tmp:
        write_corpus(_prefix(texts, plan.dask_bytes), Path(tmp))
        yield _cores_row("before")
        yield from measure("engines", folder=tmp, runs=plan.runs)
        yield _cores_row("after")
        yield from measure("worker-memory", folder=tmp)


def _cores_row(when: str) -> Row:
    """The CPU two busy processes get, to read the speed-up by (other load takes the rest)."""
    cores = parallel_cores(2)
    return Row(
        "dask",
        f"CPU that 2 busy processes get, {when} the engines",
        f"{cores:.2f} of {os.cpu_count()} cores",
        "less than 2: other load on the machine caps the speed-up",
        derived=True,
    )


def _prefix(texts: list[str], size: int) -> list[str]:
    """The first texts of ``texts`` that add up to at least ``size`` bytes."""
    out, total = [], 0
    for text in texts:
        if total >= size:
            break
        out.append(text)
        total += len(text.encode("utf-8"))
    return out


def machine() -> str:
    """Cores, memory, CPU model and Python of this machine."""
    with open("/proc/meminfo", encoding="ascii") as info:
        kib = int(info.readline().split()[1])
    model = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            model = next(ln.split(":", 1)[1].strip() for ln in info if ln.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return (
        f"{os.cpu_count()} cores ({model}), {kib / 2**20:.1f} GiB, "
        f"Python {platform.python_version()}"
    )


def code_version() -> str:
    """The commit measured, and how many tracked files differ from it."""
    try:
        head = subprocess.run(
            ["git", "-C", str(BENCH.parent), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        changed = subprocess.run(
            ["git", "-C", str(BENCH.parent), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.splitlines()
    except (OSError, subprocess.CalledProcessError):
        return "not a git checkout"
    return f"commit {head}" + (f" with {len(changed)} tracked files changed" if changed else "")


def load_average() -> str:
    """The 1, 5 and 15-minute load averages."""
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def main(argv: list[str] | None = None) -> int:
    """Run every benchmark and print the table; exit 1 when a measurement failed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes only (a smoke test)")
    parser.add_argument(
        "--real",
        type=Path,
        action="append",
        help="a folder of real articles (*.txt); repeat for more (default: "
        + ", ".join(str(f) for f in REAL_FOLDERS)
        + ")",
    )
    parser.add_argument(
        "--sections", default=",".join(SECTIONS), help=f"some of {','.join(SECTIONS)}"
    )
    args = parser.parse_args(argv)
    plan = QUICK if args.quick else FULL
    chosen = [name.strip() for name in args.sections.split(",") if name.strip()]
    if set(chosen) - set(SECTIONS):
        parser.error(f"--sections takes some of {','.join(SECTIONS)}")
    started = time.perf_counter()
    texts = corpus(plan.corpus_bytes)
    real, folders = real_corpus(args.real or REAL_FOLDERS)
    if args.quick:
        real = real[: max(1, len(real) // 4)]
    today = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    print(f"mapper benchmarks{' (--quick)' if args.quick else ''}, {today}")
    print(f"machine: {machine()}; load average at start {load_average()}")
    print(f"code: {code_version()}")
    if real:
        print(
            f"extraction corpus: {len(real):,} real articles, {megabytes(real):.2f} MB, each "
            f"once, from {', '.join(str(f) for f in folders)}"
        )
    else:
        print("extraction corpus: no real articles found; the generated corpus stands in")
    print(
        f"generated corpus (Dask engines): {len(texts):,} articles, {megabytes(texts):.2f} MB, "
        "from tests/devset and mapper/samples/articles (id, en, ru in turn)"
    )
    print()
    print(TABLE_HEADER)
    print(TABLE_RULE, flush=True)
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        texts_path = Path(tmp) / "corpus.json"
        save_texts(real or texts, texts_path)
        sections = {
            "extract": lambda: extraction_rows(plan, texts_path),
            "gazetteer": lambda: gazetteer_rows(plan),
            "map": lambda: map_rows(plan),
            "dask": lambda: dask_rows(plan, texts),
        }
        for name in chosen:
            failed |= _print_rows(sections[name])
    print()
    print(f"load average at end {load_average()}; {time.perf_counter() - started:.0f} s in all")
    print(
        "peak RSS: of the measuring process and the processes it waited for; a process's "
        f"peak includes its parent's memory before exec (this launcher: {peak_rss_mib():.0f} MiB)"
    )
    return 1 if failed else 0


def _print_rows(section: Callable[[], Iterator[Row]]) -> bool:
    """Print a section's rows as they come; a failed measurement ends the section."""
    try:
        for row in section():
            print(table_line(row), flush=True)
    except subprocess.CalledProcessError as err:
        reason = (err.stderr or "").strip().splitlines()[-1:] or [str(err)]
        print(table_line(Row("error", " ".join(map(str, err.cmd[1:4])), reason[0])), flush=True)
        return True
    return False


if __name__ == "__main__":
    sys.exit(main())
