"""Parse and extract documents in worker processes: the only part of the flow that needs every core.

Kept apart from the Prefect flow (`flows/refresh.py`) so that a worker imports the extraction code and not Prefect
(spawning a worker that imports the flow module costs ~2 s of CPU; this module ~0.4 s). One pool
serves every batch of a run (issue 8: a pool per 500-document batch spent ~40 s of a 10,000-document
rebuild starting processes); the flow closes it when the run ends.
"""

from __future__ import annotations

import multiprocessing
import signal
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from yanglao.acquire.archive import Archive, SnapshotRecord
from yanglao.acquire.registry import Source
from yanglao.extract.rows import extract_rows
from yanglao.parse.documents import build_document
from yanglao.publish.places import ROW_TABLES as PLACED
from yanglao.publish.places import with_place
from yanglao.publish.validate import document_problems

CHUNK = 8  # documents per message to a worker: fewer round trips, still an even spread
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024  # a body beyond this is refused before it is parsed
MAX_DOCUMENT_SECONDS = 120.0  # parsing and extracting one document beyond this is refused


class DocumentTimeout(Exception):
    """Parsing and extracting one document took longer than MAX_DOCUMENT_SECONDS."""


_pool: ProcessPoolExecutor | None = None
_pool_workers = 0
_lock = threading.Lock()


def parse_and_extract(source: Source, snapshot: SnapshotRecord, archive: Archive):
    """One document from its snapshot: (document row, rows per table) or the one-line reason it failed.

    Any exception of any stage (pdfminer's own types, a recursion limit, a codec) and a document over the
    size or time limit is that document's failure alone: the run keeps its last good rows and goes on.
    A document whose rows break the schema is refused here too.
    """
    started = time.monotonic()
    try:
        with _time_limit(MAX_DOCUMENT_SECONDS):
            if snapshot.size > MAX_DOCUMENT_BYTES:
                raise ValueError(f"{snapshot.size} bytes is over the {MAX_DOCUMENT_BYTES}-byte limit")
            body = archive.read(snapshot.sha256)
            document = build_document(source, snapshot, body)
            if not document["text"].strip():
                raise ValueError("no text in the page: it no longer parses")
            year = int(document["published_date"][:4]) if document.get("published_date") else None
            rows = extract_rows(source.id, document["text"], document_year=year, title=document.get("title"))
            rows = {name: with_place(r, document) if name in PLACED else r for name, r in rows.items()}
    except Exception as exc:  # noqa: BLE001 - any failure of one document is that document's alone
        reason = " ".join(str(exc).split())[:200] or type(exc).__name__
        return f"cannot parse snapshot {snapshot.sha256[:12]}: {type(exc).__name__}: {reason}"
    seconds = time.monotonic() - started
    if seconds > MAX_DOCUMENT_SECONDS:  # where no alarm could interrupt it (not the main thread)
        return f"cannot parse snapshot {snapshot.sha256[:12]}: took {seconds:.0f} s, over the time limit"
    problems = document_problems(document, rows)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        return f"extracted rows break the schema: {problems[0]}{more}"
    return document, rows


class _time_limit:  # noqa: N801 - used as a context manager
    """SIGALRM after `seconds` in a process's main thread (the pool's workers); elsewhere nothing."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.armed = threading.current_thread() is threading.main_thread()

    def __enter__(self):
        if self.armed:
            self.previous = signal.signal(signal.SIGALRM, self._expire)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
        return self

    def _expire(self, signum, frame):
        raise DocumentTimeout(f"over the {self.seconds:.0f}-second limit per document")

    def __exit__(self, *exc_info):
        if self.armed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.previous)
        return False


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
