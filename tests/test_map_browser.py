"""Maps in a real browser: headless Chromium (Debian's), driven by Playwright, network cut.

Every request that is not for a file is aborted and recorded. A page passes when it
loads with no failed request and no console error, and shows what a person would look
for: the layers, the markers, a popup with its evidence. Screenshots are kept in
``output/test-artifacts/``.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from source_articles import SEEDS, SKIP_REASON
from test_render import PAYLOADS, SAMPLE, incident_features, synthetic, xss_incidents

from mapper.records.rows import read_records
from mapper.render.browser import ARGS, CHROMIUM
from mapper.render.interactive import render_map, save_map

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "output" / "test-artifacts"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if importlib.util.find_spec("playwright") is None:
        pytest.skip("the playwright package is not installed (pip install -e '.[dev]')")
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium; .ci/run does this)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=list(ARGS))
        yield chromium
        chromium.close()


@dataclass
class Visit:
    """An open page and what went wrong while it loaded."""

    page: Any
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        return self.blocked + self.errors + self.dialogs

    def js(self, expression: str) -> Any:
        return self.page.evaluate(expression)

    def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / name
        self.page.screenshot(path=str(path))
        return path


@pytest.fixture
def visit(browser, tmp_path) -> Iterator[Any]:
    pages = []

    def open_map(m: Any, name: str = "map.html") -> Visit:
        path = m if isinstance(m, Path) else save_map(m, tmp_path / name)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        pages.append(page)
        seen = Visit(page)

        def route(r: Any) -> None:
            if r.request.url.startswith("file:"):
                r.continue_()
            else:
                seen.blocked.append(f"request: {r.request.url}")
                r.abort()

        page.route("**/*", route)
        page.on("requestfailed", lambda r: seen.blocked.append(f"failed: {r.url}"))
        page.on("console", lambda m: seen.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: seen.errors.append(f"page error: {e}"))
        page.on("dialog", lambda d: (seen.dialogs.append(f"dialog: {d.message}"), d.dismiss()))
        page.goto(path.as_uri())
        page.wait_for_selector("[data-mapper-ready]", state="attached", timeout=60_000)
        return seen

    yield open_map
    for page in pages:
        page.close()


@pytest.fixture(scope="module")
def sample() -> list:
    return read_records(SAMPLE).incidents


def marker_point(seen: Visit, incident_id: str) -> tuple[float, float]:
    """Where on the page the marker of an incident is drawn (it is on a canvas)."""
    return tuple(
        seen.js(
            f"""(() => {{
        const s = MapperMap.instances[0], id = {incident_id!r};
        const m = s.layers.flatMap(l => l.markers).find(m => m.feature.properties.id === id);
        const p = s.map.latLngToContainerPoint(m.getLatLng());
        const box = s.map.getContainer().getBoundingClientRect();
        return [p.x + box.left, p.y + box.top];
    }})()"""
        )
    )


def zoom_to(seen: Visit, lat: float, lon: float, zoom: int) -> None:
    seen.js(f"void MapperMap.instances[0].map.setView([{lat}, {lon}], {zoom}, {{animate: false}})")
    seen.page.wait_for_timeout(300)


def test_the_sample_map_loads_offline_with_its_layers(visit, sample):
    seen = visit(render_map(sample, title="Sample records", choropleth=True, time=True))
    assert seen.problems() == []
    labels = seen.page.locator(".leaflet-control-layers-overlays label").all_inner_texts()
    labels = [label.strip() for label in labels]
    assert labels[:3] == ["Countries", "Incidents per region", "Regions"]
    types = {i.event_type for i in sample}
    assert {label.rsplit(" (", 1)[0] for label in labels[3:]} == types
    assert seen.page.locator(".mapper-title h1").inner_text() == "Sample records"
    legend = seen.page.locator(".mapper-legend").inner_text()
    assert all(t in legend for t in types)
    assert seen.page.locator(".leaflet-control-scale").count() == 1
    assert "GeoNames" in seen.page.locator(".leaflet-control-attribution").inner_text()
    assert seen.screenshot("sample-map.png").stat().st_size > 20_000


def test_markers_match_the_data(visit, sample):
    seen = visit(render_map(sample))
    assert seen.js("MapperMap.visibleCount(MapperMap.instances[0])") == len(sample)
    assert seen.js("MapperMap.instances[0].cluster") is None


def test_clicking_a_marker_opens_its_popup_with_the_evidence(visit, sample):
    seen = visit(render_map(sample))
    zoom_to(seen, 40.06, 70.82, 11)
    x, y = marker_point(seen, "kgtj-004")
    seen.page.mouse.click(x, y)
    popup = seen.page.locator(".leaflet-popup-content")
    popup.wait_for(timeout=5_000)
    text = popup.inner_text()
    assert "A drone struck the outskirts of Batken town" in text
    assert "Explosions/Remote violence" in text and "2022-09-16" in text
    link = popup.locator("a").first
    assert link.get_attribute("href") == "https://example.org/news/2022-09-16-batken"
    seen.screenshot("sample-popup.png")
    assert seen.problems() == []


def test_a_place_shared_by_two_incidents_lists_both(visit, sample):
    seen = visit(render_map(sample))
    zoom_to(seen, 39.95, 70.54, 12)
    x, y = marker_point(seen, "kgtj-001")
    seen.page.mouse.click(x, y)
    text = seen.page.locator(".leaflet-popup-content").inner_text()
    assert "2 incidents at this place" in text
    assert "exchanged fire" in text and "ceasefire" in text


def test_clusters_add_up_to_the_data(visit):
    features = synthetic(3000)
    seen = visit(render_map(features, borders=False))
    assert seen.problems() == []
    assert seen.js("MapperMap.instances[0].cluster !== null")
    assert seen.page.locator(".marker-cluster").count() > 0
    # Clusters split and merge with a short animation: count once it has settled.
    seen.page.wait_for_function(
        f"MapperMap.visibleCount(MapperMap.instances[0]) === {len(features)}", timeout=10_000
    )
    seen.screenshot("cluster-map.png")


def test_the_time_slider_shows_incidents_up_to_a_date(visit, sample):
    seen = visit(render_map(sample, time=True))
    slider = seen.page.locator(".mapper-time input")
    slider.fill("0")
    first = min(i.date for i in sample)
    assert seen.page.locator(".mapper-time-label").inner_text() == f"Up to {first}"
    expected = sum(1 for i in sample if i.date <= first)
    assert seen.js("MapperMap.visibleCount(MapperMap.instances[0])") == expected
    slider.fill(str(len({i.date for i in sample})))
    assert seen.js("MapperMap.visibleCount(MapperMap.instances[0])") == len(sample)


def test_the_xss_battery_runs_no_script(visit):
    incidents = xss_incidents()
    seen = visit(render_map(incidents, title=PAYLOADS[0], time=True, heat=True, minimap=True))
    zoom_to(seen, 40.2, 70.7, 9)
    texts = []
    for incident in incidents:
        seen.js("void MapperMap.instances[0].map.closePopup()")
        seen.page.wait_for_function("!document.querySelector('.leaflet-popup')")
        x, y = marker_point(seen, incident.id)
        seen.page.mouse.click(x, y)
        texts.append(seen.page.locator(".leaflet-popup-content").inner_text())
        hrefs = seen.page.locator(".leaflet-popup-content a").evaluate_all(
            "links => links.map(a => a.getAttribute('href'))"
        )
        assert all(h.startswith("https://") for h in hrefs), hrefs
    assert seen.js("typeof window.__xss") == "undefined"
    assert seen.problems() == []
    shown = "\n".join(texts)
    for payload in PAYLOADS:
        assert payload.split("\u2028")[0] in shown  # shown as text, as written
    assert seen.page.locator(".mapper-title h1").inner_text() == PAYLOADS[0]
    seen.screenshot("xss-map.png")


def test_the_seed_articles_map(visit, tmp_path):
    if not SEEDS.is_dir():
        pytest.skip(SKIP_REASON)
    if importlib.util.find_spec("mapper.incidents.extract") is None:
        pytest.skip("mapper.incidents.extract (incidents from article text) has not landed yet")
    from mapper.render.interactive import MapOptions
    from mapper.tools.maps import make_map

    out = tmp_path / "seeds.html"
    make_map([SEEDS], out, options=MapOptions(title="Seed articles"))
    features = incident_features(out.read_text(encoding="utf-8"))
    seen = visit(out)
    assert seen.problems() == []
    assert seen.js("MapperMap.visibleCount(MapperMap.instances[0])") == len(features)
    seen.screenshot("seeds-map.png")


def test_tiles_fail_quietly_offline(visit, sample):
    seen = visit(render_map(sample, tiles="osm"))
    assert seen.blocked and all("tile.openstreetmap.org" in url for url in seen.blocked)
    assert not [e for e in seen.errors if "Failed to load resource" not in e]
    assert seen.js("MapperMap.visibleCount(MapperMap.instances[0])") == len(sample)
    assert seen.page.locator(".leaflet-control-layers-overlays label").count() >= 3


def test_report_in_the_browser(visit, tmp_path):
    """The report's map works, the table has one row per incident, the timeline is drawn."""
    from mapper.pipeline import run_pipeline
    from mapper.render.interactive import map_parts
    from mapper.render.report import build_report

    result = run_pipeline([SAMPLE])
    html = build_report(result, title="Report", map_parts=map_parts(render_map(result.incidents)))
    path = tmp_path / "report.html"
    path.write_text(html, encoding="utf-8")
    seen = visit(path)
    assert seen.problems() == []
    assert seen.js("document.querySelectorAll('#incidents tr.incident').length") == len(
        result.incidents
    )
    assert seen.js("document.querySelectorAll('#timeline svg path, #timeline svg rect').length") > 5
    assert seen.js("document.querySelectorAll('.mapper-report .leaflet-container').length") == 1
    assert (
        seen.js("document.querySelector('.mapper-fragment').getBoundingClientRect().height") > 300
    )
    seen.screenshot("report.png")


def test_two_fragments_on_one_page_both_work(visit, tmp_path, sample):
    from mapper.render.interactive import map_parts

    first = map_parts(render_map(sample[:5], title="First")).fragment("400px")
    second = map_parts(render_map(sample[5:], title="Second")).fragment("400px")
    page = tmp_path / "host.html"
    page.write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Host</title></head><body>"
        f"<h1>Host page</h1>{first}<p>between the maps</p>{second}</body></html>",
        encoding="utf-8",
    )
    seen = visit(page)
    seen.page.wait_for_function(
        "document.querySelectorAll('[data-mapper-ready]').length === 2", timeout=60_000
    )
    assert seen.problems() == []
    maps = seen.js(
        "[...document.querySelectorAll('.mapper-fragment .leaflet-container')]"
        ".map(m => [m.id, m.getBoundingClientRect().height])"
    )
    assert len(maps) == 2 and maps[0][0] != maps[1][0]
    assert all(height > 300 for _, height in maps)
    titles = seen.js("[...document.querySelectorAll('.mapper-title')].map(t => t.textContent)")
    assert any("First" in t for t in titles) and any("Second" in t for t in titles)
    seen.screenshot("two-fragments.png")
