"""Shared pieces of the benchmarks: the corpora, timing, child processes, peak memory, the table.

Two corpora:

* **real articles** (:func:`real_corpus`): every ``*.txt`` of the folders given, by default
  the git-ignored real news texts of ``bench/corpora/news/text`` (rebuilt by
  ``bench/corpora/rebuild.py``) and ``../shared/seeds``; each article once, as published.
  Extraction throughput is measured on it when it is there.
* **generated** (:func:`corpus`): made from the project's own texts only
  (``tests/devset/*.txt`` and ``mapper/samples/articles/*.txt``): each generated article
  starts from one source article and takes further paragraphs from other articles in the
  same language until it reaches about :data:`ARTICLE_BYTES`, so articles are of news size
  and no two are alike, with a fixed seed so that every run reads the same bytes. It
  stands in for the real articles where they are missing, and feeds the Dask engines
  (which need megabytes of files).
"""

from __future__ import annotations

import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
DEVSET = ROOT / "tests" / "devset"
SAMPLES = ROOT / "mapper" / "samples" / "articles"
#: Where real articles are looked for when no folder is given.
REAL_FOLDERS = (BENCH / "corpora" / "news" / "text", ROOT.parent / "shared" / "seeds")
ARTICLE_BYTES = 3_000
SEED = 7

#: Targets printed next to the figures.
EXTRACT_TARGET_MB_S = 1.0
RAW_RATIO_TARGET = 10.0
ONE_ARTICLE_WARM_TARGET_S = 1.0
ONE_ARTICLE_EMPTY_CACHE_TARGET_S = 5.0
CACHE_TARGET_MB = 100.0
COLD_TARGET_S = 1.0
MAP_TARGET_S = 5.0
DASK_TARGET = 1.6


def source_paths() -> list[Path]:
    """The project's own article texts, dev set first."""
    return sorted(DEVSET.glob("*.txt")) + sorted(SAMPLES.glob("*.txt"))


def language_of(path: Path) -> str:
    """The language code in a source file name (``013_en.txt``, ``04_en_csto.txt``)."""
    return path.stem.split("_")[1]


def _by_language() -> dict[str, list[list[str]]]:
    """Source articles as lists of paragraphs, grouped by language."""
    groups: dict[str, list[list[str]]] = {}
    for path in source_paths():
        paragraphs = [p for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
        groups.setdefault(language_of(path), []).append(paragraphs)
    return groups


def _article(rng: random.Random, sources: list[list[str]], first: list[str]) -> str:
    """One article: ``first`` and then paragraphs of other sources up to the target size."""
    paragraphs = list(first)
    while len("\n\n".join(paragraphs).encode("utf-8")) < ARTICLE_BYTES:
        other = rng.choice(sources)
        paragraphs.append(rng.choice(other[1:] or other))
    return "\n\n".join(paragraphs) + "\n"


def corpus(target_bytes: int, seed: int = SEED) -> list[str]:
    """Generated articles of about 3 KB, languages in turn, ``target_bytes`` in all."""
    rng = random.Random(seed)
    groups = _by_language()
    languages = sorted(groups)
    texts: list[str] = []
    size = 0
    while size < target_bytes:
        sources = groups[languages[len(texts) % len(languages)]]
        text = _article(rng, sources, rng.choice(sources))
        texts.append(text)
        size += len(text.encode("utf-8"))
    return texts


def real_corpus(folders: Sequence[Path] = REAL_FOLDERS) -> tuple[list[str], list[Path]]:
    """The texts of every ``*.txt`` in ``folders`` (sorted by path), and the folders that
    had any; empty when none is there."""
    texts, found = [], []
    for folder in folders:
        paths = sorted(Path(folder).glob("*.txt"))
        if paths:
            found.append(Path(folder))
        texts += [path.read_text(encoding="utf-8") for path in paths]
    return texts, found


def megabytes(texts: Sequence[str]) -> float:
    """The UTF-8 size of ``texts`` in MB (10^6 bytes)."""
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6


def write_corpus(texts: Sequence[str], folder: Path) -> list[Path]:
    """One ``.txt`` file per article in ``folder``, named in input order."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, text in enumerate(texts):
        path = folder / f"{number:07d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def save_texts(texts: Sequence[str], path: Path) -> None:
    """Keep a corpus as JSON so that child processes read exactly the same texts."""
    path.write_text(json.dumps(list(texts), ensure_ascii=False), encoding="utf-8")


def load_texts(path: Path) -> list[str]:
    """A corpus kept by :func:`save_texts`."""
    return json.loads(path.read_text(encoding="utf-8"))


def run_times(work: Callable[[], object], runs: int) -> list[float]:
    """Wall-clock seconds of ``runs`` calls of ``work``."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return times


def run_cpu_times(work: Callable[[], object], runs: int) -> list[tuple[float, float]]:
    """(CPU seconds, wall-clock seconds) of ``runs`` calls of ``work``. CPU time is what a
    core spends; on a machine shared with other jobs, wall time also counts the waits."""
    times = []
    for _ in range(runs):
        cpu, start = time.process_time(), time.perf_counter()
        work()
        times.append((time.process_time() - cpu, time.perf_counter() - start))
    return times


def median_seconds(work: Callable[[], object], runs: int) -> float:
    """Median wall-clock seconds of ``runs`` calls of ``work``."""
    return statistics.median(run_times(work, runs))


def peak_rss_mib() -> float:
    """Peak resident memory of this process so far, in MiB (Linux ``ru_maxrss``)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@dataclass(frozen=True)
class ChildRun:
    """A finished child process: wall time, time to its first line of output, peak memory
    of it and the children it waited for, and its output; ``cpu_seconds`` is the CPU time
    (user and system) of it and the children it waited for, which other load on a shared
    machine does not stretch as it stretches wall time."""

    seconds: float
    first_line_seconds: float
    peak_rss_mib: float
    stdout: str
    cpu_seconds: float = 0.0


def run_child(command: Sequence[str], env: dict[str, str] | None = None) -> ChildRun:
    """Run ``command`` to the end, reading its output as it comes. The peak RSS comes from
    ``wait4``. Raises ``CalledProcessError`` on failure."""
    with tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            list(command), env=env, stdout=subprocess.PIPE, stderr=err, text=True
        )
        assert proc.stdout is not None
        head = proc.stdout.readline()
        first = time.perf_counter() - start
        stdout = head + proc.stdout.read()
        proc.stdout.close()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read()
    if proc.returncode != 0:
        raise subprocess.CalledProcessError(proc.returncode, list(command), stdout, stderr)
    cpu = usage.ru_utime + usage.ru_stime
    return ChildRun(seconds, first, usage.ru_maxrss / 1024, stdout, cpu)


_SPIN = "import time\nend = time.process_time() + {seconds}\nwhile time.process_time() < end: pass"


def parallel_cores(processes: int = 2, seconds: float = 2.0) -> float:
    """How many cores ``processes`` busy processes get here now (all of them when the machine
    is otherwise idle): each spins for ``seconds`` of CPU time, all at once."""
    command = [sys.executable, "-c", _SPIN.format(seconds=seconds)]
    start = time.perf_counter()
    spinners = [subprocess.Popen(command) for _ in range(processes)]
    for spinner in spinners:
        spinner.wait()
    return processes * seconds / (time.perf_counter() - start)


@dataclass
class Row:
    """One line of the benchmark table."""

    section: str
    measure: str
    result: str
    extra: str = ""
    runs: int | str = ""
    peak_rss_mib: float | None = None
    target: str = ""
    values: dict[str, float] = field(default_factory=dict)
    derived: bool = False

    def to_json(self) -> str:
        """The row as one JSON line."""
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: dict) -> Row:
        """A row from the dict of :meth:`to_json`."""
        return cls(**data)


COLUMNS = ("section", "measure", "median", "also", "runs", "peak RSS MiB", "target")
TABLE_HEADER = "| " + " | ".join(COLUMNS) + " |"
TABLE_RULE = "|" + "|".join("---" for _ in COLUMNS) + "|"


def table_line(row: Row) -> str:
    """``row`` as a Markdown table line."""
    rss = "-" if row.derived or row.peak_rss_mib is None else f"{row.peak_rss_mib:,.0f}"
    cells = (row.section, row.measure, row.result, row.extra, str(row.runs), rss, row.target)
    return "| " + " | ".join(c.replace("|", "/") for c in cells) + " |"


def verdict(ok: bool) -> str:
    """``met`` or ``MISSED``."""
    return "met" if ok else "MISSED"
