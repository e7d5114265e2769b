"""Articles with their metadata in one file: JSON Lines, or CSV with the same columns.

Each line of a ``.jsonl``/``.ndjson`` file, or each row of a CSV whose header has a
``text`` or ``html`` column, is one article — the usual export shape of news corpora::

    {"id": "a1", "text": "…", "url": "https://…", "published": "2022-01-27",
     "title": "…", "language": "id"}

``text`` (plain text) or ``html`` (a page, read as :mod:`mapper.read.html_text` reads one)
is required; everything else is optional. ``id`` defaults to ``<file stem>#<line>``;
``published`` may be a date or a date-time (its date is kept); ``language`` (ISO 639-1)
skips detection. Each article keeps its own publication date and source address, so a
batch of articles is read as the articles themselves would be.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mapper.errors import InputError

__all__ = ["JSONL_SUFFIXES", "ArticleRow", "is_article_table", "read_article_table"]

#: File endings of article tables in JSON Lines.
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
#: Columns (or keys) that hold an article's text; a CSV with one of them is an article table.
TEXT_COLUMNS = ("text", "html")
_HEADER_BYTES = 64 * 1024


@dataclass(frozen=True)
class ArticleRow:
    """One article of a table: its text (or HTML page) and metadata, and where it is."""

    id: str
    text: str
    html: bool
    path: str
    url: str | None = None
    published: str | None = None
    title: str | None = None
    language: str | None = None


def is_article_table(path: str | Path) -> bool:
    """True for a JSON Lines file, or a CSV file whose header names a ``text`` or ``html``
    column (a records file has place and date columns, not the article's text)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return True
    if suffix != ".csv" or not path.is_file():
        return False
    try:
        with path.open("rb") as handle:
            head = handle.read(_HEADER_BYTES)
    except OSError:
        return False
    if b"\x00" in head:
        return False
    first = head.decode("utf-8", errors="replace").lstrip("\ufeff").splitlines()[:1]
    try:
        header = next(csv.reader(first), [])
    except csv.Error:
        return False
    return any(name.strip().lower() in TEXT_COLUMNS for name in header)


def read_article_table(path: str | Path) -> Iterator[ArticleRow]:
    """The articles of one table file, in file order."""
    path = Path(path)
    try:
        data = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError("is not UTF-8 text; save it as UTF-8", path=path) from err
    except OSError as err:
        raise InputError(f"cannot read file ({err.strerror})", path=path) from err
    rows = _jsonl_rows(data, path) if path.suffix.lower() in JSONL_SUFFIXES else _csv_rows(data)
    found = False
    for line, row in rows:
        found = True
        yield _article(row, path, line)
    if not found:
        raise InputError("holds no article; give one article per line", path=path)


def _jsonl_rows(data: str, path: Path) -> Iterator[tuple[int, Mapping[str, Any]]]:
    for line, text in enumerate(data.splitlines(), start=1):
        if not text.strip():
            continue
        try:
            row = json.loads(text)
        except json.JSONDecodeError as err:
            raise InputError(
                f"is not a JSON object ({err.msg}); give one article per line", path=path, line=line
            ) from err
        if not isinstance(row, dict):
            raise InputError(
                "is not a JSON object; give one article per line", path=path, line=line
            )
        yield line, row


def _csv_rows(data: str) -> Iterator[tuple[int, Mapping[str, Any]]]:
    reader = csv.DictReader(io.StringIO(data, newline=""))
    for row in reader:
        fields = {str(k).strip().lower(): v for k, v in row.items() if k is not None}
        yield reader.line_num, fields


def _article(row: Mapping[str, Any], path: Path, line: int) -> ArticleRow:
    text, html = _text(row.get("text")), _text(row.get("html"))
    if not (text or html).strip():
        raise InputError("has no text or html; every article needs its text", path=path, line=line)
    return ArticleRow(
        id=_text(row.get("id")) or f"{path.stem}#{line}",
        text=html or text,
        html=bool(html),
        path=f"{path}:{line}",
        url=_text(row.get("url")) or None,
        published=_text(row.get("published"))[:10] or None,
        title=_text(row.get("title")) or None,
        language=_text(row.get("language")) or None,
    )


def _text(value: Any) -> str:
    return "" if value is None else str(value)
