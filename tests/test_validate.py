"""The per-row schema check agrees with Frictionless, and a document whose rows break the schema is
refused on its own: it keeps its last good rows and the release of everything else goes ahead."""

from __future__ import annotations

import copy
import csv
import json
from pathlib import Path

import pytest
from conftest import bundled_sources

from yanglao.fields import TABLES_BY_NAME, table_schema
from yanglao.publish.incremental import read_typed_table
from yanglao.publish.release import table_csv
from yanglao.publish.validate import RowChecker, validate_package

ROOT = Path(__file__).resolve().parents[1]

MUTATIONS = [
    ("targets", "comparator", "about"),
    ("targets", "comparator", None),
    ("targets", "value", "九十"),
    ("targets", "value", True),  # (a bool is an int to Python, no number to the schema)
    ("targets", "deadline_year", 1800),
    ("targets", "deadline", "2025年底"),
    ("targets", "target_id", "Wuhan T1"),
    ("targets", "indicator", None),
    ("targets", "start", -1),
    ("subsidies", "kind", "grant"),
    ("subsidies", "amount_yuan", -5),
    ("subsidies", "rate_percent", 150),
    ("subsidies", "frequency", None),
    ("subsidies", "basis", "city"),
    ("measures", "path", "一.1"),
    ("measures", "category", "elderly"),
    ("measures", "heading", ""),
    ("documents", "doc_type", "letter"),
    ("documents", "region_code", "4201"),
    ("documents", "published_date", "2024/08/30"),
    ("documents", "content_sha256", "xyz"),
    ("documents", "char_count", "many"),
]


def frictionless_errors(table: str, row: dict, folder: Path) -> list[str]:
    spec = TABLES_BY_NAME[table]
    (folder / f"{table}.csv").write_bytes(table_csv(spec, [row]))
    schema = {k: v for k, v in table_schema(spec).items() if k not in {"foreignKeys", "primaryKey"}}
    resource = {"name": table, "path": f"{table}.csv", "format": "csv", "encoding": "utf-8", "schema": schema}
    (folder / "datapackage.json").write_text(
        json.dumps({"name": "one-row", "resources": [resource]}), encoding="utf-8"
    )
    return [p.field for p in validate_package(folder / "datapackage.json")]


@pytest.fixture(scope="module")
def real_rows(shipped_build):
    output, _ = shipped_build
    latest = output / "datasets" / "latest"
    return {
        t: read_typed_table(latest / f"{t}.csv", TABLES_BY_NAME[t])
        for t in ("documents", "measures", "targets", "subsidies")
    }


def test_every_published_row_passes_the_row_check(real_rows):
    for table, rows in real_rows.items():
        checker = RowChecker(table_schema(TABLES_BY_NAME[table]))
        assert [checker.problems(r) for r in rows if checker.problems(r)] == []


@pytest.mark.parametrize(("table", "field", "value"), MUTATIONS)
def test_the_row_check_and_frictionless_reject_the_same_bad_value(real_rows, tmp_path, table, field, value):
    row = copy.deepcopy(real_rows[table][0])
    row[field] = value
    ours = [name for name, _ in RowChecker(table_schema(TABLES_BY_NAME[table])).problems(row)]
    theirs = frictionless_errors(table, row, tmp_path)
    assert ours == [field]
    assert field in theirs


def test_a_document_with_a_bad_row_keeps_its_last_good_rows(prefect_harness, tmp_path, monkeypatch):
    import yanglao_flows.refresh as refresh_flow

    import yanglao.extract.pool as extract_pool
    from yanglao.acquire.archive import Archive

    def refresh():
        return refresh_flow.refresh(
            sources_path=str(ROOT / "sources.yaml"), output=str(tmp_path), archive_root=str(tmp_path / "archive"),
            archive_fallback=str(ROOT / "archive"),
        )  # fmt: skip

    first = refresh()
    before = (tmp_path / "datasets/latest/targets.csv").read_bytes()
    # The huzhou page changes, and the extractor (by a bug) gives one of its targets a bad comparator.
    archive = Archive(tmp_path / "archive", fallback=ROOT / "archive")
    body = archive.read(archive.latest("huzhou-2020-pilot-plan").sha256)
    archive.store("huzhou-2020-pilot-plan", body + "\n附:联系电话。".encode(), url=None,
                  retrieved_at="2026-12-01T00:00:00Z", status=None, content_type="text/plain; charset=utf-8",
                  etag=None, last_modified=None)  # fmt: skip
    real_extract = extract_pool.extract_rows

    def buggy(document_id, text, document_year=None, title=None):
        rows = real_extract(document_id, text, document_year=document_year, title=title)
        if document_id == "huzhou-2020-pilot-plan":
            rows["targets"][0]["comparator"] = "about"
        return rows

    monkeypatch.setattr(extract_pool, "extract_rows", buggy)
    second = refresh()
    (failure,) = second.failures
    assert failure.startswith(
        "huzhou-2020-pilot-plan: extracted rows break the schema: targets row huzhou-2020"
    )
    assert "field comparator" in failure
    assert not second.published and second.version == first.version
    assert (tmp_path / "datasets/latest/targets.csv").read_bytes() == before
    with (tmp_path / "state/source_status.json").open(encoding="utf-8") as f:
        status = {s["source_id"]: s for s in json.load(f)["sources"]}
    assert status["huzhou-2020-pilot-plan"]["status"] == "stale"
    with (tmp_path / "datasets/latest/documents.csv").open(encoding="utf-8", newline="") as f:
        assert len(list(csv.DictReader(f))) == len(bundled_sources())


def test_keys_of_the_published_release_check_clean_and_each_break_is_named(shipped_build):
    """check_keys compares keys by hashes in sorted arrays: on the real release it finds nothing, and a repeated
    key, a measure that is not there and a document that is not there are each one problem naming the row."""
    from yanglao.publish.validate import check_keys

    latest = shipped_build[0] / "datasets" / "latest"
    tables = {
        name: read_typed_table(latest / f"{name}.csv", spec)
        for name, spec in TABLES_BY_NAME.items()
        if (latest / f"{name}.csv").exists()
    }
    assert check_keys(tables) == []
    broken = copy.deepcopy(tables)
    target = broken["targets"][0]
    broken["targets"].append(dict(target))  # the same target_id twice
    broken["subsidies"][0]["measure_id"] = "nowhere:m9"
    broken["measures"][0]["document_id"] = "no-such-document"
    assert {(p.table, p.row_key, p.field, p.reason) for p in check_keys(broken)} == {
        ("targets", target["target_id"], "target_id", "primary-key: duplicate key"),
        (
            "subsidies",
            broken["subsidies"][0]["subsidy_id"],
            "measure_id",
            "foreign-key: no measures row nowhere:m9",
        ),
        (
            "measures",
            broken["measures"][0]["measure_id"],
            "document_id",
            "foreign-key: no documents row no-such-document",
        ),
    }


def test_keys_hashed_in_another_order_than_the_tables_still_name_the_rows_of_a_problem(shipped_build):
    """Publish hashes the keys as it writes each table in release order (`KeyScanner`), which need not be the
    order of the rows it was given: a dangling reference and a repeated key are still named by their own rows."""
    from yanglao.publish.validate import KeyScanner, check_keys

    latest = shipped_build[0] / "datasets" / "latest"
    tables = {
        name: read_typed_table(latest / f"{name}.csv", spec)
        for name, spec in TABLES_BY_NAME.items()
        if (latest / f"{name}.csv").exists()
    }
    broken = copy.deepcopy(tables)
    broken["subsidies"][3]["measure_id"] = "nowhere:m9"
    broken["targets"].append(dict(broken["targets"][5]))
    scanner = KeyScanner()
    for name, rows in broken.items():
        scanner.add(name, list(reversed(rows)))
    problems = {(p.table, p.row_key, p.field, p.reason) for p in check_keys(broken, scanner.scans())}
    assert problems == {(p.table, p.row_key, p.field, p.reason) for p in check_keys(broken)}
    assert problems == {
        (
            "subsidies",
            broken["subsidies"][3]["subsidy_id"],
            "measure_id",
            "foreign-key: no measures row nowhere:m9",
        ),
        ("targets", broken["targets"][5]["target_id"], "target_id", "primary-key: duplicate key"),
    }


def test_a_type_the_row_check_does_not_know_fails_at_a_value_not_before():
    schema = {"fields": [{"name": "year", "type": "year"}, {"name": "note", "type": "string"}]}
    checker = RowChecker(schema)
    assert checker.problems({"year": None, "note": "x"}) == []
    with pytest.raises(KeyError):
        checker.problems({"year": 2024, "note": "x"})
