"""Downloads for every kind of user: the XLSX workbook and the Parquet files of a release read back with
pandas to the same rows as its CSVs, and are listed with their hashes in its datapackage.json; the landing
page and the citation name the release's version."""

from __future__ import annotations

import csv
import hashlib
import json
import re
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from yanglao.fields import TABLES, column_label
from yanglao.publish.display import format_quantity, format_yuan
from yanglao.publish.exports import (
    EXCEL_CELL_LIMIT,
    TRUNCATED_MARK,
    WORKBOOK,
    _write_deflated,
    deflate_blocks,
    reproducible_zip,
    sheet_name,
)

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def latest(shipped_build) -> Path:
    output, _summary = shipped_build
    return output / "datasets" / "latest"


def csv_rows(path: Path) -> list[dict]:
    csv.field_size_limit(1 << 30)
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def as_text(value) -> str:
    """A cell read back by pandas, in the CSV's text form (null → empty, 15.0 → 15, True → true)."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(round(value, 6))
    return str(value)


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_parquet_reads_back_to_the_csv_rows(latest, table):
    expected = csv_rows(latest / f"{table.name}.csv")
    data = pd.read_parquet(latest / f"{table.name}.parquet")
    assert list(data.columns) == table.field_names
    got = [{k: as_text(v) for k, v in row.items()} for row in data.astype(object).to_dict("records")]
    assert got == expected and len(got) > 0
    numbers = [f.name for f in table.fields if f.type in ("integer", "number")]
    assert all(str(data[n].dtype) in ("Int64", "Float64") for n in numbers)  # typed, not text


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_the_workbook_has_a_sheet_per_table_with_chinese_headers(latest, table):
    expected = csv_rows(latest / f"{table.name}.csv")
    data = pd.read_excel(latest / WORKBOOK, sheet_name=sheet_name(table), dtype=object)
    assert list(data.columns) == [column_label(table.name, n) for n in table.field_names]
    # (`column_label` falls back to the English name: the doubtful and national_targets sheets had five such headers)
    assert all(re.search(r"[\u4e00-\u9fff]", header) for header in data.columns), list(data.columns)
    got = [
        {name: as_text(v) for name, v in zip(table.field_names, row, strict=True)}
        for row in data.itertuples(index=False)
    ]
    assert len(got) == len(expected) > 0
    for row, want in zip(got, expected, strict=True):
        for name in table.field_names:
            if len(want[name]) > EXCEL_CELL_LIMIT:  # Excel's limit: cut, and says so
                assert row[name].endswith(TRUNCATED_MARK) and want[name].startswith(
                    row[name][: -len(TRUNCATED_MARK)]
                )
            else:
                assert row[name] == want[name], (table.name, name)


def test_the_workbook_first_sheet_says_what_the_data_is_its_licence_and_how_to_cite_it(latest):
    about = pd.read_excel(latest / WORKBOOK, sheet_name=0, dtype=str)
    descriptor = json.loads((latest / "datapackage.json").read_text(encoding="utf-8"))
    text = "\n".join(about.fillna("").astype(str).agg(" ".join, axis=1))
    assert descriptor["title"] in text and "CC BY 4.0" in text.replace(
        "Creative Commons Attribution 4.0", "CC BY 4.0"
    )
    assert f"Version {descriptor['version']}" in text
    assert "金额 (amount_yuan)" in text


def test_downloads_are_listed_with_their_hashes_in_the_datapackage(latest, shipped_build):
    output, _ = shipped_build
    descriptor = json.loads((latest / "datapackage.json").read_text(encoding="utf-8"))
    listed = [r["parquet"] for r in descriptor["resources"]] + descriptor["downloads"]
    assert {Path(item["path"]).name for item in listed} == {f"{t.name}.parquet" for t in TABLES} | {WORKBOOK}
    for item in listed:
        data = (latest / item["path"]).read_bytes()
        assert item["hash"] == f"sha256:{hashlib.sha256(data).hexdigest()}" and item["bytes"] == len(data)
    top = json.loads((output / "datapackage.json").read_text(encoding="utf-8"))
    assert top["downloads"][0]["path"] == f"datasets/latest/{WORKBOOK}"
    assert all((output / r["parquet"]["path"]).exists() for r in top["resources"])
    release = json.loads((latest / "release.json").read_text(encoding="utf-8"))
    assert "targets.parquet" in release["hashes"]  # `yanglao rebuild` checks the Parquet files
    assert WORKBOOK not in release["hashes"]  # it names its release, which a rebuild on another day would not


def test_the_workbook_bytes_are_reproducible(latest):
    data = (latest / WORKBOOK).read_bytes()
    created = json.loads((latest / "datapackage.json").read_text(encoding="utf-8"))["created"]
    assert reproducible_zip(data, created) == data


def test_the_workbook_is_deflated_by_isal_at_its_fastest_level(latest):
    """Compressing the sheets at zlib's default level was a quarter of publishing a one-document change at
    10,000 documents (BENCHMARKS.md, eighth round); each entry is deflated at level 1, by ISA-L since the
    twentieth round (a third of zlib's CPU), its body given in blocks of `DEFLATE_BLOCK` bytes."""
    import zipfile

    from isal import isal_zlib

    with zipfile.ZipFile(latest / WORKBOOK) as book:
        sheets = [i for i in book.infolist() if i.filename.startswith("xl/worksheets/")]
        assert sheets
        for info in sheets:
            body = book.read(info.filename)  # (zipfile checks the CRC as it reads)
            fastest = isal_zlib.compressobj(1, isal_zlib.DEFLATED, -15)
            deflated = b"".join(fastest.compress(b) for b in deflate_blocks([body])) + fastest.flush()
            assert info.compress_size == len(deflated), info.filename


def test_the_downloads_fingerprint_follows_what_the_deflater_makes(monkeypatch):
    """ISA-L picks its code by the CPU: a workbook made where it deflates otherwise is not copied from."""
    from yanglao.publish import exports

    here, signature = exports.downloads_fingerprint(), exports.deflater_signature()
    assert exports.deflater_signature() == signature  # the same deflater, the same bytes
    monkeypatch.setattr(exports, "WORKBOOK_DEFLATE_LEVEL", 2)  # a deflater that makes other bytes
    assert exports.deflater_signature() != signature
    assert exports.downloads_fingerprint() != here


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300), st.lists(st.integers(0, 300), max_size=8), st.integers(1, 40))
def test_deflate_blocks_are_the_same_however_the_bytes_come(data, cuts, size):
    """ISA-L's output depends on how its input is cut into calls: the workbook gives it fixed blocks."""
    bounds = sorted({0, len(data), *(c for c in cuts if c <= len(data))})
    pieces = [data[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
    blocks = [bytes(b) for b in deflate_blocks(pieces, size)]
    assert b"".join(blocks) == data
    assert all(len(b) == size for b in blocks[:-1]) and all(0 < len(b) <= size for b in blocks)


def test_a_workbook_entry_is_the_same_bytes_however_it_is_written(latest, tmp_path):
    """A sheet is written as XlsxWriter's head, the rows file and the tail; a full rebuild and an incremental
    one must give the same entry (their releases are compared byte for byte)."""
    import zipfile

    with zipfile.ZipFile(latest / WORKBOOK) as book:
        body = book.read(max(book.infolist(), key=lambda i: i.file_size).filename)
    assert len(body) > 1000
    made = []
    for cut in (1, 7, 1000, len(body)):
        path = tmp_path / f"cut{cut}.zip"
        with zipfile.ZipFile(path, "w") as target:
            info = zipfile.ZipInfo("sheet.xml", date_time=(2026, 12, 6, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            _write_deflated(target, info, (body[i : i + cut] for i in range(0, len(body), cut)), len(body))
        with zipfile.ZipFile(path) as written:
            assert written.read("sheet.xml") == body and written.testzip() is None
        made.append(path.read_bytes())
    assert len(set(made)) == 1
    with zipfile.ZipFile(tmp_path / "short.zip", "w") as target, pytest.raises(ValueError, match="announced"):
        info = zipfile.ZipInfo("sheet.xml", date_time=(2026, 12, 6, 0, 0, 0))
        _write_deflated(target, info, [body[:-1]], len(body))


def test_csvs_stay_plain_utf8_and_the_landing_page_says_how_to_open_them_in_excel(latest):
    for table in TABLES:
        assert not (latest / f"{table.name}.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    page = (latest / "index.html").read_text(encoding="utf-8")
    descriptor = json.loads((latest / "datapackage.json").read_text(encoding="utf-8"))
    assert "65001: Unicode (UTF-8)" in page and f"Version {descriptor['version']}" in page
    cff = (latest / "CITATION.cff").read_text(encoding="utf-8")
    assert f'version: "{descriptor["version"]}"' in cff
    assert "cff-version: 1.2.0" in (ROOT / "CITATION.cff").read_text(encoding="utf-8")


@pytest.mark.parametrize(("value", "unit", "shown"), [
    (150000.0, "元", "15万元"), (20000000.0, "元", "2,000万元"), (3.0, "元", "3元"), (779820.0, "元", "77.982万元"),
    (1.0, "家", "1家"), (65.0, "%", "65%"), (90.5, "%", "90.5%"), (15, "分钟", "15分钟"), (1500, "张", "1,500张"),
])  # fmt: skip
def test_numbers_are_shown_as_people_write_them(value, unit, shown):
    assert format_quantity(value, unit) == shown
    if unit == "元":
        assert format_yuan(value) == shown


def test_a_table_longer_than_a_sheet_continues_on_further_sheets(latest, tmp_path):
    """Excel opens no sheet over 1,048,576 rows (a national build's measures table has more): with a limit
    of 40 rows, the measures of the bundled release go on to `… (2)`, `… (3)`…, each with the header."""
    from openpyxl import load_workbook

    from yanglao.publish.exports import _write_workbook

    descriptor = json.loads((latest / "datapackage.json").read_text(encoding="utf-8"))
    path = tmp_path / "book.xlsx"
    _write_workbook(path, latest, descriptor, "citation", max_rows=40)
    measures = next(t for t in TABLES if t.name == "measures")
    expected = csv_rows(latest / "measures.csv")
    book = load_workbook(path, read_only=True)
    parts = [
        n
        for n in book.sheetnames
        if n == sheet_name(measures) or n.startswith(sheet_name(measures)[:26] + " (")
    ]
    assert len(parts) == -(-len(expected) // 39) and len(parts) > 1
    header = [column_label("measures", n) for n in measures.field_names]
    ids = []
    for name in parts:
        rows = list(book[name].iter_rows(values_only=True))
        assert list(rows[0]) == header and 1 < len(rows) <= 40
        ids += [r[0] for r in rows[1:]]
    assert ids == [r[measures.field_names[0]] for r in expected]


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_parquet_from_the_csv_in_row_groups_has_the_bytes_pandas_wrote(table, tmp_path, monkeypatch):
    """The Parquet download is streamed from the CSV by pyarrow (issue 16), not built as a DataFrame: a table
    of one row group has the very bytes the pandas path wrote, and a longer one, written in fixed row groups,
    reads back to the same frame with the same dtypes."""
    import pyarrow.parquet as pq

    from yanglao.publish import exports

    shipped = ROOT / "datasets" / "latest"
    source = shipped / f"{table.name}.csv"
    path = tmp_path / f"{table.name}.parquet"
    written = exports._ParquetTable(table, path)
    for batch in exports.csv_batches(table, source):
        written.add(batch)
    written.close()
    before = exports.parquet_bytes(table, exports.read_csv_rows(source))
    assert path.read_bytes() == before

    monkeypatch.setattr(exports, "PARQUET_ROW_GROUP", 7)
    small = tmp_path / f"{table.name}-7.parquet"
    written = exports._ParquetTable(table, small)
    for batch in exports.csv_batches(table, source):
        written.add(batch)
    written.close()
    rows = len(exports.read_csv_rows(source))
    assert pq.ParquetFile(small).metadata.num_row_groups == max(1, -(-rows // 7))
    pd.testing.assert_frame_equal(pd.read_parquet(small), pd.read_parquet(path))


def test_sheet_rows_made_by_arrow_escape_cut_and_type_every_cell():
    """The table sheets' XML is made column-wise by Arrow (issue 16: XlsxWriter's call per cell was most of
    a publish): markup escaped, control characters as XlsxWriter writes them, text cut at Excel's cell
    limit, numbers and booleans typed, a null no cell at all."""
    import xml.etree.ElementTree as ET

    import pyarrow as pa

    from yanglao.publish.exports import _sheet_rows

    long = "长" * (EXCEL_CELL_LIMIT + 10)
    batch = pa.RecordBatch.from_pydict(
        {
            "text": pa.array(["a<b & c>d", " 空格 ", None, "x\x01y", long], type=pa.large_string()),
            "n": pa.array([1, None, 3, 4, 5], type=pa.int64()),
            "x": pa.array([1.5, 150000.0, None, 0.25, 2.0], type=pa.float64()),
            "b": pa.array([True, False, None, True, False]),
        }
    )
    xml = _sheet_rows(batch, ["A", "B", "C", "D"], 2).decode("utf-8")
    rows = ET.fromstring(f'<sheetData xmlns="urn:x">{xml}</sheetData>')
    ns = "{urn:x}"
    got = []
    for row in rows:
        cells = {}
        for cell in row:
            text = cell.find(f"{ns}is/{ns}t")
            value = text.text if text is not None else cell.find(f"{ns}v").text
            cells[cell.get("r")] = (cell.get("t"), value)
        got.append((row.get("r"), cells))
    assert [r for r, _ in got] == ["2", "3", "4", "5", "6"]
    assert got[0][1] == {
        "A2": ("inlineStr", "a<b & c>d"),
        "B2": (None, "1"),
        "C2": (None, "1.5"),
        "D2": ("b", "1"),
    }
    assert got[1][1]["A3"] == ("inlineStr", " 空格 ") and "B3" not in got[1][1]
    assert float(got[1][1]["C3"][1]) == 150000 and got[1][1]["D3"] == ("b", "0")
    assert set(got[2][1]) == {"B4"}
    assert got[3][1]["A5"] == ("inlineStr", "x_x0001_y")
    cut = got[4][1]["A6"][1]
    assert len(cut) == EXCEL_CELL_LIMIT and cut.endswith(TRUNCATED_MARK)


def _release_with_targets_changed(latest: Path, folder: Path) -> dict:
    """`folder` with the CSVs of the bundled release, its targets but the last; the descriptor, a day later."""
    folder.mkdir()
    for table in TABLES:
        (folder / f"{table.name}.csv").write_bytes((latest / f"{table.name}.csv").read_bytes())
    lines = (latest / "targets.csv").read_bytes().splitlines(keepends=True)
    (folder / "targets.csv").write_bytes(b"".join(lines[:-1]))
    descriptor = json.loads((latest / "datapackage.json").read_text(encoding="utf-8"))
    return {**descriptor, "created": "2030-01-02T03:04:05Z"}


def test_unchanged_tables_downloads_are_copied_from_the_previous_release_as_the_same_bytes(
    latest, tmp_path, monkeypatch
):
    """A one-document change leaves most tables as they were: their Parquet files are linked from the previous
    release and their sheets' compressed bytes copied from its workbook (`PreviousDownloads`), not made again;
    the workbook and every Parquet file are the bytes made afresh. A Parquet file that is not the one its
    release recorded is made afresh, and nothing is copied from downloads that other code or libraries made."""
    from yanglao.publish import exports
    from yanglao.publish.exports import PreviousDownloads, parquet_name, recorded_hashes, write_downloads

    previous = tmp_path / "previous"
    previous.mkdir()
    for name in ("datapackage.json", "release.json", WORKBOOK, *(parquet_name(t.name) for t in TABLES)):
        (previous / name).write_bytes((latest / name).read_bytes())
    (previous / "measures.parquet").write_bytes((previous / "measures.parquet").read_bytes() + b"\0")
    fresh, copied = tmp_path / "fresh", tmp_path / "copied"
    descriptor = _release_with_targets_changed(latest, fresh)
    _release_with_targets_changed(latest, copied)
    rows = {t.name: len(csv_rows(fresh / f"{t.name}.csv")) for t in TABLES}
    unchanged = frozenset(t.name for t in TABLES if t.name != "targets")

    made = write_downloads(fresh, descriptor, "citation")
    read: list[str] = []
    batches = exports.csv_batches
    monkeypatch.setattr(
        exports, "csv_batches", lambda table, *a: read.append(table.name) or batches(table, *a)
    )
    before = json.loads((previous / "datapackage.json").read_text(encoding="utf-8"))
    recorded, made_by = recorded_hashes(before), before["yanglao"]["downloads_made_by"]
    other = tmp_path / "other"
    _release_with_targets_changed(latest, other)
    # made by other code or libraries (the fingerprint recorded differs): nothing is copied
    elsewhere = PreviousDownloads(previous, unchanged, rows, recorded, "0" * 16)
    assert write_downloads(other, descriptor, "citation", previous=elsewhere) == made
    assert sorted(set(read)) == sorted(t.name for t in TABLES)
    read.clear()
    reused = write_downloads(
        copied,
        descriptor,
        "citation",
        previous=PreviousDownloads(previous, unchanged, rows, recorded, made_by),
    )
    assert reused == made  # file name → (sha256, bytes)
    for name in made:
        assert (copied / name).read_bytes() == (fresh / name).read_bytes(), name
    assert sorted(set(read)) == ["measures", "targets"]  # made afresh: the changed one, the damaged one
    assert (copied / "subsidies.parquet").stat().st_ino == (previous / "subsidies.parquet").stat().st_ino
