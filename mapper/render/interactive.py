"""Interactive maps: incidents → one HTML page that works offline (``mapper map``).

:func:`render_map` builds a ``folium.Map`` (it shows in a notebook as it is);
:func:`map_html` renders it, :func:`map_parts` splits it for embedding in another page,
:func:`save_map` writes it. :func:`draw_map` is the form the tools layer uses: it also
says how many incidents were drawn. Nothing here writes a file except :func:`save_map`.

What the page holds: Leaflet and its plugins inlined (:mod:`mapper.render.vendor`, no CDN);
country and region borders around the incidents; one toggleable layer per event type;
a popup per incident; title, legend, scale bar and attribution; optionally tiles, a
choropleth, a heatmap, a time slider and a minimap. Tiles are the only thing fetched
from a network, and the default is none.

Rendering by size: every incident is a canvas circle marker (shaped per event type)
in one GeoJSON-fed layer per type, its popup data in the feature's properties. Up to
:data:`CLUSTER_ABOVE` incidents every marker is drawn; above that they are clustered
(Leaflet.markercluster, loaded in chunks) until the map is zoomed in. ``cluster``
forces either.

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

from mapper.errors import UsageError
from mapper.event_types import EVENT_TYPES
from mapper.outputs import write_atomic
from mapper.render.points import OTHER, MapPoint, map_points

if TYPE_CHECKING:
    import folium
    from branca.element import Element

__all__ = [
    "CLUSTER_ABOVE",
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

#: Above this many incidents markers are clustered unless ``cluster=False``.
CLUSTER_ABOVE = 1000
MAX_ZOOM = 18
OSM_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = (
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
)
_TEMPLATE_SYNTAX = re.compile(r"\{[{%#]")


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
    ``cluster``: ``None`` clusters above :data:`CLUSTER_ABOVE` incidents.
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
    import folium

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
    # The map's own zoom range (folium's max_zoom is the tile layer's): the cluster
    # plugin needs maxZoom on the map when there is no tile layer to tell it.
    m.options.update(max_zoom=MAX_ZOOM, min_zoom=2)
    m.get_root().title = html.escape(options.title)
    if tile is not None:
        tile.add_to(m)
    classes = _borders(m, points, view, options)
    clustered = options.cluster if options.cluster is not None else len(points) > CLUSTER_ABOVE
    group = f.IncidentCluster().add_to(m) if clustered and points else None
    by_type = _by_type(points)
    for event_type, members in by_type.items():
        f.IncidentLayer(event_type, members, cluster=group).add_to(m)
    if options.heat and points:
        f.HeatLayer(points).add_to(m)
    folium.LayerControl(position="topright", collapsed=False).add_to(m)
    f.Title(options.title, _subtitle(points)).add_to(m)
    types = [f.LegendType(t, f.EVENT_STYLES[t], len(ps)) for t, ps in by_type.items()]
    notes = _notes(unplaced, group is not None)
    f.Legend(types, sizes=f.SIZES, classes=classes, notes=notes).add_to(m)
    dates = [p.date for p in points if p.date]
    if options.time and dates:
        f.TimeSlider(dates).add_to(m)
    if options.minimap:
        f.MiniMap().add_to(m)
    f.Attribution().add_to(m)
    f.Finish(no_tiles=tile is None, bounds=view.leaflet() if view else None).add_to(m)
    return m


def _borders(
    m: folium.Map, points: Sequence[MapPoint], view: Any, options: MapOptions
) -> list[tuple[str, str]]:
    """Add the border layers and the choropleth; return the choropleth's legend classes."""
    from mapper.render import features as f
    from mapper.render.features.borders import with_counts

    if view is None or not (options.borders or options.choropleth):
        return []
    area = f.area_borders(view)
    counts = area.counts(points) if options.choropleth else None
    land = {"color": "#6b6b6b", "weight": 1.2, "fillColor": "#f4f1ea", "fillOpacity": 1}
    if options.tiles != "none":
        land |= {"fillOpacity": 0}
    lines = {"color": "#8c8c8c", "weight": 0.8, "fill": False, "dashArray": "3 2"}
    regions = area.regions if counts is None else with_counts(area.regions, counts)
    region_layer = f.BorderLayer("Regions", regions, style=lines, order=2, count=counts is not None)
    if options.borders:
        f.BorderLayer("Countries", area.countries, style=land, order=0).add_to(m)
    chart = None
    if counts is not None:
        source = region_layer if options.borders else None
        chart = f.Choropleth(regions, counts, source=source).add_to(m)
    if options.borders:
        region_layer.add_to(m)
    return chart.classes() if chart is not None else []


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


def _notes(unplaced: int, clustered: bool) -> list[str]:
    notes = []
    if unplaced:
        noun = "incident" if unplaced == 1 else "incidents"
        notes.append(f"{unplaced:,} {noun} without a place not shown.")
    if clustered:
        notes.append("Numbered circles group nearby incidents; zoom in or click to spread them.")
    return notes


def _tile_layer(tiles: str, attribution: str | None) -> Any:
    import folium

    if tiles == "none":
        return None
    if tiles == "osm":
        return folium.TileLayer(OSM_URL, attr=OSM_ATTRIBUTION, name="OpenStreetMap", max_zoom=19)
    if not re.match(r"https?://[^\s]+$", tiles, re.IGNORECASE) or _TEMPLATE_SYNTAX.search(tiles):
        raise UsageError(
            f"tiles must be none, osm or an http(s) URL template such as "
            f"https://tiles.example.org/{{z}}/{{x}}/{{y}}.png, not {tiles!r}",
            options=("tiles",),
        )
    credit = attribution or tiles.split("/")[2]
    credit = html.escape(credit).replace("{", "&#123;")
    return folium.TileLayer(tiles, attr=credit, name="Tiles", max_zoom=19)


# -- the page ------------------------------------------------------------------------------


def map_html(m: folium.Map, *, id_prefix: str = "") -> str:
    """The page of ``m``: the same incidents and options always give the same text.

    ``id_prefix`` goes before every element number, so that several maps can share a page.
    """
    root = m.get_root()
    with _no_cyclic_gc():
        page = root.render()
    return _stable_ids(page, _element_ids(root), id_prefix)


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
    r'(<script type="application/json" class="mapper-data" id="[^"]*">)(.*?)(?=</script>)', re.S
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
