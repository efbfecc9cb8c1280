"""The Prefect flow end to end on the shipped archive, and facts from the real documents in its output."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from conftest import bundled_sources


def read(output: Path, table: str) -> list[dict]:
    with (output / "datasets" / "latest" / f"{table}.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_flow_publishes_a_valid_release(shipped_build):
    from frictionless import validate

    output, summary = shipped_build
    assert summary.published and summary.documents == len(bundled_sources()) and not summary.failures
    report = validate(str(output / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]
    descriptor = json.loads((output / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["version"] == summary.version
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    assert any("广州市" in s["title"] for s in descriptor["sources"])
    for resource in descriptor["resources"]:
        path = output / resource["path"]
        assert resource["bytes"] == path.stat().st_size
        assert (
            output / "datasets" / "releases" / summary.version / Path(resource["path"]).name
        ).read_bytes() == path.read_bytes()


def test_every_row_quotes_its_document_exactly(shipped_build):
    output, _ = shipped_build
    texts = {d["document_id"]: d["text"] for d in read(output, "documents")}
    checked = 0
    for table in ("targets", "subsidies"):
        for row in read(output, table):
            assert texts[row["document_id"]][int(row["start"]) : int(row["end"])] == row["quote"]
            checked += 1
    for row in read(output, "measures"):
        assert 0 <= int(row["start"]) < int(row["end"]) <= len(texts[row["document_id"]])
    assert checked > 50


def test_wuhan_2020_reply_facts(shipped_build):
    output, _ = shipped_build
    document = next(d for d in read(output, "documents") if d["document_id"] == "wuhan-2020-reply-20200464")
    assert document["doc_number"] == "武民函〔2020〕125号"
    amounts = {
        float(s["amount_yuan"])
        for s in read(output, "subsidies")
        if s["document_id"] == "wuhan-2020-reply-20200464"
        and s["kind"] == "construction"
        and s["amount_yuan"]
    }
    assert {150000.0, 90000.0} <= amounts


def test_huzhou_family_beds_target(shipped_build):
    output, _ = shipped_build
    rows = [
        t
        for t in read(output, "targets")
        if t["document_id"] == "huzhou-2020-pilot-plan" and "家庭病床" in t["indicator"]
    ]
    assert any(
        float(t["value"]) == 1000 and t["unit"] == "张" and t["deadline_year"] == "2022" for t in rows
    ), rows


def test_wuhan_2024_rating_target(shipped_build):
    output, _ = shipped_build
    rows = [t for t in read(output, "targets") if t["document_id"] == "wuhan-2024-eldercare-measures"]
    match = [t for t in rows if "等级评定率" in t["indicator"]]
    assert match, rows
    assert float(match[0]["value"]) == 90 and match[0]["unit"] == "%"
    assert match[0]["deadline_year"] == "2025" and match[0]["deadline"] == "2025-12-31"


def test_rows_link_to_the_innermost_measure(shipped_build):
    output, _ = shipped_build
    measures = {m["measure_id"]: m for m in read(output, "measures")}
    linked = 0
    for row in read(output, "targets") + read(output, "subsidies"):
        if not row["measure_id"]:
            continue
        m = measures[row["measure_id"]]
        assert int(m["start"]) <= int(row["start"]) and int(row["end"]) <= int(m["end"])
        children = [c for c in measures.values() if c["parent_id"] == m["measure_id"]]
        assert not any(
            int(c["start"]) <= int(row["start"]) and int(row["end"]) <= int(c["end"]) for c in children
        )
        linked += 1
    assert linked > 30


def test_sqlite_build_has_the_release(shipped_build):
    import sqlite_utils

    output, summary = shipped_build
    db = sqlite_utils.Database(output / "datasets" / "yanglao.db")
    for table in (
        "sources",
        "documents",
        "measures",
        "targets",
        "subsidies",
        "indicators",
        "national_targets",
    ):
        assert db[table].count == len(read(output, table))
    assert db["targets"].pks == ["target_id"]
    linked = {fk.other_table for fk in db["targets"].foreign_keys}
    assert {t for t in linked if not t.startswith("code_")} == {"documents", "measures", "indicators"}
    assert "code_comparator" in linked  # coded values are labelled through lookup tables
    assert db["releases"].get(summary.version)["version"] == summary.version


def test_second_run_publishes_nothing_new(shipped_build):
    from yanglao_flows.refresh import refresh

    output, first = shipped_build
    tables = ("measures", "targets", "subsidies")
    before = {t: (output / "datasets" / "latest" / f"{t}.csv").read_bytes() for t in tables}
    root = Path(__file__).resolve().parents[1]
    again = refresh(
        sources_path=str(root / "sources.yaml"),
        output=str(output),
        archive_root=str(output / "archive"),
        archive_fallback=str(root / "archive"),
    )
    assert not again.published and again.version == first.version
    assert {t: (output / "datasets" / "latest" / f"{t}.csv").read_bytes() for t in tables} == before
    assert [p.name for p in (output / "datasets" / "releases").iterdir() if p.is_dir()] == [first.version]
