"""Fetching: polite, robust retrieval of registry URLs (http, https and file) for the scheduled refresh.

One `Fetcher` per run. `Fetcher.fetch(url, etag, last_modified)` never raises for a network fault or a bad
page: it returns a `FetchResult` whose `error` is a one-line reason. The invariant callers rely on:

- `error is None and not not_modified` → `body` holds the document's bytes, exactly as served (decoding is
  `pages.py`'s job), and `etag` / `last_modified` are the validators to store for the next run;
- `not_modified` → the server answered 304 (or the file is unchanged): keep the previous snapshot;
- `error` set → `body` is None and the validators are None: store nothing, report the error.

Politeness: an identifying User-Agent with a contact URL; robots.txt read once per origin (with protego) and obeyed
(RFC 9309: `*` and `$` in paths, the longest rule wins, Allow on a tie; and its rule that an unreachable robots.txt means "crawl nothing"); at most
`per_host_concurrency` requests in flight per host, their starts at least `per_host_delay` apart (or the
robots.txt Crawl-delay, if longer); retries of 429/5xx and timeouts by urllib3's `Retry` with exponential
backoff that honours Retry-After and never comes sooner than the per-host delay.

Robustness: bodies are streamed under a size cap; truncated bodies, empty 200s, anti-bot/challenge and error
pages served with 200 (see `BLOCK_PAGE_MARKERS`) and redirects to non-HTTP schemes are all errors.

Example:
    with Fetcher(FetchSettings(contact_url="https://example.org/yanglao-data")) as fetcher:
        result = fetcher.fetch("https://mzj.example.gov.cn/art/2024/1/1/art_1.html")
        if result.error:
            log(result.url, result.error)
"""

from __future__ import annotations

import email.utils
import html
import mimetypes
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from urllib.request import url2pathname

import requests
from protego import Protego
from requests.adapters import HTTPAdapter
from urllib3.exceptions import (
    ConnectTimeoutError,
    MaxRetryError,
    NameResolutionError,
    NewConnectionError,
    ProtocolError,
    ReadTimeoutError,
    SSLError,
)
from urllib3.util.retry import Retry

from yanglao import __version__

# Set this to the project's public home page (or pass contact_url): site operators read it in their logs.
CONTACT_URL = "https://github.com/yanglao-data/yanglao-data"

HTTP_SCHEMES = ("http", "https")
RETRY_STATUSES = (429, 500, 502, 503, 504)
ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309 §2.5: parse at least the first 500 KiB
ROBOTS_MAX_REDIRECTS = 5  # RFC 9309 §2.3.1.2: follow at least five


@dataclass
class FetchSettings:
    """How politely and how patiently to fetch. Defaults suit a daily refresh of government sites."""

    contact_url: str = CONTACT_URL
    user_agent: str | None = None  # None → "yanglao-data/<version> (+<contact_url>)"
    connect_timeout: float = 10.0  # seconds to establish a connection
    read_timeout: float = 30.0  # seconds of silence allowed while waiting for any byte
    total_timeout: float = 120.0  # seconds allowed for receiving a whole body (a slow drip is cut off)
    max_bytes: int = 20 * 1024 * 1024  # size cap on a body (after content decoding)
    retries: int = 3  # total retries (connect errors, read timeouts, RETRY_STATUSES) after the first try
    backoff_factor: float = 1.0  # urllib3: retry n sleeps factor * 2**(n-1) s (n ≥ 2); see PoliteRetry
    backoff_max: float = 60.0  # cap on one computed backoff
    max_retry_after: float = 120.0  # cap on the wait a Retry-After header can impose
    retry_statuses: tuple[int, ...] = RETRY_STATUSES
    per_host_delay: float = 1.0  # minimum seconds between two requests to one host (and between retries)
    per_host_concurrency: int = 1  # requests in flight at once to one host
    respect_robots: bool = True
    max_crawl_delay: float = 30.0  # a robots.txt Crawl-delay is honoured up to this many seconds
    robots_ttl: float = 24 * 3600.0  # a fetched robots.txt is reused this long (RFC 9309: ≤ 24 h)
    robots_error_ttl: float = 600.0  # an unreachable robots.txt is retried after this long
    max_redirects: int = 5
    trust_env: bool = True  # requests: take proxies and CA bundle from the environment

    def __post_init__(self) -> None:
        if self.user_agent is None:
            self.user_agent = f"yanglao-data/{__version__} (+{self.contact_url})"
        if self.per_host_concurrency < 1:
            raise ValueError("per_host_concurrency must be at least 1")

    @property
    def robots_agent(self) -> str:
        """The product token robots.txt groups are matched against (`yanglao-data`)."""
        return (self.user_agent or "").split("/")[0].strip() or "*"


@dataclass
class FetchResult:
    """What one fetch gave. See the module docstring for the invariant between `error`, `body` and validators."""

    url: str  # as requested
    final_url: str  # after redirects
    status: int | None = None  # HTTP status of the last response; None for file:// and network faults
    body: bytes | None = None
    content_type: str | None = (
        None  # the Content-Type header as sent (charset included), or guessed for files
    )
    etag: str | None = None
    last_modified: str | None = None
    retrieved_at: str = ""  # ISO 8601 UTC, e.g. 2025-01-31T06:00:03Z
    not_modified: bool = False
    error: str | None = None  # one-line reason, None on success
    elapsed: float = 0.0  # seconds spent in fetch(), waits included

    @property
    def ok(self) -> bool:
        """Whether the fetch succeeded (a 304 is a success with no body): callers branch on this, not status."""
        return self.error is None


# ---------------------------------------------------------------------------------------------------------
# Block pages: a 200 that is not the document.


@dataclass(frozen=True)
class BlockMarker:
    """A sign that a 200 answer is an anti-bot, login or error page, not the document (a rule as data)."""

    where: str  # "title": the <title> text; "body": anywhere in the (small) page
    pattern: str  # regular expression, case-insensitive
    kind: str  # what such a page is


# Only small HTML pages are examined: a real policy page with its navigation is far larger.
BLOCK_PAGE_MAX_BYTES = 16 * 1024
# Fewer visible characters than this (title and scripts excluded) and the page has no content to speak of.
MIN_VISIBLE_CHARS = 20

# fmt: off
BLOCK_PAGE_MARKERS: tuple[BlockMarker, ...] = (
    BlockMarker("title", r"安全验证|访问验证|人机验证|滑动验证|滑块验证|验证码|security (?:check|verification)|just a moment", "anti-bot challenge page"),
    BlockMarker("title", r"403\s*forbidden|access denied|访问被拒绝|拒绝访问|禁止访问|无权访问", "access-denied page"),
    BlockMarker("title", r"^\W*404(?!\d)|(?<!\d)404\W*$|not found|页面不存在|页面未找到|找不到(?:该|此|您要访问的)?页面|页面已删除", "not-found page"),
    BlockMarker("title", r"^\W*50[0-4](?!\d)|internal server error|bad gateway|service unavailable|服务器错误|系统繁忙", "server-error page"),
    BlockMarker("body", r"请(?:开启|启用|打开|允许)\s*(?:浏览器(?:的)?)?\s*javascript|(?:enable|turn on) javascript|javascript is (?:disabled|required)", "JavaScript challenge page"),
    BlockMarker("body", r"__jsl_clearance", "JavaScript challenge page (创宇盾/加速乐)"),
    BlockMarker("body", r"yunsuo_session_verify|security_verify_data", "JavaScript challenge page (云锁)"),
    BlockMarker("body", r"\$_ts\s*=|\$_ts\[", "JavaScript challenge page (瑞数)"),
    BlockMarker("body", r"safedog|网站防火墙|您的访问请求可能对网站造成安全威胁|您的请求带有不合法参数", "web-application-firewall page"),
)
# fmt: on

_JS_REDIRECT_RE = re.compile(
    r"""(?:window|document|top|self|parent)\.location(?:\.href)?\s*=\s*(?P<q1>["'])(?P<t1>[^"']*)(?P=q1)"""
    r"""|location\.(?:replace|assign)\(\s*(?P<q2>["'])(?P<t2>[^"']*)(?P=q2)"""
    r"""|(?:window|document|top|self|parent)\.location(?:\.href)?\s*="""
    r"""|location\.(?:replace|assign)\(""",
    re.IGNORECASE,
)
_META_REFRESH_RE = re.compile(
    r"""<meta[^>]+http-equiv\s*=\s*["']?refresh[^>]*?content\s*=\s*["']?[^"'>]*?url\s*=\s*([^"'>\s]+)""",
    re.IGNORECASE,
)
_TITLE_RE = re.compile(r"<title[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)
_INVISIBLE_RE = re.compile(
    r"<!--.*?-->|<(script|style|noscript|template|head)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL
)
_TAG_RE = re.compile(r"<[^>]*>")
_HTML_SNIFF_RE = re.compile(rb"<(?:!doctype\s+html|html|head|title|body|script|meta)\b", re.IGNORECASE)
_COMPILED_MARKERS = [(m, re.compile(m.pattern, re.IGNORECASE)) for m in BLOCK_PAGE_MARKERS]


def looks_like_block_page(body: bytes, content_type: str | None) -> str | None:
    """Why this 200 response looks like an anti-bot, error or redirect-only page, or None if it does not.

    Only small HTML bodies are examined (≤ BLOCK_PAGE_MAX_BYTES); the page is decoded for the check alone
    (UTF-8, else GB18030), never for the caller.

    >>> looks_like_block_page("<title>安全验证</title>".encode("gbk"), "text/html")
    "anti-bot challenge page: title matches '安全验证'"
    """
    if not body or len(body) > BLOCK_PAGE_MAX_BYTES or not _is_html(body, content_type):
        return None
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        text = body.decode("gb18030", errors="replace")
    title_match = _TITLE_RE.search(text)
    title = " ".join(html.unescape(title_match.group(1)).split()) if title_match else ""
    for marker, regex in _COMPILED_MARKERS:
        found = regex.search(title if marker.where == "title" else text)
        if found:
            return f"{marker.kind}: {marker.where} matches {found.group(0).strip()!r}"
    visible = " ".join(html.unescape(_TAG_RE.sub(" ", _INVISIBLE_RE.sub(" ", text))).split())
    if len(visible) < MIN_VISIBLE_CHARS:
        redirect = _JS_REDIRECT_RE.search(text)
        if redirect:
            target = redirect.group("t1") or redirect.group("t2")
            return "JavaScript redirect page with no content" + (f", to {target!r}" if target else "")
        refresh = _META_REFRESH_RE.search(text)
        if refresh:
            return f"meta-refresh redirect page with no content, to {refresh.group(1)!r}"
        return f"HTML page with no visible text ({len(visible)} characters)"
    return None


def _is_html(body: bytes, content_type: str | None) -> bool:
    media = (content_type or "").split(";")[0].strip().lower()
    if media:
        return "html" in media
    return bool(_HTML_SNIFF_RE.search(body[:1024]))


# ---------------------------------------------------------------------------------------------------------
# Retries: urllib3's Retry with two politeness rules added.


class PoliteRetry(Retry):
    """urllib3 `Retry`, except that no retry comes sooner than `min_backoff` seconds (the per-host delay), and a
    Retry-After header is honoured up to `max_retry_after` seconds.

    Plain urllib3 2.x waits 0 s before the first retry, then backoff_factor * 2**(n-1) s; Retry-After (on 429,
    503 and 413) replaces the computed backoff.
    """

    def __init__(self, *args, min_backoff: float = 0.0, max_retry_after: float | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.min_backoff = min_backoff
        self.max_retry_after = max_retry_after

    def new(self, **kwargs) -> PoliteRetry:
        """urllib3 makes a new Retry per attempt: carry our two settings over, or they are lost after one."""
        kwargs.setdefault("min_backoff", self.min_backoff)
        kwargs.setdefault("max_retry_after", self.max_retry_after)
        return super().new(**kwargs)

    def get_backoff_time(self) -> float:
        """urllib3's backoff, but never shorter than the per-host delay (a retry is a request like any other)."""
        return max(self.min_backoff, super().get_backoff_time())

    def get_retry_after(self, response) -> float | None:
        """The server's Retry-After, capped (a site asking for an hour must not stall the run) and floored."""
        seconds = super().get_retry_after(response)
        if seconds is None:
            return None
        if self.max_retry_after is not None:
            seconds = min(seconds, self.max_retry_after)
        return max(seconds, self.min_backoff)


def build_retry(settings: FetchSettings) -> PoliteRetry:
    """The retry policy mounted on the session: `retries` in total, GET/HEAD only, statuses returned (not
    raised) once retries run out so the caller sees the last status."""
    return PoliteRetry(
        total=settings.retries,
        connect=None,
        read=None,
        status=None,
        allowed_methods=frozenset({"GET", "HEAD"}),
        status_forcelist=frozenset(settings.retry_statuses),
        backoff_factor=settings.backoff_factor,
        backoff_max=settings.backoff_max,
        respect_retry_after_header=True,
        raise_on_status=False,
        min_backoff=settings.per_host_delay,
        max_retry_after=settings.max_retry_after,
    )


# ---------------------------------------------------------------------------------------------------------
# The fetcher.


class _HostGate:
    """At most `concurrency` requests in flight to one host; each starts at least `delay` seconds after the
    previous one started and after the last one finished (urllib3's retries inside a turn keep `delay` apart
    through PoliteRetry.min_backoff)."""

    def __init__(self, concurrency: int, delay: float):
        self._slots = threading.BoundedSemaphore(concurrency)
        self._lock = threading.Lock()
        self._next_start = 0.0
        self.delay = delay

    @contextmanager
    def turn(self) -> Iterator[None]:
        """Wait for this host's turn: one request at a time per host, with the configured delay."""
        with self._slots:
            with self._lock:
                now = time.monotonic()
                start = max(now, self._next_start)
                self._next_start = start + self.delay
            if start > now:
                time.sleep(start - now)
            try:
                yield
            finally:
                with self._lock:
                    self._next_start = max(self._next_start, time.monotonic() + self.delay)


@dataclass
class _Robots:
    """An origin's robots.txt rules, read with protego (RFC 9309: `*` and `$` in paths, the longest match
    wins and Allow wins a tie), and until when they are reused."""

    parser: Protego | None  # None: robots.txt unreachable → crawl nothing
    problem: str | None
    expires: float


@dataclass
class _Reply:
    """One GET after redirects: the last response's status and headers, and its body when it was a 2xx."""

    final_url: str
    status: int | None = None
    headers: requests.structures.CaseInsensitiveDict = field(
        default_factory=requests.structures.CaseInsensitiveDict
    )
    body: bytes | None = None
    error: str | None = None
    retrieved_at: str = ""


class Fetcher:
    """Fetches URLs politely; thread-safe (share one Fetcher between worker threads)."""

    def __init__(self, settings: FetchSettings | None = None, session: requests.Session | None = None):
        self.settings = settings or FetchSettings()
        self.session = session or requests.Session()
        self.session.trust_env = self.settings.trust_env
        adapter = HTTPAdapter(
            max_retries=build_retry(self.settings), pool_maxsize=max(10, self.settings.per_host_concurrency)
        )
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        self.session.headers.update(
            {
                "User-Agent": self.settings.user_agent,
                "Accept": "text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.8",
                "Accept-Language": "zh-CN,zh;q=0.9,en;q=0.5",
            }
        )
        self._lock = threading.Lock()
        self._gates: dict[str, _HostGate] = {}
        self._environments: dict[tuple[str, str], dict] = {}
        self._robots: dict[str, _Robots] = {}
        self._robots_locks: dict[str, threading.Lock] = {}

    def close(self) -> None:
        """Close the HTTP session's pooled connections (a Fetcher is also a context manager)."""
        self.session.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def fetch(self, url: str, etag: str | None = None, last_modified: str | None = None) -> FetchResult:
        """Fetch one URL, conditionally if validators from the last fetch are given. Never raises for a network
        fault, an unusable page or a malformed URL: see `FetchResult.error`."""
        started = time.monotonic()
        result = FetchResult(url=url, final_url=url)
        try:
            scheme = urlsplit(url).scheme.lower()
            if scheme == "file":
                self._fetch_file(url, last_modified, result)
            elif scheme in HTTP_SCHEMES and not urlsplit(url).hostname:
                result.error = f"bad URL {url!r}: no host"
            elif scheme in HTTP_SCHEMES:
                self._fetch_http(url, etag, last_modified, result)
            else:
                result.error = f"unsupported URL scheme {scheme!r}: {url}"
        except (ValueError, requests.RequestException) as exc:  # malformed URLs surface here
            result.error = _one_line(f"bad URL {url!r}: {exc}")
        if result.error:
            result.body = result.etag = result.last_modified = None
            result.not_modified = False
        result.retrieved_at = result.retrieved_at or _utc_now()
        result.elapsed = round(time.monotonic() - started, 3)
        return result

    # -- http(s) ----------------------------------------------------------------------------------------------

    def _fetch_http(self, url: str, etag: str | None, last_modified: str | None, result: FetchResult) -> None:
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        reply = self._get(
            url,
            headers,
            max_bytes=self.settings.max_bytes,
            max_redirects=self.settings.max_redirects,
            check_robots=True,
        )
        result.final_url, result.status, result.retrieved_at = (
            reply.final_url,
            reply.status,
            reply.retrieved_at,
        )
        result.content_type = reply.headers.get("Content-Type")
        if reply.error:
            result.error = reply.error
            return
        if reply.status == 304:
            result.not_modified = True
            result.etag = reply.headers.get("ETag") or etag
            result.last_modified = reply.headers.get("Last-Modified") or last_modified
            return
        body = reply.body or b""
        if not body:
            result.error = f"empty body (HTTP {reply.status})"
            return
        block = looks_like_block_page(body, result.content_type)
        if block:
            result.error = f"block page, not the document ({block})"
            return
        result.body = body
        result.etag = reply.headers.get("ETag")
        result.last_modified = reply.headers.get("Last-Modified")

    def _get(
        self, url: str, headers: dict, *, max_bytes: int, max_redirects: int, check_robots: bool
    ) -> _Reply:
        """GET with redirects followed by hand, so that each hop is checked (scheme, robots.txt) and throttled."""
        current = url
        for _hop in range(max_redirects + 1):
            reply = _Reply(final_url=current)
            if check_robots:
                reply.error = self._robots_refusal(current)
                if reply.error:
                    return reply
            with self._gate(current).turn():
                try:
                    prepared = self.session.prepare_request(requests.Request("GET", current, headers=headers))
                    response = self.session.send(
                        prepared,
                        stream=True,
                        allow_redirects=False,
                        timeout=(self.settings.connect_timeout, self.settings.read_timeout),
                        **self._environment(prepared.url),
                    )
                except requests.RequestException as exc:
                    reply.error = describe_request_error(exc, self.settings)
                    return reply
                with response:
                    reply.retrieved_at = _utc_now()
                    reply.status, reply.headers = response.status_code, response.headers
                    target = self.session.get_redirect_target(response)
                    if target is None:
                        if 200 <= response.status_code < 300:
                            reply.body, reply.error = self._read_body(response, max_bytes)
                        elif response.status_code == 304:
                            # No body; reading it marks the response done, so its connection is kept
                            # for the next request (closed otherwise: 10,000 304s, 10,000 connects).
                            _ = response.content
                        else:
                            reply.error = _status_error(response)
                        return reply
            next_url = urljoin(current, target)
            if urlsplit(next_url).scheme.lower() not in HTTP_SCHEMES:
                reply.error = _one_line(
                    f"redirect to a non-HTTP URL refused (HTTP {reply.status}): {next_url}"
                )
                return reply
            current = next_url
        reply.error = f"too many redirects (more than {max_redirects})"
        return reply

    def _read_body(self, response: requests.Response, max_bytes: int) -> tuple[bytes | None, str | None]:
        """Stream the body under the size cap and the total timeout; detect truncation."""
        declared = _content_length(response)
        if declared is not None and declared > max_bytes:
            return None, f"body too large: Content-Length {declared} bytes exceeds the {max_bytes}-byte cap"
        deadline = time.monotonic() + self.settings.total_timeout
        chunks, size = [], 0
        try:
            for chunk in response.iter_content(chunk_size=64 * 1024):
                size += len(chunk)
                if size > max_bytes:
                    return None, f"body too large: more than the {max_bytes}-byte cap"
                chunks.append(chunk)
                if time.monotonic() > deadline:
                    return None, f"body not received within total_timeout {self.settings.total_timeout:g} s"
        except requests.exceptions.ChunkedEncodingError as exc:  # urllib3 IncompleteRead / ProtocolError
            received = response.raw.tell()
            if declared is not None and received < declared:
                return None, f"truncated body: got {received} of {declared} bytes"
            return None, _one_line(
                f"connection broken while reading the body after {received} bytes: {_innermost(exc)}"
            )
        except requests.RequestException as exc:
            return None, "while reading the body: " + describe_request_error(
                exc, self.settings, retried=False
            )
        received = response.raw.tell()  # bytes off the wire, before content decoding
        if declared is not None and received < declared:
            return None, f"truncated body: got {received} of {declared} bytes"
        return b"".join(chunks), None

    def _environment(self, url: str) -> dict:
        """The proxies, CA bundle and client certificate for a URL, from the session and (with `trust_env`)
        the environment, as `Session.request` merges them; worked out once per origin.

        Why: `Session.request` reads every environment variable again for each request (the proxies and
        their exceptions); with `trust_env` that was a quarter of a conditional request's CPU. The environment
        does not change during a run, and which proxy applies depends on the scheme, host and port alone."""
        parts = urlsplit(url)
        origin = (parts.scheme.lower(), parts.netloc.lower())
        with self._lock:
            found = self._environments.get(origin)
        if found is None:
            merged = self.session.merge_environment_settings(url, {}, None, None, None)
            found = {name: merged[name] for name in ("proxies", "verify", "cert")}
            with self._lock:
                self._environments[origin] = found
        return found

    def _gate(self, url: str) -> _HostGate:
        host = (urlsplit(url).hostname or "").lower()
        with self._lock:
            gate = self._gates.get(host)
            if gate is None:
                gate = self._gates[host] = _HostGate(
                    self.settings.per_host_concurrency, self.settings.per_host_delay
                )
            return gate

    # -- robots.txt -------------------------------------------------------------------------------------------

    def _robots_refusal(self, url: str) -> str | None:
        """Why robots.txt forbids fetching url, or None if it may be fetched."""
        if not self.settings.respect_robots:
            return None
        parts = urlsplit(url)
        origin = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
        robots = self._robots_for(origin, url)
        if robots.parser is None:
            return f"robots.txt unavailable: {robots.problem}; not fetching from {origin} (RFC 9309 §2.3.1.4)"
        if not robots.parser.can_fetch(url, self.settings.robots_agent):
            return f"robots.txt disallows {url} for {self.settings.robots_agent}"
        return None

    def _robots_for(self, origin: str, url: str) -> _Robots:
        with self._lock:
            lock = self._robots_locks.setdefault(origin, threading.Lock())
        with lock:  # one fetch of robots.txt per origin, however many threads ask
            robots = self._robots.get(origin)
            if robots is None or robots.expires < time.monotonic():
                robots = self._robots[origin] = self._load_robots(origin)
                if robots.parser is not None:
                    crawl_delay = robots.parser.crawl_delay(self.settings.robots_agent)
                    if crawl_delay:
                        gate = self._gate(url)
                        gate.delay = max(
                            self.settings.per_host_delay,
                            min(float(crawl_delay), self.settings.max_crawl_delay),
                        )
            return robots

    def _load_robots(self, origin: str) -> _Robots:
        """RFC 9309 §2.3.1: 2xx → parse; 4xx (but 429) → no rules; 429, 5xx, network fault → crawl nothing for
        robots_error_ttl. The 5xx rule is the RFC's, and the conservative choice for sites we only visit."""
        reply = self._get(
            origin + "/robots.txt",
            {},
            max_bytes=ROBOTS_MAX_BYTES,
            max_redirects=ROBOTS_MAX_REDIRECTS,
            check_robots=False,
        )
        now = time.monotonic()
        status = reply.status
        if status is not None and 400 <= status < 500 and status != 429:
            return _Robots(Protego.parse(""), None, now + self.settings.robots_ttl)  # no rules: allow all
        if reply.error or status is None or not 200 <= status < 300:
            return _Robots(None, reply.error or f"HTTP {status}", now + self.settings.robots_error_ttl)
        text = (reply.body or b"").decode("utf-8", errors="replace")
        return _Robots(Protego.parse(text), None, now + self.settings.robots_ttl)

    # -- file:// ----------------------------------------------------------------------------------------------

    def _fetch_file(self, url: str, last_modified: str | None, result: FetchResult) -> None:
        """Read a local file, so a registry can point at saved copies. Last-Modified is the file's mtime."""
        parts = urlsplit(url)
        if parts.netloc not in ("", "localhost"):
            result.error = f"file URL with a remote host is not supported: {url}"
            return
        path = Path(url2pathname(parts.path))
        try:
            stat = path.stat()
            if not path.is_file():
                result.error = f"not a regular file: {path}"
                return
            result.content_type = mimetypes.guess_type(path.name)[0]
            result.last_modified = email.utils.formatdate(stat.st_mtime, usegmt=True)
            if last_modified and last_modified == result.last_modified:
                result.not_modified = True
                return
            if stat.st_size > self.settings.max_bytes:
                result.error = (
                    f"file too large: {stat.st_size} bytes exceeds the {self.settings.max_bytes}-byte cap"
                )
                return
            body = path.read_bytes()
        except FileNotFoundError:
            result.error = f"file not found: {path}"
            return
        except OSError as exc:
            result.error = _one_line(f"cannot read {path}: {exc}")
            return
        if not body:
            result.error = f"empty file: {path}"
            return
        block = looks_like_block_page(body, result.content_type)
        if block:
            result.error = f"block page, not the document ({block})"
            return
        result.body = body


# ---------------------------------------------------------------------------------------------------------
# Error messages.


def describe_request_error(exc: BaseException, settings: FetchSettings, retried: bool = True) -> str:
    """A one-line reason for a requests/urllib3 exception ('read timeout (0.5 s), gave up after 2 retries')."""
    reason: BaseException = exc
    if (
        isinstance(reason, requests.RequestException)
        and reason.args
        and isinstance(reason.args[0], BaseException)
    ):
        reason = reason.args[0]
    gave_up = isinstance(reason, MaxRetryError)
    if gave_up:
        reason = reason.reason or reason
    if isinstance(reason, NameResolutionError):
        text = f"DNS lookup failed: {_innermost(reason)}"
    elif isinstance(reason, NewConnectionError):  # a subclass of ConnectTimeoutError, so first
        text = f"connection failed: {_innermost(reason)}"
    elif isinstance(reason, ConnectTimeoutError):
        text = f"connect timeout ({settings.connect_timeout:g} s)"
    elif isinstance(reason, ReadTimeoutError):
        text = f"read timeout (no data for {settings.read_timeout:g} s)"
    elif isinstance(reason, SSLError):
        text = f"TLS error: {_innermost(reason)}"
    elif isinstance(reason, ProtocolError):
        text = f"connection broken: {_innermost(reason)}"
    else:
        text = f"{type(reason).__name__}: {reason}"
    if gave_up and retried:
        text += f", gave up after {_retries(settings.retries)}"
    return _one_line(text)


def _status_error(response: requests.Response) -> str:
    text = f"HTTP {response.status_code}"
    if response.reason:
        text += f" {response.reason}"
    retries = getattr(response.raw, "retries", None)
    attempts = len(getattr(retries, "history", ()) or ())
    notes = [f"after {_retries(attempts)}"] if attempts else []
    retry_after = response.headers.get("Retry-After")
    if response.status_code in (429, 503) and retry_after:
        notes.append(f"Retry-After: {retry_after}")
    if 300 <= response.status_code < 400:
        notes.append("redirect without a usable Location")
    if notes:
        text += f" ({'; '.join(notes)})"
    return _one_line(text)


def _retries(n: int) -> str:
    return f"{n} retry" if n == 1 else f"{n} retries"


def _innermost(exc: BaseException) -> str:
    """The message of the deepest exception among args/causes: 'Connection refused', not three wrappers."""
    seen = set()
    while id(exc) not in seen:
        seen.add(id(exc))
        nested = next((a for a in getattr(exc, "args", ()) if isinstance(a, BaseException)), None)
        nested = nested or getattr(exc, "reason", None) or exc.__cause__
        if not isinstance(nested, BaseException):
            break
        exc = nested
    return f"{type(exc).__name__}: {exc}"


def _content_length(response: requests.Response) -> int | None:
    value = response.headers.get("Content-Length", "")
    try:
        length = int(value.split(",")[0].strip())
    except ValueError:
        return None
    return length if length >= 0 else None


def _one_line(text: str, limit: int = 300) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
