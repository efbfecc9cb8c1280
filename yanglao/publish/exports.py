"""Downloads for people who do not code: an XLSX workbook and a Parquet file per table.

Both are streamed from the release's CSVs, each CSV read once for both (pyarrow's CSV reader; the
Parquet file in fixed row groups, the workbook by XlsxWriter in constant-memory mode), and listed
with their sha256 and size in its `datapackage.json` (`parquet` on each resource, the workbook
under `downloads`). The CSVs stay plain UTF-8 (no byte-order mark): the landing page says how
to open them in Excel (数据 → 自文本/CSV → 文件原始格式 65001: Unicode (UTF-8)).

The workbook's first sheet says what the data is, its licence, how to cite this version and
what every column means; then one sheet per table, with Chinese headers (the English names are
on the first sheet). Excel holds at most 32,767 characters in a cell: a longer document text is
cut there and ends with `TRUNCATED_MARK` (the full text is in documents.csv). The bytes are
reproducible: the zip entries and the workbook's own dates are set to the release's creation
time. The Parquet files hold only the data, and their bytes are the same whenever the data is: their
hashes are in `release.json` with the CSVs', so `yanglao rebuild` checks them. The workbook also names
its release (version, date, citation), which a rebuild on another day gives differently, so it is
listed with its hash in `datapackage.json` only.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import shutil
import struct
import tempfile
import zipfile
import zlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pandas as pd

from yanglao.fields import TABLES, Table, column_label
from yanglao.jsonfile import read_members
from yanglao.memory import return_free_memory

WORKBOOK = "yanglao-data.xlsx"
EXCEL_CELL_LIMIT = 32_767
TRUNCATED_MARK = "…[超出 Excel 单元格上限,全文见 documents.csv / cut at Excel's cell limit]"
PANDAS_TYPES = {"integer": "Int64", "number": "Float64", "boolean": "boolean"}


def parquet_name(table: str) -> str:
    """The file name of a table's Parquet download."""
    return f"{table}.parquet"


def sheet_name(table: Table) -> str:
    """`量化目标 targets`: Chinese first, the table's name for whoever matches sheets to files."""
    return f"{table.title_zh} {table.name}"[:31]


def frame(table: Table, rows: list[dict]) -> pd.DataFrame:
    """The rows as a typed DataFrame in the table's column order (nullable integers, numbers, booleans)."""
    data = pd.DataFrame.from_records(
        [[row.get(name) for name in table.field_names] for row in rows], columns=table.field_names
    )
    for f in table.fields:
        column = data[f.name].replace("", None)
        if f.type == "boolean":
            column = column.map(lambda v: v if v is None or isinstance(v, bool) else str(v).lower() == "true")
        if f.type in PANDAS_TYPES:
            # coerce: a value that breaks its type fails validation after this, and nothing is published
            data[f.name] = pd.to_numeric(column, errors="coerce") if f.type != "boolean" else column
            data[f.name] = data[f.name].astype(PANDAS_TYPES[f.type])
        else:
            data[f.name] = column.astype("string")
    return data


def parquet_bytes(table: Table, rows: list[dict]) -> bytes:
    """A table's Parquet file, written through pandas from the release's CSV so both agree."""
    out = io.BytesIO()
    frame(table, rows).to_parquet(out, engine="pyarrow", index=False, compression="zstd")
    return out.getvalue()


def _about_rows(descriptor: dict, citation: str) -> list[list[str]]:
    rows = [
        ["数据集 / Dataset", descriptor["title"]],
        ["说明 / About", descriptor["description"]],
        ["版本 / Version", descriptor["version"]],
        ["发布时间 / Created", descriptor["created"]],
        ["许可 / Licence", f"{descriptor['licenses'][0]['title']} ({descriptor['licenses'][0]['path']})"],
        ["引用 / How to cite", citation],
        ["网址 / Homepage", descriptor.get("homepage", "")],
        ["", ""],
        ["工作表 / Sheet · 列 / Column", "中文 / English"],
    ]
    for table in TABLES:
        rows.append([sheet_name(table), f"{table.description_zh} / {table.description_en}"])
        for f in table.fields:
            rows.append([f"  {column_label(table.name, f.name)} ({f.name})", f"{f.zh} / {f.en}"])
    return rows


def _excel_text(value):
    if isinstance(value, str) and len(value) > EXCEL_CELL_LIMIT:
        return value[: EXCEL_CELL_LIMIT - len(TRUNCATED_MARK)] + TRUNCATED_MARK
    return value


def workbook_bytes(tables: dict[str, list[dict]], descriptor: dict, citation: str) -> bytes:
    """The XLSX workbook: the about sheet, then a sheet per table with Chinese headers."""
    out = io.BytesIO()
    with pd.ExcelWriter(out, engine="openpyxl") as writer:
        about = pd.DataFrame(_about_rows(descriptor, citation), columns=["项目 / Item", "内容 / Content"])
        about.to_excel(writer, sheet_name="说明 About", index=False)
        for table in TABLES:
            data = frame(table, tables.get(table.name, []))
            for column in data.columns[data.dtypes == "string"]:
                data[column] = data[column].map(_excel_text, na_action="ignore")
            data.columns = [column_label(table.name, name) for name in table.field_names]
            data.to_excel(writer, sheet_name=sheet_name(table), index=False)
            sheet = writer.sheets[sheet_name(table)]
            sheet.freeze_panes = "A2"
        writer.sheets["说明 About"].column_dimensions["A"].width = 36
        writer.sheets["说明 About"].column_dimensions["B"].width = 120
    return reproducible_zip(out.getvalue(), descriptor["created"])


_W3CDTF = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


#: zlib's fastest level for the workbook's entries. Measured on the 10,000-document benchmark release (392 MB
#: of sheet XML): level 6 (zlib's default) 8.3 s and 69.9 MB, level 3 4.0 s and 78.3 MB, level 1 2.6 s and
#: 85.4 MB. Compressing was a quarter of publishing a one-document change; a fifth more bytes in a download
#: that has the CSVs, JSON and Parquet files beside it is the cheaper cost. The entries are deflated by ISA-L
#: (python-isal) at its level 1, not by zlib: the documents sheet of that release (113.5 MB of XML) in 0.25 s
#: of CPU and 35.9 MB, against zlib's 0.89 s and 35.2 MB at its level 1 (BENCHMARKS.md, twentieth round).
WORKBOOK_DEFLATE_LEVEL = 1
#: ISA-L's output depends on how its input is cut into calls: the entries are given to it in blocks of this
#: size whatever the pieces they are written in, so that the same entry is the same bytes.
DEFLATE_BLOCK = 1 << 20


def reproducible_zip(data: bytes, created: str) -> bytes:
    """The same zip with every entry dated `created` and the workbook's own dates set to it."""
    out = io.BytesIO()
    _rezip(io.BytesIO(data), out, created)
    return out.getvalue()


def _rezip(
    source_file, target_file, created: str, splices: dict | None = None, copies: tuple | None = None
) -> None:
    """`reproducible_zip` from one file object to another: one entry in memory at a time, not the whole zip.
    `splices`: entry name → what writes that entry with more rows (`_SheetRows`), streamed into the zip.
    `copies`: (a workbook, entry name → its entry): entries whose compressed bytes are copied from there."""
    when = datetime.strptime(created, "%Y-%m-%dT%H:%M:%SZ")
    with (
        zipfile.ZipFile(source_file) as source,
        zipfile.ZipFile(target_file, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            body = source.read(item.filename)
            if item.filename == "docProps/core.xml":
                body = _W3CDTF.sub(rb"\g<1>" + created.encode() + rb"\g<2>", body)
            info = zipfile.ZipInfo(item.filename, date_time=when.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            if copies is not None and item.filename in copies[1]:
                _copy_entry(copies[0], copies[1][item.filename], target, info)
                continue
            splice = (splices or {}).get(item.filename)
            if splice is None:
                _write_deflated(target, info, [body], len(body))
            else:
                _write_deflated(target, info, splice.chunks(body), splice.size(body))


def _write_deflated(target: zipfile.ZipFile, info: zipfile.ZipInfo, chunks, size: int) -> None:
    """Write `info` into `target` with the `size` bytes of `chunks`, deflated by ISA-L: the entry that
    `target.open(info, "w")` writes, with another deflater (zipfile's is zlib's, and it takes no other)."""
    from isal import isal_zlib

    if not target._seekable:
        raise ValueError("the workbook is written to a file it can seek in")
    info.file_size, info.CRC, info.compress_size, info.flag_bits = size, 0, 0, 0
    zip64 = target._allowZip64 and size * 1.05 > zipfile.ZIP64_LIMIT  # as _open_to_write decides
    _open_entry(target, info, zip64)
    # raw deflate (no zlib header), as a zip entry holds it
    deflate = isal_zlib.compressobj(WORKBOOK_DEFLATE_LEVEL, isal_zlib.DEFLATED, -15)
    crc = read = written = 0
    for block in deflate_blocks(chunks):
        crc = zlib.crc32(block, crc)
        read += len(block)
        out = deflate.compress(block)
        target.fp.write(out)
        written += len(out)
    out = deflate.flush()
    target.fp.write(out)
    written += len(out)
    if read != size:
        raise ValueError(f"{info.filename}: {read:,} bytes written where {size:,} were announced")
    if not zip64 and max(read, written) > zipfile.ZIP64_LIMIT:
        raise RuntimeError(f"{info.filename}: too large for an entry without zip64")
    info.CRC, info.compress_size = crc, written
    end = target.fp.tell()
    target.fp.seek(info.header_offset)  # the header again, now with the CRC and sizes (as zipfile does)
    target.fp.write(info.FileHeader(zip64))
    target.fp.seek(end)
    _close_entry(target, info)


def deflate_blocks(chunks, size: int = DEFLATE_BLOCK):
    """The bytes of `chunks` again, in blocks of exactly `size` (the last one shorter, none empty)."""
    pending = b""
    for chunk in chunks:
        data = pending + chunk if pending else chunk
        view, start = memoryview(data), 0
        while len(data) - start >= size:
            yield view[start : start + size]
            start += size
        pending = bytes(view[start:])
    if pending:
        yield pending


def _open_entry(target: zipfile.ZipFile, info: zipfile.ZipInfo, zip64: bool) -> None:
    """The entry's local header at the end of `target`'s entries (what `ZipFile._open_to_write` does)."""
    target.fp.seek(target.start_dir)
    info.header_offset = target.fp.tell()
    target._writecheck(info)
    target._didModify = True
    target.fp.write(info.FileHeader(zip64))


def _close_entry(target: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """The entry listed, the next one to follow it (what `_ZipWriteFile.close` does)."""
    target.start_dir = target.fp.tell()
    target.filelist.append(info)
    target.NameToInfo[info.filename] = info


def _copy_entry(source: zipfile.ZipFile, name: str, target: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Write `info` into `target` with the compressed bytes, CRC and sizes of `name` in `source`: the bytes
    `_write_deflated` writes for the same content, without compressing it again."""
    before = source.getinfo(name)
    if before.compress_type != zipfile.ZIP_DEFLATED or before.flag_bits & 0x08:
        raise ValueError(f"{name}: not an entry this code writes")
    info.CRC, info.compress_size, info.file_size = before.CRC, before.compress_size, before.file_size
    info.flag_bits = 0
    zip64 = target._allowZip64 and info.file_size * 1.05 > zipfile.ZIP64_LIMIT  # as _open_to_write decides
    _open_entry(target, info, zip64)
    source.fp.seek(before.header_offset + _local_header_size(source, before))  # the data: after its header
    left = before.compress_size
    while left:
        block = source.fp.read(min(left, 1 << 20))
        if not block:
            raise ValueError(f"{name}: the workbook ends inside it")
        target.fp.write(block)
        left -= len(block)
    _close_entry(target, info)


def _local_header_size(source: zipfile.ZipFile, info: zipfile.ZipInfo) -> int:
    source.fp.seek(info.header_offset)
    header = source.fp.read(zipfile.sizeFileHeader)
    fields = struct.unpack(zipfile.structFileHeader, header)
    return (
        zipfile.sizeFileHeader + fields[zipfile._FH_FILENAME_LENGTH] + fields[zipfile._FH_EXTRA_FIELD_LENGTH]
    )


def rows_of_csv(data: bytes) -> list[dict]:
    """The records of a release CSV as dicts of text (an empty cell is null)."""
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


def read_csv_rows(path: Path) -> list[dict]:
    """The records of a release CSV file as dicts of text (an empty cell is null)."""
    csv.field_size_limit(1 << 30)
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def download_files(csv_files: dict[str, bytes], descriptor: dict, citation: str) -> dict[str, bytes]:
    """Every download of a release by file name, made from its CSVs (`<table>.csv` → bytes), so that
    they hold exactly the published rows: the workbook and a Parquet file per table."""
    csv.field_size_limit(1 << 30)
    tables = {t.name: rows_of_csv(csv_files[f"{t.name}.csv"]) for t in TABLES}
    files = {parquet_name(t.name): parquet_bytes(t, tables[t.name]) for t in TABLES}
    files[WORKBOOK] = workbook_bytes(tables, descriptor, citation)
    return files


@dataclass(frozen=True)
class PreviousDownloads:
    """The downloads of the previous release, written by the same code, and the tables whose CSV is byte for
    byte the one there (`tables`): their Parquet files and their sheets of the workbook are the same bytes,
    so they are copied rather than made again (`rows`: every table's row count in the new release, for the
    sheets a long table takes; `recorded`: file name → hash as that release's descriptor lists its downloads,
    `recorded_hashes`)."""

    release: Path
    tables: frozenset[str]
    rows: dict[str, int]
    recorded: dict[str, str]
    made_by: str | None = None  # the previous release's `downloads_fingerprint`, as its descriptor records it


def downloads_fingerprint() -> str:
    """What a table's downloads depend on besides its CSV: the publishing code, the field definitions (labels,
    types) and the versions of the libraries that write them. A release records it (`datapackage.json`,
    `yanglao.downloads_made_by`); downloads are copied only from a release that records the same (a run that
    publishes nothing also records the code as the latest release's, so the code record alone cannot say)."""
    import isal
    import pandas
    import pyarrow
    import xlsxwriter

    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for path in sorted([*(package / "publish").glob("*.py"), package / "fields.py"]):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    versions = (
        pyarrow.__version__,
        pandas.__version__,
        xlsxwriter.__version__,
        zlib.ZLIB_RUNTIME_VERSION,
        isal.__version__,
        deflater_signature(),
    )
    digest.update("\0".join(versions).encode())
    return digest.hexdigest()[:16]


def deflater_signature() -> str:
    """What the workbook's deflater makes of a fixed sample of sheet XML, hashed. ISA-L picks its code by the CPU
    it runs on (a review found a machine without SSE4.2 deflating the same entry to other bytes at level 1, and
    level 3 differing with AVX512): entries copied from a workbook made elsewhere must be what this machine makes."""
    from isal import isal_zlib

    sample = "".join(
        f'<row r="{i}"><c r="A{i}" t="inlineStr"><is><t xml:space="preserve">到{2020 + i % 11}年,'
        f"社区养老服务设施覆盖率达到{i * 7919 % 101}%,新增床位{i * 104729 % 100003}张</t></is></c>"
        f'<c r="B{i}"><v>{i * 0.37:.2f}</v></c></row>'
        for i in range(3000)
    ).encode()
    deflate = isal_zlib.compressobj(WORKBOOK_DEFLATE_LEVEL, isal_zlib.DEFLATED, -15)
    made = b"".join(deflate.compress(block) for block in deflate_blocks([sample])) + deflate.flush()
    return hashlib.sha256(made).hexdigest()[:16]


def recorded_hashes(descriptor: dict) -> dict[str, str]:
    """File name → "sha256:…" of every download a release's descriptor lists (Parquet files, the workbook)."""
    recorded = {d["path"]: d["hash"] for d in descriptor.get("downloads", [])}
    return recorded | {
        r["parquet"]["path"]: r["parquet"]["hash"] for r in descriptor["resources"] if "parquet" in r
    }


def write_downloads(
    folder: Path,
    descriptor: dict,
    citation: str,
    largest: dict[str, int] | None = None,
    previous: PreviousDownloads | None = None,
) -> dict[str, tuple[str, int]]:
    """Write every download of a release into `folder`, from the CSVs already written there, each CSV read
    once for both downloads; returns file name → (sha256, bytes).

    Why (issue 16): the downloads were most of a publish (a pandas DataFrame per table for Parquet, then
    each CSV parsed again in Python for openpyxl). Now pyarrow's CSV reader streams each table in blocks,
    each block goes to the table's Parquet file (row groups of `PARQUET_ROW_GROUP` rows, typed as
    `frame` types it, with pandas' metadata so pandas reads back the same dtypes) and to its sheet of the
    workbook (sheet XML made by Arrow, spliced into XlsxWriter's workbook: see `_write_workbook`).

    `largest`: the bytes of each table's longest CSV record, when the writer measured them: the CSV is then
    read in blocks just big enough for it (Arrow reads ahead many blocks: memory follows the block size).

    `previous`: the unchanged tables' Parquet files are linked from the previous release and their sheets'
    compressed bytes copied from its workbook (a one-document change left most tables as they were, and making
    their sheets again was half of publishing it). The bytes are those made afresh; tables are made afresh
    when the previous files are not as that release recorded them.
    """
    _write_workbook(
        folder / WORKBOOK,
        folder,
        descriptor,
        citation,
        parquet_folder=folder,
        largest=largest,
        previous=_usable(previous),
    )
    return {name: _file_digest(folder / name) for name in [*(parquet_name(t.name) for t in TABLES), WORKBOOK]}


def _file_digest(path: Path) -> tuple[str, int]:
    data_hash, size = hashlib.sha256(), 0
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            data_hash.update(block)
            size += len(block)
    return data_hash.hexdigest(), size


#: Rows per Parquet row group: fixed, so that the file's bytes depend on the rows alone (not on how the CSV
#: was read in blocks); a table of fewer rows is one row group, as pandas wrote it.
PARQUET_ROW_GROUP = 65_536
#: Arrow's CSV reader reads many blocks ahead (~30): 1 MB blocks keep that to tens of MB, where 4 MB blocks
#: held ~140 MB (BENCHMARKS.md, fourth round). A record must fit in a block: a table whose longest record is
#: not known, or longer, is read in blocks of `_CSV_BLOCK` or twice its longest record.
_CSV_SMALL_BLOCK = 1 << 20
#: Fewer rows per group for tables of long rows: a row group is held whole (and copied once) before it is
#: written, and 65,536 documents with their texts are ~650 MB. Measured on the 10,000-document benchmark
#: release, the downloads' peak: 344 MB with 65,536-row groups, 287 with 1,024 / 16,384, 244 with these.
LONG_ROW_GROUPS = {
    "documents": 256,
    "measures": 4_096,
    "targets": 4_096,
    "subsidies": 4_096,
    "doubtful": 4_096,
}


def row_group_rows(table: Table) -> int:
    """Rows per Parquet row group of a table."""
    return min(PARQUET_ROW_GROUP, LONG_ROW_GROUPS.get(table.name, PARQUET_ROW_GROUP))


_CSV_BLOCK = 4 << 20


def arrow_schema(table: Table):
    """The Parquet schema of a table: `frame`'s types, with the pandas metadata that restores them."""
    import pyarrow as pa

    return pa.Schema.from_pandas(frame(table, []), preserve_index=False)


def block_size(largest: int | None) -> int:
    """The CSV block size for a table whose longest record has `largest` bytes (None: not known)."""
    if largest is None:
        return _CSV_BLOCK
    return max(_CSV_SMALL_BLOCK, 2 * largest)


def csv_batches(table: Table, path: Path, block: int = _CSV_BLOCK):
    """The rows of a release CSV as Arrow record batches typed by `arrow_schema` (an empty cell is null).

    Raises `ValueError` when a cell does not have its column's type (validation has said so before)."""
    import pyarrow as pa
    from pyarrow import csv as pacsv

    schema = arrow_schema(table)
    options = pacsv.ConvertOptions(
        column_types={f.name: f.type for f in schema},
        null_values=[""],
        strings_can_be_null=True,
        quoted_strings_can_be_null=True,
        true_values=["true"],
        false_values=["false"],
    )
    try:
        with pacsv.open_csv(
            path,
            read_options=pacsv.ReadOptions(use_threads=False, block_size=block),
            parse_options=pacsv.ParseOptions(newlines_in_values=True),
            convert_options=options,
        ) as reader:
            yield from reader
    except pa.ArrowInvalid as error:
        raise ValueError(f"{table.name}.csv: {error}") from error


class _ParquetTable:
    """A table's Parquet file written in fixed row groups from record batches as they come."""

    def __init__(self, table: Table, path: Path):
        import pyarrow.parquet as pq

        self.schema = arrow_schema(table)
        self.group = row_group_rows(table)
        self.writer = pq.ParquetWriter(path, self.schema, compression="zstd")
        self.pending: list = []
        self.rows = 0
        self.written = 0

    def add(self, batch) -> None:
        self.pending.append(batch)
        self.rows += batch.num_rows
        if self.rows >= self.group:
            self._flush(final=False)

    def _flush(self, final: bool) -> None:
        import pyarrow as pa

        data = pa.Table.from_batches(self.pending, schema=self.schema)
        while data.num_rows >= self.group:
            self._write(data.slice(0, self.group))
            data = data.slice(self.group)
        if final and (data.num_rows or not self.written):
            self._write(data)
            data = data.slice(data.num_rows)
        self.pending, self.rows = data.to_batches(), data.num_rows

    def _write(self, data) -> None:
        self.writer.write_table(data.combine_chunks(), row_group_size=self.group)
        self.written += 1

    def close(self) -> None:
        self._flush(final=True)
        self.writer.close()


# A worksheet holds at most 1,048,576 rows (Excel's limit): a longer table goes on to further sheets.
EXCEL_MAX_ROWS = 1_048_576


def sheet_parts(rows: int, max_rows: int = EXCEL_MAX_ROWS) -> int:
    """How many sheets a table of `rows` rows takes: each holds the header and `max_rows` - 1 rows."""
    return max(1, -(-rows // (max_rows - 1)))


def link_or_copy(source: Path, target: Path) -> None:
    """A second name for a published file, or a copy where the file system cannot link (another device).

    Why: latest/ is a copy of the newest release, and copying every byte of it again (gigabytes at 100,000
    documents) was a large part of publishing a one-document change. A release's files are never written
    again in place (every step writes a new file and renames it), so the two names stay the same bytes.
    """
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _usable(previous: PreviousDownloads | None) -> PreviousDownloads | None:
    """`previous` with the tables whose Parquet file there is the one that release recorded; None when its
    workbook is not, or its sheets are laid out otherwise (a table that now takes more or fewer sheets)."""
    if previous is None or not previous.tables or previous.made_by != downloads_fingerprint():
        return None
    release, recorded = previous.release, previous.recorded
    try:  # the row counts only: release.json also holds every snapshot and source (43 MB at 100,000)
        counts = read_members(release / "release.json", {"row_counts"})["row_counts"]
    except (OSError, ValueError, KeyError):
        return None
    if any(sheet_parts(counts.get(t.name, 0)) != sheet_parts(previous.rows.get(t.name, 0)) for t in TABLES):
        return None
    if not _has_hash(release / WORKBOOK, recorded.get(WORKBOOK)):
        return None
    tables = {
        t for t in previous.tables if _has_hash(release / parquet_name(t), recorded.get(parquet_name(t)))
    }
    return (
        PreviousDownloads(release, frozenset(tables), previous.rows, recorded, previous.made_by)
        if tables
        else None
    )


def _has_hash(path: Path, recorded: str | None) -> bool:
    return recorded is not None and path.exists() and f"sha256:{_file_digest(path)[0]}" == recorded


def _write_workbook(
    path: Path,
    folder: Path,
    descriptor: dict,
    citation: str,
    max_rows: int = EXCEL_MAX_ROWS,
    parquet_folder: Path | None = None,
    largest: dict[str, int] | None = None,
    previous: PreviousDownloads | None = None,
) -> None:
    """The workbook of `workbook_bytes`, streamed: each table's rows read from its CSV in `folder` (and, with
    `parquet_folder`, written there as the table's Parquet file in the same pass). A table longer than a
    sheet continues on `… (2)`, `… (3)`, each with the header row, so that Excel opens it.

    XlsxWriter writes the workbook with the about sheet and each table sheet's header; the table rows are
    made as sheet XML a block at a time by Arrow's compute functions (`_sheet_rows`: no Python call per
    cell, which was most of a publish) and spliced into their sheets when the zip is written reproducibly.
    """
    import xlsxwriter

    with tempfile.TemporaryDirectory(dir=path.parent, prefix=".sheets-") as scratch_dir:
        scratch = Path(scratch_dir)
        book = xlsxwriter.Workbook(
            str(scratch / "plain.xlsx"),
            {
                "constant_memory": True,
                "strings_to_formulas": False,
                "strings_to_urls": False,
                "tmpdir": scratch_dir,
            },
        )
        header = book.add_format({"bold": True, "border": 1, "align": "center", "valign": "top"})
        about = book.add_worksheet("说明 About")
        about.set_column(0, 0, 36)
        about.set_column(1, 1, 120)
        about.write_row(0, 0, ["项目 / Item", "内容 / Content"], header)
        for i, row in enumerate(_about_rows(descriptor, citation), start=1):
            about.write_row(i, 0, row)
        sheets: list[_SheetRows] = []
        copied: dict[str, str] = {}  # sheet entry → the same entry of the previous workbook
        for table in TABLES:
            if previous is not None and table.name in previous.tables and parquet_folder is not None:
                for part in range(1, sheet_parts(previous.rows[table.name], max_rows) + 1):
                    sheet = _SheetRows(book, table, part, header, scratch, len(sheets) + 2)
                    sheet.close()
                    sheets.append(sheet)
                    copied[sheet.entry] = sheet.entry
                link_or_copy(
                    previous.release / parquet_name(table.name), parquet_folder / parquet_name(table.name)
                )
                continue
            parquet = (
                _ParquetTable(table, parquet_folder / parquet_name(table.name)) if parquet_folder else None
            )
            parts: list[_SheetRows] = []
            block = block_size((largest or {}).get(table.name))
            for batch in csv_batches(table, folder / f"{table.name}.csv", block):
                if parquet is not None:
                    parquet.add(batch)
                start = 0
                while start < batch.num_rows:
                    if not parts or parts[-1].rows >= max_rows:
                        parts.append(
                            _SheetRows(book, table, len(parts) + 1, header, scratch, len(sheets) + 2)
                        )
                        sheets.append(parts[-1])
                    take = min(batch.num_rows - start, max_rows - parts[-1].rows)
                    parts[-1].add(batch.slice(start, take))
                    start += take
            if not parts:
                sheets.append(_SheetRows(book, table, 1, header, scratch, len(sheets) + 2))
            if parquet is not None:
                parquet.close()
            return_free_memory()  # a table's buffers, before the next table's: the peak is one table's
        for sheet in sheets:
            sheet.close()
        book.close()
        splices = {s.entry: s for s in sheets if s.entry not in copied}
        with (scratch / "plain.xlsx").open("rb") as source, path.open("wb") as target:
            if not copied:
                _rezip(source, target, descriptor["created"], splices)
                return
            with zipfile.ZipFile(previous.release / WORKBOOK) as before:  # type: ignore[union-attr]
                _rezip(source, target, descriptor["created"], splices, (before, copied))


class _SheetRows:
    """One table sheet of the workbook: XlsxWriter writes its header; its rows go to a file of sheet XML."""

    def __init__(self, book, table: Table, part: int, header, scratch: Path, number: int):
        from xlsxwriter.utility import xl_col_to_name

        name = sheet_name(table) if part == 1 else f"{sheet_name(table)[:26]} ({part})"
        sheet = book.add_worksheet(name)
        sheet.freeze_panes(1, 0)
        sheet.write_row(0, 0, [column_label(table.name, n) for n in table.field_names], header)
        self.entry = (
            f"xl/worksheets/sheet{number}.xml"  # XlsxWriter numbers sheets in the order they are added
        )
        self.letters = [xl_col_to_name(i) for i in range(len(table.field_names))]
        self.path = scratch / f"sheet{number}.rows"
        self.file = self.path.open("wb")
        self.rows = 1  # the header

    def add(self, batch) -> None:
        self.file.write(_sheet_rows(batch, self.letters, self.rows + 1))
        self.rows += batch.num_rows

    def close(self) -> None:
        self.file.close()

    def _parts(self, body: bytes) -> tuple[bytes, bytes]:
        """XlsxWriter's sheet XML (header only) before and after where the rows go, its dimension made whole."""
        head, tail = body.split(b"</sheetData>", 1)
        if self.rows > 1:
            head = re.sub(
                rb'<dimension ref="[^"]*"/>',
                f'<dimension ref="A1:{self.letters[-1]}{self.rows}"/>'.encode(),
                head,
                count=1,
            )
        return head, b"</sheetData>" + tail

    def chunks(self, body: bytes):
        """The sheet XML `body` (XlsxWriter's, header only) with the rows inserted, a piece at a time."""
        head, tail = self._parts(body)
        yield head
        with self.path.open("rb") as rows:
            yield from iter(lambda: rows.read(DEFLATE_BLOCK), b"")
        yield tail

    def size(self, body: bytes) -> int:
        """The bytes `chunks` gives."""
        head, tail = self._parts(body)
        return len(head) + self.path.stat().st_size + len(tail)


_CONTROL = "[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]"


def _xml_text(column):
    """An Arrow string column as the text of inline-string cells: escaped, cut at Excel's cell limit."""
    import pyarrow as pa
    import pyarrow.compute as pc

    column = column.cast(pa.large_string())
    too_long = pc.greater(pc.utf8_length(column), EXCEL_CELL_LIMIT)
    if pc.any(too_long).as_py():
        column = pa.array([_excel_text(v) for v in column.to_pylist()], type=pa.large_string())
    if pc.any(pc.match_substring_regex(column, _CONTROL)).as_py():  # as XlsxWriter writes them: _xHHHH_
        column = pa.array(
            [
                None if v is None else re.sub(_CONTROL, lambda m: f"_x{ord(m[0]):04X}_", v)
                for v in column.to_pylist()
            ],
            type=pa.large_string(),
        )
    for char, entity in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\r", "&#13;")):
        column = pc.replace_substring(column, char, entity)
    return column


def _sheet_rows(batch, letters: list[str], first: int) -> bytes:
    """The sheet XML of a block of rows (`first`: the sheet row number of its first), made column-wise by
    Arrow: a string is an inline string, a number a value, a boolean `t="b"`, a null no cell at all."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    def text(value: str):
        return pa.scalar(value, pa.large_string())

    numbers = pa.array(np.arange(first, first + batch.num_rows, dtype=np.int64)).cast(pa.large_string())
    cells = []
    for letter, column in zip(letters, batch.columns, strict=True):
        if pa.types.is_boolean(column.type):
            kind, value = ' t="b"><v>', pc.if_else(column, text("1"), text("0")).cast(pa.large_string())
            close = "</v></c>"
        elif pa.types.is_integer(column.type) or pa.types.is_floating(column.type):
            kind, value, close = "><v>", column.cast(pa.large_string()), "</v></c>"
        else:
            kind, value = ' t="inlineStr"><is><t xml:space="preserve">', _xml_text(column)
            close = "</t></is></c>"
        cell = pc.binary_join_element_wise(
            text(f'<c r="{letter}'), numbers, text('"' + kind), value, text(close), text("")
        )
        cells.append(pc.fill_null(cell, text("")))
    rows = pc.binary_join_element_wise(
        text('<row r="'), numbers, text('">'), *cells, text("</row>"), text("")
    )
    return b"".join(_string_bytes(chunk) for chunk in (rows.chunks if hasattr(rows, "chunks") else [rows]))


def _string_bytes(array) -> bytes:
    """The characters of a string array without nulls, concatenated (read from its buffers)."""
    import numpy as np

    offsets = np.frombuffer(array.buffers()[1], dtype=np.int64)[array.offset : array.offset + len(array) + 1]
    if not len(array):
        return b""
    return memoryview(array.buffers()[2])[offsets[0] : offsets[-1]].tobytes()


def describe_downloads(
    descriptor: dict, files: dict[str, bytes] | dict[str, tuple[str, int]], path_prefix: str = ""
) -> dict:
    """The descriptor with each download listed: `parquet` on its resource, the workbook under `downloads`."""

    def sha256(data: bytes) -> str:  # as release.sha256, without importing the module that imports this one
        return hashlib.sha256(data).hexdigest()

    def digest(value: bytes | tuple[str, int]) -> tuple[str, int]:  # bytes, or (sha256, size) when written
        return value if isinstance(value, tuple) else (sha256(value), len(value))

    for resource in descriptor["resources"]:
        data_hash, size = digest(files[parquet_name(resource["name"])])
        resource["parquet"] = {
            "path": f"{path_prefix}{parquet_name(resource['name'])}",
            "format": "parquet",
            "mediatype": "application/vnd.apache.parquet",
            "hash": f"sha256:{data_hash}",
            "bytes": size,
        }
    data_hash, size = digest(files[WORKBOOK])
    descriptor["downloads"] = [
        {
            "name": "workbook",
            "title": "Excel 工作簿(每表一个工作表,中文表头) / Excel workbook (a sheet per table, Chinese headers)",
            "path": f"{path_prefix}{WORKBOOK}",
            "format": "xlsx",
            "mediatype": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "hash": f"sha256:{data_hash}",
            "bytes": size,
        }
    ]
    return descriptor
