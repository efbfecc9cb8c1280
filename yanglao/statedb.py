"""Each source's state between runs in one SQLite file, `state/sources.db`, read and rewritten a slice at a time.

Why (issue 16): a refresh in which nothing changed held every source at once (its registry entry, status, build
key, latest snapshot record and outcome: ~4 KB a source, 600 MB at 100,000). With this file a run that can see
that the registry is the one the last run recorded walks the sources in slices instead (`flows/refresh.py`):
its memory does not grow with the corpus.

The file is an index of what the run that wrote it knew: each source of the registry in order (the entry as
the run built it, after discovered sources were merged in), its build key and its status, and the statuses kept
of sources no longer in the registry (no position). `state/source_status.json` and `state/build_keys.json`
stay the readable record; the file's `token`, also written to the run's unchanged record, says that the two
were written by the same run (a run killed between them leaves tokens that differ, and the next run reads
everything).
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from yanglao.acquire.discover import KnownKeys
from yanglao.acquire.listings import url_key
from yanglao.acquire.registry import Listing, Source, flat_fields, source_from_fields
from yanglao.publish.incremental import SourceStatus

FILE = "sources.db"
TEMPORARY_PREFIX = ".tmp-sources-"  # a run killed while writing leaves one: `runstate.remove_leftovers`

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE sources (
    source_id TEXT PRIMARY KEY,
    position INTEGER UNIQUE,
    source TEXT,
    url_key TEXT,
    build_key TEXT,
    status TEXT,
    fetched INTEGER NOT NULL DEFAULT 0,
    error TEXT
);
CREATE INDEX sources_url_key ON sources (url_key);
"""
#: `fetched` in a file being rewritten by a streamed run: what this run did to the source so far (and `error`,
#: why that failed).
NOT_FETCHED, FETCHED, NOT_MODIFIED = 0, 1, 2


@dataclass(frozen=True, slots=True)
class StoredSource:
    """One source as the last run left it."""

    source: Source
    build_key: str | None
    status: SourceStatus | None
    status_json: str | None  # as stored: a new status is compared with it as text


def status_json(status: SourceStatus) -> str:
    """A status as the file stores it (field order kept: `source_status.json` writes rows in that order)."""
    return json.dumps(flat_fields(status), ensure_ascii=False)


def write_state(
    path: Path,
    token: str,
    sources: Iterable[Source],
    keys: dict[str, str],
    statuses: dict[str, SourceStatus],
    listings: list[Listing] | None = None,
) -> None:
    """Write the whole file anew (temporary file, then rename): the sources in registry order with their keys
    and statuses, then the statuses of sources no longer in the registry; and the registry's listings, when the
    run read them (a run that walks the file reads them from here, not from the registry)."""
    path = Path(path)
    tmp = _temporary(path)
    try:
        with closing(_connect(tmp)) as conn:
            conn.executescript(_SCHEMA)
            placed = set()

            def rows():
                for position, source in enumerate(sources):
                    placed.add(source.id)
                    status = statuses.get(source.id)
                    yield (
                        source.id,
                        position,
                        json.dumps(flat_fields(source), ensure_ascii=False),
                        url_key(source.url) if source.url else None,
                        keys.get(source.id),
                        status_json(status) if status else None,
                    )
                for source_id in statuses.keys() - placed:
                    yield source_id, None, None, None, None, status_json(statuses[source_id])

            conn.executemany(
                "INSERT INTO sources (source_id, position, source, url_key, build_key, status) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                rows(),
            )
            conn.execute("INSERT INTO meta VALUES ('token', ?)", (token,))
            if listings is not None:
                text = json.dumps([flat_fields(listing) for listing in listings], ensure_ascii=False)
                conn.execute("INSERT INTO meta VALUES ('listings', ?)", (text,))
            conn.commit()
        _replace_synced(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)


def read_token(path: Path) -> str | None:
    """The token of the run that wrote the file, or None (no file, or not one this code reads)."""
    if not Path(path).exists():
        return None
    try:
        with closing(_connect(path)) as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = 'token'").fetchone()
    except sqlite3.DatabaseError:
        return None
    return row[0] if row else None


def read_listings(path: Path) -> list[Listing] | None:
    """The registry's listings as the run that wrote the file read them, or None when it did not read them."""
    with closing(_connect(path)) as conn:
        row = conn.execute("SELECT value FROM meta WHERE key = 'listings'").fetchone()
    if row is None:
        return None
    listings = []
    for fields in json.loads(row[0]):
        fields["include"], fields["exclude"] = tuple(fields["include"]), tuple(fields["exclude"])
        listings.append(Listing(**fields))
    return listings


class StateUrlKeys(KnownKeys):
    """The URLs of the file's sources, as `url_key`s, looked up one at a time (and those added by this run):
    what discovery is given instead of a set of every known URL."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.added: set[str] = set()

    def __contains__(self, key: str) -> bool:
        if key in self.added:
            return True
        with closing(_connect(self.path)) as conn:
            return (
                conn.execute("SELECT 1 FROM sources WHERE url_key = ? LIMIT 1", (key,)).fetchone() is not None
            )

    def add(self, key: str) -> None:
        self.added.add(key)


def slices(path: Path, size: int) -> Iterator[list[StoredSource]]:
    """The registry's sources in order, `size` at a time, each with its build key and status."""
    with closing(_connect(path)) as conn:
        after = -1
        while True:
            rows = conn.execute(
                "SELECT source, build_key, status, position FROM sources WHERE position > ? "
                "ORDER BY position LIMIT ?",
                (after, size),
            ).fetchall()
            if not rows:
                return
            yield [_stored(source, key, status) for source, key, status, _ in rows]
            after = rows[-1][3]


def _stored(source: str, key: str | None, status: str | None) -> StoredSource:
    return StoredSource(
        source_from_fields(json.loads(source)),
        key,
        SourceStatus(**json.loads(status)) if status else None,
        status,
    )


class StateUpdate:
    """A copy of the file whose statuses a streamed run rewrites slice by slice; `commit` puts it in place of
    the file, `discard` removes it. Until then the file itself is untouched."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.tmp = _temporary(self.path)
        try:
            shutil.copyfile(self.path, self.tmp)
            self.conn = _connect(self.tmp)
            self.conn.execute("UPDATE sources SET fetched = 0, error = NULL")
        except BaseException:
            Path(self.tmp).unlink(missing_ok=True)
            raise
        self.changed = False  # whether any status differs from the file's

    def record(
        self, part: list[StoredSource], statuses: list[SourceStatus], fetched: list[tuple[int, str | None]]
    ) -> None:
        """The new statuses of a slice of `slices` (in its order), and what this run's fetch of each did:
        (`NOT_FETCHED`, `FETCHED` or `NOT_MODIFIED`, the error or None)."""
        rows = []
        for stored, status, (how, error) in zip(part, statuses, fetched, strict=True):
            text = status_json(status)
            self.changed = self.changed or text != stored.status_json
            rows.append((text, how, error, stored.source.id))
        self.conn.executemany(
            "UPDATE sources SET status = ?, fetched = ?, error = ? WHERE source_id = ?", rows
        )

    def fetched(self) -> dict[str, tuple[int, str | None]]:
        """Source id → (how, error) as `record` was given them, for the sources this run fetched or tried to."""
        rows = self.conn.execute(
            "SELECT source_id, fetched, error FROM sources WHERE fetched != 0 OR error IS NOT NULL"
        )
        return {source_id: (how, error) for source_id, how, error in rows}

    def commit(self, token: str) -> None:
        self.conn.execute("UPDATE sources SET fetched = 0, error = NULL")
        self.conn.execute("UPDATE meta SET value = ? WHERE key = 'token'", (token,))
        self.conn.commit()
        self.conn.close()
        _replace_synced(self.tmp, self.path)

    def discard(self) -> None:
        self.conn.close()
        Path(self.tmp).unlink(missing_ok=True)


class StatusRows:
    """The statuses of the file as rows of `source_status` (by source id), read anew at each iteration: what the
    SQLite build and `source_status.json` are given instead of a list of every row."""

    def __init__(self, path: Path):
        self.path = Path(path)

    def __iter__(self) -> Iterator[dict]:
        with closing(_connect(self.path)) as conn:
            cursor = conn.execute("SELECT status FROM sources WHERE status IS NOT NULL ORDER BY source_id")
            while batch := cursor.fetchmany(1000):
                for (text,) in batch:
                    yield json.loads(text)


def write_status_json(path: Path, rows: Iterable[dict]) -> None:
    """`{"sources": rows}` as `runstate.write_json` writes it (indent 1, UTF-8), a row at a time, by rename."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".tmp-{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            first = True
            for row in rows:
                f.write('{\n "sources": [\n' if first else ",\n")
                first = False
                f.write(
                    "\n".join(
                        "  " + line for line in json.dumps(row, ensure_ascii=False, indent=1).split("\n")
                    )
                )
            f.write('{\n "sources": []\n}\n' if first else "\n ]\n}\n")
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _replace_synced(tmp: str, path: Path) -> None:
    """Rename a file written without a journal into place, its bytes on disk first: after a power cut the file
    is the old one or the whole new one (a half-written one would make every later run fail to read it)."""
    fd = os.open(tmp, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)


def _temporary(path: Path) -> str:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=TEMPORARY_PREFIX, suffix=".db")
    os.close(fd)
    Path(tmp).unlink()
    return tmp


def _connect(path) -> sqlite3.Connection:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = OFF")  # written aside and renamed into place: no journal needed
    conn.execute("PRAGMA synchronous = OFF")
    return conn
