"""gazetteer: the place knowledge behind mapper — data, index, and build script.

>>> from gazetteer import Gazetteer
>>> Gazetteer.bundled().best("Batken").country
'KG'

The package stands alone: it imports nothing from :mod:`mapper`. Its errors derive from
:class:`GazetteerError` (see :mod:`gazetteer.errors`); bad lookup arguments raise
:class:`QueryError`, a :class:`ValueError`.
"""

from __future__ import annotations

from gazetteer.errors import GazetteerDataError, GazetteerError, GazetteerFileError, QueryError
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
