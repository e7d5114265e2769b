"""What a map shows: incidents as map points, and the inputs of ``mapper map``.

:func:`map_points` turns incidents in any of the forms mapper meets into
:class:`MapPoint` values: :class:`~mapper.model.Incident` objects, a GeoDataFrame with
the ACLED-style columns of :func:`~mapper.records.formats.incidents_to_geodataframe`, or
anything with ``__geo_interface__`` (a FeatureCollection, or features, of points with
those properties). An incident without a point is counted, not drawn.

:meth:`MapPoint.properties` is the data a popup is built from, with short keys (the
data of 100,000 incidents is carried in the page)::

    id type sub date fat inj prec place loc actors claims quote src also notes

``place`` is the place's name in the gazetteer and ``loc`` the name as the source wrote it.

``claims`` is a list of ``[claimant, fatalities, injuries]``; ``src`` the source as
``[document, url]`` and ``also`` the other reports as ``[document, url, quote]``. A
``url`` is kept only when it is an ``http(s)`` link. Empty values are left out.

:func:`script_json` encodes data for a ``<script>`` element: no ``<``, ``>``, ``&``,
U+2028 or U+2029 is left in it, so no text can close the element or break the script.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from mapper.errors import UsageError
from mapper.event_types import EVENT_TYPES
from mapper.model import Incident
from mapper.safety import safe_url

if TYPE_CHECKING:
    pass

__all__ = [
    "OTHER",
    "MapPoint",
    "map_points",
    "safe_url",
    "script_json",
]

#: The layer for event types outside ACLED's six (from foreign GeoJSON, say).
OTHER = "Other"
COORDINATE_DECIMALS = 5
_SCRIPT_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


@dataclass(frozen=True)
class MapPoint:
    """One incident as the map draws it: where, what, and what its popup says."""

    id: str
    lat: float
    lon: float
    event_type: str
    sub_event_type: str = ""
    date: str | None = None
    fatalities: int | None = None
    injuries: int | None = None
    geo_precision: int = 1
    location: str = ""
    place: str = ""
    actors: tuple[str, ...] = ()
    claims: tuple[tuple[str | None, int | None, int | None], ...] = ()
    quote: str = ""
    source: tuple[str, str | None] = ("", None)
    also: tuple[tuple[str, str | None, str], ...] = field(default=())
    remarks: tuple[str, ...] = ()

    @property
    def approximate(self) -> bool:
        """A district (2) or a region or country (3) stands in for the place."""
        return self.geo_precision >= 2

    def properties(self) -> dict[str, Any]:
        """The popup data, short keys, empty values left out."""
        values = {
            "id": self.id,
            "type": self.event_type,
            "sub": self.sub_event_type,
            "date": self.date,
            "fat": self.fatalities,
            "inj": self.injuries,
            "prec": self.geo_precision,
            "place": self.place,
            "loc": self.location,
            "actors": list(self.actors),
            "claims": [list(c) for c in self.claims],
            "quote": self.quote,
            "src": list(self.source) if any(self.source) else None,
            "also": [list(a) for a in self.also],
            "notes": list(self.remarks),
        }
        return {k: v for k, v in values.items() if v or v == 0}

    def feature(self) -> dict[str, Any]:
        """A GeoJSON point feature with :meth:`properties`."""
        return {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [self.lon, self.lat]},
            "properties": self.properties(),
        }


# -- incidents in, map points out ----------------------------------------------------------


def map_points(data: Any) -> tuple[list[MapPoint], int]:
    """The drawable incidents of ``data`` and how many had no point."""
    rows = _rows(data)
    points = [p for p in rows if p is not None]
    return points, len(rows) - len(points)


def _rows(data: Any) -> list[MapPoint | None]:
    if _is_geodataframe(data):
        return _frame_points(data)
    if hasattr(data, "__geo_interface__"):
        return [_feature_point(f) for f in _features(data.__geo_interface__)]
    if isinstance(data, Mapping):
        return [_feature_point(f) for f in _features(data)]
    if isinstance(data, str | bytes):
        raise UsageError("incidents must be Incident objects, a GeoDataFrame or GeoJSON, not text")
    try:
        items = list(data)
    except TypeError as err:
        raise UsageError(f"cannot map {type(data).__name__}: not incidents") from err
    return [_item_point(item) for item in items]


def _item_point(item: Any) -> MapPoint | None:
    if isinstance(item, Incident):
        return incident_point(item)
    if hasattr(item, "__geo_interface__"):
        return _feature_point(item.__geo_interface__)
    if isinstance(item, Mapping):
        return _feature_point(item)
    raise UsageError(f"cannot map {type(item).__name__}: not an incident or a GeoJSON feature")


def incident_point(incident: Incident) -> MapPoint | None:
    """An :class:`Incident` as a map point (``None`` without a place)."""
    place = incident.place
    if place is None:
        return None
    return MapPoint(
        id=incident.id,
        lat=round(place.lat, COORDINATE_DECIMALS),
        lon=round(place.lon, COORDINATE_DECIMALS),
        event_type=_event_type(incident.event_type),
        sub_event_type=incident.sub_event_type,
        date=incident.date,
        fatalities=incident.fatalities,
        injuries=incident.injuries,
        geo_precision=incident.geo_precision,
        location=incident.location_text or place.name,
        place=place.name,
        actors=incident.actors,
        claims=tuple((c.claimant, c.fatalities, c.injuries) for c in incident.claims),
        quote=incident.evidence.text,
        source=(incident.source.document, safe_url(incident.source.url)),
        also=_also(incident),
        remarks=incident.remarks,
    )


def _also(incident: Incident) -> tuple[tuple[str, str | None, str], ...]:
    seen = {(incident.source.document, safe_url(incident.source.url))}
    out = []
    for source, evidence in incident.also_reported_by:
        key = (source.document, safe_url(source.url))
        if key not in seen:
            seen.add(key)
            quote = "" if evidence.text == incident.evidence.text else evidence.text
            out.append((*key, quote))
    return tuple(out)


def _is_geodataframe(data: Any) -> bool:
    try:
        import geopandas
    except ImportError:  # pragma: no cover - geopandas is a dependency
        return False
    return isinstance(data, geopandas.GeoDataFrame)


def _frame_points(frame: Any) -> list[MapPoint | None]:
    if frame.crs is not None and frame.crs.to_epsg() != 4326:
        frame = frame.to_crs(4326)
    geometry = frame.geometry
    columns = [c for c in frame.columns if c != geometry.name]
    records = frame[columns].to_dict("records")
    return [
        _properties_point(record, _shapely_xy(shape))
        for record, shape in zip(records, geometry, strict=True)
    ]


def _shapely_xy(shape: Any) -> tuple[float, float] | None:
    if shape is None or shape.is_empty or shape.geom_type != "Point":
        return None
    return (float(shape.x), float(shape.y))


def _features(data: Mapping[str, Any]) -> list[Any]:
    kind = data.get("type")
    if kind == "FeatureCollection":
        return list(data.get("features") or [])
    if kind == "Feature":
        return [data]
    raise UsageError(f"cannot map GeoJSON of type {kind!r}: give a FeatureCollection of points")


def _feature_point(feature: Any) -> MapPoint | None:
    if not isinstance(feature, Mapping):
        return None
    geometry = feature.get("geometry") or {}
    coordinates = geometry.get("coordinates") if isinstance(geometry, Mapping) else None
    xy = None
    if isinstance(geometry, Mapping) and geometry.get("type") == "Point":
        xy = _xy(coordinates)
    properties = dict(feature.get("properties") or {})
    if feature.get("id") is not None:
        properties.setdefault("event_id_cnty", feature["id"])
    return _properties_point(properties, xy)


def _xy(coordinates: Any) -> tuple[float, float] | None:
    try:
        x, y = float(coordinates[0]), float(coordinates[1])
    except (TypeError, ValueError, IndexError):
        return None
    return (x, y) if math.isfinite(x) and math.isfinite(y) else None


def _properties_point(values: Mapping[str, Any], xy: tuple[float, float] | None) -> MapPoint | None:
    """A map point from ACLED-style columns (as :mod:`mapper.records.formats` writes them)."""
    if xy is None or not (-90 <= xy[1] <= 90 and -180 <= xy[0] <= 180):
        return None
    actors = tuple(a for a in (_text(values.get("actor1")), _text(values.get("actor2"))) if a)
    fatalities, injuries = _count(values.get("fatalities")), _count(values.get("injuries"))
    reports = _reports(values)
    claimants = _text(values.get("source"))
    document, url, quote = reports[0] if reports else (claimants, None, "")
    claims = ((claimants, fatalities, injuries),) if claimants and claimants != document else ()
    return MapPoint(
        id=_text(values.get("event_id_cnty") or values.get("id")),
        lat=round(xy[1], COORDINATE_DECIMALS),
        lon=round(xy[0], COORDINATE_DECIMALS),
        event_type=_event_type(_text(values.get("event_type"))),
        sub_event_type=_text(values.get("sub_event_type")),
        date=_text(values.get("event_date")) or None,
        fatalities=fatalities,
        injuries=injuries,
        geo_precision=_count(values.get("geo_precision")) or 1,
        location=_text(values.get("location")),
        actors=actors,
        claims=claims,
        quote=quote or _text(values.get("notes")),
        source=(document, url),
        also=tuple((d, u, q if q != quote else "") for d, u, q in reports[1:]),
        remarks=tuple(r for r in _text(values.get("remarks")).split("; ") if r),
    )


def _reports(values: Mapping[str, Any]) -> list[tuple[str, str | None, str]]:
    """(document, url, quote) from the ``evidence`` JSON and the ``source_url`` links."""
    evidence = values.get("evidence")
    if isinstance(evidence, str):
        try:
            evidence = json.loads(evidence) if evidence.strip() else []
        except json.JSONDecodeError:
            evidence = []
    items = [e for e in evidence if isinstance(e, Mapping)] if isinstance(evidence, list) else []
    urls = [safe_url(u.strip()) for u in _text(values.get("source_url")).split(";")]
    urls = [u for u in urls if u]
    reports: list[tuple[str, str | None, str]] = []
    for index, item in enumerate(items):
        url = urls[index] if index < len(urls) else None
        reports.append((_text(item.get("document")), url, _text(item.get("text"))))
    for url in urls[len(items) :]:
        reports.append((reports[0][0] if reports else "", url, ""))
    return reports


def _event_type(value: str) -> str:
    return value if value in EVENT_TYPES else OTHER


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    try:
        import pandas

        if value is pandas.NA or value is pandas.NaT:
            return ""
    except ImportError:  # pragma: no cover - pandas is a dependency
        pass
    return str(value).strip()


def _count(value: Any) -> int | None:
    text = _text(value)
    try:
        number = float(text)
    except ValueError:
        return None
    return int(number) if math.isfinite(number) and number >= 0 else None


# -- safe data for a page ------------------------------------------------------------------


def script_json(value: Any) -> str:
    """JSON that is safe inside a ``<script>`` element and as a JavaScript literal."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, escape in _SCRIPT_ESCAPES.items():
        text = text.replace(char, escape)
    return text
