"""Listing pages read from static fixtures (tests/data/listings/), and the `listings:` part of the registry."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from yanglao.acquire.listings import (
    API_SHAPES,
    find_date,
    make_link,
    matches,
    page_url_gkmlpt,
    parse_gkmlpt,
    parse_html_listing,
    trs_pages,
    url_key,
)
from yanglao.acquire.registry import (
    DEFAULT_INCLUDE,
    Listing,
    RegistryError,
    load_listings,
    load_registry,
    parse_listings,
    parse_registry,
)

DATA = Path(__file__).resolve().parent / "data" / "listings"
TRS_URL = "https://mzj.example.gov.cn/col/tzgg/index.shtml"
GKMLPT_URL = "http://www.gz.gov.cn/gkmlpt/api/all/2846?page=1&sid=200001"


def fixture(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


# -- HTML lists -----------------------------------------------------------------------------------------------


def test_trs_column_links_titles_dates_and_resolution():
    page = parse_html_listing(fixture("trs_column.shtml"), TRS_URL)
    assert [(link.title, link.url, link.date) for link in page.links] == [
        (
            "关于印发《某某市养老服务补贴实施办法》的通知",  # the title attribute, not the truncated text
            "https://mzj.example.gov.cn/col/tzgg/202405/t20240520_1001.html",  # ./ resolved
            "2024-05-20",
        ),
        (
            "关于开展2024年度婚姻登记服务质量检查的通知",
            "https://mzj.example.gov.cn/col/tzgg/202405/t20240510_1000.html",
            "2024-05-10",
        ),
        (
            "某某市老年人助餐服务管理办法（试行）",
            "https://mzj.example.gov.cn/zwgk/202404/t20240402_998.html",  # ../../ resolved
            "2024-04-02",  # 2024/04/02
        ),
        (
            "殡葬服务收费标准公示",
            "https://mzj.example.gov.cn/col/tzgg/202403/t20240315_990.html",
            "2024-03-15",
        ),
        (
            "某某市居家适老化改造项目实施方案",
            "https://mzj.example.gov.cn/col/tzgg/202402/t20240220_970.html",  # host lower-cased
            "2024-02-20",
        ),
    ]


def test_off_host_javascript_mailto_fragment_and_navigation_links_are_left_out():
    urls = [link.url for link in parse_html_listing(fixture("trs_column.shtml"), TRS_URL).links]
    assert not any("www.gov.cn" in u or "www.example.gov.cn" in u for u in urls)  # other hosts
    assert not any(u.startswith(("javascript", "mailto")) or "#" in u for u in urls)
    assert not any(u.endswith("/col/ylfw/") for u in urls)  # the 养老服务 menu item
    # Another host may be named explicitly (a listing whose pages are served from a second name).
    other = parse_html_listing(fixture("trs_column.shtml"), TRS_URL, host="www.gov.cn").links
    assert [link.title for link in other] == ["国务院办公厅关于发展银发经济增进老年人福祉的意见"]


def test_trs_create_page_html_gives_every_other_page():
    page = parse_html_listing(fixture("trs_column.shtml"), TRS_URL)
    assert page.next_urls == (
        "https://mzj.example.gov.cn/col/tzgg/index_1.shtml",
        "https://mzj.example.gov.cn/col/tzgg/index_2.shtml",
    )
    # From the second page, relative to a column URL ending in '/'; variables declared in the page.
    script = 'var countPage = 4;//共多少页\nvar currentPage = 1;\ncreatePageHTML(countPage, currentPage, "index", "shtml");'
    assert trs_pages(script, "http://a.gov.cn/col/") == [
        "http://a.gov.cn/col/index.shtml",
        "http://a.gov.cn/col/index_2.shtml",
        "http://a.gov.cn/col/index_3.shtml",
    ]
    # Newer templates name the container first.
    assert trs_pages(
        "createPageHTML('page_div',2, 0,'index','html',31);", "http://a.gov.cn/c/index.html"
    ) == ["http://a.gov.cn/c/index_1.html"]
    assert trs_pages("createPageHTML(1, 0, 'index', 'shtml');", "http://a.gov.cn/c/") == []
    assert trs_pages("<p>no pagination</p>", "http://a.gov.cn/c/") is None


def test_table_rows_with_base_href_and_a_next_page_link():
    page = parse_html_listing(
        fixture("next_page_table.html"), "http://www.city.example.gov.cn/xxgk/zcwj/list_1.html"
    )
    assert [(link.title, link.url, link.date) for link in page.links] == [
        (
            "关于提高高龄津贴发放标准的通知",
            "http://www.city.example.gov.cn/xxgk/zcwj/2024/art_5501.html",
            "2024-03-05",
        ),
        (
            "关于进一步规范婚姻登记工作的通知",
            "http://www.city.example.gov.cn/xxgk/zcwj/2024/art_5499.html",
            "2024-02-28",
        ),
        (
            "某某市养老机构等级评定办法（PDF）",
            "http://www.city.example.gov.cn/files/2024/%E5%85%BB%E8%80%81%E6%9C%BA%E6%9E%84%E7%AD%89%E7%BA%A7%E8%AF%84%E5%AE%9A%E5%8A%9E%E6%B3%95.pdf",
            "2024-02-01",  # 2024年2月1日
        ),
    ]
    assert page.next_urls == ("http://www.city.example.gov.cn/xxgk/zcwj/list_2.html",)  # 下一页, not 尾页


def test_dates_before_inside_and_between_links_and_undated_links_dropped():
    page = parse_html_listing(fixture("mixed_rows.html"), "http://qmzj.example.gov.cn/col/gzdt/index.html")
    got = {link.title: link.date for link in page.links}
    assert (
        got
        == {
            "区民政局召开养老服务工作推进会": "2023-12-08",  # [2023.12.08] before the link
            "关于公布第三批社区老年食堂名单的通知": "2023-11-30",  # date in a span inside the link, not in the title
            "老年人能力评估工作规范解读": "2023-11-02",  # two links in one <p>: each gets its own date
            "关于殡葬服务改革的实施意见": "2023-10-09",
            "一图读懂：长期护理保险制度试点": "2023-09-01",  # title attribute; the [解读] tag link is not a title
        }
    )
    assert (
        "关于养老服务的一份文件（无日期）" not in got
    )  # dates elsewhere: an undated link is not a list entry
    assert page.next_urls == ("http://qmzj.example.gov.cn/col/gzdt/index_2.html",)  # '>' titled 下页


@pytest.mark.parametrize("label", ["下一页", "下页", "&gt;", "下一页&gt;", " 下一页 "])
def test_next_page_labels(label):
    text = f'<ul><li><a href="a1.html">关于养老服务的通知</a> 2024-01-01</li></ul><a href="list_2.html">{label}</a>'
    assert parse_html_listing(text, "http://a.gov.cn/c/list.html").next_urls == (
        "http://a.gov.cn/c/list_2.html",
    )


def test_next_page_link_that_goes_nowhere_is_ignored():
    text = '<a href="javascript:nextPage()">下一页</a><a href="#">下页</a><a href="list.html">&gt;</a><a href="http://b.gov.cn/l2.html">下一页</a>'
    assert parse_html_listing(text, "http://a.gov.cn/c/list.html").next_urls == ()


def test_a_page_without_a_list_gives_no_links():
    page = parse_html_listing(fixture("changed_markup.html"), "http://x.gov.cn/col/tzgg/")
    assert page.links == () and page.next_urls == ()
    assert parse_html_listing("", "http://x.gov.cn/").links == ()
    assert (
        parse_html_listing(
            '<?xml version="1.0" encoding="utf-8"?><html><body></body></html>', "http://x.gov.cn/"
        ).links
        == ()
    )


def test_a_url_listed_twice_counts_once_keeping_its_date():
    text = (
        '<div class="focus"><a href="/a/1.html">关于加强养老服务的通知</a></div>'
        '<ul><li><a href="/a/1.html#x">关于加强养老服务的通知</a><span>2024-06-01</span></li></ul>'
    )
    (link,) = parse_html_listing(text, "http://a.gov.cn/").links
    assert (link.url, link.date) == ("http://a.gov.cn/a/1.html", "2024-06-01")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-05-20", "2024-05-20"),
        ("[2024/5/2]", "2024-05-02"),
        ("2024.05.20 10:00", "2024-05-20"),
        ("发布日期：2024年5月20日", "2024-05-20"),
        ("2024-13-40 2023-02-03", "2023-02-03"),  # not a date, then one
        ("05-20", None),
        ("编号 120240520", None),
    ],
)
def test_find_date(text, expected):
    assert find_date(text) == expected


def test_make_link_rules():
    base = "http://a.gov.cn/col/index.html"
    for href in (
        "",
        "#",
        "#top",
        "javascript:void(0)",
        "JavaScript :go()",
        "mailto:a@b.cn",
        "tel:12345",
        "ftp://a.gov.cn/x",
    ):
        assert make_link("关于养老服务的通知", href, base, "a.gov.cn") is None, href
    assert make_link("关于养老服务的通知", "http://b.gov.cn/x.html", base, "a.gov.cn") is None
    assert (
        make_link("关于养老服务的通知", "//a.gov.cn/x.html", base, "a.gov.cn").url == "http://a.gov.cn/x.html"
    )
    assert make_link("  ", "/x.html", base, None) is None


def test_url_key_ignores_scheme_port_fragment_case_and_encoding():
    assert url_key("https://A.gov.cn:443/x/养老.html#p") == url_key(
        "http://a.gov.cn/x/%E5%85%BB%E8%80%81.html"
    )
    assert url_key("http://a.gov.cn:8080/x") != url_key("http://a.gov.cn/x")
    assert url_key("http://a.gov.cn/x?id=1") != url_key("http://a.gov.cn/x?id=2")


def test_matches_include_any_and_exclude_none():
    include = ("养老", "老年", "助餐", "适老化")
    assert matches("某某市老年人助餐服务管理办法", include)
    assert not matches("关于开展婚姻登记服务质量检查的通知", include)
    assert not matches("殡葬服务收费标准公示", include)
    assert not matches("养老服务机构招聘公告", include, exclude=("招聘",))
    assert matches("Elderly CARE notice", ("care",))


# -- JSON lists -----------------------------------------------------------------------------------------------


def test_gkmlpt_page_links_dates_in_china_time_and_following_pages():
    page = parse_gkmlpt(fixture("gkmlpt_page1.json"), GKMLPT_URL)
    assert [(link.title, link.url, link.date) for link in page.links] == [
        (
            "广州市民政局关于印发广州市社区居家养老服务管理办法的通知",
            "http://www.gz.gov.cn/gkmlpt/content/9/9801/post_9801.html",
            "2024-05-20",  # first_publish_time wins over publish_time
        ),
        (
            "广州市婚姻登记处迁址公告",
            "http://www.gz.gov.cn/gkmlpt/content/9/9790/post_9790.html",
            "2024-05-12",
        ),  # 16:00 UTC = 00:00 UTC+8
        (
            "关于做好2024年殡葬服务领域专项整治的通知",
            "http://www.gz.gov.cn/gkmlpt/content/9/9785/post_9785.html",  # post_url, relative
            "2024-05-06",  # seconds as a string
        ),
        (
            "广州市<老年人>助餐配餐服务实施细则",
            "http://www.gz.gov.cn/gkmlpt/content/9/9780/post_9780.html",
            "2024-04-30",
        ),
    ]
    # total 10 with 4 a page: pages 2 and 3 follow, the other query parameters kept.
    assert page.next_urls == (
        "http://www.gz.gov.cn/gkmlpt/api/all/2846?page=2&sid=200001",
        "http://www.gz.gov.cn/gkmlpt/api/all/2846?page=3&sid=200001",
    )
    later = parse_gkmlpt(fixture("gkmlpt_page1.json"), GKMLPT_URL.replace("page=1", "page=2"))
    assert later.next_urls == ()  # only the first page names the others


def test_gkmlpt_empty_list_and_bad_bodies():
    assert parse_gkmlpt('{"articles": [], "total": 0}', GKMLPT_URL).links == ()
    with pytest.raises(ValueError, match="not JSON"):
        parse_gkmlpt("<html>出错了</html>", GKMLPT_URL)
    with pytest.raises(ValueError, match="not a gkmlpt list"):
        parse_gkmlpt('{"data": []}', GKMLPT_URL)
    body = {
        "articles": [
            {"title": "外站：老年人优待办法", "url": "http://www.gd.gov.cn/x.html", "publish_time": 1}
        ],
        "total": 1,
    }
    assert parse_gkmlpt(json.dumps(body), GKMLPT_URL).links == ()  # off-host


def test_api_shapes_registry():
    shape = API_SHAPES["gkmlpt"]
    assert shape.parse is parse_gkmlpt
    page_url, parse = shape  # a (page_url, parse) pair
    assert (
        page_url("http://a.gov.cn/gkmlpt/api/all/5?sid=2", 1)
        == "http://a.gov.cn/gkmlpt/api/all/5?page=1&sid=2"
    )
    assert (
        page_url_gkmlpt("http://a.gov.cn/gkmlpt/api/all/5?page=1&sid=2", 3)
        == "http://a.gov.cn/gkmlpt/api/all/5?page=3&sid=2"
    )


# -- the registry's listings: ---------------------------------------------------------------------------------

LISTING = {
    "id": "gz-mzj-tzgg",
    "url": "https://mzj.gz.gov.cn/gkmlpt/api/all/2846?sid=200001",
    "city": "广州市",
    "province": "广东省",
    "region_code": "440100",
}


def test_listing_defaults_and_all_keys():
    (minimal,) = parse_listings({"listings": [LISTING]})
    assert minimal == Listing(**LISTING)
    assert (minimal.include, minimal.exclude, minimal.max_pages, minimal.api) == (
        DEFAULT_INCLUDE,
        (),
        5,
        None,
    )
    full = {
        **LISTING,
        "issuer": "广州市民政局",
        "doc_type": "notice",
        "include": ["养老", "老年"],
        "exclude": ["招聘"],
        "max_pages": 2,
        "api": "gkmlpt",
        "active": False,
        "note": "n",
        "region_code": 440100,
    }
    (listing,) = parse_listings({"listings": [full]})
    assert (listing.include, listing.exclude, listing.max_pages, listing.api, listing.region_code) == (
        ("养老", "老年"),
        ("招聘",),
        2,
        "gkmlpt",
        "440100",
    )


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({**LISTING, "id": "GZ_1"}, "lowercase a-z0-9- slug"),
        ({**LISTING, "url": "file://list.html"}, "url must start with http:// or https://"),
        ({k: v for k, v in LISTING.items() if k != "url"}, "'url' is required"),
        ({**LISTING, "region_code": "4401"}, "6-digit"),
        ({**LISTING, "doc_type": "memo"}, "doc_type must be one of"),
        ({**LISTING, "include": "养老"}, "include must be a list of non-empty keywords"),
        ({**LISTING, "include": []}, "include must name at least one keyword"),
        ({**LISTING, "exclude": ["招聘", ""]}, "exclude must be a list of non-empty keywords"),
        ({**LISTING, "max_pages": 0}, "max_pages must be a whole number"),
        ({**LISTING, "max_pages": True}, "max_pages must be a whole number"),
        ({**LISTING, "api": "jpaas"}, "api must be one of gkmlpt"),
        ({**LISTING, "colour": "red"}, "unknown keys ['colour']"),
    ],
)
def test_bad_listings_are_named_with_the_reason(entry, message):
    with pytest.raises(RegistryError, match=re.escape(message)) as error:
        parse_listings({"listings": [entry]}, "reg.yaml")
    assert "reg.yaml: listing" in str(error.value)


def test_listing_list_shape_errors():
    with pytest.raises(RegistryError, match="id is used twice"):
        parse_listings({"listings": [LISTING, LISTING]})
    with pytest.raises(RegistryError, match="'listings:' must hold a list"):
        parse_listings({"listings": {"a": 1}})
    with pytest.raises(RegistryError, match="listing 1: expected a mapping"):
        parse_listings({"listings": ["x"]})
    assert parse_listings({"sources": []}) == []


def test_load_listings_and_load_registry_share_a_file(tmp_path):
    only_listings = tmp_path / "listings.yaml"
    only_listings.write_text(yaml.safe_dump({"listings": [LISTING]}, allow_unicode=True), encoding="utf-8")
    assert [item.id for item in load_listings(only_listings)] == ["gz-mzj-tzgg"]
    both = tmp_path / "sources.yaml"
    source = {
        "id": "a",
        "url": "https://a.gov.cn/a.html",
        "city": "广州市",
        "province": "广东省",
        "region_code": "440100",
    }
    both.write_text(
        yaml.safe_dump({"sources": [source], "listings": [LISTING]}, allow_unicode=True), encoding="utf-8"
    )
    assert [s.id for s in load_registry(both)] == ["a"]
    assert [item.id for item in load_listings(both)] == ["gz-mzj-tzgg"]
    plain = tmp_path / "plain.yaml"
    plain.write_text(yaml.safe_dump({"sources": [source]}, allow_unicode=True), encoding="utf-8")
    assert load_listings(plain) == []
    with pytest.raises(RegistryError, match="no such registry file"):
        load_listings(tmp_path / "nope.yaml")


def test_sources_accept_discovered_fields_even_unquoted():
    data = yaml.safe_load(
        "sources:\n- {id: a-1, url: 'https://a.gov.cn/1.html', city: 广州市, province: 广东省, region_code: 440100,\n"
        "   published_date: 2024-05-20, discovered_from: gz-mzj-tzgg, discovered_at: 2025-01-31T06:00:03Z}\n"
    )
    (source,) = parse_registry(data)
    assert (source.discovered_from, source.discovered_at, source.published_date) == (
        "gz-mzj-tzgg",
        "2025-01-31T06:00:03Z",
        "2024-05-20",
    )
