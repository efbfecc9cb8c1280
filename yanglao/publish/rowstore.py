"""Tables kept on disk while a release is made, and the last release read one document at a time.

Why: a run used to hold every document (its whole text) and every row of the release in memory at
once, twice over when a previous release was loaded to compare with: ~60 KB per document, 6 GB at
100,000 documents (BENCHMARKS.md). Now

- the rows of the new release are written, document by document in document-id order, to one file
  per table (`TableSpooler`), and every later step reads them back as often as it needs
  (`SpooledTable`), so no step holds more than one document's rows;
- the previous release is read per document from its CSVs by byte range (`RowIndex`, `ReleaseRows`),
  the ranges recorded when the CSVs were written (`state/row_index.json`) or found by one pass over
  them when that record is missing or describes another release;
- the spool a release was published from is kept (`state/release_rows/`, `keep_spooled_release`) with
  where each document's rows are in it, and the next run made by the same code copies the pickled rows of
  the documents it keeps from there, in runs of neighbours, instead of reading their CSV records back
  (`TableSpooler.add_kept`): those rows were placed and checked when they were first spooled.

The release's bytes do not change: the files are written from the same rows in the same order.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import os
import pickle
import shutil
import sys
import weakref
from array import array
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from yanglao.fields import TABLES_BY_NAME, Table
from yanglao.jsonfile import read_members

#: The tables of a release whose rows belong to one document each, in the order of a row index entry.
PER_DOCUMENT_TABLES = ("documents", "measures", "targets", "subsidies", "doubtful")
ROW_INDEX_FILE = "row_index.json"  # in state/: the byte ranges of the latest release's CSVs
SPOOLED_RELEASE = "release_rows"  # in state/: the spool the latest release was published from, and its index
SPANS_FILE, SPANS_DOCUMENTS = "spans.bin", "spans.json"  # in a spool: where each document's rows are, the ids


def row_order(table: Table):
    """The sort key of rows within one document (the release orders documents by id, then this)."""
    pk = table.primary_key
    if "start" in table.field_names:
        return lambda r: (r["start"], -r["end"], r[pk])
    return lambda r: r[pk]


# ---------------------------------------------------------------------------------------------------------
# The new release's rows, on disk.


class SpooledTable:
    """A table's rows in a file of pickled per-document lists, in release order: iterate it as often as
    needed; only one document's rows are in memory at a time. `len` is the row count."""

    ordered = True  # rows come in release order: writers need not sort them

    def __init__(self, path: Path, count: int):
        self.path, self.count = Path(path), count

    def __len__(self) -> int:
        return self.count

    def __bool__(self) -> bool:
        return self.count > 0

    def __iter__(self) -> Iterator[dict]:
        with self.path.open("rb") as f:
            while True:
                try:
                    chunk = pickle.load(f)
                except EOFError:
                    return
                yield from chunk

    def __repr__(self) -> str:
        return f"SpooledTable({self.path.name!r}, {self.count} rows)"


def spool_rows(path: Path, rows: Iterable[dict], chunk: int = 2048) -> SpooledTable:
    """`rows` (in release order) written to `path` and read back as a `SpooledTable`. For a table made outside
    the spooler, such as the sources (one row per registry entry: ~28 MB of dicts at 100,000 documents, by
    tracemalloc, held through the whole publish when it was a list)."""
    count, rows = 0, iter(rows)
    with Path(path).open("wb") as f:
        while group := list(itertools.islice(rows, chunk)):
            pickle.dump(group, f, protocol=pickle.HIGHEST_PROTOCOL)
            count += len(group)
    return SpooledTable(path, count)


class SpooledTables(dict):
    """The tables of a release, per-document ones as `SpooledTable`s; `problems` are the provenance problems
    found as the documents were written (each document is checked when it is added)."""

    problems: list = []  # noqa: RUF012 (set per instance by the flow; empty when nothing was checked)


class TableSpooler:
    """Writes a release's per-document tables to `folder`, one document at a time, in document-id order.

    Each document's rows are put in release order (`row_order`) and given its place columns, and its
    quotes checked against its text, as they are written: the checks `publish_release` makes over whole
    tables, made here one document at a time.
    """

    MAX_PROBLEMS = 1000  # kept in full; beyond them only counted

    def __init__(self, folder: Path, kept: SpooledRelease | None = None):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.files = {name: (self.folder / f"{name}.rows").open("wb") for name in PER_DOCUMENT_TABLES}
        self.counts = dict.fromkeys(PER_DOCUMENT_TABLES, 0)
        self.documents: list[str] = []
        self.problems: list = []
        self.more_problems = 0
        self._last: str | None = None
        # where each document's pickled rows are in the files, as `RowIndex.values` lays them out, in the order of
        # `documents` (written beside them by `close`, for the next run to copy from), and the files' ends
        self.spans = array("q")
        self.offsets = dict.fromkeys(PER_DOCUMENT_TABLES, 0)
        self.kept = kept
        self._run: tuple[int, int] | None = None  # entries of `kept` waiting to be copied: first, last

    def _next(self, document_id: str) -> None:
        if self._last is not None and document_id <= self._last:
            raise ValueError(f"documents out of order: {document_id} after {self._last}")
        self._last = document_id
        self.documents.append(document_id)

    def add(self, document: dict, rows: Mapping[str, list[dict]]) -> None:
        """Write one document and its rows; documents must come in increasing id order."""
        from yanglao.publish.places import with_place
        from yanglao.publish.validate import check_provenance

        document_id = document["document_id"]
        self._copy_run()
        self._next(document_id)
        per_table = {"documents": [document]}
        for name in PER_DOCUMENT_TABLES[1:]:
            table_rows = list(rows.get(name, []))
            if name != "doubtful":
                with_place(table_rows, document)
            per_table[name] = sorted(table_rows, key=row_order(TABLES_BY_NAME[name]))
        for problem in check_provenance([document], per_table):
            if len(self.problems) < self.MAX_PROBLEMS:
                self.problems.append(problem)
            else:
                self.more_problems += 1
        for name in PER_DOCUMENT_TABLES:
            table_rows = per_table[name]
            data = pickle.dumps(table_rows, protocol=pickle.HIGHEST_PROTOCOL)
            start = self.offsets[name]
            self.files[name].write(data)
            self.offsets[name] = start + len(data)
            self.spans.extend((start, start + len(data), len(table_rows), 0, 0))
            self.counts[name] += len(table_rows)

    def add_kept(self, document_id: str) -> None:
        """Take a document's rows as they are in the spool of the latest release (`kept`), copied with its
        neighbours there when they are kept too: not read, placed, checked or pickled again."""
        at = self.kept.index.positions[document_id]  # type: ignore[union-attr]
        self._next(document_id)
        if self._run is not None and self._run[1] + 1 == at:
            self._run = (self._run[0], at)
        else:
            self._copy_run()
            self._run = (at, at)

    def _copy_run(self) -> None:
        """Copy the bytes of the waiting kept documents from `kept`'s files, and their places in them."""
        if self._run is None:
            return
        import numpy as np

        first, last = self._run
        self._run = None
        kept, width, per_table = self.kept, RowIndex.WIDTH, RowIndex.PER_TABLE
        entries = np.frombuffer(kept.index.values, dtype=np.int64)[first * width : (last + 1) * width]  # type: ignore[union-attr]
        entries = entries.reshape(-1, width).copy()
        for t, name in enumerate(PER_DOCUMENT_TABLES):
            start, end = int(entries[0, t * per_table]), int(entries[-1, t * per_table + 1])
            out = self.files[name]
            out.flush()
            copy_range(kept.folder / f"{name}.rows", start, end, out)  # type: ignore[union-attr]
            entries[:, t * per_table : t * per_table + 2] += self.offsets[name] - start
            self.offsets[name] += end - start
            self.counts[name] += int(entries[:, t * per_table + 2].sum())
        self.spans.frombytes(entries.tobytes())  # (int64 already: a copy of the kept index)

    def close(self) -> dict[str, SpooledTable]:
        """Close the files; the tables, ready to be read. Problems beyond MAX_PROBLEMS are counted in one."""
        from yanglao.publish.validate import Problem

        if all(handle.closed for handle in self.files.values()):
            return self._tables()  # closed before: its ranges are written already
        self._copy_run()  # (before the tables: it adds the kept documents' counts)
        self.kept = None  # (its index: ~35 MB at 100,000 documents, not held through publishing)
        for handle in self.files.values():
            handle.close()
        # where each document's rows are, on disk beside them rather than in memory through publishing
        _write_values(self.folder / SPANS_FILE, self.spans)
        (self.folder / SPANS_DOCUMENTS).write_text(json.dumps(self.documents), encoding="utf-8")
        self.spans = array("q")
        if self.more_problems:
            self.problems.append(Problem("release", None, None, f"and {self.more_problems} more problems"))
            self.more_problems = 0
        return self._tables()

    def _tables(self) -> dict[str, SpooledTable]:
        return {
            name: SpooledTable(self.folder / f"{name}.rows", self.counts[name])
            for name in PER_DOCUMENT_TABLES
        }


def copy_range(source: Path, start: int, end: int, out) -> None:
    """Append bytes `start`..`end` of the file `source` to the open file `out` (flushed): by the kernel where it
    can (`os.copy_file_range`), else read and written a MiB at a time."""
    with source.open("rb") as f:
        remaining = end - start
        try:
            offset = start
            while remaining > 0:
                copied = os.copy_file_range(f.fileno(), out.fileno(), remaining, offset)
                if copied == 0:
                    raise OSError("source ended early")
                offset += copied
                remaining -= copied
        except (AttributeError, OSError):
            f.seek(end - remaining)
            while remaining > 0:
                block = f.read(min(remaining, 1 << 20))
                if not block:
                    raise ValueError(f"{source}: shorter than its index says") from None
                out.write(block)
                remaining -= len(block)
        out.seek(0, os.SEEK_END)  # the writer's own idea of where it is, after the kernel wrote past it


class SpooledRelease:
    """A release's spool as `TableSpooler` leaves it: each per-document table's pickled rows, one record per
    document in id order, and where each document's are (`index`; `ids` in entry order)."""

    def __init__(self, folder: Path, ids: list[str], values: array):
        self.folder, self.ids = Path(folder), ids
        self.index = RowIndex({d: i for i, d in enumerate(ids)}, values)

    @classmethod
    def read(cls, folder: Path) -> SpooledRelease:
        """The spool in `folder` (ValueError when its index does not describe its files)."""
        ids = json.loads((Path(folder) / SPANS_DOCUMENTS).read_text(encoding="utf-8"))
        values = _read_values(Path(folder) / SPANS_FILE)
        if len(values) != RowIndex.WIDTH * len(ids):
            raise ValueError(f"{folder}: an index of {len(values)} numbers for {len(ids)} documents")
        return cls(folder, ids, values)


def _write_values(path: Path, values: array) -> None:
    if sys.byteorder != "little":
        values = array("q", values)
        values.byteswap()
    path.write_bytes(values.tobytes())


def _read_values(path: Path) -> array:
    values = array("q")
    values.frombytes(path.read_bytes())
    if sys.byteorder != "little":
        values.byteswap()
    return values


def spooled_sizes(folder: Path) -> dict[str, int]:
    names = [f"{name}.rows" for name in PER_DOCUMENT_TABLES] + [SPANS_FILE, SPANS_DOCUMENTS]
    return {name: (folder / name).stat().st_size for name in names}


def keep_spooled_release(state_dir: Path, spool: Path, release: Path, code: str) -> None:
    """Move the spool `release` (a published folder) was made from (closed: `TableSpooler.close`) into
    `state_dir`, for the next run to copy kept documents' rows from; `code` is the fingerprint of the code that
    made it (only that code may copy from it). Recorded with the release's CSV hashes: a folder of the same name
    made by another run is another release. The files are put in place first, the record last: a torn spool is
    never described as whole."""
    target = state_dir / SPOOLED_RELEASE
    staging = state_dir / f".tmp-{SPOOLED_RELEASE}"  # a killed run's is a leftover (`runstate`)
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    for name in [f"{name}.rows" for name in PER_DOCUMENT_TABLES] + [SPANS_FILE, SPANS_DOCUMENTS]:
        shutil.move(spool / name, staging / name)
    record = {
        "version": release.name,
        "hashes": csv_hashes(release),
        "code": code,
        "sizes": spooled_sizes(staging),
        "tables": list(PER_DOCUMENT_TABLES),
        "width": RowIndex.WIDTH,
    }
    (staging / "record.json").write_text(json.dumps(record), encoding="utf-8")
    shutil.rmtree(target, ignore_errors=True)
    os.replace(staging, target)


def load_spooled_release(state_dir: Path, release: Path, code: str) -> SpooledRelease | None:
    """The kept spool when it is the one `release` was made from, by code `code`, whole; else None (the run then
    reads kept documents from the release's CSVs)."""
    folder = state_dir / SPOOLED_RELEASE
    try:
        data = json.loads((folder / "record.json").read_text(encoding="utf-8"))
        hashes = csv_hashes(release)
        if data.get("version") != release.name or data.get("code") != code or data.get("hashes") != hashes:
            return None
        if not hashes or data.get("sizes") != spooled_sizes(folder):
            return None
        if data.get("tables") != list(PER_DOCUMENT_TABLES) or data.get("width") != RowIndex.WIDTH:
            return None
        return SpooledRelease.read(folder)
    except (OSError, ValueError, KeyError):
        return None


# ---------------------------------------------------------------------------------------------------------
# Where each document's rows are in a release's CSVs.


class RowIndex:
    """Per document, where its rows are in each per-document table's CSV and JSON: (CSV start, CSV end, row
    count, JSON start, JSON end), byte offsets; JSON (0, 0) where not known (an index found by reading the
    CSVs, or recorded by an older version).

    Kept compact (one array of integers, five quintuples per document) because it is the one thing a run
    holds for every document of the previous release.
    """

    PER_TABLE = 5
    WIDTH = PER_TABLE * len(PER_DOCUMENT_TABLES)

    def __init__(self, positions: dict[str, int] | None = None, values: array | None = None):
        self.positions = positions or {}  # document id → its entry number
        self.values = values if values is not None else array("q")
        self.largest: dict[str, int] = {}  # table → bytes of its longest CSV record (as the writer measured)

    def _entry(self, document_id: str) -> int:
        at = self.positions.get(document_id)
        if at is None:
            at = self.positions[document_id] = len(self.positions)
            self.values.extend([0] * self.WIDTH)
        return at * self.WIDTH

    def add(
        self,
        table: str,
        document_id: str,
        start: int,
        end: int,
        count: int,
        json_start: int = 0,
        json_end: int = 0,
    ) -> None:
        """Record a document's rows in one table (contiguous in its CSV, and in its JSON)."""
        at = self._entry(document_id) + self.PER_TABLE * PER_DOCUMENT_TABLES.index(table)
        self.values[at : at + self.PER_TABLE] = array("q", (start, end, count, json_start, json_end))

    def span(self, table: str, document_id: str) -> tuple[int, int, int]:
        """(start, end, count) of a document's rows in a table's CSV; (0, 0, 0) when it has none."""
        at = self.positions.get(document_id)
        if at is None:
            return 0, 0, 0
        i = at * self.WIDTH + self.PER_TABLE * PER_DOCUMENT_TABLES.index(table)
        return self.values[i], self.values[i + 1], self.values[i + 2]

    def json_span(self, table: str, document_id: str) -> tuple[int, int]:
        """(start, end) of a document's records in a table's JSON, from its first record's `{` to its last
        record's `}`; (0, 0) when not known or it has none."""
        at = self.positions.get(document_id)
        if at is None:
            return 0, 0
        i = at * self.WIDTH + self.PER_TABLE * PER_DOCUMENT_TABLES.index(table)
        return self.values[i + 3], self.values[i + 4]

    def documents(self) -> list[str]:
        """The documents of the release (those with a documents row), in id order."""
        return sorted(d for d in self.positions if self.span("documents", d)[2])

    def to_json(self, version: str, sizes: dict[str, int]) -> dict:
        """What `state/row_index.json` holds: the release it describes, its CSVs' sizes, the ranges."""
        ids = sorted(self.positions, key=self.positions.get)
        return {
            "version": version,
            "sizes": sizes,
            "tables": list(PER_DOCUMENT_TABLES),
            "per_table": self.PER_TABLE,
            "documents": ids,
            "values": self.values.tolist(),
        }

    @classmethod
    def from_json(cls, data: dict) -> RowIndex:
        ids = data["documents"]
        values = array("q", data["values"])
        per_table = data.get("per_table", 3)  # an older record: CSV ranges only
        if data.get("tables") != list(PER_DOCUMENT_TABLES) or len(values) != len(ids) * per_table * len(
            PER_DOCUMENT_TABLES
        ):
            raise ValueError("row index of another layout")
        if per_table == 3:
            wide = array("q", bytes(8 * len(ids) * cls.WIDTH))
            for t in range(len(ids) * len(PER_DOCUMENT_TABLES)):
                wide[5 * t : 5 * t + 3] = values[3 * t : 3 * t + 3]
            values = wide
        elif per_table != cls.PER_TABLE:
            raise ValueError("row index of another layout")
        return cls({d: i for i, d in enumerate(ids)}, values)


def index_csv(index: RowIndex, table: str, path: Path) -> None:
    """Add the byte ranges of a release CSV's documents to `index`, reading it once (the index was not
    recorded, or describes another release). Each record is found by its quotes: a newline ends it only
    outside a quoted field (csv quotes fields that hold newlines, and doubles quotes inside them)."""
    if not path.exists():
        return
    with path.open("rb") as f:
        header_line = f.readline()
        at = next(csv.reader([header_line.decode("utf-8")])).index("document_id")
        offset = len(header_line)
        record: list[bytes] = []
        quotes = 0
        current, start, count = None, offset, 0
        for line in f:
            record.append(line)
            quotes += line.count(b'"')
            if quotes % 2:
                continue
            text = b"".join(record).decode("utf-8")
            document_id = next(csv.reader(io.StringIO(text, newline="")))[at]
            if document_id != current:
                if current is not None:
                    index.add(table, current, start, offset, count)
                if index.span(table, document_id)[2]:
                    raise ValueError(
                        f"{path}: the rows of {document_id} are not together: not a release's order"
                    )
                current, start, count = document_id, offset, 0
            count += 1
            offset += sum(map(len, record))
            record, quotes = [], 0
        if current is not None:
            index.add(table, current, start, offset, count)


def csv_hashes(release: Path) -> dict[str, str]:
    """The sha256 the release records for its per-document CSVs (release.json), or {} without the record."""
    try:
        hashes = read_members(release / "release.json", {"hashes"}).get("hashes", {})
    except (OSError, ValueError):
        return {}
    return {name: hashes.get(f"{name}.csv", "") for name in PER_DOCUMENT_TABLES}


def csv_sizes(release: Path) -> dict[str, int]:
    """The byte sizes of a release's per-document CSVs (a recorded index is trusted only for these)."""
    return {
        name: (release / f"{name}.csv").stat().st_size
        for name in PER_DOCUMENT_TABLES
        if (release / f"{name}.csv").exists()
    }


def load_row_index(release: Path, state_dir: Path | None) -> RowIndex:
    """The row index of `release`: as recorded in `state_dir` when it describes exactly this release's
    files, else found by reading the CSVs once."""
    sizes = csv_sizes(release)
    recorded = (state_dir / ROW_INDEX_FILE) if state_dir is not None else None
    if recorded is not None and recorded.exists():
        try:
            data = json.loads(recorded.read_text(encoding="utf-8"))
            hashes = csv_hashes(release)
            if (
                data.get("version") == release.name
                and data.get("sizes") == sizes
                and hashes
                and data.get("hashes") == hashes
            ):
                return RowIndex.from_json(data)
        except (OSError, ValueError, KeyError):
            pass
    index = RowIndex()
    for name in PER_DOCUMENT_TABLES:
        index_csv(index, name, release / f"{name}.csv")
    return index


def write_row_index(state_dir: Path, index: RowIndex, release: Path) -> None:
    """Record the row index of `release` (written atomically: a torn file would be read as another's)."""
    state_dir.mkdir(parents=True, exist_ok=True)
    path = state_dir / ROW_INDEX_FILE
    tmp = path.with_name(f".{ROW_INDEX_FILE}.tmp")
    record = index.to_json(release.name, csv_sizes(release)) | {"hashes": csv_hashes(release)}
    tmp.write_text(json.dumps(record), encoding="utf-8")
    os.replace(tmp, path)


# ---------------------------------------------------------------------------------------------------------
# The previous release, one document at a time.


_CONVERTED = frozenset({"integer", "number", "boolean"})  # the kinds `typed_value` changes beyond "" → None


def typed_value(kind: str, value: str):
    """A CSV cell back to its schema type, so rows read from a release equal fresh ones."""
    if value == "":
        return None
    if kind == "integer":
        return int(value)
    if kind == "number":
        number = float(value)
        return int(number) if number.is_integer() else number
    if kind == "boolean":
        return value == "true"
    return value


class ReleaseRows:
    """Reads one document's rows of a release's CSVs by the ranges of its `RowIndex`, typed as published."""

    def __init__(self, release: Path, index: RowIndex):
        self.release, self.index, self._typed = Path(release), index, typed_value
        self.headers: dict[str, list[str]] = {}
        for name in PER_DOCUMENT_TABLES:
            path = self.release / f"{name}.csv"
            if path.exists():
                with path.open(encoding="utf-8", newline="") as f:
                    self.headers[name] = next(csv.reader(f), [])
        self._cached: tuple[str, str, list[dict]] | None = None
        # One descriptor per table for the reader's life (a release's files never change): opening the file
        # for each document was a fifth of taking 9,999 unchanged documents of 10,000.
        self._descriptors: dict[str, int] = {}
        weakref.finalize(self, _close_all, self._descriptors)

    def _read(self, table: str, start: int, end: int) -> bytes:
        descriptor = self._descriptors.get(table)
        if descriptor is None:
            descriptor = self._descriptors[table] = os.open(self.release / f"{table}.csv", os.O_RDONLY)
        data = os.pread(descriptor, end - start, start)
        if len(data) != end - start:  # the file is shorter than the index says: not the index of this release
            raise ValueError(
                f"{self.release / table}.csv: {len(data)} bytes at {start}, the row index says {end - start}"
            )
        return data

    def rows(self, table: str, document_id: str) -> list[dict]:
        """The document's rows in `table`, as dicts of typed values (a new list each time)."""
        if self._cached is not None and self._cached[:2] == (table, document_id):
            return [dict(r) for r in self._cached[2]]
        start, end, count = self.index.span(table, document_id)
        if not count or table not in self.headers:
            return []
        text = self._read(table, start, end).decode("utf-8")
        header = self.headers[table]
        # Text columns need only "" → None; the few others are converted after (a call per cell was most of
        # the time of taking a release's unchanged documents).
        kinds = {f.name: f.type for f in TABLES_BY_NAME[table].fields}
        converted = [(i, k, kinds[k]) for i, k in enumerate(header) if kinds.get(k) in _CONVERTED]
        typed = self._typed
        out = []
        for record in csv.reader(io.StringIO(text, newline="")):
            row = dict(zip(header, [v if v else None for v in record], strict=False))
            for i, name, kind in converted:
                if i < len(record) and record[i]:
                    row[name] = typed(kind, record[i])
            out.append(row)
        self._cached = (table, document_id, out)
        return [dict(r) for r in out]


def _close_all(descriptors: dict[str, int]) -> None:
    for descriptor in descriptors.values():
        os.close(descriptor)
    descriptors.clear()


class LazyDocuments(Mapping):
    """A release's document rows by id, read from its documents.csv when asked for."""

    def __init__(self, reader: ReleaseRows):
        self.reader = reader
        self._ids = reader.index.documents()
        self._set = frozenset(self._ids)

    def __getitem__(self, document_id: str) -> dict:
        rows = self.reader.rows("documents", document_id) if document_id in self._set else []
        if not rows:
            raise KeyError(document_id)
        return rows[0]

    def __contains__(self, document_id: object) -> bool:
        return document_id in self._set

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)


class LazyTable(Mapping):
    """One table of a release, as document id → that document's rows, read when asked for."""

    def __init__(self, reader: ReleaseRows, table: str, documents: Iterable[str]):
        self.reader, self.table, self._ids = reader, table, documents

    def __getitem__(self, document_id: str) -> list[dict]:
        if not self.reader.index.span(self.table, document_id)[2]:
            raise KeyError(document_id)
        return self.reader.rows(self.table, document_id)

    def __iter__(self) -> Iterator[str]:
        return (d for d in self._ids if self.reader.index.span(self.table, d)[2])

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def count(self, document_id: str) -> int:
        """The document's row count, without reading its rows."""
        return self.reader.index.span(self.table, document_id)[2]
