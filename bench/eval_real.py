"""Every development set side by side: ``python bench/eval_real.py [--geoparse]``.

Prints, with the date of the run and the code's commit, the figures of the current code on

* the **real news corpus** (``bench/corpora/news``: 94 articles in Indonesian, English and
  Russian, annotated by hand), per language and overall, place mentions and incidents, scored
  as ``mapper eval`` does (:mod:`mapper.evaluate`; texts that are missing or differ from their
  hash are left out and counted);
* the **ACLED event descriptions** (``bench/corpora/acled``, dev split: 1,200 notes, 200 per
  event type), scored by ``bench/eval_acled.py``;
* the **self-written development set** (``tests/devset``: 33 articles written for the
  project and used to tune it, so its figures are not a measure of quality on real text);
* with ``--geoparse`` (slower), the English geoparsing benchmarks' dev splits (LGL, TR-News,
  GeoWebNews) through ``bench/geoparse_benchmarks.py``.

The texts are rebuilt by ``python bench/corpora/rebuild.py``; a corpus whose texts are
absent is reported as such and skipped. The figures are written to
``bench/results/eval_real_<UTC stamp>.json`` (git-ignored).
"""

from __future__ import annotations

import argparse
import datetime
import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
NEWS = BENCH / "corpora" / "news"
DEVSET = ROOT / "tests" / "devset"
RESULTS = BENCH / "results"
GEOPARSE_MODE = "exclude"  # gold demonyms left out, as the extract contract reports no demonyms

#: (key, column label, width) of the side-by-side table of the article sets
COLUMNS: tuple[tuple[str, str, int], ...] = (
    ("documents", "docs", 5),
    ("gold_mentions", "ment.", 6),
    ("precision", "P", 6),
    ("recall", "R", 6),
    ("f1", "F1", 6),
    ("exact_f1", "F1ex", 6),
    ("resolved_within_161km", "<161", 6),
    ("resolved_within_10km", "<10", 6),
    ("gold_incidents", "inc.", 5),
    ("predicted_incidents", "found", 6),
    ("incident_precision", "P", 6),
    ("incident_recall", "R", 6),
    ("event_type_accuracy", "type", 6),
    ("sub_event_type_accuracy", "sub", 6),
    ("date_exact", "date", 6),
    ("fatalities_exact", "dead", 6),
)


def commit() -> str:
    """The commit of the code measured, with ``+changes`` when the work tree differs."""
    try:
        head = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + ("+changes" if dirty else "")


def article_set(folder: Path, max_km: float) -> dict[str, Any]:
    """``mapper eval`` figures of one gold folder, overall and per language."""
    from mapper.evaluate import evaluate_folder

    scores = evaluate_folder(folder, max_km=max_km)
    return {"all": scores.figures()} | {
        language: part.figures() for language, part in sorted(scores.by_language.items())
    }


def article_table(sets: dict[str, dict[str, Any]]) -> list[str]:
    head = f"{'set':14}" + "".join(f"{label:>{width}}" for _, label, width in COLUMNS)
    lines = [
        " " * 14 + f"{'place mentions':-^{sum(w for _, _, w in COLUMNS[:8])}}"
        f"{'incidents':-^{sum(w for _, _, w in COLUMNS[8:])}}",
        head,
    ]
    for name, rows in sets.items():
        for language, row in rows.items():
            cells = "".join(
                f"{row[key]:>{width}}" if isinstance(row[key], int) else f"{row[key]:>{width}.3f}"
                for key, _, width in COLUMNS
            )
            lines.append(f"{name + ' ' + language:14}{cells}")
            left_out = row["documents_missing"] + row["documents_mismatched"]
            if language == "all" and left_out:
                lines.append(
                    f"{'':14}({row['documents_missing']} documents without text, "
                    f"{row['documents_mismatched']} with a different hash: left out)"
                )
    return lines


def geoparse(limit: int | None) -> dict[str, Any]:
    """Dev-split figures of the three geoparsing benchmarks (gold demonyms left out)."""
    sys.path.insert(0, str(BENCH))
    import geoparse_benchmarks as benchmarks

    results: dict[str, Any] = {}
    for corpus in benchmarks.CORPORA:
        result = benchmarks.run_corpus(corpus, "dev", limit, (GEOPARSE_MODE,), None)
        results[corpus] = result["figures"][f"{GEOPARSE_MODE}_demonyms"] | {
            "name": result["name"],
            "seconds": result["seconds"],
        }
    return results


def geoparse_table(results: dict[str, Any]) -> list[str]:
    keys = (
        ("documents", "docs"),
        ("span_f1_exact", "F1 exact"),
        ("span_f1_overlap", "F1 overlap"),
        ("e2e_accuracy_exact", "e2e acc exact"),
        ("e2e_accuracy_overlap", "e2e acc overlap"),
        ("acc161_of_found_located", "acc@161 found"),
    )
    lines = [f"{'corpus':12}" + "".join(f"{label:>16}" for _, label in keys)]
    for result in results.values():
        cells = "".join(
            f"{result[key]:>16}" if isinstance(result[key], int) else f"{result[key]:>16.3f}"
            for key, _ in keys
        )
        lines.append(f"{result['name']:12}{cells}")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--geoparse", action="store_true", help="also the geoparsing dev splits (slower)"
    )
    parser.add_argument("--limit", type=int, help="ACLED and geoparsing: first N documents")
    parser.add_argument(
        "--max-km", type=float, default=100.0, help="incident place distance (default 100)"
    )
    args = parser.parse_args(argv)

    import mapper

    sys.path.insert(0, str(BENCH))
    import eval_acled

    now = datetime.datetime.now(datetime.UTC)
    report: dict[str, Any] = {
        "date": now.isoformat(timespec="seconds"),
        "commit": commit(),
        "mapper": {"version": mapper.__version__, "path": str(Path(mapper.__file__).parent)},
        "max_km": args.max_km,
    }
    print(f"# Development sets, {now:%Y-%m-%d %H:%M} UTC, code {report['commit']}")
    print()
    print(
        "Incidents match when the date is within a day (or in the coarser period) and the "
        f"place within {args.max_km:g} km (or in the country of a coarse gold place)."
    )
    print()
    sets: dict[str, dict[str, Any]] = {}
    if (NEWS / "text").is_dir():
        sets["news"] = article_set(NEWS, args.max_km)
    else:
        print(f"news: no texts in {NEWS / 'text'} (run python bench/corpora/rebuild.py)")
    sets["devset"] = article_set(DEVSET, args.max_km)
    report["articles"] = sets
    print("\n".join(article_table(sets)))
    print()
    print("news: real articles; devset: written for the project and tuned on (not a measure).")
    print()

    if (eval_acled.CACHE / "dev.jsonl").is_file():
        acled = eval_acled.run("dev", args.limit)
        report["acled"] = {key: value for key, value in acled.items() if key != "events"}
        print("ACLED event descriptions (dev), shares of all events:")
        print()
        print("\n".join(eval_acled.table(acled)))
    else:
        print(f"acled: {eval_acled.CACHE / 'dev.jsonl'} is absent (run bench/corpora/rebuild.py)")
    print()

    if args.geoparse:
        results = geoparse(args.limit)
        report["geoparse_dev"] = results
        print("Geoparsing benchmarks, dev splits (gold demonyms left out):")
        print()
        print("\n".join(geoparse_table(results)))
        print()

    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"eval_real_{now:%Y%m%dT%H%M%SZ}.json"
    path.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"figures written to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
