"""Discovery: walk the registry's listing pages and turn the links not seen before into new sources.

    listings = load_listings(sources_path)
    sources = merge_sources(load_registry(sources_path), load_discovered(discovered_path))
    with Fetcher(settings) as fetcher:
        reports = discover_all(listings, fetcher, {s.url for s in sources if s.url}, now)
    added = append_discovered(discovered_path, [s for r in reports for s in r.new])

`discover` reads one listing: its first page, then the pages that page names (TRS `createPageHTML`, a
下一页 link, a JSON API's page count), at most `max_pages` fetches, through the `Fetcher` (robots.txt, per-host
delays, retries). Links are kept when their title contains one of the listing's `include` keywords and none
of its `exclude` ones; those whose URL is not already known (scheme, fragment and host case ignored) come
back as new `Source`s with the listing's city, province, region code, issuer and doc type, the link's title
and list date, and `discovered_from` / `discovered_at`. Their id is `<listing id>-<first 10 hex digits of
sha1(url)>`, the same every run. Nothing is ever removed: a link that drops off a listing is simply not seen.

`append_discovered` adds new sources to a registry file of their own (`discovered.yaml` beside
`sources.yaml`), atomically, keeping what is there; the next run loads it with the other sources.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from yanglao.acquire.fetch import Fetcher
from yanglao.acquire.listings import (
    API_SHAPES,
    ListingLink,
    hostname,
    matches,
    origin,
    parse_html_listing,
    url_key,
)
from yanglao.acquire.registry import Listing, Source, _read_yaml, load_registry, parse_registry
from yanglao.parse.pages import decode_body

DISCOVERED_HEADER = (
    "# Sources found on the listings of sources.yaml by `yanglao/discover.py`; written by the refresh run.\n"
    "# Entries are ordinary sources: edit or deactivate them here (active: false); they are never removed.\n"
)


@dataclass
class ListingReport:
    """What reading one listing found: pages, links, matches, new sources and errors, for the report."""

    listing_id: str
    pages_read: int = 0  # pages fetched and parsed
    links_seen: int = 0  # distinct links on those pages (same host, http(s))
    matched: int = 0  # … whose title passes include/exclude
    new: list[Source] = field(default_factory=list)  # … whose URL was not known
    errors: list[str] = field(default_factory=list)  # one line each
    newest_date: str | None = None  # newest list date among the matched links
    last_success: str | None = None  # `now` (ISO, UTC) when a page gave links, else None

    @property
    def ok(self) -> bool:
        """True when the listing was read without errors."""
        return not self.errors

    def summary(self) -> str:
        """One line for a log: 'gz-mzj: 3 pages, 60 links, 12 matched, 2 new, newest 2025-01-20'."""
        text = f"{self.listing_id}: {self.pages_read} pages, {self.links_seen} links, {self.matched} matched, {len(self.new)} new"
        if self.newest_date:
            text += f", newest {self.newest_date}"
        if self.errors:
            text += f"; {len(self.errors)} errors: " + " | ".join(self.errors)
        return text


def source_id(listing_id: str, url: str) -> str:
    """The stable id of a source found on a listing: `<listing id>-<sha1(url)[:10]>`."""
    return f"{listing_id}-{hashlib.sha1(url.encode('utf-8')).hexdigest()[:10]}"


class KnownKeys:
    """The `url_key`s of the URLs a run knows, asked one at a time (`in`) and added to as listings find more: a
    set in memory, or a lookup in a file (`yanglao.statedb.StateUrlKeys`) for a run that does not hold every
    source."""

    def __contains__(self, key: str) -> bool:
        raise NotImplementedError

    def add(self, key: str) -> None:
        raise NotImplementedError


class UrlKeySet(set, KnownKeys):
    """Known keys held in memory."""


def known_keys(known_urls: Iterable[str] | KnownKeys) -> KnownKeys:
    """Keys as they are, or the keys of a collection of URLs."""
    if isinstance(known_urls, KnownKeys):
        return known_urls
    return UrlKeySet(url_key(u) for u in known_urls if u)


def discover(
    listing: Listing, fetcher: Fetcher, known_urls: Iterable[str] | KnownKeys, now: datetime
) -> ListingReport:
    """Walk one listing and return what it shows; never raises for a fetch or parse problem (see errors)."""
    report = ListingReport(listing.id)
    stamp = _iso(now)
    shape = API_SHAPES.get(listing.api) if listing.api else None
    if listing.api and shape is None:
        report.errors.append(f"unknown api shape {listing.api!r}")
        return report
    parse = shape.parse if shape else parse_html_listing
    first = shape.page_url(listing.url, 1) if shape else listing.url
    hosts = {hostname(listing.url)}
    origins = {origin(first)}  # links and pages are followed on the listing's own scheme, host and port only
    queue, queued = [first], {url_key(first)}
    seen: dict[str, ListingLink] = {}
    fetched = 0
    while queue and fetched < listing.max_pages:
        url = queue.pop(0)
        fetched += 1
        result = fetcher.fetch(url)
        if result.error or result.body is None:
            report.errors.append(f"{url}: {result.error or 'no body'}")
            continue
        final_host = hostname(result.final_url)
        if final_host and origin(result.final_url) not in origins:
            report.errors.append(f"{url} moved to {result.final_url}: update the listing's url")
            hosts.add(final_host)
            origins.add(origin(result.final_url))
        text, _ = decode_body(result.body, result.content_type)
        try:
            page = parse(text, result.final_url, final_host or None, max_pages=listing.max_pages)
        except ValueError as exc:
            report.errors.append(f"{url}: {' '.join(str(exc).split())}")
            continue
        report.pages_read += 1
        for link in page.links:
            if origin(link.url) in origins and not _has_credentials(link.url):
                seen.setdefault(url_key(link.url), link)
        for next_url in page.next_urls:
            key = url_key(next_url)
            if key not in queued and origin(next_url) in origins and not _has_credentials(next_url):
                queued.add(key)
                queue.append(next_url)
    report.links_seen = len(seen)
    if report.pages_read and not seen:
        report.errors.append(f"no links found on {first}: the listing's markup may have changed")
    elif seen:
        report.last_success = stamp
    known = known_keys(known_urls)
    matched = [link for link in seen.values() if matches(link.title, listing.include, listing.exclude)]
    report.matched = len(matched)
    report.newest_date = max((link.date for link in matched if link.date), default=None)
    report.new = [_source(listing, link, stamp) for link in matched if url_key(link.url) not in known]
    return report


def _has_credentials(url: str) -> bool:
    parts = urlsplit(url)
    return parts.username is not None or parts.password is not None


def discover_all(
    listings: Iterable[Listing], fetcher: Fetcher, known_urls: Iterable[str] | KnownKeys, now: datetime
) -> list[ListingReport]:
    """`discover` over the active listings in turn; a link found by one listing is known to the next."""
    known = known_keys(known_urls)  # URLs given: their keys, a new set (the caller's is not added to)
    reports = []
    for listing in listings:
        if not listing.active:
            continue
        report = discover(listing, fetcher, known, now)
        for found in report.new:
            known.add(url_key(found.url))
        reports.append(report)
    return reports


def _source(listing: Listing, link: ListingLink, stamp: str) -> Source:
    return Source(
        id=source_id(listing.id, link.url),
        url=link.url,
        city=listing.city,
        province=listing.province,
        region_code=listing.region_code,
        issuer=listing.issuer,
        doc_type=listing.doc_type,
        title=link.title,
        published_date=link.date,
        discovered_from=listing.id,
        discovered_at=stamp,
    )


def _iso(now: datetime) -> str:
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    return now.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


# ---------------------------------------------------------------------------------------------------------
# The discovered-sources file.


def load_discovered(path: Path) -> list[Source]:
    """The sources of a discovered-sources file; [] when there is none yet."""
    return load_registry(path) if Path(path).exists() else []


def merge_sources(sources: Iterable[Source], discovered: Iterable[Source]) -> list[Source]:
    """The registry's sources, then the discovered ones that repeat none of their ids or URLs (a page added to
    sources.yaml by hand after it was discovered is watched once, as the hand-written entry)."""
    merged = list(sources)
    ids = {s.id for s in merged}
    urls = {url_key(s.url) for s in merged if s.url}
    for source in discovered:
        if source.id in ids or (source.url and url_key(source.url) in urls):
            continue
        ids.add(source.id)
        if source.url:
            urls.add(url_key(source.url))
        merged.append(source)
    return merged


def append_discovered(path: Path, sources: Iterable[Source]) -> list[Source]:
    """Add sources to the registry file at path (created if missing), keeping its entries; a source whose id
    or URL is already there is skipped. The file is replaced atomically (temporary file + rename) and only
    when something is added. Returns the sources added."""
    path = Path(path)
    entries: list = []
    if path.exists():
        data = _read_yaml(path)
        if data is not None:
            parse_registry(data, str(path))  # refuse to extend a file that does not load
            entries = list(data["sources"])
    ids = {e.get("id") for e in entries}
    urls = {url_key(e["url"]) for e in entries if e.get("url")}
    added = []
    for source in sources:
        if source.id in ids or (source.url and url_key(source.url) in urls):
            continue
        ids.add(source.id)
        if source.url:
            urls.add(url_key(source.url))
        entries.append(_entry(source))
        added.append(source)
    if not added:
        return []
    data = {"sources": entries}
    parse_registry(data, str(path))  # what is written must load
    text = DISCOVERED_HEADER + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    _write_atomically(path, text)
    return added


def _entry(source: Source) -> dict:
    entry = {k: v for k, v in asdict(source).items() if v is not None}
    if entry.get("active") is True:
        del entry["active"]
    return entry


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.chmod(tmp, mode)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
