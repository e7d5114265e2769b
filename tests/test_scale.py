"""`mapper extract --engine dask` gives the default engine's output, in input order."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from mapper.cli import main

DEVSET = Path(__file__).parent / "devset"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for path in sorted(DEVSET.glob("*.txt"))[:12]:
        shutil.copy(path, folder / path.name)
    return folder


def run(*args: str, stdin: str | None = None) -> bytes:
    result = CliRunner().invoke(main, ["extract", *args, "--quiet"], input=stdin)
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def test_dask_output_is_identical_to_the_default_engine(corpus):
    article = (DEVSET / "013_en.txt").read_text(encoding="utf-8")
    local = run(str(corpus), "-", stdin=article)
    distributed = run(str(corpus), "-", "--engine", "dask", "--workers", "2", stdin=article)
    assert distributed == local
    assert local.count(b"\n") == 13


def test_dask_connects_to_an_existing_scheduler(corpus):
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, dashboard_address=":0") as cluster:
        remote = run(str(corpus), "--engine", "dask", "--scheduler", cluster.scheduler_address)
    assert remote == run(str(corpus))


@pytest.mark.parametrize(
    "args",
    [
        ["--engine", "dask", "--format", "table"],
        ["--workers", "2"],
        ["--scheduler", "tcp://127.0.0.1:1"],
    ],
)
def test_dask_options_misused(corpus, args):
    result = CliRunner().invoke(main, ["extract", str(corpus), *args])
    assert result.exit_code == 2
