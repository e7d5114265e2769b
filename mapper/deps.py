"""Optional dependencies: the error raised when one is missing, naming what to install.

Most of mapper runs on its required packages alone. A few outputs need more (a headless
browser for pictures of pages); those raise :class:`MissingDependencyError`, whose
message says what to install, instead of an ``ImportError`` with a traceback::

    MapperError
    └── MissingDependencyError(ImportError)   exit 1
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

from mapper.errors import MapperError

__all__ = ["MissingDependencyError", "require"]


class MissingDependencyError(MapperError, ImportError):
    """An optional package or program is not installed; the message says how to get it."""


def require(module: str, purpose: str, install: str) -> ModuleType:
    """Import ``module``, or raise :class:`MissingDependencyError` saying to run ``install``."""
    try:
        return import_module(module)
    except ImportError as err:
        raise MissingDependencyError(
            f"{purpose} needs the Python package {module.split('.')[0]!r}, which is not "
            f"installed: {install}"
        ) from err
