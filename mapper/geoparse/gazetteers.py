"""The gazetteer a run uses (the bundled one with the user's layers), and lookups by name."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from gazetteer import Candidate, Gazetteer

__all__ = ["geocode", "load_gazetteer"]


def load_gazetteer(files: Sequence[str | Path] = ()) -> Gazetteer:
    """The bundled gazetteer plus user layers from ``files`` (CSV or GeoNames dumps)."""
    from gazetteer.userlayer import load_layer

    gazetteer = Gazetteer.bundled()
    layers = [load_layer(path) for path in files]
    return gazetteer.with_layers(*layers) if layers else gazetteer


def geocode(
    name: str,
    *,
    country: str | None = None,
    near: str | None = None,
    limit: int = 5,
    lang: str | None = None,
    gazetteer: Gazetteer | None = None,
) -> list[Candidate]:
    """Ranked candidates for ``name``, best first; an empty list means not found."""
    gazetteer = gazetteer or Gazetteer.bundled()
    return gazetteer.lookup(name, country=country, near=near, limit=limit, lang=lang)
