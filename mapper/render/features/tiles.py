"""Local tiles (:mod:`mapper.render.tiles`): a tile folder read from disk when the map is
viewed, and tiles inlined into the page from an MBTiles or PMTiles file."""

from __future__ import annotations

from typing import Any

from mapper.render.features.base import Feature, template
from mapper.render.tiles import InlineTiles, TileSource

__all__ = ["FolderTileLayer", "InlineTileLayer"]


class FolderTileLayer(Feature):
    """Tiles from a folder by ``file:`` URL; only tiles within the columns and rows the
    folder holds at each zoom are asked for, and beyond its last zoom Leaflet enlarges."""

    _template = template(
        """
{% macro script(this, kwargs) %}
MapperMap.folderTiles({{ this.map_name }}, {
  url: {{ this.url|js }}, ranges: {{ this.ranges|js }}, options: {{ this.options|js }}
});
{% endmacro %}
"""
    )

    def __init__(self, source: TileSource):
        super().__init__()
        self._name = "FolderTileLayer"
        ranges = source.ranges or {}
        self.url = source.url
        self.ranges = {str(z): list(r) for z, r in sorted(ranges.items())}
        self.options: dict[str, Any] = {"maxZoom": 19, "attribution": source.attribution}
        if ranges:
            self.options |= {"minNativeZoom": min(ranges), "maxNativeZoom": max(ranges)}


class InlineTileLayer(Feature):
    """A tile layer whose tiles are ``data:`` URIs in the page; beyond the last inlined
    zoom Leaflet enlarges that zoom's tiles, and missing tiles are left blank."""

    _template = template(
        """
{% macro script(this, kwargs) %}
MapperMap.inlineTiles({{ this.map_name }}, {
  data: {{ this.data_id|js }}, options: {{ this.options|js }}
});
{% endmacro %}
"""
    )

    def __init__(self, tiles: InlineTiles, attribution: str):
        super().__init__()
        self._name = "InlineTileLayer"
        self.tiles = tiles
        self.options = {
            "minNativeZoom": tiles.min_zoom,
            "maxNativeZoom": tiles.max_zoom,
            "maxZoom": 19,
            "attribution": attribution,
        }

    def data(self) -> dict[str, Any]:
        return self.tiles.tiles
