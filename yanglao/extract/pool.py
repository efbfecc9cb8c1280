"""Parse and extract documents in worker processes: the only part of the flow that needs every core.

Kept apart from the Prefect flow (`flows/refresh.py`) so that a worker imports the extraction code and not Prefect
(spawning a worker that imports the flow module costs ~2 s of CPU; this module ~0.4 s). One pool
serves every batch of a run (issue 8: a pool per 500-document batch spent ~40 s of a 10,000-document
rebuild starting processes); the flow closes it when the run ends.
"""

from __future__ import annotations

import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from yanglao.acquire.archive import Archive, ArchiveError, SnapshotRecord
from yanglao.acquire.registry import Source
from yanglao.extract.rows import extract_rows
from yanglao.parse.documents import build_document
from yanglao.publish.places import with_place
from yanglao.publish.validate import document_problems

CHUNK = 8  # documents per message to a worker: fewer round trips, still an even spread

_pool: ProcessPoolExecutor | None = None
_pool_workers = 0
_lock = threading.Lock()


def parse_and_extract(source: Source, snapshot: SnapshotRecord, archive: Archive):
    """One document from its snapshot: (document row, rows per table) or the one-line reason it failed.

    A document whose rows break the schema is refused here, so that it keeps its last good rows and
    the release of everything else goes ahead.
    """
    try:
        body = archive.read(snapshot.sha256)
        document = build_document(source, snapshot, body)
        if not document["text"].strip():
            raise ValueError("no text in the page: it no longer parses")
        year = int(document["published_date"][:4]) if document.get("published_date") else None
        rows = extract_rows(source.id, document["text"], document_year=year)
        rows = {name: with_place(table_rows, document) for name, table_rows in rows.items()}
    except (ArchiveError, ValueError, UnicodeError, KeyError, IndexError) as exc:
        return f"cannot parse snapshot {snapshot.sha256[:12]}: {exc}"
    problems = document_problems(document, rows)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        return f"extracted rows break the schema: {problems[0]}{more}"
    return document, rows


def _packed(item):
    return parse_and_extract(*item)


def parse_and_extract_all(items: list[tuple[Source, SnapshotRecord, Archive]], workers: int) -> list:
    """`parse_and_extract` of every item, in order: in this process, or over `workers` processes."""
    if workers <= 1:
        return [parse_and_extract(*item) for item in items]
    pool = _shared_pool(workers)
    try:
        return list(pool.map(_packed, items, chunksize=CHUNK))
    except BrokenProcessPool:
        close_pool()  # a worker died (killed, out of memory): the task's retry starts a fresh pool
        raise


def _shared_pool(workers: int) -> ProcessPoolExecutor:
    global _pool, _pool_workers
    with _lock:
        if _pool is None or _pool_workers != workers:
            if _pool is not None:
                _pool.shutdown()
            # spawn, not fork: the flow's process runs threads (Prefect's event loop, fetchers)
            _pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
            _pool_workers = workers
        return _pool


def close_pool() -> None:
    """Stop the worker processes (the end of a run; safe to call when none were started)."""
    global _pool
    with _lock:
        if _pool is not None:
            _pool.shutdown()
            _pool = None
