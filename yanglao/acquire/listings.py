"""Reading listing pages: the links, titles, dates and further pages of a column of a government site.

Pure functions from a page's text (and its URL) to a `ListingPage`; the walk over pages, with the fetching,
is `yanglao/discover.py`'s job.

HTML lists (`parse_html_listing`). A link is an `<a href>` with a title of at least `MIN_TITLE_CHARS`
characters (its `title` attribute, else its text) standing in a list row (`<li>`, `<tr>`, `<dd>`/`<dt>`, else
the block element around it). Its date is the first `YYYY-MM-DD`, `YYYY/MM/DD`, `YYYY.MM.DD` or
`YYYY年M月D日` in the row, after the link first, then before it, never past another link of the row. When
some links on a page have dates, the undated ones (menus, banners, 更多 links) are dropped. URLs are resolved
against `<base href>` or the page URL, fragments dropped; javascript:, mailto:, tel:, `#` and links off the
listing's host are left out; a URL listed twice counts once.

Pagination, as `ListingPage.next_urls`:
- the TRS script `createPageHTML(total, current, "index", "shtml")` (also with a container id first,
  `createPageHTML("page_div", total, current, "index", "shtml")`, and with variables declared in the page):
  pages `index.shtml`, `index_1.shtml`, … `index_{total-1}.shtml` beside the current page, all of them;
- else a next-page link: `下一页`, `下页`, `后一页`, `>` (text or title attribute).

JSON lists (`API_SHAPES`). A listing with `api: <name>` in the registry is read through
`API_SHAPES[name]`, an `ApiShape(page_url, parse)`:
- `page_url(url, n) -> str`: the URL of page n (n = 1 is the first) of the list whose API URL is `url`;
- `parse(text, page_url, host=None) -> ListingPage`: the page's links; on the first page, `next_urls` holds
  the URLs of the following pages (from the total the API reports). Raises ValueError (one line) for a body
  that is not the shape's JSON.

Shapes:
- `gkmlpt` — the 政府信息公开 platform of Guangdong sites (广州、深圳、汕头…). API URL
  `http://<site>/gkmlpt/api/all/<column>?page=<n>&sid=<site id>` (the column and sid are in the column page's
  address `…/gkmlpt/index#<column>` and its `SID: '…'` script). Body
  `{"articles": [{"title": …, "url": …, "first_publish_time" | "publish_time" | "create_time": unix
  seconds (or "created_at": "YYYY-MM-DD …"), …}], "total": N, …}`; pages are numbered from 1 and are as long
  as the first one (100 on the live sites). Dates are read in China time (UTC+8).

To add another shape: write `page_url_<name>(url, n)` and `parse_<name>(text, page_url, host=None)` here
(build `ListingLink`s with `make_link`, which resolves the URL and applies the scheme and host rules), add
`"<name>": ApiShape(page_url_<name>, parse_<name>)` to `API_SHAPES`, put a sample body under
`tests/data/listings/` with a parser test, and name it in a listing's `api:`. The registry refuses names that
are not in `API_SHAPES`.
"""

from __future__ import annotations

import html
import json
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta, timezone
from typing import NamedTuple
from urllib.parse import parse_qsl, quote, urlencode, urljoin, urlsplit, urlunsplit

import lxml.html
from lxml import etree

#: Shorter link texts are navigation (首页, 更多, 养老服务), not document titles.
MIN_TITLE_CHARS = 6
ROW_TAGS = frozenset({"li", "tr", "dd", "dt"})
# fmt: off
BLOCK_TAGS = frozenset({"div", "p", "td", "th", "section", "article", "ul", "ol", "table", "body", "h1", "h2", "h3", "h4", "h5", "h6"})
# fmt: on
SKIP_TAGS = frozenset({"script", "style", "noscript", "template"})
CHINA_TIME = timezone(timedelta(hours=8))

DATE_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)(?:\s*日)?")
_NEXT_TEXT_RE = re.compile(r"^(?:下一?页|后一?页|下一頁)[>›»＞]*$|^[>›＞]$")
_TRS_ARG = r"""['"]?(\w+)['"]?"""
_TRS_RE = re.compile(
    r"""createPageHTML\(\s*(?:(['"])[^'"]*\1\s*,\s*)?"""  # optional container id (newer TRS templates)
    + _TRS_ARG
    + r"\s*,\s*"
    + _TRS_ARG
    + r"""\s*,\s*['"]([\w.-]+)['"]\s*,\s*['"](\w+)['"]"""
)
_BAD_SCHEMES = ("javascript:", "mailto:", "tel:", "data:", "vbscript:")
_TAG_RE = re.compile(r"<[^>]*>")
_URL_SAFE = "/:@!$&'()*+,;=~%?"
_XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*\?>")


@dataclass(frozen=True)
class ListingLink:
    """A link found on a listing page: its URL, title and date as the page shows them."""

    title: str
    url: str  # absolute, without fragment
    date: str | None = None  # YYYY-MM-DD as listed


@dataclass(frozen=True)
class ListingPage:
    """One page of a listing: the links it holds and the next page's URL, if any."""

    links: tuple[ListingLink, ...] = ()
    next_urls: tuple[str, ...] = ()  # further pages of the listing this page names, in reading order


class ApiShape(NamedTuple):
    """How a JSON listing API (gkmlpt) lays out its items, so one reader serves every site using it."""

    page_url: Callable[[str, int], str]
    parse: Callable[..., ListingPage]


# ---------------------------------------------------------------------------------------------------------
# URLs, dates, titles.


def hostname(url: str) -> str:
    """The lowercase host of a URL: politeness and same-origin checks are per host."""
    return (urlsplit(url).hostname or "").lower()


def origin(url: str) -> tuple[str, str, int | None]:
    """(scheme, host, port) of a URL, the port filled in for http and https: links are followed only on
    the listing's own origin (another port of the same host is another server)."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        port = parts.port or {"http": 80, "https": 443}.get(scheme)
    except ValueError:
        port = -1
    return scheme, (parts.hostname or "").lower(), port


def clamp_pages(total: int, max_pages: int | None) -> int:
    """A page count as a listing states it, bounded by what the run will read before any list is built."""
    return max(0, min(total, max_pages)) if max_pages is not None else max(0, total)


def url_key(url: str) -> str:
    """A URL as compared for "already known": scheme, default port, fragment and host case ignored,
    non-ASCII characters compared percent-encoded.

    >>> url_key("HTTPS://www.GZ.gov.cn:443/a.html#top") == url_key("http://www.gz.gov.cn/a.html")
    True
    """
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    port = parts.port if parts.port not in (None, 80, 443) else None
    netloc = f"{host}:{port}" if port else host
    path, query = (quote(x, safe=_URL_SAFE) for x in (parts.path or "/", parts.query))
    return urlunsplit(("", netloc, path, query, ""))


def make_link(
    title: str, href: str | None, base_url: str, host: str | None, when: str | None = None
) -> ListingLink | None:
    """A `ListingLink` for an href found on a page at base_url, or None when it is not one to follow:
    empty, `#…`, javascript:/mailto:/tel:, not http(s), or (host given) on another host."""
    href = (href or "").strip()
    if not href or href.startswith("#") or href.lower().replace(" ", "").startswith(_BAD_SCHEMES):
        return None
    try:
        parts = urlsplit(urljoin(base_url, href))
        # Scheme and host lower-cased; spaces and non-ASCII characters percent-encoded (as a browser sends them).
        path, query = (quote(x, safe=_URL_SAFE) for x in (parts.path, parts.query))
        url = urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, query, ""))
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    if parts.username is not None or parts.password is not None:
        return None  # credentials in a URL would be published with the sources
    if host is not None and parts.hostname.lower() != host.lower():
        return None
    title = clean_title(title)
    if not title:
        return None
    return ListingLink(title=title, url=url, date=when)


def clean_title(text: str) -> str:
    """A link's title with whitespace and page furniture removed, for matching include/exclude words."""
    return " ".join(html.unescape(_TAG_RE.sub("", text or "")).split())


def find_date(text: str) -> str | None:
    """The first plausible date in text as YYYY-MM-DD (2024-05-20, 2024/5/20, 2024.05.20, 2024年5月20日)."""
    for match in DATE_RE.finditer(text or ""):
        try:
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3))).isoformat()
        except ValueError:
            continue
    return None


def matches(title: str, include: Iterable[str], exclude: Iterable[str] = ()) -> bool:
    """True when the title contains one of `include` and none of `exclude` (case-insensitive)."""
    folded = title.casefold()
    return any(w.casefold() in folded for w in include) and not any(w.casefold() in folded for w in exclude)


# ---------------------------------------------------------------------------------------------------------
# HTML lists.


def parse_html_listing(
    text: str, page_url: str, host: str | None = None, max_pages: int | None = None
) -> ListingPage:
    """Links and further pages of an HTML listing page. `host`: keep links on this host only (default: the
    page's own host). `max_pages` bounds the pages a TRS script's total can name."""
    root = _document(text)
    if root is None:
        return ListingPage()
    base = page_url
    base_el = root.find(".//base[@href]")
    if base_el is not None:
        base = urljoin(page_url, base_el.get("href").strip())
    host = hostname(page_url) if host is None else host
    return ListingPage(
        links=tuple(_links(root, base, host)),
        next_urls=tuple(_next_pages(root, text, page_url, base, host, max_pages)),
    )


def _document(text: str):
    text = _XML_DECL_RE.sub("", text or "", count=1)
    if not text.strip():
        return None
    try:
        return lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return None


def _links(root, base: str, host: str) -> list[ListingLink]:
    candidates = []  # (anchor, title, date-only descendants' text)
    for anchor in root.iter("a"):
        if anchor.get("href") is None or any(a.tag in SKIP_TAGS for a in anchor.iterancestors()):
            continue
        inner_dates = [
            d.text_content().strip()
            for d in anchor.iterdescendants()
            if isinstance(d.tag, str) and DATE_RE.fullmatch(d.text_content().strip() or "-")
        ]
        visible = anchor.text_content()
        for inner in inner_dates:
            visible = visible.replace(inner, " ")
        title = clean_title(anchor.get("title") or "") or clean_title(visible)
        if len(title) < MIN_TITLE_CHARS:
            continue
        candidates.append((anchor, title, inner_dates))
    chosen = {id(a) for a, _, _ in candidates}
    found: dict[str, ListingLink] = {}
    for anchor, title, inner_dates in candidates:
        when = _row_date(anchor, chosen) or (find_date(inner_dates[0]) if inner_dates else None)
        link = make_link(title, anchor.get("href"), base, host, when)
        if link is None:
            continue
        key = url_key(link.url)
        if key not in found:
            found[key] = link
        elif found[key].date is None and link.date:
            found[key] = replace(found[key], date=link.date)
    links = list(found.values())
    if any(link.date for link in links):
        links = [link for link in links if link.date]
    return links


def _row(anchor):
    block = None
    for ancestor in anchor.iterancestors():
        tag = ancestor.tag if isinstance(ancestor.tag, str) else ""
        if tag in ROW_TAGS:
            return ancestor
        if block is None and tag in BLOCK_TAGS:
            block = ancestor
    return block if block is not None else anchor.getparent()


def _row_date(anchor, chosen: set[int]) -> str | None:
    """The date beside the anchor in its row: after it (up to the next chosen link), else before it."""
    row = _row(anchor)
    if row is None:
        return None
    segments: list[tuple[str, object]] = []  # (text, the chosen anchor it is in, or None)

    def walk(el, owner) -> None:
        if not isinstance(el.tag, str) or el.tag in SKIP_TAGS:
            return
        if el.tag == "a" and id(el) in chosen:
            owner = el
        if el.text:
            segments.append((el.text, owner))
        for child in el:
            walk(child, owner)
            if child.tail:
                segments.append((child.tail, owner))

    walk(row, None)
    mine = [i for i, (_, owner) in enumerate(segments) if owner is anchor]
    if not mine:
        return None
    after = []
    for text, owner in segments[mine[-1] + 1 :]:
        if owner is not None and owner is not anchor:
            break
        after.append(text)
    before = []
    for text, owner in reversed(segments[: mine[0]]):
        if owner is not None and owner is not anchor:
            break
        before.append(text)
    return find_date(" ".join(after)) or find_date(" ".join(reversed(before)))


def _next_pages(root, text: str, page_url: str, base: str, host: str, max_pages: int | None) -> list[str]:
    trs = trs_pages(text, page_url, max_pages)
    if trs is not None:
        return [u for u in trs if hostname(u) == host]
    current = url_key(page_url)
    for anchor in root.iter("a"):
        labels = ("".join(anchor.text_content().split()), "".join((anchor.get("title") or "").split()))
        if not any(_NEXT_TEXT_RE.match(label) for label in labels if label):
            continue
        link = make_link("next", anchor.get("href"), base, host)
        if link is not None and url_key(link.url) != current:
            return [link.url]
    return []


def trs_pages(text: str, page_url: str, max_pages: int | None = None) -> list[str] | None:
    """The other pages of a TRS column paginated by `createPageHTML(total, current, name, ext)`, in order,
    or None when the page has no such call. Arguments may be variables declared in the page. With
    `max_pages`, only the first `max_pages` pages are named: a stated total of 2,000,000 builds no list."""
    match = _TRS_RE.search(text or "")
    if match is None:
        return None
    total, current = (_trs_value(text, match.group(i)) for i in (2, 3))
    if total is None:
        return None
    name, ext = match.group(4), match.group(5)
    current = current or 0
    return [
        urljoin(page_url, f"{name}.{ext}" if n == 0 else f"{name}_{n}.{ext}")
        for n in range(clamp_pages(total, max_pages))
        if n != current
    ]


def _trs_value(text: str, arg: str) -> int | None:
    if arg.isdigit():
        return int(arg)
    declared = re.search(rf"""\b{re.escape(arg)}\s*=\s*['"]?(\d+)""", text)
    return int(declared.group(1)) if declared else None


# ---------------------------------------------------------------------------------------------------------
# JSON lists.


def page_url_gkmlpt(url: str, page: int) -> str:
    """The gkmlpt API URL of page `page` (from 1): the `page` query parameter set, the others kept."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "page"]
    query.insert(0, ("page", str(page)))
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))


def parse_gkmlpt(
    text: str, page_url: str, host: str | None = None, max_pages: int | None = None
) -> ListingPage:
    """One page of a gkmlpt list API (see the module docstring for the shape); `max_pages` bounds the pages
    named from the stated total (a total of 1e12 builds no list)."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise ValueError(f"not JSON ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("articles"), list):
        raise ValueError('not a gkmlpt list: expected {"articles": [...], "total": N}')
    host = hostname(page_url) if host is None else host
    links: dict[str, ListingLink] = {}
    for article in data["articles"]:
        if not isinstance(article, dict):
            continue
        href = article.get("url") or article.get("post_url")
        link = make_link(
            str(article.get("title") or ""),
            href if isinstance(href, str) else None,
            page_url,
            host,
            _gkmlpt_date(article),
        )
        if link is not None:
            links.setdefault(url_key(link.url), link)
    next_urls: list[str] = []
    current = _page_number(page_url)
    total = data.get("total")
    count = _whole_number(total)
    if current <= 1 and data["articles"] and count is not None:
        pages = clamp_pages(math.ceil(count / len(data["articles"])), max_pages)
        next_urls = [page_url_gkmlpt(page_url, current + n) for n in range(1, pages)]
    return ListingPage(links=tuple(links.values()), next_urls=tuple(next_urls))


def _whole_number(value: object) -> int | None:
    """A stated total as a whole number (5, 5.0, "5"), or None for anything else (booleans, inf, text)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) < 30:
        return int(value.strip())
    return None


def _gkmlpt_date(article: dict) -> str | None:
    for key in ("first_publish_time", "publish_time", "create_time", "created_at", "date"):
        value = article.get(key)
        if isinstance(value, bool) or value in (None, "", 0):
            continue
        if isinstance(value, int | float) or (isinstance(value, str) and value.strip().isdigit()):
            seconds = float(value)
            if seconds > 1e11:  # milliseconds
                seconds /= 1000
            try:
                return datetime.fromtimestamp(seconds, UTC).astimezone(CHINA_TIME).date().isoformat()
            except (OverflowError, OSError, ValueError):
                continue
        if isinstance(value, str):
            found = find_date(value)
            if found:
                return found
    return None


def _page_number(url: str) -> int:
    value = dict(parse_qsl(urlsplit(url).query)).get("page", "1")
    return int(value) if value.isdigit() else 1


#: JSON list shapes by the name a listing gives in `api:` (see the module docstring to add one).
API_SHAPES: dict[str, ApiShape] = {
    "gkmlpt": ApiShape(page_url_gkmlpt, parse_gkmlpt),
}
