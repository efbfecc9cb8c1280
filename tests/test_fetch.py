"""The fetcher against a local server that misbehaves like government sites (tests/sitesim.py). No internet."""

from __future__ import annotations

import socket
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from hypothesis import given
from hypothesis import strategies as st

# tests/ is on sys.path under pytest's default (prepend) import mode.
from sitesim import (
    Response,
    SiteSim,
    page,
    redirect,
    robots,
    sequence,
    slow,
    status,
    truncated,
    unsized,
)
from urllib3.response import HTTPResponse

from yanglao.acquire.fetch import (
    BLOCK_PAGE_MAX_BYTES,
    Fetcher,
    FetchSettings,
    build_retry,
    looks_like_block_page,
)

# Server-side arrival times lag the client's send by a little network jitter.
CLOCK_SLACK = 0.02

ARTICLE_TEXT = "关于进一步推进居家和社区养老服务的实施意见。各区县民政局：为贯彻落实国家积极应对人口老龄化战略，现提出以下意见。"
UTF8_PAGE = f"<html><head><meta charset='utf-8'><title>养老服务实施意见</title></head><body><p>{ARTICLE_TEXT}</p></body></html>".encode()
GBK_PAGE = f"<html><head><title>高龄津贴发放办法</title></head><body><p>{ARTICLE_TEXT}每人每月补贴200元。</p></body></html>".encode(
    "gbk"
)
PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
ETAG = '"5f3e-abc"'
LAST_MODIFIED = "Wed, 15 Jan 2025 08:00:00 GMT"


def settings(**overrides) -> FetchSettings:
    """Fast settings for tests: short timeouts, no delay or backoff unless a test asks for them."""
    values = dict(
        contact_url="https://example.org/yanglao-data",
        connect_timeout=0.5,
        read_timeout=0.5,
        retries=2,
        backoff_factor=0.0,
        per_host_delay=0.0,
        max_retry_after=2.0,
        trust_env=False,  # never route 127.0.0.1 through a proxy from the environment
    )
    values.update(overrides)
    return FetchSettings(**values)


@pytest.fixture
def site():
    with SiteSim() as sim:
        yield sim


@pytest.fixture
def fetcher():
    with Fetcher(settings()) as f:
        yield f


def gaps(requests) -> list[float]:
    times = [r.time for r in requests]
    return [b - a for a, b in zip(times, times[1:], strict=False)]


# -- success, validators, bytes intact ------------------------------------------------------------------------


def test_utf8_page_with_validators_then_304_on_conditional_request(site, fetcher):
    site.routes["/utf8"] = page(UTF8_PAGE, etag=ETAG, last_modified=LAST_MODIFIED)
    first = fetcher.fetch(site.url("/utf8"))
    assert first.error is None and first.status == 200
    assert first.body == UTF8_PAGE
    assert (first.etag, first.last_modified) == (ETAG, LAST_MODIFIED)
    assert first.content_type == "text/html; charset=utf-8"
    assert first.retrieved_at.endswith("Z") and first.retrieved_at[:2] == "20"

    second = fetcher.fetch(site.url("/utf8"), etag=first.etag, last_modified=first.last_modified)
    assert second.status == 304 and second.not_modified and second.error is None
    assert second.body is None
    assert (second.etag, second.last_modified) == (ETAG, LAST_MODIFIED)
    conditional = site.hits("/utf8")[1].headers
    assert conditional["If-None-Match"] == ETAG
    assert conditional["If-Modified-Since"] == LAST_MODIFIED
    assert "If-None-Match" not in site.hits("/utf8")[0].headers


def test_conditional_requests_answered_304_keep_one_connection(site, fetcher):
    """A refresh is mostly 304s: each must not cost a new TCP connection to the site."""
    site.routes["/kept"] = page(UTF8_PAGE, etag=ETAG)
    first = fetcher.fetch(site.url("/kept"))
    again = [fetcher.fetch(site.url("/kept"), etag=first.etag) for _ in range(3)]
    assert [r.status for r in again] == [304, 304, 304]
    assert len({r.peer for r in site.hits("/kept")}) == 1


PROXY_VARIABLES = ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY")


def _environment_proxy(monkeypatch, proxy_url: str, no_proxy: str) -> None:
    for name in (*PROXY_VARIABLES, "no_proxy", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("http_proxy", proxy_url)
    monkeypatch.setenv("no_proxy", no_proxy)


def test_with_trust_env_a_proxy_from_the_environment_carries_each_request(site, monkeypatch):
    """With `trust_env` (the default) the proxy and its exceptions come from the environment, as with
    `requests.get`; the fetcher works them out once per origin, and every request still goes through it."""
    _environment_proxy(monkeypatch, site.base_url, no_proxy="localhost")
    origin = "http://gov.example.invalid"  # not resolvable: only the proxy can answer for it
    site.routes[f"{origin}/robots.txt"] = robots("User-agent: *\nAllow: /\n")
    site.routes[f"{origin}/p"] = page(UTF8_PAGE, etag=ETAG)
    with Fetcher(settings(trust_env=True)) as fetcher:
        first = fetcher.fetch(f"{origin}/p")
        second = fetcher.fetch(f"{origin}/p", etag=first.etag)
    assert first.status == 200 and first.body == UTF8_PAGE
    assert second.status == 304 and second.not_modified
    assert [r.path for r in site.requests] == [f"{origin}/robots.txt", f"{origin}/p", f"{origin}/p"]


def test_with_trust_env_a_host_in_no_proxy_is_fetched_directly(site, monkeypatch):
    site.routes["/direct"] = page(UTF8_PAGE)
    # the proxy named is a closed port: a request sent through it would fail
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{s.getsockname()[1]}"
    _environment_proxy(monkeypatch, closed, no_proxy="127.0.0.1")
    with Fetcher(settings(trust_env=True)) as fetcher:
        result = fetcher.fetch(site.url("/direct"))
    assert result.error is None and result.body == UTF8_PAGE
    assert [r.path for r in site.requests] == ["/robots.txt", "/direct"]


def test_with_trust_env_one_fetcher_sends_each_origin_its_own_way(site, monkeypatch):
    """The proxy settings are kept per origin: the same fetcher goes direct to a host in no_proxy and through
    the proxy for another host, whichever it fetched first."""
    _environment_proxy(monkeypatch, site.base_url, no_proxy="127.0.0.1")
    origin = "http://gov.example.invalid"
    site.routes[f"{origin}/robots.txt"] = robots("User-agent: *\nAllow: /\n")
    site.routes[f"{origin}/p"] = page(UTF8_PAGE)
    site.routes["/direct"] = page(GBK_PAGE)
    with Fetcher(settings(trust_env=True)) as fetcher:
        direct = fetcher.fetch(site.url("/direct"))
        proxied = fetcher.fetch(f"{origin}/p")
        direct_again = fetcher.fetch(site.url("/direct"))
    assert direct.body == GBK_PAGE and direct_again.body == GBK_PAGE and proxied.body == UTF8_PAGE
    assert [r.path for r in site.requests] == [
        "/robots.txt",
        "/direct",
        f"{origin}/robots.txt",
        f"{origin}/p",
        "/direct",
    ]


def test_with_trust_env_no_proxy_is_matched_against_the_host_as_sent(site, monkeypatch):
    """A Chinese domain name goes out in punycode, and requests matches no_proxy against that form: the
    Chinese spelling in no_proxy does not match it, so the request goes through the proxy (as with
    `requests.get`)."""
    _environment_proxy(monkeypatch, site.base_url, no_proxy="中国政府网.政务")
    origin = "http://xn--fiqs8sirgfmhq98a.xn--zfr164b"  # 中国政府网.政务, as requests sends it
    site.routes[f"{origin}/robots.txt"] = robots("User-agent: *\nAllow: /\n")
    site.routes[f"{origin}/p"] = page(UTF8_PAGE)
    with Fetcher(settings(trust_env=True)) as fetcher:
        result = fetcher.fetch("http://中国政府网.政务/p")
    assert result.error is None and result.body == UTF8_PAGE
    assert [r.path for r in site.requests] == [f"{origin}/robots.txt", f"{origin}/p"]


def test_user_agent_identifies_the_project_with_a_contact_url(site, fetcher):
    site.routes["/utf8"] = page(UTF8_PAGE)
    fetcher.fetch(site.url("/utf8"))
    for request in site.requests:  # robots.txt and the page
        assert request.headers["User-Agent"] == "yanglao-data/0.1.0 (+https://example.org/yanglao-data)"
    assert [r.path for r in site.requests] == ["/robots.txt", "/utf8"]


def test_gbk_page_without_charset_arrives_as_the_exact_bytes(site, fetcher):
    site.routes["/gbk"] = page(GBK_PAGE, content_type="text/html")
    result = fetcher.fetch(site.url("/gbk"))
    assert result.error is None
    assert result.body == GBK_PAGE
    assert result.content_type == "text/html"


def test_pdf_is_returned_as_bytes_with_its_content_type(site, fetcher):
    site.routes["/doc.pdf"] = page(PDF_BYTES, content_type="application/pdf")
    result = fetcher.fetch(site.url("/doc.pdf"))
    assert result.error is None
    assert result.body == PDF_BYTES
    assert result.content_type == "application/pdf"


# -- retries ----------------------------------------------------------------------------------------------------


def test_500_twice_then_200_succeeds_on_the_third_attempt(site, fetcher):
    site.routes["/flaky"] = sequence(status(500), status(500), page(UTF8_PAGE))
    result = fetcher.fetch(site.url("/flaky"))
    assert result.error is None and result.status == 200 and result.body == UTF8_PAGE
    assert len(site.hits("/flaky")) == 3


def test_always_500_gives_an_error_after_the_configured_retries(site, fetcher):
    site.routes["/down"] = status(500)
    result = fetcher.fetch(site.url("/down"))
    assert result.status == 500 and result.body is None
    assert result.error == "HTTP 500 Internal Server Error (after 2 retries)"
    assert len(site.hits("/down")) == 3  # first try + retries=2


def test_backoff_between_retries_grows_exponentially(site):
    site.routes["/down"] = status(503)
    with Fetcher(settings(retries=3, backoff_factor=0.1)) as f:
        result = f.fetch(site.url("/down"))
    assert result.error.startswith("HTTP 503")
    waits = gaps(site.hits("/down"))
    assert len(waits) == 3
    # urllib3 2.x: no wait before the first retry, then factor * 2**(n-1): 0.2 s, 0.4 s
    assert waits[1] >= 0.2 - CLOCK_SLACK
    assert waits[2] >= 0.4 - CLOCK_SLACK


def test_429_with_retry_after_is_waited_out_then_succeeds(site, fetcher):
    site.routes["/busy"] = sequence(status(429, headers={"Retry-After": "1"}), page(UTF8_PAGE))
    result = fetcher.fetch(site.url("/busy"))
    assert result.error is None and result.body == UTF8_PAGE
    assert len(site.hits("/busy")) == 2
    assert gaps(site.hits("/busy"))[0] >= 1.0 - CLOCK_SLACK


def test_a_long_retry_after_is_capped_by_max_retry_after(site):
    site.routes["/busy"] = sequence(status(503, headers={"Retry-After": "3600"}), page(UTF8_PAGE))
    with Fetcher(settings(max_retry_after=0.3)) as f:
        result = f.fetch(site.url("/busy"))
    assert result.error is None
    assert gaps(site.hits("/busy"))[0] >= 0.3 - CLOCK_SLACK
    # The cap itself, without timing the run: the wait asked for is the cap, not the hour.
    answer = HTTPResponse(body=b"", headers={"Retry-After": "3600"}, status=503)
    assert build_retry(settings(max_retry_after=0.3)).get_retry_after(answer) == 0.3


def test_429_that_persists_reports_status_and_retry_after(site):
    site.routes["/busy"] = status(429, headers={"Retry-After": "0"})
    with Fetcher(settings(retries=1)) as f:
        result = f.fetch(site.url("/busy"))
    assert result.status == 429
    assert result.error == "HTTP 429 Too Many Requests (after 1 retry; Retry-After: 0)"


def test_read_timeout_is_retried_then_reported(site, fetcher):
    site.routes["/slow"] = slow(3.0, page(UTF8_PAGE))
    result = fetcher.fetch(site.url("/slow"))
    assert result.status is None and result.body is None
    assert result.error == "read timeout (no data for 0.5 s), gave up after 2 retries"
    assert len(site.hits("/slow")) == 3


def test_connection_refused_is_an_error_not_an_exception():
    with socket.socket() as s:  # a port that was free a moment ago: nothing listens there
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with Fetcher(settings(retries=1, respect_robots=False)) as f:
        result = f.fetch(f"http://127.0.0.1:{port}/x")
    assert result.status is None
    assert result.error.startswith("connection failed:") and result.error.endswith("gave up after 1 retry")


# -- broken bodies ------------------------------------------------------------------------------------------------


def test_content_length_larger_than_the_body_is_a_truncated_body(site, fetcher):
    site.routes["/cut"] = truncated(UTF8_PAGE[:100], declared=1000)
    result = fetcher.fetch(site.url("/cut"))
    assert result.error == "truncated body: got 100 of 1000 bytes"
    assert result.body is None and result.status == 200


def test_empty_200_is_an_error(site, fetcher):
    site.routes["/empty"] = page(b"")
    result = fetcher.fetch(site.url("/empty"))
    assert result.error == "empty body (HTTP 200)"
    assert result.body is None


def test_body_over_the_cap_announced_by_content_length(site):
    site.routes["/big"] = page(b"x" * 5000, content_type="text/plain")
    with Fetcher(settings(max_bytes=1000)) as f:
        result = f.fetch(site.url("/big"))
    assert result.error == "body too large: Content-Length 5000 bytes exceeds the 1000-byte cap"
    assert result.body is None


def test_body_over_the_cap_without_content_length_is_cut_off_while_streaming(site):
    site.routes["/big"] = unsized(b"x" * 200_000, content_type="text/plain")
    with Fetcher(settings(max_bytes=100_000)) as f:
        result = f.fetch(site.url("/big"))
    assert result.error == "body too large: more than the 100000-byte cap"
    assert result.body is None


@pytest.mark.parametrize("code", [404, 410])
def test_gone_pages_are_errors_with_their_status(site, fetcher, code):
    site.routes["/gone"] = status(code, b"<html><title>gone</title></html>")
    result = fetcher.fetch(site.url("/gone"))
    assert result.status == code
    assert result.error.startswith(f"HTTP {code} ")
    assert len(site.hits("/gone")) == 1  # not retried


# -- block pages --------------------------------------------------------------------------------------------------

CHALLENGE_PAGE = (
    "<html><head><title>安全验证</title></head><body><div>请完成下方验证后继续访问</div>"
    "<script src='/cdn/verify.js'></script></body></html>"
).encode()


def test_anti_bot_page_served_with_200_is_an_error(site, fetcher):
    site.routes["/guarded"] = page(CHALLENGE_PAGE)
    result = fetcher.fetch(site.url("/guarded"))
    assert result.status == 200 and result.body is None
    assert result.error == "block page, not the document (anti-bot challenge page: title matches '安全验证')"


@pytest.mark.parametrize(
    ("html", "encoding", "expected"),
    [
        (
            "<title>访问验证</title><p>正在验证您的浏览器，请稍候。请稍候。请稍候。</p>",
            "gbk",
            "anti-bot challenge page",
        ),
        (
            "<title>提示</title><noscript>请开启JavaScript并刷新该页</noscript><p>浏览器版本过低或未开启脚本支持</p>",
            "utf-8",
            "JavaScript challenge page",
        ),
        ("<title>403 Forbidden</title><h1>403 Forbidden</h1><hr>nginx", "utf-8", "access-denied page"),
        ("<title>404</title><p>抱歉，您访问的页面已经被删除或者不存在了。</p>", "utf-8", "not-found page"),
        (
            "<title>页面不存在</title><p>抱歉，您访问的页面已经被删除或者不存在了。</p>",
            "gbk",
            "not-found page",
        ),
        (
            "<title>网站防火墙</title><p>您的请求带有不合法参数，已被网站管理员设置拦截！</p>",
            "utf-8",
            "web-application-firewall page",
        ),
        (
            "<script>var x={};window.location.href='/art/2024/1/1/art_1.html?v=1';</script>",
            "utf-8",
            "JavaScript redirect page with no content, to '/art/2024/1/1/art_1.html?v=1'",
        ),
        (
            '<meta http-equiv="refresh" content="0;url=/index.html">',
            "utf-8",
            "meta-refresh redirect page with no content, to '/index.html'",
        ),
        (
            "<html><body><div id='app'></div><script src='/app.js'></script></body></html>",
            "utf-8",
            "HTML page with no visible text (0 characters)",
        ),
    ],
)
def test_block_page_markers(html, encoding, expected):
    reason = looks_like_block_page(html.encode(encoding), "text/html")
    assert reason is not None and expected in reason


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (UTF8_PAGE, "text/html; charset=utf-8"),
        (GBK_PAGE, "text/html"),
        (GBK_PAGE, None),  # sniffed as HTML, and fine
        (
            f"<title>关于印发养老服务补贴办法的通知（第404号）</title><p>{ARTICLE_TEXT}</p>".encode(),
            "text/html",
        ),
        (
            f"<title>安全验证</title><p>{ARTICLE_TEXT}</p>".encode() + b" " * BLOCK_PAGE_MAX_BYTES,
            "text/html",
        ),  # large
        (PDF_BYTES, "application/pdf"),
        (b"404", "text/plain"),
    ],
)
def test_real_documents_are_not_block_pages(body, content_type):
    assert looks_like_block_page(body, content_type) is None


@given(
    st.binary(max_size=2048),
    st.sampled_from([None, "text/html", "text/html; charset=gbk", "application/pdf"]),
)
def test_block_page_check_never_raises(body, content_type):
    reason = looks_like_block_page(body, content_type)
    assert reason is None or isinstance(reason, str)


# -- redirects ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("target", ["ftp://ftp.example.gov.cn/pub/doc.pdf", "file:///etc/passwd"])
def test_redirect_to_a_non_http_scheme_is_refused(site, fetcher, target):
    site.routes["/moved"] = redirect(target)
    result = fetcher.fetch(site.url("/moved"))
    assert result.error == f"redirect to a non-HTTP URL refused (HTTP 302): {target}"
    assert result.body is None and result.status == 302


def test_http_redirect_is_followed_and_final_url_recorded(site, fetcher):
    site.routes["/old"] = redirect("/new", code=301)
    site.routes["/new"] = page(UTF8_PAGE)
    result = fetcher.fetch(site.url("/old"))
    assert result.error is None and result.body == UTF8_PAGE
    assert result.url == site.url("/old") and result.final_url == site.url("/new")


def test_redirect_loop_is_an_error(site, fetcher):
    site.routes["/loop"] = redirect("/loop")
    result = fetcher.fetch(site.url("/loop"))
    assert result.error == "too many redirects (more than 5)"
    assert len(site.hits("/loop")) == 6


# -- robots.txt ---------------------------------------------------------------------------------------------------


def test_robots_disallow_is_obeyed_without_requesting_the_page(site, fetcher):
    site.routes["/robots.txt"] = robots("User-agent: *\nDisallow: /private/\n")
    site.routes["/private/a.html"] = page(UTF8_PAGE)
    site.routes["/public/a.html"] = page(UTF8_PAGE)
    refused = fetcher.fetch(site.url("/private/a.html"))
    assert refused.error == f"robots.txt disallows {site.url('/private/a.html')} for yanglao-data"
    assert refused.status is None and refused.body is None
    assert site.hits("/private/a.html") == []
    assert fetcher.fetch(site.url("/public/a.html")).error is None
    assert fetcher.fetch(site.url("/public/a.html")).error is None
    assert len(site.hits("/robots.txt")) == 1  # fetched once, cached


def test_robots_wildcards_and_allow_precedence_follow_rfc_9309(site, fetcher):
    """urllib.robotparser gets each of these wrong: it ignores `*` and `$`, and the first matching line wins
    there, so the longer Allow loses to the Disallow before it. protego reads them as RFC 9309 says."""
    import urllib.robotparser

    text = "User-agent: *\nDisallow: /private/\nAllow: /private/open$\nDisallow: /*.pdf$\n"
    for path in ("/private/open", "/private/a.html", "/files/a.pdf", "/files/a.pdf?v=1", "/a.html"):
        site.routes[path] = page(UTF8_PAGE)
    site.routes["/robots.txt"] = robots(text)
    expected = {
        "/private/open": True,  # the longer Allow wins over Disallow: /private/
        "/private/a.html": False,
        "/files/a.pdf": False,  # `*` and `$`
        "/files/a.pdf?v=1": True,  # `$` anchors the end of path and query
        "/a.html": True,
    }
    allowed = {path: fetcher.fetch(site.url(path)).error is None for path in expected}
    assert allowed == expected
    stdlib = urllib.robotparser.RobotFileParser()
    stdlib.parse(text.splitlines())
    wrong = [p for p, ok in expected.items() if stdlib.can_fetch("yanglao-data", site.url(p)) != ok]
    assert wrong == ["/private/open", "/files/a.pdf"]  # why the stdlib parser is not used


def test_robots_group_for_our_agent_applies(site, fetcher):
    site.routes["/robots.txt"] = robots("User-agent: yanglao-data\nDisallow: /\n\nUser-agent: *\nAllow: /\n")
    site.routes["/a.html"] = page(UTF8_PAGE)
    assert fetcher.fetch(site.url("/a.html")).error.startswith("robots.txt disallows")


def test_missing_robots_allows_everything(site, fetcher):
    site.routes["/a.html"] = page(UTF8_PAGE)  # /robots.txt answers 404
    result = fetcher.fetch(site.url("/a.html"))
    assert result.error is None
    assert len(site.hits("/robots.txt")) == 1


def test_robots_server_error_means_fetch_nothing_from_that_host(site, fetcher):
    site.routes["/robots.txt"] = status(503)
    site.routes["/a.html"] = page(UTF8_PAGE)
    first = fetcher.fetch(site.url("/a.html"))
    second = fetcher.fetch(site.url("/a.html"))
    assert first.error == (
        "robots.txt unavailable: HTTP 503 Service Unavailable (after 2 retries); "
        f"not fetching from {site.base_url} (RFC 9309 §2.3.1.4)"
    )
    assert second.error == first.error
    assert site.hits("/a.html") == []
    assert len(site.hits("/robots.txt")) == 3  # retried within the first fetch, then cached


def test_robots_can_be_ignored_by_setting(site):
    site.routes["/robots.txt"] = robots("User-agent: *\nDisallow: /\n")
    site.routes["/a.html"] = page(UTF8_PAGE)
    with Fetcher(settings(respect_robots=False)) as f:
        assert f.fetch(site.url("/a.html")).error is None
    assert site.hits("/robots.txt") == []


def test_robots_crawl_delay_is_honoured_up_to_the_cap(site):
    site.routes["/robots.txt"] = robots("User-agent: *\nCrawl-delay: 10\n")
    site.routes["/a.html"] = page(UTF8_PAGE)
    with Fetcher(settings(max_crawl_delay=0.3)) as f:
        f.fetch(site.url("/a.html"))
        f.fetch(site.url("/a.html"))
    assert gaps(site.hits("/a.html"))[0] >= 0.3 - CLOCK_SLACK


# -- politeness: per-host delay and concurrency -------------------------------------------------------------------


def test_per_host_delay_spaces_every_request_including_robots_and_retries(site):
    site.routes["/a.html"] = page(UTF8_PAGE)
    site.routes["/flaky"] = sequence(status(502), page(UTF8_PAGE))
    with Fetcher(settings(per_host_delay=0.25)) as f:
        assert f.fetch(site.url("/a.html")).error is None
        assert f.fetch(site.url("/flaky")).error is None
        assert f.fetch(site.url("/a.html")).error is None
    assert [r.path for r in site.requests] == ["/robots.txt", "/a.html", "/flaky", "/flaky", "/a.html"]
    assert min(gaps(site.requests)) >= 0.25 - CLOCK_SLACK


def test_per_host_concurrency_one_serialises_threads(site):
    site.routes["/slowish"] = slow(0.15, page(UTF8_PAGE))
    with Fetcher(settings(per_host_concurrency=1)) as f, ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: f.fetch(site.url("/slowish")), range(4)))
    assert all(r.error is None for r in results)
    assert len(site.hits("/robots.txt")) == 1  # four threads, one robots.txt fetch
    assert min(gaps(site.hits("/slowish"))) >= 0.15 - CLOCK_SLACK  # each waits for the previous answer


def test_per_host_concurrency_two_overlaps(site):
    both_in_flight = threading.Barrier(2, timeout=30)  # answers only once two requests are in at once

    def together(request):
        try:
            both_in_flight.wait()
        except threading.BrokenBarrierError:
            return Response(status=500)
        return page(UTF8_PAGE)(request)

    site.routes["/together"] = together
    with Fetcher(settings(per_host_concurrency=2)) as f, ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda _: f.fetch(site.url("/together")), range(2)))
    assert [r.error for r in results] == [None, None]


# -- file:// and bad URLs -----------------------------------------------------------------------------------------


def test_file_urls_are_read_from_disk(tmp_path, fetcher):
    (tmp_path / "a.html").write_bytes(GBK_PAGE)
    (tmp_path / "b.pdf").write_bytes(PDF_BYTES)
    html_result = fetcher.fetch((tmp_path / "a.html").as_uri())
    assert html_result.error is None and html_result.status is None
    assert html_result.body == GBK_PAGE and html_result.content_type == "text/html"
    pdf_result = fetcher.fetch((tmp_path / "b.pdf").as_uri())
    assert pdf_result.body == PDF_BYTES and pdf_result.content_type == "application/pdf"
    again = fetcher.fetch((tmp_path / "a.html").as_uri(), last_modified=html_result.last_modified)
    assert again.not_modified and again.body is None and again.error is None


def test_missing_file_is_an_error(tmp_path, fetcher):
    result = fetcher.fetch((tmp_path / "nope.html").as_uri())
    assert result.error == f"file not found: {tmp_path / 'nope.html'}"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("ftp://ftp.example.gov.cn/a.pdf", "unsupported URL scheme 'ftp'"),
        ("mzj.example.gov.cn/a.html", "unsupported URL scheme ''"),
        ("http://", "bad URL"),
        ("http://[::1/a", "bad URL"),
    ],
)
def test_bad_urls_are_errors_not_exceptions(fetcher, url, expected):
    result = fetcher.fetch(url)
    assert result.error.startswith(expected)


def test_site_sim_records_requests_and_answers_404_by_default(site):
    import requests

    client = requests.Session()
    client.trust_env = False
    site.routes["/x"] = lambda request: Response(200, b"hit %d" % request.hit, {"Content-Type": "text/plain"})
    assert client.get(site.url("/x?a=1"), timeout=2).content == b"hit 0"
    assert client.get(site.url("/x"), timeout=2).content == b"hit 1"
    assert client.get(site.url("/nothing"), timeout=2).status_code == 404
    assert [r.path for r in site.requests] == ["/x?a=1", "/x", "/nothing"]


def _sources(urls: list[str]):
    from yanglao.acquire.registry import parse_registry

    entries = [
        {"id": f"page-{i:02d}", "url": url, "city": "武汉市", "province": "湖北省", "region_code": "420100"}
        for i, url in enumerate(urls)
    ]
    return parse_registry({"sources": entries})


def test_a_hosts_sources_go_to_one_lane_each_dealt_among_its_allowed_connections():
    from yanglao.acquire.snapshots import host_lanes

    urls = [
        "http://a.gov.cn/1",
        "http://b.gov.cn/1",
        "http://A.gov.cn/2",
        "file:///x/1.html",
        "http://a.gov.cn/3",
        "file://localhost/x/2.html",
        "http://localhost/3",
        "file:///x/4.html",
    ]
    sources = _sources(urls)
    ids = [[s.id for s in lane] for lane in host_lanes(sources, local=2)]
    # local files have no host to be polite to: dealt among lanes of their own (not localhost's)
    assert ids == [
        ["page-00", "page-02", "page-04"],
        ["page-01"],
        ["page-03", "page-07"],
        ["page-05"],
        ["page-06"],
    ]
    two = [[s.id for s in lane] for lane in host_lanes(sources, per_host=2, local=1)]
    assert two == [
        ["page-00", "page-04"],
        ["page-02"],
        ["page-01"],
        ["page-03", "page-05", "page-07"],
        ["page-06"],
    ]


def test_another_hosts_sources_are_fetched_beside_a_slow_hosts_not_behind_them(site, tmp_path):
    """A registry lists a city's pages together. With a delay between one host's requests, the pages of another
    host listed after them are fetched at the same time, not once the threads are free of the first host; each
    host still gets one request at a time, the delay apart."""
    from yanglao.acquire.archive import Archive
    from yanglao.acquire.snapshots import FETCH_THREADS, collect
    from yanglao.pipeline import plan_fetches

    count = FETCH_THREADS + 4  # more pages of the slow host than there are threads
    site.routes.update({f"/p{i}": page(UTF8_PAGE) for i in range(count + 2)})
    urls = [site.url(f"/p{i}") for i in range(count)]
    urls += [site.url(f"/p{i}").replace("127.0.0.1", "localhost") for i in (count, count + 1)]
    sources = _sources(urls)
    plan = plan_fetches(sources, None, set(), [], max_new=len(sources))
    with Fetcher(settings(per_host_delay=0.3)) as fetcher:
        outcomes = collect(sources, Archive(tmp_path / "archive"), plan, fetcher=fetcher)
    assert [o.ok and o.fetched for o in outcomes] == [True] * len(sources)
    pages = [r for r in site.requests if r.path.startswith("/p")]
    slow = [r for r in pages if r.headers["Host"].startswith("127.0.0.1")]
    other = [r for r in pages if r.headers["Host"].startswith("localhost")]
    assert len(slow) == count and len(other) == 2
    assert other[0].time < slow[2].time  # not behind the slow host's pages: it waited for none of them
    assert min(gaps(slow)) >= 0.3 - CLOCK_SLACK
