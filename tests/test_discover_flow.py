"""Discovery inside the scheduled refresh: listing pages on a local site become sources, their articles are
fetched, extracted and published, and a later run fetches only what is new."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from urllib.parse import urlsplit

import sqlite_utils
import yaml
from devcorpus import corpus_dir
from sitesim import SiteSim, page
from test_discover import TRS_PAGES, build_routes, trs_page
from test_refresh import gbk_page, run

ROOT = Path(__file__).resolve().parents[1]
MEAL_ARTICLE = "/col/tzgg/202501/t20250120_3001.html"
NEW_ARTICLE = "/col/tzgg/202502/t20250210_3010.html"
NEW_TITLE = "关于加大财力投入支持社区养老服务设施建设的答复"


def registry(site: SiteSim, path: Path) -> Path:
    place = {"city": "某某市", "province": "某某省", "region_code": "440100", "issuer": "某某市民政局"}
    listings = [
        {
            "id": "trs-tzgg",
            "url": site.url("/col/tzgg/index.shtml"),
            **place,
            "include": ["养老", "老年", "助餐", "适老化"],
        },
        {"id": "news", "url": site.url("/news/list.html"), **place, "include": ["养老", "老年"]},
        {
            "id": "gkmlpt",
            "url": site.url("/gkmlpt/api/all/88"),
            **place,
            "api": "gkmlpt",
            "include": ["养老", "老年", "助餐", "适老化"],
        },
        {"id": "changed", "url": site.url("/col/changed/index.shtml"), **place},
    ]
    path.write_text(
        yaml.safe_dump({"sources": [], "listings": listings}, allow_unicode=True), encoding="utf-8"
    )
    return path


def documents(output: Path) -> dict[str, dict]:
    with (output / "datasets" / "latest" / "documents.csv").open(encoding="utf-8", newline="") as f:
        return {d["source_url"]: d for d in csv.DictReader(f)}


def test_listings_feed_the_release_and_a_second_run_fetches_only_the_new_article(prefect_harness, tmp_path):
    routes = build_routes()
    routes[MEAL_ARTICLE] = page((corpus_dir() / "html/guangzhou-2024-meal-service-rules.html").read_bytes())
    reply = (corpus_dir() / "seeds/wuhan-2020-reply-20200464.txt").read_text(encoding="utf-8")
    routes[NEW_ARTICLE] = page(gbk_page(reply), content_type="text/html")
    output = tmp_path / "out"
    with SiteSim(routes) as site:
        sources = registry(site, tmp_path / "watch.yaml")
        first = run(sources, output)

        published = documents(output)
        paths = {urlsplit(u).path for u in published}
        assert paths == {
            MEAL_ARTICLE,
            "/zwgk/202412/t20241220_2990.html",
            "/col/tzgg/202411/t20241105_2970.html",
            "/news/art/a1.html",
            "/news/art/a3.html",
            "/gkmlpt/content/1/1008/post_1008.html",
            "/gkmlpt/content/1/1006/post_1006.html",
            "/gkmlpt/content/1/1003/post_1003.html",
            "/gkmlpt/content/1/1001/post_1001.html",
        }
        assert first.published and first.documents == 9
        meal = published[site.url(MEAL_ARTICLE)]
        assert (
            meal["title"] == "关于印发《某某市养老服务补贴实施办法》的通知"
        )  # the list's title for the link
        with (output / "datasets/latest/subsidies.csv").open(encoding="utf-8") as f:
            assert any(
                r["document_id"] == meal["document_id"] and r["amount_yuan"] for r in csv.DictReader(f)
            )
        discovered = yaml.safe_load((tmp_path / "discovered.yaml").read_text(encoding="utf-8"))["sources"]
        assert {s["discovered_from"] for s in discovered} == {"trs-tzgg", "news", "gkmlpt"}
        assert any(w.startswith("listing changed: no links found") for w in first.warnings)
        assert not site.hits("/col/tzgg/202501/t20250115_3000.html")  # 婚姻登记: never fetched

        # A new matching link appears on the first page of the TRS column.
        items = [("./202502/t20250210_3010.html", NEW_TITLE, "2025-02-10"), *TRS_PAGES[0]]
        site.routes["/col/tzgg/index.shtml"] = page(trs_page(0, items=items))
        hits_before = {p: len(site.hits(p)) for p in paths}
        second = run(sources, output)
        assert second.published and second.documents == 10
        assert {p: len(site.hits(p)) for p in paths} == hits_before  # known articles are not fetched again
        assert len(site.hits(NEW_ARTICLE)) == 1
        new = documents(output)[site.url(NEW_ARTICLE)]
        assert new["title"] == NEW_TITLE and "社区老年人服务中心" in new["text"]
        assert set(documents(output)) >= set(published)  # nothing already published was lost

    status = {
        r["listing_id"]: r
        for r in sqlite_utils.Database(output / "datasets/yanglao.db")["listing_status"].rows
    }
    assert status["trs-tzgg"]["links_new"] == 1 and status["trs-tzgg"]["newest_document_date"] == "2025-02-10"
    assert status["changed"]["status"] == "warning" and "no links found" in status["changed"]["error"]
    assert status["gkmlpt"]["pages_read"] == 3 and status["gkmlpt"]["links_matched"] == 4
    saved = json.loads((output / "state" / "listing_status.json").read_text(encoding="utf-8"))
    assert len(saved["listings"]) == 4
