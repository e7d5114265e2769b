"""Fixtures for the gazetteer's own tests.

Nothing in this folder imports :mod:`mapper`: ``pytest tests/gazetteer`` runs where only the
gazetteer package is installed (``test_standalone.py`` checks both claims).
"""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return Gazetteer.bundled()
