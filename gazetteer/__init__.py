"""gazetteer: the place knowledge behind mapper — data, index, and build script.

>>> from gazetteer import Gazetteer
>>> Gazetteer.bundled().best("Batken").country
'KG'
"""

from __future__ import annotations

from gazetteer.index import Gazetteer, Unlocated, haversine_km
from gazetteer.normalize import form, skeleton
from gazetteer.place import KINDS, Candidate, Place

__all__ = [
    "KINDS",
    "Candidate",
    "Gazetteer",
    "Place",
    "Unlocated",
    "form",
    "haversine_km",
    "skeleton",
]
