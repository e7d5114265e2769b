"""Interactive maps: incidents → one HTML file that works offline (``mapper map``).

:func:`render_map` builds a ``folium.Map`` (it shows in a notebook as it is);
:func:`map_html` renders it, :func:`map_parts` splits it for embedding in another page,
:func:`save_map` writes it. :func:`draw_map` is the form the tools layer uses: it also
says how many incidents were drawn. Nothing here writes a file except :func:`save_map`.

What the page holds: Leaflet and its plugins inlined (:mod:`mapper.render.vendor`, no CDN);
countries of the whole world (coarse when zoomed out, detailed around the incidents), the
regions around the incidents and labelled towns; every incident on one canvas layer; one
layout grid for the title, tools (full screen, print), a side panel (layer switches with
counts, legend, search, incident list, CSV and GeoJSON downloads), an optional time window,
minimap, scale and attribution; optionally tiles (see :mod:`mapper.render.tiles`), a
choropleth and a heatmap. Only remote tiles are fetched from a network, and the default is
none.

Drawing: the incidents' positions, types, sizes, precisions, dates and regions are one
columnar data block, drawn in one pass on a canvas; points that would overlap are drawn
as numbered circles (unless ``cluster=False``), which zoom in or fan out on click. Clicks
and hovers are hit-tested on a grid of what was drawn, and popups are built on demand
from a second data block (each incident's popup data) that follows the map's script, so
the map is drawn before the browser has read it.

Same input, same bytes: branca names every element with a random id; :func:`map_html`
replaces each id of the map's element tree by its number in order of first appearance
in the page, so two renders of the same incidents are byte-identical.
"""

from __future__ import annotations

import gc
import hashlib
import html
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mapper.event_types import EVENT_TYPES
from mapper.outputs import write_atomic
from mapper.render.points import OTHER, MapPoint, map_points
from mapper.render.tiles import TileSource, inline_tiles, tile_source

if TYPE_CHECKING:
    import folium
    from branca.element import Element

__all__ = [
    "DrawnMap",
    "MapOptions",
    "MapParts",
    "check_tiles",
    "draw_map",
    "map_html",
    "map_parts",
    "render_map",
    "save_map",
]

MAX_ZOOM = 18


@dataclass(frozen=True)
class MapOptions:
    """What a map shows besides the incidents. See :func:`render_map`."""

    title: str = "Incidents"
    tiles: str = "none"
    tiles_attribution: str | None = None
    borders: bool = True
    cluster: bool | None = None
    time: bool = False
    heat: bool = False
    choropleth: bool = False
    minimap: bool = False
    fragment: bool = False


def render_map(
    incidents: Any,
    *,
    title: str = "Incidents",
    tiles: str = "none",
    tiles_attribution: str | None = None,
    borders: bool = True,
    cluster: bool | None = None,
    time: bool = False,
    heat: bool = False,
    choropleth: bool = False,
    minimap: bool = False,
) -> folium.Map:
    """A map of ``incidents``: :class:`~mapper.model.Incident` objects, a GeoDataFrame
    with ACLED-style columns, or anything with ``__geo_interface__``.

    ``tiles``: ``"none"`` (the default; fully offline), ``"osm"``, or a tile URL template
    (``https://.../{z}/{x}/{y}.png``; credit it with ``tiles_attribution``).
    ``cluster``: markers that would overlap are grouped into numbered circles (which
    open on click) unless it is ``False``.
    """
    options = MapOptions(
        title, tiles, tiles_attribution, borders, cluster, time, heat, choropleth, minimap
    )
    with _no_cyclic_gc():
        points, unplaced = map_points(incidents)
        return _draw(points, unplaced, options)


@dataclass(frozen=True)
class DrawnMap:
    """A map, the incidents drawn on it, and how many had no place to be drawn at."""

    map: folium.Map
    points: tuple[MapPoint, ...]
    unplaced: int


def draw_map(incidents: Any, options: MapOptions = MapOptions()) -> DrawnMap:
    """:func:`render_map` with ``options``, and what it drew."""
    with _no_cyclic_gc():
        points, unplaced = map_points(incidents)
        drawn = _draw(points, unplaced, options)
    return DrawnMap(drawn, tuple(points), unplaced)


def check_tiles(tiles: str, attribution: str | None = None) -> None:
    """Raise :class:`~mapper.errors.UsageError` unless ``tiles`` names tiles a map can use."""
    _tile_layer(tiles, attribution)


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while a map is built.

    A build makes hundreds of thousands of small dicts and lists that all stay alive
    until the page is written; collection passes over them find nothing and took half
    the time of a 100,000-incident build.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _draw(points: Sequence[MapPoint], unplaced: int, options: MapOptions) -> folium.Map:
    from markupsafe import Markup

    from mapper.render import features as f

    tile = _tile_layer(options.tiles, options.tiles_attribution)
    view = f.Bounds.around(points)
    m = f.IncidentMap(
        location=_center(view),
        zoom_start=2,
        tiles=None,
        control_scale=True,
        prefer_canvas=True,
    )
    m.options.update(max_zoom=MAX_ZOOM, min_zoom=2)
    f.page_of(m).title = html.escape(options.title)
    if tile is not None:
        _add_tiles(m, tile, view)
    by_type = _by_type(points)
    ordered = [p for members in by_type.values() for p in members]
    switches, classes, regions = _borders(m, ordered, view, options)
    clustered = options.cluster is not False
    f.Incidents(ordered, list(by_type), regions=regions, cluster=clustered).add_to(m)
    if options.heat and points:
        f.HeatLayer().add_to(m)
        switches.append(f.LayerSwitch("heat", "Heatmap", Markup(_HEAT_SWATCH)))
    f.Title(options.title, _subtitle(points)).add_to(m)
    f.Tools().add_to(m)
    types = [f.LegendType(t, f.EVENT_STYLES[t], len(ps)) for t, ps in by_type.items()]
    notes = _notes(unplaced)
    f.SidePanel(
        types, layers=switches, sizes=f.SIZES, classes=classes, notes=notes, cluster=clustered
    ).add_to(m)
    if options.time and any(p.date for p in points):
        f.TimeWindow().add_to(m)
    if options.minimap:
        f.MiniMap().add_to(m)
    f.Attribution().add_to(m)
    f.Finish(no_tiles=tile is None, bounds=view.leaflet() if view else None).add_to(m)
    return m


_HEAT_SWATCH = (
    '<span class="mapper-ramp" style="background: linear-gradient(90deg, blue, lime, red)"></span>'
)


def _borders(
    m: folium.Map, points: Sequence[MapPoint], view: Any, options: MapOptions
) -> tuple[list[Any], list[tuple[str, str]], list[int] | None]:
    """Add the border layers, towns and the choropleth; return the panel's switches for
    them, the choropleth's legend classes and each point's region (for the choropleth)."""
    from markupsafe import Markup

    from mapper.render import features as f

    if view is None or not (options.borders or options.choropleth):
        return [], [], None
    area = f.area_borders(view)
    switches: list[Any] = []
    fill = {"fillColor": "#f4f1ea", "fillOpacity": 1 if options.tiles == "none" else 0}
    line = {"color": "#6b6b6b", "weight": 1.2, "opacity": 1}
    lines = {"color": "#9a9a9a", "weight": 0.8, "fillOpacity": 0, "fill": True}
    if options.borders:
        f.Countries(area.countries, fill=fill, line=line).add_to(m)
        switches.append(
            f.LayerSwitch("countries", "Countries", Markup('<span class="mapper-country-swatch">'
                                                           "</span>"))
        )  # fmt: skip
    region_layer = f.BorderLayer("regions", area.regions, style=lines, order=2)
    chart = None
    regions = None
    if options.choropleth:
        counts = area.counts(points)
        regions = area.region_of(points)
        source = region_layer if options.borders else None
        chart = f.Choropleth(area.regions, counts, source=source)
        chart.add_to(m)
        ramp = Markup(
            '<span class="mapper-ramp" style="background: linear-gradient(90deg, #ffffb2, '
            '#bd0026)"></span>'
        )
        switches.append(f.LayerSwitch("choropleth", "Incidents per region", ramp))
    if options.borders:
        region_layer.add_to(m)
        switches.append(
            f.LayerSwitch(
                "regions", "Regions", Markup('<span class="mapper-region-swatch"></span>')
            )
        )
        towns = f.towns_near(view.with_margin(1.0, 8.0))
        if towns:
            f.Towns(towns).add_to(m)
            dot = Markup(
                '<svg class="mapper-swatch" width="14" height="14" viewBox="-7 -7 14 14"'
                ' aria-hidden="true"><circle r="3" fill="#fff" stroke="#555"/></svg>'
            )
            switches.append(f.LayerSwitch("towns", "Towns", dot))  # fmt: skip
    return switches, chart.classes() if chart is not None else [], regions


def _by_type(points: Iterable[MapPoint]) -> dict[str, list[MapPoint]]:
    groups: dict[str, list[MapPoint]] = {t: [] for t in (*EVENT_TYPES, OTHER)}
    for point in points:
        groups[point.event_type].append(point)
    return {t: ps for t, ps in groups.items() if ps}


def _center(view: Any) -> list[float]:
    if view is None:
        return [30.0, 30.0]
    return [(view.south + view.north) / 2, (view.west + view.east) / 2]


def _subtitle(points: Sequence[MapPoint]) -> str:
    count = f"{len(points):,} incident{'s' if len(points) != 1 else ''}"
    dates = sorted(p.date for p in points if p.date)
    if not dates:
        return count
    span = dates[0] if dates[0] == dates[-1] else f"{dates[0]} to {dates[-1]}"
    return f"{count}, {span}"


def _notes(unplaced: int) -> list[str]:
    notes = []
    if unplaced:
        noun = "incident" if unplaced == 1 else "incidents"
        notes.append(f"{unplaced:,} {noun} without a place not shown.")
    return notes


def _tile_layer(tiles: str, attribution: str | None) -> TileSource | None:
    """The tile source ``tiles`` names (see :mod:`mapper.render.tiles`); a UsageError
    when it names none."""
    return tile_source(tiles, attribution)


def _add_tiles(m: folium.Map, source: TileSource, view: Any) -> None:
    import folium

    from mapper.render.features.tiles import FolderTileLayer, InlineTileLayer

    if source.ranges is not None:
        FolderTileLayer(source).add_to(m)
        return
    if source.url is not None:
        folium.TileLayer(source.url, attr=source.attribution, name=source.name, max_zoom=19).add_to(
            m
        )
        return
    box = view.with_margin(1.0, 2.0) if view is not None else None
    area = (box.south, box.west, box.north, box.east) if box else (-90.0, -180.0, 90.0, 180.0)
    InlineTileLayer(inline_tiles(source, area), source.attribution).add_to(m)


# -- the page ------------------------------------------------------------------------------


def map_html(m: folium.Map, *, id_prefix: str = "") -> str:
    """The page of ``m``: the same incidents and options always give the same text.

    ``id_prefix`` goes before every element number, so that several maps can share a page.
    """
    root = m.get_root()
    with _no_cyclic_gc():
        page = root.render()
    return _scoped(_stable_ids(page, _element_ids(root), id_prefix))


_LATE_BLOCK = re.compile(
    r'<script type="application/json" class="mapper-data mapper-late".*?</script>', re.S
)


def _scoped(page: str) -> str:
    """The map's script in a function of its root element (the page, or the fragment it
    is pasted in): its names stay its own, and it finds its elements inside its root.
    Data the map needs only later (``mapper-late``) is moved after the script, so the
    map is drawn while the browser still reads that data."""
    late = _LATE_BLOCK.findall(page)
    page = _LATE_BLOCK.sub("", page)
    start = page.rindex("<script>")
    end = page.index("</script>", start) + len("</script>")
    body = page[start + len("<script>") : end - len("</script>")]
    return (
        f"{page[:start]}<script>\n(function (mapperRoot) {{{body}}})"
        f"(document.currentScript.parentNode);\n</script>\n{''.join(late)}{page[end:]}"
    )


@dataclass(frozen=True)
class MapParts:
    """A map to embed in another page: its scripts and styles, and its element."""

    head: str
    body: str

    def fragment(self, height: str = "520px") -> str:
        """One ``<div>`` (with its scripts) that can be pasted into any page."""
        return (
            f'<div class="mapper-fragment" style="position: relative; height: {height};">\n'
            f"{self.head}\n{self.body}\n</div>\n"
        )


#: folium's page-wide styles: right for a page of its own, wrong inside another page.
_PAGE_STYLES = re.compile(r"<style>\s*(?:html, body|#map) \{[^}]*\}\s*</style>", re.S)


def map_parts(m: folium.Map) -> MapParts:
    """The map split for embedding; element ids carry a prefix made from the map's data."""
    page = map_html(m)
    prefix = "m" + hashlib.sha1(page.encode("utf-8")).hexdigest()[:8] + "_"
    page = map_html(m, id_prefix=prefix)
    head = page[page.index("<head>") + len("<head>") : page.index("</head>")]
    head = _PAGE_STYLES.sub("", re.sub(r"<title>.*?</title>|<meta [^>]*>", "", head, flags=re.S))
    body = page[page.index("<body>") + len("<body>") : page.rindex("</html>")]
    return MapParts(head.strip(), body.replace("</body>", "").strip())


def _element_ids(root: Element) -> set[str]:
    ids, stack = set(), [root]
    while stack:
        element = stack.pop()
        ids.add(element._id)
        stack.extend(element._children.values())
        stack.extend(
            getattr(element, part)
            for part in ("header", "html", "script")
            if hasattr(element, part) and hasattr(getattr(element, part), "_children")
        )
    return ids


_DATA_BLOCK = re.compile(
    r'(<script type="application/json" class="mapper-data[^"]*" id="[^"]*">)(.*?)(?=</script>)',
    re.S,
)


def _stable_ids(page: str, ids: set[str], prefix: str = "") -> str:
    """Each id in ``ids`` → its number in order of first appearance in ``page``.

    Data blocks are skipped (only their opening tag names an element), which keeps
    this quick for pages that carry 100,000 incidents.
    """
    if not ids:
        return page
    pattern = re.compile("|".join(sorted(ids)))
    pieces = _DATA_BLOCK.split(page)  # text, tag, data, text, tag, data, ..., text
    order: dict[str, str] = {}
    for index, piece in enumerate(pieces):
        if index % 3 != 2:
            for match in pattern.finditer(piece):
                order.setdefault(match.group(), f"{prefix}{len(order) + 1}")
    for index in range(0, len(pieces), 3):
        pieces[index] = pattern.sub(lambda m: order[m.group()], pieces[index])
    for index in range(1, len(pieces), 3):
        pieces[index] = pattern.sub(lambda m: order[m.group()], pieces[index])
    return "".join(pieces)


def save_map(m: folium.Map, path: str | Path) -> Path:
    """Write the page of ``m`` to ``path`` atomically; return the path."""
    return write_atomic(path, map_html(m))
