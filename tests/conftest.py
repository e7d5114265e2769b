"""Shared fixtures: the bundled gazetteer, the shared seeds, and a private cache directory."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"


@pytest.fixture(scope="session")
def gazetteer():
    from gazetteer import Gazetteer

    return Gazetteer.bundled()


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    return SEEDS


def seed_text(prefix: str) -> str:
    """Text of the seed whose file name starts with ``prefix`` (skips when absent)."""
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")
