"""User gazetteer layers: a CSV of the user's own places, or a GeoNames country dump.

CSV columns (header required; only ``name``, ``lat`` and ``lon`` are mandatory)::

    name, alternate_names, lat, lon, kind, country, admin1, source

``alternate_names`` are separated by ``;`` or ``|``. ``kind`` is one of
:data:`gazetteer.place.KINDS` (default ``populated_place``).

A GeoNames dump (``KG.txt``, ``allCountries.txt``: 19 tab-separated columns, no header) is
read the same way, with the kind taken from the feature class and code.

A file is read whole before anything is used: the first malformed row raises
:class:`~gazetteer.errors.GazetteerFileError` naming the file and line, and no layer is made.
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gazetteer.errors import GazetteerFileError
from gazetteer.normalize import is_indexable_script, skeleton
from gazetteer.place import KINDS, Place

__all__ = ["UserLayer", "load_layer"]

REQUIRED_COLUMNS = ("name", "lat", "lon")
KNOWN_COLUMNS = (*REQUIRED_COLUMNS, "alternate_names", "kind", "country", "admin1", "source")
GEONAMES_COLUMNS = 19
QUALITY_PRIMARY, QUALITY_ALTERNATE = 3, 1


@dataclass
class UserLayer:
    """Places from one user file, indexed by name skeleton."""

    name: str
    path: str
    places: dict[str, Place] = field(default_factory=dict)
    _index: dict[str, list[tuple[Place, str, int]]] = field(
        default_factory=lambda: defaultdict(list)
    )

    def add(self, place: Place, names: list[str]) -> None:
        self.places[place.id] = place
        seen: set[str] = set()
        for position, name in enumerate(names):
            key = skeleton(name)
            if key and key not in seen and (position == 0 or is_indexable_script(name)):
                seen.add(key)
                self._index[key].append((place, name, QUALITY_PRIMARY if position == 0 else 1))

    def names(self) -> list[str]:
        """Every name the layer indexes, once each, in the order they were added."""
        found = (name for entries in self._index.values() for _place, name, _q in entries)
        return list(dict.fromkeys(found))

    def by_skeleton(self, key: str) -> list[tuple[Place, str, int]]:
        return list(self._index.get(key, ()))

    def get(self, place_id: str) -> Place | None:
        return self.places.get(place_id)

    def describe(self) -> dict[str, Any]:
        return {"name": self.name, "path": self.path, "places": len(self.places)}


def load_layer(path: str | Path) -> UserLayer:
    """Read a user CSV or a GeoNames dump into a layer (all or nothing)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as err:
        raise GazetteerFileError("no such gazetteer file", path=path) from err
    except UnicodeDecodeError as err:
        raise GazetteerFileError(
            f"not UTF-8 text (byte {err.start}); save the gazetteer as UTF-8",
            path=path,
            line=err.object[: err.start].count(b"\n") + 1,
        ) from err
    except OSError as err:
        raise GazetteerFileError(f"cannot read the file ({err.strerror})", path=path) from err
    if not text.strip():
        raise GazetteerFileError("the gazetteer file is empty", path=path)
    if "\x00" in text:
        raise GazetteerFileError(
            "looks like a binary file (it holds NUL bytes); give a CSV or GeoNames dump", path=path
        )
    layer = UserLayer(name=path.name, path=str(path))
    first = text.split("\n", 1)[0]
    rows = _geonames_rows(text, path) if first.count("\t") >= GEONAMES_COLUMNS - 1 else None
    for place, names in rows if rows is not None else _csv_rows(text, path):
        layer.add(place, names)
    return layer


def _csv_rows(text: str, path: Path) -> Iterator[tuple[Place, list[str]]]:
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    try:
        fieldnames = reader.fieldnames
    except csv.Error as err:
        raise GazetteerFileError(f"malformed CSV header ({err})", path=path, line=1) from err
    header = [h.strip().lower() for h in fieldnames or []]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise GazetteerFileError(
            f"missing column(s) {', '.join(missing)}; the header must include "
            f"{', '.join(REQUIRED_COLUMNS)} (optional: {', '.join(KNOWN_COLUMNS[3:])})",
            path=path,
            line=1,
        )
    reader.fieldnames = header
    places = []
    try:
        for record in reader:
            places.append(_csv_place(record, path, reader.line_num))
    except csv.Error as err:  # in the record after the last one read
        line = reader.line_num + 1
        raise GazetteerFileError(f"malformed CSV ({err})", path=path, line=line) from err
    return iter(places)


def _csv_place(record: dict[str, Any], path: Path, line: int) -> tuple[Place, list[str]]:
    if None in record or any(v is None for v in record.values()):
        raise GazetteerFileError("wrong number of fields for the header", path=path, line=line)
    name = (record.get("name") or "").strip()
    if not name:
        raise GazetteerFileError("empty name", path=path, line=line)
    lat, lon = _coordinate(record["lat"], record["lon"], path, line)
    kind = (record.get("kind") or "populated_place").strip()
    if kind not in KINDS:
        raise GazetteerFileError(
            f"unknown kind {kind!r}; use one of {', '.join(KINDS)}", path=path, line=line
        )
    country = (record.get("country") or "").strip().upper() or None
    if country is not None and not re.fullmatch(r"[A-Z]{2}", country):
        raise GazetteerFileError(
            f"country {country!r} is not an ISO alpha-2 code", path=path, line=line
        )
    alternates = [a.strip() for a in re.split(r"[;|]", record.get("alternate_names") or "")]
    place = Place(
        id=f"user:{path.stem}:{line}",
        name=name,
        kind=kind,
        country=country,
        admin1=(record.get("admin1") or "").strip() or None,
        lat=lat,
        lon=lon,
        source=path.name,
        raw={k: v for k, v in record.items() if k},
    )
    return place, [name, *(a for a in alternates if a)]


def _coordinate(lat_text: str, lon_text: str, path: Path, line: int) -> tuple[float, float]:
    try:
        lat, lon = float(lat_text), float(lon_text)
    except (TypeError, ValueError) as err:
        raise GazetteerFileError(
            f"lat/lon must be decimal degrees, got {lat_text!r}, {lon_text!r}", path=path, line=line
        ) from err
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise GazetteerFileError(
            f"coordinate out of range (lat {lat}, lon {lon}); is lat/lon swapped?",
            path=path,
            line=line,
        )
    return lat, lon


def _geonames_kind(feature_class: str, feature_code: str) -> str:
    if feature_class == "P":
        return "populated_place"
    if feature_class == "A":
        return {"ADM1": "admin1", "ADM2": "admin2"}.get(
            feature_code, "country" if feature_code.startswith("PCL") else "admin2"
        )
    return "landmark"


def _geonames_rows(text: str, path: Path) -> list[tuple[Place, list[str]]]:
    rows = []
    for line_no, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        cols = line.split("\t")
        if len(cols) != GEONAMES_COLUMNS:
            raise GazetteerFileError(
                f"a GeoNames dump row has {GEONAMES_COLUMNS} tab-separated fields, this has "
                f"{len(cols)}",
                path=path,
                line=line_no,
            )
        rows.append(_geonames_place(cols, path, line_no))
    return rows


def _geonames_place(cols: list[str], path: Path, line: int) -> tuple[Place, list[str]]:
    if not cols[0].isdigit() or not cols[1].strip():
        raise GazetteerFileError("expected a numeric geonameid and a name", path=path, line=line)
    lat, lon = _coordinate(cols[4], cols[5], path, line)
    population = int(cols[14]) if cols[14].isdigit() else None
    place = Place(
        id=f"geonames:{cols[0]}",
        name=cols[1],
        kind=_geonames_kind(cols[6], cols[7]),
        country=cols[8] or None,
        admin1=None,
        lat=lat,
        lon=lon,
        source=path.name,
        population=population,
        raw={
            "geonameid": int(cols[0]),
            "feature_class": cols[6],
            "feature_code": cols[7],
            "admin1code": cols[10],
            "timezone": cols[17],
        },
    )
    alternates = [a for a in cols[3].split(",") if a]
    return place, [cols[1], cols[2], *alternates]
