"""Releases are validated, atomic, versioned, and never half-written."""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from yanglao.fields import TABLES, TARGETS
from yanglao.publish.release import diff_tables, next_version, publish_release, table_csv
from yanglao.publish.validate import ValidationFailed

TEXT = "到2025年底,社区养老设施等级评定率达到90%。"
NOW = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


def tables(value=90, comparator="eq") -> dict[str, list[dict]]:
    quote = "社区养老设施等级评定率达到90%"
    start = TEXT.index(quote)
    return {
        "sources": [
            {
                "source_id": "demo",
                "url": "https://example.gov.cn/a.html",
                "city": "武汉市",
                "province": "湖北省",
                "region_code": "420100",
                "issuer": "武汉市民政局",
                "doc_type": "policy_measures",
                "format": "html",
                "active": True,
                "note": None,
            }
        ],
        "documents": [
            {
                "document_id": "demo",
                "title": "若干措施",
                "doc_type": "policy_measures",
                "city": "武汉市",
                "province": "湖北省",
                "region_code": "420100",
                "published_date": "2024-08-30",
                "retrieved_at": "2026-03-01T08:00:00Z",
                "content_sha256": hashlib.sha256(TEXT.encode()).hexdigest(),
                "char_count": len(TEXT),
                "text": TEXT,
                "source_url": "https://example.gov.cn/a.html",
            }
        ],
        "measures": [],
        "targets": [
            {
                "target_id": "demo:t0123456789",
                "document_id": "demo",
                "measure_id": None,
                "indicator": "社区养老设施等级评定率",
                "comparator": comparator,
                "value": value,
                "value_max": None,
                "unit": "%",
                "deadline_year": 2025,
                "deadline": "2025-12-31",
                "scope": None,
                "quote": quote,
                "start": start,
                "end": start + len(quote),
            }
        ],
        "subsidies": [],
    }


def snapshot_tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_first_release_is_published_with_its_version(tmp_path):
    release = publish_release(tmp_path, tables(), NOW)
    assert release.published and release.version == "2026.03.01"
    assert (tmp_path / "datasets" / "latest" / "targets.csv").read_bytes() == (
        release.path / "targets.csv"
    ).read_bytes()
    assert "2026.03.01" in (tmp_path / "datasets" / "CHANGELOG.md").read_text(encoding="utf-8")


def test_same_data_publishes_nothing(tmp_path):
    publish_release(tmp_path, tables(), NOW)
    again = publish_release(tmp_path, tables(), NOW)
    assert not again.published and again.version == "2026.03.01"


def test_changed_data_on_the_same_day_gets_a_suffix_and_a_diff(tmp_path):
    publish_release(tmp_path, tables(), NOW)
    second = publish_release(tmp_path, tables(comparator="gte"), NOW)
    assert second.version == "2026.03.01.2"
    assert second.changes["targets"]["changed"] == {"demo:t0123456789": ["comparator"]}


@pytest.mark.parametrize(
    ("breakage", "field", "reason"),
    [
        (lambda t: t["targets"][0].update(comparator="about"), "comparator", "constraint-error"),
        (lambda t: t["targets"][0].update(deadline_year="2025年"), "deadline_year", "type-error"),
        (lambda t: t["targets"][0].update(target_id="Demo T1"), "target_id", "constraint-error"),
        (lambda t: t["targets"][0].update(measure_id="demo:m9"), None, "foreign-key"),
    ],
)
@pytest.mark.parametrize("beside", [False, True], ids=["here", "beside"])
def test_a_row_that_breaks_its_schema_stops_the_release(
    tmp_path, monkeypatch, breakage, field, reason, beside
):
    """Validated here, or in a process of its own beside the downloads (as a large release is)."""
    from yanglao.publish import release as release_module

    monkeypatch.setattr(release_module, "BACKGROUND_VALIDATION_BYTES", 0 if beside else 1 << 60)
    publish_release(tmp_path, tables(), NOW)
    before = snapshot_tree(tmp_path)
    broken = tables(value=95)
    breakage(broken)
    with pytest.raises(ValidationFailed) as failure:
        publish_release(tmp_path, broken, datetime(2026, 3, 2, tzinfo=UTC))
    problem = failure.value.problems[0]
    assert problem.table == "targets" and reason in problem.reason
    assert problem.row_key in {"demo:t0123456789", "Demo T1"}
    if field:
        assert problem.field == field
    assert (
        snapshot_tree(tmp_path) == before
    )  # byte for byte (the downloads written beside went with the stage)
    releases = tmp_path / "datasets" / "releases"
    assert not [p.name for p in releases.iterdir() if p.name.startswith((".stage-", ".validate-"))]


def test_a_quote_that_is_not_at_its_offsets_stops_the_release(tmp_path):
    broken = tables()
    broken["targets"][0]["start"] += 1
    with pytest.raises(ValidationFailed, match="demo:t0123456789 field quote"):
        publish_release(tmp_path, broken, NOW)
    assert not (tmp_path / "datasets").exists()


def test_versions_count_up_within_a_day():
    assert next_version("2026-03-01", set()) == "2026.03.01"
    assert next_version("2026-03-01", {"2026.03.01"}) == "2026.03.01.2"
    assert next_version("2026-03-01", {"2026.03.01", "2026.03.01.2"}) == "2026.03.01.3"


def test_csv_is_the_same_whatever_the_row_order_and_number_type():
    rows = tables()["targets"] * 1
    other = [dict(rows[0], value=90.0)]
    assert table_csv(TARGETS, rows) == table_csv(TARGETS, other)


def test_diff_names_added_removed_and_changed_rows():
    old = {"targets": [{"target_id": "a", "value": "1"}, {"target_id": "b", "value": "2"}]}
    new = {"targets": [{"target_id": "b", "value": "3"}, {"target_id": "c", "value": "4"}]}
    change = diff_tables(old, new)["targets"]
    assert change == {"added": ["c"], "removed": ["a"], "changed": {"b": ["value"]}}


def two_documents(value=90) -> dict[str, list[dict]]:
    """The demo document and a second one, so that one can change while the other stays."""
    data = tables(value=value)
    other = json.loads(json.dumps(data))
    for name in ("sources", "documents", "targets"):
        for row in other[name]:
            for key in ("source_id", "document_id"):
                if key in row:
                    row[key] = "demo-2"
            if "target_id" in row:
                row["target_id"] = "demo-2:t0123456789"
    return {name: data[name] + other[name] for name in data}


def test_a_release_that_knows_what_changed_gives_the_same_files_as_a_full_one(tmp_path):
    full, incremental = tmp_path / "full", tmp_path / "incremental"
    for output in (full, incremental):
        publish_release(output, two_documents(), NOW)
    changed = two_documents()
    changed["targets"][0]["value"] = 95  # only the demo document changes
    a = publish_release(full, changed, datetime(2026, 3, 2, tzinfo=UTC))
    b = publish_release(incremental, changed, datetime(2026, 3, 2, tzinfo=UTC), changed_documents={"demo"})
    assert snapshot_tree(a.path) == snapshot_tree(b.path)
    assert b.changes["targets"]["changed"] == {"demo:t0123456789": ["value"]}


def test_a_float_has_one_form_in_csv_and_json_and_the_same_after_reading_it_back(tmp_path):
    """`0.035万元` is 350.00000000000006 yuan as computed: the CSV said `350.0`, the JSON 350.00000000000006, and
    the same row read back from the release (350) gave `350` (a fresh-eyes review found it, issue 16)."""
    from yanglao.publish.rowstore import typed_value

    computed = two_documents()
    computed["targets"][0]["value"] = 0.035 * 10000
    computed["targets"][1]["value"] = 3.14159 * 10000  # 31415.899999999998
    a = publish_release(tmp_path / "a", computed, NOW)
    rows = {r["target_id"]: r for r in json.loads((a.path / "targets.json").read_text(encoding="utf-8"))}
    assert [r["value"] for r in rows.values()] == [350, 31415.9]
    with (a.path / "targets.csv").open(encoding="utf-8", newline="") as f:
        values = [r["value"] for r in csv.DictReader(f)]
    assert values == ["350", "31415.9"]
    read_back = two_documents()
    for row, text in zip(read_back["targets"], values, strict=True):
        row["value"] = typed_value("number", text)
    b = publish_release(tmp_path / "b", read_back, NOW)
    assert snapshot_tree(a.path) == snapshot_tree(b.path)


def test_a_release_whose_json_differs_is_not_taken_for_the_same_data(tmp_path):
    """Equal CSVs with another JSON (a change of how JSON is written) publish a new release: the files just
    written, and their row index, are not the previous release's (the next run copies records by that index)."""
    from yanglao.publish.release import _same_tables

    first = publish_release(tmp_path, two_documents(), NOW)
    files = {}
    for path in first.path.iterdir():
        if path.suffix in {".csv", ".json"}:
            data = path.read_bytes()
            files[path.name] = (hashlib.sha256(data).hexdigest(), len(data))
    assert _same_tables(first.path, files)
    data = (first.path / "targets.json").read_bytes().replace(b'"value": 90', b'"value": 90.0')
    assert data != (first.path / "targets.json").read_bytes()
    files["targets.json"] = (hashlib.sha256(data).hexdigest(), len(data))
    assert not _same_tables(first.path, files)


def test_kept_records_are_copied_only_from_whole_records(tmp_path):
    """A row index that does not describe the previous release's bytes (its ranges cut records) copies
    nothing: the records are made again, and the JSON parses."""
    from yanglao.publish.release import KeptBytes
    from yanglao.publish.rowstore import RowIndex

    first = publish_release(tmp_path, two_documents(), NOW)
    index = first.row_index
    shifted = RowIndex(dict(index.positions), index.values[:])
    for document_id in shifted.positions:
        start, end, count = index.span("targets", document_id)
        json_start, json_end = index.json_span("targets", document_id)
        shifted.add("targets", document_id, start, end, count, json_start + 3, json_end + 3)
    changed = two_documents()
    changed["targets"][1]["value"] = 95
    second = publish_release(
        tmp_path,
        changed,
        datetime(2026, 3, 2, tzinfo=UTC),
        changed_documents={"demo-2"},
        kept=KeptBytes(first.path, shifted, frozenset({"demo"})),
    )
    records = json.loads((second.path / "targets.json").read_text(encoding="utf-8"))
    assert [r["value"] for r in records] == [90, 95]
    fresh = publish_release(tmp_path / "fresh", changed, datetime(2026, 3, 2, tzinfo=UTC))
    assert (second.path / "targets.json").read_bytes() == (fresh.path / "targets.json").read_bytes()


@pytest.mark.parametrize(
    ("breakage", "row_key", "field", "reason"),
    [
        (
            lambda t: t["targets"][0].update(comparator="about"),
            "demo:t0123456789",
            "comparator",
            "constraint-error",
        ),
        (
            lambda t: t["targets"][0].update(measure_id="demo:m9"),
            "demo:t0123456789",
            "measure_id",
            "foreign-key",
        ),
        (
            lambda t: t["targets"].append(dict(t["targets"][0])),
            "demo:t0123456789",
            "target_id",
            "primary-key",
        ),
    ],
)
def test_a_release_that_knows_what_changed_still_stops_bad_rows(tmp_path, breakage, row_key, field, reason):
    publish_release(tmp_path, two_documents(), NOW)
    before = snapshot_tree(tmp_path)
    broken = two_documents(value=95)
    breakage(broken)
    with pytest.raises(ValidationFailed) as failure:
        publish_release(tmp_path, broken, datetime(2026, 3, 2, tzinfo=UTC), changed_documents={"demo"})
    problem = failure.value.problems[0]
    assert (problem.table, problem.row_key, problem.field) == ("targets", row_key, field)
    assert reason in problem.reason
    assert snapshot_tree(tmp_path) == before


def test_tables_written_row_by_row_have_the_bytes_and_hashes_of_the_whole_table(tmp_path):
    from yanglao.publish.release import sort_rows, table_json, write_table_files

    row = tables()["targets"][0]
    rows = [dict(row, target_id=f"demo:t{i:010d}", value=90.0 + i / 4, quote=row["quote"]) for i in range(5)]
    rows = sort_rows(TARGETS, rows + [dict(rows[0], target_id="demo:t9999999999", note='带,逗号\n和"引号"')])
    written = write_table_files(tmp_path, TARGETS, rows)
    for name, data in (
        ("targets.csv", table_csv(TARGETS, rows)),
        ("targets.json", table_json(TARGETS, rows)),
    ):
        assert (tmp_path / name).read_bytes() == data
        assert written[name] == (hashlib.sha256(data).hexdigest(), len(data))
    empty = write_table_files(tmp_path, TARGETS, [])
    assert (tmp_path / "targets.json").read_bytes() == table_json(TARGETS, []) == b"[\n]\n"
    assert empty["targets.csv"][1] == len(table_csv(TARGETS, []))


def test_a_field_with_a_carriage_return_is_one_field_of_one_record_and_publishes(tmp_path):
    """Python 3.11's csv.writer leaves a lone carriage return unquoted when the line end is a line feed, and a
    reader then ends the record there: a registry note with one made the release fail validation with "required"
    errors on the wrong rows (found by a review, 2026-12-06). Such a record is written with every field quoted."""
    from yanglao.fields import TABLES_BY_NAME
    from yanglao.publish.exports import sheet_name
    from yanglao.publish.release import write_table_files

    data = tables()
    data["sources"][0]["note"] = (
        "第一行\r第二行"  # a lone carriage return, as an old Mac or a paste leaves one
    )
    data["sources"].append(dict(data["sources"][0], source_id="other", note="平常的\r\n备注"))
    sources = TABLES_BY_NAME["sources"]
    whole = table_csv(sources, data["sources"])
    assert (
        table_csv(sources, iter(sorted(data["sources"], key=lambda r: r["source_id"])), ordered=True) == whole
    )
    records = list(csv.reader(whole.decode("utf-8").splitlines(keepends=True)))
    assert len(records) == 3 and records[1][sources.field_names.index("note")] == "第一行\r第二行"
    assert b'"demo","https://example.gov.cn/a.html"' in whole  # that record quoted whole
    # the other as before: a cell with a line feed is quoted, and the carriage return in it with it
    assert (
        b"\nother,https://example.gov.cn/a.html," in whole
        and b',"\xe5\xb9\xb3\xe5\xb8\xb8\xe7\x9a\x84\r\n' in whole
    )
    (tmp_path / "rows").mkdir()
    write_table_files(tmp_path / "rows", sources, sorted(data["sources"], key=lambda r: r["source_id"]))
    assert (tmp_path / "rows" / "sources.csv").read_bytes() == whole
    release = publish_release(tmp_path / "out", data, NOW)
    assert release.published
    import openpyxl
    import pyarrow.parquet as pq

    assert pq.read_table(release.path / "sources.parquet").column("note").to_pylist() == [
        "第一行\r第二行",
        "平常的\r\n备注",
    ]
    sheet = openpyxl.load_workbook(release.path / "yanglao-data.xlsx", read_only=True)[sheet_name(sources)]
    notes = [row[sources.field_names.index("note")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert notes == ["第一行\r第二行", "平常的\r\n备注"]


@pytest.fixture
def validation_beside(monkeypatch):
    """Every full validation in a process of its own beside the downloads, as for a large corpus."""
    from yanglao.publish import release as release_module

    monkeypatch.setattr(release_module, "BACKGROUND_VALIDATION_BYTES", 0)


@pytest.mark.parametrize("beside", [False, True], ids=["here", "beside"])
def test_key_problems_and_row_problems_are_reported_together(tmp_path, monkeypatch, beside):
    from yanglao.publish import release as release_module

    monkeypatch.setattr(release_module, "BACKGROUND_VALIDATION_BYTES", 0 if beside else 1 << 60)
    broken = tables()
    broken["targets"].append(dict(broken["targets"][0], comparator="about"))  # the same id, a bad comparator
    with pytest.raises(ValidationFailed) as failure:
        publish_release(tmp_path, broken, NOW)
    reasons = [p.reason for p in failure.value.problems]
    assert any("primary-key" in r for r in reasons)
    assert any("constraint-error" in r for r in reasons)


def _validate_then_die(subset, descriptor, scratch):
    """`validate_rows` that, in a validating process, dies after linking the staged files (as the OOM killer would
    end it); in the test's own process it validates."""
    import multiprocessing
    import os

    from yanglao.publish.validate import validate_rows

    problems = validate_rows(subset, descriptor, scratch)
    if multiprocessing.parent_process() is not None:
        os._exit(9)
    return problems


def test_a_release_whose_validating_process_dies_is_validated_here(tmp_path, validation_beside, monkeypatch):
    from yanglao.publish import release as release_module

    monkeypatch.setattr(release_module, "validate_rows", _validate_then_die)
    publish_release(tmp_path, tables(), NOW)
    before = snapshot_tree(tmp_path)
    broken = tables(value=95)
    broken["targets"][0]["comparator"] = "about"
    with pytest.raises(ValidationFailed) as failure:
        publish_release(tmp_path, broken, datetime(2026, 3, 2, tzinfo=UTC))
    assert [(p.table, p.field) for p in failure.value.problems] == [("targets", "comparator")]
    assert snapshot_tree(tmp_path) == before
    assert publish_release(tmp_path, tables(value=95), datetime(2026, 3, 2, tzinfo=UTC)).published


def _report_what_was_sent(subset, descriptor, scratch):
    """A `validate_rows` whose one problem says what the validating process was given of the descriptor."""
    from yanglao.publish.validate import Problem

    sent = {"keys": sorted(descriptor), "resources": [sorted(r) for r in descriptor["resources"]]}
    return [Problem("datapackage", None, None, json.dumps(sent))]


def test_the_validating_process_is_sent_the_schemas_not_the_sources(tmp_path, validation_beside, monkeypatch):
    """The descriptor names every source (~43 MB of objects at 100,000 documents): the process beside the
    downloads needs only each table's name and schema, and validates as well with them."""
    from yanglao.publish import release as release_module
    from yanglao.publish.release import _schemas_only
    from yanglao.publish.validate import validate_rows

    monkeypatch.setattr(release_module, "validate_rows", _report_what_was_sent)
    with pytest.raises(ValidationFailed) as failure:
        publish_release(tmp_path / "out", tables(), NOW)
    sent = json.loads(failure.value.problems[0].reason)
    assert sent["keys"] == ["resources"]
    assert {tuple(r) for r in sent["resources"]} == {("name", "schema")}
    assert len(sent["resources"]) == len(TABLES)

    monkeypatch.undo()
    staged, descriptor = _staged_with_a_bad_comparator(tmp_path)
    assert descriptor["sources"]  # what is left behind
    subset = {t.name: staged / f"{t.name}.csv" for t in TABLES}
    found = []
    for given in (descriptor, _schemas_only(descriptor)):
        scratch = tmp_path / f"scratch-{len(found)}"
        scratch.mkdir()
        found.append([(p.table, p.row_key, p.field) for p in validate_rows(subset, given, scratch)])
    assert found[0] == found[1] == [("targets", found[0][0][1], "comparator")]


def _staged_with_a_bad_comparator(tmp_path: Path) -> tuple[Path, dict]:
    """A published release copied as a stage whose first target has a comparator outside the schema's enum."""
    release = publish_release(tmp_path / "out", tables(), NOW)
    staged = tmp_path / "stage"
    shutil.copytree(release.path, staged)
    text = (staged / "targets.csv").read_text(encoding="utf-8")
    (staged / "targets.csv").write_text(text.replace(",eq,", ",about,"), encoding="utf-8")
    return staged, json.loads((staged / "datapackage.json").read_text(encoding="utf-8"))


def test_a_dead_validating_process_is_replaced_by_validation_here(tmp_path):
    """The dead process linked the staged files into its scratch folder: validation here needs its own."""
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    from yanglao.publish.release import _validated
    from yanglao.publish.validate import validate_rows

    staged, descriptor = _staged_with_a_bad_comparator(tmp_path)
    subset = {name: staged / f"{name}.csv" for name in ("sources", "documents", "measures", "targets")}
    descriptor["resources"] = [r for r in descriptor["resources"] if r["name"] in subset]
    scratch = tmp_path / "scratch-of-the-dead-process"
    scratch.mkdir()
    validate_rows(subset, descriptor, scratch)  # what the process had done before it died
    dead: Future = Future()
    dead.set_exception(BrokenProcessPool("killed"))
    problems = _validated(dead, subset, descriptor, tmp_path)
    assert [(p.table, p.field) for p in problems] == [("targets", "comparator")]


def test_validation_beside_the_downloads_publishes_the_same_release(tmp_path, validation_beside, monkeypatch):
    beside = publish_release(tmp_path / "beside", tables(), NOW)
    from yanglao.publish import release as release_module

    monkeypatch.setattr(release_module, "BACKGROUND_VALIDATION_BYTES", 1 << 60)
    here = publish_release(tmp_path / "here", tables(), NOW)
    assert beside.published and here.published
    assert snapshot_tree(beside.path) == snapshot_tree(here.path)


def test_a_row_missing_a_required_column_is_a_validation_problem_not_a_crash_of_the_reports(tmp_path):
    """Publish tallies its reports from the rows as it writes them, before validation: a target without its
    `indicator` must still be reported by validation (naming the row and the field), not raise a KeyError."""
    broken = tables()
    del broken["targets"][0]["indicator"]
    with pytest.raises(ValidationFailed) as failed:
        publish_release(tmp_path, broken, NOW)
    assert "targets row demo:t0123456789 field indicator" in str(failed.value)


@pytest.mark.parametrize("count", [0, 1, 3])
def test_a_descriptor_whose_credits_are_written_one_at_a_time_has_the_bytes_of_the_whole(tmp_path, count):
    """datapackage.json is written with its `sources` (a credit per source page) made as they are written:
    the bytes are `json.dump(..., indent=2)`'s of the descriptor with the whole list in its place."""
    from yanglao.publish.release import _write_json_listing, credited_sources, package_descriptor

    sources = [
        {"city": "上海市", "issuer": "上海市民政局", "url": 'https://example.gov.cn/a?x=1&y="2"'},
        {"city": "汕头市", "issuer": None, "url": None},
        {"city": "乌海市", "issuer": "乌海市民政局\n(换行)", "url": "https://example.gov.cn/b"},
    ][:count]
    written = publish_release(tmp_path / "out", tables(), NOW).path
    files = {
        name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_size)
        for p in written.iterdir()
        for name in [p.name]
    }
    whole = package_descriptor("2026.03.01", "2026-03-01T00:00:00Z", files, sources)
    assert len(whole["sources"]) == count
    placed = package_descriptor("2026.03.01", "2026-03-01T00:00:00Z", files, [])
    _write_json_listing(tmp_path / "datapackage.json", placed, "sources", credited_sources(iter(sources)))
    expected = json.dumps(whole, ensure_ascii=False, indent=2) + "\n"
    assert (tmp_path / "datapackage.json").read_text(encoding="utf-8") == expected


def test_a_published_descriptor_credits_every_source(tmp_path):
    from yanglao.publish.release import credited_sources

    data = tables()
    release = publish_release(tmp_path / "out", data, NOW)
    text = (release.path / "datapackage.json").read_text(encoding="utf-8")
    descriptor = json.loads(text)
    assert descriptor["sources"] == list(credited_sources(data["sources"])) != []
    assert text == json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n"
