"""The run's spool: each extraction batch writes its documents and rows to a file and hands back only its path.

Why: a batch's task result used to be the batch itself (every document's text and every row), held by
Prefect's future, and on Dask pickled from the worker through the scheduler into the flow's process. Now the
worker writes the batch to `<output>/datasets/.spool-<run>/` (a path every worker sees, like the output
itself) and the task's result is a `SpooledBatch`: the path and a few counts. The flow reads the documents
back one at a time (`read_results`), so no batch is ever held twice.

The records are pickles of `DocumentResult`, written and read by the same run inside the output folder it
holds the lock of: the values come back exactly as extracted (floats, None, nested lists), so the release
built from them has the same bytes as one built from the batches in memory. The spool folder is removed
at the end of the run, and by the next run if this one was killed (`runstate.LEFTOVER_PREFIXES`).
"""

from __future__ import annotations

import os
import pickle
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from yanglao.pipeline import DocumentResult

SPOOL_PREFIX = ".spool-"


@dataclass(frozen=True)
class SpooledBatch:
    """What an extraction batch hands back: where its results are, and how many (no text, no rows)."""

    path: str
    source_ids: tuple[str, ...]  # in the order written
    ok: int  # documents that parsed and extracted
    rows: int  # rows of every table, all documents together

    @property
    def documents(self) -> int:
        """Documents in the batch, failed ones included."""
        return len(self.source_ids)


def spool_dir(output: Path) -> Path:
    """A new, empty spool folder for one run, inside the output folder (workers see it where they see that)."""
    parent = Path(output).resolve() / "datasets"  # absolute: a Dask worker may run in another directory
    parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(dir=parent, prefix=SPOOL_PREFIX))


def remove_spool(folder: Path) -> None:
    """Remove a run's spool folder (nothing in it is kept)."""
    shutil.rmtree(folder, ignore_errors=True)


def write_batch(folder: Path, index: int, results: Iterable[DocumentResult]) -> SpooledBatch:
    """Write one batch's results to `folder/batch-<index>.pkl`, one pickle per document; a retried batch
    replaces its file whole (written beside it, then renamed)."""
    folder = Path(folder)
    path = folder / f"batch-{index:06d}.pkl"
    ids, ok, rows = [], 0, 0
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as f:
            for result in results:
                pickle.dump(result, f, protocol=pickle.HIGHEST_PROTOCOL)
                ids.append(result.source_id)
                ok += result.ok
                rows += sum(len(r) for r in (result.rows or {}).values())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return SpooledBatch(str(path), tuple(ids), ok, rows)


def read_batch(path: str | Path) -> Iterator[DocumentResult]:
    """The results of one spooled batch, one document at a time, in the order they were written."""
    with Path(path).open("rb") as f:
        while True:
            try:
                yield pickle.load(f)
            except EOFError:
                return


def read_results(batches: Iterable[SpooledBatch]) -> Iterator[DocumentResult]:
    """Every spooled result of `batches`, in batch order; a batch whose file holds other documents than it
    reported is an error (a stale or foreign file), not data."""
    for batch in batches:
        seen = []
        for result in read_batch(batch.path):
            seen.append(result.source_id)
            yield result
        if tuple(seen) != batch.source_ids:
            raise RuntimeError(f"spooled batch {batch.path} holds other documents than its task reported")
