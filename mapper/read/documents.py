"""Documents: the articles mapper reads, with their language and site furniture.

:func:`read_document` reads one file, :func:`iter_documents` reads files, folders
and standard input in order, and :func:`document_from_text` builds a
:class:`Document` from text already in memory.

Files are read as UTF-8. A leading byte order mark is removed; nothing else is
changed, line endings included, so character offsets into ``Document.text`` are
offsets into the file's text. An HTML page that is not UTF-8 may declare its
encoding (``<meta charset>``) and is then decoded with it. For HTML the text is
the page's readable text (see :mod:`mapper.read.html_text`). A file that is missing,
empty, binary or undecodable raises :class:`~mapper.errors.InputError`.
"""

from __future__ import annotations

import codecs
import os
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from mapper.errors import InputError, UsageError
from mapper.model import Document, FurnitureSpan
from mapper.read.furniture import find_furniture
from mapper.read.html_text import declared_encoding, html_to_text, looks_like_html
from mapper.read.language import SAMPLE_CHARS, UNDETERMINED, detect_language
from mapper.read.tables import (
    JSONL_SUFFIXES,
    ArticleRow,
    is_article_table,
    read_article_table,
)

__all__ = [
    "HTML_SUFFIXES",
    "STDIN",
    "TEXT_SUFFIXES",
    "Document",
    "document_from_text",
    "document_total",
    "expand_paths",
    "iter_documents",
    "read_document",
    "read_stdin",
]

#: File name endings read as plain text.
TEXT_SUFFIXES = frozenset({".txt"})

#: File name endings read as HTML.
HTML_SUFFIXES = frozenset({".html", ".htm"})

#: The path that stands for standard input.
STDIN = "-"

#: The longest first line taken for the title of a plain-text article.
MAX_TITLE = 200

_BOM = "\ufeff"
#: A date stamp some stored copies of news pages open with (``date 2022-07-04 …``): the
#: page's publication date, and no part of the article.
_DATE_STAMP = re.compile(r"\s*date (\d{4}-\d{2}-\d{2})(?=\s)")
_LANGUAGE_CODE = re.compile(r"^(?:[a-z]{2,3}|und)$")


def document_from_text(
    text: str,
    *,
    doc_id: str,
    path: str | None = None,
    published: str | None = None,
    html: bool = False,
    language: str | None = None,
) -> Document:
    """Build a :class:`Document` from ``text`` (HTML markup when ``html`` is true).

    ``language`` (ISO 639-1) skips detection; ``published`` overrides the date an
    HTML page declares.
    """
    if language is not None and not _LANGUAGE_CODE.match(language):
        raise UsageError(f"language must be an ISO 639-1 code such as 'id', got {language!r}")
    title = url = None
    if html:
        page = html_to_text(text)
        text, title, url = page.text, page.title, page.url
        published = published or page.published
    stamp = _DATE_STAMP.match(text)
    if language is None:
        language = detect_language(_body_sample(text))
    furniture = find_furniture(text, language)
    if stamp is not None:
        published = published or stamp.group(1)
        furniture = (FurnitureSpan(stamp.start(1) - 5, stamp.end(1), "dateline"), *furniture)
    if not html:
        title = _first_line_title(text, furniture)
    return Document(
        id=doc_id,
        path=path,
        text=text,
        language=language,
        published=published,
        title=title,
        furniture=furniture,
        url=url,
    )


def read_document(path: str | Path) -> Document:
    """Read one article file: ``.txt`` as text, ``.html``/``.htm`` as HTML.

    A file with any other ending is read as text unless it starts like an HTML page.
    """
    path = Path(path)
    data = _read_bytes(path)
    suffix = path.suffix.lower()
    html = suffix in HTML_SUFFIXES
    text = _decode(data, path, html=html)
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
        html = looks_like_html(text)
    return _build(text, doc_id=path.stem, path=str(path), html=html)


def iter_documents(paths: Iterable[str | Path]) -> Iterator[Document]:
    """Yield the documents at ``paths`` in order.

    A path may be a file, a folder (every ``.txt``, ``.html``, ``.htm``, ``.jsonl`` and
    ``.ndjson`` file in it and its subfolders, sorted by their path inside the folder;
    hidden files and folders are skipped) or ``"-"`` for standard input. A table of
    articles (JSON Lines, or a CSV with a ``text`` or ``html`` column; see
    :mod:`mapper.read.tables`) gives one document per line.
    """
    for path in expand_paths(paths):
        if path == STDIN:
            yield _read_stdin()
        elif is_article_table(path):
            yield from (_from_row(row) for row in read_article_table(path))
        else:
            yield read_document(path)


def expand_paths(paths: Iterable[str | Path]) -> Iterator[str]:
    """The article files at ``paths``, in reading order; ``"-"`` stays as it is."""
    for path in paths:
        if str(path) == STDIN:
            yield STDIN
        elif Path(path).is_dir():
            yield from (str(file) for file in _folder_files(Path(path)))
        else:
            yield str(path)


def _from_row(row: ArticleRow) -> Document:
    """The document of one article of a table, with the table's metadata."""
    document = document_from_text(
        row.text,
        doc_id=row.id,
        path=row.path,
        published=row.published,
        html=row.html,
        language=row.language,
    )
    return replace(document, title=row.title or document.title, url=row.url or document.url)


def document_total(files: Sequence[str]) -> int | None:
    """How many documents ``files`` (from :func:`expand_paths`) hold; ``None`` when a table
    of articles is among them (its lines are not counted ahead)."""
    if any(path != STDIN and is_article_table(path) for path in files):
        return None
    return len(files)


def _build(text: str, *, doc_id: str, path: str | None, html: bool) -> Document:
    document = document_from_text(text, doc_id=doc_id, path=path, html=html)
    if not document.text.strip():
        raise InputError(
            "has no readable text; give mapper an article with text in it", path=path or STDIN
        )
    return document


def read_stdin() -> Document:
    """The article on standard input."""
    return _read_stdin()


def _read_stdin() -> Document:
    stream = sys.stdin
    if stream is None:
        raise InputError("standard input is closed; pass article files instead", path=STDIN)
    buffer = getattr(stream, "buffer", None)
    data = buffer.read() if buffer is not None else stream.read().encode("utf-8")
    text = _decode(data, STDIN, html=False)
    return _build(text, doc_id="stdin", path=None, html=looks_like_html(text))


def _folder_files(folder: Path) -> list[Path]:
    suffixes = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
    found = []
    for root, dirs, files in os.walk(folder, onerror=_raise_walk_error):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        found += [
            Path(root, name)
            for name in files
            if not name.startswith(".") and Path(name).suffix.lower() in suffixes
        ]
    if not found:
        raise InputError(
            "folder holds no .txt, .html, .htm or .jsonl files; point mapper at the articles",
            path=folder,
        )
    return sorted(found, key=lambda file: file.relative_to(folder).parts)


def _raise_walk_error(error: OSError) -> None:
    raise InputError(f"cannot read folder ({error.strerror})", path=error.filename) from error


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError as error:
        raise InputError("no such file or folder; check the path", path=path) from error
    except IsADirectoryError as error:
        raise InputError("is a folder; pass it to iter_documents", path=path) from error
    except OSError as error:
        raise InputError(f"cannot read file ({error.strerror})", path=path) from error


def _decode(data: bytes, path: str | Path, *, html: bool) -> str:
    """UTF-8 text of ``data``, leading BOM removed; HTML may fall back to its declared encoding."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError("is UTF-16 text; save it as UTF-8", path=path)
    if b"\x00" in data:
        raise InputError(
            "looks like a binary file (it holds NUL bytes); give mapper UTF-8 text or HTML",
            path=path,
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        declared = _decode_declared(data, error, path) if html else None
        if declared is None:
            raise _not_utf8(data, error, path) from error
        text = declared
    text = text.removeprefix(_BOM)
    if not text.strip():
        raise InputError("is empty; give mapper a file with article text", path=path)
    return text


def _decode_declared(data: bytes, error: UnicodeDecodeError, path: str | Path) -> str | None:
    encoding = declared_encoding(data)
    if encoding is None:
        return None
    try:
        codecs.lookup(encoding)
        return data.decode(encoding)
    except (LookupError, UnicodeDecodeError) as declared_error:
        raise _not_utf8(data, error, path, declared=encoding) from declared_error


def _not_utf8(
    data: bytes, error: UnicodeDecodeError, path: str | Path, declared: str | None = None
) -> InputError:
    line = data[: error.start].count(b"\n") + 1
    also = f" nor the {declared} it declares" if declared else ""
    return InputError(
        f"is not UTF-8 text{also} (byte 0x{data[error.start]:02x} at offset {error.start}); "
        "save it as UTF-8",
        path=path,
        line=line,
    )


def _body_sample(text: str) -> str:
    """Up to SAMPLE_CHARS of text outside the furniture any language's cues find."""
    head = text[: SAMPLE_CHARS * 4]
    furniture = find_furniture(head, UNDETERMINED)
    parts = []
    position = 0
    for span in furniture:
        parts.append(head[position : span.start])
        position = span.end
    parts.append(head[position:])
    return "\n".join(parts)[: SAMPLE_CHARS * 2]


def _first_line_title(text: str, furniture: tuple[FurnitureSpan, ...]) -> str | None:
    """The first line of a plain-text article when it reads like a headline."""
    stripped = text.lstrip()
    start = len(text) - len(stripped)
    line = stripped.split("\n", 1)[0].strip()
    if not line or len(line) > MAX_TITLE or line.endswith((".", ":", ";", ",")):
        return None
    if any(span.start <= start < span.end for span in furniture):
        return None
    return line
