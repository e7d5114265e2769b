"""Paint time of a 100,000-incident map, mapper's page beside a plain Leaflet canvas page.

    python bench/map_paint.py                 # 100k incidents, 3 runs each, alternating
    python bench/map_paint.py --size 10000 --runs 5

Both pages inline the same vendored ``leaflet.js`` and are opened in the same headless
Chromium, one after the other in turns, with the network cut, at 1280×800:

- **mapper**: ``render_map`` with its defaults (borders, towns, the side panel; points on one
  canvas layer, overlapping ones grouped; popups built from the page's data on click);
- **plain Leaflet**: the incidents as ``[lat, lon, text]`` in a JSON block, each drawn as an
  ``L.circleMarker`` on one ``L.canvas()`` renderer with a popup bound to it, added after
  the view is fitted to them (added before, Leaflet takes ten times as long).

Paint time is from navigation start (``performance.timeOrigin``) to the second animation
frame after the page says it is drawn (mapper: ``data-mapper-ready``; plain: its markers
added), measured in the page. mapper's page puts the popup data after the map's script, so
it paints before the browser has read the whole file; "page loaded" (the load event) is
printed beside it. Once loaded, a marker is clicked and the time until its popup shows is
printed too (mapper's page zooms to the incident first, as a person would, so that it is
drawn on its own; a click before the page is loaded opens the popup once it is).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import map_build

from mapper.model import Incident
from mapper.render.browser import ARGS, CHROMIUM
from mapper.render.interactive import map_html, render_map
from mapper.render.points import script_json
from mapper.render.vendor import asset_text

PAINTED = """new Promise(done => requestAnimationFrame(() => requestAnimationFrame(
  () => done(performance.now()))))"""


def plain_page(incidents: list[Incident]) -> str:
    """One ``L.circleMarker`` with a popup per incident, on one canvas renderer."""
    rows = [
        [i.place.lat, i.place.lon, f"{i.event_type}, {i.date}: {i.evidence.text}"]
        for i in incidents
        if i.place is not None
    ]
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Plain Leaflet</title>
<style>{asset_text("leaflet/leaflet.css")}</style>
<script>{asset_text("leaflet/leaflet.js")}</script>
<style>html, body, #map {{ width: 100%; height: 100%; margin: 0; }}</style>
</head><body><div id="map"></div>
<script type="application/json" id="data">{script_json(rows)}</script>
<script>
var rows = JSON.parse(document.getElementById('data').textContent);
var map = L.map('map', {{preferCanvas: true}}), renderer = L.canvas(), markers = [];
var south = 90, west = 180, north = -90, east = -180;
rows.forEach(function (r) {{
  south = Math.min(south, r[0]); north = Math.max(north, r[0]);
  west = Math.min(west, r[1]); east = Math.max(east, r[1]);
}});
map.fitBounds([[south, west], [north, east]]);
rows.forEach(function (r) {{
  var marker = L.circleMarker([r[0], r[1]], {{renderer: renderer, radius: 6, weight: 1}});
  marker.bindPopup(r[2]);
  marker.addTo(map);
  markers.push(marker);
}});
window.plainMarkers = markers;
map.getContainer().setAttribute('data-mapper-ready', 'true');
</script></body></html>"""


def paint(browser: object, path: Path) -> float:
    """Milliseconds from navigation start to two frames after the page is drawn."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})  # type: ignore[attr-defined]
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    page.goto(path.as_uri(), wait_until="commit")
    page.wait_for_selector("[data-mapper-ready]", state="attached", timeout=300_000)
    painted = float(page.evaluate(PAINTED))
    page.wait_for_load_state("load")
    paint.loaded = float(  # type: ignore[attr-defined]
        page.evaluate("performance.getEntriesByType('navigation')[0].loadEventStart")
    )
    paint.page = page  # type: ignore[attr-defined]
    return painted


def popup_ms(page: object, mine: bool, incident_id: str, lat: float, lon: float) -> float:
    """Milliseconds from a click on a marker to its popup on screen."""
    if mine:
        page.evaluate(  # type: ignore[attr-defined]
            f"void MapperMap.instances[0].map.setView([{lat}, {lon}], 14, {{animate: false}})"
        )
        point = page.evaluate(  # type: ignore[attr-defined]
            f"MapperMap.markerAt(MapperMap.instances[0], {json.dumps(incident_id)})"
        )
    else:
        page.evaluate(  # type: ignore[attr-defined]
            f"void map.setView([{lat}, {lon}], 14, {{animate: false}})"
        )
        page.wait_for_timeout(300)
        point = page.evaluate(  # type: ignore[attr-defined]
            f"""(() => {{ const p = map.latLngToContainerPoint([{lat}, {lon}]);
            return [p.x, p.y]; }})()"""
        )
    if point is None:
        raise SystemExit(f"{incident_id} is not drawn on its own at zoom 14")
    start = time.perf_counter()
    page.mouse.click(*point)  # type: ignore[attr-defined]
    page.wait_for_selector(".leaflet-popup-content", timeout=60_000)  # type: ignore[attr-defined]
    return (time.perf_counter() - start) * 1000


@dataclass
class Comparison:
    """Per page: paint, load and popup milliseconds of each run; the mapper page's build."""

    build_s: float
    sizes_mb: dict[str, float]
    paint: dict[str, list[float]] = field(default_factory=dict)
    loaded: dict[str, list[float]] = field(default_factory=dict)
    popup: dict[str, list[float]] = field(default_factory=dict)

    def median(self, what: str, page: str) -> float:
        return statistics.median(getattr(self, what)[page])

    @property
    def ratio(self) -> float:
        """mapper's median paint time over plain Leaflet's."""
        return self.median("paint", "mapper") / self.median("paint", PLAIN)


PLAIN = "plain Leaflet"


def compare(size: int, runs: int) -> Comparison:
    """Paint both pages of ``size`` incidents ``runs`` times each, in turns."""
    from playwright.sync_api import sync_playwright

    incidents = map_build.synthetic(size)
    target = incidents[len(incidents) // 2]
    assert target.place is not None
    start = time.perf_counter()
    ours = map_html(render_map(incidents, title="Bench"))
    build = time.perf_counter() - start
    theirs = plain_page(incidents)
    pages = {"mapper": ours, PLAIN: theirs}
    result = Comparison(build, {k: len(v.encode()) / 1e6 for k, v in pages.items()})
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=list(ARGS))
        for _ in range(runs):
            for name, text in pages.items():
                path = Path(tmp) / f"{name.split()[0]}.html"
                if not path.exists():
                    path.write_text(text, encoding="utf-8")
                result.paint.setdefault(name, []).append(paint(browser, path))
                result.loaded.setdefault(name, []).append(paint.loaded)  # type: ignore[attr-defined]
                page = paint.page  # type: ignore[attr-defined]
                place = target.place
                result.popup.setdefault(name, []).append(
                    popup_ms(page, name == "mapper", target.id, place.lat, place.lon)
                )
                page.close()
        browser.close()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    result = compare(args.size, args.runs)
    print(f"{args.size:,} incidents; mapper page built in {result.build_s:.1f} s")
    sizes = ", ".join(f"{name} {mb:.1f} MB" for name, mb in result.sizes_mb.items())
    print(f"page size: {sizes}")
    print(f"{'page':<14} {'paint ms (median)':>18} {'runs':>24} {'loaded ms':>10} {'popup ms':>9}")
    for name in result.paint:
        runs = " ".join(f"{t:,.0f}" for t in result.paint[name])
        print(
            f"{name:<14} {result.median('paint', name):>18,.0f} {runs:>24} "
            f"{result.median('loaded', name):>10,.0f} {result.median('popup', name):>9,.0f}"
        )
    verdict = "met" if result.ratio <= 1.0 else "NOT met"
    print(f"mapper / plain Leaflet: {result.ratio:.2f}x (target <= 1.0x, aim 0.5x: {verdict})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
