"""The pipeline: documents → mentions → places → incidents, and records joined to them.

:class:`Extractor` holds the gazetteer and its name matcher (loaded once) and turns each
:class:`~mapper.model.Document` into an :class:`~mapper.model.Extraction`, whose
``to_dict`` is the JSON object of ``../shared/contracts/extract.md``.
:func:`extract_document` is the one-call form for a text in memory, :func:`extract_paths`
the form for files, folders and standard input.

:func:`run_pipeline` reads a mix of inputs: record files (by their ending, see
:func:`split_inputs`) through :func:`mapper.records.rows.read_records`, everything else
through the extractor; it merges incidents told several times and joins them to the
records that report the same event (:func:`mapper.incidents.merge.join_incidents`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from gazetteer import Gazetteer
from mapper.model import Document, Extraction, Incident, Mention, PipelineResult, Reject
from mapper.progress import Progress, Quiet
from mapper.read.documents import (
    STDIN,
    document_from_text,
    document_total,
    expand_paths,
    iter_documents,
)

if TYPE_CHECKING:
    from mapper.geoparse.matcher import Matcher

__all__ = [
    "Extraction",
    "Extractor",
    "PipelineResult",
    "extract_document",
    "extract_paths",
    "is_record_file",
    "run_pipeline",
    "split_inputs",
    "to_json_line",
]


class Extractor:
    """Finds and resolves place mentions, then incidents, in documents."""

    def __init__(self, gazetteer: Gazetteer | None = None):
        self.gazetteer = gazetteer or Gazetteer.bundled()

    @cached_property
    def matcher(self) -> Matcher:
        from mapper.geoparse.matcher import Matcher

        return Matcher.for_gazetteer(self.gazetteer)

    def mentions(self, document: Document) -> list[Mention]:
        from mapper.geoparse.recognize import recognize
        from mapper.geoparse.resolve import resolve

        spans = recognize(document, self.matcher)
        return resolve(spans, self.gazetteer, document.text, document.language)

    def incidents(self, document: Document, mentions: Sequence[Mention]) -> list[Incident]:
        from mapper.incidents import extract_incidents

        return extract_incidents(document, mentions)

    def extract(self, document: Document) -> Extraction:
        mentions = self.mentions(document)
        return Extraction(document, tuple(mentions), tuple(self.incidents(document, mentions)))


def to_json_line(extraction: Extraction) -> str:
    """One JSON object on one line, keys in contract order (byte-stable)."""
    return json.dumps(extraction.to_dict(), ensure_ascii=False)


def extract_document(
    text: str,
    *,
    doc_id: str = "document",
    path: str | None = None,
    published: str | None = None,
    html: bool = False,
    language: str | None = None,
    extractor: Extractor | None = None,
) -> Extraction:
    """Mentions and incidents of one text (``language``, ISO 639-1, skips detection)."""
    document = document_from_text(
        text, doc_id=doc_id, path=path, published=published, html=html, language=language
    )
    return (extractor or default_extractor()).extract(document)


def extract_paths(
    paths: Iterable[str | Path],
    *,
    published: str | None = None,
    extractor: Extractor | None = None,
    progress: Callable[[int, Document], None] | None = None,
) -> Iterator[Extraction]:
    """Extractions for files, folders and ``-`` (stdin), in input order.

    ``published`` stands in for the publication date of documents that give none.
    """
    extractor = extractor or default_extractor()
    for number, document in enumerate(iter_documents(paths), start=1):
        if published and not document.published:
            document = replace(document, published=published)
        if progress is not None:
            progress(number, document)
        yield extractor.extract(document)


_EXTRACTOR: Extractor | None = None


def default_extractor() -> Extractor:
    """The extractor over the bundled gazetteer, made on first use and kept."""
    global _EXTRACTOR
    if _EXTRACTOR is None:
        _EXTRACTOR = Extractor()
    return _EXTRACTOR


# -- a mix of record files and articles ------------------------------------------------------


def is_record_file(path: str | Path) -> bool:
    """True for an incident records file (CSV, GeoJSON, GeoPackage; a spreadsheet, which
    is refused with advice) by its ending; a CSV of articles (a ``text`` or ``html``
    column, see :mod:`mapper.read.tables`) is not one."""
    from mapper.read.tables import is_article_table
    from mapper.records.formats import RECORD_SUFFIXES, SHEET_SUFFIXES

    return (
        str(path) != STDIN
        and not Path(path).is_dir()
        and Path(path).suffix.lower() in RECORD_SUFFIXES | SHEET_SUFFIXES
        and not is_article_table(path)
    )


def split_inputs(inputs: Sequence[str | Path]) -> tuple[list[Path], list[str]]:
    """The record files and the article inputs (files, folders, ``-``) among ``inputs``."""
    records = [Path(p) for p in inputs if is_record_file(p)]
    articles = [str(p) for p in inputs if not is_record_file(p)]
    return records, articles


def run_pipeline(
    inputs: Sequence[str | Path],
    *,
    published: str | None = None,
    gazetteer: Gazetteer | None = None,
    progress: Progress | None = None,
) -> PipelineResult:
    """Read every input, extract and geocode, and merge the incidents.

    ``published`` stands in for the publication date of articles that give none.
    """
    from mapper.incidents import join_incidents
    from mapper.records.rows import read_records

    progress = progress or Quiet()
    gazetteer = gazetteer or Gazetteer.bundled()
    records, articles = split_inputs(inputs)
    incidents: list[Incident] = []
    rejects: list[Reject] = []
    rows = 0
    if records:
        progress.stage("record files", len(records))
    for path in records:
        result = read_records(path, gazetteer=gazetteer)
        incidents += result.incidents
        rejects += result.rejects
        rows += result.rows
        progress.step()
    extractions = []
    extracted: list[Incident] = []
    if articles:
        documents = list(expand_paths(articles))
        progress.stage("articles", document_total(documents))
        extractor = Extractor(gazetteer)
        for extraction in extract_paths(documents, published=published, extractor=extractor):
            extractions.append(extraction)
            extracted += extraction.incidents
            progress.step()
    progress.close()
    merged = join_incidents(incidents, extracted)
    return PipelineResult(tuple(merged), tuple(extractions), tuple(rejects), len(records), rows)
