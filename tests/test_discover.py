"""Discovery against local sites (tests/sitesim.py, 127.0.0.1 only): a TRS column paginated by createPageHTML,
a list paginated by 下一页 links and a gkmlpt JSON list, mixing elderly-care titles with unrelated ones."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import replace
from datetime import UTC, datetime
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
import yaml
from sitesim import Response, SiteSim, page, robots, status

from yanglao.acquire.discover import (
    append_discovered,
    discover,
    discover_all,
    load_discovered,
    merge_sources,
    source_id,
)
from yanglao.acquire.fetch import Fetcher, FetchSettings
from yanglao.acquire.registry import Listing, RegistryError, Source, load_registry

NOW = datetime(2025, 2, 1, 8, 0, tzinfo=UTC)
STAMP = "2025-02-01T08:00:00Z"
INCLUDE = ("养老", "老年", "助餐", "适老化")

# TRS column: (href as written on the page, title, date); pages index, index_1, index_2.
TRS_PAGES = [
    [
        ("./202501/t20250120_3001.html", "关于印发《某某市养老服务补贴实施办法》的通知", "2025-01-20"),
        ("./202501/t20250115_3000.html", "关于开展婚姻登记服务质量检查的通知", "2025-01-15"),
        (
            "http://www.gov.cn/zhengce/content/202401/content_6927328.htm",
            "国务院办公厅关于发展银发经济增进老年人福祉的意见",
            "2025-01-14",
        ),
        ("javascript:openWin('t20250110_2999.html')", "关于做好养老机构安全管理工作的通知", "2025-01-10"),
    ],
    [
        ("../../zwgk/202412/t20241220_2990.html", "某某市老年人助餐服务管理办法（试行）", "2024-12-20"),
        ("/col/tzgg/202412/t20241201_2980.html", "殡葬服务收费标准公示", "2024-12-01"),
    ],
    [
        ("./202411/t20241105_2970.html", "某某市居家适老化改造项目实施方案", "2024-11-05"),
        ("./202410/t20241008_2960.html", "关于调整婚姻登记预约方式的公告", "2024-10-08"),
    ],
]
TRS_EXPECTED = {  # path → (title, date) of the links to discover
    "/col/tzgg/202501/t20250120_3001.html": ("关于印发《某某市养老服务补贴实施办法》的通知", "2025-01-20"),
    "/zwgk/202412/t20241220_2990.html": ("某某市老年人助餐服务管理办法（试行）", "2024-12-20"),
    "/col/tzgg/202411/t20241105_2970.html": ("某某市居家适老化改造项目实施方案", "2024-11-05"),
}

# A list paginated by links: list.html -下一页-> list_2.html -下页-> list_3.html.
NEXT_PAGES = {
    "/news/list.html": (
        [
            ("art/a1.html", "关于提高高龄老年人津贴标准的通知", "2024年12月3日"),
            ("art/a2.html", "2024年第四季度婚姻登记数据", "2024年12月1日"),
        ],
        "下一页",
        "list_2.html",
    ),
    "/news/list_2.html": (
        [("art/a3.html", "社区养老服务驿站运营补贴办法", "2024年11月20日")],
        "下页",
        "list_3.html",
    ),
    "/news/list_3.html": ([("art/a4.html", "殡葬服务机构年检结果公告", "2024年10月2日")], None, None),
}

# gkmlpt: 8 articles, 3 a page.
GKMLPT_ARTICLES = [
    (
        "广州市养老服务条例实施细则",
        "/gkmlpt/content/1/1008/post_1008.html",
        1735689600,
    ),  # 2025-01-01 08:00 +08
    ("婚姻登记处节假日安排", "/gkmlpt/content/1/1007/post_1007.html", 1735000000),
    ("关于老年人助餐点建设的通知", "/gkmlpt/content/1/1006/post_1006.html", 1734000000),
    ("殡葬服务价格调整公告", "/gkmlpt/content/1/1005/post_1005.html", 1733000000),
    ("民政局机关党建工作要点", "/gkmlpt/content/1/1004/post_1004.html", 1732000000),
    ("居家适老化改造补贴申领指南", "/gkmlpt/content/1/1003/post_1003.html", 1731000000),
    ("社会组织年检公告", "/gkmlpt/content/1/1002/post_1002.html", 1730000000),
    ("养老机构等级评定结果公示", "/gkmlpt/content/1/1001/post_1001.html", 1729000000),
]
GKMLPT_PAGE_SIZE = 3


def column_page(items, pagination: str = "", charset: str = "utf-8") -> bytes:
    rows = "\n".join(
        f'<li><a href="{href}" target="_blank" title="{title}">{title[:12]}</a><span class="date">{when}</span></li>'
        for href, title, when in items
    )
    text = (
        f'<html><head><meta charset="{charset}"><title>通知公告</title></head><body>'
        '<ul class="nav"><li><a href="/">首页</a></li><li><a href="/col/ylfw/">养老服务</a></li></ul>'
        f'<div class="main"><ul class="list">\n{rows}\n</ul><div class="page">{pagination}</div></div>'
        '<div class="footer"><a href="mailto:mzj@example.gov.cn">联系我们</a></div></body></html>'
    )
    return text.encode(charset)


def trs_page(n: int, items=None, charset: str = "utf-8") -> bytes:
    script = (
        f'<script type="text/javascript">createPageHTML({len(TRS_PAGES)}, {n}, "index", "shtml");</script>'
    )
    return column_page(TRS_PAGES[n] if items is None else items, script, charset)


def article(title: str) -> bytes:
    return (
        f"<html><head><meta charset='utf-8'><title>{title}</title></head><body><h1>{title}</h1>"
        "<p>各区民政局：为贯彻落实积极应对人口老龄化国家战略，进一步完善养老服务体系，现将有关事项通知如下。</p>"
        "</body></html>"
    ).encode()


def gkmlpt_api(request) -> Response:
    number = int(parse_qs(urlsplit(request.path).query).get("page", ["1"])[0])
    chunk = GKMLPT_ARTICLES[(number - 1) * GKMLPT_PAGE_SIZE : number * GKMLPT_PAGE_SIZE]
    body = {
        "articles": [
            {"id": i, "title": t, "url": u, "first_publish_time": s} for i, (t, u, s) in enumerate(chunk)
        ],
        "total": len(GKMLPT_ARTICLES),
    }
    return Response(
        200, json.dumps(body, ensure_ascii=False).encode(), {"Content-Type": "application/json;charset=UTF-8"}
    )


def build_routes() -> dict:
    routes = {}
    for n in range(len(TRS_PAGES)):
        name = "index.shtml" if n == 0 else f"index_{n}.shtml"
        if n == 2:  # one page in GBK, declared in the header only
            routes[f"/col/tzgg/{name}"] = page(trs_page(n, charset="gbk"), "text/html; charset=GBK")
        else:
            routes[f"/col/tzgg/{name}"] = page(trs_page(n))
    for path, (items, label, target) in NEXT_PAGES.items():
        more = (
            f'<a href="list.html">首页</a><a href="{target}">{label}</a><a href="list_3.html">尾页</a>'
            if label
            else ""
        )
        routes[path] = page(column_page(items, more))
    routes["/gkmlpt/api/all/88"] = gkmlpt_api
    routes["/col/changed/index.shtml"] = page(
        "<html><head><meta charset='utf-8'><title>通知公告</title></head><body><ul><li><a href='/'>首页</a></li>"
        "<li><a href='/col/ylfw/'>养老服务</a></li></ul><div id='app'>正在加载，请稍候……本栏目内容由脚本生成。</div>"
        "<script src='/js/list.js'></script></body></html>".encode()
    )
    # Every article the lists point to, so discovered sources can be fetched like any other.
    titles = {}
    for items in TRS_PAGES:
        for href, title, _ in items:
            titles[urljoin("http://h/col/tzgg/index.shtml", href)] = title
    for path, (items, _, _) in NEXT_PAGES.items():
        for href, title, _ in items:
            titles[urljoin(f"http://h{path}", href)] = title
    for title, path, _ in GKMLPT_ARTICLES:
        titles[f"http://h{path}"] = title
    for url, title in titles.items():
        if url.startswith("http://h/"):
            routes[urlsplit(url).path] = page(article(title))
    return routes


@pytest.fixture
def site():
    with SiteSim(build_routes()) as sim:
        yield sim


@pytest.fixture
def fetcher():
    settings = FetchSettings(
        contact_url="https://example.org/yanglao-data",
        connect_timeout=2,
        read_timeout=2,
        retries=0,
        per_host_delay=0.0,
        trust_env=False,
    )
    with Fetcher(settings) as f:
        yield f


def listing(site, listing_id: str, path: str, **overrides) -> Listing:
    values = dict(
        id=listing_id,
        url=site.url(path),
        city="某某市",
        province="某某省",
        region_code="440100",
        issuer="某某市民政局",
        doc_type="notice",
        include=INCLUDE,
    )
    values.update(overrides)
    return Listing(**values)


def found(report) -> dict:
    return {urlsplit(s.url).path: (s.title, s.published_date) for s in report.new}


# -- the three kinds of list ----------------------------------------------------------------------------------


def test_trs_column_over_three_pages_finds_exactly_the_elderly_care_documents(site, fetcher):
    report = discover(listing(site, "trs-tzgg", "/col/tzgg/index.shtml"), fetcher, set(), NOW)
    assert report.errors == []
    assert (
        found(report) == TRS_EXPECTED
    )  # relative links resolved; 婚姻登记/殡葬 left; off-host and javascript: ignored
    assert (report.pages_read, report.links_seen, report.matched) == (3, 6, 3)
    assert (report.newest_date, report.last_success) == ("2025-01-20", STAMP)
    for source in report.new:
        assert source.id == "trs-tzgg-" + hashlib.sha1(source.url.encode()).hexdigest()[:10]
        assert source.url.startswith(site.base_url)
        assert (source.city, source.province, source.region_code, source.issuer, source.doc_type) == (
            "某某市",
            "某某省",
            "440100",
            "某某市民政局",
            "notice",
        )
        assert (source.discovered_from, source.discovered_at, source.format, source.active) == (
            "trs-tzgg",
            STAMP,
            None,
            True,
        )
    for name in ("index.shtml", "index_1.shtml", "index_2.shtml"):
        assert len(site.hits(f"/col/tzgg/{name}")) == 1
    assert not [
        r for r in site.requests if "/col/tzgg/2025" in r.path
    ]  # discovery reads lists, not documents


def test_list_paginated_by_next_page_links(site, fetcher):
    report = discover(listing(site, "news", "/news/list.html"), fetcher, set(), NOW)
    assert report.errors == []
    assert found(report) == {
        "/news/art/a1.html": ("关于提高高龄老年人津贴标准的通知", "2024-12-03"),
        "/news/art/a3.html": ("社区养老服务驿站运营补贴办法", "2024-11-20"),
    }
    assert (report.pages_read, report.links_seen, report.matched, report.newest_date) == (
        3,
        4,
        2,
        "2024-12-03",
    )
    assert len(site.hits("/news/list.html")) == 1  # the 首页 link back is not followed again


def test_gkmlpt_json_list(site, fetcher):
    item = listing(site, "gz-gkmlpt", "/gkmlpt/api/all/88?sid=200001", api="gkmlpt")
    report = discover(item, fetcher, set(), NOW)
    assert report.errors == []
    assert found(report) == {
        "/gkmlpt/content/1/1008/post_1008.html": ("广州市养老服务条例实施细则", "2025-01-01"),
        "/gkmlpt/content/1/1006/post_1006.html": ("关于老年人助餐点建设的通知", "2024-12-12"),
        "/gkmlpt/content/1/1003/post_1003.html": ("居家适老化改造补贴申领指南", "2024-11-08"),
        "/gkmlpt/content/1/1001/post_1001.html": ("养老机构等级评定结果公示", "2024-10-15"),
    }
    assert (report.pages_read, report.links_seen, report.matched) == (3, 8, 4)
    assert [r.path for r in site.hits("/gkmlpt/api/all/88")] == [
        f"/gkmlpt/api/all/88?page={n}&sid=200001" for n in (1, 2, 3)
    ]


# -- bounds and politeness ------------------------------------------------------------------------------------


def test_max_pages_bounds_the_walk(site, fetcher):
    report = discover(listing(site, "trs-tzgg", "/col/tzgg/index.shtml", max_pages=2), fetcher, set(), NOW)
    assert report.pages_read == 2
    assert set(found(report)) == {"/col/tzgg/202501/t20250120_3001.html", "/zwgk/202412/t20241220_2990.html"}
    assert site.hits("/col/tzgg/index_2.shtml") == []
    one = discover(listing(site, "news", "/news/list.html", max_pages=1), fetcher, set(), NOW)
    assert one.pages_read == 1 and site.hits("/news/list_2.html") == []


def test_robots_txt_disallowing_the_listing_gives_an_error_and_no_fetch(fetcher):
    routes = build_routes()
    routes["/robots.txt"] = robots("User-agent: *\nDisallow: /col/\n")
    with SiteSim(routes) as site:
        report = discover(listing(site, "trs-tzgg", "/col/tzgg/index.shtml"), fetcher, set(), NOW)
        assert site.hits("/col/tzgg/index.shtml") == []
        assert len(site.hits("/robots.txt")) == 1
    assert len(report.errors) == 1 and "robots.txt disallows" in report.errors[0]
    assert (report.pages_read, report.new, report.last_success) == (0, [], None)


def test_a_failing_page_is_reported_and_the_others_are_still_read(site, fetcher):
    site.routes["/col/tzgg/index_1.shtml"] = status(500)
    report = discover(listing(site, "trs-tzgg", "/col/tzgg/index.shtml"), fetcher, set(), NOW)
    assert len(report.errors) == 1
    assert report.errors[0].startswith(site.url("/col/tzgg/index_1.shtml") + ": HTTP 500")
    assert report.pages_read == 2
    assert set(found(report)) == {
        "/col/tzgg/202501/t20250120_3001.html",
        "/col/tzgg/202411/t20241105_2970.html",
    }
    assert report.last_success == STAMP


def test_a_bad_json_page_is_reported(site, fetcher):
    site.routes["/gkmlpt/api/all/88"] = page(
        "<html><body>系统维护中，请稍后访问本站内容。谢谢合作！</body></html>".encode()
    )
    report = discover(listing(site, "gz", "/gkmlpt/api/all/88?sid=1", api="gkmlpt"), fetcher, set(), NOW)
    assert report.pages_read == 0 and report.last_success is None
    assert len(report.errors) == 1 and "not JSON" in report.errors[0]


# -- runs after the first -------------------------------------------------------------------------------------


def test_second_run_finds_only_the_link_added_since(site, fetcher):
    item = listing(site, "trs-tzgg", "/col/tzgg/index.shtml")
    first = discover(item, fetcher, set(), NOW)
    known = {s.url for s in first.new}
    added = [
        ("./202502/t20250201_3010.html", "关于2025年度养老服务体系建设重点任务的通知", "2025-02-01"),
        ("./202502/t20250201_3009.html", "关于婚姻登记颁证服务的公告", "2025-02-01"),
    ]
    site.routes["/col/tzgg/index.shtml"] = page(
        trs_page(0, added + TRS_PAGES[0][:3])
    )  # one link also dropped
    second = discover(item, fetcher, known, datetime(2025, 2, 2, tzinfo=UTC))
    assert found(second) == {
        "/col/tzgg/202502/t20250201_3010.html": ("关于2025年度养老服务体系建设重点任务的通知", "2025-02-01")
    }
    assert (second.matched, second.newest_date, second.errors) == (4, "2025-02-01", [])
    assert second.new[0].discovered_at == "2025-02-02T00:00:00Z"
    # Known URLs are compared without scheme, fragment or host case.
    shouted = {u.replace("http://", "HTTPS://") + "#x" for u in known}
    assert {s.url for s in discover(item, fetcher, shouted, NOW).new} == {s.url for s in second.new}


def test_changed_markup_is_reported_as_no_links(site, fetcher):
    url = site.url("/col/changed/index.shtml")
    report = discover(listing(site, "changed", "/col/changed/index.shtml"), fetcher, set(), NOW)
    assert report.errors == [f"no links found on {url}: the listing's markup may have changed"]
    assert (report.pages_read, report.links_seen, report.new, report.last_success) == (1, 0, [], None)


def test_discover_all_skips_inactive_listings_and_reports_a_shared_link_once(site, fetcher):
    listings = [
        listing(site, "trs-tzgg", "/col/tzgg/index.shtml", max_pages=1),
        listing(site, "trs-copy", "/col/tzgg/index.shtml", max_pages=1),
        listing(site, "news", "/news/list.html", active=False),
    ]
    reports = discover_all(listings, fetcher, set(), NOW)
    assert [r.listing_id for r in reports] == ["trs-tzgg", "trs-copy"]
    assert len(reports[0].new) == 1 and reports[1].new == [] and reports[1].matched == 1
    assert site.hits("/news/list.html") == []
    assert reports[0].summary() == "trs-tzgg: 1 pages, 2 links, 1 matched, 1 new, newest 2025-01-20"


def test_unknown_api_shape_is_an_error_not_a_crash(site, fetcher):
    report = discover(listing(site, "x", "/gkmlpt/api/all/88", api="nope"), fetcher, set(), NOW)
    assert report.errors == ["unknown api shape 'nope'"] and site.requests == []


# -- the discovered-sources file ------------------------------------------------------------------------------


def test_discovered_sources_are_appended_and_become_ordinary_sources(site, fetcher, tmp_path):
    path = tmp_path / "discovered.yaml"
    assert load_discovered(path) == []
    trs = discover(listing(site, "trs-tzgg", "/col/tzgg/index.shtml"), fetcher, set(), NOW)
    assert append_discovered(path, trs.new) == trs.new
    news = discover(
        listing(site, "news", "/news/list.html"), fetcher, {s.url for s in load_discovered(path)}, NOW
    )
    assert append_discovered(path, news.new + trs.new) == news.new  # already there: skipped
    assert append_discovered(path, []) == []
    assert sorted(os.listdir(tmp_path)) == ["discovered.yaml"]  # no temporary file left behind
    assert oct(path.stat().st_mode & 0o777) == oct(0o644)

    sources = load_registry(path)
    assert sources == trs.new + news.new  # every field round-trips, in order
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["sources"][0]["region_code"] == "440100"
    first = sources[0]
    assert first.fetchable and first.discovered_from == "trs-tzgg"
    result = fetcher.fetch(first.url)
    assert result.ok and first.title.encode() in result.body

    # Hand edits are kept: a deactivated entry stays deactivated after the next append.
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["sources"][0]["active"] = False
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    extra = replace(first, id=source_id("trs-tzgg", first.url + "?v=2"), url=first.url + "?v=2")
    assert append_discovered(path, [extra]) == [extra]
    again = load_registry(path)
    assert again[0].active is False and again[-1] == extra and len(again) == len(sources) + 1


def test_append_refuses_a_file_that_does_not_load_and_leaves_it_alone(tmp_path):
    path = tmp_path / "discovered.yaml"
    path.write_text(
        "sources:\n- {id: Bad_Id, url: null, city: a, province: b, region_code: '440100'}\n", encoding="utf-8"
    )
    before = path.read_bytes()
    new = Source(
        id="x-0123456789",
        url="http://a.gov.cn/a.html",
        city="某某市",
        province="某某省",
        region_code="440100",
    )
    with pytest.raises(RegistryError, match="lowercase a-z0-9- slug"):
        append_discovered(path, [new])
    assert path.read_bytes() == before and sorted(os.listdir(tmp_path)) == ["discovered.yaml"]


def test_merge_sources_keeps_hand_written_entries_first():
    hand = Source(
        id="gz-1", url="https://a.gov.cn/x/1.html", city="某某市", province="某某省", region_code="440100"
    )
    same_page = replace(
        hand, id="gz-list-0123456789", url="http://a.gov.cn/x/1.html#top", discovered_from="gz-list"
    )
    same_id = replace(hand, url="http://a.gov.cn/x/2.html")
    other = replace(hand, id="gz-list-abcdef0123", url="http://a.gov.cn/x/3.html", discovered_from="gz-list")
    assert merge_sources([hand], [same_page, same_id, other, other]) == [hand, other]
