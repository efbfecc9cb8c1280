"""The decisions of a refresh run, as pure functions: what to keep, what to rebuild, what to hold back, when to
refuse to publish and how the tables are assembled.

No I/O here: the Prefect flow (`flows/refresh.py`) reads the state, calls these, and writes what they decide,
so each rule can be tested on plain values (`tests/test_pipeline.py`).
"""

from __future__ import annotations

import os
from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from yanglao.acquire.registry import Source, flat_fields
from yanglao.fields import TABLES_BY_NAME
from yanglao.publish.incremental import (
    ROW_TABLES,
    YIELD_TABLES,
    PreviousRelease,
    SourceStatus,
    build_key,
    next_status,
    yield_dropped,
)
from yanglao.publish.release import format_value
from yanglao.vocabulary.indicators import vocabulary_tables

#: A run that would remove more than this share of the latest release's rows publishes nothing.
MAX_REMOVED_SHARE = 0.2
#: New sources (never fetched) fetched per run; the others wait, queued, for the next runs.
MAX_NEW_SOURCES_PER_RUN = 200
#: A body of at least this many bytes that cleans to fewer than 1 character per `SPARSE_BYTES_PER_CHAR`
#: bytes parsed to almost nothing (a 2-million-deep tag tree gave 8 characters of 10 MB).
SPARSE_MIN_BYTES = 32 * 1024
SPARSE_BYTES_PER_CHAR = 1000
#: Below this share of shared 4-character shingles, a page whose title or 文号 changed is another document.
SAME_DOCUMENT_SIMILARITY = 0.5
#: Fields of a document row that change with the bytes even when the document does not.
SNAPSHOT_FIELDS = frozenset({"content_sha256", "retrieved_at", "source_url"})


# ---------------------------------------------------------------------------------------------------------
# Results of one document.


@dataclass(frozen=True)
class DocumentResult:
    """What parsing and extracting one document gave: its row and rows per table, or why it failed."""

    source_id: str
    document: dict | None = None
    rows: dict[str, list[dict]] | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        """True when the document parsed and extracted; False carries the one-line reason instead."""
        return self.error is None


def document_result(source_id: str, raw: object) -> DocumentResult:
    """The worker's answer ((document, rows) or a one-line reason) as a `DocumentResult`."""
    if isinstance(raw, str):
        return DocumentResult(source_id, error=raw)
    document, rows = raw  # type: ignore[misc]
    return DocumentResult(source_id, document, rows)


# ---------------------------------------------------------------------------------------------------------
# What a run fetches.


@dataclass(frozen=True)
class FetchPlan:
    """Which sources this run fetches, and which new ones wait in the queue for later runs."""

    fetch: list[Source]
    queued: list[str]  # new sources left for a later run (the per-run cap)
    refused: dict[str, str]  # source id → one-line reason (a file:// path outside the allowed roots)


def plan_fetches(
    sources: Iterable[Source],
    due: set[str] | None,
    has_snapshot: set[str],
    file_roots: Iterable[Path],
    max_new: int = MAX_NEW_SOURCES_PER_RUN,
    fetch: bool = True,
) -> FetchPlan:
    """Which sources a run fetches: the due ones (none when not fetching), at most `max_new` of those never
    fetched before (in registry order, so the queue drains in a stable order). A source whose URL is refused
    (credentials, a file outside the allowed roots) is refused whether fetching or not."""
    fetch_now, queued, refused = [], [], {}
    roots = [Path(r) for r in file_roots]
    new = 0
    for source in sources:
        reason = url_refusal(source.url or "") or file_url_refusal(source.url or "", roots)
        if reason:
            refused[source.id] = reason
            continue
        if not fetch or not source.fetchable or (due is not None and source.id not in due):
            continue
        if source.id not in has_snapshot:
            if new >= max_new:
                queued.append(source.id)
                continue
            new += 1
        fetch_now.append(source)
    return FetchPlan(fetch_now, queued, refused)


def file_url_refusal(url: str, roots: Iterable[Path]) -> str | None:
    """Why a file:// URL may not be read (None when it may, or is not a file:// URL).

    Only files under `roots` (the registry's own folder and the roots the operator names) are read; the
    path is resolved first, so `..` and symbolic links cannot lead out.
    """
    parts = urlsplit(url)
    if parts.scheme.lower() != "file":
        return None
    if parts.netloc not in ("", "localhost"):
        return f"file URL with a remote host is not supported: {url}"
    path = Path(os.path.realpath(url2pathname(parts.path)))
    for root in roots:
        if path.is_relative_to(Path(os.path.realpath(root))):
            return None
    names = ", ".join(str(r) for r in roots) or "none"
    return f"file {path} is outside the allowed file roots ({names}): refused; add --file-root to allow it"


def url_refusal(url: str) -> str | None:
    """Why a source URL is refused outright: credentials in it would be published with the sources."""
    parts = urlsplit(url or "")
    if parts.username is not None or parts.password is not None:
        return "URL carries credentials (user:password@): refused"
    return None


def public_url(url: str | None) -> str | None:
    """A URL as it may be published: without any user:password@ part."""
    if not url:
        return url
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return parts._replace(netloc=netloc).geturl()


# ---------------------------------------------------------------------------------------------------------
# What a run rebuilds.


@dataclass(frozen=True)
class WorkItem:
    """One document to parse and extract: its source, its snapshot and the build key that caches it."""

    source: Source
    snapshot: object  # SnapshotRecord
    key: str


@dataclass
class BuildPlan:
    """Which documents this run extracts and which it takes unchanged from the last release."""

    kept: set[str] = field(default_factory=set)  # unchanged since the latest release: its rows are reused
    keys: dict[str, str] = field(default_factory=dict)  # build keys of the kept documents
    work: list[WorkItem] = field(default_factory=list)  # to parse and extract


def plan_builds(
    snapshots: dict[str, object],
    sources: dict[str, Source],
    previous: PreviousRelease | None,
    old_keys: dict[str, str],
    fingerprint: str,
) -> BuildPlan:
    """Keep a document whose build key (snapshot, registry entry, extractor code) is as last published;
    build every other one that has a snapshot."""
    plan = BuildPlan()
    # In id order: the release is written in that order, one document at a time (`release_documents`).
    for source_id, snapshot in sorted(snapshots.items(), key=lambda item: item[0]):
        key = build_key(sources[source_id], snapshot.sha256, fingerprint)  # type: ignore[attr-defined]
        if previous and old_keys.get(source_id) == key and source_id in previous.documents:
            plan.kept.add(source_id)
            plan.keys[source_id] = key
        else:
            plan.work.append(WorkItem(sources[source_id], snapshot, key))
    return plan


# ---------------------------------------------------------------------------------------------------------
# What a run holds back.


@dataclass
class Review:
    """The outcome of checking fresh results against the latest release."""

    documents: dict[str, dict] = field(default_factory=dict)
    rows: dict[str, dict[str, list[dict]]] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)  # held back or failed: one line each
    review: set[str] = field(default_factory=set)  # held back for a person to look at (another document)
    same_content: set[str] = field(default_factory=set)  # new bytes, same document and rows
    fresh: set[str] = field(default_factory=set)  # extracted afresh and published as extracted
    published: set[str] = field(default_factory=set)  # every document of the release (`release_documents`)


def sparse_text(body_bytes: int, text_chars: int) -> str | None:
    """Why a page that cleans to almost nothing compared with its bytes is suspect (None when it is not)."""
    if body_bytes >= SPARSE_MIN_BYTES and text_chars * SPARSE_BYTES_PER_CHAR < body_bytes:
        return (
            f"parsed to almost nothing: {text_chars} characters from {body_bytes} bytes; "
            "held back (kept the last release's rows, if any)"
        )
    return None


def shingles(text: str, size: int = 4, limit: int = 200_000) -> set[str]:
    """Character shingles of (the first `limit` characters of) a text, whitespace ignored."""
    compact = "".join(text[:limit].split())
    return {compact[i : i + size] for i in range(max(len(compact) - size + 1, 1))}


def similarity(a: str, b: str) -> float:
    """Jaccard similarity of two texts' 4-character shingles: 1.0 same, ~0 unrelated."""
    left, right = shingles(a), shingles(b)
    if not left and not right:
        return 1.0
    return len(left & right) / len(left | right)


def another_document(old: dict, new: dict) -> str | None:
    """Why a page now holds a different document than the one published under its id (None when not):
    its title or 文号 changed and its text is mostly different."""
    changed = [name for name in ("title", "doc_number") if (old.get(name) or None) != (new.get(name) or None)]
    if not changed:
        return None
    score = similarity(old.get("text") or "", new.get("text") or "")
    if score >= SAME_DOCUMENT_SIMILARITY:
        return None
    what = " and ".join("文号" if n == "doc_number" else n for n in changed)
    return (
        f"review: the page now holds another document ({what} changed, {score:.0%} of the text shared): "
        "held back, not published under the old id"
    )


def _published(row: dict, table: str, skip: frozenset[str] = frozenset()) -> dict:
    """The row as published: its table's columns only (a fresh document also carries what the page said
    before the registry's curated values, for the quality report), as CSV text."""
    columns = TABLES_BY_NAME[table].field_names
    return {k: format_value(row.get(k)) for k in columns if k not in skip}


def same_content(old_document: dict, old_rows: dict, new_document: dict, new_rows: dict) -> bool:
    """True when new bytes give the same document (all but the snapshot's own fields) and the same rows."""
    if _published(old_document, "documents", SNAPSHOT_FIELDS) != _published(
        new_document, "documents", SNAPSHOT_FIELDS
    ):
        return False
    for table in ROW_TABLES:
        old = sorted(tuple(sorted(_published(r, table).items())) for r in old_rows.get(table, []))
        new = sorted(tuple(sorted(_published(r, table).items())) for r in new_rows.get(table, []))
        if old != new:
            return False
    return True


def _check_one(result: DocumentResult, body_bytes: int, previous: PreviousRelease | None) -> str | None:
    """The reason to hold one fresh document back, or None to publish it."""
    document, rows = result.document or {}, result.rows or {}
    sparse = sparse_text(body_bytes, len(document.get("text") or ""))
    if sparse:
        return sparse
    if previous is None or result.source_id not in previous.documents:
        return None
    old_count = previous.row_count(result.source_id)
    new_count = sum(len(rows.get(t, [])) for t in YIELD_TABLES)
    if yield_dropped(old_count, new_count):
        return f"yield dropped from {old_count} to {new_count} rows: kept the last release's rows"
    return another_document(previous.documents[result.source_id], document)


def reviewed(
    results: Iterable[DocumentResult],
    body_sizes: dict[str, int],
    previous: PreviousRelease | None,
    review: Review,
) -> Iterator[tuple[str, dict, dict[str, list[dict]]]]:
    """Sort fresh results into published, failed, held back (sparse text, yield drop, another document) and
    unchanged in content (a timestamp in a footer: the release's own row is kept, so nothing is released).

    Yields (source id, document, rows) of each document to publish, in the order of `results`, and records
    the rest in `review`: one document at a time, so that a run never holds them all.
    """
    for result in results:
        if not result.ok:
            review.errors[result.source_id] = result.error or "failed"
            continue
        reason = _check_one(result, body_sizes.get(result.source_id, 0), previous)
        if reason:
            review.errors[result.source_id] = reason
            if reason.startswith("review:"):
                review.review.add(result.source_id)
            continue
        sid = result.source_id
        if previous and sid in previous.documents:
            old_doc, old_rows = previous.documents[sid], previous.rows_of(sid)
            if same_content(old_doc, old_rows, result.document or {}, result.rows or {}):
                review.same_content.add(sid)
                yield sid, old_doc, old_rows
                continue
        review.fresh.add(sid)
        yield sid, result.document or {}, result.rows or {}


def review_results(
    results: Iterable[DocumentResult], body_sizes: dict[str, int], previous: PreviousRelease | None
) -> Review:
    """`reviewed`, with the documents to publish and their rows collected in the `Review`."""
    review = Review()
    for sid, document, rows in reviewed(results, body_sizes, previous, review):
        review.documents[sid], review.rows[sid] = document, rows
    return review


def status_label(status: str, source_id: str, review: Review, queued: bool) -> str:
    """The status word of a source after this run: `review` for a page that turned into another document,
    `queued` for a new source left for a later run, else what `next_status` said (ok, stale, failed)."""
    if source_id in review.review:
        return "review"
    if queued and status != "stale":
        return "queued"
    return status


def status_after(
    previous: SourceStatus | None,
    source_id: str,
    outcome,
    now: str,
    error: str | None,
    has_data: bool,
    review: Review,
) -> SourceStatus:
    """A source's status after this run, from its status before it and what happened to it (`SourceOutcome`)."""
    snapshot = outcome.snapshot
    status = next_status(
        previous,
        source_id,
        now,
        attempted=outcome.fetched or (snapshot is None and not outcome.queued),
        error=error,
        snapshot_sha256=snapshot.sha256 if snapshot and not outcome.error else None,
        changed_at=snapshot.retrieved_at if snapshot else None,
        has_data=has_data,
    )
    status.status = status_label(status.status, source_id, review, outcome.queued)
    return status


def first_change(
    sources: Iterable[Source], keys: Iterable[str | None], outcomes: Iterable, fingerprint: str
) -> str | None:
    """Why a run cannot leave the latest release as it is, seen from the build keys alone: the first source
    (in order) that waits in the queue, has no snapshot, or would be built from another snapshot or by other code
    than its recorded key says (None: every source is as recorded). A source whose fetch failed is built from
    its last snapshot, and is no change when that is the one its key was recorded for: it keeps its data."""
    for source, key, outcome in zip(sources, keys, outcomes, strict=True):
        if outcome.queued or outcome.snapshot is None:
            return f"{source.id}: {'failed, ' if outcome.error else ''}no snapshot"
        if build_key(source, outcome.snapshot.sha256, fingerprint) != key:
            return f"{source.id}: changed"
    return None


def _kept_from(previous: PreviousRelease | None, source_id: str, excluded: set[str]) -> bool:
    """Whether a source with no fresh document keeps its rows of the latest release: unless its address is
    now refused (what was read from a place not allowed is not published again)."""
    return previous is not None and source_id not in excluded and source_id in previous.documents


def keep_last_good(
    review: Review, source_ids: Iterable[str], previous: PreviousRelease | None, refused: Iterable[str] = ()
) -> dict[str, str]:
    """Fill in, from the latest release, every source of the registry that has no fresh document (failed,
    held back, kept, not fetched), except those whose address is now refused. Returns the ids taken from
    the release (they keep their build key)."""
    taken: dict[str, str] = {}
    excluded = set(refused)
    for source_id in source_ids:
        if source_id not in review.documents and _kept_from(previous, source_id, excluded):
            review.documents[source_id] = previous.documents[source_id]  # type: ignore[union-attr]
            review.rows[source_id] = previous.rows_of(source_id)  # type: ignore[union-attr]
            taken[source_id] = source_id
    return taken


def release_documents(
    source_ids: Iterable[str],
    published: Iterable[tuple[str, dict, dict[str, list[dict]]]],
    previous: PreviousRelease | None,
    review: Review,
    refused: Iterable[str] = (),
    copied: Container[str] = (),
) -> Iterator[tuple[str, dict | None, dict[str, list[dict]] | None]]:
    """Every document of the release, in id order: the fresh ones `published` (`reviewed`, in id order too)
    and, for every other source, its document and rows of the latest release (`keep_last_good`'s rule) —
    or, for those in `copied` (whose rows the caller copies from where it has them), None and None.

    Every id yielded is recorded in `review.published`; those taken from the release are the published
    ones neither `review.fresh` nor `review.same_content`. One document is in memory at a time.
    """
    excluded = set(refused)
    fresh = iter(published)
    pending = next(fresh, None)
    for source_id in sorted(set(source_ids)):
        if pending is not None and pending[0] < source_id:
            raise ValueError(f"fresh document {pending[0]} out of order or not a source of the registry")
        if pending is not None and pending[0] == source_id:
            review.published.add(source_id)
            yield pending
            pending = next(fresh, None)
        elif _kept_from(previous, source_id, excluded):
            review.published.add(source_id)
            if source_id in copied:
                yield source_id, None, None
            else:
                yield source_id, previous.documents[source_id], previous.rows_of(source_id)  # type: ignore[union-attr]
    if pending is not None:
        raise ValueError(f"fresh document {pending[0]} out of order or not a source of the registry")


# ---------------------------------------------------------------------------------------------------------
# Tables, and when not to publish them.


def assemble_tables(
    source_rows: list[dict], documents: dict[str, dict], rows: dict[str, dict[str, list[dict]]]
) -> dict[str, list[dict]]:
    """The tables of a release, rows in document order, with the indicator vocabulary."""
    tables: dict[str, list[dict]] = {name: [] for name in ROW_TABLES}
    for source_id in sorted(rows):
        for name in ROW_TABLES:
            tables[name].extend(rows[source_id].get(name, []))
    others = registry_tables(source_rows)
    tables["sources"] = others.pop("sources")
    tables["documents"] = [documents[k] for k in sorted(documents)]
    tables.update(others)
    return tables


def registry_tables(source_rows: list[dict]) -> dict[str, list[dict]]:
    """The tables of a release that do not come from its documents: the sources and the vocabulary."""
    return {"sources": list(public_source_rows(source_rows)), **vocabulary_tables()}


def public_source_rows(source_rows: Iterable[dict]) -> Iterator[dict]:
    """Rows of the `sources` table, as published (a local file's path is not: `public_url`)."""
    for row in source_rows:
        yield {**row, "url": public_url(row.get("url"))}


def changed_documents(
    fresh: Iterable[str], published: Iterable[str], previous: PreviousRelease | None
) -> set[str] | None:
    """Documents whose rows may differ from the latest release: built afresh (`fresh`) or gone (in the
    release, not `published` now); None without a release."""
    if previous is None:
        return None
    return set(fresh) | (set(previous.documents) - set(published))


def shrink_refusal(
    previous: PreviousRelease | None,
    registry_ids: set[str],
    tables: dict[str, list[dict]],
    retire: set[str],
    max_removed_share: float = MAX_REMOVED_SHARE,
) -> str | None:
    """Why this run must not publish because it would lose data silently (None when it may).

    Sources the latest release holds must still be in the registry unless retired explicitly (`retire`),
    and no more than `max_removed_share` of the release's rows may go, retired sources' rows aside.
    """
    if previous is None:
        return None
    missing = sorted(set(previous.documents) - registry_ids - retire)
    if missing:
        shown = ", ".join(missing[:5]) + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
        return (
            f"nothing published: the registry no longer lists {len(missing)} source(s) of release "
            f"{previous.version} ({shown}); retire them explicitly with --retire ID (or --retire-missing)"
        )
    before = sum(previous.row_count(d) for d in previous.documents if d not in retire)
    after = sum(len(tables.get(t, [])) for t in YIELD_TABLES)
    if before and (before - after) / before > max_removed_share:
        return (
            f"nothing published: this run would remove {before - after} of {before} rows "
            f"(more than {max_removed_share:.0%}); rerun with --allow-shrink if that is meant"
        )
    return None


def registry_refusal(recorded: str | None, current: str) -> str | None:
    """Why this registry may not build into this output folder: the folder was built by another one."""
    if recorded is None or Path(recorded) == Path(current):
        return None
    return (
        f"refused: this output folder was built from {recorded}, not {current}; "
        "build another registry into its own folder with --output DIR"
    )


def registry_entries(sources: Iterable[Source]) -> list[dict]:
    """The registry as recorded with a release (for `yanglao rebuild`)."""
    return list(RegistryEntries(sources))


class RegistryEntries:
    """`registry_entries`, made an entry at a time whenever it is read (publish writes them into release.json
    one at a time): as a list they were ~28 MB at 100,000 sources, held through the whole publish."""

    def __init__(self, sources: Iterable[Source]) -> None:
        self.sources = sources

    def __iter__(self) -> Iterator[dict]:
        for source in self.sources:
            entry = {k: v for k, v in flat_fields(source).items() if v is not None or k == "url"}
            yield {**entry, "url": public_url(entry["url"])}
