"""The scheduled refresh, for real: the Prefect flow fetches from a local server that misbehaves the
way government sites do, and the tests check what was fetched, archived, extracted, kept and reported."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
import yaml
from devcorpus import corpus_dir
from pdfmaker import cjk_pdf
from sitesim import Response, SiteSim, page, redirect, robots, sequence, slow, status, truncated

ROOT = Path(__file__).resolve().parents[1]
FAST = {
    "per_host_delay": 0.0,
    "retries": 2,
    "backoff_factor": 0.0,
    "connect_timeout": 1.0,
    "read_timeout": 0.5,
    "total_timeout": 5.0,
    "max_bytes": 1_000_000,
    "max_retry_after": 0.1,
}
PLACE = {"city": "武汉市", "province": "湖北省", "region_code": "420100"}


def gbk_page(text: str) -> bytes:
    """A Hanweb-style page in GBK whose only charset declaration is the meta tag, as older sites serve them."""
    body = "".join(f"<p>{line}</p>" for line in text.splitlines() if line.strip())
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
        f"<title>答复</title></head><body><div id='zoom'><!--ContentStart-->{body}<!--ContentEnd--></div></body></html>"
    )
    return html.encode("gbk", errors="ignore")


@pytest.fixture(scope="module")
def corpus():
    read = lambda name: (corpus_dir() / name).read_text(encoding="utf-8")  # noqa: E731
    return {
        "meal": read("html/guangzhou-2024-meal-service-rules.html"),
        "reply": read("seeds/wuhan-2020-reply-20200464.txt"),
    }


def registry(tmp_path: Path, site: SiteSim) -> Path:
    entries = [
        {
            "id": "gz-meal",
            "url": site.url("/gz/meal.html"),
            "city": "广州市",
            "province": "广东省",
            "region_code": "440100",
        },
        {"id": "wh-reply", "url": site.url("/wh/reply.html"), **PLACE},
        {"id": "wh-measures-pdf", "url": site.url("/wh/measures.pdf"), **PLACE},
        {"id": "slow", "url": site.url("/slow.html"), **PLACE},
        {"id": "truncated", "url": site.url("/truncated.html"), **PLACE},
        {"id": "blocked", "url": site.url("/blocked.html"), **PLACE},
        {"id": "loop", "url": site.url("/loop.html"), **PLACE},
        {"id": "huge", "url": site.url("/huge.html"), **PLACE},
        {"id": "private", "url": site.url("/private/doc.html"), **PLACE},
    ]
    path = tmp_path / "watch.yaml"
    path.write_text(yaml.safe_dump({"sources": entries}, allow_unicode=True), encoding="utf-8")
    return path


def run(sources: Path, output: Path):
    from yanglao_flows.refresh import refresh

    return refresh(
        sources_path=str(sources),
        output=str(output),
        archive_root=str(output / "archive"),
        fetch=True,
        fetch_settings=FAST,
    )


def rows(output: Path, table: str, document_id: str) -> list[dict]:
    with (output / "datasets" / "latest" / f"{table}.csv").open(encoding="utf-8", newline="") as f:
        return [r for r in csv.DictReader(f) if r["document_id"] == document_id]


def status_of(output: Path) -> dict[str, dict]:
    data = json.loads((output / "state" / "source_status.json").read_text(encoding="utf-8"))
    return {s["source_id"]: s for s in data["sources"]}


PDF_LINES = [
    "关于加快推进养老服务体系建设若干措施",
    "一、发展居家社区养老服务",
    "(一)完善养老服务网络。到 2025 年 底,社区养老设施等级评定率达到 90% 。",
    "— 2 —",
    "(二)发展老年助餐服务。到2025年底,全市建成老年助餐点1500个以上。",
]


def test_refresh_against_a_misbehaving_site(prefect_harness, tmp_path, corpus):
    antibot = b"<html><head><title>\xe5\xae\x89\xe5\x85\xa8\xe9\xaa\x8c\xe8\xaf\x81</title></head><body>please wait</body></html>"
    routes = {
        "/robots.txt": robots("User-agent: *\nDisallow: /private/\n"),
        "/gz/meal.html": page(corpus["meal"].encode("utf-8"), etag='"meal-v1"'),
        # No charset in the header; 500 first, then the page.
        "/wh/reply.html": sequence(status(500), page(gbk_page(corpus["reply"]), content_type="text/html")),
        "/wh/measures.pdf": page(cjk_pdf(PDF_LINES), content_type="application/pdf"),
        "/slow.html": slow(2.0, page(b"<html>late</html>")),
        "/truncated.html": truncated(b"<html><body>" + "半".encode() * 100, declared=5000),
        "/blocked.html": page(antibot),
        "/loop.html": redirect("/loop.html"),
        "/huge.html": lambda r: Response(200, b"<html>" + b"x" * 1_200_000, {"Content-Type": "text/html"}),
        "/private/doc.html": page(b"<html>secret</html>"),
    }
    output = tmp_path / "out"
    with SiteSim(routes) as site:
        sources = registry(tmp_path, site)

        first = run(sources, output)
        assert first.published and first.documents == 3
        failures = dict(f.split(": ", 1) for f in first.failures)
        assert set(failures) == {"slow", "truncated", "blocked", "loop", "huge", "private"}
        assert "timed out" in failures["slow"] or "timeout" in failures["slow"].lower()
        assert "truncated" in failures["truncated"]
        assert "anti-bot" in failures["blocked"]
        assert "redirect" in failures["loop"].lower()
        assert (
            "max" in failures["huge"].lower()
            or "cap" in failures["huge"].lower()
            or "large" in failures["huge"].lower()
        )
        assert "robots.txt" in failures["private"]
        assert not site.hits("/private/doc.html")
        assert len(site.hits("/wh/reply.html")) == 2  # 500, retried, 200

        # The GBK page decoded right: known figures of the real document, from its real sentences.
        amounts = {float(s["amount_yuan"]) for s in rows(output, "subsidies", "wh-reply") if s["amount_yuan"]}
        assert {150000.0, 90000.0, 20000000.0} <= amounts
        record = json.loads((output / "archive" / "records" / "wh-reply.jsonl").read_text().splitlines()[-1])
        assert record["encoding"] in {"gb2312", "gbk", "gb18030"} and record["status"] == 200
        # The PDF: text extracted, spacing repaired, page marker gone, targets found.
        pdf_doc = next(
            d
            for d in csv.DictReader((output / "datasets/latest/documents.csv").open(encoding="utf-8"))
            if d["document_id"] == "wh-measures-pdf"
        )
        assert "到2025年底" in pdf_doc["text"] and "— 2 —" not in pdf_doc["text"]
        assert {(t["value"], t["unit"]) for t in rows(output, "targets", "wh-measures-pdf")} >= {
            ("90", "%"),
            ("1500", "个"),
        }
        statuses = status_of(output)
        assert statuses["slow"]["status"] == "failed" and statuses["slow"]["consecutive_failures"] == 1
        assert statuses["gz-meal"]["status"] == "ok" and statuses["gz-meal"]["last_success"]

        # Second run: nothing changed (304 for the page with an ETag); the reply site is now down.
        meal_rows = rows(output, "targets", "gz-meal")
        reply_rows = rows(output, "subsidies", "wh-reply")
        site.routes["/wh/reply.html"] = status(503)
        second = run(sources, output)
        assert second.extracted == 0 and not second.published
        assert site.hits("/gz/meal.html")[-1].headers["If-None-Match"] == '"meal-v1"'
        assert rows(output, "subsidies", "wh-reply") == reply_rows  # the last good data is kept
        statuses = status_of(output)
        assert statuses["wh-reply"]["status"] == "stale" and "503" in statuses["wh-reply"]["error"]
        assert statuses["slow"]["consecutive_failures"] == 2

        # Third run: the meal page changes; only it is extracted again, and a new release says so.
        changed = corpus["meal"].replace("第一条", "第一条 到2026年底，全市建成长者饭堂2000个以上。", 1)
        site.routes["/gz/meal.html"] = page(changed.encode("utf-8"), etag='"meal-v2"')
        third = run(sources, output)
        assert third.published and third.extracted == 1
        new_targets = rows(output, "targets", "gz-meal")
        assert len(new_targets) == len(meal_rows) + 1
        assert any(t["value"] == "2000" and t["deadline_year"] == "2026" for t in new_targets)
        assert rows(output, "subsidies", "wh-reply") == reply_rows
        assert (
            len((output / "archive" / "records" / "gz-meal.jsonl").read_text().splitlines()) == 2
        )  # old and new

        # Fourth run: the page now yields almost nothing (a template change): held back and flagged.
        gutted = corpus["meal"][: corpus["meal"].index("第一条")] + "</div></body></html>"
        site.routes["/gz/meal.html"] = page(gutted.encode("utf-8"), etag='"meal-v3"')
        fourth = run(sources, output)
        assert any(f.startswith("gz-meal: yield dropped") for f in fourth.failures)
        assert rows(output, "targets", "gz-meal") == new_targets
        assert status_of(output)["gz-meal"]["status"] == "stale"
