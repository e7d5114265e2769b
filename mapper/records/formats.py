"""Record files in and out: raw rows from CSV, GeoJSON and GeoPackage; incidents to files.

Reading gives a :class:`RawTable`: the column names and every data row as strings,
numbered from 1 (for CSV, :attr:`RawRow.line` is the file line the row starts on).
Nothing is interpreted here; :mod:`mapper.records.rows` does that.

CSV files are decoded by :func:`decode`: UTF-8 (with or without a byte order mark,
or UTF-16 with one) when the bytes are valid UTF-8, else Windows-1251 when they read as
Cyrillic words, else Latin-1. The delimiter (``,`` ``;`` tab ``|``) is the one that
splits the first lines into the same number of fields (an Excel ``sep=;`` first line
also names it). A row whose field count differs from the header's, for instance after an
unclosed quote, is still a row: its lines are split one by one again and the rows that
stay wrong are rejected, so no line of the file is lost.

Writing: :func:`incidents_to_geodataframe` builds the ACLED-style table,
:func:`write_incidents` writes it as GeoJSON, GeoPackage or CSV, and
:func:`write_rejects` writes the rejected rows. Every file is written to a temporary
file in the target's folder and renamed over the target, so a failure leaves the
previous file as it was.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import math
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mapper.errors import InputError, OutputError, UsageError
from mapper.model import Incident, Reject
from mapper.outputs import write_atomic

if TYPE_CHECKING:
    import geopandas

__all__ = [
    "CSV_SUFFIXES",
    "GEOJSON_SUFFIXES",
    "GPKG_SUFFIXES",
    "OUTPUT_COLUMNS",
    "RECORD_SUFFIXES",
    "SHEET_SUFFIXES",
    "RawRow",
    "RawTable",
    "check_record_path",
    "decode",
    "incidents_to_geodataframe",
    "read_table",
    "write_incidents",
    "write_rejects",
]

CSV_SUFFIXES = frozenset({".csv", ".tsv", ".tab"})
GEOJSON_SUFFIXES = frozenset({".geojson", ".json"})
GPKG_SUFFIXES = frozenset({".gpkg"})
RECORD_SUFFIXES = CSV_SUFFIXES | GEOJSON_SUFFIXES | GPKG_SUFFIXES
ARTICLE_SUFFIXES = frozenset({".txt", ".html", ".htm"})
SHEET_SUFFIXES = frozenset({".xlsx", ".xls", ".ods"})

#: The columns of an incidents file: ACLED's names first, then mapper's own.
OUTPUT_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
    "injuries",
    "source_url",
    "evidence",
    "remarks",
)
#: ACLED's ``time_precision`` codes: 1 day, 2 week, 3 month (and coarser).
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
DELIMITERS = (",", ";", "\t", "|")
SNIFF_LINES = 50
#: Share of the non-ASCII words that must read as Cyrillic for Windows-1251.
CYRILLIC_SHARE = 0.6
COORDINATE_DECIMALS = 6


@dataclass(frozen=True)
class RawRow:
    """One data row as strings.

    ``point`` is (lon, lat) from the row's geometry, or ``geometry_problem`` says why it
    gave none; ``problem`` says why the row could not be read at all.
    """

    row: int
    values: Mapping[str, str]
    line: int | None = None
    point: tuple[float, float] | None = None
    geometry_problem: str | None = None
    problem: str | None = None


@dataclass(frozen=True)
class RawTable:
    """A record file's columns and rows; ``has_geometry``: rows may carry points."""

    path: Path
    columns: tuple[str, ...]
    rows: tuple[RawRow, ...]
    has_geometry: bool = False


# -- reading -------------------------------------------------------------------------------


def read_table(path: str | Path) -> RawTable:
    """The rows of one record file: ``.csv``/``.tsv``, ``.geojson``/``.json`` or ``.gpkg``."""
    path = Path(path)
    check_record_path(path)
    suffix = path.suffix.lower()
    if suffix in GPKG_SUFFIXES:
        return _read_gpkg(path)
    text = decode(_read_bytes(path), path)
    if suffix in GEOJSON_SUFFIXES:
        return _read_geojson(text, path)
    return _read_csv(text, path)


def check_record_path(path: Path) -> None:
    """Raise a clear error for a path that is not a record file mapper reads."""
    suffix = path.suffix.lower()
    if path.is_dir() or suffix in ARTICLE_SUFFIXES:
        raise UsageError(
            f"{path} is an article {'folder' if path.is_dir() else 'file'}, not a record file "
            "(.csv, .tsv, .geojson, .json, .gpkg); read articles as articles"
        )
    if suffix in SHEET_SUFFIXES:
        raise UsageError(f"{path} is a spreadsheet; save the sheet as CSV (UTF-8) and pass that")
    if suffix not in RECORD_SUFFIXES:
        raise UsageError(
            f"{path}: unknown kind of file {suffix or '(no ending)'!r}; record files are "
            ".csv, .tsv, .geojson, .json and .gpkg files"
        )
    if not path.is_file():
        raise InputError("no such file", path=path)


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as err:
        raise InputError(f"cannot read the file ({err.strerror})", path=path) from err


def decode(data: bytes, path: str | Path | None = None) -> str:
    """The text of a record file, with any byte order mark removed.

    Strict UTF-8 first: valid UTF-8 is almost never another encoding by accident. For
    other bytes the choice is between the two legacy encodings such files come in,
    Windows-1251 (Cyrillic) and Latin-1. Every byte from 0xC0 up is a Cyrillic letter in
    Windows-1251, so Latin-1 accents also decode "as Cyrillic" — but then they sit inside
    Latin words (``Caf\u0439``), while real Cyrillic text gives words made of Cyrillic
    letters only. So Windows-1251 is chosen when most words with a non-ASCII letter are
    wholly Cyrillic. A general detector (charset-normalizer) was tried and rejected: on
    short files like these it named mac_cyrillic and cp1250, which garble the text.
    """
    if b"\x00" in data and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError("looks like a binary file, not text; save it as CSV (UTF-8)", path=path)
    try:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return data.decode("utf-16")
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            raise InputError(
                f"starts with a byte order mark but is not valid Unicode ({err.reason} at "
                f"byte {err.start}); save it again as UTF-8",
                path=path,
            ) from err
    if _reads_as_cyrillic(data.decode("cp1251", errors="replace")):
        try:
            return data.decode("cp1251")
        except UnicodeDecodeError:
            pass
    return data.decode("latin-1")


_WORD = re.compile(r"[^\W\d_]+")


def _reads_as_cyrillic(text: str) -> bool:
    words = [w for w in _WORD.findall(text) if not w.isascii()]
    cyrillic = [w for w in words if all(_is_cyrillic(c) for c in w)]
    return bool(words) and len(cyrillic) >= CYRILLIC_SHARE * len(words)


def _is_cyrillic(char: str) -> bool:
    return unicodedata.name(char, "").startswith("CYRILLIC")


def _read_csv(text: str, path: Path) -> RawTable:
    with _field_limit(len(text)):
        try:
            return _csv_table(text, path)
        except csv.Error as err:
            raise InputError(f"cannot be read as CSV ({err})", path=path) from err


@contextmanager
def _field_limit(size: int) -> Iterator[None]:
    """Let a field be as long as the file (the csv module stops at 128 KiB by default)."""
    previous = csv.field_size_limit()
    csv.field_size_limit(max(previous, size + 1))
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def _csv_table(text: str, path: Path) -> RawTable:
    lines = io.StringIO(text, newline="").readlines()
    delimiter, skip = _delimiter(lines)
    records = list(_records(lines[skip:], delimiter, first_line=skip + 1))
    if not records:
        raise InputError("is empty: no header line and no rows", path=path)
    (header, _), body = records[0], records[1:]
    columns = _column_names(header)
    rows: list[RawRow] = []
    for fields_, line in body:
        rows.extend(_fit(fields_, line, columns, lines, delimiter, len(rows) + 1))
    return RawTable(path, columns, tuple(rows))


def _delimiter(lines: Sequence[str]) -> tuple[str, int]:
    first = lines[0].strip() if lines else ""
    if len(first) == 5 and first.casefold().startswith("sep="):
        return first[4], 1
    sample = lines[:SNIFF_LINES]
    scored = [(_delimiter_score(sample, d), -i, d) for i, d in enumerate(DELIMITERS)]
    return max(scored)[2], 0


def _delimiter_score(sample: Sequence[str], delimiter: str) -> tuple[int, int]:
    records = [r for r in csv.reader(sample, delimiter=delimiter) if r]
    if not records or len(records[0]) < 2:
        return (0, 0)
    width = len(records[0])
    return (sum(len(r) == width for r in records), width)


def _records(
    lines: Sequence[str], delimiter: str, first_line: int
) -> Iterator[tuple[list[str], list[int]]]:
    """Non-blank CSV records with the file lines each spans."""
    reader = csv.reader(iter(lines), delimiter=delimiter)
    start = first_line
    for record in reader:
        end = first_line + reader.line_num - 1
        if record and any(cell.strip() for cell in record):
            yield record, list(range(start, end + 1))
        start = end + 1


def _column_names(header: list[str]) -> tuple[str, ...]:
    names: list[str] = []
    for index, raw in enumerate(header, start=1):
        name = raw.strip() or f"column_{index}"
        base, count = name, 2
        while name in names:
            name, count = f"{base}_{count}", count + 1
        names.append(name)
    return tuple(names)


def _fit(
    record: list[str],
    lines: list[int],
    columns: tuple[str, ...],
    text_lines: Sequence[str],
    delimiter: str,
    row: int,
) -> list[RawRow]:
    """One record as rows; a record spanning lines that has the wrong width or a quote
    left open to the end of the file is split by line."""
    if len(lines) == 1 or (
        _width_ok(record, columns) and not _open_to_the_end(lines, text_lines, delimiter)
    ):
        return [_raw_row(record, lines[0], columns, row)]
    rows: list[RawRow] = []
    for number in lines:
        if text_lines[number - 1].strip():
            cells = next(csv.reader([text_lines[number - 1]], delimiter=delimiter), [])
            rows.append(_raw_row(cells, number, columns, row + len(rows)))
    return rows


def _open_to_the_end(lines: list[int], text_lines: Sequence[str], delimiter: str) -> bool:
    """Whether a quote opened in these lines is never closed: the file ends inside it."""
    record = (text_lines[number - 1] for number in lines)
    try:
        for _ in csv.reader(record, delimiter=delimiter, strict=True):
            pass
    except csv.Error as err:
        return "unexpected end of data" in str(err)
    return False


def _width_ok(record: list[str], columns: tuple[str, ...]) -> bool:
    extra = record[len(columns) :]
    return len(record) >= len(columns) and not any(cell.strip() for cell in extra)


def _raw_row(record: list[str], line: int, columns: tuple[str, ...], row: int) -> RawRow:
    values = dict(zip(columns, record, strict=False))
    if not _width_ok(record, columns):
        values = {**{c: "" for c in columns}, **values}
        if len(record) > len(columns):
            values["(extra fields)"] = json.dumps(record[len(columns) :], ensure_ascii=False)
        problem = (
            f"has {len(record)} fields where the header has {len(columns)}; check the "
            'delimiters and quotes on this line (an unclosed " runs on into later lines)'
        )
        return RawRow(row, values, line, problem=problem)
    return RawRow(row, values, line)


def _read_geojson(text: str, path: Path) -> RawTable:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(
            f"is not valid JSON ({err.msg} at line {err.lineno} column {err.colno})", path=path
        ) from err
    except RecursionError as err:
        raise InputError("is not GeoJSON: its arrays or objects nest too deep", path=path) from err
    except ValueError as err:  # an integer with more digits than Python converts
        raise InputError("is not GeoJSON: it holds a number too long to read", path=path) from err
    features = _features(data, path)
    columns: dict[str, None] = {}
    rows = []
    for number, feature in enumerate(features, start=1):
        try:
            values = _feature_values(feature)
        except RecursionError as err:
            raise InputError(f"feature {number} nests too deep to read", path=path) from err
        columns.update(dict.fromkeys(values))
        point, problem = (
            _geojson_point(feature.get("geometry"))
            if isinstance(feature, dict)
            else (None, f"is not a GeoJSON Feature but {_short(feature)}")
        )
        rows.append(RawRow(number, values, None, point, problem))
    names = tuple(c for c in columns if c != "geometry")
    return RawTable(path, names, tuple(rows), has_geometry=True)


def _features(data: Any, path: Path) -> list[Any]:
    if isinstance(data, dict) and data.get("type") == "FeatureCollection":
        features = data.get("features")
        if isinstance(features, list):
            return features
    if isinstance(data, dict) and data.get("type") == "Feature":
        return [data]
    raise InputError(
        'is not a GeoJSON FeatureCollection (a JSON object with "type": '
        '"FeatureCollection" and a "features" list)',
        path=path,
    )


def _feature_values(feature: Any) -> dict[str, str]:
    if not isinstance(feature, dict):
        return {"geometry": _cell(feature)}
    properties = feature.get("properties")
    values = (
        {str(k): _cell(v) for k, v in (properties or {}).items()}
        if isinstance(properties, dict)
        else {}
    )
    if feature.get("id") is not None and "id" not in values:
        values = {"id": _cell(feature["id"]), **values}
    values["geometry"] = json.dumps(feature.get("geometry"), ensure_ascii=False)
    return values


def _geojson_point(geometry: Any) -> tuple[tuple[float, float] | None, str | None]:
    if geometry is None:
        return None, "has no geometry (null)"
    if not isinstance(geometry, dict):
        return None, f"geometry {_short(geometry)} is not a GeoJSON object"
    kind, coords = geometry.get("type"), geometry.get("coordinates")
    if kind == "MultiPoint" and isinstance(coords, list) and len(coords) == 1:
        kind, coords = "Point", coords[0]
    if kind != "Point":
        return None, f"geometry is a {kind or 'shape without a type'}, not a Point"
    if not (
        isinstance(coords, list)
        and len(coords) >= 2
        and all(isinstance(c, int | float) and not isinstance(c, bool) for c in coords[:2])
        and all(math.isfinite(c) for c in coords[:2])
    ):
        return None, f"geometry has invalid coordinates {_short(coords)}"
    return (float(coords[0]), float(coords[1])), None


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


def _read_gpkg(path: Path) -> RawTable:
    """Every layer of a GeoPackage, in order, with points in WGS84 (EPSG:4326)."""
    import pyogrio

    try:
        layers = [str(name) for name, _ in pyogrio.list_layers(path)]
        frames = [pyogrio.read_dataframe(path, layer=layer) for layer in layers]
    except Exception as err:  # pyogrio raises its own error types for unreadable data
        raise InputError(f"cannot read the GeoPackage ({err})", path=path) from err
    columns: dict[str, None] = {}
    rows: list[RawRow] = []
    for frame in frames:
        if frame.crs is not None and frame.crs.to_epsg() != 4326:
            frame = frame.to_crs(4326)
        names = [c for c in frame.columns if c != frame.geometry.name]
        columns.update(dict.fromkeys(names))
        for values, geometry in zip(frame[names].to_dict("records"), frame.geometry, strict=True):
            point, problem = _shapely_point(geometry)
            cells = {str(k): _cell(v) for k, v in values.items()}
            rows.append(RawRow(len(rows) + 1, cells, None, point, problem))
    return RawTable(path, tuple(columns), tuple(rows), has_geometry=True)


def _shapely_point(geometry: Any) -> tuple[tuple[float, float] | None, str | None]:
    if geometry is None or geometry.is_empty:
        return None, "has no geometry (null or empty)"
    if geometry.geom_type != "Point":
        return None, f"geometry is a {geometry.geom_type}, not a Point"
    return (float(geometry.x), float(geometry.y)), None


def _cell(value: Any) -> str:
    """A value from JSON or a data frame as the text a CSV cell would hold."""
    import pandas

    if value is None or (not isinstance(value, list | dict) and pandas.isna(value)):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, str):
        return value
    if isinstance(value, pandas.Timestamp):
        stamp: str = value.isoformat()
        return stamp[:10] if stamp.endswith("T00:00:00") else stamp
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


# -- writing -------------------------------------------------------------------------------

FORMATS = {".geojson": "geojson", ".json": "geojson", ".gpkg": "gpkg", ".csv": "csv"}


def incidents_to_geodataframe(incidents: Iterable[Incident]) -> geopandas.GeoDataFrame:
    """The incidents as a point layer (EPSG:4326) with the :data:`OUTPUT_COLUMNS`, in order.

    ACLED's meanings, with these choices: ``country`` is the ISO 3166-1 alpha-2 code;
    ``event_date`` is the ISO date (``YYYY-MM`` or ``YYYY`` when less is known);
    ``location`` the place as the input names it; ``source`` who reported the figures
    (the claimants, e.g. an ACLED row's outlets) or else the source document;
    ``notes`` the evidence text; ``source_url`` every link, ``"; "``-separated;
    ``evidence`` a JSON list of ``{document, start, end, text}``; ``remarks`` what was
    changed or doubted on the way in. Unknown counts stay empty, not 0. An incident
    without a place has an empty geometry.
    """
    import geopandas
    import pandas

    rows = [_incident_row(incident) for incident in incidents]
    frame = pandas.DataFrame(rows, columns=list(OUTPUT_COLUMNS))
    for column in ("year", "time_precision", "geo_precision", "fatalities", "injuries"):
        frame[column] = frame[column].astype("Int64")
    for column in ("latitude", "longitude"):
        frame[column] = frame[column].astype("float64")
    points = geopandas.points_from_xy(frame["longitude"], frame["latitude"], crs="EPSG:4326")
    geometry = [
        None if math.isnan(x) else p for p, x in zip(points, frame["longitude"], strict=True)
    ]
    return geopandas.GeoDataFrame(frame, geometry=geometry, crs="EPSG:4326")


def _incident_row(incident: Incident) -> dict[str, Any]:
    place = incident.place
    actors = incident.actors
    urls = [incident.source.url] + [s.url for s, _ in incident.also_reported_by]
    claimants = [c.claimant for c in incident.claims if c.claimant]
    reports = [(incident.source, incident.evidence), *incident.also_reported_by]
    evidence = list({(s.document, e): None for s, e in reports})
    return {
        "event_id_cnty": incident.id,
        "event_date": incident.date or "",
        "year": int(incident.date[:4]) if incident.date else None,
        "time_precision": TIME_PRECISION.get(incident.date_precision or ""),
        "event_type": incident.event_type,
        "sub_event_type": incident.sub_event_type,
        "actor1": actors[0] if actors else "",
        "actor2": "; ".join(actors[1:]),
        "country": (place.country if place else None) or "",
        "admin1": (place.admin1 if place else None) or "",
        "location": incident.location_text or (place.name if place else ""),
        "latitude": round(place.lat, COORDINATE_DECIMALS) if place else math.nan,
        "longitude": round(place.lon, COORDINATE_DECIMALS) if place else math.nan,
        "geo_precision": incident.geo_precision,
        "source": "; ".join(dict.fromkeys(claimants)) or incident.source.document,
        "notes": incident.evidence.text,
        "fatalities": incident.fatalities,
        "injuries": incident.injuries,
        "source_url": "; ".join(dict.fromkeys(u for u in urls if u)),
        "evidence": json.dumps(
            [{"document": document, **e.to_dict()} for document, e in evidence],
            ensure_ascii=False,
        ),
        "remarks": "; ".join(incident.remarks),
    }


def output_format(path: str | Path, fmt: str | None = None) -> str:
    """``geojson``, ``gpkg`` or ``csv``: ``fmt`` when given, else from the file ending."""
    if fmt is not None:
        if fmt not in set(FORMATS.values()):
            raise UsageError(f"unknown output format {fmt!r}; choose geojson, gpkg or csv")
        return fmt
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise UsageError(
            f"cannot tell the output format from {str(path)!r}; end the name with .geojson, "
            ".gpkg or .csv"
        )
    return FORMATS[suffix]


def write_incidents(
    incidents: Iterable[Incident], path: str | Path, *, fmt: str | None = None
) -> Path:
    """Write ``incidents`` to ``path`` as GeoJSON, GeoPackage or CSV (by its ending).

    CSV and GeoJSON output is byte-identical for the same incidents.
    """
    target = Path(path)
    kind = output_format(target, fmt)
    frame = incidents_to_geodataframe(incidents)
    if kind == "csv":
        table = frame.drop(columns=frame.geometry.name)
        return write_atomic(target, table.to_csv(index=False, lineterminator="\n"))
    return _write_layer(frame, target, kind)


def _write_layer(frame: geopandas.GeoDataFrame, target: Path, kind: str) -> Path:
    import pyogrio

    driver, suffix = ("GPKG", ".gpkg") if kind == "gpkg" else ("GeoJSON", ".geojson")
    options = {"RFC7946": "YES", "WRITE_NAME": "NO"} if kind == "geojson" else {}
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix=f".{target.name}.", dir=target.parent) as tmp:
            staged = Path(tmp) / f"incidents{suffix}"
            pyogrio.write_dataframe(
                frame, staged, layer="incidents", driver=driver, layer_options=options
            )
            os.replace(staged, target)
    except OSError as err:
        raise OutputError(f"cannot write {target} ({err.strerror or err})") from err
    except Exception as err:  # pyogrio raises its own error types (DataSourceError, ...)
        raise OutputError(f"cannot write {target} ({err})") from err
    return target


def write_rejects(rejects: Iterable[Reject], path: str | Path) -> Path:
    """Write the rejected rows as CSV: file, row, line, reason, and the row as JSON."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["file", "row", "line", "reason", "raw"])
    for reject in rejects:
        raw = json.dumps(dict(reject.raw), ensure_ascii=False)
        line = "" if reject.line is None else reject.line
        writer.writerow([reject.path, reject.row, line, reject.reason, raw])
    return write_atomic(path, buffer.getvalue())
