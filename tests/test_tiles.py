"""Offline basemaps: a tile folder read from disk when viewed, MBTiles and PMTiles files
inlined into the page up to a size limit; vector tiles and bad sources refused."""

from __future__ import annotations

import io
import json
import re
import sqlite3
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from test_render import xss_incidents

from mapper.errors import InputError, UsageError
from mapper.render.interactive import map_html, render_map
from mapper.render.tiles import _tile_range, inline_tiles, tile_source

#: (z, x, y) of every tile the test sources hold: the world at zooms 0–2, and zooms 3–5
#: over the Fergana valley (where the test incidents are).
ZOOMS = range(6)
FERGANA = (39.5, 69.5, 41.5, 72.5)


def _png(color: tuple[int, int, int]) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (256, 256), color).save(out, format="PNG")
    return out.getvalue()


def _tiles() -> list[tuple[int, int, int, bytes]]:
    out = []
    for z in ZOOMS:
        area = (-85.0, -180.0, 85.0, 180.0) if z < 3 else FERGANA
        for x, y in _tile_range(z, *area):
            out.append((z, x, y, _png((40 * z, 120, 200 - 30 * z))))
    return out


def write_folder(folder: Path) -> Path:
    for z, x, y, data in _tiles():
        path = folder / str(z) / str(x) / f"{y}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return folder


def write_mbtiles(path: Path, tile_format: str = "png") -> Path:
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
    db.execute(
        "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, "
        "tile_data BLOB)"
    )
    db.executemany(
        "INSERT INTO metadata VALUES (?, ?)",
        [("format", tile_format), ("attribution", '<img src=x onerror="window.__xss=1">')],
    )
    db.executemany(
        "INSERT INTO tiles VALUES (?, ?, ?, ?)",
        [(z, x, (1 << z) - 1 - y, data) for z, x, y, data in _tiles()],
    )
    db.commit()
    db.close()
    return path


def write_pmtiles(path: Path) -> Path:
    from pmtiles.tile import Compression, TileType, zxy_to_tileid
    from pmtiles.writer import Writer

    tiles = sorted(_tiles(), key=lambda t: zxy_to_tileid(t[0], t[1], t[2]))
    with path.open("wb") as handle:
        writer = Writer(handle)
        for z, x, y, data in tiles:
            writer.write_tile(zxy_to_tileid(z, x, y), data)
        writer.finalize(
            {"tile_type": TileType.PNG, "tile_compression": Compression.NONE},
            {"attribution": "Test tiles (PMTiles)"},
        )
    return path


@pytest.fixture
def incidents():
    return xss_incidents()[:4]


def inline_block(page: str) -> dict[str, str]:
    soup = BeautifulSoup(page, "html.parser")
    for block in soup.select("script.mapper-data"):
        data = json.loads(block.string)
        if isinstance(data, dict) and data and all("/" in k for k in data):
            return data
    raise AssertionError("no inlined tiles")


def test_a_tile_folder_is_read_from_disk_when_viewed(tmp_path, incidents):
    folder = write_folder(tmp_path / "tiles")
    page = map_html(render_map(incidents, tiles=str(folder)))
    template = f"{folder.resolve().as_uri()}/{{z}}/{{x}}/{{y}}.png"
    assert json.dumps(template) in page
    assert "tile.openstreetmap.org" not in page


@pytest.mark.parametrize("kind", ["mbtiles", "pmtiles"])
def test_an_archive_is_inlined_up_to_the_limit(tmp_path, incidents, kind):
    path = (write_mbtiles if kind == "mbtiles" else write_pmtiles)(tmp_path / f"t.{kind}")
    page = map_html(render_map(incidents, tiles=str(path)))
    tiles = inline_block(page)
    zooms = {int(k.split("/")[0]) for k in tiles}
    assert zooms == set(ZOOMS)
    assert len([k for k in tiles if k.startswith("0/")]) == 1
    assert all(uri.startswith("data:image/png;base64,") for uri in tiles.values())
    # a tight limit keeps the coarsest zooms only, and says so in the page's options
    source = tile_source(str(path))
    assert source is not None
    whole = inline_tiles(source, FERGANA)
    small = inline_tiles(source, FERGANA, limit=whole.size // 2)
    assert small.max_zoom < 5 and all(int(k.split("/")[0]) <= small.max_zoom for k in small.tiles)
    assert small.size <= whole.size // 2 and set(small.tiles) < set(whole.tiles)
    with pytest.raises(InputError, match="coarsest zoom"):
        inline_tiles(source, FERGANA, limit=100)


def test_archive_attribution_is_escaped(tmp_path, incidents):
    page = map_html(render_map(incidents, tiles=str(write_mbtiles(tmp_path / "t.mbtiles"))))
    credit = re.search(r'"attribution":("[^"]*")', page)
    assert (
        credit
        and json.loads(credit.group(1)) == "&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt;"
    )
    assert not re.search(r"<img[^>]*onerror", page)


def test_vector_tiles_and_bad_sources_are_refused(tmp_path, incidents):
    vector = write_mbtiles(tmp_path / "v.mbtiles", tile_format="pbf")
    with pytest.raises(UsageError, match="vector tiles"):
        render_map(incidents, tiles=str(vector))
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(UsageError, match="holds no tiles"):
        render_map(incidents, tiles=str(empty))
    broken = tmp_path / "broken.pmtiles"
    broken.write_bytes(b"not a pmtiles file at all" * 10)
    with pytest.raises(InputError, match="not a readable PMTiles"):
        render_map(incidents, tiles=str(broken))
    for bad in ("satellite", "file:///tiles/{z}/{x}/{y}.png", str(tmp_path / "missing.mbtiles")):
        with pytest.raises(UsageError):
            render_map(incidents, tiles=bad)


def test_two_builds_with_inlined_tiles_are_byte_identical(tmp_path, incidents):
    path = str(write_pmtiles(tmp_path / "t.pmtiles"))
    assert map_html(render_map(incidents, tiles=path)) == map_html(
        render_map(incidents, tiles=path)
    )
