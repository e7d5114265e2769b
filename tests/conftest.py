"""Shared fixtures: the bundled gazetteer and the project's source articles."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def gazetteer():
    from gazetteer import Gazetteer

    return Gazetteer.bundled()


@pytest.fixture
def seeds_dir() -> Path:
    """The project's source articles (skips, saying why, where they are absent)."""
    import source_articles

    return source_articles.seeds_dir()
