"""Border polygons: first-level regions and countries, as GeoDataFrames (loaded on first use).

Both layers come from Natural Earth's 10m admin-1 regions (public domain); countries are
dissolved from their regions at build time, so the two layers share every border.
Exclaves are holes in their surrounding region (Vorukh, Sokh and Shakhimardan in Batken)
and parts of their own country.
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from gazetteer.errors import GazetteerDataError
from gazetteer.store import DATA, REINSTALL

if TYPE_CHECKING:
    import geopandas

__all__ = ["admin1_frame", "country_frame", "country_geometry", "region_geometry"]


def _read(name: str) -> geopandas.GeoDataFrame:
    import geopandas

    try:
        with (DATA / name).open("rb") as handle, gzip.GzipFile(fileobj=handle) as gz:
            frame = geopandas.read_file(gz.read())
    except (OSError, ValueError) as err:
        raise GazetteerDataError(
            f"cannot read the bundled borders {name} ({err}); {REINSTALL}"
        ) from err
    return frame.set_index("id", drop=False)


@lru_cache(maxsize=1)
def admin1_frame() -> geopandas.GeoDataFrame:
    """First-level regions: ``id`` (as in the gazetteer), ``name``, ``country``, geometry."""
    return _read("admin1.geojson.gz")


@lru_cache(maxsize=1)
def country_frame() -> geopandas.GeoDataFrame:
    """Countries: ``id`` (``country:KG``), ``country`` (ISO alpha-2), geometry."""
    return _read("countries.geojson.gz")


def region_geometry(place_id: str) -> Any:
    """The polygon of a first-level region by gazetteer id, or ``None``."""
    frame = admin1_frame()
    return frame.geometry.loc[place_id] if place_id in frame.index else None


def country_geometry(iso: str) -> Any:
    """The polygon of a country by ISO alpha-2 code, or ``None``."""
    frame = country_frame()
    key = f"country:{iso.upper()}"
    return frame.geometry.loc[key] if key in frame.index else None
