"""The quality report in every release agrees with the project's scorer and counts rows per document."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from yanglao.publish.quality import meaning_scores

ROOT = Path(__file__).resolve().parents[1]
SCORER = ROOT.parent / "shared" / "eval" / "score.py"


def test_matching_is_on_facts_and_meaning_on_the_indicator():
    gold = {
        "targets": [
            {
                "source_id": "d",
                "indicator": "社区养老设施等级评定率",
                "value": "90",
                "unit": "%",
                "deadline_year": "2025",
                "quote": "达到90%",
            }
        ],
        "subsidies": [],
        "measures": [],
        "documents": [{"document_id": "d"}],
    }
    extracted = {
        "targets": [
            {
                "document_id": "d",
                "indicator": "等级评定率",
                "value": "90.0",
                "unit": "％",
                "deadline_year": "2025",
            },
            {"document_id": "d", "indicator": "覆盖率", "value": "100", "unit": "%", "deadline_year": "2025"},
            {"document_id": "other", "indicator": "中心", "value": "5", "unit": "个", "deadline_year": ""},
        ],
        "subsidies": [],
        "measures": [],
    }
    scores = meaning_scores(gold, extracted)
    assert scores["targets"] == {
        "precision": 0.5,
        "recall": 1.0,
        "f1": 0.667,
        "matched": 1,
        "gold": 1,
        "extracted": 2,
    }
    assert scores["targets_meaning"]["matched"] == 1
    extracted["targets"][0]["indicator"] = "助餐点"  # the right figure attached to the wrong noun
    assert meaning_scores(gold, extracted)["targets_meaning"]["matched"] == 0


def assert_report_agrees_with(scorer: Path, latest: Path) -> None:
    """Every figure of the release's quality report is the one `scorer` prints for the release."""
    report = json.loads((latest / "quality.json").read_text(encoding="utf-8"))
    printed = subprocess.run(
        [sys.executable, str(scorer), str(latest), "--gold", str(ROOT / "devset" / "gold")],
        capture_output=True,
        text=True,
    ).stdout
    for kind, figures in report["devset"].items():
        line = re.search(rf"^{kind}: precision ([\d.]+)\s+recall ([\d.]+)\s+F1 ([\d.]+)", printed, re.M)
        assert line, printed
        assert (figures["precision"], figures["recall"], figures["f1"]) == tuple(
            float(x) for x in line.groups()
        )


@pytest.mark.skipif(
    not SCORER.exists(),
    reason="../shared/eval/score.py, the independent scorer of the development material, is not beside the "
    "repository; the project's copy (devset/score.py) is checked by the next test",
)
def test_release_quality_report_agrees_with_the_shared_scorer(shipped_build):
    output, _ = shipped_build
    assert_report_agrees_with(SCORER, output / "datasets" / "latest")


def test_release_quality_report_scores_the_devset_and_counts_rows_per_document(shipped_build):
    """The report's figures are those the project's copy of the scorer prints for the release."""
    output, summary = shipped_build
    latest = output / "datasets" / "latest"
    assert_report_agrees_with(ROOT / "devset" / "score.py", latest)
    report = json.loads((latest / "quality.json").read_text(encoding="utf-8"))
    counts = report["rows_per_document"]
    assert set(counts) == {
        d
        for d in json.loads((latest / "documents.json").read_text(encoding="utf-8"))
        for d in [d["document_id"]]
    }
    assert sum(c["targets"] for c in counts.values()) == summary.rows["targets"]
    assert "| huzhou-2020-pilot-plan |" in (latest / "quality.md").read_text(encoding="utf-8")


def test_quality_report_counts_mapping_left_out_figures_and_page_metadata(shipped_build):
    """Issue 12: the share of targets mapped to the vocabulary, the figures left out by rule, and the
    metadata as the pages give it (registry values set aside), carried over for unchanged documents."""
    output, summary = shipped_build
    latest = output / "datasets" / "latest"
    report = json.loads((latest / "quality.json").read_text(encoding="utf-8"))
    mapping = report["indicator_mapping"]
    assert mapping["targets"] == summary.rows["targets"] and 0 < mapping["mapped"] < mapping["targets"]
    assert mapping["by_code"]["facility_rating_rate"] >= 1  # wuhan-2024: 社区养老设施等级评定率达到90%
    rules = {(r["table"], r["verdict"], r["reason"]) for r in report["left_out_by_rule"]}
    assert ("targets", "rejected", "reported in its clause") in rules
    assert sum(r["figures"] for r in report["left_out_by_rule"]) == summary.rows["doubtful"]
    meta = report["metadata_as_extracted"]
    assert meta["fields"] >= 60 and meta["right"] / meta["fields"] >= 0.95
    # the seed documents' titles come from the registry in documents.csv, and from the page here
    assert report["page_metadata"]["chaoyang-2023-suggestion-reply-105"]["doc_number"] == "朝民函〔2023〕59号"
    assert "Targets mapped to the indicator vocabulary" in (latest / "quality.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("previous_order", ["none", "id order", "reversed"])
def test_the_report_written_a_document_at_a_time_is_json_dump_of_the_whole_report(
    shipped_build, tmp_path, previous_order
):
    """quality.json is written with the page metadata streamed (the previous report's read a document at a
    time): its bytes are `json.dump(quality_report(...), indent=1)`'s, whether the metadata is carried from a
    previous report (in id order, as reports are written, or not) or parsed now."""
    import shutil

    from yanglao.publish.quality import quality_report, read_gold, write_quality
    from yanglao.publish.release import load_release_tables

    output, _ = shipped_build
    latest = output / "datasets" / "latest"
    tables = load_release_tables(latest)  # documents as a kept document's row: no page metadata of its own
    parsed_now = {"title": "本次解析的标题", "doc_number": None, "issuer": "", "published_date": None}
    tables["documents"][1]["page_metadata"] = parsed_now
    previous, before = None, None
    if previous_order != "none":
        previous = tmp_path / "previous"
        shutil.copytree(latest, previous)
        before = json.loads((previous / "quality.json").read_text(encoding="utf-8"))
        if previous_order == "reversed":
            before["page_metadata"] = dict(reversed(before["page_metadata"].items()))
            (previous / "quality.json").write_text(json.dumps(before, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    write_quality(out, tables, previous=previous)
    expected = quality_report(tables, read_gold(), previous=before)
    written = (out / "quality.json").read_text(encoding="utf-8")
    assert written == json.dumps(expected, ensure_ascii=False, indent=1) + "\n"
    pages = json.loads(written)["page_metadata"]
    assert pages[tables["documents"][1]["document_id"]] == parsed_now
    carried = pages["chaoyang-2023-suggestion-reply-105"]
    assert carried == (
        (before or {}).get("page_metadata", {}).get("chaoyang-2023-suggestion-reply-105") or {}
    )
    if previous is not None:
        assert carried["doc_number"] == "朝民函〔2023〕59号"


def test_with_a_previous_report_only_the_documents_built_now_hold_their_page_metadata(
    shipped_build, tmp_path
):
    """A kept document's row copied from the spool it was first built into carries what its page said; the tally
    holds that only for the documents built in this run (the rest is lent by the previous report, read a
    document at a time), and the report is the same bytes as with every document's held."""
    from yanglao.publish.quality import QualityTally, read_gold, write_quality
    from yanglao.publish.release import load_release_tables

    output, _ = shipped_build
    latest = output / "datasets" / "latest"
    before = json.loads((latest / "quality.json").read_text(encoding="utf-8"))["page_metadata"]
    tables = load_release_tables(latest)
    for document in tables["documents"]:  # as the spool has them: each with its page's metadata
        document["page_metadata"] = before[document["document_id"]]
    built_now = tables["documents"][3]["document_id"]
    written = {}
    for name, held in (("all", None), ("built-now", {built_now})):
        tally = QualityTally(read_gold())
        tally.metadata_of = held
        for table, rows in tables.items():
            tally.add(table, rows)
        if held is not None:
            assert [d for d, found in tally.page_metadata if found is not None] == [built_now]
        out = tmp_path / name
        out.mkdir()
        write_quality(out, tables, previous=latest, tally=tally)
        written[name] = (out / "quality.json").read_bytes()
    assert written["all"] == written["built-now"]
    assert json.loads(written["all"])["page_metadata"] == before
