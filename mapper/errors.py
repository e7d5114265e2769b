"""Errors raised by mapper and its gazetteer.

Every error mapper itself raises on purpose derives from :class:`MapperError`, and each
subclass also inherits the built-in exception that fits it, so callers may catch
either. Each carries the exit code the command line uses for it::

    MapperError                      exit 1   root of mapper's own errors
    ├── UsageError(ValueError)       exit 2   a command or call was given wrong arguments
    ├── InputError(ValueError)       exit 1   an input file or text cannot be used
    └── OutputError(OSError)         exit 1   an output cannot be written

The gazetteer package raises its own errors (:mod:`gazetteer.errors`), which mapper lets
through and the command line maps with :func:`exit_code`::

    gazetteer.GazetteerError                   exit 1
    ├── QueryError(ValueError)                 exit 2   bad arguments to a lookup
    ├── GazetteerFileError(ValueError)         exit 1   a user gazetteer file is malformed
    └── GazetteerDataError                     exit 1   the bundled gazetteer is damaged

``GazetteerFileError`` and ``GazetteerDataError`` are re-exported here unchanged. To catch
every error on purpose, catch ``(MapperError, GazetteerError)``.

Messages say what went wrong, where (file and line when known) and what to do.
Underlying errors are chained with ``raise ... from err``.
"""

from __future__ import annotations

from pathlib import Path

from gazetteer.errors import GazetteerDataError, GazetteerError, GazetteerFileError, QueryError

__all__ = [
    "GazetteerDataError",
    "GazetteerFileError",
    "InputError",
    "MapperError",
    "OutputError",
    "UsageError",
    "exit_code",
]


class MapperError(Exception):
    """Root of every error mapper raises on purpose."""

    exit_code = 1


class UsageError(MapperError, ValueError):
    """Wrong arguments: an empty name, an unknown option value, a bad country code.

    ``options`` names the parameters the message speaks of, as a Python caller spells
    them (``published``); the command line shows its flags instead (``--published``).
    """

    exit_code = 2

    def __init__(self, message: str, *, options: tuple[str, ...] = ()) -> None:
        self.options = options
        super().__init__(message)


class InputError(MapperError, ValueError):
    """An input cannot be used. Knows the file and line when it has them."""

    def __init__(self, message: str, *, path: str | Path | None = None, line: int | None = None):
        self.path = str(path) if path is not None else None
        self.line = line
        self.reason = message
        where = ""
        if self.path is not None:
            where = f"{self.path}:{line}: " if line is not None else f"{self.path}: "
        super().__init__(f"{where}{message}")


class OutputError(MapperError, OSError):
    """An output file cannot be written."""


def exit_code(err: MapperError | GazetteerError) -> int:
    """The command line's exit code for an error: 2 for misuse, 1 for the rest."""
    if isinstance(err, MapperError):
        return err.exit_code
    return 2 if isinstance(err, QueryError) else 1
