"""``python bench/run.py --quick`` runs every benchmark at small sizes and prints its table."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
TIMEOUT_S = 1_200


@pytest.mark.slow
def test_quick_benchmark_prints_the_table() -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "bench" / "run.py"), "--quick"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "| section | measure | median | also | runs | peak RSS MiB | target |" in done.stdout
    assert "| error |" not in done.stdout
