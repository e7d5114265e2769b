"""One measurement in a process of its own, so that its peak memory is its own.

    python bench/measure.py KIND [--corpus CORPUS.json] [--folder DIR] [--runs N]
                                 [--size N] [--variant V]

Prints the table rows (:class:`benchlib.Row`) as JSON lines. ``bench/run.py`` starts one
of these per measurement and reads the peak RSS of the process with ``wait4``; rows that
time processes of their own (cold starts, the Dask engines) carry those processes' peaks.
Each kind imports what it measures only when it runs, so that the processes it starts
inherit a small parent (a child's peak RSS counts its parent's memory before ``exec``).
"""

from __future__ import annotations

import argparse
import statistics
import sys
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from benchlib import (
    CACHE_TARGET_MB,
    COLD_TARGET_S,
    DASK_TARGET,
    EXTRACT_TARGET_MB_S,
    MAP_TARGET_S,
    ONE_ARTICLE_EMPTY_CACHE_TARGET_S,
    ONE_ARTICLE_WARM_TARGET_S,
    ChildRun,
    Row,
    load_texts,
    megabytes,
    run_cpu_times,
    verdict,
)

if TYPE_CHECKING:
    from dask_speedup import EngineRun

WARM_UP = 10
FOLIUM_NO_PAINT = "not painted: folium loads Leaflet from a CDN, unreachable here"


def _throughput_row(
    measure: str, stage: Callable[[Sequence[Any]], object], items: Sequence[Any], args: Any
) -> Row:
    """Throughput per core of ``stage`` over ``items`` (the corpus texts or their
    documents), after one warm-up pass over the first :data:`WARM_UP` items (lazy loads,
    first caches): MB per CPU-second, the median of ``runs`` passes after the first, and the
    first pass (words not seen before); wall-clock time next to it."""
    texts = load_texts(args.corpus)
    size = megabytes(texts)
    stage(items[:WARM_UP])
    (first, _), *later = run_cpu_times(lambda: stage(items), args.runs + 1)
    seconds = statistics.median(cpu for cpu, _wall in later)
    wall = statistics.median(wall for _cpu, wall in later)
    mb_s, docs_s = size / seconds, len(texts) / seconds
    return Row(
        "extract",
        measure,
        f"{mb_s:.3f} MB/s",
        f"{docs_s:,.0f} docs/s; CPU {seconds:.2f} s (wall {wall:.2f} s) for {size:.2f} MB; "
        f"first pass {size / first:.3f} MB/s",
        args.runs,
        values={"mb_s": mb_s, "docs_s": docs_s, "seconds": seconds, "first_mb_s": size / first},
    )


def load(args: argparse.Namespace) -> list[Row]:
    """Gazetteer and name index load in this new process (cache warm)."""
    import extract_throughput as et

    _, seconds = et.load_extractor()
    row = Row("extract", "gazetteer + name index load", f"{seconds:.3f} s", values={"s": seconds})
    return [row]


def single(args: argparse.Namespace) -> list[Row]:
    """One article in new processes: empty cache, warm cache; the cache; heavy imports."""
    import tempfile

    import one_article

    article = one_article.pick_article(load_texts(args.corpus))
    size = len(article.encode("utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "article.txt"
        path.write_text(article, encoding="utf-8")
        empty = one_article.empty_cache_runs(path, args.size)
        cache = Path(tmp) / "cache"
        warm = one_article.warm_runs(path, args.runs, cache)
        contents = one_article.cache_contents(cache)
        heavy = one_article.heavy_imports(path, cache)
    empty_s = statistics.median(r.seconds for r in empty)
    warm_s = statistics.median(r.seconds for r in warm)
    total = sum(contents.values())
    listing = ", ".join(f"{name} {mb:.1f} MB" for name, mb in contents.items())
    return [
        Row(
            "extract",
            f"one article ({size:,} bytes), new process, empty cache (first run)",
            f"{empty_s:.2f} s",
            "decompresses the gazetteer, keeps the language model; "
            f"CPU {statistics.median(r.cpu_seconds for r in empty):.2f} s",
            len(empty),
            max(r.peak_rss_mib for r in empty),
            f"<= {ONE_ARTICLE_EMPTY_CACHE_TARGET_S:g} s: "
            + verdict(empty_s <= ONE_ARTICLE_EMPTY_CACHE_TARGET_S),
        ),
        Row(
            "extract",
            f"one article ({size:,} bytes), new process, cache warm",
            f"{warm_s:.2f} s",
            f"min {min(r.seconds for r in warm):.2f} s; "
            f"CPU {statistics.median(r.cpu_seconds for r in warm):.2f} s",
            len(warm),
            max(r.peak_rss_mib for r in warm),
            f"<= {ONE_ARTICLE_WARM_TARGET_S:g} s: " + verdict(warm_s <= ONE_ARTICLE_WARM_TARGET_S),
        ),
        Row(
            "extract",
            "cache on disk (MAPPER_CACHE_DIR) after those runs",
            f"{total:.1f} MB",
            listing,
            target=f"<= {CACHE_TARGET_MB:g} MB: " + verdict(total <= CACHE_TARGET_MB),
            derived=True,
        ),
        Row(
            "extract",
            "heavy libraries imported by `mapper extract`",
            ", ".join(heavy) or "none",
            f"of {', '.join(one_article.HEAVY)}",
            target="none: " + verdict(not heavy),
            derived=True,
        ),
    ]


def extraction(args: argparse.Namespace) -> list[Row]:
    """mapper's own stages over the corpus: reading, name scan, mentions, everything."""
    import extract_throughput as et

    texts = load_texts(args.corpus)
    if args.variant == "reading":
        return [_throughput_row(_LABELS["reading"], et.documents, texts, args)]
    extractor, _ = et.load_extractor()
    stages: dict[str, tuple[Callable[[Sequence[Any]], object], Sequence[Any]]] = {
        "matcher": (partial(et.name_scan, extractor), texts),
        "mentions": (partial(et.mentions, extractor), et.documents(texts)),
        "full": (partial(et.full, extractor), et.documents(texts)),
    }
    stage, items = stages[args.variant]
    row = _throughput_row(_LABELS[args.variant], stage, items, args)
    if args.variant in ("mentions", "full"):
        row.target = f">= {EXTRACT_TARGET_MB_S:g} MB/s per core: " + verdict(
            row.values["mb_s"] >= EXTRACT_TARGET_MB_S
        )
    return [row]


_LABELS = {
    "reading": "document reading (language, furniture)",
    "matcher": "name scan only (mapper's matcher)",
    "mentions": "mentions only (recognise + resolve)",
    "full": "full extraction (mentions + incidents)",
    "raw": "raw scan, all gazetteer names (pyahocorasick, automaton built beforehand)",
    "geotext": "geotext (cities + countries)",
}


def raw(args: argparse.Namespace) -> list[Row]:
    """Every gazetteer name over the lower-cased corpus: the practical limit."""
    import extract_throughput as et

    from gazetteer import Gazetteer

    texts = load_texts(args.corpus)
    automaton = et.raw_automaton(Gazetteer.bundled().database)
    hits = et.raw_scan(automaton, texts)
    row = _throughput_row(_LABELS["raw"], partial(et.raw_scan, automaton), texts, args)
    row.extra += f"; {hits:,} raw hits"
    return [row]


def geotext(args: argparse.Namespace) -> list[Row]:
    """geotext over the same corpus, or a row saying why it cannot run."""
    import extract_throughput as et

    missing = et.geotext_missing()
    if missing:
        return [Row("extract", _LABELS["geotext"], "skipped", missing)]
    texts = load_texts(args.corpus)
    found = et.geotext_scan(texts)
    row = _throughput_row(_LABELS["geotext"], et.geotext_scan, texts, args)
    row.extra += f"; {found:,} places found"
    return [row]


def _cold_row(measure: str, runs: list[ChildRun], target: bool) -> Row:
    """A gazetteer row from child runs: median seconds, largest peak RSS."""
    seconds = statistics.median(r.seconds for r in runs)
    return Row(
        "gazetteer",
        measure,
        f"{seconds:.3f} s",
        runs=len(runs),
        peak_rss_mib=max(r.peak_rss_mib for r in runs),
        target=f"<= {COLD_TARGET_S:g} s: {verdict(seconds <= COLD_TARGET_S)}" if target else "",
    )


def geocode(args: argparse.Namespace) -> list[Row]:
    """Cold ``mapper geocode`` with the cache filled and empty, and the interpreter floor."""
    import geocode_cold

    _, cached = geocode_cold.cached_runs(args.runs)
    empty = geocode_cold.empty_runs(args.size)
    return [
        _cold_row("cold `mapper geocode`, gazetteer cached", cached, True),
        _cold_row("cold `mapper geocode`, empty cache (first run)", empty, True),
        _cold_row("`python -c pass` (interpreter floor)", geocode_cold.floor_runs(3), False),
    ]


def lookups(args: argparse.Namespace) -> list[Row]:
    """Warm :meth:`Gazetteer.lookup` calls per second in one process."""
    import geocode_cold

    from gazetteer import Gazetteer

    names = geocode_cold.sample_names(Gazetteer.bundled(), args.size)
    first, again = geocode_cold.lookup_rates(names, args.runs)
    return [
        Row("gazetteer", f"warm lookups, {len(names):,} new names", f"{first:,.0f} /s", runs=1),
        Row("gazetteer", "warm lookups, same names again", f"{again:,.0f} /s", runs=args.runs),
    ]


def map_row(args: argparse.Namespace) -> list[Row]:
    """One map variant for ``size`` incidents: build time, page size, first paint."""
    import map_build

    build = {
        "mapper": map_build.ours,
        "folium Marker loop": map_build.marker_loop,
        "folium FastMarkerCluster": map_build.fast_cluster,
    }[args.variant]
    map_build.ours(map_build.synthetic(1))
    incidents = map_build.synthetic(args.size)
    times, page = [], ""
    for _ in range(args.runs):
        seconds, page = map_build.timed(build, incidents)
        times.append(seconds)
    seconds = statistics.median(times)
    size_mb = len(page.encode("utf-8")) / 1e6
    row = Row("map", f"{args.size:,} incidents, {args.variant}", f"{seconds:.2f} s build")
    row.runs = args.runs
    row.values = {"build_s": seconds, "size_mb": size_mb}
    row.extra = f"{size_mb:.2f} MB HTML; " + _paint(row, page, args)
    return [row]


def _paint(row: Row, page: str, args: argparse.Namespace) -> str:
    """First paint of ``page`` (mapper's only), described for the table; targets at 100k."""
    import map_build

    if args.variant != "mapper":
        return FOLIUM_NO_PAINT
    missing = map_build.paint_unavailable()
    if missing:
        return f"not painted: {missing}"
    paint = statistics.median(map_build.paint_seconds(page) or 0.0 for _ in range(args.runs))
    row.values["paint_s"] = paint
    if args.size >= 100_000:
        row.target = (
            f"build <= {MAP_TARGET_S:g} s: {verdict(row.values['build_s'] <= MAP_TARGET_S)}; "
            f"paint <= {MAP_TARGET_S:g} s: {verdict(paint <= MAP_TARGET_S)}"
        )
    return f"first paint {paint:.2f} s (median of {args.runs})"


def paint_row(args: argparse.Namespace) -> list[Row]:
    """Paint time of mapper's page beside a plain Leaflet canvas page (bench/map_paint.py)."""
    import map_build
    import map_paint

    missing = map_build.paint_unavailable()
    if missing:
        return [Row("map", f"{args.size:,} incidents, paint vs plain Leaflet", "skipped", missing)]
    result = map_paint.compare(args.size, args.runs)
    ours, plain = result.median("paint", "mapper"), result.median("paint", map_paint.PLAIN)
    row = Row(
        "map",
        f"{args.size:,} incidents, paint: mapper vs plain Leaflet canvas",
        f"{ours / 1000:.2f} s vs {plain / 1000:.2f} s",
        f"{result.ratio:.2f}x; popup on click {result.median('popup', 'mapper'):.0f} ms; "
        f"page loaded {result.median('loaded', 'mapper') / 1000:.2f} s",
        runs=args.runs,
    )
    if args.size >= 100_000:  # below, the borders and towns the plain page lacks dominate
        row.target = f"<= 1.0x: {verdict(result.ratio <= 1.0)}"
    row.values = {"paint_ms": ours, "plain_ms": plain, "ratio": result.ratio}
    return [row]


def engines(args: argparse.Namespace) -> list[Row]:
    """``mapper extract`` on the corpus files: one process, Dask with 1 and 2 workers."""
    import dask_speedup

    files = sorted(args.folder.glob("*.txt"))
    size = sum(f.stat().st_size for f in files) / 1e6
    rows, done = [], {}
    for label, engine_args in dask_speedup.engines(args.folder).items():
        run = done[label] = dask_speedup.timed(engine_args, args.runs)
        rows.append(
            Row(
                "dask",
                f"`mapper extract`, {label}",
                f"{run.seconds:.2f} s",
                f"{size / run.seconds:.3f} MB/s end to end, {len(files):,} files; "
                f"first line after {run.first_line:.2f} s; CPU {run.cpu_seconds:.1f} s "
                f"({size / run.cpu_seconds:.3f} MB per CPU-second)",
                args.runs,
                run.peak_rss_mib,
            )
        )
    one, two = done["dask, 1 worker"], done["dask, 2 workers"]
    return [*rows, *_speedups(one, two)]


def _speedups(one: EngineRun, two: EngineRun) -> list[Row]:
    """Speed-up of 2 workers over 1, in all and after the first output line."""
    rows = []
    for measure, base, other in (
        ("speed-up of 2 workers over 1, whole run", one.seconds, two.seconds),
        (
            "speed-up of 2 workers over 1, after the first line",
            one.after_first_line,
            two.after_first_line,
        ),
    ):
        speedup = base / other
        target = f">= {DASK_TARGET:g}x: {verdict(speedup >= DASK_TARGET)}"
        rows.append(Row("dask", measure, f"{speedup:.2f}x", target=target, derived=True))
    return rows


def worker_memory(args: argparse.Namespace) -> list[Row]:
    """One Dask worker's RSS: idle, with gazetteer and name index loaded, while extracting."""
    import dask_speedup

    files = sorted(args.folder.glob("*.txt"))
    memory = dask_speedup.worker_memory(files)
    section = "dask worker RSS"
    return [
        Row(section, "idle (before any task)", f"{memory.idle:,.0f} MiB", peak_rss_mib=memory.idle),
        Row(
            section,
            "gazetteer + name index loaded",
            f"{memory.loaded:,.0f} MiB",
            "peak: while loading",
            peak_rss_mib=memory.load_peak,
        ),
        Row(
            section,
            f"after extracting {len(files):,} files",
            f"{memory.after:,.0f} MiB",
            "peak: while extracting",
            peak_rss_mib=memory.extracting_peak,
        ),
    ]


KINDS: dict[str, Callable[[argparse.Namespace], list[Row]]] = {
    "load": load,
    "single": single,
    "extraction": extraction,
    "raw": raw,
    "geotext": geotext,
    "geocode": geocode,
    "lookups": lookups,
    "map": map_row,
    "paint": paint_row,
    "engines": engines,
    "worker-memory": worker_memory,
}


def main(argv: list[str] | None = None) -> int:
    """Run one kind of measurement and print its rows."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=sorted(KINDS))
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--folder", type=Path)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--size", type=int, default=0)
    parser.add_argument("--variant", default="")
    args = parser.parse_args(argv)
    for row in KINDS[args.kind](args):
        print(row.to_json())
    return 0


if __name__ == "__main__":
    sys.exit(main())
