"""``mapper incidents``: record files and articles → one incidents file, and the rejects.

:func:`convert` checks the options, reads every record file (:mod:`mapper.records.rows`)
and every article (:mod:`mapper.pipeline`), joins the incidents extracted from articles to
the records that report the same event, and writes the incidents (GeoJSON, GeoPackage or
CSV with ACLED column names) and the rows that could not be mapped, with their reasons.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from gazetteer import Gazetteer
from mapper.errors import UsageError
from mapper.model import Incident, Reject
from mapper.progress import Progress, Quiet
from mapper.records.formats import check_record_path, output_format
from mapper.records.rows import RecordsOptions, read_file
from mapper.tools.summary import Written

__all__ = ["RecordsRun", "convert"]


@dataclass(frozen=True)
class RecordsRun:
    """What :func:`convert` read and wrote; :attr:`problem` says why nothing was written."""

    written: Written
    extracted: int

    @property
    def problem(self) -> str | None:
        """Why the run failed (nothing to write), or ``None``."""
        written = self.written
        if written.incidents:
            return None
        if not written.record_rows and not written.articles:
            return "the inputs have no data rows; nothing was written"
        if not written.record_rows:
            return "the articles hold no incident; nothing was written"
        where = f"; the reasons are in {written.rejects_path}" if written.rejects_path else ""
        return f"no row could be mapped, so no incidents file was written{where}"

    def message(self) -> str:
        """The summary line (``wrote …``)."""
        return self.written.message()

    @property
    def rows(self) -> int:
        """Data rows read from the record files."""
        return self.written.record_rows

    @property
    def rejected(self) -> int:
        """Rows that gave no incident (each in the rejects file, with its reason)."""
        return self.written.rejected

    @property
    def mapped(self) -> int:
        """Rows that became incidents."""
        return self.rows - self.rejected

    @property
    def rejects_path(self) -> Path | None:
        """Where the rejected rows were written, if anywhere."""
        return self.written.rejects_path

    @property
    def output(self) -> Path | None:
        """The incidents file written, or ``None`` when nothing was."""
        return self.written.outputs[0] if self.written.outputs else None


def convert(
    inputs: Sequence[str | Path],
    output: str | Path,
    *,
    rejects: str | Path | None = None,
    fmt: str | None = None,
    options: RecordsOptions | None = None,
    gazetteer: Gazetteer | None = None,
    progress: Progress | None = None,
) -> RecordsRun:
    """Read every record file and article in ``inputs`` and write the incidents to ``output``.

    Incidents extracted from articles are joined to the records (an event reported in an
    article and in a record becomes one incident, see
    :func:`mapper.incidents.merge.join_incidents`). ``options`` say how to read the record
    files (:class:`~mapper.records.rows.RecordsOptions`); ``fmt`` (``geojson``, ``gpkg``,
    ``csv``) overrides the output's file ending. Rejected rows go to ``rejects`` — by
    default ``<output stem>.rejects.csv`` beside the output, written only when there are
    any. An id already used in an earlier file is rejected too. When no row could be
    mapped the output is not written (see :attr:`RecordsRun.problem`).
    """
    from mapper.incidents import join_incidents
    from mapper.records.formats import write_incidents, write_rejects

    paths, articles, target = _check_paths(inputs, output, fmt)
    options = options or RecordsOptions()
    gazetteer = gazetteer or Gazetteer.bundled()
    progress = progress or Quiet()
    incidents, rejected = _read_records(paths, options, gazetteer, progress)
    article_count, extracted = _article_incidents(articles, gazetteer, progress)
    progress.close()
    merged = join_incidents(incidents, extracted)
    if merged:
        write_incidents(merged, target, fmt=fmt)
    rejects_path = Path(rejects) if rejects is not None else None
    if rejects_path is None and rejected:
        rejects_path = target.with_name(f"{target.stem}.rejects.csv")
    if rejects_path is not None:
        write_rejects(rejected, rejects_path)
    written = Written(
        outputs=(target,) if merged else (),
        incidents=len(merged),
        record_files=len(paths),
        record_rows=len(incidents) + len(rejected),
        rejected=len(rejected),
        rejects_path=rejects_path,
        articles=article_count,
    )
    return RecordsRun(written, len(extracted))


def _read_records(
    paths: Sequence[Path], options: RecordsOptions, gazetteer: Gazetteer, progress: Progress
) -> tuple[list[Incident], list[Reject]]:
    incidents: list[Incident] = []
    rejected: list[Reject] = []
    taken: dict[str, str] = {}
    if paths:
        progress.stage("record files", len(paths))
    for path in paths:
        result = read_file(path, options, gazetteer, taken)
        taken.update((incident.id, str(path)) for incident in result.incidents)
        incidents += result.incidents
        rejected += result.rejects
        progress.step()
    return incidents, rejected


def _check_paths(
    inputs: Sequence[str | Path], output: str | Path, fmt: str | None
) -> tuple[list[Path], list[str], Path]:
    """Record files (checked) and article inputs (files, folders, ``-``), and the output."""
    from mapper.pipeline import split_inputs

    if not inputs:
        raise UsageError(
            "give at least one record file (.csv, .geojson, .gpkg) or article",
            options=("inputs",),
        )
    paths, articles = split_inputs(inputs)
    for path in paths:
        check_record_path(path)
    target = Path(output)
    output_format(target, fmt)
    if target.exists() and any(target.resolve() == p.resolve() for p in paths):
        raise UsageError(
            f"the output {target} is also an input; choose another output name",
            options=("output",),
        )
    return paths, articles, target


def _article_incidents(
    articles: Sequence[str], gazetteer: Gazetteer, progress: Progress
) -> tuple[int, list[Incident]]:
    """How many articles were read, and the incidents extracted from them."""
    if not articles:
        return 0, []
    from mapper.pipeline import Extractor, extract_paths
    from mapper.read.documents import document_total, expand_paths

    documents = list(expand_paths(articles))
    progress.stage("articles", document_total(documents))
    incidents: list[Incident] = []
    for extraction in extract_paths(documents, extractor=Extractor(gazetteer)):
        incidents += extraction.incidents
        progress.step()
    return len(documents), incidents
