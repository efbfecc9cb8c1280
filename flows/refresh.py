"""The Prefect flow: wires the stages together, one task per stage over the whole batch.

A task per document would cost Prefect's ~5 ms of bookkeeping per call many times
over at national scale (PITFALLS.md), so each stage is one task over a batch of
documents. The logic lives in the `yanglao` modules; this file only orders, retries,
caches and reports.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from prefect import flow, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.context import get_run_context
from prefect.utilities.annotations import quote

from yanglao.acquire.archive import Archive, SnapshotRecord
from yanglao.acquire.discover import append_discovered, load_discovered, merge_sources
from yanglao.acquire.registry import Source, load_listings, load_registry
from yanglao.extract.pool import close_pool, parse_and_extract_all
from yanglao.parse.documents import source_row
from yanglao.publish.incremental import (
    ROW_TABLES,
    YIELD_TABLES,
    PreviousRelease,
    build_key,
    due_for_refresh,
    extractor_fingerprint,
    listing_status_row,
    load_previous,
    load_status,
    next_status,
    status_rows,
    yield_dropped,
)
from yanglao.publish.release import publish_release, published_versions, releases_dir
from yanglao.serve.sqlite import build_database, update_database, update_status
from yanglao.vocabulary.indicators import vocabulary_tables

FETCH_THREADS = 8  # politeness per host is the Fetcher's job; threads only overlap different hosts
BATCH_SIZE = 500
PARALLEL_MIN_PER_WORKER = 20  # fewer documents than this per process are not worth starting processes for
DISCOVERED_REFRESH_DAYS = 30  # a published document rarely changes: look again monthly, not daily


@dataclass
class SourceOutcome:
    source_id: str
    ok: bool
    snapshot: SnapshotRecord | None = None
    error: str | None = None
    fetched: bool = False
    not_modified: bool = False


@dataclass
class RunSummary:
    documents: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    version: str | None = None
    published: bool = False
    message: str = ""
    failures: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    extracted: int = 0
    reused: int = 0
    stage_seconds: dict[str, float] = field(default_factory=dict)
    database: str | None = None


def _progress(stage: str, detail: str, seconds: float) -> None:
    print(f"  {stage:<9} {detail} ({seconds:.2f} s)", flush=True)


def _fetch_one(fetcher, archive: Archive, source: Source) -> SourceOutcome:
    previous = archive.latest(source.id)
    result = fetcher.fetch(
        source.url,
        etag=previous.etag if previous else None,
        last_modified=previous.last_modified if previous else None,
    )
    if result.error:
        # The last good snapshot keeps the source's data in the release.
        return SourceOutcome(source.id, False, previous, error=result.error, fetched=True)
    if result.not_modified and previous is not None:
        return SourceOutcome(source.id, True, previous, fetched=True, not_modified=True)
    from yanglao.parse.pages import decode_body

    encoding = None
    if source.format != "pdf" and not (result.content_type or "").lower().startswith("application/pdf"):
        _, encoding = decode_body(result.body, result.content_type)
    record = archive.store(
        source.id,
        result.body,
        url=source.url,
        retrieved_at=result.retrieved_at,
        status=result.status,
        content_type=result.content_type,
        etag=result.etag,
        last_modified=result.last_modified,
        encoding=encoding,
    )
    return SourceOutcome(source.id, True, record, fetched=True)


@task(name="snapshots", cache_policy=NO_CACHE, retries=1, retry_delay_seconds=5)
def collect_snapshots(
    sources: list[Source],
    archive: Archive,
    fetch: bool,
    pinned: dict[str, str] | None = None,
    fetch_settings: dict | None = None,
    due: set[str] | None = None,
) -> list[SourceOutcome]:
    """The snapshot each source is built from: fetched now (and archived), the latest in the archive,
    or for a rebuild the one `pinned` names."""
    if pinned is not None:
        outcomes = []
        for source in sources:
            record = next((r for r in archive.history(source.id) if r.sha256 == pinned.get(source.id)), None)
            error = None if record else f"snapshot {pinned.get(source.id)} is not in the archive"
            outcomes.append(SourceOutcome(source.id, record is not None, record, error=error))
        return outcomes

    to_fetch = [s for s in sources if fetch and s.fetchable and (due is None or s.id in due)]
    fetched: dict[str, SourceOutcome] = {}
    if to_fetch:
        from yanglao.acquire.fetch import Fetcher, FetchSettings

        with (
            Fetcher(FetchSettings(**(fetch_settings or {}))) as fetcher,
            ThreadPoolExecutor(FETCH_THREADS) as pool,
        ):
            for outcome in pool.map(lambda s: _fetch_one(fetcher, archive, s), to_fetch):
                fetched[outcome.source_id] = outcome
    outcomes = []
    for source in sources:
        if source.id in fetched:
            outcomes.append(fetched[source.id])
            continue
        previous = archive.latest(source.id)
        if previous is None:
            outcomes.append(
                SourceOutcome(source.id, False, error="no snapshot in the archive and nothing fetched")
            )
        else:
            outcomes.append(SourceOutcome(source.id, True, previous))
    return outcomes


def _batch_cache_key(context, parameters) -> str:
    """Prefect's cache key for a batch: the content hashes of its inputs (build keys include the code)."""
    return "extract-" + hashlib.sha256("\n".join(parameters["keys"]).encode()).hexdigest()


@task(name="extract", cache_key_fn=_batch_cache_key, persist_result=True, retries=1)
def process_batch(
    sources: list[Source],
    snapshots: list[SnapshotRecord],
    keys: list[str],
    archive: Archive,
    workers: int = 1,
) -> tuple[list[dict], dict[str, dict[str, list[dict]]], dict[str, str]]:
    """Parse and extract a batch of documents: (document rows, rows per table per document, failures).

    With `workers` > 1 the documents are spread over that many processes: the stages are pure
    Python, so threads would share one interpreter lock.
    """
    items = [(source, snapshot, archive) for source, snapshot in zip(sources, snapshots, strict=True)]
    parallel = workers > 1 and len(items) >= 2 * PARALLEL_MIN_PER_WORKER
    results = parse_and_extract_all(items, workers if parallel else 1)
    documents, rows, failures = [], {}, {}
    for source, result in zip(sources, results, strict=True):
        if isinstance(result, str):
            failures[source.id] = result
        else:
            documents.append(result[0])
            rows[source.id] = result[1]
    return documents, rows, failures


@task(name="discover", cache_policy=NO_CACHE, retries=1, retry_delay_seconds=5)
def discover_listings(listings, known_urls: set[str], now: datetime, fetch_settings: dict | None):
    """Walk the watched listing pages for links to documents not yet known."""
    from yanglao.acquire.discover import discover_all
    from yanglao.acquire.fetch import Fetcher, FetchSettings

    with Fetcher(FetchSettings(**(fetch_settings or {}))) as fetcher:
        return discover_all(listings, fetcher, known_urls, now)


@task(name="publish", cache_policy=NO_CACHE)
def publish(
    output: Path, tables: dict[str, list[dict]], now: datetime, registry: list[dict], changed: set[str] | None
):
    return publish_release(output, tables, now, registry, changed_documents=changed)


@task(name="sqlite", cache_policy=NO_CACHE)
def build_sqlite(
    release_path: Path,
    db_path: Path,
    version: str,
    source_status: list[dict],
    listing_status: list[dict],
    changed: set[str] | None = None,
) -> str:
    if update_status(db_path, version, source_status, listing_status):
        return str(db_path)  # same release, same build code: only the status tables changed
    if update_database(release_path, db_path, version, changed, source_status, listing_status):
        return str(db_path)  # the previous release's database with the changed documents replaced
    return str(
        build_database(
            release_path, db_path, version, source_status=source_status, listing_status=listing_status
        )
    )


def _load_listing_status(state_dir: Path) -> dict[str, dict]:
    path = state_dir / "listing_status.json"
    if not path.exists():
        return {}
    return {row["listing_id"]: row for row in json.loads(path.read_text(encoding="utf-8"))["listings"]}


def _write_json(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    tmp.replace(path)


def _previous_release(output: Path) -> PreviousRelease | None:
    versions = published_versions(output)
    return load_previous(releases_dir(output) / versions[-1]) if versions else None


@contextmanager
def output_lock(output: Path):
    """One run at a time per output folder: scheduled runs may overlap, releases must not."""
    output.mkdir(parents=True, exist_ok=True)
    with (output / ".yanglao.lock").open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@flow(name="yanglao-refresh", log_prints=False)
def refresh(
    sources_path: str,
    output: str,
    archive_root: str,
    fetch: bool = False,
    archive_fallback: str | None = None,
    pinned: dict[str, str] | None = None,
    fetch_settings: dict | None = None,
) -> RunSummary:
    """Build a release from the registry: snapshots → documents → rows → validated release → SQLite."""
    with output_lock(Path(output)):
        return _refresh(sources_path, output, archive_root, fetch, archive_fallback, pinned, fetch_settings)


def _refresh(
    sources_path, output, archive_root, fetch, archive_fallback, pinned, fetch_settings
) -> RunSummary:
    summary = RunSummary()
    output_dir = Path(output)
    state_dir = output_dir / "state"
    archive = Archive(Path(archive_root), Path(archive_fallback) if archive_fallback else None)
    now = datetime.now(UTC)
    now_text = now.strftime("%Y-%m-%dT%H:%M:%SZ")

    started = time.perf_counter()
    status_path = state_dir / "source_status.json"
    statuses = load_status(status_path)
    discovered_path = Path(sources_path).with_name("discovered.yaml")
    sources = merge_sources(load_registry(Path(sources_path)), load_discovered(discovered_path))
    listings = load_listings(Path(sources_path)) if fetch and pinned is None else []
    listing_rows = _load_listing_status(state_dir)
    if listings:
        reports = discover_listings(listings, {s.url for s in sources if s.url}, now, fetch_settings)
        found = [replace(s, refresh_days=DISCOVERED_REFRESH_DAYS) for r in reports for s in r.new]
        sources = merge_sources(sources, append_discovered(discovered_path, found))
        urls = {listing.id: listing.url for listing in listings}
        for report in reports:
            listing_rows[report.listing_id] = listing_status_row(
                report, listing_rows.get(report.listing_id), urls[report.listing_id], now_text
            )
            print(f"  listing   {report.summary()}", flush=True)
            summary.warnings += [f"listing {report.listing_id}: {e}" for e in report.errors]
        _write_json(
            state_dir / "listing_status.json", {"listings": [listing_rows[k] for k in sorted(listing_rows)]}
        )
    due = {s.id for s in sources if due_for_refresh(s, statuses.get(s.id), now)}
    outcomes = collect_snapshots(sources, archive, fetch, pinned, fetch_settings, due)
    errors = {o.source_id: o.error for o in outcomes if o.error}
    summary.stage_seconds["snapshots"] = time.perf_counter() - started
    fetched = sum(o.fetched for o in outcomes)
    _progress(
        "snapshots",
        f"{len(sources)} sources, {fetched} fetched ({sum(o.not_modified for o in outcomes)} not modified), "
        f"{len(outcomes) - fetched} from the archive, {len(errors)} failed",
        summary.stage_seconds["snapshots"],
    )

    # Decide per document: keep the last release's rows, or build again.
    started = time.perf_counter()
    previous = None if pinned is not None else _previous_release(output_dir)
    keys_path = state_dir / "build_keys.json"
    old_keys = json.loads(keys_path.read_text(encoding="utf-8")) if keys_path.exists() and previous else {}
    fingerprint = extractor_fingerprint()
    by_id = {s.id: s for s in sources}
    keys: dict[str, str] = {}
    work: list[tuple[Source, SnapshotRecord, str]] = []
    kept: set[str] = set()
    for outcome in outcomes:
        if outcome.snapshot is None:
            continue
        key = build_key(by_id[outcome.source_id], outcome.snapshot.sha256, fingerprint)
        if previous and old_keys.get(outcome.source_id) == key and outcome.source_id in previous.documents:
            kept.add(outcome.source_id)
            keys[outcome.source_id] = key
        else:
            work.append((by_id[outcome.source_id], outcome.snapshot, key))

    documents: dict[str, dict] = {}
    rows: dict[str, dict[str, list[dict]]] = {}
    batches = [work[i : i + BATCH_SIZE] for i in range(0, len(work), BATCH_SIZE)]
    # On a Dask cluster each batch is a task on a worker process; here, each batch uses every core.
    on_dask = type(get_run_context().task_runner).__name__ == "DaskTaskRunner"
    workers = 1 if on_dask else (os.cpu_count() or 1)
    futures = []
    try:
        for batch in batches:
            futures.append(
                process_batch.submit(
                    quote([b[0] for b in batch]),
                    quote([b[1] for b in batch]),
                    [b[2] for b in batch],
                    archive,
                    workers,
                )
            )
            if not on_dask:
                futures[-1].wait()  # one batch at a time: each already uses every core (one pool for all)
    finally:
        close_pool()
    for batch, future in zip(batches, futures, strict=True):
        docs, batch_rows, failures = future.result()
        for document in docs:
            documents[document["document_id"]] = document
        rows.update(batch_rows)
        errors.update(failures)
        keys.update({b[0].id: b[2] for b in batch if b[0].id not in failures})
    summary.extracted, summary.reused = len(documents), len(kept)

    # Keep the last good data of sources that failed, and hold back sudden drops in yield.
    for source_id in list(rows):
        if previous and source_id in previous.documents:
            new_count = sum(len(rows[source_id][name]) for name in YIELD_TABLES)
            old_count = previous.row_count(source_id)
            if yield_dropped(old_count, new_count):
                errors[source_id] = (
                    f"yield dropped from {old_count} to {new_count} rows: kept the last release's rows"
                )
                del rows[source_id], documents[source_id]
                keys.pop(source_id, None)
    if previous:
        for source_id in by_id:
            if source_id not in documents and source_id in previous.documents:
                documents[source_id] = previous.documents[source_id]
                rows[source_id] = previous.rows_of(source_id)
                if source_id not in kept:
                    keys[source_id] = old_keys.get(source_id, "")
    summary.failures = [f"{sid}: {error}" for sid, error in sorted(errors.items())]
    summary.stage_seconds["extract"] = time.perf_counter() - started
    tables: dict[str, list[dict]] = {name: [] for name in ROW_TABLES}
    for source_id in sorted(rows):
        for name in tables:
            tables[name].extend(rows[source_id][name])
    _progress(
        "extract",
        f"{summary.extracted} documents extracted, {summary.reused} unchanged and kept; "
        + ", ".join(f"{len(r)} {n}" for n, r in tables.items()),
        summary.stage_seconds["extract"],
    )

    tables["sources"] = [source_row(s) for s in sources]
    tables["documents"] = [documents[k] for k in sorted(documents)]
    tables.update(vocabulary_tables())
    registry = [{k: v for k, v in asdict(s).items() if v is not None or k == "url"} for s in sources]
    started = time.perf_counter()
    # Documents whose rows may differ from the latest release: extracted this run, or gone since.
    changed = None
    if previous is not None:
        fresh = {
            d for d in documents if d not in previous.documents or documents[d] is not previous.documents[d]
        }
        changed = fresh | (set(previous.documents) - set(documents))
    # quote(): Prefect would otherwise walk every row of every table looking for futures.
    release = publish(output_dir, quote(tables), now, quote(registry), changed)
    summary.stage_seconds["publish"] = time.perf_counter() - started
    _progress("publish", f"validated; {release.message}", summary.stage_seconds["publish"])
    state_dir.mkdir(parents=True, exist_ok=True)
    _write_json(keys_path, dict(sorted(keys.items())))

    # Source status: what each source did this run, kept across runs.
    by_outcome = {o.source_id: o for o in outcomes}
    for source in sources:
        outcome = by_outcome[source.id]
        statuses[source.id] = next_status(
            statuses.get(source.id),
            source.id,
            now_text,
            attempted=outcome.fetched or outcome.snapshot is None,
            error=errors.get(source.id),
            snapshot_sha256=outcome.snapshot.sha256 if outcome.snapshot and not outcome.error else None,
            changed_at=outcome.snapshot.retrieved_at if outcome.snapshot else None,
            has_data=source.id in documents,
        )
    _write_json(status_path, {"sources": status_rows(statuses)})

    started = time.perf_counter()
    db_path = output_dir / "datasets" / "yanglao.db"
    summary.database = build_sqlite(
        release.path,
        db_path,
        release.version,
        status_rows(statuses),
        [listing_rows[k] for k in sorted(listing_rows)],
        changed,
    )
    summary.stage_seconds["sqlite"] = time.perf_counter() - started
    _progress("sqlite", f"{db_path}", summary.stage_seconds["sqlite"])

    summary.documents = len(documents)
    summary.rows = release.row_counts
    summary.version = release.version
    summary.published = release.published
    summary.message = release.message
    create_markdown_artifact(
        key="yanglao-refresh-summary", markdown=summary_markdown(summary), description="yanglao run"
    )
    return summary


def with_dask(workers: int):
    """The same flow on a local Dask cluster of `workers` processes (prefect-dask's task runner)."""
    from prefect_dask import DaskTaskRunner

    runner = DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True})
    return refresh.with_options(task_runner=runner)


def summary_markdown(summary: RunSummary) -> str:
    lines = [
        f"# yanglao refresh: {summary.message}",
        "",
        f"- release: **{summary.version}** ({'new' if summary.published else 'unchanged'})",
        f"- documents: {summary.documents} ({summary.extracted} extracted, {summary.reused} unchanged)",
        "",
        "| table | rows |",
        "|---|---:|",
        *[f"| {name} | {count} |" for name, count in summary.rows.items()],
        "",
        "| stage | seconds |",
        "|---|---:|",
        *[f"| {stage} | {seconds:.2f} |" for stage, seconds in summary.stage_seconds.items()],
    ]
    if summary.failures:
        lines += ["", "## Failed sources (their last good data is kept)", ""]
        lines += [f"- {failure}" for failure in summary.failures]
    return "\n".join(lines) + "\n"
