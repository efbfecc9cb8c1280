"""The snapshot archive: every body ever fetched, as raw bytes under its sha256, with a record of how it came.

Layout (plain files, friendly to git and to people):

    archive/objects/ab/abcdef…          raw bytes, named by their sha256
    archive/records/<source_id>.jsonl   one JSON record per snapshot, oldest first

Later stages only ever read snapshots, so any release can be rebuilt from the archive.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class SnapshotRecord:
    """The record kept with each archived body: where and when it came from and how it was decoded."""

    source_id: str
    url: str | None
    retrieved_at: str
    status: int | None
    content_type: str | None
    etag: str | None
    last_modified: str | None
    sha256: str
    size: int
    note: str | None = None
    encoding: str | None = None  # the text encoding chosen when the body was fetched (HTTP, meta, detection)


class ArchiveError(RuntimeError):
    """An archived object is missing or does not match its hash."""


class Archive:
    """Snapshots under `root`; reads fall back to a read-only `fallback` archive (the shipped one).

    A run that writes elsewhere (`--output DIR`) archives what it fetches under DIR
    and still finds the shipped snapshots of sources with no address.
    """

    def __init__(self, root: Path, fallback: Path | None = None):
        self.root = Path(root)
        self.fallback = (
            Archive(fallback) if fallback and Path(fallback).resolve() != self.root.resolve() else None
        )
        # Why: a run asks for every source's latest snapshot (planning, then collecting); at national
        # scale reading each records file once matters. `store` keeps it current.
        self._latest: dict[str, SnapshotRecord | None] = {}

    def __getstate__(self) -> dict:
        """Pickled without the memo of latest records: each extraction work item sends the archive to a
        worker process, and at 100,000 sources the memo made every item carry the whole run's records."""
        return {**self.__dict__, "_latest": {}}

    def forget_latest(self) -> None:
        """Drop the memo of latest records (a run that reads its sources a slice at a time, after each)."""
        self._latest.clear()
        if self.fallback is not None:
            self.fallback.forget_latest()

    def object_path(self, sha256: str) -> Path:
        """Where the body with this sha256 is stored (content-addressed, so stored once)."""
        return self.root / "objects" / sha256[:2] / sha256

    def records_path(self, source_id: str) -> Path:
        """The JSON-lines file of one source's snapshot records."""
        return self.root / "records" / f"{source_id}.jsonl"

    def store(self, source_id: str, body: bytes, **record_fields) -> SnapshotRecord:
        """Archive a body and record it; a body identical to the latest snapshot adds no new record."""
        sha = hashlib.sha256(body).hexdigest()
        path = self.object_path(sha)
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            _write_atomically(path, body)
        record = SnapshotRecord(source_id=source_id, sha256=sha, size=len(body), **record_fields)
        latest = self.latest(source_id)
        if latest is not None and latest.sha256 == sha:
            return latest
        records = self.records_path(source_id)
        records.parent.mkdir(parents=True, exist_ok=True)
        with records.open("a", encoding="utf-8") as f:
            f.write(json.dumps(asdict(record), ensure_ascii=False, sort_keys=True) + "\n")
        self._latest[source_id] = record
        return record

    def history(self, source_id: str) -> list[SnapshotRecord]:
        """Every snapshot of a source, oldest first: rebuilds pick the one a release used."""
        inherited = self.fallback.history(source_id) if self.fallback else []
        path = self.records_path(source_id)
        if not path.exists():
            return inherited
        with path.open(encoding="utf-8") as f:
            own = [SnapshotRecord(**json.loads(line)) for line in f if line.strip()]
        # The shipped history comes first: a working archive only ever adds newer snapshots to it.
        known = {r.sha256 for r in own}
        return [r for r in inherited if r.sha256 not in known] + own

    def latest(self, source_id: str) -> SnapshotRecord | None:
        """The newest snapshot of a source, or None: what a replay reads.

        The last line of the source's own records (the working archive only appends newer snapshots), else
        the fallback's latest: the same record as `history(source_id)[-1]`, without reading the whole history."""
        if source_id not in self._latest:
            line = _last_line(self.records_path(source_id))
            if line is not None:
                self._latest[source_id] = _record(json.loads(line))
            else:
                self._latest[source_id] = self.fallback.latest(source_id) if self.fallback else None
        return self._latest[source_id]

    def read(self, sha256: str) -> bytes:
        """The bytes of a snapshot, checked against their sha256 so a damaged archive is noticed."""
        path = self.object_path(sha256)
        if not path.exists() and self.fallback is not None:
            return self.fallback.read(sha256)
        try:
            body = path.read_bytes()
        except FileNotFoundError:
            raise ArchiveError(f"archive object {sha256} is missing ({path})") from None
        if hashlib.sha256(body).hexdigest() != sha256:
            raise ArchiveError(f"archive object {path} does not match its sha256")
        return body


def _record(fields: dict) -> SnapshotRecord:
    """A record read back, its content type and encoding one string each for all records (a run holds every
    source's latest record)."""
    for name in ("content_type", "encoding", "note"):
        if isinstance(fields.get(name), str):
            fields[name] = sys.intern(fields[name])
    return SnapshotRecord(**fields)


def _last_line(path: Path, block: int = 4096) -> bytes | None:
    """The last non-empty line of a file, read from its end; None when the file is missing or empty."""
    try:
        f = path.open("rb")
    except FileNotFoundError:
        return None
    with f:
        size = f.seek(0, os.SEEK_END)
        while True:
            block = min(size, block)
            f.seek(size - block)
            lines = [line for line in f.read(block).split(b"\n") if line.strip()]
            if len(lines) >= 2 or block == size:  # a line before the last: the last is whole
                return lines[-1] if lines else None
            block *= 2


def _write_atomically(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
