"""Map furniture: title, legend, time slider, attribution, and the closing script.

Panels are rendered as hidden HTML in the page (escaped by the template) and mounted
on the map as Leaflet controls by the script, so their text is in the file for anyone
to read and no text is ever put together as HTML in the browser.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from mapper.render.features.base import Feature, template
from mapper.render.features.incidents import EventStyle, Sizes, swatch_svg

__all__ = ["Attribution", "Finish", "Legend", "LegendType", "TimeSlider", "Title"]

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


@dataclass(frozen=True)
class LegendType:
    """One legend row: an event type, how it is drawn, how many incidents it has."""

    name: str
    style: EventStyle
    count: int

    @property
    def swatch(self) -> Markup:
        return Markup(swatch_svg(self.style))


class Legend(Feature):
    """What the colours, shapes, outlines, sizes and fills mean."""

    _template = template(
        """
{% macro html(this, kwargs) %}
<div id="{{ this.get_name() }}" class="mapper-panel mapper-legend" hidden>
<details open>
<summary>Legend</summary>
{% if this.types %}
<h2>Event type</h2>
<ul class="mapper-legend-types">
{% for row in this.types %}
<li data-type="{{ row.name }}">{{ row.swatch }}<span>{{ row.name }}</span>
<span class="mapper-count">{{ "{:,}".format(row.count) }}</span></li>
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
{% endif %}
{% if this.classes %}
<h2>Incidents per region</h2>
<ul>
{% for label, color in this.classes %}
<li><span class="mapper-ramp" style="background: {{ color }}"></span><span>{{ label }}</span></li>
{% endfor %}
</ul>
{% endif %}
{% for note in this.notes %}
<div class="mapper-note">{{ note }}</div>
{% endfor %}
</details>
</div>
{% endmacro %}
"""
        + _PANEL_SCRIPT
    )

    def __init__(
        self,
        types: Sequence[LegendType],
        *,
        sizes: Sizes,
        classes: Sequence[tuple[str, str]] = (),
        notes: Sequence[str] = (),
        position: str = "bottomright",
    ):
        super().__init__()
        self._name = "Legend"
        self.types = tuple(types)
        self.classes = tuple(classes)
        self.notes = tuple(notes)
        self.position = position
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


class TimeSlider(Feature):
    """A slider (and play button) that shows the incidents up to a date."""

    _template = template(
        """
{% macro html(this, kwargs) %}
<div id="{{ this.get_name() }}" class="mapper-panel mapper-time" hidden>
<button type="button" title="Play">&#9654;</button>
<input type="range" aria-label="Show incidents up to this date">
<span class="mapper-time-label"></span>
</div>
{% endmacro %}
{% macro script(this, kwargs) %}
MapperMap.timeSlider({{ this.map_name }}, {
  element: {{ this.get_name()|js }}, position: {{ this.position|js }}, dates: {{ this.dates|js }}
});
{% endmacro %}
"""
    )

    def __init__(self, dates: Sequence[str], position: str = "bottomleft"):
        super().__init__()
        self._name = "TimeSlider"
        self.dates = sorted(set(dates))
        self.position = position


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
    """Runs after every other feature: fits the view between the panels, orders the
    layers (borders beneath markers) and marks the map ready (``data-mapper-ready``)."""

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
