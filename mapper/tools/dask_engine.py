"""Corpus extraction on Dask: the same output as the default engine, spread over workers.

Files are distributed with :mod:`dask.bag`: the input is read lazily and sent in batches,
one small bag each (one bag for the whole archive would make every partition's submission
cost grow with the archive). Each worker process loads the gazetteer and the name matcher
once (module-level cache) and turns every file it is given into the JSON line
``mapper extract`` prints. Results stream back in input order while later partitions are
still being computed; at most a few partitions per worker are in flight, so memory stays
flat on archives of any size. Standard input is read by the client and sent as text.

A local cluster of ``workers`` processes is started by default (its HTTP server on a free
port, so that another cluster on the machine does not get in the way); ``scheduler`` connects to
an existing Dask scheduler instead (``tcp://host:8786``), whose workers need mapper installed.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import Any

from mapper.progress import Progress, Quiet
from mapper.read.documents import STDIN, Document, expand_paths, read_document, read_stdin

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
    gazetteer_files: Sequence[str | Path] = (),
    progress: Progress | None = None,
) -> Iterator[str]:
    """JSON lines for the documents at ``paths``, in input order, computed on Dask.

    Files are taken from ``paths`` as they are needed and sent in small bags (one per
    batch), so the client's work per partition stays the same however long the input is.
    """
    progress = progress or Quiet()
    items = (_item(path) for path in expand_paths(paths))
    layers = tuple(str(p) for p in gazetteer_files)
    with _client(workers, scheduler) as client:
        size = max(1, len(client.scheduler_info()["workers"]))
        batches = _Batches(client, items, published, layers, size)
        progress.stage("articles", None)
        for lines in batches.in_order():
            for line in lines:
                progress.step()
                yield line
    progress.close()


class _Batches:
    """Partitions in flight (at most a few per worker), submitted as small bags."""

    def __init__(
        self,
        client: Any,
        items: Iterator[Any],
        published: str | None,
        layers: tuple[str, ...],
        workers: int,
    ):
        self.client, self.items, self.published, self.layers = client, items, published, layers
        self.window = IN_FLIGHT_PER_WORKER * workers
        self.batch = PARTITION_SIZE * workers
        self.pending: deque[Any] = deque()

    def in_order(self) -> Iterator[list[str]]:
        self._refill()
        while self.pending:
            lines = self.pending.popleft().result()
            self._refill()
            yield lines

    def _refill(self) -> None:
        import dask.bag

        while len(self.pending) < self.window:
            batch = list(islice(self.items, self.batch))
            if not batch:
                return
            bag = dask.bag.from_sequence(batch, partition_size=PARTITION_SIZE)
            parts = bag.map(_extract_line, self.published, self.layers).to_delayed()
            self.pending.extend(self.client.compute(parts))


def _item(path: str) -> tuple[str, Document | None]:
    """A file path for the workers to read, or the stdin document read here."""
    return (path, read_stdin()) if path == STDIN else (path, None)


def _extract_line(
    item: tuple[str, Document | None], published: str | None, layers: tuple[str, ...]
) -> str:
    """On a worker: one document's JSON line (the extractor is loaded once per process)."""
    from dataclasses import replace

    from mapper.geoparse.gazetteers import load_gazetteer
    from mapper.pipeline import Extractor, to_json_line

    path, document = item
    if document is None:
        document = read_document(path)
    if published and not document.published:
        document = replace(document, published=published)
    if layers not in _EXTRACTORS:
        _EXTRACTORS[layers] = Extractor(load_gazetteer(layers))
    return to_json_line(_EXTRACTORS[layers].extract(document))


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
