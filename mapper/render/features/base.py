"""The parts every map feature is built from: templates, inlined assets, the map itself.

A :class:`Feature` is one small folium element: a Jinja template with ``header``,
``html`` and ``script`` macros, the asset bundles it needs (:data:`BUNDLES`), its
options, and optionally :meth:`Feature.data`, which is written into the page as a
``<script type="application/json">`` element that the feature's script reads.

Two things differ from folium's ``MacroElement``:

- templates autoescape, and data goes through :func:`mapper.render.points.script_json`;
- what a macro renders is put into the page as it is (:class:`Raw`). branca puts it
  into a new Jinja template, so text such as ``{{ ... }}`` in an article would be
  evaluated as template code there.

:class:`IncidentMap` is a ``folium.Map`` that links nothing from a CDN: Leaflet, the
plugins and mapper's own script and stylesheet are inlined from the package
(:mod:`mapper.render.vendor`), so the saved file works without a network.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Any, ClassVar

import folium
import jinja2
from branca.element import Element, Figure, MacroElement
from folium.template import Template as FoliumTemplate
from markupsafe import Markup

from mapper.errors import MapperError
from mapper.render.points import script_json
from mapper.render.vendor import asset_text

__all__ = [
    "BUNDLES",
    "ENV",
    "Feature",
    "IncidentMap",
    "Raw",
    "page_of",
    "require_assets",
    "template",
]

#: Asset bundles by name: vendored files (``package/file``) and mapper's own (``mapper/``).
BUNDLES: dict[str, tuple[str, ...]] = {
    "leaflet": ("leaflet/leaflet.css", "leaflet/leaflet.js"),
    "mapper": ("mapper/mapper.css", "mapper/mapper.js"),
    "heat": ("leaflet.heat/leaflet-heat.js",),
    "minimap": (
        "leaflet-minimap/Control.MiniMap.min.css",
        "leaflet-minimap/Control.MiniMap.min.js",
    ),
}

ENV = jinja2.Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)
ENV.filters["js"] = lambda value: Markup(script_json(value))


def template(source: str) -> jinja2.Template:
    """A feature template: autoescaping, with the ``js`` filter for script data."""
    return ENV.from_string(source)


class Raw(Element):
    """Text put into the page as it is: rendered once, never read as a template."""

    def __init__(self, text: str):
        super().__init__()
        self._name = "Raw"
        self.text = text

    def render(self, **kwargs: Any) -> str:
        return self.text


@cache
def _own_asset(name: str) -> str:
    return (files("mapper.render.features") / name).read_text(encoding="utf-8")


def asset_element(path: str) -> str:
    """One file as an inline ``<style>`` or ``<script>`` element.

    A script runs once per page however often it is inlined (a fragment pasted twice
    carries its scripts twice): the first copy marks itself in ``window.mapperAssets``.
    """
    folder, name = path.split("/", 1)
    text = _own_asset(name) if folder == "mapper" else asset_text(path)
    if path.endswith(".css"):
        return f'<style data-asset="{path}">\n{text}\n</style>'
    key = script_json(path)
    return (
        f'<script data-asset="{path}">\n'
        f"(window.mapperAssets = window.mapperAssets || {{}})[{key}] || (function () {{\n"
        f"window.mapperAssets[{key}] = true;\n{text}\n}}).call(window);\n</script>"
    )


def page_of(element: Element) -> Figure:
    """The page (branca's ``Figure``) that ``element`` is on: a map makes its own."""
    root = element.get_root()
    if not isinstance(root, Figure):
        raise MapperError(f"{type(element).__name__} can only be rendered on a map in a figure")
    return root


def require_assets(figure: Figure, bundles: tuple[str, ...]) -> None:
    """Inline the files of ``bundles`` into the page's head, each once, in order."""
    for bundle in bundles:
        for path in BUNDLES[bundle]:
            key = f"asset:{path}"
            if key not in figure.header._children:
                figure.header.add_child(Raw(asset_element(path)), name=key)


class Feature(MacroElement):
    """A map feature: a template, the asset bundles it needs, its options and data."""

    assets: ClassVar[tuple[str, ...]] = ("leaflet", "mapper")

    def __init__(self) -> None:
        # Typed, so that the features' super().__init__() calls are typed calls
        # (branca's MacroElement.__init__ is not annotated).
        super().__init__()

    def data(self) -> Any:
        """The data written into the page for the script, or ``None``."""
        return None

    @property
    def data_id(self) -> str:
        """The id of the page element that holds :meth:`data`."""
        return f"{self.get_name()}_data"

    @property
    def map_name(self) -> str:
        """The JavaScript name of the map this feature is on."""
        if self._parent is None:
            raise MapperError(f"{type(self).__name__} is not on a map; add it to one first")
        return self._parent.get_name()

    # Returns nothing, as branca's MacroElement.render does (branca types Element.render -> str).
    def render(self, **kwargs: Any) -> None:  # type: ignore[override]
        figure = page_of(self)
        require_assets(figure, self.assets)
        for child in list(self._children.values()):
            child.render(**kwargs)
        data = self.data()
        if data is not None:
            block = (
                f'<script type="application/json" class="mapper-data" id="{self.data_id}">'
                f"{script_json(data)}</script>"
            )
            figure.html.add_child(Raw(block), name=self.data_id)
        module = self._template.module
        for part in ("header", "html", "script"):
            macro = getattr(module, part, None)
            if macro is not None:
                getattr(figure, part).add_child(Raw(macro(self, kwargs)), name=self.get_name())


class IncidentMap(folium.Map):
    """A ``folium.Map`` whose page inlines its scripts and stylesheets (no CDN links).

    The map finds its element inside its own root (``MapperMap.createMap``): the page,
    or the fragment it was pasted in, so a fragment can appear on a page more than once.
    (:func:`~mapper.render.interactive.map_html` puts the script in a function of that
    root; a page rendered by folium itself, as a notebook shows it, uses the document.)
    """

    # No CDN links. folium declares these as instance attributes with class defaults.
    default_js: list[tuple[str, str]] = []  # noqa: RUF012
    default_css: list[tuple[str, str]] = []  # noqa: RUF012
    _template = FoliumTemplate(
        """
{% macro header(this, kwargs) %}
<meta name="viewport" content="width=device-width, initial-scale=1.0" />
<style>
#{{ this.get_name() }} { position: relative; width: 100%; height: 100%; left: 0; top: 0; }
</style>
<style>html, body { width: 100%; height: 100%; margin: 0; padding: 0; }</style>
{% endmacro %}
{% macro html(this, kwargs) %}
<div class="folium-map mapper-map" id={{ this.get_name()|tojson }}></div>
{% endmacro %}
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = MapperMap.createMap(
  typeof mapperRoot === "undefined" ? document.body : mapperRoot, {{ this.get_name()|tojson }}, {
  center: {{ this.location|tojson }}, crs: L.CRS.{{ this.crs }},
  ...{{ this.options|tojavascript }}
});
{% if this.control_scale %}
L.control.scale({position: "bottomleft"}).addTo({{ this.get_name() }});
{% endif %}
{% endmacro %}
"""
    )

    # Returns nothing, as folium's Map.render does (branca types Element.render -> str).
    def render(self, **kwargs: Any) -> None:  # type: ignore[override]
        require_assets(page_of(self), Feature.assets)
        super().render(**kwargs)
