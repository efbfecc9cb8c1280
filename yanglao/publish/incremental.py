"""What a refresh must redo, and what it may keep: the rules behind "re-extract only what changed"
and "a failing source never loses data".

A document is rebuilt only when its build key changes: the sha256 of its snapshot, its registry
entry and the extractor's code. Otherwise its document row and extracted rows are taken from the
latest release as they are. A source that fails keeps its rows from the latest release too.
"""

from __future__ import annotations

import csv
import hashlib
import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from yanglao.acquire.registry import Source, flat_fields
from yanglao.fields import Table
from yanglao.publish.rowstore import (
    LazyDocuments,
    LazyTable,
    ReleaseRows,
    RowIndex,
    load_row_index,
    typed_value,
)

# The stages whose code and data (rule tables, vocabularies) decide what a document's rows are.
EXTRACTOR_STAGES = ("parse", "extract", "vocabulary")
ROW_TABLES = ("measures", "targets", "subsidies", "doubtful")
# The tables whose rows measure a document's yield (the doubtful report does not).
YIELD_TABLES = ("measures", "targets", "subsidies")

# A document whose row count falls below this share of the last release's is held back and flagged.
YIELD_DROP_RATIO = 0.5
YIELD_DROP_MIN_ROWS = 6


def extractor_fingerprint() -> str:
    """A hash of every file of the parse and extract stages: a change to any of them re-extracts."""
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for stage in EXTRACTOR_STAGES:
        for path in sorted((package / stage).rglob("*")):
            if path.is_file() and path.suffix in {".py", ".yaml", ".csv", ".json"}:
                digest.update(str(path.relative_to(package)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def build_key(source: Source, snapshot_sha256: str, fingerprint: str) -> str:
    """A key that changes when the snapshot, the registry entry or the extraction code changes: what may be reused."""
    entry = json.dumps(flat_fields(source), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(f"{fingerprint}\0{snapshot_sha256}\0{entry}".encode()).hexdigest()[:24]


def read_typed_table(path: Path, table: Table) -> list[dict]:
    """A released CSV read back with its schema's types."""
    kinds = {f.name: f.type for f in table.fields}
    with path.open(encoding="utf-8", newline="") as f:
        return [
            {k: typed_value(kinds.get(k, "string"), v) for k, v in row.items()} for row in csv.DictReader(f)
        ]


@dataclass
class PreviousRelease:
    """The latest release, per document: its row and its rows per table. (The key each document was built
    with is in the run's state, `build_keys.json`, not here.)"""

    version: str
    documents: dict[str, dict]
    rows: dict[str, dict[str, list[dict]]]
    path: Path | None = None  # the release's folder, when read from one
    row_index: RowIndex | None = None  # where each document's rows are in its files (`rowstore`)

    def row_count(self, document_id: str) -> int:
        """How many rows a document yielded last time, to notice a sudden drop."""
        total = 0
        for name in YIELD_TABLES:
            table = self.rows.get(name, {})
            counted = getattr(table, "count", None)  # a table read lazily counts without reading its rows
            total += counted(document_id) if counted else len(table.get(document_id, []))
        return total

    def rows_of(self, document_id: str) -> dict[str, list[dict]]:
        """A document's rows in the last release, kept when it is not rebuilt."""
        return {t: self.rows.get(t, {}).get(document_id, []) for t in ROW_TABLES}


def load_previous(release: Path | None, state_dir: Path | None = None) -> PreviousRelease | None:
    """The last release's documents, rows and build keys, or None when there is none.

    Read one document at a time from the release's CSVs when asked for (`rowstore`): a run holds only
    where each document's rows are, not the rows. `state_dir` may hold that index as the release's
    publisher recorded it; without it the CSVs are read once to find it.
    """
    if release is None or not (release / "documents.csv").exists():
        return None
    index = load_row_index(release, state_dir)
    reader = ReleaseRows(release, index)
    documents = LazyDocuments(reader)
    rows: dict = {name: LazyTable(reader, name, documents) for name in ROW_TABLES}
    return PreviousRelease(release.name, documents, rows, release, index)  # type: ignore[arg-type]


def yield_dropped(previous_rows: int, new_rows: int) -> bool:
    """True when a document suddenly gives far fewer rows than it did: a layout change, not a policy change."""
    return previous_rows >= YIELD_DROP_MIN_ROWS and new_rows < previous_rows * YIELD_DROP_RATIO


@dataclass
class SourceStatus:
    """The state of one source across runs: status, last success, error, snapshot."""

    source_id: str
    status: str  # ok, stale (kept its last good data), failed (no data at all)
    last_attempt: str | None = None
    last_success: str | None = None
    last_change: str | None = None
    consecutive_failures: int = 0
    error: str | None = None
    snapshot_sha256: str | None = None


def next_status(
    previous: SourceStatus | None,
    source_id: str,
    now: str,
    attempted: bool,
    error: str | None,
    snapshot_sha256: str | None,
    changed_at: str | None,
    has_data: bool,
) -> SourceStatus:
    """A source's status after this run, from its status after the last one."""
    status = previous or SourceStatus(source_id, "ok")
    status = SourceStatus(**flat_fields(status))
    if attempted:
        status.last_attempt = now
    if error:
        status.consecutive_failures += 1
        status.error = error
        status.status = "stale" if has_data else "failed"
    else:
        status.consecutive_failures = 0
        status.error = None
        status.status = "ok"
        if attempted:
            status.last_success = now
    if snapshot_sha256 and snapshot_sha256 != status.snapshot_sha256:
        status.last_change = changed_at or now
        status.snapshot_sha256 = snapshot_sha256
    return status


def due_for_refresh(source: Source, status: SourceStatus | None, now: datetime) -> bool:
    """Whether a run fetches the source again: always, unless it has a refresh period that has not run out."""
    if source.refresh_days is None or status is None or not status.last_success or status.error:
        return True
    last = datetime.fromisoformat(status.last_success.replace("Z", "+00:00"))
    return now - last >= timedelta(days=source.refresh_days)


def load_status(path: Path) -> dict[str, SourceStatus]:
    """The source statuses kept by the last run."""
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {row["source_id"]: SourceStatus(**row) for row in data.get("sources", [])}


def status_rows(statuses: dict[str, SourceStatus]) -> list[dict]:
    """Source statuses as rows for state/ and the SQLite build."""
    return [flat_fields(statuses[k]) for k in sorted(statuses)]


def status_digest(statuses: dict[str, SourceStatus]) -> str:
    """A hash of `status_rows(statuses)`, made a row at a time: what a run keeps of the statuses it started with
    to see whether they changed (a copy of every row was ~0.6 KB per source held through the whole run)."""
    digest = hashlib.sha256()
    for key in sorted(statuses):
        digest.update(
            json.dumps(flat_fields(statuses[key]), sort_keys=True, ensure_ascii=False).encode("utf-8")
        )
        digest.update(b"\n")
    return digest.hexdigest()


def listing_status_row(report, previous: dict | None, url: str, now: str) -> dict:
    """A listing's status after this run; its last success and newest date survive a failed read."""
    previous = previous or {}
    return {
        "listing_id": report.listing_id,
        "url": url,
        "status": "warning" if report.errors else "ok",
        "last_attempt": now,
        "last_success": report.last_success or previous.get("last_success"),
        "newest_document_date": max(
            (d for d in (report.newest_date, previous.get("newest_document_date")) if d), default=None
        ),
        "pages_read": report.pages_read,
        "links_seen": report.links_seen,
        "links_matched": report.matched,
        "links_new": len(report.new),
        "error": " | ".join(report.errors) or None,
    }
