"""mapper: turn multilingual news articles and incident records into maps, offline."""

from __future__ import annotations

from mapper.errors import (
    GazetteerDataError,
    GazetteerFileError,
    InputError,
    MapperError,
    OutputError,
    UsageError,
)

__version__ = "0.1.0"

__all__ = [
    "GazetteerDataError",
    "GazetteerFileError",
    "InputError",
    "MapperError",
    "OutputError",
    "UsageError",
    "__version__",
]
