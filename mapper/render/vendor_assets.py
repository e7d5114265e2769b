"""Fetch the vendored map assets in ``mapper/render/vendor/`` again from the npm registry.

    python -m mapper.render.vendor_assets            # write mapper/vendor/ again
    python -m mapper.render.vendor_assets --check    # exit 1 when mapper/vendor/ differs

Each package of :data:`mapper.render.vendor.PACKAGES` is fetched with ``npm pack NAME@VERSION``
(the ordinary npm client, with its own registry settings), the tarball is checked
against the pinned integrity hash, and the listed files are taken from it: stylesheets
with their images as ``data:`` URIs, scripts without their ``sourceMappingURL`` line.
The result is the same bytes on every run, and ``VENDOR.md`` is written from the same
table, so the folder and its record cannot drift apart.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import posixpath
import re
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from mapper.errors import InputError
from mapper.render.vendor import PACKAGES, Package

__all__ = ["main", "vendor_files"]

VENDOR = Path(__file__).resolve().parent / "vendor"
MEDIA_TYPES = {".png": "image/png", ".svg": "image/svg+xml", ".gif": "image/gif"}
CSS_URL = re.compile(r"url\((['\"]?)(images/[^'\")]+)\1\)")
SOURCE_MAP = re.compile(r"^//# sourceMappingURL=.*$\n?", re.MULTILINE)
#: Text that would end or confuse an inline <script> or <style> element.
UNSAFE_INLINE = re.compile(r"</script|</style|<!--", re.IGNORECASE)


def fetch(package: Package, folder: Path) -> dict[str, bytes]:
    """The members of the package's tarball, fetched with ``npm pack`` and verified."""
    try:
        done = subprocess.run(
            ["npm", "pack", package.spec, "--silent", "--pack-destination", str(folder)],
            check=True,
            capture_output=True,
            text=True,
            timeout=300,
        )
    except (OSError, subprocess.SubprocessError) as err:
        raise InputError(f"npm pack {package.spec} failed ({err})") from err
    tarball = folder / done.stdout.strip().splitlines()[-1]
    data = tarball.read_bytes()
    digest = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")
    if digest != package.integrity:
        raise InputError(f"{package.spec}: integrity {digest} differs from the pinned one")
    with tarfile.open(tarball, "r:gz") as archive:
        return {
            member.name: archive.extractfile(member).read()  # type: ignore[union-attr]
            for member in archive.getmembers()
            if member.isfile()
        }


def vendor_files(package: Package, members: Mapping[str, bytes]) -> dict[str, bytes]:
    """The files kept for ``package``: path in ``mapper/render/vendor/`` → bytes."""
    out = {f"{package.name}/LICENSE": members[package.licence_file]}
    for path in package.files:
        text = members[path].decode("utf-8")
        if path.endswith(".css"):
            text = inline_images(text, posixpath.dirname(path), members)
        else:
            text = SOURCE_MAP.sub("", text)
        unsafe = UNSAFE_INLINE.search(text)
        if unsafe:
            raise InputError(f"{package.spec} {path} cannot be inlined: it has {unsafe[0]!r}")
        out[package.target(path)] = text.encode("utf-8")
    return out


def inline_images(css: str, folder: str, members: Mapping[str, bytes]) -> str:
    """``url(images/x.png)`` → ``url("data:image/png;base64,...")``."""

    def data_uri(match: re.Match[str]) -> str:
        path = posixpath.normpath(posixpath.join(folder, match.group(2)))
        media = MEDIA_TYPES[posixpath.splitext(path)[1]]
        encoded = base64.b64encode(members[path]).decode("ascii")
        return f'url("data:{media};base64,{encoded}")'

    return CSS_URL.sub(data_uri, css)


def vendor_md(packages: Sequence[Package]) -> str:
    """The text of ``VENDOR.md``."""
    lines = [
        "# Vendored map assets",
        "",
        "Inlined into every map `mapper map` writes, so the file needs no network.",
        "Written by `python -m mapper.render.vendor_assets` from the npm registry (`npm pack`);",
        "do not edit by hand. The versions are the ones folium 0.20 links to.",
        "",
        "Changes made: stylesheet images (`url(images/...)`) are inlined as `data:` URIs;",
        "`//# sourceMappingURL=` lines are removed. Nothing else is changed.",
        "",
        "| package | version | licence | files | integrity |",
        "|---|---|---|---|---|",
    ]
    for p in packages:
        kept = ", ".join(f"`{p.target(f)}`" for f in p.files)
        lines.append(
            f"| [{p.name}]({p.homepage}) | {p.version} | {p.licence} (`{p.name}/LICENSE`) "
            f"| {kept} | `{p.integrity}` |"
        )
    lines += [
        "",
        "leaflet.heat's package.json names no licence; its LICENSE file is the BSD 2-clause",
        "text. folium links to its own copy of the same plugin; this is the npm release.",
        "",
    ]
    return "\n".join(lines)


def build(packages: Sequence[Package] = PACKAGES) -> dict[str, bytes]:
    """Every file of ``mapper/render/vendor/`` that this script writes: path → bytes."""
    out: dict[str, bytes] = {"VENDOR.md": vendor_md(packages).encode("utf-8")}
    with tempfile.TemporaryDirectory(prefix="mapper-vendor-") as tmp:
        for package in packages:
            out.update(vendor_files(package, fetch(package, Path(tmp))))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m mapper.render.vendor_assets", description=__doc__
    )
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    parser.add_argument("--dest", type=Path, default=VENDOR, help="the folder to write")
    args = parser.parse_args(argv)
    wanted = build()
    if args.check:
        stale = [p for p, data in wanted.items() if _read(args.dest / p) != data]
        for path in stale:
            print(f"differs: {path}", file=sys.stderr)
        return 1 if stale else 0
    for path, data in wanted.items():
        target = args.dest / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        print(target)
    return 0


def _read(path: Path) -> bytes | None:
    return path.read_bytes() if path.is_file() else None


if __name__ == "__main__":
    sys.exit(main())
