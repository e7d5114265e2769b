"""One article in a new `mapper extract` process: from an empty cache and with the cache warm.

``mapper extract ARTICLE`` is run in new processes (median wall time of repeated runs):

* with ``MAPPER_CACHE_DIR`` pointing at a new, empty folder each time: the first run after
  installing, which decompresses the gazetteer and keeps the language model;
* with that folder filled: every later run.

It also reports what the cache folder holds afterwards (its size on disk is the cost a user
pays) and which heavy libraries the extract path imported (none should be: maps, plots and
Dask are for other commands).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from benchlib import ChildRun, run_child

#: Libraries `mapper extract` has no use for; importing one costs a second or more.
HEAVY = ("geopandas", "folium", "matplotlib", "dask", "distributed", "pandas", "shapely")

_PROBE = """
import json, runpy, sys
sys.argv = ["mapper", "extract", sys.argv[1], "--quiet"]
try:
    runpy.run_module("mapper.cli", run_name="__main__")
except SystemExit:
    pass
heavy = {heavy!r}
sys.stderr.write(json.dumps(sorted(h for h in heavy if h in sys.modules)) + "\\n")
"""


def pick_article(texts: Sequence[str], size: int = 3_000) -> str:
    """The text nearest ``size`` bytes (news-article size), the first of equals."""
    return min(texts, key=lambda t: abs(len(t.encode("utf-8")) - size))


def command(article: Path) -> list[str]:
    """``mapper extract ARTICLE --quiet`` in this interpreter."""
    return [sys.executable, "-m", "mapper.cli", "extract", str(article), "--quiet"]


def empty_cache_runs(article: Path, runs: int) -> list[ChildRun]:
    """``runs`` runs, each with a new, empty cache folder."""
    out = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as cache:
            out.append(run_child(command(article), {**os.environ, "MAPPER_CACHE_DIR": cache}))
    return out


def warm_runs(article: Path, runs: int, cache: Path) -> list[ChildRun]:
    """One run to fill ``cache``, then ``runs`` runs with it filled."""
    env = {**os.environ, "MAPPER_CACHE_DIR": str(cache)}
    run_child(command(article), env)
    return [run_child(command(article), env) for _ in range(runs)]


def cache_contents(cache: Path) -> dict[str, float]:
    """File name → MB (10^6 bytes) of what the cache folder holds."""
    return {
        path.name: path.stat().st_size / 1e6 for path in sorted(cache.rglob("*")) if path.is_file()
    }


def heavy_imports(article: Path, cache: Path) -> list[str]:
    """The heavy libraries a `mapper extract` run imported."""
    import subprocess

    done = subprocess.run(
        [sys.executable, "-c", _PROBE.format(heavy=HEAVY), str(article)],
        env={**os.environ, "MAPPER_CACHE_DIR": str(cache)},
        capture_output=True,
        text=True,
        check=True,
    )
    found: list[str] = json.loads(done.stderr.strip().splitlines()[-1])
    return found
