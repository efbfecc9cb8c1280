"""The decisions of a refresh run (`yanglao.pipeline`), on plain values: no Prefect, no files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from yanglao import pipeline
from yanglao.acquire.archive import SnapshotRecord
from yanglao.acquire.registry import Source
from yanglao.escape import markdown_code, markdown_text
from yanglao.publish.incremental import PreviousRelease, build_key

PLACE = {"city": "武汉市", "province": "湖北省", "region_code": "420100"}


def source(sid: str, url: str | None = None) -> Source:
    return Source(id=sid, url=url, **PLACE)


def snapshot(sid: str, sha: str = "a" * 64, size: int = 1000) -> SnapshotRecord:
    return SnapshotRecord(sid, None, "2026-01-01T00:00:00Z", 200, "text/html", None, None, sha, size)


TEXT = "到2025年底，全市建成老年助餐点1500个以上。社区养老设施等级评定率达到90%。" * 5


def document(sid: str, text: str = TEXT, **fields) -> dict:
    row = {"document_id": sid, "title": "关于养老服务的通知", "doc_number": "武政〔2024〕1号", "text": text}
    row.update(content_sha256="0" * 64, retrieved_at="2026-01-01T00:00:00Z", source_url=None)
    row.update(fields)
    return row


def rows(sid: str, n: int) -> dict[str, list[dict]]:
    return {
        "measures": [{"measure_id": f"{sid}:m{i}", "document_id": sid, "text": f"措施{i}"} for i in range(n)],
        "targets": [],
        "subsidies": [],
        "doubtful": [],
    }


def previous(*sids: str, n: int = 10) -> PreviousRelease:
    return PreviousRelease(
        "2026.01.01",
        {s: document(s) for s in sids},
        {t: {s: rows(s, n)[t] for s in sids} for t in pipeline.ROW_TABLES},
    )


def test_document_result_is_typed():
    assert pipeline.document_result("a", "cannot parse: x").error == "cannot parse: x"
    ok = pipeline.document_result("a", ({"document_id": "a"}, rows("a", 1)))
    assert ok.ok and ok.document == {"document_id": "a"}


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("file:///etc/shadow", False),
        ("file:///proc/self/environ", False),
        ("file://localhost/etc/passwd", False),
        ("file://remote.example/x.html", False),
        ("http://127.0.0.1/x.html", True),
    ],
)
def test_file_url_refusal(tmp_path, url, allowed):
    assert (pipeline.file_url_refusal(url, [tmp_path]) is None) == allowed


def test_file_urls_inside_a_root_are_read_and_dotdot_or_symlinks_cannot_leave_it(tmp_path):
    root = tmp_path / "registry"
    root.mkdir()
    (root / "doc.html").write_text("x")
    (root / "link.html").symlink_to("/etc/passwd")
    assert pipeline.file_url_refusal((root / "doc.html").as_uri(), [root]) is None
    assert pipeline.file_url_refusal(f"file://{root}/../../../../etc/passwd", [root])
    assert pipeline.file_url_refusal((root / "link.html").as_uri(), [root])


def test_credentials_in_urls_are_refused_and_never_published():
    assert pipeline.url_refusal("http://user:password@127.0.0.1/a.html")
    assert pipeline.url_refusal("http://127.0.0.1/a.html") is None
    assert (
        pipeline.public_url("http://user:pw@127.0.0.1:8080/a.html?x=1") == "http://127.0.0.1:8080/a.html?x=1"
    )
    tables = pipeline.assemble_tables([{"source_id": "a", "url": "https://u:p@gov.cn/a"}], {}, {})
    assert tables["sources"][0]["url"] == "https://gov.cn/a"
    entries = pipeline.registry_entries([source("a", "https://u:p@gov.cn/a")])
    assert entries[0]["url"] == "https://gov.cn/a"


def test_the_registry_recorded_with_a_release_is_made_afresh_each_time_it_is_read(tmp_path):
    """The flow hands publish `RegistryEntries` (written into release.json an entry at a time): read twice, it
    gives the same entries as the list; the release records them."""
    from datetime import UTC, datetime

    from yanglao.parse.documents import source_row
    from yanglao.publish.release import publish_release

    sources = [source("a", "https://u:p@gov.cn/a"), source("b", "http://127.0.0.1/b.html")]
    lazily = pipeline.RegistryEntries(sources)
    assert list(lazily) == list(lazily) == pipeline.registry_entries(sources)
    assert [e["url"] for e in lazily] == ["https://gov.cn/a", "http://127.0.0.1/b.html"]
    tables = pipeline.assemble_tables([source_row(s) for s in sources], {}, {})
    release = publish_release(tmp_path, tables, datetime(2026, 12, 6, tzinfo=UTC), lazily)
    recorded = json.loads((release.path / "release.json").read_text(encoding="utf-8"))
    assert recorded["sources"] == pipeline.registry_entries(sources)


def test_plan_fetches_caps_new_sources_and_queues_the_rest(tmp_path):
    sources = [source(f"s{i}", f"http://127.0.0.1/{i}.html") for i in range(10)]
    plan = pipeline.plan_fetches(sources, None, {"s0", "s1"}, [tmp_path], max_new=3)
    assert [s.id for s in plan.fetch] == ["s0", "s1", "s2", "s3", "s4"]  # known ones are never held back
    assert plan.queued == ["s5", "s6", "s7", "s8", "s9"]
    assert pipeline.plan_fetches(sources, None, set(), [tmp_path], max_new=3, fetch=False).fetch == []


def test_plan_builds_keeps_documents_whose_key_did_not_change():
    sources = {"a": source("a"), "b": source("b")}
    snaps = {"a": snapshot("a"), "b": snapshot("b", "b" * 64)}
    old_keys = {"a": build_key(sources["a"], "a" * 64, "fp"), "b": "stale"}
    plan = pipeline.plan_builds(snaps, sources, previous("a", "b"), old_keys, "fp")
    assert plan.kept == {"a"} and [w.source.id for w in plan.work] == ["b"]


def test_sparse_text_is_held_back():
    assert pipeline.sparse_text(10_000_000, 8)
    assert pipeline.sparse_text(40_000, 3000) is None
    assert pipeline.sparse_text(2000, 1) is None  # small pages are judged by other rules


def test_review_holds_back_yield_drops_and_other_documents_and_keeps_same_content():
    prev = previous("drop", "other", "footer", "fine")
    results = [
        pipeline.DocumentResult("drop", document("drop"), rows("drop", 2)),
        pipeline.DocumentResult(
            "other",
            document("other", "完全不同的另一份文件，关于道路交通管理的规定。" * 10, title="交通"),
            rows("other", 10),
        ),
        pipeline.DocumentResult("footer", document("footer", content_sha256="f" * 64), rows("footer", 10)),
        pipeline.DocumentResult("fine", document("fine", TEXT + "新增一句。"), rows("fine", 11)),
        pipeline.DocumentResult("broken", error="cannot parse snapshot: PdfminerException: No /Root object!"),
    ]
    review = pipeline.review_results(results, {}, prev)
    assert review.errors["drop"].startswith("yield dropped from 10 to 2")
    assert review.errors["other"].startswith("review:") and review.review == {"other"}
    assert "PdfminerException" in review.errors["broken"]
    assert review.same_content == {"footer"} and review.documents["footer"] is prev.documents["footer"]
    assert review.documents["fine"]["text"].endswith("新增一句。")
    taken = pipeline.keep_last_good(review, ["drop", "other", "footer", "fine", "broken"], prev)
    assert set(taken) == {"drop", "other"} and review.rows["drop"] == prev.rows_of("drop")
    assert pipeline.status_label("stale", "other", review, False) == "review"


def test_rows_read_from_a_place_now_refused_are_not_kept():
    prev = previous("a", "shadow")
    review = pipeline.Review()
    assert set(pipeline.keep_last_good(review, ["a", "shadow"], prev, refused={"shadow"})) == {"a"}
    assert "shadow" not in review.documents


def test_a_new_title_with_the_same_text_is_the_same_document():
    assert pipeline.another_document(document("a"), document("a", title="新标题")) is None


def test_shrink_refusal():
    prev = previous("a", "b", "c", n=10)
    tables = {"measures": [{}] * 30, "targets": [], "subsidies": []}
    assert "no longer lists 1 source(s)" in pipeline.shrink_refusal(prev, {"a", "b"}, tables, set())
    assert pipeline.shrink_refusal(prev, {"a", "b"}, {"measures": [{}] * 20}, {"c"}) is None
    assert "remove 15 of 30 rows" in pipeline.shrink_refusal(
        prev, {"a", "b", "c"}, {"measures": [{}] * 15}, set()
    )
    assert pipeline.shrink_refusal(None, set(), {}, set()) is None


def test_registry_refusal():
    assert pipeline.registry_refusal(None, "/a/sources.yaml") is None
    assert pipeline.registry_refusal("/a/sources.yaml", "/a/sources.yaml") is None
    assert "built from /a/sources.yaml" in pipeline.registry_refusal(
        "/a/sources.yaml", str(Path("/b/other.yaml"))
    )


def test_assemble_tables_and_changed_documents():
    prev = previous("a", "b")
    documents = {"a": prev.documents["a"], "c": document("c")}
    tables = pipeline.assemble_tables([{"source_id": "a"}], documents, {"a": rows("a", 2), "c": rows("c", 1)})
    assert [d["document_id"] for d in tables["documents"]] == ["a", "c"] and len(tables["measures"]) == 3
    # "a" kept as released, "c" extracted afresh, "b" gone from the release.
    assert pipeline.changed_documents({"c"}, documents, prev) == {"b", "c"}
    assert pipeline.changed_documents({"c"}, documents, None) is None


def test_markdown_escaping():
    assert "<" not in markdown_text("<img src=x onerror=alert(1)>") and "\\[" in markdown_text("[a](b)")
    span = markdown_code("a`b`<i>x</i>")
    assert span.startswith("`` ") and span.endswith(" ``") and "a`b`" in span
    assert markdown_code("plain") == "`plain`"


def test_a_fresh_row_and_one_read_back_from_a_release_agree_on_empty_cells():
    """A chapter's measure has no body of its own (`第一章 总则` then `第一条…`): null, as the CSV gives it back, not ``."""
    from yanglao.extract.rows import extract_rows
    from yanglao.fields import TABLES_BY_NAME
    from yanglao.publish.rowstore import typed_value

    rows = extract_rows("x", "第一章 总则\n第一条 为了规范养老服务,制定本条例。\n第二条 本条例适用于本省。")[
        "measures"
    ]
    assert rows[0]["heading"] == "总则" and rows[0]["text"] is None
    fields = [f for f in TABLES_BY_NAME["measures"].fields if f.name in rows[0]]  # (place columns come later)
    for row in rows:
        cells = {f.name: ("" if row[f.name] is None else str(row[f.name])) for f in fields}
        assert {f.name: typed_value(f.type, cells[f.name]) for f in fields} == {
            f.name: row[f.name] for f in fields
        }


def test_first_change_is_the_first_source_whose_build_would_differ_and_a_failure_that_keeps_its_snapshot_is_none():
    from yanglao.acquire.snapshots import SourceOutcome

    sources = [source("a"), source("b"), source("c")]
    fingerprint = "f" * 16
    keys = [build_key(s, "a" * 64, fingerprint) for s in sources]
    same = [SourceOutcome(s.id, True, snapshot(s.id)) for s in sources]
    assert pipeline.first_change(sources, keys, same, fingerprint) is None
    # a 503 that keeps the snapshot its key was recorded for: the source keeps its data, nothing changes
    failed = [*same[:2], SourceOutcome("c", False, snapshot("c"), error="HTTP 503", fetched=True)]
    assert pipeline.first_change(sources, keys, failed, fingerprint) is None
    new_bytes = [same[0], SourceOutcome("b", True, snapshot("b", sha="b" * 64), fetched=True), same[2]]
    assert pipeline.first_change(sources, keys, new_bytes, fingerprint) == "b: changed"
    assert pipeline.first_change(sources, keys, same, "other code") == "a: changed"
    lost = [*same[:2], SourceOutcome("c", False, None, error="HTTP 404", fetched=True)]
    assert pipeline.first_change(sources, keys, lost, fingerprint) == "c: failed, no snapshot"
    queued = [SourceOutcome("a", False, queued=True), *same[1:]]
    assert pipeline.first_change(sources, [None, *keys[1:]], queued, fingerprint) == "a: no snapshot"


def test_status_after_a_failure_is_stale_with_its_data_and_failed_without():
    from yanglao.acquire.snapshots import SourceOutcome

    ok = pipeline.status_after(
        None, "a", SourceOutcome("a", True, snapshot("a"), fetched=True), "2026-12-01T00:00:00Z", None, True,
        pipeline.Review(),
    )  # fmt: skip
    assert (ok.status, ok.last_success, ok.snapshot_sha256) == ("ok", "2026-12-01T00:00:00Z", "a" * 64)
    down = SourceOutcome("a", False, snapshot("a"), error="HTTP 503", fetched=True)
    stale = pipeline.status_after(ok, "a", down, "2026-12-02T00:00:00Z", "HTTP 503", True, pipeline.Review())
    assert (stale.status, stale.consecutive_failures, stale.error) == ("stale", 1, "HTTP 503")
    assert stale.last_success == "2026-12-01T00:00:00Z" and stale.last_attempt == "2026-12-02T00:00:00Z"
    failed = pipeline.status_after(
        None, "b", down, "2026-12-02T00:00:00Z", "HTTP 503", False, pipeline.Review()
    )
    assert failed.status == "failed"
    queued = pipeline.status_after(
        None, "q", SourceOutcome("q", False, queued=True), "t", None, False, pipeline.Review()
    )
    assert queued.status == "queued" and queued.last_attempt is None
