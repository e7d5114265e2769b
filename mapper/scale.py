"""Corpus extraction on Dask: the same output as the default engine, spread over workers.

Files are distributed with :mod:`dask.bag`; each worker process loads the gazetteer and the
name matcher once (module-level cache) and turns every file it is given into the JSON line
``mapper extract`` prints. Results stream back in input order while later partitions are
still being computed; at most a few partitions per worker are in flight, so memory stays
flat on archives of any size. Standard input is read by the client and sent as text.

A local cluster of ``workers`` processes is started by default (its HTTP server on a free
port, so that another cluster on the machine does not get in the way); ``scheduler`` connects to
an existing Dask scheduler instead (``tcp://host:8786``), whose workers need mapper installed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from mapper.documents import STDIN, Document, expand_paths, read_document, read_stdin

__all__ = ["extract_lines_dask"]

#: Files per partition: large enough to amortise scheduling, small enough to stream.
PARTITION_SIZE = 16
#: Partitions in flight per worker.
IN_FLIGHT_PER_WORKER = 3

_EXTRACTORS: dict[tuple[str, ...], Any] = {}


def extract_lines_dask(
    paths: Sequence[str],
    *,
    published: str | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
    gazetteer_files: Sequence[Path] = (),
    progress: Callable[[str], None] | None = None,
) -> Iterator[str]:
    """JSON lines for the documents at ``paths``, in input order, computed on Dask."""
    import dask.bag

    items = [_item(path) for path in expand_paths(paths)]
    layers = tuple(str(p) for p in gazetteer_files)
    with _client(workers, scheduler) as client:
        window = IN_FLIGHT_PER_WORKER * max(1, len(client.scheduler_info()["workers"]))
        bag = dask.bag.from_sequence(items, partition_size=PARTITION_SIZE)
        parts = bag.map(_extract_line, published, layers).to_delayed()
        done = 0
        for lines in _in_order(client, parts, window):
            for line in lines:
                done += 1
                if progress is not None:
                    progress(f"[{done}/{len(items)}]")
                yield line


def _item(path: str) -> tuple[str, Document | None]:
    """A file path for the workers to read, or the stdin document read here."""
    return (path, read_stdin()) if path == STDIN else (path, None)


def _extract_line(
    item: tuple[str, Document | None], published: str | None, layers: tuple[str, ...]
) -> str:
    """On a worker: one document's JSON line (the extractor is loaded once per process)."""
    from dataclasses import replace

    from mapper.extract import Extractor, to_json_line
    from mapper.geocoding import load_gazetteer

    path, document = item
    if document is None:
        document = read_document(path)
    if published and not document.published:
        document = replace(document, published=published)
    if layers not in _EXTRACTORS:
        _EXTRACTORS[layers] = Extractor(load_gazetteer(layers))
    return to_json_line(_EXTRACTORS[layers].extract(document))


def _in_order(client: Any, parts: list[Any], window: int) -> Iterator[list[str]]:
    """Compute partitions with at most ``window`` in flight; yield their results in order."""
    pending = [client.compute(part) for part in parts[:window]]
    next_part = len(pending)
    while pending:
        yield pending.pop(0).result()
        if next_part < len(parts):
            pending.append(client.compute(parts[next_part]))
            next_part += 1


@contextmanager
def _client(workers: int | None, scheduler: str | None) -> Iterator[Any]:
    from dask.distributed import Client, LocalCluster

    if scheduler is not None:
        with Client(scheduler) as client:
            yield client
        return
    with (
        LocalCluster(
            n_workers=workers or 2, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client
