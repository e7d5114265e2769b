"""Background tiles for interactive maps: none, OpenStreetMap, a URL template, or local tiles.

``--tiles`` takes:

- ``none`` (the default: borders, regions and towns only, nothing fetched);
- ``osm`` or an ``http(s)`` URL template (``https://host/{z}/{x}/{y}.png``), fetched when
  the map is viewed;
- a **tile folder** (``FOLDER/{z}/{x}/{y}.png``, ``.jpg``, ``.jpeg`` or ``.webp``), read from
  disk when the map is viewed: the page names the folder by its absolute ``file:`` URL,
  so it works on the machine (or the copy of the folder) it was made for;
- an **MBTiles** (``.mbtiles``) or **PMTiles** (``.pmtiles``) file of raster tiles, whose
  tiles around the incidents are inlined into the page as ``data:`` URIs, zoom level by
  zoom level from the coarsest, while they fit in :data:`INLINE_LIMIT` bytes; beyond the
  last inlined zoom Leaflet enlarges that zoom's tiles. The page stays one file.

Vector tiles (MVT) are refused: the page has no vector tile renderer.
"""

from __future__ import annotations

import base64
import gzip
import html
import math
import re
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from mapper.errors import InputError, UsageError

__all__ = [
    "INLINE_LIMIT",
    "OSM_ATTRIBUTION",
    "OSM_URL",
    "InlineTiles",
    "TileSource",
    "inline_tiles",
    "tile_source",
]

OSM_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = (
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
)
#: The most tile bytes an MBTiles or PMTiles source puts into a page.
INLINE_LIMIT = 20_000_000
#: Zoom levels inlined whole (the world), whatever the incidents' area.
WORLD_ZOOMS = 3
_TEMPLATE_SYNTAX = re.compile(r"\{[{%#]")
_IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp")
_MEDIA = {b"\x89PNG": "image/png", b"\xff\xd8\xff": "image/jpeg", b"RIFF": "image/webp"}


@dataclass(frozen=True)
class TileSource:
    """Where a map's tiles come from: a URL template (remote or ``file:``), or a local
    archive whose tiles are inlined (``archive``)."""

    url: str | None
    attribution: str
    name: str
    archive: Path | None = None
    #: For a tile folder: per zoom, the tile columns and rows it holds (x0, x1, y0, y1).
    ranges: dict[int, tuple[int, int, int, int]] | None = None


@dataclass(frozen=True)
class InlineTiles:
    """Tiles put into the page: ``z/x/y`` → ``data:`` URI, and the zooms they cover."""

    tiles: dict[str, str]
    min_zoom: int
    max_zoom: int
    size: int


def tile_source(spec: str, attribution: str | None = None) -> TileSource | None:
    """The tile source ``spec`` names (``None`` for ``none``); a bad one is a UsageError."""
    if spec == "none":
        return None
    if spec == "osm":
        return TileSource(OSM_URL, OSM_ATTRIBUTION, "OpenStreetMap")
    if re.match(r"https?://[^\s]+$", spec, re.IGNORECASE) and not _TEMPLATE_SYNTAX.search(spec):
        return TileSource(spec, _credit(attribution or spec.split("/")[2]), "Tiles")
    path = Path(spec).expanduser()
    if path.is_dir():
        template = _folder_template(path)
        credit = _credit(attribution or path.name)
        return TileSource(template, credit, "Tiles", ranges=_folder_ranges(path))
    if path.is_file() and path.suffix.lower() in (".mbtiles", ".pmtiles"):
        credit = attribution or _archive_attribution(path) or path.name
        return TileSource(None, _credit(credit), "Tiles", archive=path.resolve())
    raise UsageError(
        "tiles must be none, osm, an http(s) URL template such as "
        "https://tiles.example.org/{z}/{x}/{y}.png, a folder of {z}/{x}/{y} image tiles, "
        f"or an .mbtiles or .pmtiles file, not {spec!r}",
        options=("tiles",),
    )


def _credit(text: str) -> str:
    """Attribution text for Leaflet (which shows it as HTML): escaped, no template syntax."""
    return html.escape(text).replace("{", "&#123;")


def _folder_template(folder: Path) -> str:
    for suffix in _IMAGE_SUFFIXES:
        if next(folder.glob(f"*/*/*{suffix}"), None) is not None:
            return f"{folder.resolve().as_uri()}/{{z}}/{{x}}/{{y}}{suffix}"
    raise UsageError(
        f"{folder} holds no tiles: a tile folder has {{z}}/{{x}}/{{y}}.png files "
        "(or .jpg, .jpeg, .webp)",
        options=("tiles",),
    )


def _numbered(folder: Path) -> list[int]:
    return sorted(int(p.name) for p in folder.iterdir() if p.is_dir() and p.name.isdigit())


def _folder_ranges(folder: Path, sampled: int = 64) -> dict[int, tuple[int, int, int, int]]:
    """Per zoom, the columns and rows a tile folder holds, so the page asks only for tiles
    that can be there (rows from every column, or from ``sampled`` of them)."""
    ranges = {}
    for zoom in _numbered(folder):
        columns = _numbered(folder / str(zoom))
        if not columns:
            continue
        step = max(1, len(columns) // sampled)
        rows = [
            int(p.stem)
            for x in {*columns[::step], columns[-1]}
            for p in (folder / str(zoom) / str(x)).iterdir()
            if p.stem.isdigit() and p.suffix.lower() in _IMAGE_SUFFIXES
        ]
        if rows:
            ranges[zoom] = (columns[0], columns[-1], min(rows), max(rows))
    return ranges


# -- archives ------------------------------------------------------------------------------


class _Archive:
    """Raster tiles of an MBTiles or PMTiles file, by ``z``, ``x``, ``y`` (XYZ scheme)."""

    min_zoom: int
    max_zoom: int
    get: Callable[[int, int, int], bytes | None]
    attribution: str | None

    def __init__(self, path: Path):
        self.path = path
        self._close: list[Callable[[], None]] = []
        try:
            if path.suffix.lower() == ".mbtiles":
                self._open_mbtiles()
            else:
                self._open_pmtiles()
        except BaseException:
            self.__exit__()
            raise

    def __enter__(self) -> _Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        for close in self._close:
            close()

    def _open_mbtiles(self) -> None:
        try:
            db = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True)
            self._close.append(db.close)
            meta = dict(db.execute("SELECT name, value FROM metadata").fetchall())
            zooms = db.execute("SELECT min(zoom_level), max(zoom_level) FROM tiles").fetchone()
        except sqlite3.Error as err:
            raise InputError(f"{self.path}: not a readable MBTiles file ({err})") from err
        if str(meta.get("format", "")).lower() in ("pbf", "mvt"):
            raise UsageError(
                f"{self.path} holds vector tiles; give a file of raster tiles", options=("tiles",)
            )
        if zooms[0] is None:
            raise InputError(f"{self.path}: the MBTiles file holds no tiles")
        self.min_zoom, self.max_zoom = int(zooms[0]), int(zooms[1])
        self.attribution = meta.get("attribution")

        def get(z: int, x: int, y: int) -> bytes | None:
            row = db.execute(
                "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? "
                "AND tile_row = ?",
                (z, x, (1 << z) - 1 - y),
            ).fetchone()
            return bytes(row[0]) if row else None

        self.get = get

    def _open_pmtiles(self) -> None:
        from pmtiles.reader import MmapSource, Reader
        from pmtiles.tile import Compression, TileType

        try:
            handle = self.path.open("rb")
            self._close.append(handle.close)
            source = MmapSource(handle)
            reader = Reader(source)
            header = reader.header()
            metadata = reader.metadata()
        except Exception as err:  # the reader raises its own and struct errors
            raise InputError(f"{self.path}: not a readable PMTiles file ({err})") from err
        if header["tile_type"] == TileType.MVT:
            raise UsageError(
                f"{self.path} holds vector tiles; give a file of raster tiles", options=("tiles",)
            )
        self.min_zoom, self.max_zoom = int(header["min_zoom"]), int(header["max_zoom"])
        self.attribution = metadata.get("attribution") if isinstance(metadata, dict) else None
        compressed = header["tile_compression"] == Compression.GZIP

        def get(z: int, x: int, y: int) -> bytes | None:
            data = reader.get(z, x, y)
            if data is None:
                return None
            return gzip.decompress(data) if compressed else bytes(data)

        self.get = get


def _archive_attribution(path: Path) -> str | None:
    with _Archive(path) as archive:
        return archive.attribution


def _tile_range(
    zoom: int, south: float, west: float, north: float, east: float
) -> Iterator[tuple[int, int]]:
    n = 1 << zoom

    def x_of(lon: float) -> int:
        return min(max(int((lon + 180) / 360 * n), 0), n - 1)

    def y_of(lat: float) -> int:
        lat = max(min(lat, 85.0511), -85.0511)
        rad = math.radians(lat)
        return min(max(int((1 - math.asinh(math.tan(rad)) / math.pi) / 2 * n), 0), n - 1)

    for x in range(x_of(west), x_of(east) + 1):
        for y in range(y_of(north), y_of(south) + 1):
            yield x, y


def _data_uri(data: bytes) -> str | None:
    for magic, media in _MEDIA.items():
        if data.startswith(magic):
            return f"data:{media};base64,{base64.b64encode(data).decode('ascii')}"
    return None


def inline_tiles(
    source: TileSource, box: tuple[float, float, float, float], limit: int = INLINE_LIMIT
) -> InlineTiles:
    """The tiles of ``source``'s archive to put into the page: every tile of the first
    :data:`WORLD_ZOOMS` zooms, then those over ``box`` (south, west, north, east), one
    zoom at a time from the coarsest, while all of a zoom fits in ``limit`` bytes."""
    if source.archive is None:
        raise UsageError("only an MBTiles or PMTiles source is inlined")
    with _Archive(source.archive) as archive:
        return _inline(archive, box, limit)


def _inline(archive: _Archive, box: tuple[float, float, float, float], limit: int) -> InlineTiles:
    tiles: dict[str, str] = {}
    size, last = 0, None
    for zoom in range(archive.min_zoom, archive.max_zoom + 1):
        area = (-90.0, -180.0, 90.0, 180.0) if zoom < WORLD_ZOOMS else box
        level: dict[str, str] = {}
        for x, y in _tile_range(zoom, *area):
            data = archive.get(zoom, x, y)
            uri = _data_uri(data) if data else None
            if uri is not None:
                level[f"{zoom}/{x}/{y}"] = uri
                size += len(uri)
            if size > limit:
                break
        if size > limit:
            break
        tiles.update(level)
        last = zoom
    if last is None:
        raise InputError(
            f"{archive.path}: not even its coarsest zoom ({archive.min_zoom}) fits in "
            f"{limit / 1e6:.0f} MB, or it holds no PNG, JPEG or WebP tiles"
        )
    return InlineTiles(tiles, archive.min_zoom, last, sum(len(u) for u in tiles.values()))
