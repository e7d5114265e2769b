"""The project's five source articles (``../shared/seeds``), for the tests that check the
project against them. Those tests skip, saying so, where ``../shared`` is not beside the
checkout (a plain clone): everything else runs from the clone alone."""

from __future__ import annotations

from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

#: Why a test that needs the source articles did not run.
SKIP_REASON = (
    "checks the project against its source articles, which are not here "
    f"({SEEDS} is absent beside this checkout)"
)


def seeds_dir() -> Path:
    """The folder of the source articles; skips the test when it is absent."""
    if not SEEDS.is_dir():
        pytest.skip(SKIP_REASON)
    return SEEDS


def seed_text(prefix: str) -> str:
    """Text of the source article whose file name starts with ``prefix``."""
    (path,) = seeds_dir().glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")
