"""Extraction: from a document to its place mentions and incidents (``mapper extract``).

:class:`Extractor` holds the gazetteer and the name matcher (loaded once) and turns each
:class:`~mapper.read.documents.Document` into an :class:`Extraction`, whose
:meth:`~Extraction.to_dict` is the JSON object of ``../shared/contracts/extract.md``.
:func:`extract_document` is the one-call form for a text in memory.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from gazetteer import Gazetteer
from mapper.model import Incident, Mention
from mapper.read.documents import Document, document_from_text, iter_documents

__all__ = ["Extraction", "Extractor", "extract_document", "extract_paths", "to_json_line"]


@dataclass(frozen=True)
class Extraction:
    """What one document yields: its mentions and incidents."""

    document: Document
    mentions: tuple[Mention, ...]
    incidents: tuple[Incident, ...]

    def to_dict(self) -> dict[str, Any]:
        doc = self.document
        return {
            "document": {
                "id": doc.id,
                "path": doc.path,
                "language": doc.language,
                "published": doc.published,
                "title": doc.title,
            },
            "mentions": [m.to_dict() for m in self.mentions],
            "incidents": [i.to_dict() for i in self.incidents],
        }


def to_json_line(extraction: Extraction) -> str:
    """One JSON object on one line, keys in contract order (byte-stable)."""
    return json.dumps(extraction.to_dict(), ensure_ascii=False)


class Extractor:
    """Finds and resolves place mentions, then incidents, in documents."""

    def __init__(self, gazetteer: Gazetteer | None = None):
        self.gazetteer = gazetteer or Gazetteer.bundled()

    @cached_property
    def matcher(self) -> Any:
        from mapper.geoparse.matcher import Matcher

        return Matcher.for_gazetteer(self.gazetteer)

    def mentions(self, document: Document) -> list[Mention]:
        from mapper.geoparse.recognize import recognize
        from mapper.geoparse.resolve import resolve

        spans = recognize(document, self.matcher)
        return resolve(spans, self.gazetteer, document.text, document.language)

    def incidents(self, document: Document, mentions: Sequence[Mention]) -> list[Incident]:
        try:
            from mapper.incidents.extract import extract_incidents
        except ImportError:
            return []
        return extract_incidents(document, mentions)

    def extract(self, document: Document) -> Extraction:
        mentions = self.mentions(document)
        return Extraction(document, tuple(mentions), tuple(self.incidents(document, mentions)))


def extract_document(
    text: str,
    *,
    doc_id: str = "document",
    path: str | None = None,
    published: str | None = None,
    html: bool = False,
    extractor: Extractor | None = None,
) -> Extraction:
    """Mentions and incidents of one text."""
    document = document_from_text(text, doc_id=doc_id, path=path, published=published, html=html)
    return (extractor or _default_extractor()).extract(document)


def extract_paths(
    paths: Iterable[str | Path],
    *,
    published: str | None = None,
    extractor: Extractor | None = None,
    progress: Callable[[int, Document], None] | None = None,
) -> Iterator[Extraction]:
    """Extractions for files, folders and ``-`` (stdin), in input order."""
    extractor = extractor or _default_extractor()
    for number, document in enumerate(iter_documents(paths), start=1):
        if published and not document.published:
            document = _with_published(document, published)
        if progress is not None:
            progress(number, document)
        yield extractor.extract(document)


def _with_published(document: Document, published: str) -> Document:
    from dataclasses import replace

    return replace(document, published=published)


_EXTRACTOR: Extractor | None = None


def _default_extractor() -> Extractor:
    global _EXTRACTOR
    if _EXTRACTOR is None:
        _EXTRACTOR = Extractor()
    return _EXTRACTOR


def run_extract(
    paths: Sequence[str],
    *,
    fmt: str = "jsonl",
    published: str | None = None,
    keep_text: Path | None = None,
    gazetteer_files: Sequence[Path] = (),
    progress: Callable[[str], None] | None = None,
    engine: str = "local",
    workers: int | None = None,
    scheduler: str | None = None,
) -> Iterator[str]:
    """``mapper extract``: output lines for each document, in input order."""
    from mapper.geoparse.gazetteers import load_gazetteer

    if published is not None:
        _check_date(published)
    if engine == "dask":
        yield from _run_dask(
            paths, fmt, published, keep_text, gazetteer_files, progress, workers, scheduler
        )
        return
    if workers is not None or scheduler is not None:
        from mapper.errors import UsageError

        raise UsageError("--workers and --scheduler go with --engine dask")
    extractor = Extractor(load_gazetteer(gazetteer_files))
    kept = _TextFolder(keep_text) if keep_text is not None else None

    def report(number: int, document: Document) -> None:
        if progress is not None:
            progress(f"[{number}] {document.path or document.id}")

    for extraction in extract_paths(
        paths, published=published, extractor=extractor, progress=report
    ):
        if kept is not None:
            written = kept.keep(extraction.document)
            if progress is not None and written.name != f"{extraction.document.id}.txt":
                progress(f"    its text is in {written}")
        yield to_json_line(extraction) if fmt == "jsonl" else mentions_table(extraction)


class _TextFolder:
    """Writes each document's text into one folder, under a safe name no other took."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.taken: set[str] = set()

    def keep(self, document: Document) -> Path:
        from mapper.outputs import write_atomic
        from mapper.safety import safe_file_stem

        stem = safe_file_stem(document.id)
        name, number = f"{stem}.txt", 1
        while name.casefold() in self.taken:  # case-insensitive file systems too
            number += 1
            name = f"{stem}-{number}.txt"
        self.taken.add(name.casefold())
        return write_atomic(self.folder / name, document.text)


def _run_dask(
    paths: Sequence[str],
    fmt: str,
    published: str | None,
    keep_text: Path | None,
    gazetteer_files: Sequence[Path],
    progress: Callable[[str], None] | None,
    workers: int | None,
    scheduler: str | None,
) -> Iterator[str]:
    from mapper.errors import UsageError
    from mapper.tools.dask_engine import extract_lines_dask

    if fmt != "jsonl" or keep_text is not None:
        raise UsageError("--engine dask writes --format jsonl only, without --keep-text")
    yield from extract_lines_dask(
        paths,
        published=published,
        workers=workers,
        scheduler=scheduler,
        gazetteer_files=gazetteer_files,
        progress=progress,
    )


def _check_date(value: str) -> None:
    import datetime

    from mapper.errors import UsageError

    try:
        datetime.date.fromisoformat(value)
    except ValueError as err:
        raise UsageError(f"--published takes a date as YYYY-MM-DD, got {value!r}") from err


def mentions_table(extraction: Extraction) -> str:
    """A readable block per document: each mention and where it resolved."""
    lines = [f"# {extraction.document.id} ({extraction.document.language})"]
    for mention in extraction.mentions:
        place = mention.place
        where = f"{place.name} [{place.kind}, {place.country or '-'}] {place.id}" if place else "-"
        note = f"  ({mention.furniture})" if mention.furniture else ""
        lines.append(
            f"{mention.start:>6}-{mention.end:<6} {mention.text[:30]:30} p{mention.precision} "
            f"{mention.confidence:.2f}  {where}{note}"
        )
    return "\n".join(lines)
