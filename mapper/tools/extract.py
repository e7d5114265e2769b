"""``mapper extract``: the JSON line (or a readable table) of each document, in input order.

:func:`run_extract` checks the options, then reads the documents through the pipeline
(:mod:`mapper.pipeline`) or, with ``engine="dask"``, on Dask workers
(:mod:`mapper.tools.dask_engine`), and yields one output line per document.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from mapper.errors import UsageError
from mapper.model import Document, Extraction
from mapper.pipeline import Extractor, extract_paths, to_json_line
from mapper.progress import Progress, Quiet
from mapper.tools.options import check_date, check_engine, check_inputs

__all__ = ["mentions_table", "run_extract"]


def run_extract(
    paths: Sequence[str],
    *,
    fmt: str = "jsonl",
    published: str | None = None,
    keep_text: Path | None = None,
    gazetteer_files: Sequence[str | Path] = (),
    progress: Progress | None = None,
    engine: str = "local",
    workers: int | None = None,
    scheduler: str | None = None,
) -> Iterator[str]:
    """``mapper extract``: an output line (or block) per document, in input order.

    Every option is checked before anything is read; the lines come as documents are done.
    """
    check_inputs(paths, "paths")
    if fmt not in ("jsonl", "table"):
        raise UsageError(f"fmt is jsonl or table, not {fmt!r}", options=("fmt",))
    check_date(published)
    check_engine(engine, workers, scheduler)
    if engine == "dask" and (fmt != "jsonl" or keep_text is not None):
        raise UsageError(
            "engine dask writes the jsonl fmt only, without keep_text",
            options=("engine", "fmt", "keep_text"),
        )
    progress = progress or Quiet()
    if engine == "dask":
        return _dask_lines(paths, published, gazetteer_files, workers, scheduler, progress)
    return _local_lines(paths, fmt, published, keep_text, gazetteer_files, progress)


def _local_lines(
    paths: Sequence[str],
    fmt: str,
    published: str | None,
    keep_text: Path | None,
    gazetteer_files: Sequence[str | Path],
    progress: Progress,
) -> Iterator[str]:
    from mapper.geoparse.gazetteers import load_gazetteer
    from mapper.read.documents import document_total, expand_paths

    extractor = Extractor(load_gazetteer(gazetteer_files))
    kept = _TextFolder(keep_text) if keep_text is not None else None
    documents = list(expand_paths(paths))
    progress.stage("articles", document_total(documents))
    for extraction in extract_paths(documents, published=published, extractor=extractor):
        if kept is not None:
            written = kept.keep(extraction.document)
            if written.name != f"{extraction.document.id}.txt":
                progress.note(f"the text of {extraction.document.path} is in {written}")
        progress.step()
        yield to_json_line(extraction) if fmt == "jsonl" else mentions_table(extraction)
    progress.close()


def _dask_lines(
    paths: Sequence[str],
    published: str | None,
    gazetteer_files: Sequence[str | Path],
    workers: int | None,
    scheduler: str | None,
    progress: Progress,
) -> Iterator[str]:
    from mapper.tools.dask_engine import extract_lines_dask

    yield from extract_lines_dask(
        paths,
        published=published,
        workers=workers,
        scheduler=scheduler,
        gazetteer_files=gazetteer_files,
        progress=progress,
    )


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
