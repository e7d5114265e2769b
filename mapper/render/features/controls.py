"""Map furniture: title, tools, the side panel (layers, legend, search, incident list), the
time window, attribution, and the closing script.

Panels are rendered as hidden HTML in the page (escaped by the template) and mounted by
mapper.js in the cells of the map's one layout grid, so their text is in the file for
anyone to read, no text is ever put together as HTML in the browser, and no two controls
can overlap.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from mapper.render.features.base import Feature, template
from mapper.render.features.incidents import EventStyle, Sizes, swatch_svg

__all__ = [
    "Attribution",
    "Finish",
    "LayerSwitch",
    "LegendType",
    "SidePanel",
    "TimeWindow",
    "Title",
    "Tools",
]

#: Attributions shown on every map (Leaflet puts them in the page as HTML: constants only).
ATTRIBUTIONS = (
    'Places: <a href="https://www.geonames.org/">GeoNames</a> (CC BY 4.0)',
    'Borders: <a href="https://www.naturalearthdata.com/">Natural Earth</a>',
)

_PANEL_SCRIPT = """
{% macro script(this, kwargs) %}
MapperMap.panel({{ this.map_name }}, {
  element: {{ this.get_name()|js }}, position: {{ this.position|js }}
});
{% endmacro %}
"""


class Title(Feature):
    """The map's title and a line under it (e.g. how many incidents, which dates)."""

    _template = template(
        """
{% macro html(this, kwargs) %}
<div id="{{ this.get_name() }}" class="mapper-panel mapper-title" hidden>
<h1>{{ this.title }}</h1>
{% if this.subtitle %}<p>{{ this.subtitle }}</p>{% endif %}
</div>
{% endmacro %}
"""
        + _PANEL_SCRIPT
    )

    def __init__(self, title: str, subtitle: str = "", position: str = "topcenter"):
        super().__init__()
        self._name = "Title"
        self.title = title
        self.subtitle = subtitle
        self.position = position


def _icon(path: str) -> Markup:
    return Markup(
        '<svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" fill="none" '
        f'stroke="currentColor" stroke-width="1.6" stroke-linejoin="round">{path}</svg>'
    )


#: Button icons as inline SVG (no icon font: the page needs nothing from outside).
ICONS = {
    "fullscreen": _icon('<path d="M2 6V2h4M10 2h4v4M14 10v4h-4M6 14H2v-4"/>'),
    "print": _icon('<path d="M4 6V2h8v4M4 12H2V6h12v6h-2"/><path d="M4 9h8v5H4z"/>'),
    "back": _icon('<path d="M3 3v10M13 3 6 8l7 5z" fill="currentColor"/>'),
    "forward": _icon('<path d="M13 3v10M3 3l7 5-7 5z" fill="currentColor"/>'),
}


class Tools(Feature):
    """Full screen and print buttons, under the zoom buttons."""

    _template = template(
        """
{% macro html(this, kwargs) %}
<div id="{{ this.get_name() }}" class="mapper-panel mapper-tools leaflet-bar" hidden>
<button type="button" data-act="fullscreen" title="Full screen" aria-label="Full screen"
 aria-pressed="false">{{ this.icons.fullscreen }}</button>
<button type="button" data-act="print" title="Print" aria-label="Print">
{{- this.icons.print }}</button>
</div>
{% endmacro %}
{% macro script(this, kwargs) %}
MapperMap.tools({{ this.map_name }}, {element: {{ this.get_name()|js }}});
{% endmacro %}
"""
    )

    icons = ICONS

    def __init__(self) -> None:
        super().__init__()
        self._name = "Tools"


@dataclass(frozen=True)
class LegendType:
    """One event type row: its name, how it is drawn, how many incidents it has."""

    name: str
    style: EventStyle
    count: int

    @property
    def swatch(self) -> Markup:
        return Markup(swatch_svg(self.style))


@dataclass(frozen=True)
class LayerSwitch:
    """A map layer the panel switches: key (as mapper.js knows it), label, swatch."""

    key: str
    label: str
    swatch: Markup
    on: bool = True


class SidePanel(Feature):
    """The side panel: tabs for layers (event types with their counts are the legend of
    colours and shapes), the rest of the legend, search and the incident list with its
    downloads. On narrow maps the tabs are the buttons and at most one section is open."""

    _template = template(
        """
{% macro html(this, kwargs) %}
<div id="{{ this.get_name() }}" class="mapper-panel mapper-side" hidden>
<div class="mapper-tabs" role="tablist">
<button type="button" role="tab" data-tab="layers" aria-selected="false">Layers</button>
<button type="button" role="tab" data-tab="legend" aria-selected="false">Legend</button>
<button type="button" role="tab" data-tab="search" aria-selected="false">Search</button>
<button type="button" role="tab" data-tab="list" aria-selected="false">List</button>
</div>
<section class="mapper-section" data-section="layers" role="tabpanel" hidden>
{% if this.types %}
<h2>Incidents</h2>
<ul class="mapper-layer-list mapper-legend-types">
{% for row in this.types %}
<li data-type="{{ row.name }}"><label>
<input type="checkbox" data-layer="type:{{ loop.index0 }}" checked>
{{ row.swatch }}<span>{{ row.name }}</span>
<span class="mapper-count" data-count="{{ loop.index0 }}">{{ "{:,}".format(row.count) }}</span>
</label></li>
{% endfor %}
</ul>
<p class="mapper-shown"></p>
{% endif %}
{% if this.layers %}
<h2>Map</h2>
<ul class="mapper-layer-list">
{% for layer in this.layers %}
<li><label><input type="checkbox" data-layer="{{ layer.key }}"{% if layer.on %} checked{% endif %}>
{{ layer.swatch }}<span>{{ layer.label }}</span></label></li>
{% endfor %}
</ul>
{% endif %}
</section>
<section class="mapper-section mapper-legend" data-section="legend" role="tabpanel" hidden>
{% if this.types %}
<h2>Event type</h2>
<ul>
{% for row in this.types %}
<li>{{ row.swatch }}<span>{{ row.name }}</span></li>
{% endfor %}
</ul>
<h2>Place</h2>
<ul>
<li>{{ this.exact }}<span>exact place</span></li>
<li>{{ this.approximate }}<span>approximate: a district or region stands in</span></li>
</ul>
<h2>Fatalities</h2>
<ul class="mapper-legend-sizes">
{% for label, svg in this.sizes %}
<li>{{ svg }}<span>{{ label }}</span></li>
{% endfor %}
</ul>
{% if this.cluster %}
<h2>Groups</h2>
<ul><li><span class="mapper-cluster-swatch">12</span><span>incidents too close to tell apart:
click to zoom in or spread them</span></li></ul>
{% endif %}
{% endif %}
{% if this.classes %}
<h2>Incidents per region</h2>
<ul>
{% for label, color in this.classes %}
<li><span class="mapper-ramp" style="background: {{ color }}"></span><span>{{ label }}</span>
<span class="mapper-count" data-class-count="{{ loop.index0 }}"></span></li>
{% endfor %}
</ul>
{% endif %}
<h2>Borders</h2>
<ul>
<li><span class="mapper-country-swatch"></span><span>country</span></li>
<li><span class="mapper-region-swatch"></span><span>first-level region</span></li>
</ul>
{% for note in this.notes %}
<div class="mapper-note">{{ note }}</div>
{% endfor %}
</section>
<section class="mapper-section" data-section="search" role="tabpanel" hidden>
<input type="search" placeholder="Place, actor, type, words…"
 aria-label="Search places and incidents" autocomplete="off">
<ul class="mapper-results" aria-live="polite"></ul>
</section>
<section class="mapper-section" data-section="list" role="tabpanel" hidden>
<p class="mapper-shown"></p>
<div class="mapper-downloads">
<button type="button" data-download="csv">Download CSV</button>
<button type="button" data-download="geojson">Download GeoJSON</button>
</div>
<ol class="mapper-incident-list"></ol>
<button type="button" class="mapper-more" hidden>Show more</button>
</section>
</div>
{% endmacro %}
{% macro script(this, kwargs) %}
MapperMap.sidePanel({{ this.map_name }}, {element: {{ this.get_name()|js }}, open: "layers"});
{% endmacro %}
"""
    )

    def __init__(
        self,
        types: Sequence[LegendType],
        *,
        layers: Sequence[LayerSwitch] = (),
        sizes: Sizes,
        classes: Sequence[tuple[str, str]] = (),
        notes: Sequence[str] = (),
        cluster: bool = True,
    ):
        super().__init__()
        self._name = "SidePanel"
        self.types = tuple(types)
        self.layers = tuple(layers)
        self.classes = tuple(classes)
        self.notes = tuple(notes)
        self.cluster = cluster
        grey = EventStyle("#666666", "circle")
        self.exact = Markup(swatch_svg(grey))
        self.approximate = Markup(swatch_svg(grey, dashed=True, pale=True))
        self.sizes = tuple((label, Markup(_size_svg(sizes.radius(n)))) for label, n in _SIZE_STEPS)


_SIZE_STEPS = (("none or unknown", 0), ("10", 10), ("100", 100))


def _size_svg(radius: float) -> str:
    box = 2 * radius + 2
    return (
        f'<svg class="mapper-swatch" width="{box:g}" height="{box:g}" '
        f'viewBox="{-box / 2:g} {-box / 2:g} {box:g} {box:g}" aria-hidden="true">'
        f'<circle r="{radius:g}" fill="#888888" fill-opacity="0.5" stroke="#555555"/></svg>'
    )


class TimeWindow(Feature):
    """A from–to window over the incidents' dates, with play and step; the markers, counts,
    heatmap and choropleth show only the incidents in the window."""

    _template = template(
        """
{% macro html(this, kwargs) %}
<div id="{{ this.get_name() }}" class="mapper-panel mapper-time" hidden>
<div class="mapper-time-row">
<button type="button" data-act="back" title="Step back" aria-label="Step back">
{{- this.icons.back }}</button>
<button type="button" data-act="play" title="Play" aria-label="Play">&#9654;</button>
<button type="button" data-act="forward" title="Step forward" aria-label="Step forward">
{{- this.icons.forward }}</button>
<button type="button" data-act="all" title="All dates">All</button>
<span class="mapper-time-label" aria-live="polite"></span>
</div>
<div class="mapper-time-row">
<label>From <input type="range" data-end="from" aria-label="From date"></label>
<label>To <input type="range" data-end="to" aria-label="To date"></label>
<span class="mapper-shown"></span>
</div>
</div>
{% endmacro %}
{% macro script(this, kwargs) %}
MapperMap.timeWindow({{ this.map_name }}, {element: {{ this.get_name()|js }}});
{% endmacro %}
"""
    )

    icons = ICONS

    def __init__(self) -> None:
        super().__init__()
        self._name = "TimeWindow"


class Attribution(Feature):
    """Credits for the data the map draws (the tile layer credits its own tiles)."""

    _template = template(
        """
{% macro script(this, kwargs) %}
{% for text in this.texts %}
{{ this.map_name }}.attributionControl.addAttribution({{ text|js }});
{% endfor %}
{% endmacro %}
"""
    )

    def __init__(self, texts: Sequence[str] = ATTRIBUTIONS):
        super().__init__()
        self._name = "Attribution"
        self.texts = tuple(texts)


class Finish(Feature):
    """Runs after every other feature: fits the view beside the panels, orders the
    layers (borders beneath markers) and marks the map ready (``data-mapper-ready``)
    once the incidents are drawn."""

    _template = template(
        """
{% macro script(this, kwargs) %}
{% if this.no_tiles %}
{{ this.map_name }}.getContainer().classList.add("mapper-no-tiles");
{% endif %}
MapperMap.finish({{ this.map_name }}, {bounds: {{ this.bounds|js }}});
{% endmacro %}
"""
    )

    def __init__(self, *, no_tiles: bool, bounds: list[list[float]] | None = None):
        super().__init__()
        self._name = "Finish"
        self.no_tiles = no_tiles
        self.bounds = bounds
