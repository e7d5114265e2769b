"""gazetteer: the place knowledge behind mapper — data, index, and build script.

>>> from gazetteer import Gazetteer
>>> Gazetteer.bundled().best("Batken").country
'KG'

The package stands alone: it imports nothing from :mod:`mapper`. Its errors derive from
:class:`GazetteerError` (see :mod:`gazetteer.errors`); bad lookup arguments raise
:class:`QueryError`, a :class:`ValueError`.

The errors are imported at once; the rest is loaded on first use, so that importing
:mod:`gazetteer.errors` (as mapper does at start-up) stays instant.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from gazetteer.errors import GazetteerDataError, GazetteerError, GazetteerFileError, QueryError

if TYPE_CHECKING:
    from gazetteer.index import Gazetteer, Unlocated, haversine_km
    from gazetteer.normalize import form, skeleton
    from gazetteer.place import KINDS, Candidate, Place

__all__ = [
    "KINDS",
    "Candidate",
    "Gazetteer",
    "GazetteerDataError",
    "GazetteerError",
    "GazetteerFileError",
    "Place",
    "QueryError",
    "Unlocated",
    "form",
    "haversine_km",
    "skeleton",
]

_LAZY = {
    "Gazetteer": "gazetteer.index",
    "Unlocated": "gazetteer.index",
    "haversine_km": "gazetteer.index",
    "form": "gazetteer.normalize",
    "skeleton": "gazetteer.normalize",
    "KINDS": "gazetteer.place",
    "Candidate": "gazetteer.place",
    "Place": "gazetteer.place",
}

if not TYPE_CHECKING:  # mypy sees the imports above, so unknown names stay errors

    def __getattr__(name: str) -> Any:
        if name in _LAZY:
            value = getattr(import_module(_LAZY[name]), name)
            globals()[name] = value
            return value
        raise AttributeError(f"module 'gazetteer' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
