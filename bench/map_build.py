"""Map build time and file size for 1k, 10k and 100k synthetic incidents, side by side.

    python bench/map_build.py            # build figures
    python bench/map_build.py --paint    # also time to first paint in headless Chromium

Three ways to draw the same incidents: mapper's (``render_map`` + ``map_html``: canvas
markers fed from one GeoJSON layer per event type, popups built from feature
properties, clustered above 1,000), a loop of folium ``Marker``s with HTML popups, and
folium's ``FastMarkerCluster`` (positions only, no popups). The Marker loop is timed at
100k only when the 10k run says it would take under a minute. Paint time is measured
for mapper's pages only (folium's pages load Leaflet from a CDN, which the bench does
not reach): page load until the map marks itself ready, network cut.
"""

from __future__ import annotations

import argparse
import html
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from gazetteer import Place
from mapper.model import EVENT_TYPES, CasualtyClaim, Evidence, Incident, Source
from mapper.render.interactive import map_html, render_map

SIZES = (1_000, 10_000, 100_000)
MARKER_LOOP_BUDGET = 60.0
CHROMIUM = "/usr/bin/chromium"


def synthetic(n: int, seed: int = 1) -> list[Incident]:
    """``n`` incidents over Central Asia with an evidence sentence and a source each."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        lat, lon = rng.uniform(37, 47), rng.uniform(58, 80)
        place = Place(f"bench:{i}", f"Place {i}", "populated_place", "KG", None, lat, lon, "bench")
        what = rng.choice(["clashes", "a protest", "shelling"])
        text = f"Incident {i}: a report of {what} near Place {i}."
        out.append(
            Incident(
                id=f"bench-{i}",
                date=f"2022-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                date_precision="day",
                event_type=rng.choice(EVENT_TYPES),
                sub_event_type="Armed clash",
                place=place,
                location_text=place.name,
                geo_precision=rng.choice((1, 1, 1, 2, 3)),
                fatalities=rng.choice((None, 0, 1, 3, 12)),
                injuries=None,
                actors=("Side A", "Side B"),
                evidence=Evidence(0, len(text), text),
                source=Source(f"doc-{i % 500}", f"https://example.org/{i}"),
                claims=(CasualtyClaim("officials", 1, None),),
            )
        )  # fmt: skip
    return out


def ours(incidents: list[Incident]) -> str:
    """mapper's page: ``render_map`` and ``map_html``."""
    return map_html(render_map(incidents, title="Bench"))


def marker_loop(incidents: list[Incident]) -> str:
    """folium's page with one ``Marker`` and HTML popup per incident."""
    import folium

    m = folium.Map(location=[42, 69], zoom_start=5)
    for incident in incidents:
        place = incident.place
        assert place is not None
        popup = folium.Popup(html.escape(incident.evidence.text), max_width=300)
        folium.Marker([place.lat, place.lon], popup=popup).add_to(m)
    return m.get_root().render()


def fast_cluster(incidents: list[Incident]) -> str:
    """folium's page with ``FastMarkerCluster`` (positions only)."""
    import folium
    from folium.plugins import FastMarkerCluster

    m = folium.Map(location=[42, 69], zoom_start=5)
    points = [[i.place.lat, i.place.lon] for i in incidents if i.place is not None]
    FastMarkerCluster(points).add_to(m)
    return m.get_root().render()


def timed(build: Callable[[list[Incident]], str], incidents: list[Incident]) -> tuple[float, str]:
    """Seconds to build the page, and the page."""
    start = time.perf_counter()
    page = build(incidents)
    return time.perf_counter() - start, page


def paint_unavailable() -> str | None:
    """Why first paint cannot be timed here, or None when it can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install 'mapper[browser]')"
    if not Path(CHROMIUM).exists():
        return f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    return None


def paint_seconds(page: str) -> float | None:
    """Seconds from navigation until the map is drawn and marked ready (network cut)."""
    if paint_unavailable():
        return None
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        path = Path(tmp) / "map.html"
        path.write_text(page, encoding="utf-8")
        browser = pw.chromium.launch(
            executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        tab = browser.new_page(viewport={"width": 1280, "height": 800})
        tab.route(
            "**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort()
        )
        start = time.perf_counter()
        tab.goto(path.as_uri())
        tab.wait_for_selector("[data-mapper-ready]", state="attached", timeout=120_000)
        tab.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        seconds = time.perf_counter() - start
        browser.close()
    return seconds


def main(argv: list[str] | None = None) -> int:
    """Print build time, size and optionally first paint per size and variant."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paint", action="store_true", help="time first paint in Chromium")
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES))
    args = parser.parse_args(argv)
    start = time.perf_counter()
    ours(synthetic(1))
    print(f"first map in this process (loads the border data): {time.perf_counter() - start:.2f} s")
    print(f"{'incidents':>9}  {'variant':<18} {'build s':>8} {'size MB':>8} {'paint s':>8}")
    loop_per_incident = None
    for n in args.sizes:
        incidents = synthetic(n)
        for name, build in (("mapper", ours), ("folium Marker loop", marker_loop),
                            ("FastMarkerCluster", fast_cluster)):  # fmt: skip
            if (
                build is marker_loop
                and loop_per_incident
                and loop_per_incident * n > MARKER_LOOP_BUDGET
            ):
                estimate = loop_per_incident * n
                print(
                    f"{n:>9,}  {name:<18} skipped: about {estimate:.0f} s by the 10k run (> 60 s)"
                )
                continue
            seconds, page = timed(build, incidents)
            if build is marker_loop:
                loop_per_incident = seconds / n
            paint = paint_seconds(page) if args.paint and build is ours else None
            shown = f"{paint:8.2f}" if paint is not None else f"{'-':>8}"
            print(f"{n:>9,}  {name:<18} {seconds:8.2f} {len(page.encode()) / 1e6:8.2f} {shown}")
            sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
