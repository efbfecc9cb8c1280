"""Datasette in a real browser: headless Chromium renders the pages people open, in Chinese.

The server is the one `tests/test_datasette.py` starts (`yanglao serve` on the shipped
build, 127.0.0.1, a free port). Chromium loads (a) the targets table and (b) a search
for a two-character term; `--dump-dom` gives the DOM after the page has run, which is
checked against SQLite, and `--screenshot` keeps a picture of each page in
`tests/artifacts/` (git-ignored) for a person to look at.

Chromium and a CJK font are system packages (Debian: `chromium`, `fonts-wqy-microhei`);
`.ci/run` installs them. Without them the tests fail and say how to install them: they
do not skip, so CI cannot pass without having looked at the pages.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import struct
import subprocess
import tempfile
import urllib.parse
from pathlib import Path

import lxml.html
import pytest
from test_datasette import server, site  # noqa: F401  (module fixtures: the same `yanglao serve`)

from yanglao.fields import TABLES_BY_NAME
from yanglao.serve import search

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "tests" / "artifacts"
INSTALL = "apt-get update && apt-get install -y chromium fonts-wqy-microhei"
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars",
]  # fmt: skip
LAPTOP, DESKTOP = (1366, 768), (1920, 1080)
KNOWN_INDICATOR = "社区养老设施等级评定率"  # 到2025年底，社区养老设施等级评定率达到90% (README)
TERM = "助餐"
BODY = search.column_sql("measures", "text")  # a measure's body, stored in its document's text
DOCUMENT = "wuhan-2024-eldercare-measures"  # a plan with targets and subsidies


def find_chromium() -> str | None:
    candidates = [os.environ.get("CHROMIUM"), "chromium", "chromium-browser", "google-chrome"]
    return next((found for c in candidates if c and (found := shutil.which(c))), None)


@pytest.fixture(scope="session")  # session: checked before the (session) build of the corpus
def chromium() -> str:
    path = find_chromium()
    if path is None:
        pytest.fail(
            "headless Chromium is needed for the browser tests and was not found on PATH "
            f"(set CHROMIUM=/path/to/chromium, or install it, as root: `{INSTALL}`; .ci/run does this)",
            pytrace=False,
        )
    fonts = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True)
    if not fonts.stdout.strip():
        pytest.fail(
            "no font with Chinese glyphs is installed: screenshots would show empty boxes "
            f"(install one, as root: `{INSTALL}`)",
            pytrace=False,
        )
    return path


def run_chromium(chromium: str, *args: str) -> str:
    with tempfile.TemporaryDirectory(prefix="yanglao-chromium-") as profile:
        result = subprocess.run(
            [chromium, *FLAGS, f"--user-data-dir={profile}", *args],
            capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL,
        )  # fmt: skip
    if result.returncode != 0:
        pytest.fail(f"chromium {args[-2:]} exited {result.returncode}:\n{result.stderr[-3000:]}")
    return result.stdout


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", header[16:24])


@pytest.fixture(scope="module")
def pages(chromium, server):  # noqa: F811  (chromium first: fail before the build when it is missing)
    """Each page's rendered DOM (parsed, and saved as .html) and screenshot, in tests/artifacts/."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    landing = (server["release"] / "index.html").as_uri()
    urls = {
        "targets": ("/yanglao/targets", LAPTOP),
        "targets-1920": ("/yanglao/targets", DESKTOP),
        "search": ("/yanglao/measures?" + urllib.parse.urlencode({"_search": TERM}), LAPTOP),
        "search-1920": ("/yanglao/targets?" + urllib.parse.urlencode({"_search": "%"}), DESKTOP),
        "document": ("/yanglao/documents/" + DOCUMENT, LAPTOP),
        "chart": ("/-/yanglao/charts", LAPTOP),
        "map": ("/-/yanglao/map", LAPTOP),
        "landing": (landing, DESKTOP),
        "landing-1366": (landing, LAPTOP),
    }
    out = {}
    for name, (path, size) in urls.items():
        url = path if path.startswith("file:") else server["base"] + path
        window = f"--window-size={size[0]},{size[1]}"
        dom = run_chromium(chromium, window, "--dump-dom", url)
        (ARTIFACTS / f"{name}.html").write_text(dom, encoding="utf-8")
        screenshot = ARTIFACTS / f"{name}.png"
        screenshot.unlink(missing_ok=True)
        run_chromium(chromium, window, f"--screenshot={screenshot}", url)
        out[name] = {"url": url, "dom": lxml.html.fromstring(dom), "screenshot": screenshot, "size": size}
    return out


@pytest.fixture(scope="module")
def db(site):  # noqa: F811
    """The database the server serves, read-only, to check the pages against."""
    folder, _release = site
    conn = sqlite3.connect(f"file:{folder / 'datasets' / 'yanglao.db'}?mode=ro", uri=True)
    search.register_functions(conn)  # the text stored compressed or once (`search.STORED_ELSEWHERE`)
    yield conn
    conn.close()


def cells(dom, column: str) -> list[str]:
    return [
        td.text_content().strip()
        for td in dom.xpath(
            f'//table[@class="rows-and-columns"]/tbody/tr/td[contains(@class, "col-{column} ")]'
        )
    ]


def test_the_targets_page_shows_every_target_in_chinese(pages, db):
    dom = pages["targets"]["dom"]
    table = TABLES_BY_NAME["targets"]
    assert f"{table.title_zh} / {table.title_en}" in dom.xpath("string(//h1)")
    indicators = [r[0] for r in db.execute("SELECT indicator FROM targets ORDER BY target_id")]
    assert len(indicators) <= 100, "the first page holds every target (page size 100)"
    assert cells(dom, "indicator") == indicators
    assert KNOWN_INDICATOR in cells(dom, "indicator")
    quote = db.execute("SELECT quote FROM targets WHERE indicator = ?", (KNOWN_INDICATOR,)).fetchone()[0]
    assert any(
        c.startswith(quote) and c.endswith(("原网页 / original", "in document")) for c in cells(dom, "quote")
    )
    headers = [
        (th.xpath('string(.//span[@class="yl-zh"])'), th.xpath('string(.//small[@class="yl-en"])'))
        for th in dom.xpath('//table[@class="rows-and-columns"]//th')
    ]
    assert headers[:4] == [
        ("目标编号", "target_id"), ("所属文件", "document_id"), ("所属条目", "measure_id"), ("指标", "indicator")
    ]  # fmt: skip
    assert ("城市", "city") in headers


@pytest.mark.parametrize("page", ["targets", "targets-1920", "search", "search-1920"])
def test_the_first_screen_of_a_table_page_shows_rows(pages, page):
    """At 1366×768 and 1920×1080 the first row is above the fold; descriptions are folded away."""
    dom, (width, height) = pages[page]["dom"], pages[page]["size"]
    body = dom.xpath("//body")[0]
    inner_width, inner_height = map(
        int, body.get("data-yl-window").split("x")
    )  # the window less its toolbars
    assert inner_width == width and height - 200 < inner_height <= height
    assert int(body.get("data-yl-first-row-top")) < inner_height - 60, "a row is visible without scrolling"
    assert dom.xpath(
        '//details[@class="yl-column-descriptions"][not(@open)]//dl[@class="column-descriptions"]'
    )
    assert dom.xpath('//input[@id="_search"]') and dom.xpath('//div[@class="facet-results"]')
    facets = [p.get("data-column") for p in dom.xpath('//div[@class="facet-results"]/div')]
    assert facets[0] == "city"


def test_the_search_page_shows_exactly_the_rows_containing_the_term(pages, db):
    dom = pages["search"]["dom"]
    expected = db.execute(
        f"SELECT count(*) FROM measures t WHERE instr(heading, ?) OR instr({BODY}, ?)", (TERM, TERM)
    ).fetchone()[0]
    assert 0 < expected <= 100, "the term is in the corpus, and every match fits on one page"
    shown = " ".join(dom.xpath("string(//h3)").split())
    summary = rf"{expected} rows? where search matches \"{TERM}\" sorted by measure_id"
    assert re.fullmatch(summary, shown), shown
    assert dom.xpath('string(//input[@id="_search"]/@value)') == TERM
    rows = dom.xpath('//table[@class="rows-and-columns"]/tbody/tr')
    assert len(rows) == expected
    for heading, text in zip(cells(dom, "heading"), cells(dom, "text"), strict=True):
        assert TERM in heading or TERM in text, (heading, text)
    ids = [r[0] for r in db.execute(
        f"SELECT measure_id FROM measures t WHERE instr(heading, ?) OR instr({BODY}, ?) ORDER BY measure_id", (TERM, TERM)
    )]  # fmt: skip
    assert [re.split(r"\s", c)[0] for c in cells(dom, "measure_id")] == ids


def test_the_document_page_reads_as_a_page_and_marks_every_quote(pages, db):
    dom = pages["document"]["dom"]
    title, text = db.execute(
        f"SELECT title, {search.column_sql('documents', 'text')} FROM documents t WHERE document_id = ?",
        (DOCUMENT,),
    ).fetchone()
    assert dom.xpath('string(//h1[@class="yl-document-title"])') == title
    shown = dom.xpath('//div[@class="yl-document-text"]')[0]
    assert shown.text_content() == text  # the whole text, as it is
    ids = {r[0] for r in db.execute(
        "SELECT target_id FROM targets WHERE document_id = ? UNION SELECT subsidy_id FROM subsidies WHERE document_id = ?",
        (DOCUMENT, DOCUMENT),
    )}  # fmt: skip
    marked = set(shown.xpath(".//mark/@id")) | set(shown.xpath('.//span[@class="yl-anchor"]/@id'))
    assert ids and marked == ids


def test_the_chart_shows_every_city_for_one_indicator_and_subsidies_by_kind(pages, db):
    dom = pages["chart"]["dom"]
    svgs = dom.xpath('//*[local-name()="svg"]')
    assert len(svgs) == 2
    bars = svgs[0].xpath('.//*[local-name()="text"][@class="figure"]/text()')
    assert bars and all(re.match(r"^[\d,.]+(-[\d,.]+)?\D", b) for b in bars), bars  # 90% · 2025年, 15分钟…
    assert "各城市目标对比" in svgs[0].xpath("string(.)")
    kinds = svgs[1].xpath('.//*[local-name()="text"][@class="figure"]/text()')
    assert kinds and all(re.search(r"[万亿]?元\(\d+项\)$", k) for k in kinds), kinds
    assert "资金安排" in svgs[1].xpath("string(.)") or "建设补贴" in svgs[1].xpath("string(.)")


def test_the_map_has_a_dot_for_every_city(pages, db):
    dom = pages["map"]["dom"]
    cities = {r[0] for r in db.execute("SELECT DISTINCT city FROM documents")}
    places = [t.text_content() for t in dom.xpath('//*[local-name()="text"][@class="place"]')]
    assert {re.sub(r"\(\d+\)$", "", p) for p in places} == cities
    assert len(dom.xpath('//*[local-name()="circle"][@class="city"]')) == len(cities)
    assert (
        len(dom.xpath('//*[local-name()="text"][@class="province"]')) >= 30
    )  # every province, for orientation


def test_the_landing_page_says_what_the_data_is_and_how_to_cite_it(pages, db, site):  # noqa: F811
    dom = pages["landing"]["dom"]
    text = dom.text_content()
    version = dom.xpath('string(//b[@class="version"])')
    assert version and f"Version {version}" in dom.xpath('string(//p[@class="cite"])')
    for name in ("documents", "measures", "targets", "subsidies"):
        assert name in text
    links = set(dom.xpath("//a/@href"))
    assert {
        "targets.csv",
        "targets.parquet",
        "yanglao-data.xlsx",
        "datapackage.json",
        "CITATION.cff",
    } <= links
    assert "65001: Unicode (UTF-8)" in text and "CC-BY-4.0" in text
    assert all(city in text for (city,) in db.execute("SELECT DISTINCT city FROM documents"))
    assert len(dom.xpath('//*[local-name()="svg"]')) == 3  # map, indicator chart, subsidy chart


def test_screenshots_are_kept_as_artifacts(pages, capsys):
    for page in pages.values():
        assert png_size(page["screenshot"]) == page["size"]
        assert page["screenshot"].stat().st_size > 30_000, "a page of text, not a blank picture"
    with capsys.disabled():
        for page in pages.values():
            print(f"\n  screenshot of {page['url']}: {page['screenshot'].relative_to(ROOT)}")
