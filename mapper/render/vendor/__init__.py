"""Vendored JavaScript and CSS for the maps: Leaflet and the plugins mapper uses.

Each :class:`Package` pins one npm package (name, version, the tarball's integrity hash,
licence) and the files taken from it; the files themselves sit in this folder under the
package's name, and ``VENDOR.md`` lists them. ``python -m mapper.render.vendor_assets``
fetches the tarballs with ``npm pack`` and writes this folder again, byte for byte.

The versions are the ones folium 0.20 links to from its CDN templates. Two changes are
made on the way in: images a stylesheet points to (``url(images/...)``) become
``data:`` URIs, so an inlined stylesheet needs no other file, and ``sourceMappingURL``
comments are dropped (the maps are not shipped).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from mapper.errors import MapperError

__all__ = ["PACKAGES", "Package", "asset_text"]


@dataclass(frozen=True)
class Package:
    """One pinned npm package and the files mapper takes from it (paths in the tarball)."""

    name: str
    version: str
    integrity: str
    licence: str
    licence_file: str
    files: tuple[str, ...]
    homepage: str

    @property
    def spec(self) -> str:
        """``name@version``, as ``npm pack`` takes it."""
        return f"{self.name}@{self.version}"

    def target(self, path: str) -> str:
        """Where a tarball file is kept, relative to this folder: ``<name>/<file name>``."""
        return f"{self.name}/{path.rsplit('/', 1)[-1]}"


PACKAGES = (
    Package(
        name="leaflet",
        version="1.9.3",
        integrity="sha512-iB2cR9vAkDOu5l3HAay2obcUHZ7xwUBBjph8+PGtmW/2lYhbLizWtG7nTeYht36WfOslixQF9D/uSIzhZgGMfQ==",
        licence="BSD-2-Clause",
        licence_file="package/LICENSE",
        files=("package/dist/leaflet.js", "package/dist/leaflet.css"),
        homepage="https://leafletjs.com/",
    ),
    Package(
        name="leaflet.heat",
        version="0.2.0",
        integrity="sha512-Cd5PbAA/rX3X3XKxfDoUGi9qp78FyhWYurFg3nsfhntcM/MCNK08pRkf4iEenO1KNqwVPKCmkyktjW3UD+h9bQ==",
        licence="BSD-2-Clause",
        licence_file="package/LICENSE",
        files=("package/dist/leaflet-heat.js",),
        homepage="https://github.com/Leaflet/Leaflet.heat",
    ),
    Package(
        name="leaflet-minimap",
        version="3.6.1",
        integrity="sha512-6px8f6cfv1rKB6ACpL6bbUFGxipZOq4KsntJgBj9nOcW1RYa5+xFp8emOZwks9X+VtVVsQEwWwfgT1kTTL/LzA==",
        licence="BSD-2-Clause",
        licence_file="package/LICENSE.txt",
        files=("package/dist/Control.MiniMap.min.js", "package/dist/Control.MiniMap.min.css"),
        homepage="https://github.com/Norkart/Leaflet-MiniMap",
    ),
)


@cache
def asset_text(path: str) -> str:
    """The text of a vendored file, by its path in this folder (``leaflet/leaflet.js``)."""
    node = files("mapper.render.vendor")
    for part in path.split("/"):
        node = node / part
    try:
        return node.read_text(encoding="utf-8")
    except OSError as err:
        raise MapperError(
            f"the vendored map asset {path} is missing ({err}); reinstall mapper, or run "
            "`python -m mapper.render.vendor_assets` in a source checkout"
        ) from err
