"""The one line each command prints when it is done: what it wrote, and what it read.

``wrote output/map.html (1,139 kB): 34 incidents, 2 without a place; read 1 record file
(40 rows: 37 mapped, 3 rejected, see output/map.rejects.csv) and 9 articles``
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["Written", "count"]


def count(number: int, noun: str) -> str:
    """``1 incident``, ``2 incidents``, ``1,000 incidents``."""
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


@dataclass(frozen=True)
class Written:
    """What a command wrote and read. ``outputs`` is empty when nothing was written."""

    outputs: tuple[Path, ...]
    incidents: int
    unplaced: int = 0
    record_files: int = 0
    record_rows: int = 0
    rejected: int = 0
    rejects_path: Path | None = None
    articles: int = 0

    def message(self) -> str:
        """The summary line."""
        done = f"{count(self.incidents, 'incident')}"
        if self.unplaced:
            done += f", {self.unplaced:,} without a place"
        if not self.outputs:
            return f"wrote nothing: {done}; {self._read()}"
        return f"wrote {self._outputs()}: {done}; {self._read()}"

    def _outputs(self) -> str:
        names = [f"{path} ({_size(path)})" for path in self.outputs]
        return " and ".join(names)

    def _read(self) -> str:
        parts = []
        if self.record_files:
            rows = f"{count(self.record_rows, 'row')}: {self.record_rows - self.rejected:,} mapped"
            if self.rejected:
                see = f", see {self.rejects_path}" if self.rejects_path else ""
                rows += f", {self.rejected:,} rejected{see}"
            parts.append(f"{count(self.record_files, 'record file')} ({rows})")
        if self.articles:
            parts.append(count(self.articles, "article"))
        return "read " + (" and ".join(parts) or "nothing")


def _size(path: Path) -> str:
    try:
        size = path.stat().st_size
    except OSError:
        return "?"
    return f"{size / 1000:,.0f} kB" if size >= 1000 else f"{size} bytes"
