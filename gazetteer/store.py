"""Open the bundled gazetteer database.

The package ships ``data/gazetteer.sqlite.xz`` (xz: two thirds of gzip's size). On first
use it is decompressed once (about a second) into the cache directory (:func:`cache_dir`)
under a name that carries the content hash from ``data/manifest.json``, written atomically
so that parallel first runs are safe; later runs open the cached file read-only at once.
When no cache directory is writable the database is decompressed into memory instead.

The cache directory is ``MAPPER_CACHE_DIR`` when that is set, else the user cache directory
named ``mapper`` (``~/.cache/mapper`` on Linux, from :func:`platformdirs.user_cache_dir`).
The name is the distribution's: the gazetteer data ships in the ``mapper`` distribution,
and mapper keeps its own caches in the same folder.
"""

from __future__ import annotations

import io
import json
import lzma
import os
import shutil
import sqlite3
import tempfile
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any, BinaryIO

from gazetteer.errors import GazetteerDataError

__all__ = ["DATA", "cache_dir", "manifest", "open_bundled"]

DATA: Traversable = resources.files("gazetteer") / "data"
DATABASE = "gazetteer.sqlite.xz"
MANIFEST = "manifest.json"
#: What to do when the bundled data is missing or damaged.
REINSTALL = "reinstall the `mapper` distribution, which ships the gazetteer data"


def manifest() -> dict[str, Any]:
    """Build metadata: sources, versions, counts, and the database content hash."""
    try:
        data: dict[str, Any] = json.loads((DATA / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise GazetteerDataError(
            f"the bundled gazetteer manifest is missing or damaged ({err}); "
            f"{REINSTALL}, or rebuild the data with `python -m gazetteer.build`"
        ) from err
    return data


def cache_dir() -> Path:
    """Where the decompressed database is kept: ``MAPPER_CACHE_DIR``, else the user cache
    directory named ``mapper`` (the distribution that ships the data)."""
    configured = os.environ.get("MAPPER_CACHE_DIR")
    if configured:
        return Path(configured)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("mapper", appauthor=False))


def open_bundled() -> sqlite3.Connection:
    """A read-only connection to the bundled gazetteer."""
    digest = manifest()["sqlite_sha256"][:16]
    target = cache_dir() / f"gazetteer-{digest}.sqlite"
    if not target.exists():
        try:
            _decompress_to(target)
        except OSError:
            return _in_memory()
    return _connect_readonly(target)


def _decompress_to(target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".gazetteer-", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            _copy_decompressed(out)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _copy_decompressed(out: BinaryIO) -> None:
    try:
        with (DATA / DATABASE).open("rb") as raw, lzma.LZMAFile(raw) as src:
            shutil.copyfileobj(src, out, length=1 << 20)
    except FileNotFoundError as err:
        raise GazetteerDataError(
            f"the bundled gazetteer database is missing ({err}); {REINSTALL}"
        ) from err
    except (EOFError, lzma.LZMAError) as err:
        raise GazetteerDataError(
            f"the bundled gazetteer database is damaged ({err}); {REINSTALL}"
        ) from err


def _in_memory() -> sqlite3.Connection:
    buffer = io.BytesIO()
    _copy_decompressed(buffer)
    payload = buffer.getvalue()
    db = sqlite3.connect(":memory:", check_same_thread=False)
    db.deserialize(payload)
    return db


def _connect_readonly(path: Path) -> sqlite3.Connection:
    try:
        db = sqlite3.connect(
            f"{path.as_uri()}?mode=ro&immutable=1", uri=True, check_same_thread=False
        )
        db.execute("SELECT 1 FROM meta LIMIT 1")
    except sqlite3.DatabaseError as err:
        path.unlink(missing_ok=True)
        raise GazetteerDataError(
            f"the cached gazetteer {path} was damaged and has been removed; try again: the "
            "next open decompresses a fresh copy"
        ) from err
    return db
