"""Maps in a real browser: headless Chromium (Debian's), driven by Playwright, network cut.

Every request that is not for a file is aborted and recorded. A page passes when it
loads with no failed request and no console error, and shows what a person would look
for: the layers, the markers, a popup with its evidence, controls that do not cover one
another on a laptop or a phone, a time window, search, downloads, full screen. Screenshots
are kept in ``output/test-artifacts/``.
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

    def open_map(
        m: Any, name: str = "map.html", size: tuple[int, int] = (1280, 800), ready: int = 1
    ) -> Visit:
        path = m if isinstance(m, Path) else save_map(m, tmp_path / name)
        page = browser.new_page(
            viewport={"width": size[0], "height": size[1]}, accept_downloads=True
        )
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
        page.wait_for_function(
            f"document.querySelectorAll('[data-mapper-ready]').length === {ready}",
            timeout=60_000,
        )
        return seen

    yield open_map
    for page in pages:
        page.close()


@pytest.fixture(scope="module")
def sample() -> list:
    return read_records(SAMPLE).incidents


def state(n: int = 0) -> str:
    return f"MapperMap.instances[{n}]"


def marker_point(seen: Visit, incident_id: str, n: int = 0) -> tuple[float, float]:
    """Where on the page the incident is drawn as a marker of its own (on the canvas)."""
    point = seen.js(f"MapperMap.markerAt({state(n)}, {incident_id!r})")
    assert point is not None, f"{incident_id} is not drawn as a marker of its own"
    return tuple(point)


def reveal(seen: Visit, incident_id: str, n: int = 0) -> tuple[float, float]:
    """Click the numbered circle that holds an incident until it is drawn on its own (the
    circle zooms in, or fans out when zooming cannot part its incidents); its point."""
    for _ in range(10):
        point = seen.js(f"MapperMap.markerAt({state(n)}, {incident_id!r})")
        if point is not None:
            return tuple(point)
        group = seen.js(f"MapperMap.groupAt({state(n)}, {incident_id!r})")
        assert group is not None, f"{incident_id} is drawn neither alone nor in a group"
        seen.page.mouse.click(*group)
        seen.page.wait_for_timeout(250)
    raise AssertionError(f"{incident_id} stays in a group")


def popup_text(seen: Visit) -> str:
    """The text of the open popup (one that was just closed may still be fading out)."""
    popup = seen.page.locator(".leaflet-popup-content").last
    popup.wait_for(timeout=5_000)
    return popup.inner_text()


def zoom_to(seen: Visit, lat: float, lon: float, zoom: int, n: int = 0) -> None:
    seen.js(f"void {state(n)}.map.setView([{lat}, {lon}], {zoom}, {{animate: false}})")
    seen.page.wait_for_timeout(300)


def open_tab(seen: Visit, name: str, n: int = 0) -> None:
    """Open a section of the side panel as a person would: click its tab (once)."""
    tab = seen.page.locator(f".mapper-side [data-tab={name}]").nth(n)
    if tab.get_attribute("aria-selected") != "true":
        tab.click()


def test_the_sample_map_loads_offline_with_its_layers(visit, sample):
    seen = visit(render_map(sample, title="Sample records", choropleth=True, time=True))
    assert seen.problems() == []
    labels = seen.page.locator(".mapper-layer-list label").all_inner_texts()
    labels = [" ".join(label.split()) for label in labels]
    types = {i.event_type for i in sample}
    assert {label.rsplit(" ", 1)[0] for label in labels[: len(types)]} == types
    assert labels[len(types) :] == ["Countries", "Incidents per region", "Regions", "Towns"]
    assert seen.page.locator(".mapper-title h1").inner_text() == "Sample records"
    open_tab(seen, "legend")
    legend = seen.page.locator(".mapper-legend").inner_text()
    assert all(t in legend for t in types) and "approximate" in legend
    assert seen.page.locator(".leaflet-control-scale").count() == 1
    assert "GeoNames" in seen.page.locator(".leaflet-control-attribution").inner_text()
    # without tiles the map still reads as one: towns are labelled, fewer when zoomed out
    labelled = seen.js(f"{state()}.layers.towns.layer.labelled")
    assert labelled >= 5
    zoom_to(seen, 41.0, 70.0, 9)
    assert seen.js(f"{state()}.layers.towns.layer.labelled") != labelled
    assert seen.screenshot("sample-map.png").stat().st_size > 20_000


def test_markers_match_the_data(visit, sample):
    seen = visit(render_map(sample))
    assert seen.js(f"MapperMap.visibleCount({state()})") == len(sample)
    assert seen.js(f"MapperMap.shownCount({state()})") == len(sample)
    # one canvas draws them all: no Leaflet object per incident
    assert seen.js("document.querySelectorAll('canvas.mapper-points').length") == 1
    many = visit(render_map(synthetic(2000), borders=False, cluster=False), name="many.html")
    assert many.js(f"MapperMap.visibleCount({state()})") == 2000
    assert many.js(f"Object.keys({state()}.map._layers).length") < 10


def test_clicking_a_marker_opens_its_popup_with_the_evidence(visit, sample):
    seen = visit(render_map(sample))
    zoom_to(seen, 40.06, 70.82, 11)
    x, y = reveal(seen, "kgtj-004")
    seen.page.mouse.click(x, y)
    text = popup_text(seen)
    popup = seen.page.locator(".leaflet-popup-content").last
    assert "A drone struck the outskirts of Batken town" in text
    assert "Explosions/Remote violence" in text and "2022-09-16" in text
    link = popup.locator("a").first
    assert link.get_attribute("href") == "https://example.org/news/2022-09-16-batken"
    seen.screenshot("sample-popup.png")
    assert seen.problems() == []


def test_hovering_a_marker_names_it(visit, sample):
    seen = visit(render_map(sample))
    zoom_to(seen, 40.06, 70.82, 11)
    x, y = reveal(seen, "kgtj-004")
    seen.page.mouse.move(x, y)
    tip = seen.page.locator(".mapper-tip")
    tip.wait_for(timeout=5_000)
    assert "Explosions/Remote violence" in tip.inner_text() and "2022-09-16" in tip.inner_text()


def test_a_place_shared_by_two_incidents_opens_up_and_lists_both(visit, sample):
    seen = visit(render_map(sample))
    zoom_to(seen, 39.95, 70.54, 12)
    # two incidents at one point: a numbered circle, which fans out on click
    assert seen.js(f"MapperMap.markerAt({state()}, 'kgtj-001')") is None
    x, y = seen.js(f"MapperMap.groupAt({state()}, 'kgtj-001')")
    seen.page.mouse.click(x, y)
    seen.page.wait_for_timeout(200)
    x, y = marker_point(seen, "kgtj-001")
    seen.page.mouse.click(x, y)
    text = popup_text(seen)
    assert "2 incidents at this place" in text
    assert "exchanged fire" in text and "ceasefire" in text


def test_crowded_places_open_up_at_every_count(visit, sample):
    """At the first view the Fergana incidents overlap: they are drawn as a numbered
    circle; a click zooms in until they stand apart (or fans them out)."""
    seen = visit(render_map(sample))
    assert seen.js(f"{state()}.inc.groupsDrawn") >= 1
    grouped = [i.id for i in sample if seen.js(f"MapperMap.markerAt({state()}, {i.id!r})") is None]
    assert grouped
    for _ in range(8):
        point = seen.js(f"MapperMap.groupAt({state()}, {grouped[0]!r})")
        if point is None:
            break
        seen.page.mouse.click(*point)
        seen.page.wait_for_timeout(250)
    assert seen.js(f"MapperMap.markerAt({state()}, {grouped[0]!r})") is not None
    assert seen.problems() == []


def test_clusters_add_up_to_the_data(visit):
    features = synthetic(3000)
    seen = visit(render_map(features, borders=False))
    assert seen.problems() == []
    assert seen.js(f"{state()}.inc.groupsDrawn") > 0
    assert seen.js(f"MapperMap.visibleCount({state()})") == len(features)
    seen.screenshot("cluster-map.png")


def test_the_time_window_filters_markers_counts_and_choropleth(visit, sample):
    seen = visit(render_map(sample, time=True, choropleth=True))
    dates = sorted({i.date for i in sample})
    window = seen.page.locator(".mapper-time")
    window.locator("input[data-end=to]").fill(str(dates.index("2022-01-28")))
    expected = [i for i in sample if i.date <= "2022-01-28"]
    assert seen.page.locator(".mapper-time-label").inner_text() == f"{dates[0]} – 2022-01-28"
    assert seen.js(f"MapperMap.shownCount({state()})") == len(expected)
    assert seen.js(f"MapperMap.visibleCount({state()})") == len(expected)
    window.locator("input[data-end=from]").fill(str(dates.index("2022-01-27")))
    expected = [i for i in expected if i.date >= "2022-01-27"]
    assert seen.page.locator(".mapper-time-label").inner_text() == "2022-01-27 – 2022-01-28"
    assert seen.js(f"MapperMap.visibleCount({state()})") == len(expected)
    # the layer list counts and the choropleth follow the window
    counts = seen.page.locator(".mapper-side [data-count]").all_inner_texts()
    assert sum(int(c) for c in counts) == len(expected)
    coloured = seen.js(
        f"""(() => {{ const c = {state()}.choropleth; let n = 0, total = 0;
        c.layer.eachLayer(l => {{ if (l.options.fillColor !== 'transparent') n++; }});
        c.counts.forEach(v => {{ total += v || 0; }});
        return [n, total, c.counts.filter(v => v > 0).length]; }})()"""
    )
    assert coloured[1] == len(expected) and coloured[0] == coloured[2] < 9
    # step forward keeps the window's width; "All" shows everything again
    window.locator("[data-act=forward]").click()
    assert seen.page.locator(".mapper-time-label").inner_text() == "2022-01-28 – 2022-09-14"
    window.locator("[data-act=all]").click()
    assert seen.js(f"MapperMap.visibleCount({state()})") == len(sample)
    window.locator("[data-act=play]").click()
    seen.page.wait_for_function(f"MapperMap.shownCount({state()}) < {len(sample)}", timeout=5_000)
    seen.screenshot("time-window.png")
    assert seen.problems() == []


def test_layer_switches_hide_an_event_type(visit, sample):
    seen = visit(render_map(sample))
    battles = sum(i.event_type == "Battles" for i in sample)
    seen.page.locator('.mapper-side li[data-type="Battles"] input').uncheck()
    assert seen.js(f"MapperMap.visibleCount({state()})") == len(sample) - battles
    assert seen.js(f"MapperMap.markerAt({state()}, 'kgtj-001')") is None


def test_search_finds_places_and_incidents(visit, sample):
    seen = visit(render_map(sample))
    open_tab(seen, "search")
    box = seen.page.locator(".mapper-side input[type=search]")
    box.fill("batken")
    results = seen.page.locator(".mapper-results li").all_inner_texts()
    assert any("Batken, Kyrgyzstan" in r for r in results)  # a region
    assert any("2022-09-16" in r for r in results)  # the drone strike near Batken
    box.fill("drone")
    seen.page.locator(".mapper-results button").first.click()
    text = popup_text(seen)
    assert "A drone struck the outskirts of Batken town" in text
    box.fill("ak-sai")  # as the record wrote it; shown by the gazetteer's name
    seen.page.locator(".mapper-results li.mapper-result-first-incident button").click()
    assert "Ak-Say (written: ak-sai)" in popup_text(seen)
    box.fill("zzzz nothing")
    assert seen.page.locator(".mapper-results").inner_text() == "Nothing found"
    assert seen.problems() == []


def test_the_incident_list_is_reachable_by_keyboard(visit, sample):
    seen = visit(render_map(sample))
    open_tab(seen, "list")
    items = seen.page.locator(".mapper-incident-list button")
    assert items.count() == len(sample)
    items.first.focus()
    seen.page.keyboard.press("Tab")
    seen.page.keyboard.press("Enter")
    second = sorted(sample, key=lambda i: i.date)[1]
    assert second.evidence.text[:30] in popup_text(seen)


def _download(seen: Visit, kind: str) -> str:
    open_tab(seen, "list")
    with seen.page.expect_download() as info:
        seen.page.locator(f"[data-download={kind}]").click()
    return Path(info.value.path()).read_text(encoding="utf-8")


def test_downloads_hold_the_shown_incidents(visit, sample):
    import csv
    import io
    import json

    seen = visit(render_map(sample, time=True))
    seen.page.locator('.mapper-side li[data-type="Protests"] input').uncheck()
    dates = sorted({i.date for i in sample})
    seen.page.locator("input[data-end=to]").fill(str(dates.index("2022-01-28")))
    shown = {i.id for i in sample if i.event_type != "Protests" and i.date <= "2022-01-28"}
    rows = list(csv.DictReader(io.StringIO(_download(seen, "csv"))))
    assert {r["event_id_cnty"] for r in rows} == shown
    kok_tash = next(r for r in rows if r["event_id_cnty"] == "kgtj-001")
    assert kok_tash["fatalities"] == "2" and kok_tash["latitude"] == "39.94972"
    assert kok_tash["notes"].startswith("Border guards of Kyrgyzstan")
    collection = json.loads(_download(seen, "geojson"))
    assert {f["properties"]["event_id_cnty"] for f in collection["features"]} == shown
    assert seen.problems() == []


def test_fullscreen_and_print(visit, sample):
    seen = visit(render_map(sample))
    button = seen.page.locator("[data-act=fullscreen]")
    button.click()
    pressed = "document.querySelector('[data-act=fullscreen]').getAttribute('aria-pressed')"
    seen.page.wait_for_function(f"{pressed} === 'true'", timeout=5_000)
    assert seen.js(
        "document.fullscreenElement !== null || "
        "document.querySelector('.mapper-fullscreen') !== null"
    )
    size = seen.js(f"{state()}.map.getContainer().getBoundingClientRect().height")
    assert size >= 790
    button.click()
    seen.page.wait_for_function(f"{pressed} === 'false'", timeout=5_000)
    assert seen.js("document.fullscreenElement === null")
    seen.page.emulate_media(media="print")
    assert not seen.page.locator(".leaflet-control-zoom").is_visible()
    assert not seen.page.locator(".mapper-tools").is_visible()
    seen.page.emulate_media(media="screen")
    assert seen.page.locator(".leaflet-control-zoom").is_visible()


def test_the_xss_battery_runs_no_script(visit):
    incidents = xss_incidents()
    seen = visit(render_map(incidents, title=PAYLOADS[0], time=True, heat=True, minimap=True))
    texts = []
    open_tab(seen, "list")
    items = seen.page.locator(".mapper-incident-list button")
    assert items.count() == len(incidents)
    for n in range(len(incidents)):
        items.nth(n).click()
        seen.page.wait_for_timeout(250)  # the popup before fades out
        texts.append(popup_text(seen))
        hrefs = seen.page.locator(".leaflet-popup-content a").evaluate_all(
            "links => links.map(a => a.getAttribute('href'))"
        )
        assert all(h.startswith("https://") for h in hrefs), hrefs
    shown = "\n".join(texts)
    for payload in PAYLOADS:
        assert payload.split("\u2028")[0] in shown  # shown as text, as written
    listed = "\n".join(items.all_inner_texts())
    assert PAYLOADS[1] in listed
    # search, hover, the time window and the downloads carry the payloads as text too
    open_tab(seen, "search")
    for payload in PAYLOADS:
        seen.page.locator(".mapper-side input[type=search]").fill(payload[:12])
    seen.page.locator(".mapper-side input[type=search]").fill("script")
    assert "<script>" in seen.page.locator(".mapper-results").inner_text()
    seen.page.locator(".mapper-results button").first.click()
    seen.page.locator("[data-act=forward]").click()
    seen.page.locator("[data-act=all]").click()
    csv_text = _download(seen, "csv")
    assert PAYLOADS[1].replace('"', '""') in csv_text
    seen.js(f"void {state()}.map.setView([40.2, 70.7], 9, {{animate: false}})")
    for incident in incidents:
        point = seen.js(f"MapperMap.markerAt({state()}, {incident.id!r})")
        if point:
            seen.page.mouse.move(*point)
    assert seen.js("typeof window.__xss") == "undefined"
    assert seen.problems() == []
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
    assert seen.js(f"MapperMap.visibleCount({state()})") == len(features)
    seen.screenshot("seeds-map.png")


def test_tiles_fail_quietly_offline(visit, sample):
    seen = visit(render_map(sample, tiles="osm"))
    assert seen.blocked and all("tile.openstreetmap.org" in url for url in seen.blocked)
    assert not [e for e in seen.errors if "Failed to load resource" not in e]
    assert seen.js(f"MapperMap.visibleCount({state()})") == len(sample)
    assert seen.page.locator(".mapper-layer-list label").count() >= 3


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


def _host_page(tmp_path: Path, *fragments: str) -> Path:
    page = tmp_path / "host.html"
    between = "<p>between the maps</p>".join(fragments)
    page.write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Host</title></head><body>"
        f"<h1>Host page</h1>{between}</body></html>",
        encoding="utf-8",
    )
    return page


def test_two_fragments_on_one_page_both_work(visit, tmp_path, sample):
    from mapper.render.interactive import map_parts

    first = map_parts(render_map(sample[:5], title="First")).fragment("400px")
    second = map_parts(render_map(sample[5:], title="Second")).fragment("400px")
    seen = visit(_host_page(tmp_path, first, second), ready=2)
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


def test_one_fragment_pasted_twice_gives_two_working_maps(visit, tmp_path, sample):
    from mapper.render.interactive import map_parts

    fragment = map_parts(render_map(sample, title="Twice", time=True)).fragment("420px")
    seen = visit(_host_page(tmp_path, fragment, fragment), ready=2)
    assert seen.problems() == []
    assert seen.js("MapperMap.instances.length") == 2
    assert seen.js("MapperMap.instances[0].map !== MapperMap.instances[1].map")
    for n in (0, 1):
        assert seen.js(f"MapperMap.visibleCount({state(n)})") == len(sample)
    # each copy's controls drive its own map
    seen.page.locator('.mapper-side li[data-type="Battles"] input').nth(1).uncheck()
    battles = sum(i.event_type == "Battles" for i in sample)
    assert seen.js(f"MapperMap.shownCount({state(0)})") == len(sample)
    assert seen.js(f"MapperMap.shownCount({state(1)})") == len(sample) - battles
    seen.page.locator(".mapper-fragment").nth(1).scroll_into_view_if_needed()
    seen.page.locator(".mapper-side [data-tab=list]").nth(1).click()
    seen.page.locator(".mapper-incident-list button").first.click()
    assert seen.page.locator(".mapper-fragment").nth(1).locator(".leaflet-popup").count() == 1
    assert seen.page.locator(".mapper-fragment").nth(0).locator(".leaflet-popup").count() == 0
    seen.screenshot("fragment-twice.png")


# -- one layout on every screen --------------------------------------------------------------

LAYOUT = """(() => {
  const visible = e => {
    const r = e.getBoundingClientRect(), s = getComputedStyle(e);
    return r.width > 0 && r.height > 0 && s.display !== 'none' && s.visibility !== 'hidden';
  };
  const out = { overlaps: [], outside: [], blocked: [], controls: 0, share: [] };
  const vw = window.innerWidth, vh = window.innerHeight;
  const maps = [...document.querySelectorAll('.leaflet-container')]
    .filter(m => !m.parentElement.closest('.leaflet-container'));  // not the minimap
  maps.forEach((map, n) => {
    const box = map.getBoundingClientRect();
    const controls = [...map.querySelectorAll('.mapper-ui .leaflet-control')].filter(visible);
    const name = e => n + ':' + e.className.split(' ').slice(0, 3).join('.');
    const rects = controls.map(e => [e, e.getBoundingClientRect()]);
    out.controls += controls.length;
    rects.forEach(([a, ra], i) => {
      if (ra.left < Math.max(box.left, 0) - 0.5 || ra.top < Math.max(box.top, 0) - 0.5 ||
          ra.right > Math.min(box.right, vw) + 0.5 || ra.bottom > Math.min(box.bottom, vh) + 0.5) {
        out.outside.push(name(a));
      }
      rects.slice(i + 1).forEach(([b, rb]) => {
        const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
        const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
        if (w > 0.5 && h > 0.5) { out.overlaps.push(name(a) + ' / ' + name(b)); }
      });
    });
    map.querySelectorAll('input[data-layer]').forEach(input => {
      if (!visible(input)) { return; }
      input.scrollIntoView({ block: 'nearest' });  // as a person scrolls the panel
      const r = input.getBoundingClientRect();
      const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      if (at !== input) { out.blocked.push(n + ':' + input.getAttribute('data-layer')); }
    });
    const area = rects.reduce((sum, [, r]) => sum + r.width * r.height, 0);
    out.share.push(1 - area / (box.width * box.height));
  });
  return out;
})()"""


def check_layout(seen: Visit, phone: bool, name: str) -> dict:
    """No control overlaps another or leaves the screen; each layer switch can be clicked;
    on a phone the panels fold into buttons and leave at least 60% of the map free."""
    seen.page.wait_for_timeout(300)
    layout = seen.js(LAYOUT)
    assert layout["controls"] >= 6, layout
    assert layout["overlaps"] == [] and layout["outside"] == [], layout
    if phone:
        seen.screenshot(f"{name}-collapsed.png")
        assert all(share >= 0.6 for share in layout["share"]), layout
        for n in range(seen.page.locator(".mapper-side").count()):
            open_tab(seen, "layers", n)
        layout = seen.js(LAYOUT)
        assert layout["overlaps"] == [] and layout["outside"] == [], layout
    assert seen.js("document.querySelectorAll('input[data-layer]').length") > 0
    assert layout["blocked"] == [], layout
    seen.screenshot(f"{name}.png")
    return layout


SCREENS = {"laptop": (1280, 800), "phone": (390, 844), "small-phone": (360, 640)}


@pytest.fixture(scope="module")
def demo_files(tmp_path_factory) -> tuple[Path, Path]:
    from mapper.tools.demo import run_demo

    folder = tmp_path_factory.mktemp("demo")
    map_path, report_path = run_demo(folder).outputs
    return map_path, report_path


@pytest.mark.parametrize("screen", SCREENS)
def test_the_demo_map_layout(visit, demo_files, screen):
    seen = visit(demo_files[0], size=SCREENS[screen])
    check_layout(seen, "phone" in screen, f"layout-demo-{screen}")
    assert seen.problems() == []


@pytest.mark.parametrize("screen", SCREENS)
def test_every_option_fits_the_layout(visit, sample, screen):
    m = render_map(sample, time=True, heat=True, minimap=True, choropleth=True)
    seen = visit(m, size=SCREENS[screen])
    check_layout(seen, "phone" in screen, f"layout-options-{screen}")
    open_tab(seen, "legend")
    layout = seen.js(LAYOUT)
    assert layout["overlaps"] == [] and layout["outside"] == [], layout


@pytest.mark.parametrize("screen", SCREENS)
def test_the_report_map_layout(visit, demo_files, screen):
    seen = visit(demo_files[1], size=SCREENS[screen])
    seen.page.locator(".mapper-fragment").scroll_into_view_if_needed()
    check_layout(seen, "phone" in screen, f"layout-report-{screen}")
    assert seen.problems() == []


@pytest.mark.parametrize("screen", SCREENS)
def test_the_fragment_layout(visit, tmp_path, sample, screen):
    from mapper.render.interactive import map_parts

    fragment = map_parts(render_map(sample, title="Fragment", time=True)).fragment()
    seen = visit(_host_page(tmp_path, fragment), size=SCREENS[screen])
    seen.page.locator(".mapper-fragment").scroll_into_view_if_needed()
    check_layout(seen, "phone" in screen, f"layout-fragment-{screen}")
    assert seen.problems() == []


# -- offline basemaps ----------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["folder", "mbtiles", "pmtiles"])
def test_local_tiles_show_with_no_network(visit, tmp_path, sample, kind):
    from test_tiles import write_folder, write_mbtiles, write_pmtiles

    make = {"folder": write_folder, "mbtiles": write_mbtiles, "pmtiles": write_pmtiles}[kind]
    source = make(tmp_path / ("tiles" if kind == "folder" else f"tiles.{kind}"))
    seen = visit(render_map(sample, tiles=str(source)), name=f"{kind}.html")
    zoom_to(seen, 40.3, 71.0, 5)
    seen.page.wait_for_function(
        "[...document.querySelectorAll('.leaflet-tile-pane img')]"
        ".some(i => i.complete && i.naturalWidth === 256)",
        timeout=10_000,
    )
    loaded = seen.js(
        "[...document.querySelectorAll('.leaflet-tile-pane img')]"
        ".filter(i => i.complete && i.naturalWidth === 256).map(i => i.src.slice(0, 5))"
    )
    assert set(loaded) == ({"file:"} if kind == "folder" else {"data:"})
    assert seen.problems() == []
    seen.screenshot(f"tiles-{kind}.png")


def test_the_xss_battery_through_a_report_and_its_map(visit, tmp_path):
    """Every text of a hostile report, and its map's panel, search, list and downloads."""
    from test_report import _hostile_result

    from mapper.render.interactive import map_parts
    from mapper.render.report import build_report

    result = _hostile_result()
    parts = map_parts(render_map(list(result.incidents), title=PAYLOADS[6], time=True))
    path = tmp_path / "hostile-report.html"
    path.write_text(build_report(result, title=PAYLOADS[6], map_parts=parts), encoding="utf-8")
    seen = visit(path)
    seen.page.locator(".mapper-fragment").scroll_into_view_if_needed()
    open_tab(seen, "search")
    seen.page.locator(".mapper-side input[type=search]").fill("window")
    seen.page.locator(".mapper-results button").first.click()
    open_tab(seen, "list")
    items = seen.page.locator(".mapper-incident-list button")
    for n in range(items.count()):
        items.nth(n).click()
    seen.page.locator("[data-act=back]").click()
    seen.page.locator("[data-act=all]").click()
    csv_text = _download(seen, "csv")
    assert all(p.split("\u2028")[0].replace('"', '""') in csv_text for p in PAYLOADS)
    assert seen.js("typeof window.__xss") == "undefined"
    assert seen.problems() == []
    assert PAYLOADS[6] in seen.page.locator(".mapper-report > h1").inner_text()


def test_the_map_as_a_notebook_shows_it(visit, tmp_path, sample):
    """folium's own rendering (a notebook's output cell: the page in an iframe) works too."""
    cell = render_map(sample, title="Notebook")._repr_html_()
    page = tmp_path / "notebook.html"
    page.write_text(f"<!DOCTYPE html><html><body>{cell}</body></html>", encoding="utf-8")
    seen = visit(page, ready=0)
    frame = seen.page.frames[1]
    frame.wait_for_selector("[data-mapper-ready]", state="attached", timeout=60_000)
    assert frame.evaluate(f"MapperMap.visibleCount({state()})") == len(sample)
    assert seen.problems() == []


def test_the_downloaded_csv_holds_no_formula(visit):
    import csv
    import io

    features = synthetic(2)
    features[0]["properties"]["notes"] = '=HYPERLINK("https://example.org","x")'
    features[1]["properties"]["notes"] = "@SUM(A1:A2)"
    seen = visit(render_map(features, borders=False))
    rows = list(csv.DictReader(io.StringIO(_download(seen, "csv"))))
    assert {r["notes"] for r in rows} == {
        '\'=HYPERLINK("https://example.org","x")',
        "'@SUM(A1:A2)",
    }
