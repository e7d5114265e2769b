"""Interactive maps, read as a page: no network references, layers, legend, one feature
per incident, escaping, byte-identical builds, and ``mapper map`` on the samples."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner
from source_articles import SEEDS, SKIP_REASON

from gazetteer import Place
from mapper.cli import main
from mapper.errors import InputError, UsageError
from mapper.model import CasualtyClaim, Evidence, Incident, Source
from mapper.records.rows import read_records
from mapper.render.interactive import map_html, render_map, save_map
from mapper.render.points import map_points, script_json
from mapper.safety import safe_url
from mapper.tools.maps import make_map

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "mapper" / "samples" / "records.csv"

#: Each payload sets window.__xss when it runs; the browser test checks that it never does.
PAYLOADS = (
    "<script>window.__xss=1</script>",
    '<img src=x onerror="window.__xss=1">',
    "${window.__xss=1}",
    "`;window.__xss=1;`",
    '"><svg onload="window.__xss=1">',
    "'); window.__xss=1; ('",
    "</script><script>window.__xss=1</script>",
    "<!-- <script>window.__xss=1</script>",
    "{{ 7*7 }} {% if true %}jinja{% endif %}",
    "line\u2028separator\u2029paragraph",
)
JS_LINK = "javascript:window.__xss=1"


def _place(lat: float, lon: float, name: str = "Somewhere") -> Place:
    return Place(f"test:{lat},{lon}", name, "populated_place", "KG", "Batken", lat, lon, "test")


def xss_incidents() -> list[Incident]:
    """One incident per payload, the payload in every text field."""
    out = []
    for n, payload in enumerate(PAYLOADS):
        out.append(
            Incident(
                id=f"xss-{n} {payload}",
                date=f"2022-01-{n + 1:02d}",
                date_precision="day",
                event_type="Battles" if n % 2 else "Riots",
                sub_event_type=payload,
                place=_place(40.0 + n * 0.05, 70.5 + n * 0.05, payload),
                location_text=payload,
                geo_precision=1 + n % 3,
                fatalities=n,
                injuries=None,
                actors=(payload, f"actor {payload}"),
                evidence=Evidence(0, len(payload), f"Evidence {n}: {payload}"),
                source=Source(f"doc {payload}", JS_LINK if n % 2 else f"https://example.org/{n}"),
                claims=(CasualtyClaim(payload, n, 1),),
                also_reported_by=((Source(payload, JS_LINK), Evidence(0, 1, payload)),),
                remarks=(payload,),
            )
        )
    return out


@pytest.fixture(scope="module")
def sample() -> list[Incident]:
    return read_records(SAMPLE).incidents


@pytest.fixture(scope="module")
def sample_page(sample) -> str:
    return map_html(render_map(sample, title="Sample records", choropleth=True))


def soup(page: str) -> BeautifulSoup:
    return BeautifulSoup(page, "html.parser")


def data_blocks(page: str) -> list[object]:
    return [json.loads(s.string) for s in soup(page).select("script.mapper-data")]


def incident_columns(page: str) -> dict:
    """The incidents' columnar block: positions, type, size, precision, date, region."""
    blocks = [b for b in data_blocks(page) if isinstance(b, dict) and "lat" in b]
    assert len(blocks) == 1, "one incident layer"
    return blocks[0]


def incident_features(page: str) -> list[dict]:
    """The incidents as GeoJSON point features: each position from the columnar block, the
    properties from the popup data block (the two are in the same order)."""
    parsed = soup(page)
    features = []
    for details in parsed.select('script.mapper-data[id$="_details"]'):
        points = json.loads(parsed.find(id=details["id"].removesuffix("_details") + "_data").string)
        for lat, lon, props in zip(points["lat"], points["lon"], json.loads(details.string),
                                   strict=True):  # fmt: skip
            features.append(
                {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
                 "properties": props}
            )  # fmt: skip
    return features


def overlay_names(page: str) -> list[str]:
    """The layer switches of the side panel, as a person reads them (counts left out)."""
    labels = soup(page).select(".mapper-side .mapper-layer-list label")
    assert labels, "no layer switches"
    return [" ".join(label.find("span", class_=False).text.split()) for label in labels]


# -- no network ----------------------------------------------------------------------------


def test_the_page_links_nothing_from_a_network(sample_page):
    page = soup(sample_page)
    for tag in page.find_all(["script", "img", "iframe", "link", "source"]):
        for attribute in ("src", "href"):
            assert not tag.get(attribute), tag
    assert "@import" not in sample_page
    assert not re.search(r"url\(\s*['\"]?(?:https?:)?//", sample_page)


def test_leaflet_and_mapper_are_inlined(sample_page):
    assets = [tag["data-asset"] for tag in soup(sample_page).select("[data-asset]")]
    assert assets[:2] == ["leaflet/leaflet.css", "leaflet/leaflet.js"]
    assert "mapper/mapper.js" in assets
    assert "leaflet-minimap/Control.MiniMap.min.js" not in assets  # only what is used


def test_vendor_md_records_every_vendored_file():
    from mapper.render.vendor import PACKAGES, asset_text

    record = (REPO / "mapper" / "render" / "vendor" / "VENDOR.md").read_text(encoding="utf-8")
    for package in PACKAGES:
        assert f"| {package.version} | {package.licence}" in record
        for path in package.files:
            text = asset_text(package.target(path))
            assert f"`{package.target(path)}`" in record
            assert "</script" not in text.lower() and "sourceMappingURL" not in text
        assert asset_text(f"{package.name}/LICENSE").strip()


# -- what the page shows -------------------------------------------------------------------


def test_layers_are_the_borders_and_each_event_type_present(sample_page, sample):
    names = overlay_names(sample_page)
    types = {i.event_type for i in sample}
    assert set(names[: len(types)]) == types
    assert names[len(types) :] == ["Countries", "Incidents per region", "Regions", "Towns"]
    assert "Violence against civilians" not in names


def test_legend_lists_each_type_with_its_count(sample_page, sample):
    panel = soup(sample_page).select_one(".mapper-side")
    rows = {li["data-type"]: li.select_one(".mapper-count").text
            for li in panel.select("li[data-type]")}  # fmt: skip
    expected = {
        t: str(sum(i.event_type == t for i in sample)) for t in {i.event_type for i in sample}
    }
    assert rows == expected
    legend = panel.select_one(".mapper-legend")
    assert {li.get_text(" ").strip() for li in legend.select("ul")[0].select("li")} == set(rows)
    text = legend.get_text(" ")
    assert "approximate" in text and "Fatalities".upper() in text.upper()
    assert "Incidents per region".upper() in text.upper()


def test_one_feature_per_placed_incident_with_its_popup_data(sample_page, sample):
    features = incident_features(sample_page)
    assert sorted(f["properties"]["id"] for f in features) == sorted(i.id for i in sample)
    kok_tash = next(f for f in features if f["properties"]["id"] == "kgtj-001")
    props = kok_tash["properties"]
    assert props["type"] == "Battles" and props["fat"] == 2 and props["inj"] == 12
    assert props["quote"].startswith("Border guards of Kyrgyzstan")
    assert props["src"] == ["records.csv", "https://example.org/news/2022-01-27-kok-tash"]
    assert kok_tash["geometry"]["coordinates"] == [70.53583, 39.94972]
    # the place as the gazetteer names it, and as the record wrote it
    ak_sai = next(f["properties"] for f in features if f["properties"]["id"] == "kgtj-003")
    assert (ak_sai["place"], ak_sai["loc"]) == ("Ak-Say", "ak-sai")


def test_title_and_attribution(sample_page):
    page = soup(sample_page)
    assert page.title.string == "Sample records"
    assert page.select_one(".mapper-title h1").text == "Sample records"
    assert "11 incidents, 2022-01-02 to 2022-09-19" in page.select_one(".mapper-title").text
    assert "GeoNames" in sample_page and "Natural Earth" in sample_page
    assert "L.control.scale(" in sample_page


def labels_of(*collections: dict) -> set[str]:
    return {f["properties"].get("label") for c in collections for f in c["features"]}


def test_borders_cover_the_world_in_detail_around_the_incidents_only(sample_page):
    blocks = [b for b in data_blocks(sample_page) if isinstance(b, dict)]
    countries = next(b for b in blocks if "detail" in b)
    coarse = labels_of(*countries["outside"].values(), *countries["coarse"].values())
    detail = labels_of(*countries["detail"].values())
    # the whole world, coarse, for the zooms that show it; detail near the incidents
    assert {"France", "Brazil", "Australia", "Kyrgyzstan", "Kazakhstan"} <= coarse
    assert {"Kyrgyzstan", "Tajikistan", "Kazakhstan"} <= detail
    assert not {"France", "Brazil", "Australia"} & detail
    # the detailed borders are cut only where their outlines are lines, never a fill edge
    assert all(f["geometry"]["type"].endswith("LineString") or f["geometry"]["type"] ==
               "GeometryCollection" for f in countries["detail"]["line"]["features"])  # fmt: skip
    regions = next(b for b in blocks if b.get("features") and "i" in b["features"][0]["properties"])
    labels = labels_of(regions)
    assert "Batken, Kyrgyzstan" in labels and "Baikonur, Kazakhstan" in labels
    assert not {"Île-de-France, France"} & labels
    batken = next(
        f for f in regions["features"] if f["properties"]["label"] == "Batken, Kyrgyzstan"
    )
    polygons = batken["geometry"]["coordinates"]
    if batken["geometry"]["type"] == "Polygon":
        polygons = [polygons]
    assert sum(len(rings) - 1 for rings in polygons) >= 2  # Vorukh and Sokh are holes
    assert len(sample_page) < 1_500_000


def test_choropleth_counts_incidents_per_region(sample_page):
    """Each incident carries the index of its region, which the browser counts (so the
    counts follow the time window and the layer switches)."""
    regions = next(
        b for b in data_blocks(sample_page)
        if isinstance(b, dict) and b.get("features") and "i" in b["features"][0]["properties"]
    )  # fmt: skip
    names = {f["properties"]["i"]: f["properties"]["label"] for f in regions["features"]}
    counts = dict.fromkeys(names.values(), 0)
    for index in incident_columns(sample_page)["g"]:
        counts[names[index]] += 1
    # Natural Earth's coarse line puts the border villages Kok-Tash and Ak-Say in Sughd.
    assert counts["Batken, Kyrgyzstan"] == 3 and counts["Sughd, Tajikistan"] == 4
    assert sum(counts.values()) == 11


# -- input forms ---------------------------------------------------------------------------


def test_a_geodataframe_and_geojson_give_the_same_features(sample):
    from mapper.records.formats import incidents_to_geodataframe

    frame = incidents_to_geodataframe(sample)
    from_frame = incident_features(map_html(render_map(frame)))
    from_geojson = incident_features(map_html(render_map(json.loads(frame.to_json()))))
    assert len(from_frame) == len(sample) == len(from_geojson)
    by_id = {f["properties"]["id"]: f["properties"] for f in from_frame}
    assert by_id["kgtj-001"]["quote"].startswith("Border guards")
    assert by_id["kgtj-001"]["src"][1] == "https://example.org/news/2022-01-27-kok-tash"
    assert {f["properties"]["id"] for f in from_geojson} == set(by_id)


def test_incidents_without_a_place_are_counted_not_drawn(sample):
    from dataclasses import replace

    unplaced = replace(sample[0], id="nowhere", place=None)
    page = map_html(render_map([*sample, unplaced]))
    assert len(incident_features(page)) == len(sample)
    assert "1 incident without a place not shown." in page


def test_other_input_is_refused():
    with pytest.raises(UsageError):
        render_map("incidents.csv")
    with pytest.raises(UsageError):
        render_map({"type": "Topology"})


# -- safety --------------------------------------------------------------------------------


def test_script_json_cannot_close_a_script_element():
    text = script_json({"a": "</script><!--\u2028\u2029&", "b": "${x}"})
    assert not re.search(r"[<>&\u2028\u2029]", text)
    assert json.loads(text) == {"a": "</script><!--\u2028\u2029&", "b": "${x}"}


def test_only_http_links_are_kept():
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    for bad in (JS_LINK, "JavaScript:alert(1)", "data:text/html,x", "//example.org", "ftp://x/y"):
        assert safe_url(bad) is None


def test_the_xss_battery_stays_data(tmp_path):
    page = map_html(render_map(xss_incidents(), title=PAYLOADS[6], time=True))
    scripts = soup(page).find_all("script")
    for script in scripts:  # payloads are only ever inside JSON data blocks
        if script.get("type") == "application/json":
            json.loads(script.string)
        else:
            assert "__xss" not in script.string, script.string[:200]
    for block in data_blocks(page):
        if isinstance(block, dict):
            text = json.dumps(block, ensure_ascii=False)
            assert JS_LINK not in text
    properties = [f["properties"] for f in incident_features(page)]
    assert {p["sub"] for p in properties} == set(PAYLOADS)  # the text itself survives
    assert all(p["quote"].endswith(p["sub"]) for p in properties)
    assert "49" not in {p["sub"][:2] for p in properties}  # not evaluated as a template
    assert page.count("<script") == len(scripts)
    assert "<title>&lt;/script&gt;&lt;script&gt;" in page


def test_tiles_choice():
    incidents = [xss_incidents()[0]]
    assert "L.tileLayer" not in map_html(render_map(incidents))
    osm = map_html(render_map(incidents, tiles="osm"))
    assert "tile.openstreetmap.org" in osm and "OpenStreetMap" in osm
    custom = map_html(
        render_map(
            incidents, tiles="https://t.example/{z}/{x}/{y}.png", tiles_attribution="<b>T</b>"
        )
    )
    credit = re.search(r'"attribution": ("[^"]*")', custom)
    assert credit and json.loads(credit.group(1)) == "&lt;b&gt;T&lt;/b&gt;"
    for bad in ("satellite", "file:///tiles/{z}/{x}/{y}.png", "https://t/{{z}}/{x}/{y}"):
        with pytest.raises(UsageError):
            render_map(incidents, tiles=bad)


# -- rendering by size ---------------------------------------------------------------------


def synthetic(n: int) -> list[dict]:
    """``n`` GeoJSON point features spread over Central Asia."""
    return [
        {
            "type": "Feature",
            "geometry": {"type": "Point",
                         "coordinates": [60 + i * 7919 % 2000 / 100, 36 + i % 1400 / 100]},
            "properties": {"event_id_cnty": f"s-{i}", "event_type": "Protests",
                           "event_date": f"2022-01-{1 + i % 28:02d}", "notes": f"synthetic {i}",
                           "fatalities": i % 5},
        }
        for i in range(n)
    ]  # fmt: skip


def test_overlapping_points_are_grouped_at_every_count_unless_told():
    for n in (2, 20, 3000):
        assert "cluster: true" in map_html(render_map(synthetic(n), borders=False))
    assert "cluster: false" in map_html(render_map(synthetic(20), borders=False, cluster=False))


def test_optional_features_bring_their_assets():
    page = map_html(render_map(synthetic(10), heat=True, minimap=True, time=True))
    assets = {tag["data-asset"] for tag in soup(page).select("[data-asset]")}
    assert {"leaflet.heat/leaflet-heat.js", "leaflet-minimap/Control.MiniMap.min.js"} <= assets
    assert "Heatmap" in overlay_names(page)
    assert soup(page).select_one(".mapper-time input[type=range]") is not None


# -- determinism and saving ----------------------------------------------------------------


def test_two_builds_are_byte_identical(sample):
    options = {"choropleth": True, "time": True, "heat": True, "minimap": True}
    first = map_html(render_map(sample, **options))
    second = map_html(render_map(sample, **options))
    assert first == second
    assert not re.search(r"[0-9a-f]{32}", first)  # no random element id is left


def test_rendering_twice_gives_the_same_page(sample):
    m = render_map(sample)
    assert map_html(m) == map_html(m)


def test_save_map_writes_the_page(sample, tmp_path):
    m = render_map(sample)
    path = save_map(m, tmp_path / "sub" / "map.html")
    assert path.read_text(encoding="utf-8") == map_html(m)
    assert [p.name for p in path.parent.iterdir()] == ["map.html"]


def test_mapper_map_on_the_sample_records(tmp_path):
    out = tmp_path / "map.html"
    result = CliRunner().invoke(main, ["map", str(SAMPLE), "-o", str(out), "--title", "KG/TJ"])
    assert result.exit_code == 0, result.output
    assert f"wrote {out} (" in result.output
    assert "): 11 incidents; read 1 record file" in result.output
    page = out.read_text(encoding="utf-8")
    assert len(incident_features(page)) == 11 and "<title>KG/TJ</title>" in page


def test_mapper_map_refuses_a_non_html_output_and_bad_tiles(tmp_path):
    runner = CliRunner()
    assert runner.invoke(main, ["map", str(SAMPLE), "-o", str(tmp_path / "m.png")]).exit_code == 2
    bad = runner.invoke(main, ["map", str(SAMPLE), "-o", str(tmp_path / "m.html"), "--tiles", "x"])
    assert bad.exit_code == 2 and not (tmp_path / "m.html").exists()


def test_nothing_to_map_is_an_error(tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_text("id,date,lat,lon,event_type\n", encoding="utf-8")
    with pytest.raises(InputError, match="nothing to draw and no map was written"):
        make_map([empty], tmp_path / "map.html")
    assert not (tmp_path / "map.html").exists()


def test_map_points_reads_incidents(sample):
    points, unplaced = map_points(sample)
    assert len(points) == 11 and unplaced == 0
    approximate = [p.id for p in points if p.approximate]
    assert approximate == ["kgtj-002", "kgtj-006"]


# -- the seed articles, once incidents are read from article text --------------------------


def near(feature: dict, lat: float, lon: float, km: float) -> bool:
    from gazetteer import haversine_km

    x, y = feature["geometry"]["coordinates"]
    return haversine_km(y, x, lat, lon) <= km


@pytest.mark.slow
def test_mapper_map_on_the_seeds_shows_the_main_events(tmp_path):
    if not SEEDS.is_dir():
        pytest.skip(SKIP_REASON)
    if importlib.util.find_spec("mapper.incidents.extract") is None:
        pytest.skip("mapper.incidents.extract (incidents from article text) has not landed yet")
    from shapely.geometry import Point

    from gazetteer.borders import country_geometry

    out = tmp_path / "seeds.html"
    result = CliRunner().invoke(main, ["map", str(SEEDS), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    features = incident_features(out.read_text(encoding="utf-8"))
    kazakhstan = country_geometry("KZ")
    kinds = {(f["properties"]["type"]) for f in features}
    assert any(
        f["properties"]["type"] == "Battles" and near(f, 40.06, 70.82, 60) for f in features
    ), kinds
    assert any(
        f["properties"]["type"] in ("Riots", "Protests") and near(f, 43.25, 76.91, 30)
        for f in features
    ), kinds
    assert any(
        f["properties"]["type"] == "Strategic developments"
        and kazakhstan.contains(Point(f["geometry"]["coordinates"]))
        for f in features
    ), kinds


def test_the_xss_battery_stays_data_in_a_fragment():
    from mapper.render.interactive import map_parts

    fragment = map_parts(render_map(xss_incidents(), title=PAYLOADS[6], time=True)).fragment()
    assert "<html" not in fragment and "<title" not in fragment
    parsed = soup(fragment)
    scripts = parsed.find_all("script")
    assert fragment.count("<script") == len(scripts)
    for script in scripts:
        if script.get("type") == "application/json":
            json.loads(script.string)
        else:
            assert "__xss" not in script.string, script.string[:200]
    for tag in parsed.find_all(True):
        assert not [name for name in tag.attrs if name.startswith("on")], tag.name
    properties = [f["properties"] for f in incident_features(fragment)]
    assert {p["sub"] for p in properties} == set(PAYLOADS)
    assert JS_LINK not in fragment
