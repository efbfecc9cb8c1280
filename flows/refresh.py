"""The Prefect flow: wires the stages together, one task per stage over the whole batch.

A task per document would cost Prefect's ~5 ms of bookkeeping per call many times
over at national scale (PITFALLS.md), so each stage is one task over a batch of
documents. The decisions (what to keep, rebuild, hold back, refuse) are pure functions in
`yanglao.pipeline`; this file only orders, retries, caches and reports.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import operator
import os
import sqlite3
import time
import uuid
from collections.abc import Iterable
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from prefect import flow, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.context import get_run_context
from prefect.utilities.annotations import quote

from yanglao import pipeline, runstate, spool, statedb
from yanglao.acquire import snapshots
from yanglao.acquire.archive import Archive, SnapshotRecord
from yanglao.acquire.discover import append_discovered, load_discovered, merge_sources
from yanglao.acquire.registry import (
    Listing,
    Source,
    forget_parsed,
    has_listings,
    load_listings,
    load_registry,
)
from yanglao.acquire.snapshots import SourceOutcome
from yanglao.extract.pool import close_pool, parse_and_extract_all
from yanglao.jsonfile import read_members
from yanglao.parse.documents import source_row
from yanglao.publish.incremental import (
    SourceStatus,
    due_for_refresh,
    extractor_fingerprint,
    listing_status_row,
    load_status,
    status_digest,
    status_rows,
)
from yanglao.publish.release import (
    KeptBytes,
    Release,
    finish_release,
    publish_release,
    published_versions,
    releases_dir,
)
from yanglao.publish.rowstore import (
    SpooledRelease,
    SpooledTables,
    TableSpooler,
    keep_spooled_release,
    load_spooled_release,
    spool_rows,
    write_row_index,
)
from yanglao.report import RunSummary, summary_markdown
from yanglao.serve.sqlite import _built_from, build_database, update_database
from yanglao.vocabulary.indicators import vocabulary_tables

BATCH_SIZE = 500
UNCHANGED_RECORD = "unchanged_check.json"  # in state/: the code and release the build keys were recorded for
PARALLEL_MIN_PER_WORKER = 20  # fewer documents than this per process are not worth starting processes for
DISCOVERED_REFRESH_DAYS = 30  # a published document rarely changes: look again monthly, not daily
#: Sources per slice of a run that walks the state file (`stream_snapshots`): what it holds at once.
STREAM_SLICE = 1000


@dataclass(frozen=True)
class RunOptions:
    """What the operator asked of this run, beyond the registry and the folders."""

    file_roots: tuple[str, ...] = ()
    retire: tuple[str, ...] = ()
    allow_shrink: bool = False
    max_new_sources: int = pipeline.MAX_NEW_SOURCES_PER_RUN


def code_fingerprint() -> str:
    """A hash of every file of the package and the flow: a run of other code never takes the no-change path
    on keys recorded by this one (publishing code can change the release without changing a build key)."""
    digest = hashlib.sha256()
    for root in (Path(pipeline.__file__).resolve().parent, Path(__file__).resolve().parent):
        for path in sorted(root.rglob("*")):
            if path.is_file() and path.suffix in {".py", ".yaml", ".csv", ".json"}:
                digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _read_json(path: Path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _read_members(path: Path, names: set[str]) -> dict:
    """Members of a large JSON object file (a release.json), {} when it cannot be read."""
    try:
        return read_members(path, names)
    except (OSError, ValueError):
        return {}


def _same_code_and_version(record: dict | None, version: str) -> bool:
    """Whether the unchanged record was written by this code for this release."""
    return bool(record) and record.get("code") == code_fingerprint() and record.get("version") == version


def _progress(stage: str, detail: str, seconds: float) -> None:
    print(f"  {stage:<9} {detail} ({seconds:.2f} s)", flush=True)


@dataclass(frozen=True)
class Outcomes:
    """Every source's outcome, as one object: Prefect links each item of a list a task returns to the task's run
    (a walk over 100,000 outcomes, and an entry each in the flow run's context), an object as one."""

    items: list[SourceOutcome]


@task(name="snapshots", cache_policy=NO_CACHE, retries=1, retry_delay_seconds=5)
def collect_snapshots(
    sources: list[Source],
    archive: Archive,
    plan: pipeline.FetchPlan,
    pinned: dict[str, str] | None = None,
    fetch_settings: dict | None = None,
    prefetched: dict[str, SourceOutcome] | None = None,
) -> Outcomes:
    """Each source's snapshot (`yanglao.acquire.snapshots.collect`), retried once as a whole."""
    return Outcomes(snapshots.collect(sources, archive, plan, pinned, fetch_settings, prefetched=prefetched))


@dataclass
class StreamedSnapshots:
    """What a walk over the state file found: nothing that changes the release (the new statuses committed to the
    file), or a change, with what it fetched before it."""

    sources: int = 0
    fetched: int = 0
    not_modified: int = 0
    change: str | None = None  # the first source that changes the release, and how
    failures: list[tuple[str, str]] = field(default_factory=list)  # (id, error): kept their last snapshot
    prefetched: dict[str, SourceOutcome] = field(default_factory=dict)  # when there is a change
    status_changed: bool = False


@task(name="snapshots-streamed", cache_policy=NO_CACHE)
def stream_snapshots(
    state_path: Path,
    token: str,
    archive: Archive,
    roots: list[Path],
    fetch: bool,
    fetch_settings: dict | None,
    now: datetime,
) -> StreamedSnapshots:
    """Each source's snapshot, fetched or replayed as planned, a slice of the state file at a time, each slice
    checked against the build keys; at the first change, stop (the run then reads everything).

    Memory follows the slice, not the corpus: only counts and, at a change, what was fetched are kept."""
    found = StreamedSnapshots()
    try:
        update = statedb.StateUpdate(state_path)
        return _walk(update, state_path, token, archive, roots, fetch, fetch_settings, now, found)
    except sqlite3.DatabaseError as error:
        # A damaged state file: the run reads every source instead (fetching again), and writes a new one.
        found.change, found.prefetched = f"the state file cannot be read: {error}", {}
        return found


def _walk(update, state_path, token, archive, roots, fetch, fetch_settings, now, found) -> StreamedSnapshots:
    """`stream_snapshots`'s loop over the slices, writing the new statuses into `update`."""
    now_text, fingerprint = now.strftime("%Y-%m-%dT%H:%M:%SZ"), extractor_fingerprint()
    try:
        with _fetcher(fetch, fetch_settings) as fetcher:
            for part in statedb.slices(state_path, STREAM_SLICE):
                sources = [p.source for p in part]
                due = {p.source.id for p in part if due_for_refresh(p.source, p.status, now)}
                has_snapshot = {s.id for s in sources if archive.latest(s.id) is not None}
                # no new source fetched (max_new 0): one never fetched waits in the queue, which is a change
                plan = pipeline.plan_fetches(sources, due, has_snapshot, roots, 0, fetch)
                outcomes = snapshots.collect(sources, archive, plan, fetcher=fetcher)
                found.sources += len(sources)
                found.fetched += sum(o.fetched for o in outcomes)
                found.not_modified += sum(o.not_modified for o in outcomes)
                found.change = pipeline.first_change(
                    sources, [p.build_key for p in part], outcomes, fingerprint
                )
                if found.change:
                    found.prefetched = _fetched_before(update, archive) | {
                        o.source_id: o for o in outcomes if o.fetched or o.error
                    }
                    update.discard()
                    return found
                review = pipeline.Review()
                statuses = [
                    pipeline.status_after(p.status, p.source.id, o, now_text, o.error, True, review)
                    for p, o in zip(part, outcomes, strict=True)
                ]
                found.failures += [(o.source_id, o.error) for o in outcomes if o.error]
                how = [
                    (statedb.NOT_MODIFIED if o.not_modified else int(o.fetched), o.error) for o in outcomes
                ]
                update.record(part, statuses, how)
                archive.forget_latest()
        found.status_changed = update.changed
        update.commit(token)
    except BaseException:
        update.discard()
        raise
    return found


def _fetcher(fetch: bool, fetch_settings: dict | None):
    if not fetch:
        return nullcontext(None)
    from yanglao.acquire.fetch import Fetcher, FetchSettings

    return Fetcher(FetchSettings(**(fetch_settings or {})))


def _fetched_before(update: statedb.StateUpdate, archive: Archive) -> dict[str, SourceOutcome]:
    """The outcomes of the sources fetched (or tried) in the slices before a change, as they were: the snapshot
    is the archive's latest either way (a new one stored, a 304's, or the one a failure keeps)."""
    return {
        source_id: SourceOutcome(
            source_id,
            error is None,
            archive.latest(source_id),
            error=error,
            fetched=how != statedb.NOT_FETCHED,
            not_modified=how == statedb.NOT_MODIFIED,
        )
        for source_id, (how, error) in update.fetched().items()
    }


#: What older versions of this flow left in Prefect's result storage: one cloudpickled batch of documents
#: with their text and rows per cache key (~29 KB per document, written on every full rebuild, never read
#: back once the per-document build keys decided what to reuse). Nothing writes them now; runs remove them.
OLD_BATCH_RESULT_PREFIX = "extract-"


def result_storage() -> Path:
    """The folder of Prefect's local result storage (PREFECT_LOCAL_STORAGE_PATH, under PREFECT_HOME)."""
    from prefect.settings import PREFECT_LOCAL_STORAGE_PATH

    return Path(PREFECT_LOCAL_STORAGE_PATH.value())


def prune_result_storage(folder: Path | None = None) -> tuple[int, int]:
    """Remove the batch results older runs persisted (see OLD_BATCH_RESULT_PREFIX); returns (files, bytes).

    Why: they made the storage grow by every full rebuild for a cache nothing reads; the storage stays
    bounded only if what was written before is removed as well. Other flows' entries are left alone.
    """
    folder = result_storage() if folder is None else folder
    files = removed = 0
    if not folder.is_dir():
        return files, removed
    for path in folder.iterdir():
        if path.name.startswith(OLD_BATCH_RESULT_PREFIX) and path.is_file():
            try:
                size = path.stat().st_size
                path.unlink()
            except OSError:
                continue
            files, removed = files + 1, removed + size
    return files, removed


# Not cached nor persisted by Prefect: the build keys decide per document what is reused (`plan_builds`),
# so a persisted batch would only be written, never read (PITFALLS.md, BENCHMARKS.md).
@task(name="extract", cache_policy=NO_CACHE, persist_result=False, retries=1)
def process_batch(
    sources: list[Source],
    snapshots: list[SnapshotRecord],
    keys: list[str],
    archive: Archive,
    workers: int = 1,
    spool_folder: str | None = None,
    index: int = 0,
) -> spool.SpooledBatch:
    """Parse and extract a batch of documents, one `DocumentResult` each (a failure is that document's alone),
    written to the run's spool folder: the task's result is the file's path and counts, never the rows.

    With `workers` > 1 the documents are spread over that many processes: the stages are pure
    Python, so threads would share one interpreter lock.
    """
    if spool_folder is None:
        raise ValueError("process_batch needs the run's spool folder")
    items = [(source, snapshot, archive) for source, snapshot in zip(sources, snapshots, strict=True)]
    parallel = workers > 1 and len(items) >= 2 * PARALLEL_MIN_PER_WORKER
    results = parse_and_extract_all(items, workers if parallel else 1)
    documents = (pipeline.document_result(s.id, r) for s, r in zip(sources, results, strict=True))
    return spool.write_batch(Path(spool_folder), index, documents)


@task(name="discover", cache_policy=NO_CACHE, retries=1, retry_delay_seconds=5)
def discover_listings(listings, known_urls, now: datetime, fetch_settings: dict | None):
    """Walk the watched listing pages for links to documents not yet known (`known_urls`: URLs, or `KnownKeys`)."""
    from yanglao.acquire.discover import discover_all
    from yanglao.acquire.fetch import Fetcher, FetchSettings

    with Fetcher(FetchSettings(**(fetch_settings or {}))) as fetcher:
        return discover_all(listings, fetcher, known_urls, now)


@task(name="publish", cache_policy=NO_CACHE)
def publish(
    output: Path,
    tables: dict[str, list[dict]],
    now: datetime,
    registry: Iterable[dict],
    changed: set[str] | None,
    kept: KeptBytes | None = None,
):
    """Prefect task: publish a release (validated, atomic) of the assembled tables."""
    return publish_release(output, tables, now, registry, changed_documents=changed, kept=kept)


@task(name="sqlite", cache_policy=NO_CACHE)
def build_sqlite(
    release_path: Path,
    db_path: Path,
    version: str,
    source_status: list[dict],
    listing_status: list[dict],
    changed: set[str] | None = None,
    status_changed: bool = True,
) -> str:
    """The SQLite build of the release, always replaced by rename (Datasette serves it immutable), and not
    touched at all when neither the release nor the status changed."""
    built_from = _built_from(db_path)
    if built_from == version and not status_changed:
        return str(db_path)
    if built_from == version and runstate.swap_status(db_path, version, source_status, listing_status):
        return str(db_path)  # same release, same build code: only the status tables changed
    if update_database(release_path, db_path, version, changed, source_status, listing_status):
        return str(db_path)  # the previous release's database with the changed documents replaced
    return str(
        build_database(
            release_path, db_path, version, source_status=source_status, listing_status=listing_status
        )
    )


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
    file_roots: list[str] | None = None,
    retire: list[str] | None = None,
    allow_shrink: bool = False,
    max_new_sources: int = pipeline.MAX_NEW_SOURCES_PER_RUN,
) -> RunSummary:
    """Build a release from the registry: snapshots → documents → rows → validated release → SQLite."""
    options = RunOptions(tuple(file_roots or ()), tuple(retire or ()), allow_shrink, max_new_sources)
    out = Path(output)
    with output_lock(out):
        runstate.remove_leftovers(out)  # a run killed before it finished left them
        prune_result_storage()
        try:
            run = _Run(Path(sources_path), out, archive_root, archive_fallback, fetch, pinned, fetch_settings)
            return run.execute(options)
        finally:
            runstate.remove_leftovers(out)


class _Run:
    """One refresh: each method is one step of `execute`, in order."""

    def __init__(self, registry, output, archive_root, archive_fallback, fetch, pinned, fetch_settings):
        self.registry, self.output, self.fetch, self.pinned = registry, output, fetch, pinned
        self.fetch_settings = fetch_settings
        self.state_dir = output / "state"
        self.archive = Archive(Path(archive_root), Path(archive_fallback) if archive_fallback else None)
        self.now = datetime.now(UTC)
        self.now_text = self.now.strftime("%Y-%m-%dT%H:%M:%SZ")
        self.summary = RunSummary()
        self.refused: set[str] = set()
        self._statuses: dict[str, SourceStatus] | None = None  # read when needed: a streamed run never does
        self.old_status_digest = ""
        self.token = uuid.uuid4().hex  # this run's, in the state file and the unchanged record it writes
        self.record: dict | None = None  # the unchanged record to write with the state (None: write neither)
        self.keys: dict[str, str] = {}  # the build keys of the sources, as the release was built
        self.registry_digest = ""
        self.registry_has_listings = True
        self.listings: list[Listing] | None = None  # the registry's, when this run reads them
        self.discovered = False  # whether this run has read the listings already
        self.listing_rows = runstate.load_listing_status(self.state_dir)
        self.spool_folder: Path | None = None  # the extraction batches' files, during `extract` only
        self.spooler: TableSpooler | None = None  # the release's tables as `extract` spooled them
        self.old_listing_rows = self.sorted_listing_rows()

    @property
    def statuses(self) -> dict[str, SourceStatus]:
        """Every source's status after the last run (`state/source_status.json`), read on first use."""
        if self._statuses is None:
            self._statuses = load_status(self.state_dir / "source_status.json")
            self.old_status_digest = status_digest(self._statuses)
        return self._statuses

    def execute(self, options: RunOptions) -> RunSummary:
        """The run's steps in order: discover, fetch, extract, publish, build the database, report."""
        if self.pinned is None:
            refusal = pipeline.registry_refusal(runstate.recorded_registry(self.output), str(self.registry))
            if refusal:
                return self._refuse(refusal)
        streamed = self.streamed(options)
        if isinstance(streamed, RunSummary):
            return streamed
        sources = self.sources()
        outcomes = self.snapshots(sources, options, streamed)
        unchanged = self.unchanged_release(sources, outcomes, options)
        if unchanged is not None:
            return self.nothing_changed(sources, outcomes, unchanged)
        previous = None if self.pinned is not None else runstate.previous_release(self.output)
        # The run's spool: the extraction batches' files, then the release's tables, one file each.
        self.spool_folder = spool.spool_dir(
            self.output
        )  # a killed run's is removed by the next as a leftover
        try:
            review, keys, tables = self.extract(sources, outcomes, previous)
            retire = set(options.retire)
            if self.pinned is None and not options.allow_shrink:
                refusal = pipeline.shrink_refusal(previous, {s.id for s in sources}, tables, retire)
                if refusal:
                    return self._refuse(refusal)
            release = self.publish(sources, tables, review, previous, keys, retire)
        finally:
            spool.remove_spool(self.spool_folder)
        self.record_status(sources, outcomes, review.published, review)
        changed = pipeline.changed_documents(review.fresh, review.published, previous)
        self.build_database(release, changed, status_rows(self.statuses), self.status_changed())
        self.summary.documents = len(review.published)
        self.summary.rows, self.summary.version = release.row_counts, release.version
        self.summary.published, self.summary.message = release.published, release.message
        create_markdown_artifact(
            key="yanglao-refresh-summary", markdown=summary_markdown(self.summary), description="yanglao run"
        )
        return self.summary

    def streamable(self, options: RunOptions) -> tuple[Path, dict] | None:
        """The latest release and the unchanged record, when this run may walk the state file a slice at a time
        instead of reading every source (else None): the same code published it, from the registry and
        discovered sources as they are now, and wrote the state file with it; and the run reads no listings
        (which need every known URL)."""
        if self.pinned is not None or options.retire:
            return None
        record = _read_json(self.state_dir / UNCHANGED_RECORD) or {}
        versions = published_versions(self.output)
        if (
            not versions
            or record.get("code") != code_fingerprint()
            or record.get("version") != versions[-1]
            or record.get("registry") != runstate.registry_digest(self.registry)
            or record.get("state") is None
            or statedb.read_token(self.state_dir / statedb.FILE) != record["state"]
        ):
            return None
        return releases_dir(self.output) / versions[-1], record

    def streamed(self, options: RunOptions) -> RunSummary | dict[str, SourceOutcome] | None:
        """A run that may leave the release as it is, found so a slice of sources at a time (`stream_snapshots`):
        its summary when nothing changed; at a change, what it fetched (which the run that then reads every
        source does not fetch again); None when it cannot walk the state file."""
        streamable = self.streamable(options)
        if streamable is None:
            return None
        release_path, record = streamable
        state_path = self.state_dir / statedb.FILE
        if self.fetch and record.get("listings", True):
            self.listings = statedb.read_listings(state_path)
            if self.listings is None:
                return None
            if self.discover(self.listings, statedb.StateUrlKeys(state_path)):
                return None  # new sources: the run reads everything (the listings are not read again)
        started = time.perf_counter()
        roots = [self.registry.resolve().parent, *map(Path, options.file_roots)]
        found = stream_snapshots(
            state_path,
            self.token,
            self.archive,
            quote(roots),
            self.fetch,
            quote(self.fetch_settings),
            self.now,
        )
        seconds = self.summary.stage_seconds["snapshots"] = time.perf_counter() - started
        if found.change:
            _progress(
                "snapshots",
                f"{found.sources} sources walked a slice at a time until one changes the release ({found.change}); "
                f"{found.fetched} fetched: reading every source",
                seconds,
            )
            return found.prefetched
        _progress(
            "snapshots",
            f"{found.sources} sources, {found.fetched} fetched ({found.not_modified} not modified), "
            f"{found.sources - found.fetched} from the archive, {len(found.failures)} failed, 0 queued "
            "(a slice at a time)",
            seconds,
        )
        self.summary.failures = [f"{sid}: {error}" for sid, error in sorted(found.failures)]
        runstate.write_json(self.state_dir / "queue.json", {"queued": [], "at": self.now_text})
        statedb.write_status_json(self.state_dir / "source_status.json", statedb.StatusRows(state_path))
        self.record = {"code": code_fingerprint(), "version": release_path.name}
        self.registry_digest, self.registry_has_listings = record["registry"], record["listings"]
        self.write_record()
        rows = statedb.StatusRows(state_path)
        return self.finish_unchanged(
            release_path, found.sources, rows, found.status_changed or self.listings_changed()
        )

    def unchanged_release(self, sources, outcomes, options: RunOptions) -> Path | None:
        """The latest release when this run cannot change it, decided from the build keys alone (else None).

        Why: loading the previous release to find out costs memory and time in proportion to the corpus;
        this check costs neither. It holds only when the same code published the latest release from
        exactly these sources with these snapshots (every build key as recorded; a source whose fetch failed
        keeps its last snapshot, and with it its data), and nothing was queued, refused or retired; anything
        else takes the full path, which decides by the data itself.
        """
        if self.pinned is not None or options.retire or self.refused:
            return None
        keys_path = self.state_dir / "build_keys.json"
        record = _read_json(self.state_dir / UNCHANGED_RECORD)
        versions = published_versions(self.output)
        if not versions or not keys_path.exists() or not _same_code_and_version(record, versions[-1]):
            return None
        old_keys = json.loads(keys_path.read_text(encoding="utf-8"))
        if set(old_keys) != {s.id for s in sources}:
            return None
        keys = [old_keys[s.id] for s in sources]
        if pipeline.first_change(sources, keys, outcomes, extractor_fingerprint()):
            return None
        self.keys = old_keys
        return releases_dir(self.output) / versions[-1]

    def nothing_changed(self, sources, outcomes, release_path: Path) -> RunSummary:
        """A run that cannot change the release, found by reading every source: refresh the status."""
        self.record = {"code": code_fingerprint(), "version": release_path.name}
        review = pipeline.Review(errors={o.source_id: o.error for o in outcomes if o.error})
        self.summary.failures = [f"{sid}: {error}" for sid, error in sorted(review.errors.items())]
        self.record_status(sources, outcomes, {s.id for s in sources}, review)
        rows = status_rows(self.statuses)
        return self.finish_unchanged(release_path, len(sources), rows, self.status_changed())

    def finish_unchanged(self, release_path: Path, count: int, rows, status_changed: bool) -> RunSummary:
        """Repair what an interrupted run left of the latest release, and give the database the new status."""
        started = time.perf_counter()
        finish_release(self.output, release_path)
        record = _read_members(release_path / "release.json", {"row_counts"})
        release = Release(
            release_path.name,
            False,
            release_path,
            record.get("row_counts", {}),
            message="data unchanged: no new release",
        )
        self.summary.stage_seconds["extract"] = 0.0
        self.summary.stage_seconds["publish"] = time.perf_counter() - started
        _progress("extract", f"0 documents extracted, {count} unchanged and kept (build keys)", 0.0)
        _progress("publish", f"validated; {release.message}", self.summary.stage_seconds["publish"])
        self.build_database(release, set(), rows, status_changed)
        self.summary.documents = release.row_counts.get("documents", count)
        self.summary.reused = count
        self.summary.rows, self.summary.version = release.row_counts, release.version
        self.summary.published, self.summary.message = False, release.message
        create_markdown_artifact(
            key="yanglao-refresh-summary", markdown=summary_markdown(self.summary), description="yanglao run"
        )
        return self.summary

    def _refuse(self, reason: str) -> RunSummary:
        print(f"  refused   {reason}", flush=True)
        self.summary.refused = self.summary.message = reason
        create_markdown_artifact(
            key="yanglao-refresh-summary", markdown=summary_markdown(self.summary), description="yanglao run"
        )
        return self.summary

    def sources(self) -> list[Source]:
        """The registry's sources, those found on earlier runs, and those the listings show now."""
        discovered_path = self.registry.with_name("discovered.yaml")
        sources = merge_sources(load_registry(self.registry), load_discovered(discovered_path))
        if self.discovered:  # by the walk of the state file: what the listings showed is in discovered.yaml
            forget_parsed()
            return sources
        listings = load_listings(self.registry) if self.fetch and self.pinned is None else []
        self.registry_has_listings = bool(listings) or has_listings(self.registry)
        self.listings = listings if self.fetch and self.pinned is None else None
        forget_parsed()  # the run keeps the sources and listings, not the parsed files
        self.registry_digest = runstate.registry_digest(self.registry)
        if not listings:
            return sources
        found = self.discover(listings, {s.url for s in sources if s.url})
        return merge_sources(sources, found)

    def discover(self, listings: list[Listing], known) -> list[Source]:
        """Read the listings for documents whose URL is not `known` (URLs, or `KnownKeys`), add them to
        discovered.yaml and record each listing's status; returns the sources added."""
        reports = discover_listings(listings, known, self.now, self.fetch_settings)
        found = [replace(s, refresh_days=DISCOVERED_REFRESH_DAYS) for r in reports for s in r.new]
        added = append_discovered(self.registry.with_name("discovered.yaml"), found)
        urls = {listing.id: listing.url for listing in listings}
        for report in reports:
            self.listing_rows[report.listing_id] = listing_status_row(
                report, self.listing_rows.get(report.listing_id), urls[report.listing_id], self.now_text
            )
            print(f"  listing   {report.summary()}", flush=True)
            self.summary.warnings += [f"listing {report.listing_id}: {e}" for e in report.errors]
        rows = {"listings": self.sorted_listing_rows()}
        runstate.write_json(self.state_dir / "listing_status.json", rows)
        self.registry_digest = runstate.registry_digest(self.registry)  # with what discovery added
        self.discovered = True
        return added

    def snapshots(
        self, sources: list[Source], options: RunOptions, prefetched: dict[str, SourceOutcome] | None = None
    ) -> list[SourceOutcome]:
        """Fetch or replay every source, as planned, and say what happened (`prefetched`: fetched already)."""
        started = time.perf_counter()
        due = {s.id for s in sources if due_for_refresh(s, self.statuses.get(s.id), self.now)}
        has_snapshot = {s.id for s in sources if self.archive.latest(s.id) is not None}
        roots = [self.registry.resolve().parent, *map(Path, options.file_roots)]
        plan = pipeline.plan_fetches(sources, due, has_snapshot, roots, options.max_new_sources, self.fetch)
        # quote(): Prefect would otherwise walk every source and every planned fetch looking for futures
        # (~1 s per 10,000 sources, as long again to record the task's inputs).
        outcomes = collect_snapshots(
            quote(sources),
            self.archive,
            quote(plan),
            quote(self.pinned),
            self.fetch_settings,
            quote(prefetched),
        ).items
        self.summary.queued, self.refused = list(plan.queued), set(plan.refused)
        runstate.write_json(self.state_dir / "queue.json", {"queued": plan.queued, "at": self.now_text})
        seconds = time.perf_counter() - started
        walked = self.summary.stage_seconds.get("snapshots", 0.0)  # a walk that found a change, first
        self.summary.stage_seconds["snapshots"] = walked + seconds
        fetched = sum(o.fetched for o in outcomes)
        failed = sum(bool(o.error) for o in outcomes)
        _progress(
            "snapshots",
            f"{len(sources)} sources, {fetched} fetched ({sum(o.not_modified for o in outcomes)} not "
            f"modified), {len(outcomes) - fetched} from the archive, {failed} failed, {len(plan.queued)} queued",
            seconds,
        )
        return outcomes

    def extract(self, sources, outcomes, previous) -> tuple[pipeline.Review, dict[str, str], dict]:
        """Parse and extract what changed; hold back what looks wrong; keep the last good rows of the rest.

        The release's documents are written one at a time, in id order, to the spool (`TableSpooler`):
        fresh ones read back from the extraction batches, the others read from the latest release.
        """
        started = time.perf_counter()
        keys_path = self.state_dir / "build_keys.json"
        old_keys = (
            json.loads(keys_path.read_text(encoding="utf-8")) if keys_path.exists() and previous else {}
        )
        by_id = {s.id: s for s in sources}
        snapshots = {o.source_id: o.snapshot for o in outcomes if o.snapshot is not None and not o.queued}
        plan = pipeline.plan_builds(snapshots, by_id, previous, old_keys, extractor_fingerprint())
        sizes = {w.source.id: w.snapshot.size for w in plan.work}
        batches = self._run_batches(plan.work)
        review = pipeline.Review()
        kept = self.spooled_release(previous)
        spooler = self.spooler = TableSpooler(self.spool_folder / "release", kept)
        fresh = pipeline.reviewed(spool.read_results(batches), sizes, previous, review)
        copied = kept.index.positions if kept is not None else ()
        for sid, document, rows in pipeline.release_documents(
            by_id, fresh, previous, review, self.refused, copied
        ):
            if document is None:
                spooler.add_kept(sid)  # its rows as the latest release's run spooled them
            else:
                spooler.add(document, rows)  # type: ignore[arg-type]
        tables = SpooledTables(spooler.close())
        tables.problems = spooler.problems
        # the sources table on disk too, in its release order (by id), made a row at a time
        by_id_order = map(source_row, sorted(sources, key=operator.attrgetter("id")))
        tables["sources"] = spool_rows(
            self.spool_folder / "release" / "sources.rows", pipeline.public_source_rows(by_id_order)
        )
        tables.update(vocabulary_tables())
        work_keys = {w.source.id: w.key for w in plan.work}
        keys = dict(plan.keys) | {sid: work_keys[sid] for sid in review.fresh | review.same_content}
        taken = review.published - review.fresh - review.same_content
        keys |= {sid: old_keys.get(sid, "") for sid in taken if sid not in plan.kept}
        review.errors = {o.source_id: o.error for o in outcomes if o.error} | review.errors
        self.summary.extracted = sum(b.ok for b in batches) - len(review.same_content)
        self.summary.reused = len(plan.kept)
        self.summary.failures = [f"{sid}: {error}" for sid, error in sorted(review.errors.items())]
        self.summary.review, self.summary.same_content = sorted(review.review), sorted(review.same_content)
        counts = {t: spooler.counts[t] for t in pipeline.ROW_TABLES}
        self.summary.stage_seconds["extract"] = time.perf_counter() - started
        _progress(
            "extract",
            f"{self.summary.extracted} documents extracted, {self.summary.reused} unchanged and kept, "
            f"{len(review.same_content)} with new bytes and the same content; "
            + ", ".join(f"{n} {t}" for t, n in counts.items()),
            self.summary.stage_seconds["extract"],
        )
        return review, keys, tables

    def _run_batches(self, work: list[pipeline.WorkItem]) -> list[spool.SpooledBatch]:
        """Each batch extracted into the run's spool folder; their paths and counts, in order."""
        batches = [work[i : i + BATCH_SIZE] for i in range(0, len(work), BATCH_SIZE)]
        # On a Dask cluster each batch is a task on a worker process; here, each batch uses every core.
        on_dask = type(get_run_context().task_runner).__name__ == "DaskTaskRunner"
        workers = 1 if on_dask else (os.cpu_count() or 1)
        # quote() spares Prefect a walk over every record, but Dask rebuilds tuples, and a quote is one: it
        # reaches the worker mangled (prefect-dask issue 43). On Dask the lists go as they are.
        wrap = _as_is if on_dask else quote
        futures = []
        try:
            for index, batch in enumerate(batches):
                sources, snapshots = wrap([b.source for b in batch]), wrap([b.snapshot for b in batch])
                keys = [b.key for b in batch]
                futures.append(
                    process_batch.submit(
                        sources, snapshots, keys, self.archive, workers, str(self.spool_folder), index
                    )
                )
                if not on_dask:
                    futures[-1].wait()  # one batch at a time: each already uses every core (one pool for all)
        finally:
            close_pool()
        return [future.result() for future in futures]

    def publish(self, sources, tables, review, previous, keys, retire):
        """Publish the assembled tables unless the run must refuse; keep the build keys and the row index."""
        started = time.perf_counter()
        changed = pipeline.changed_documents(review.fresh, review.published, previous)
        # quote(): Prefect would otherwise walk every row of every table looking for futures.
        registry = pipeline.RegistryEntries(sources)  # written into release.json an entry at a time
        kept = self.kept_bytes(previous, review)
        release = publish(self.output, quote(tables), self.now, quote(registry), quote(changed), quote(kept))
        if release.published and previous is not None and retire & set(previous.documents):
            runstate.note_retired(self.output, release.version, sorted(retire & set(previous.documents)))
        self.summary.stage_seconds["publish"] = time.perf_counter() - started
        _progress("publish", f"validated; {release.message}", self.summary.stage_seconds["publish"])
        runstate.write_json(self.state_dir / "build_keys.json", dict(sorted(keys.items())))
        # What lets the next run see from the keys alone that it cannot change this release (`record_status`
        # adds what lets it see so from the state file).
        self.keys = keys
        self.record = (
            {"code": code_fingerprint(), "version": release.version} if self.pinned is None else None
        )
        runstate.write_json(self.state_dir / UNCHANGED_RECORD, self.record)
        if self.pinned is None:
            runstate.record_registry(self.output, self.registry)
        if release.row_index is not None and release.path is not None:  # last: only an aid to the next run
            write_row_index(self.state_dir, release.row_index, release.path)
        if (
            release.published
            and release.path is not None
            and self.pinned is None
            and self.spooler is not None
        ):
            # the spool this release was made from, for the next run to copy its kept documents' rows from
            try:
                keep_spooled_release(self.state_dir, self.spooler.folder, release.path, code_fingerprint())
            except OSError as error:  # only an aid: without it the next run reads the release's CSVs
                self.summary.warnings.append(f"the release's rows were not kept for the next run: {error}")
        return release

    def spooled_release(self, previous) -> SpooledRelease | None:
        """The spool the latest release was published from, when this code made it (`keep_spooled_release`)."""
        if previous is None or previous.path is None or self.pinned is not None:
            return None
        return load_spooled_release(self.state_dir, previous.path, code_fingerprint())

    def kept_bytes(self, previous, review) -> KeptBytes | None:
        """The documents taken unchanged from the latest release, whose records publish may copy from its files:
        only when this code published that release (a change to how rows are written would otherwise mix two
        forms in one file)."""
        if previous is None or previous.path is None or previous.row_index is None or self.pinned is not None:
            return None
        if not _same_code_and_version(_read_json(self.state_dir / UNCHANGED_RECORD), previous.version):
            return None
        taken = review.published - review.fresh - review.same_content
        return KeptBytes(previous.path, previous.row_index, frozenset(taken))

    def record_status(self, sources, outcomes, published: set[str], review) -> None:
        """Source status: what each source did this run (`published`: those with data in the release)."""
        by_outcome = {o.source_id: o for o in outcomes}
        statuses = self.statuses
        for source in sources:
            statuses[source.id] = pipeline.status_after(
                statuses.get(source.id),
                source.id,
                by_outcome[source.id],
                self.now_text,
                review.errors.get(source.id),
                source.id in published,
                review,
            )
        # The state file first: its new token no longer matches the record, so a run killed before the record
        # names it leaves the next run to read source_status.json, not a state file older than that file.
        if self.record is not None:
            statedb.write_state(
                self.state_dir / statedb.FILE, self.token, sources, self.keys, statuses, self.listings
            )
        runstate.write_json(self.state_dir / "source_status.json", {"sources": status_rows(statuses)})
        if self.record is not None:
            self.write_record()

    def write_record(self) -> None:
        """The unchanged record with what lets the next run walk the state file this run wrote."""
        record = dict(self.record or {}, registry=self.registry_digest, listings=self.registry_has_listings)
        runstate.write_json(self.state_dir / UNCHANGED_RECORD, record | {"state": self.token})

    def status_changed(self) -> bool:
        """Whether the statuses (sources' or listings') differ from those the run started with."""
        return status_digest(self.statuses) != self.old_status_digest or self.listings_changed()

    def sorted_listing_rows(self) -> list[dict]:
        """Each listing's status row, by listing id."""
        return [self.listing_rows[k] for k in sorted(self.listing_rows)]

    def listings_changed(self) -> bool:
        """Whether the listings' statuses differ from those the run started with."""
        return self.sorted_listing_rows() != self.old_listing_rows

    def build_database(self, release, changed, rows, status_changed: bool) -> None:
        """Build or update the SQLite database of the release, or only its status tables (`rows`: the sources')."""
        started = time.perf_counter()
        db_path = self.output / "datasets" / "yanglao.db"
        listing_rows = self.sorted_listing_rows()
        self.summary.database = build_sqlite(
            release.path,
            db_path,
            release.version,
            quote(rows),
            quote(listing_rows),
            quote(changed),
            status_changed,
        )
        self.summary.stage_seconds["sqlite"] = time.perf_counter() - started
        _progress("sqlite", f"{db_path}", self.summary.stage_seconds["sqlite"])


def _as_is(value):
    return value


def with_dask(cluster: int | str):
    """The same flow with its extraction batches on Dask (prefect-dask's task runner): `cluster` is a number
    of worker processes for a temporary local cluster, or the address of a running scheduler
    (`tcp://host:8786`) whose workers import this package and see the archive at the same path.

    Only `process_batch` goes to the cluster (one task per batch: a Dask task costs ~160 ms, PITFALLS.md);
    the other tasks are called directly and run in the flow's own process, which alone writes the output.
    """
    from prefect_dask import DaskTaskRunner

    if isinstance(cluster, str):
        runner = DaskTaskRunner(address=cluster)
    else:
        runner = DaskTaskRunner(
            cluster_kwargs={"n_workers": cluster, "threads_per_worker": 1, "processes": True}
        )
    return refresh.with_options(task_runner=runner)
