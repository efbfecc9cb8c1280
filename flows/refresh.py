"""The Prefect flow: wires the stages together, one task per stage over the whole batch.

A task per document would cost Prefect's ~5 ms of bookkeeping per call many times
over at national scale (PITFALLS.md), so each stage is one task over all documents.
The logic lives in the `yanglao` modules; this file only orders, retries and reports.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from yanglao.archive import Archive, ArchiveError, SnapshotRecord
from yanglao.documents import build_document, source_row
from yanglao.extract import extract_rows
from yanglao.publish import publish_release
from yanglao.registry import Source, load_registry
from yanglao.sqlite import build_database


@dataclass
class SourceOutcome:
    source_id: str
    ok: bool
    snapshot: SnapshotRecord | None = None
    error: str | None = None
    fetched: bool = False


@dataclass
class RunSummary:
    documents: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    version: str | None = None
    published: bool = False
    message: str = ""
    failures: list[str] = field(default_factory=list)
    stage_seconds: dict[str, float] = field(default_factory=dict)
    database: str | None = None


def _progress(stage: str, detail: str, seconds: float) -> None:
    print(f"  {stage:<9} {detail} ({seconds:.2f} s)", flush=True)


@task(name="snapshots", cache_policy=NO_CACHE, retries=0)
def collect_snapshots(
    sources: list[Source], archive: Archive, fetch: bool, pinned: dict[str, str] | None = None
) -> list[SourceOutcome]:
    """The snapshot each source is built from: fetched now (and archived), the latest in the archive,
    or for a rebuild the one `pinned` names."""
    outcomes = []
    if pinned is not None:
        for source in sources:
            record = next((r for r in archive.history(source.id) if r.sha256 == pinned.get(source.id)), None)
            error = None if record else f"snapshot {pinned.get(source.id)} is not in the archive"
            outcomes.append(SourceOutcome(source.id, record is not None, record, error=error))
        return outcomes
    fetcher = None
    if fetch and any(s.fetchable for s in sources):
        from yanglao.fetch import Fetcher, FetchSettings

        fetcher = Fetcher(FetchSettings())
    for source in sources:
        previous = archive.latest(source.id)
        if fetcher is None or not source.fetchable:
            if previous is None:
                outcomes.append(SourceOutcome(source.id, False, error="no snapshot in the archive and nothing fetched"))
            else:
                outcomes.append(SourceOutcome(source.id, True, previous))
            continue
        result = fetcher.fetch(
            source.url,
            etag=previous.etag if previous else None,
            last_modified=previous.last_modified if previous else None,
        )
        if result.error:
            # The last good snapshot keeps the source's data in the release.
            outcomes.append(SourceOutcome(source.id, False, previous, error=result.error, fetched=True))
        elif result.not_modified and previous is not None:
            outcomes.append(SourceOutcome(source.id, True, previous, fetched=True))
        else:
            record = archive.store(
                source.id,
                result.body,
                url=source.url,
                retrieved_at=result.retrieved_at,
                status=result.status,
                content_type=result.content_type,
                etag=result.etag,
                last_modified=result.last_modified,
            )
            outcomes.append(SourceOutcome(source.id, True, record, fetched=True))
    return outcomes


@task(name="parse", cache_policy=NO_CACHE)
def parse_documents(sources: list[Source], outcomes: list[SourceOutcome], archive: Archive) -> tuple[list[dict], list[str]]:
    by_id = {s.id: s for s in sources}
    documents, failures = [], []
    for outcome in outcomes:
        if outcome.snapshot is None:
            continue
        try:
            body = archive.read(outcome.snapshot.sha256)
            documents.append(build_document(by_id[outcome.source_id], outcome.snapshot, body))
        except (ArchiveError, ValueError, UnicodeError) as exc:
            failures.append(f"{outcome.source_id}: cannot parse snapshot {outcome.snapshot.sha256[:12]}: {exc}")
    return documents, failures


@task(name="extract", cache_policy=NO_CACHE)
def extract_tables(documents: list[dict]) -> dict[str, list[dict]]:
    tables: dict[str, list[dict]] = {"measures": [], "targets": [], "subsidies": []}
    for document in documents:
        year = int(document["published_date"][:4]) if document.get("published_date") else None
        for name, rows in extract_rows(document["document_id"], document["text"], document_year=year).items():
            tables[name].extend(rows)
    return tables


@task(name="publish", cache_policy=NO_CACHE)
def publish(output: Path, tables: dict[str, list[dict]], now: datetime, registry: list[dict]):
    return publish_release(output, tables, now, registry)


@task(name="sqlite", cache_policy=NO_CACHE)
def build_sqlite(release_path: Path, db_path: Path, version: str) -> str:
    return str(build_database(release_path, db_path, version))


@flow(name="yanglao-refresh", log_prints=False)
def refresh(
    sources_path: str,
    output: str,
    archive_root: str,
    fetch: bool = False,
    archive_fallback: str | None = None,
    pinned: dict[str, str] | None = None,
) -> RunSummary:
    """Build a release from the registry: snapshots → documents → rows → validated release → SQLite."""
    summary = RunSummary()
    output_dir = Path(output)
    archive = Archive(Path(archive_root), Path(archive_fallback) if archive_fallback else None)

    started = time.perf_counter()
    sources = load_registry(Path(sources_path))
    outcomes = collect_snapshots(sources, archive, fetch, pinned)
    summary.failures += [f"{o.source_id}: {o.error}" for o in outcomes if not o.ok]
    fetched = sum(o.fetched for o in outcomes)
    summary.stage_seconds["snapshots"] = time.perf_counter() - started
    _progress(
        "snapshots",
        f"{len(sources)} sources, {fetched} fetched, {len(outcomes) - fetched} from the archive, "
        f"{len(summary.failures)} failed",
        summary.stage_seconds["snapshots"],
    )

    started = time.perf_counter()
    documents, parse_failures = parse_documents(sources, outcomes, archive)
    summary.failures += parse_failures
    summary.stage_seconds["parse"] = time.perf_counter() - started
    _progress("parse", f"{len(documents)} documents cleaned, {sum(d['char_count'] for d in documents)} characters", summary.stage_seconds["parse"])

    started = time.perf_counter()
    tables = extract_tables(documents)
    summary.stage_seconds["extract"] = time.perf_counter() - started
    _progress("extract", ", ".join(f"{len(rows)} {name}" for name, rows in tables.items()), summary.stage_seconds["extract"])

    published_ids = {d["document_id"] for d in documents}
    tables["sources"] = [source_row(s) for s in sources]
    tables["documents"] = documents
    started = time.perf_counter()
    registry = [{k: v for k, v in asdict(s).items() if v is not None or k == "url"} for s in sources]
    release = publish(output_dir, tables, datetime.now(UTC), registry)
    summary.stage_seconds["publish"] = time.perf_counter() - started
    _progress("publish", f"validated; {release.message}", summary.stage_seconds["publish"])

    started = time.perf_counter()
    db_path = output_dir / "datasets" / "yanglao.db"
    summary.database = build_sqlite(release.path, db_path, release.version)
    summary.stage_seconds["sqlite"] = time.perf_counter() - started
    _progress("sqlite", f"{db_path}", summary.stage_seconds["sqlite"])

    summary.documents = len(published_ids)
    summary.rows = release.row_counts
    summary.version = release.version
    summary.published = release.published
    summary.message = release.message
    return summary
