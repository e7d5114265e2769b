"""The whole pipeline on a mix of inputs: articles and record files → merged incidents.

:func:`run_pipeline` sends record files (by their ending) through
:func:`mapper.records.rows.read_records` and everything else (text and HTML files, folders,
``-``) through :func:`mapper.extract.extract_paths`, then merges incidents told several
times — in one article or across articles — and joins them to the records that report
the same event (:func:`mapper.incidents.extract.join_incidents`). It keeps what a report needs to
account for every input: the extractions (mentions placed approximately or left
unresolved) and the rejected record rows with their reasons.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from gazetteer import Gazetteer
from mapper.extract import Extraction
from mapper.model import Incident, Mention
from mapper.records.formats import RECORD_SUFFIXES, Reject

__all__ = ["PipelineResult", "is_record_file", "run_pipeline"]


@dataclass(frozen=True)
class PipelineResult:
    """Merged incidents, and everything read on the way."""

    incidents: tuple[Incident, ...]
    extractions: tuple[Extraction, ...]
    rejects: tuple[Reject, ...]
    record_files: int
    record_rows: int

    @property
    def articles(self) -> int:
        return len(self.extractions)

    def approximate(self) -> list[tuple[Extraction, Mention]]:
        """Article mentions placed at a containing unit (precision 2 or 3)."""
        return [
            (e, m)
            for e in self.extractions
            for m in e.mentions
            if m.place is not None and m.precision > 1 and m.is_article_place
        ]

    def unresolved(self) -> list[tuple[Extraction, Mention]]:
        """Article mentions no place could be chosen for."""
        return [
            (e, m)
            for e in self.extractions
            for m in e.mentions
            if m.place is None and m.is_article_place
        ]


def is_record_file(path: str | Path) -> bool:
    """True for an incident records file (CSV, GeoJSON, GeoPackage) by its ending."""
    return (
        str(path) != "-"
        and not Path(path).is_dir()
        and Path(path).suffix.lower() in RECORD_SUFFIXES
    )


def run_pipeline(
    inputs: Sequence[str | Path],
    *,
    published: str | None = None,
    gazetteer: Gazetteer | None = None,
    progress: Callable[[str], None] | None = None,
) -> PipelineResult:
    """Read every input, extract and geocode, and merge the incidents."""
    from mapper.extract import Extractor, extract_paths
    from mapper.incidents.extract import join_incidents
    from mapper.records.rows import read_records

    gazetteer = gazetteer or Gazetteer.bundled()
    incidents: list[Incident] = []
    extracted: list[Incident] = []
    rejects: list[Reject] = []
    rows = 0
    records = [p for p in inputs if is_record_file(p)]
    for path in records:
        result = read_records(path, gazetteer=gazetteer)
        incidents += result.incidents
        rejects += result.rejects
        rows += result.rows
        _say(
            progress,
            f"{path}: {result.rows} rows, {len(result.incidents)} incidents, "
            f"{len(result.rejects)} rejected",
        )
    articles = [p for p in inputs if not is_record_file(p)]
    extractions = []
    if articles:
        extractor = Extractor(gazetteer)
        for number, extraction in enumerate(
            extract_paths(articles, published=published, extractor=extractor), start=1
        ):
            extractions.append(extraction)
            extracted += extraction.incidents
            doc = extraction.document
            _say(
                progress, f"[{number}] {doc.path or doc.id}: {len(extraction.incidents)} incidents"
            )
    merged = join_incidents(incidents, extracted)
    return PipelineResult(tuple(merged), tuple(extractions), tuple(rejects), len(records), rows)


def _say(progress: Callable[[str], None] | None, message: str) -> None:
    if progress is not None:
        progress(message)
