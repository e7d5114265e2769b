"""Incident records a user already has → :class:`~mapper.model.Incident` values → files.

:func:`read_records` reads one CSV, GeoJSON or GeoPackage file (ACLED exports included)
and returns a :class:`RecordsResult`: every data row becomes either an incident or a
:class:`Reject` with its reason, so ``rows in = incidents + rejects`` always.
:func:`mapper.tools.records.convert` does that for several files and writes the
incidents and the rejects (``mapper incidents``).

Where a row is put:

- its coordinates (``lat``/``lon`` columns or a point geometry) when it has them. A
  latitude beyond ±90 with a longitude within it is taken as swapped and swapped back.
  When the row also names a place and the gazetteer's place of that name lies more
  than 100 km away, the coordinates are kept and a remark says so (unless swapping them
  brings the two together: then they are swapped, with a remark);
- else its place name, looked up in the gazetteer in two passes. The first pass looks
  every name up alone; the names it resolves without doubt (one candidate, or a clear
  winner), the places that rows with coordinates fall in, and villages known without
  coordinates vote for their first-level region. The second pass looks every name up
  again ``near`` the region with most votes — so a lower-case ``ak-sai`` in a file about
  Batken is Ak-Say in Batken, not Aksay in Russia — or near the row's own region or
  district column, and restricted to the row's country column or ``country``. A
  settlement beats an area of the same name when their scores are close (a place column
  names a place: ``batken`` is the town, ``Batken Region`` the region).
  A village the gazetteer knows only by name (``dostuk``, ``orto-boz``) is put at its
  district with ``geo_precision`` 2;
- a row with neither is rejected.

Remarks (what was changed or doubted) travel with each incident in
:attr:`Incident.remarks <mapper.model.Incident.remarks>` and into the ``remarks`` column.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from gazetteer import Candidate, Gazetteer, Place, QueryError, haversine_km
from gazetteer.query import check_country
from mapper.errors import UsageError
from mapper.model import CasualtyClaim, Evidence, Incident, Reject, Source
from mapper.records.columns import (
    ColumnMap,
    detect_columns,
    event_type,
    looks_like_link,
    parse_coordinate,
    parse_count,
    parse_date,
    split_links,
)
from mapper.records.formats import RawRow, RawTable, read_table

__all__ = ["RecordsOptions", "RecordsResult", "read_file", "read_records"]

#: A named place this far (km) from the row's coordinates is remarked on.
DISAGREE_KM = 100.0
#: The first candidate wins "without doubt" when it leads the second by this much.
CLEAR_LEAD = 0.05
#: geo_precision by the kind of place that stands for the row.
KIND_PRECISION = {"populated_place": 1, "landmark": 1, "admin2": 2}
PRECISION_TIME = {"1": "day", "2": "week", "3": "month"}
#: Kinds of place that are areas; a settlement of the same name may stand for the row.
AREA_KINDS = frozenset({"region", "country", "admin1", "admin2"})
#: How many candidates are weighed when choosing between an area and a settlement.
SETTLEMENT_POOL = 5


@dataclass(frozen=True)
class RecordsResult:
    """The incidents read from a file and the rows that gave none."""

    incidents: list[Incident]
    rejects: list[Reject]

    @property
    def rows(self) -> int:
        """How many data rows were read."""
        return len(self.incidents) + len(self.rejects)


def read_records(
    path: str | Path,
    *,
    lat_col: str | None = None,
    lon_col: str | None = None,
    place_col: str | None = None,
    date_col: str | None = None,
    type_col: str | None = None,
    country: str | None = None,
    gazetteer: Gazetteer | None = None,
) -> RecordsResult:
    """Read the incident records in ``path`` (CSV, GeoJSON, GeoPackage).

    ``*_col`` name the columns to use instead of the detected ones (a name that is not
    a column raises :class:`UsageError`); ``country`` (ISO 3166-1 alpha-2) restricts
    place-name lookups for rows without a country column.
    """
    options = RecordsOptions(lat_col, lon_col, place_col, date_col, type_col, country)
    return read_file(Path(path), options, gazetteer or Gazetteer.bundled(), {})


@dataclass(frozen=True)
class RecordsOptions:
    """How to read record files: columns named instead of detected, and the country
    place names are looked up in (see :func:`read_records`)."""

    lat_col: str | None = None
    lon_col: str | None = None
    place_col: str | None = None
    date_col: str | None = None
    type_col: str | None = None
    country: str | None = None

    def overrides(self) -> dict[str, str | None]:
        return {
            "lat": self.lat_col,
            "lon": self.lon_col,
            "place": self.place_col,
            "date": self.date_col,
            "type": self.type_col,
        }


def read_file(
    path: Path, options: RecordsOptions, gazetteer: Gazetteer, taken: Mapping[str, str]
) -> RecordsResult:
    """The rows of one file as incidents and rejects; an id in ``taken`` (id → the file
    that used it first) is rejected as a duplicate."""
    table = read_table(path)
    columns = detect_columns(
        table.columns, options.overrides(), path=path, has_geometry=table.has_geometry
    )
    try:
        country = check_country(options.country)
    except QueryError as err:
        raise UsageError(str(err), options=("country",)) from err
    places = _Places(gazetteer, country)
    return _FileReader(table, columns, places, taken).read()


# -- one row, read -------------------------------------------------------------------------


class _Rejected(Exception):
    """A row cannot become an incident; the message is the reason."""


@dataclass(frozen=True)
class _Row:
    """One row's cells, read and checked; where it is comes later."""

    raw: RawRow
    id: str
    point: tuple[float, float] | None  # (lat, lon)
    place_text: str | None
    date: str | None
    date_precision: str | None
    event_type: str
    sub_event_type: str
    fatalities: int | None
    injuries: int | None
    actors: tuple[str, ...]
    description: str
    links: tuple[str, ...]
    outlet: str | None
    country: str | None
    admin_text: str | None
    admin1_text: str | None
    geo_precision: int | None
    remarks: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class _Located:
    """Where a row with coordinates is: the point kept, the gazetteer place it names
    (when near), the first-level region it lies in, and remarks on the way."""

    lat: float
    lon: float
    match: Place | None
    region: Place | None
    remarks: tuple[str, ...]


class _FileReader:
    """Reads the rows of one table into incidents and rejects."""

    def __init__(
        self, table: RawTable, columns: ColumnMap, places: _Places, taken: Mapping[str, str]
    ):
        self.table = table
        self.columns = columns
        self.places = places
        self.taken = taken

    def read(self) -> RecordsResult:
        rows: list[_Row] = []
        rejects: list[Reject] = []
        seen: dict[str, int] = {}
        for raw in self.table.rows:
            try:
                row = self._row(raw, seen)
            except _Rejected as err:
                rejects.append(self._reject(raw, str(err)))
            else:
                rows.append(row)
        located = self._locate_points(rows)
        context = self._context(rows, located)
        incidents: list[Incident] = []
        for row in rows:
            try:
                incidents.append(self._incident(row, located.get(row.raw.row), context))
            except _Rejected as err:
                rejects.append(self._reject(row.raw, str(err)))
        rejects.sort(key=lambda r: r.row)
        return RecordsResult(incidents, rejects)

    def _reject(self, raw: RawRow, reason: str) -> Reject:
        return Reject(str(self.table.path), raw.row, reason, dict(raw.values), raw.line)

    # -- cells -----------------------------------------------------------------------------

    def _cell(self, raw: RawRow, column: str | None) -> str:
        return raw.values.get(column, "").strip() if column else ""

    def _row(self, raw: RawRow, seen: dict[str, int]) -> _Row:
        if raw.problem:
            raise _Rejected(raw.problem)
        cols = self.columns
        remarks: list[str] = []
        row_id = self._cell(raw, cols.id) or f"{self.table.path.stem}#{raw.row}"
        if row_id in seen:
            raise _Rejected(
                f"duplicate id {row_id!r} (first used on row {seen[row_id]}); "
                "give each record its own id"
            )
        if row_id in self.taken:
            raise _Rejected(
                f"duplicate id {row_id!r} (already used in {self.taken[row_id]}); "
                "give each record its own id"
            )
        seen[row_id] = raw.row
        place_text = self._cell(raw, cols.place) or None
        point = self._point(raw, place_text, remarks)
        date, precision = self._date(raw, remarks)
        kind, sub, remark = event_type(self._cell(raw, cols.type), self._cell(raw, cols.sub_type))
        remarks += [remark] if remark else []
        outlet = self._cell(raw, cols.source)
        links = self._links(raw, outlet)
        return _Row(
            raw=raw,
            id=row_id,
            point=point,
            place_text=place_text,
            date=date,
            date_precision=precision,
            event_type=kind,
            sub_event_type=sub,
            fatalities=self._count(raw, cols.fatalities, "fatalities", remarks),
            injuries=self._count(raw, cols.injuries, "injuries", remarks),
            actors=tuple(
                a for a in (self._cell(raw, cols.actor1), self._cell(raw, cols.actor2)) if a
            ),
            description=self._description(raw),
            links=links,
            outlet=outlet if outlet and not looks_like_link(outlet) else None,
            country=self._country(raw, remarks),
            admin_text=self._cell(raw, cols.admin2) or self._cell(raw, cols.admin1) or None,
            admin1_text=self._cell(raw, cols.admin1) or None,
            geo_precision=self._geo_precision(raw),
            remarks=tuple(remarks),
        )

    def _point(
        self, raw: RawRow, place_text: str | None, remarks: list[str]
    ) -> tuple[float, float] | None:
        problem = raw.geometry_problem
        if raw.point is not None:
            lon, lat = raw.point
            try:
                return _checked(lat, lon, remarks)
            except ValueError as err:
                problem = f"geometry: {err}"
        point = self._column_point(raw, remarks)
        if point is not None or problem is None:
            return point
        if place_text is None:
            raise _Rejected(f"{problem}, and the row names no place to look up instead")
        remarks.append(f"{problem}; placed by the name {place_text!r} instead")
        return None

    def _column_point(self, raw: RawRow, remarks: list[str]) -> tuple[float, float] | None:
        cols = self.columns
        if cols.lat is None or cols.lon is None:
            return None
        try:
            lat = parse_coordinate(self._cell(raw, cols.lat), "latitude")
            lon = parse_coordinate(self._cell(raw, cols.lon), "longitude")
            if lat is None and lon is None:
                return None
            if lat is None or lon is None:
                missing = "latitude" if lat is None else "longitude"
                raise ValueError(f"the {missing} is empty; give both coordinates or neither")
            return _checked(lat, lon, remarks)
        except ValueError as err:
            raise _Rejected(str(err)) from err

    def _date(self, raw: RawRow, remarks: list[str]) -> tuple[str | None, str | None]:
        try:
            date, precision, remark = parse_date(self._cell(raw, self.columns.date))
        except ValueError as err:
            raise _Rejected(str(err)) from err
        remarks += [remark] if remark else []
        coarser = PRECISION_TIME.get(self._cell(raw, self.columns.time_precision))
        if precision == "day" and coarser:
            precision = coarser
        return date, precision

    def _count(self, raw: RawRow, column: str | None, what: str, remarks: list[str]) -> int | None:
        try:
            return parse_count(self._cell(raw, column), what)
        except ValueError as err:
            remarks.append(str(err))
            return None

    def _links(self, raw: RawRow, outlet: str) -> tuple[str, ...]:
        cells = [self._cell(raw, column) for column in self.columns.url]
        links = [link for cell in cells for link in split_links(cell)]
        links += [link for link in split_links(outlet) if looks_like_link(link)]
        return tuple(dict.fromkeys(links))

    def _description(self, raw: RawRow) -> str:
        texts = [self._cell(raw, column) for column in self.columns.description]
        if any(texts):
            return "\n".join(t for t in texts if t)
        return "; ".join(
            f"{name}: {value.strip()}"
            for name, value in raw.values.items()
            if value.strip() and name != "geometry"
        )

    def _country(self, raw: RawRow, remarks: list[str]) -> str | None:
        text = self._cell(raw, self.columns.country)
        if not text:
            return self.places.default_country
        code = self.places.country_code(text)
        if code is None:
            remarks.append(f"country {text!r} is not one the gazetteer knows; not used")
            return self.places.default_country
        return code

    def _geo_precision(self, raw: RawRow) -> int | None:
        text = self._cell(raw, self.columns.geo_precision)
        return int(text) if text in ("1", "2", "3") else None

    # -- places ----------------------------------------------------------------------------

    def _locate_points(self, rows: Sequence[_Row]) -> dict[int, _Located]:
        """For each row with coordinates: the coordinates to keep and what lies there."""
        found = {row.raw.row: self._match_point(row, row.point) for row in rows if row.point}
        regions = self.places.regions([(lat, lon) for lat, lon, _, _ in found.values()])
        return {
            number: _Located(lat, lon, match, region, remarks)
            for (number, (lat, lon, match, remarks)), region in zip(
                found.items(), regions, strict=True
            )
        }

    def _match_point(
        self, row: _Row, point: tuple[float, float]
    ) -> tuple[float, float, Place | None, tuple[str, ...]]:
        """The coordinates and the gazetteer place the row names, when the two agree."""
        lat, lon = point
        if not row.place_text:
            return lat, lon, None, ()
        match = self.places.best(row.place_text, row.country, (lat, lon))
        if match is not None and _distance(match.place, lat, lon) <= DISAGREE_KM:
            return lat, lon, match.place, ()
        swapped = self.places.best(row.place_text, row.country, (lon, lat))
        if abs(lon) <= 90 and swapped and _distance(swapped.place, lon, lat) <= DISAGREE_KM:
            remark = (
                f"the coordinates lie {_distance(swapped.place, lat, lon):.0f} km from "
                f"{row.place_text!r} but match it with latitude and longitude swapped, so "
                "they were swapped"
            )
            return lon, lat, swapped.place, (remark,)
        if match is None:
            return lat, lon, None, ()
        where = ", ".join(
            p for p in (match.place.name, match.place.admin1, match.place.country) if p
        )
        remark = (
            f"the coordinates lie {_distance(match.place, lat, lon):.0f} km from "
            f"{row.place_text!r} as the gazetteer has it ({where}); kept the coordinates"
        )
        return lat, lon, None, (remark,)

    def _context(self, rows: Sequence[_Row], located: Mapping[int, _Located]) -> Place | None:
        """The first-level region most rows point to (see the module docstring)."""
        votes: Counter[str] = Counter()
        for row in rows:
            if row.raw.row in located:
                spot = located[row.raw.row]
                region = (spot.match or spot.region or _NOWHERE).admin1_id
            elif row.place_text:
                region = self.places.sure_region(row.place_text, row.country)
            else:
                region = None
            votes.update([region] if region else [])
        if not votes:
            return None
        return self.places.gazetteer.get(votes.most_common(1)[0][0])

    def _incident(self, row: _Row, spot: _Located | None, context: Place | None) -> Incident:
        remarks = list(row.remarks)
        if spot is not None:
            place, precision = self._at_point(row, spot)
            remarks += spot.remarks
        elif row.place_text:
            place, precision = self._by_name(row, row.place_text, context, remarks)
        else:
            why = f" ({'; '.join(row.remarks)})" if row.remarks else ""
            raise _Rejected(f"has no coordinates and no place name{why}; fill in one of them")
        evidence = Evidence(0, len(row.description), row.description)
        document = self.table.path.name
        return Incident(
            id=row.id,
            date=row.date,
            date_precision=row.date_precision,
            event_type=row.event_type,
            sub_event_type=row.sub_event_type,
            place=place,
            location_text=row.place_text,
            geo_precision=precision,
            fatalities=row.fatalities,
            injuries=row.injuries,
            actors=row.actors,
            evidence=evidence,
            source=Source(document, row.links[0] if row.links else None),
            claims=(CasualtyClaim(row.outlet, row.fatalities, row.injuries),) if row.outlet else (),
            also_reported_by=tuple((Source(document, url), evidence) for url in row.links[1:]),
            remarks=tuple(remarks),
        )

    def _at_point(self, row: _Row, spot: _Located) -> tuple[Place, int]:
        """A place at the row's coordinates; names and regions from the row, else from the
        gazetteer place it names, else from the region the point lies in."""
        known = spot.match or spot.region or _NOWHERE
        region = spot.region or _NOWHERE
        name = row.place_text or f"{spot.lat:.5f}, {spot.lon:.5f}"
        place = Place(
            id=f"record:{row.id}",
            name=spot.match.name if spot.match else name,
            kind=spot.match.kind if spot.match else "landmark",
            country=row.country or known.country or region.country,
            admin1=row.admin1_text or known.admin1 or region.admin1,
            lat=spot.lat,
            lon=spot.lon,
            source="records",
            admin1_id=known.admin1_id or region.admin1_id,
        )
        return place, row.geo_precision or 1

    def _by_name(
        self, row: _Row, name: str, context: Place | None, remarks: list[str]
    ) -> tuple[Place, int]:
        near = self.places.admin(row.admin_text, row.country) if row.admin_text else None
        near = near or context
        match = self.places.named(name, row.country, near)
        if match is not None:
            precision = KIND_PRECISION.get(match.place.kind, 3)
            return match.place, max(precision, row.geo_precision or 1)
        container = self.places.container(name, row.country, near)
        if container is None:
            raise _Rejected(
                f"place {name!r} not found in the gazetteer; give the row "
                "coordinates, or add the place with --gazetteer"
            )
        remarks.append(
            f"the gazetteer knows {name!r} without coordinates; placed at "
            f"{container.name}, the {_kind_word(container)} that contains it"
        )
        precision = max(2, KIND_PRECISION.get(container.kind, 3), row.geo_precision or 1)
        return container, precision


_NOWHERE = Place("", "", "landmark", None, None, 0.0, 0.0, "")


def _checked(lat: float, lon: float, remarks: list[str]) -> tuple[float, float] | None:
    """Validated (lat, lon); swaps a pair whose latitude is beyond ±90 but longitude is not."""
    if not (math.isfinite(lat) and math.isfinite(lon)):
        raise ValueError("the coordinates are not finite numbers")
    if lat == 0 and lon == 0:
        remarks.append("coordinates 0, 0 taken as missing")
        return None
    if 90 < abs(lat) <= 180 and abs(lon) <= 90:
        remarks.append(f"latitude {lat:g} is beyond ±90, so latitude and longitude were swapped")
        lat, lon = lon, lat
    if abs(lat) > 90:
        raise ValueError(f"latitude {lat:g} is outside -90..90")
    if abs(lon) > 180:
        raise ValueError(f"longitude {lon:g} is outside -180..180")
    return lat, lon


def _distance(place: Place, lat: float, lon: float) -> float:
    return haversine_km(lat, lon, place.lat, place.lon)


def _kind_word(place: Place) -> str:
    return {"admin2": "district", "admin1": "region", "country": "country"}.get(place.kind, "place")


# -- the gazetteer, with the lookups a file repeats cached --------------------------------


class _Places:
    def __init__(self, gazetteer: Gazetteer, default_country: str | None):
        self.gazetteer = gazetteer
        self.default_country = default_country
        self._lookups: dict[tuple[Any, ...], list[Candidate]] = {}
        self._countries: dict[str, str | None] = {}

    def lookup(
        self, name: str, country: str | None, near: Place | tuple[float, float] | None, limit: int
    ) -> list[Candidate]:
        key = (name, country, near.id if isinstance(near, Place) else near, limit)
        if key not in self._lookups:
            self._lookups[key] = self._lookup(name, country, near, limit)
        return self._lookups[key]

    def _lookup(
        self, name: str, country: str | None, near: Place | tuple[float, float] | None, limit: int
    ) -> list[Candidate]:
        try:
            found = self.gazetteer.lookup(name, country=country, near=near, limit=limit)
            if found or "," not in name:
                return found
            head, _, tail = name.partition(",")
            inner = self.best(tail.strip(), country, near) if tail.strip() else None
            near = inner.place if inner else near
            return self.gazetteer.lookup(head, country=country, near=near, limit=limit)
        except QueryError:
            return []

    def best(
        self, name: str | None, country: str | None, near: Place | tuple[float, float] | None
    ) -> Candidate | None:
        found = self.lookup(name, country, near, 1) if name else []
        return found[0] if found else None

    def named(self, name: str, country: str | None, near: Place | None) -> Candidate | None:
        """The place a place column names: the best candidate, except that a settlement
        beats an area of the same name within :data:`CLEAR_LEAD` (``batken`` is the town)."""
        found = self.lookup(name, country, near, SETTLEMENT_POOL)
        if not found:
            return None
        settlements = [
            c
            for c in found
            if c.place.kind == "populated_place" and found[0].score - c.score < CLEAR_LEAD
        ]
        return settlements[0] if found[0].place.kind in AREA_KINDS and settlements else found[0]

    def sure_region(self, name: str, country: str | None) -> str | None:
        """The region id of ``name`` when it resolves without doubt, else ``None``."""
        found = self.lookup(name, country, None, 2)
        if found and (len(found) == 1 or found[0].score - found[1].score >= CLEAR_LEAD):
            return found[0].place.admin1_id
        container = self.container(name, country, None)
        return container.admin1_id if container else None

    def container(self, name: str, country: str | None, near: Place | None) -> Place | None:
        """The place that contains a village known without coordinates."""
        try:
            entries = self.gazetteer.unlocated(name, country)
        except QueryError:
            return None
        if not entries:
            return None
        if near is None:
            return entries[0].container
        return min(
            (e.container for e in entries),
            key=lambda p: haversine_km(p.lat, p.lon, near.lat, near.lon),
        )

    def admin(self, text: str, country: str | None) -> Place | None:
        try:
            found = self.gazetteer.lookup(
                text, country=country, kinds=("admin1", "admin2"), limit=1
            )
        except QueryError:
            return None
        return found[0].place if found else None

    def country_code(self, text: str) -> str | None:
        if text not in self._countries:
            self._countries[text] = self._country_code(text)
        return self._countries[text]

    def _country_code(self, text: str) -> str | None:
        value = text.strip()
        if len(value) == 2 and value.isalpha() and value.isascii():
            return value.upper()
        try:
            found = self.gazetteer.lookup(value, kinds=("country",), limit=1)
        except QueryError:
            return None
        return found[0].place.country if found else None

    @cached_property
    def _admin1(self) -> Any:
        from gazetteer.borders import admin1_frame

        return admin1_frame()

    def regions(self, points: Iterable[tuple[float, float]]) -> list[Place | None]:
        """The first-level region each (lat, lon) lies in (``None``: in none)."""
        import shapely

        points = list(points)
        if not points:
            return []
        frame = self._admin1
        geometries = shapely.points([lon for _, lon in points], [lat for lat, _ in points])
        found = frame.sindex.query(geometries, predicate="within")
        region_of: dict[int, str] = {}
        for point_index, region_index in zip(found[0], found[1], strict=True):
            region_of.setdefault(int(point_index), str(frame["id"].iloc[region_index]))
        return [self._region_place(region_of.get(i)) for i in range(len(points))]

    def _region_place(self, region_id: str | None) -> Place | None:
        return self.gazetteer.get(region_id) if region_id else None
