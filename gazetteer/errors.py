"""Errors the gazetteer raises on purpose.

Every one derives from :class:`GazetteerError`, and each subclass also inherits the
built-in exception that fits it, so callers may catch either::

    GazetteerError                      root: catch this to catch every gazetteer error
    ├── QueryError(ValueError)          a lookup was given bad arguments: an empty, overlong
    │                                   or unprintable name, a country that is not an ISO
    │                                   alpha-2 code, an unknown kind, a limit below 1, or a
    │                                   ``near`` that names no known place
    ├── GazetteerFileError(ValueError)  a user gazetteer file (CSV or GeoNames dump) is
    │                                   malformed; knows ``path``, ``line`` and ``reason``
    └── GazetteerDataError              the bundled data is missing or damaged

Messages say what is wrong and what to do, and name the parameter at fault as the Python
caller spells it (``country``, ``near``, ``limit``, ``kinds``, ``name``). Underlying errors
are chained with ``raise ... from err``.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["GazetteerDataError", "GazetteerError", "GazetteerFileError", "QueryError"]


class GazetteerError(Exception):
    """Root of every error the gazetteer raises on purpose."""


class QueryError(GazetteerError, ValueError):
    """A lookup was given bad arguments: the message names the parameter and the fix."""


class GazetteerFileError(GazetteerError, ValueError):
    """A user gazetteer file is malformed. Knows the file and the line when it has them.

    ``str(error)`` reads ``path:line: reason`` (``path: reason`` without a line); the parts
    are kept as :attr:`path`, :attr:`line` and :attr:`reason`.
    """

    def __init__(
        self, message: str, *, path: str | Path | None = None, line: int | None = None
    ) -> None:
        self.path = str(path) if path is not None else None
        self.line = line
        self.reason = message
        where = ""
        if self.path is not None:
            where = f"{self.path}:{line}: " if line is not None else f"{self.path}: "
        super().__init__(f"{where}{message}")


class GazetteerDataError(GazetteerError):
    """The bundled gazetteer data is missing or damaged (reinstall it, or rebuild it)."""
