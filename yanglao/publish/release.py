"""Releases: serialize tables, validate, and publish atomically — or not at all.

A release is written into a staging folder beside the releases, validated there
(exactly the bytes that will be published), and only then renamed into place.
`datasets/latest/` and the top-level `datapackage.json` are replaced by renames
too. A failed validation removes the staging folder and leaves everything that
was published before untouched.
"""

from __future__ import annotations

import csv
import hashlib
import io
import itertools
import json
import multiprocessing
import operator
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from copy import deepcopy
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from yanglao import __version__
from yanglao.fields import DATA_MAJOR_VERSION, TABLES, TABLES_BY_NAME, Table, table_schema
from yanglao.jsonfile import read_members, write_nested
from yanglao.memory import return_free_memory
from yanglao.publish.dictionary import Examples, write_dictionary
from yanglao.publish.display import canonical_number
from yanglao.publish.exports import (
    WORKBOOK,
    PreviousDownloads,
    describe_downloads,
    downloads_fingerprint,
    link_or_copy,
    recorded_hashes,
    write_downloads,
)
from yanglao.publish.landing import LandingTally, citation_text, write_landing
from yanglao.publish.places import add_places
from yanglao.publish.quality import QualityTally, read_gold, write_quality
from yanglao.publish.rowstore import RowIndex, SpooledTables
from yanglao.publish.validate import (
    KeyScanner,
    Problem,
    ValidationFailed,
    check_keys,
    check_provenance,
    validate_rows,
)

TABLE_NAMES = tuple(t.name for t in TABLES)
LICENSE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0 International",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
PACKAGE_NAME = "yanglao-data"
PACKAGE_TITLE = "养老服务政策措施、目标与补贴 / Elderly-care policy measures, targets and subsidies"
PACKAGE_DESCRIPTION = (
    "中国地方政府养老服务政策文件中的措施、量化目标和补贴,每个数字都可追溯到原文句子。 / "
    "Measures, quantitative targets and subsidies from Chinese local-government elderly-care policy "
    "documents, every figure traceable to its sentence."
)
VERSION_RE = re.compile(r"^\d{4}\.\d{2}\.\d{2}(\.\d+)?$")


# ---------------------------------------------------------------- serialization (pure)


def format_value(value) -> str:
    """One text form per value, so the same data always gives the same bytes."""
    if value.__class__ is str:  # most cells: no call to str()
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(canonical_number(value))
    return str(value)


def sort_rows(table: Table, rows: list[dict]) -> list[dict]:
    """Document order within a document, documents by id: stable whatever order the rows came in."""
    pk = table.primary_key
    if "start" in table.field_names:
        return sorted(rows, key=lambda r: (r["document_id"], r["start"], -r["end"], r[pk]))
    return sorted(rows, key=lambda r: r[pk])


def table_csv(table: Table, rows: list[dict], *, ordered: bool = False) -> bytes:
    """The table as CSV; `ordered`: the rows are already in `sort_rows` order."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    names = table.field_names
    writer.writerow(names)
    if not ordered:
        rows = sort_rows(table, rows)
    elif not isinstance(rows, list):
        rows = list(rows)  # read twice when a cell holds a carriage return (`_carriage_returns_quoted`)
    writer.writerows(_cells(row, names) for row in rows)
    text = out.getvalue()
    header = text[: text.index("\n") + 1]
    return (header + _carriage_returns_quoted(text[len(header) :], rows, names)).encode("utf-8")


def _cells(row: dict, names: list[str]) -> list[str]:
    return [v if v.__class__ is str else format_value(v) for v in map(row.get, names)]


def _carriage_returns_quoted(text: str, rows: Iterable[dict], names: list[str]) -> str:
    """`text`, the CSV records of `rows`; or, when a cell holds a carriage return and no line feed, the same records
    with each one that holds such a cell written with every field quoted (a cell with a line feed is quoted already,
    and a carriage return inside it with it).

    Why: Python 3.11's `csv.writer` quotes a field holding a line feed (the line end here) but not one holding a
    lone carriage return, which a CSV reader takes for the end of the record: such a release failed validation with
    "required" errors on cells of the wrong rows (found by a review, 2026-12-06). No text of a document or row holds
    one (`clean_text` turns them into line feeds); a registry's field could."""
    if "\r" not in text:
        return text
    out = io.StringIO()
    minimal = csv.writer(out, lineterminator="\n")
    quoted = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    for row in rows:
        cells = _cells(row, names)
        (quoted if any("\r" in cell and "\n" not in cell for cell in cells) else minimal).writerow(cells)
    return out.getvalue()


def table_json(table: Table, rows: list[dict], *, ordered: bool = False) -> bytes:
    """The table as a JSON array, one record per line; `ordered` as for `table_csv`."""
    # One record per line: readable and diff-friendly, and json's C encoder (indent= would not use it).
    names = table.field_names
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    lines = [
        dumps(
            {
                name: canonical_number(v) if v.__class__ is float else v
                for name, v in zip(names, map(row.get, names), strict=True)
            }
        )
        for row in (rows if ordered else sort_rows(table, rows))
    ]
    return ("[\n" + ",\n".join(lines) + ("\n" if lines else "") + "]\n").encode("utf-8")


class _HashingFile(io.RawIOBase):
    """A binary file that also hashes and counts what is written to it."""

    def __init__(self, target):
        self.target, self.digest, self.size = target, hashlib.sha256(), 0

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self.digest.update(data)
        self.size += len(data)
        return self.target.write(data)

    def close(self) -> None:
        if not self.closed:
            self.target.close()
        super().close()


class _TableFiles:
    """A table's CSV and JSON being written, a group of rows (or a copied span of bytes) at a time, each
    group's byte ranges returned for the row index. The bytes are exactly `table_csv`'s and `table_json`'s."""

    def __init__(self, folder: Path, table: Table):
        self.name, self.names = table.name, table.field_names
        self.csv_raw = _HashingFile((folder / f"{table.name}.csv").open("wb"))
        self.json_raw = _HashingFile((folder / f"{table.name}.json").open("wb"))
        self.csv_out = io.BufferedWriter(self.csv_raw, 1 << 20)
        self.json_out = io.BufferedWriter(self.json_raw, 1 << 20)
        self.buffer = io.StringIO()
        self.writer = csv.writer(self.buffer, lineterminator="\n")
        self.dumps = json.JSONEncoder(ensure_ascii=False).encode
        self.writer.writerow(self.names)
        self.csv_offset = self._write_csv()
        self.json_out.write(b"[\n")
        self.json_offset, self.first = 2, True

    def _write_csv(self) -> int:
        data = self.buffer.getvalue().encode("utf-8")
        self.csv_out.write(data)
        self.buffer.seek(0)
        self.buffer.truncate()
        return len(data)

    def add_rows(self, rows: list[dict]) -> tuple[int, int, int, int]:
        """Write rows; (CSV start, CSV end, JSON start, JSON end) of their records."""
        names, writerow = self.names, self.writer.writerow
        records = []
        for row in rows:
            values = list(map(row.get, names))
            writerow([v if v.__class__ is str else format_value(v) for v in values])
            records.append(
                self.dumps(
                    {
                        name: canonical_number(v) if v.__class__ is float else v
                        for name, v in zip(names, values, strict=True)
                    }
                )
            )
        csv_bytes = _carriage_returns_quoted(self.buffer.getvalue(), rows, names).encode("utf-8")
        self.buffer.seek(0)
        self.buffer.truncate()
        return self.add_bytes(csv_bytes, ",\n".join(records).encode("utf-8"))

    def add_bytes(self, csv_bytes: bytes, json_bytes: bytes) -> tuple[int, int, int, int]:
        """Write records already made (a document's bytes in the previous release); their ranges."""
        start = self.csv_offset
        self.csv_out.write(csv_bytes)
        self.csv_offset += len(csv_bytes)
        if not json_bytes:
            return start, self.csv_offset, 0, 0
        if not self.first:
            self.json_out.write(b",\n")
            self.json_offset += 2
        json_start = self.json_offset
        self.json_out.write(json_bytes)
        self.json_offset += len(json_bytes)
        self.first = False
        return start, self.csv_offset, json_start, self.json_offset

    def close(self) -> dict[str, tuple[str, int]]:
        self.json_out.write(b"]\n" if self.first else b"\n]\n")
        self.csv_out.close()
        self.json_out.close()
        name = self.name
        return {
            f"{name}.csv": (self.csv_raw.digest.hexdigest(), self.csv_raw.size),
            f"{name}.json": (self.json_raw.digest.hexdigest(), self.json_raw.size),
        }


@dataclass(frozen=True)
class KeptBytes:
    """Documents whose rows are, byte for byte, those of the previous release `release`, and where those
    bytes are there (`index`). Only the flow can know it: the same code published that release, and these
    documents were taken from it unchanged."""

    release: Path
    index: RowIndex
    documents: frozenset[str]


class _PreviousBytes:
    """Reads a kept document's CSV and JSON bytes of one table from the previous release, when they can be
    used as they are: the same columns, the same row count, the JSON range recorded."""

    def __init__(self, kept: KeptBytes, table: Table):
        self.kept, self.table = kept, table.name
        csv_path, json_path = kept.release / f"{table.name}.csv", kept.release / f"{table.name}.json"
        self.csv = csv_path.open("rb") if csv_path.exists() and json_path.exists() else None
        self.json = json_path.open("rb") if self.csv is not None else None
        if self.csv is not None:
            header = self.csv.readline().decode("utf-8")
            if next(csv.reader([header])) != table.field_names:
                self.close()

    def read(self, document_id: str, count: int) -> tuple[bytes, bytes] | None:
        if self.csv is None or document_id not in self.kept.documents:
            return None
        start, end, recorded = self.kept.index.span(self.table, document_id)
        json_start, json_end = self.kept.index.json_span(self.table, document_id)
        if recorded != count or not json_end:
            return None
        self.csv.seek(start)
        self.json.seek(json_start)  # type: ignore[union-attr]
        csv_bytes = self.csv.read(end - start)
        json_bytes = self.json.read(json_end - json_start)  # type: ignore[union-attr]
        if not (csv_bytes.endswith(b"\n") and json_bytes.startswith(b"{") and json_bytes.endswith(b"}")):
            return None  # not whole records: the ranges describe other bytes; make them again
        return csv_bytes, json_bytes

    def close(self) -> None:
        for handle in (self.csv, self.json):
            if handle is not None:
                handle.close()
        self.csv = self.json = None


def write_table_files(
    folder: Path,
    table: Table,
    rows: Iterable[dict],
    index: RowIndex | None = None,
    kept: KeptBytes | None = None,
    observe: Callable[[str, list[dict]], None] | None = None,
) -> dict[str, tuple[str, int]]:
    """Write a table's CSV and JSON into `folder` as they are made, a document at a time; name → (sha256,
    bytes). `observe(table name, rows)`, when given, sees every group of rows as it is written.

    The bytes are exactly `table_csv`'s and `table_json`'s (`rows` already in `sort_rows` order); neither
    file is ever whole in memory. With `index`, the byte ranges of each document's rows in both files are
    recorded in it (per-document tables), for the next run to read the release one document at a time and
    to copy them: with `kept`, a kept document's records are copied from the previous release instead of
    being made again (formatting every row was most of writing the tables of a one-document change).
    """
    files = _TableFiles(folder, table)
    track = index is not None and table.per_document
    previous = _PreviousBytes(kept, table) if track and kept is not None else None
    largest = 0
    try:
        if not track:
            batch: list[dict] = []
            for row in rows:
                batch.append(row)
                if len(batch) >= 2048:
                    files.add_rows(batch)
                    if observe is not None:
                        observe(table.name, batch)
                    batch = []
            files.add_rows(batch)
            if observe is not None:
                observe(table.name, batch)
        else:
            for document_id, group in itertools.groupby(rows, key=operator.itemgetter("document_id")):
                members = list(group)
                if observe is not None:
                    observe(table.name, members)
                copied = previous.read(document_id, len(members)) if previous is not None else None
                spans = files.add_bytes(*copied) if copied is not None else files.add_rows(members)
                largest = max(largest, spans[1] - spans[0])  # a document's records: at least its longest
                index.add(table.name, document_id, spans[0], spans[1], len(members), spans[2], spans[3])  # type: ignore[union-attr]
            if index is not None and largest:
                index.largest[table.name] = largest
    finally:
        if previous is not None:
            previous.close()
    return files.close()


def read_table_csv(path: Path, documents: set[str] | None = None) -> list[dict]:
    """The rows of a published CSV; with `documents`, only theirs (by `document_id`), as dicts.

    Filtering before making dicts: a one-document change compares ~20 rows of 160,000 at 10,000 documents.
    """
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader, None)
        if header is None:
            return []
        if documents is None or "document_id" not in header:
            return [dict(zip(header, row, strict=False)) for row in reader]
        at = header.index("document_id")
        return [dict(zip(header, row, strict=False)) for row in reader if row[at] in documents]


def sha256(data: bytes) -> str:
    """Hex sha256 of bytes: the hash recorded for every released file."""
    return hashlib.sha256(data).hexdigest()


def _digest(value: bytes | tuple[str, int]) -> tuple[str, int]:
    """(sha256, size) of a file's bytes, or as already computed when it was written."""
    return value if isinstance(value, tuple) else (sha256(value), len(value))


def package_descriptor(
    version: str,
    created: str,
    files: dict[str, bytes] | dict[str, tuple[str, int]],
    sources: list[dict],
    path_prefix: str = "",
) -> dict:
    """The data package descriptor for one release; `path_prefix` points its paths into a release folder."""
    resources = []
    for table in TABLES:
        (csv_hash, csv_size), (json_hash, json_size) = (
            _digest(files[f"{table.name}.csv"]),
            _digest(files[f"{table.name}.json"]),
        )
        resources.append(
            {
                "name": table.name,
                "title": f"{table.title_zh} / {table.title_en}",
                "description": f"{table.description_zh} / {table.description_en}",
                "path": f"{path_prefix}{table.name}.csv",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "hash": f"sha256:{csv_hash}",
                "bytes": csv_size,
                "schema": table_schema(table),
                "json": {
                    "path": f"{path_prefix}{table.name}.json",
                    "hash": f"sha256:{json_hash}",
                    "bytes": json_size,
                },
            }
        )
    return {
        "name": PACKAGE_NAME,
        "title": PACKAGE_TITLE,
        "description": PACKAGE_DESCRIPTION,
        "version": version,
        "created": created,
        "homepage": "https://github.com/yanglao-data/yanglao-data",
        "licenses": [LICENSE],
        "sources": list(credited_sources(sources)),
        "contributors": [{"title": "yanglao-data", "role": "publisher"}],
        "keywords": ["养老服务", "elderly care", "China", "policy", "open data"],
        "yanglao": {"code_version": __version__, "schema_major": DATA_MAJOR_VERSION},
        "resources": resources,
    }


def credited_sources(sources: Iterable[dict]) -> Iterator[dict]:
    """The descriptor's `sources`: each issuing government credited once per page (CC BY 4.0 attribution)."""
    issuers = sorted({(s.get("issuer") or s["city"], s.get("url") or "") for s in sources})
    for issuer, url in issuers:
        yield {"title": f"{issuer}(CC BY 4.0 署名来源 / credited source)", **({"path": url} if url else {})}


def next_version(today: str, existing: set[str]) -> str:
    """`YYYY.MM.DD`, then `YYYY.MM.DD.2`, `.3`… for further releases on the same day."""
    base = today.replace("-", ".")
    if base not in existing:
        return base
    n = 2
    while f"{base}.{n}" in existing:
        n += 1
    return f"{base}.{n}"


def diff_tables(old: dict[str, list[dict]], new: dict[str, list[dict]]) -> dict:
    """Rows added, removed and changed per table, by primary key, with the changed columns."""
    changes = {}
    for table in TABLES:
        pk = table.primary_key
        before = {r[pk]: {k: format_value(v) for k, v in r.items()} for r in old.get(table.name, [])}
        after = {r[pk]: {k: format_value(v) for k, v in r.items()} for r in new.get(table.name, [])}
        changed = {}
        for key in sorted(before.keys() & after.keys()):
            columns = sorted(c for c in table.field_names if before[key].get(c, "") != after[key].get(c, ""))
            if columns:
                changed[key] = columns
        changes[table.name] = {
            "added": sorted(after.keys() - before.keys()),
            "removed": sorted(before.keys() - after.keys()),
            "changed": changed,
        }
    return changes


class BreakingSchemaChange(RuntimeError):
    """The tables' contract changed in a breaking way without a new major version."""


def compare_schemas(old: dict | None, new: dict) -> dict:
    """Schema changes between two descriptors: removed columns, key or id-rule changes are breaking;
    new columns and new tables are additive."""
    changes: dict[str, list[str]] = {"breaking": [], "additive": []}
    if not old:
        return changes
    before = {r["name"]: r["schema"] for r in old.get("resources", [])}
    after = {r["name"]: r["schema"] for r in new.get("resources", [])}
    for name in sorted(before.keys() - after.keys()):
        changes["breaking"].append(f"table {name} removed")
    for name in sorted(after.keys() - before.keys()):
        changes["additive"].append(f"table {name} added")
    for name in sorted(before.keys() & after.keys()):
        old_fields = {f["name"]: f for f in before[name]["fields"]}
        new_fields = {f["name"]: f for f in after[name]["fields"]}
        for field_name in old_fields.keys() - new_fields.keys():
            changes["breaking"].append(f"{name}.{field_name} removed or renamed")
        for field_name in sorted(new_fields.keys() - old_fields.keys()):
            changes["additive"].append(f"{name}.{field_name} added")
        for field_name in sorted(old_fields.keys() & new_fields.keys()):
            if old_fields[field_name]["type"] != new_fields[field_name]["type"]:
                changes["breaking"].append(f"{name}.{field_name} type changed")
        if before[name].get("primaryKey") != after[name].get("primaryKey"):
            changes["breaking"].append(f"{name} primary key changed")
        pk = after[name].get("primaryKey", [None])[0]
        old_rule = old_fields.get(pk, {}).get("constraints", {}).get("pattern")
        if pk in old_fields and old_rule != new_fields[pk].get("constraints", {}).get("pattern"):
            changes["breaking"].append(f"{name} id rule changed")
        if _id_rule(before[name]) != _id_rule(after[name]):
            changes["breaking"].append(f"{name} id rule changed")
    changes["breaking"] = sorted(set(changes["breaking"]))
    return changes


def _id_rule(schema: dict) -> str:
    return schema.get("description", "").partition("ID rule: ")[2]


def changelog_entry(
    version: str, created: str, changes: dict, row_counts: dict[str, int], schema_changes: dict | None = None
) -> str:
    """The datasets/CHANGELOG.md entry of a release: rows added, removed and changed per table."""
    lines = [f"## {version} ({created[:10]})", ""]
    for label, items in (schema_changes or {}).items():
        for item in items:
            lines.append(
                f"- schema ({'BREAKING, new major version' if label == 'breaking' else 'additive'}): {item}"
            )
    for name, change in changes.items():
        if change["added"] is None:  # a first release: every row is new (`_changes`)
            lines.append(f"- **{name}**: {row_counts[name]} rows, all added")
            continue
        lines.append(
            f"- **{name}**: {row_counts[name]} rows; {len(change['added'])} added, "
            f"{len(change['removed'])} removed, {len(change['changed'])} changed"
        )
        for label in ("added", "removed"):
            keys = change[label]
            if keys and len(keys) <= 20:
                lines.append(f"  - {label}: " + ", ".join(f"`{k}`" for k in keys))
        if change["changed"] and len(change["changed"]) <= 20:
            for key, columns in change["changed"].items():
                lines.append(f"  - changed `{key}`: {', '.join(columns)}")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- publishing (I/O)


@dataclass
class Release:
    """What publishing gave: the version, whether it is new, its folder, row counts and changes."""

    version: str | None
    published: bool
    path: Path | None
    row_counts: dict[str, int]
    changes: dict = field(default_factory=dict)
    message: str = ""
    # Where each document's rows are in the CSVs of `path` (for the next run to read them one by one).
    row_index: RowIndex | None = field(default=None, repr=False, compare=False)


def releases_dir(output: Path) -> Path:
    """Where an output folder keeps its releases."""
    return Path(output) / "datasets" / "releases"


def latest_dir(output: Path) -> Path:
    """The stable path of the newest release (datasets/latest)."""
    return Path(output) / "datasets" / "latest"


def published_versions(output: Path) -> list[str]:
    """The versions published in an output folder, oldest first."""
    folder = releases_dir(output)
    if not folder.exists():
        return []
    versions = [p.name for p in folder.iterdir() if p.is_dir() and VERSION_RE.match(p.name)]
    return sorted(versions, key=lambda v: [int(x) for x in v.split(".")])


def load_release_tables(
    folder: Path, documents: set[str] | None = None, index: RowIndex | None = None
) -> dict[str, list[dict]]:
    """A release's tables; with `documents`, only their rows (and every source: the registry is small), read
    by their byte ranges when `index` (the release's `RowIndex`) says where they are, else by one pass."""
    tables = {}
    for name in TABLE_NAMES:
        path = folder / f"{name}.csv"
        if not path.exists():
            continue
        if documents is not None and index is not None and TABLES_BY_NAME[name].per_document:
            tables[name] = _rows_by_range(path, index, name, documents)
        else:
            tables[name] = read_table_csv(path, documents if TABLES_BY_NAME[name].per_document else None)
    return tables


def _rows_by_range(path: Path, index: RowIndex, table: str, documents: set[str]) -> list[dict]:
    """The documents' rows of a release CSV as dicts of text, read from their recorded byte ranges only."""
    out: list[dict] = []
    with path.open("rb") as f:
        header = next(csv.reader([f.readline().decode("utf-8")]))
        for document_id in sorted(documents):
            start, end, count = index.span(table, document_id)
            if not count:
                continue
            f.seek(start)
            text = f.read(end - start).decode("utf-8")
            out.extend(
                dict(zip(header, row, strict=False)) for row in csv.reader(io.StringIO(text, newline=""))
            )
    return out


def publish_release(
    output: Path,
    tables: dict[str, list[dict]],
    now: datetime,
    registry: Iterable[dict] | None = None,
    changed_documents: set[str] | None = None,
    kept: KeptBytes | None = None,
) -> Release:
    """Write, validate and publish a release of `tables`; publish nothing when the data equals the latest.

    `registry` (the source entries the data was built from) is recorded with the release, so
    that `yanglao rebuild` can build the same release again from the archive.

    `changed_documents`, when the caller knows it, names the documents whose rows may differ from
    the latest release; every other document's rows must be exactly as published there. Then only
    the changed rows are validated with Frictionless and diffed, keys are checked over everything,
    and the cost of a release follows the size of the change, not of the corpus. A schema change
    or a missing previous release validates everything.

    `kept`, when the caller knows it, names the documents whose rows are byte for byte those of the latest
    release, written by the same code: their records are copied from its files (`write_table_files`).
    """
    output = Path(output)
    if isinstance(tables, SpooledTables):
        problems = tables.problems  # each document was given its places and checked as it was spooled
    else:
        add_places(tables)  # rows kept from an older release may predate the place columns
        problems = check_provenance(tables.get("documents", []), tables)
    row_counts = {name: len(tables.get(name, [])) for name in TABLE_NAMES}
    if problems:
        raise ValidationFailed(problems)

    releases = releases_dir(output)
    _remove_leftovers(releases)
    versions = published_versions(output)
    previous = releases / versions[-1] if versions else None
    version = next_version(now.strftime("%Y-%m-%d"), set(versions))
    releases.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(dir=releases, prefix=f".stage-{version}-"))
    stage.chmod(0o755)  # published files are for everyone to read; mkdtemp makes 0700
    try:
        # Each table written to the stage as it is serialised, one at a time: never all bytes at once.
        files: dict[str, tuple[str, int]] = {}
        index = RowIndex()
        old_descriptor = _read_json(previous / "datapackage.json") if previous else None
        # what the checks and reports need from the rows, taken as they are written: one pass over them (the
        # changed documents' rows only when the release will compare them alone, as `_complete_stage` decides)
        same_schemas = old_descriptor is not None and _schemas(old_descriptor) == [
            table_schema(t) for t in TABLES
        ]
        tallies = ReleaseTallies(changed_documents if same_schemas else None)
        for table in TABLES:
            rows = tables.get(table.name, [])
            ordered = rows if getattr(rows, "ordered", False) else sort_rows(table, rows)
            files |= write_table_files(stage, table, ordered, index, kept, tallies.add)
            # the heap the rows just written used, handed back before the tallies grow around it (measured at
            # 100,000 documents: the flow ~220 MB bigger after writing the tables, kept to the end of publish)
            return_free_memory()
        if previous is not None and _same_tables(previous, files):
            shutil.rmtree(stage, ignore_errors=True)
            finish_release(output, previous)  # repairs whatever an interrupted run left undone
            return Release(
                versions[-1],
                False,
                previous,
                row_counts,
                message="data unchanged: no new release",
                row_index=index,  # the same bytes: the same ranges
            )
        final, changes = _complete_stage(
            stage,
            version,
            now,
            tables,
            files,
            previous,
            registry,
            changed_documents,
            index,
            kept.index if kept is not None and previous is not None and kept.release == previous else None,
            tallies=tallies,
            old_descriptor=old_descriptor,
        )
        os.rename(stage, final)  # the moment of publication: before it nothing is visible, after it all is
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise

    finish_release(output, final)
    return Release(
        version, True, final, row_counts, changes, message=f"published release {version}", row_index=index
    )


def _same_tables(previous: Path, files: dict[str, tuple[str, int]]) -> bool:
    """True when every table's CSV and JSON just written has the bytes of the previous release's (compared by
    hash, the previous file read in blocks).

    The JSON too: the row index of the files just written is then the previous release's, and the next run
    copies kept documents' records from that release by it (an equal CSV with another JSON, which a change
    of how JSON is written gives, once made it copy from the wrong offsets)."""
    for name in (f"{t}.{suffix}" for t in TABLE_NAMES for suffix in ("csv", "json")):
        path = previous / name
        if not path.exists() or path.stat().st_size != files[name][1]:
            return False
        digest = hashlib.sha256()
        with path.open("rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
        if digest.hexdigest() != files[name][0]:
            return False
    return True


def _complete_stage(
    stage: Path,
    version: str,
    now: datetime,
    tables: dict[str, list[dict]],
    files: dict[str, tuple[str, int]],
    previous: Path | None,
    registry: Iterable[dict] | None,
    changed_documents: set[str] | None,
    row_index: RowIndex | None = None,
    previous_index: RowIndex | None = None,
    *,
    tallies: ReleaseTallies,
    old_descriptor: dict | None,
) -> tuple[Path, dict]:
    """Everything of a new release beside its tables, written into the stage and validated there; returns
    the release's final folder and its changes. Raises (and publishes nothing) when validation fails."""
    releases = stage.parent
    created = now.strftime("%Y-%m-%dT%H:%M:%SZ")
    row_counts = {name: len(tables.get(name, [])) for name in TABLE_NAMES}
    # the credits (one per source: ~43 MB of objects at 100,000 documents) are made as datapackage.json is
    # written, not held through the downloads: `_write_json_listing`
    descriptor = package_descriptor(version, created, files, [])
    descriptor["yanglao"]["downloads_made_by"] = downloads_fingerprint()  # see PreviousDownloads
    schema_changes = compare_schemas(old_descriptor, descriptor)
    incremental = (
        changed_documents is not None
        and old_descriptor is not None
        and _schemas(old_descriptor) == _schemas(descriptor)
    )
    old_major = (old_descriptor or {}).get("yanglao", {}).get("schema_major", DATA_MAJOR_VERSION)
    if schema_changes["breaking"] and old_major == DATA_MAJOR_VERSION:
        raise BreakingSchemaChange(
            "breaking schema change (" + "; ".join(schema_changes["breaking"]) + "): bump DATA_MAJOR_VERSION "
            "in yanglao/fields.py and say so in CHANGELOG.md"
        )
    compared = tallies.changed if incremental and tallies.changed is not None else tables
    changes = _changes(previous, tables, compared, changed_documents if incremental else None, previous_index)
    # The quality report first, and the key hashes taken out, so that neither tally is held through the
    # downloads (at 100,000 documents the two were ~120 MB: a count and the page metadata per document).
    write_quality(stage, tables, previous=previous, tally=tallies.quality)
    tallies.quality = None
    # Keys across tables are checked in Python over everything (Frictionless would re-read the referenced
    # tables, document texts included, once per foreign key).
    key_problems = check_keys(tables, tallies.keys.scans())  # type: ignore[union-attr]
    tallies.keys = None
    # Frictionless may validate beside the writing of the downloads and reports (`_validation`): nothing is
    # published before it has passed.
    with _validation(stage, compared, descriptor, incremental, key_problems):
        downloads = write_downloads(
            stage,
            descriptor,
            citation_text(descriptor),
            row_index.largest if row_index is not None else None,
            _unchanged_downloads(previous, old_descriptor, descriptor, files, row_counts)
            if previous_index is not None  # the previous release is this code's: see KeptBytes
            else None,
        )
        describe_downloads(descriptor, downloads)
        data_downloads = {name: d for name, d in downloads.items() if name != WORKBOOK}  # see exports
        credits = credited_sources(tables.get("sources", []))
        _write_json_listing(stage / "datapackage.json", descriptor, "sources", credits)
        _write_json(
            stage / "changes.json",
            {
                "version": version,
                "previous": previous.name if previous else None,
                "created": created,
                "row_counts": row_counts,
                "schema": schema_changes,
                "tables": changes,
            },
        )
        _write_json_listing(
            stage / "release.json",
            {
                "version": version,
                "created": created,
                "row_counts": row_counts,
                "hashes": {name: f"sha256:{d[0]}" for name, d in sorted({**files, **data_downloads}.items())},
                "snapshots": dict(sorted(tallies.snapshots)),
                "sources": [],
            },
            "sources",
            registry or [],
        )
        write_dictionary(stage, tables, tallies.examples)
        write_landing(stage, descriptor, tables, tallies.landing)

    return releases / version, changes


#: Staged tables of at least this many bytes of CSV are validated by Frictionless in a process of its own while
#: this one writes the downloads and reports: at 10,000 documents (210 MB) validation took 13.6 s and the
#: downloads 8.1 s, one after the other on one of two cores. Smaller tables are validated here, first: a
#: process's start (~1 s, importing Frictionless) would cost more than it saves.
BACKGROUND_VALIDATION_BYTES = 32_000_000


@contextmanager
def _validation(
    stage: Path,
    compared: dict[str, list[dict]],
    descriptor: dict,
    incremental: bool,
    key_problems: list[Problem],
) -> Iterator[None]:
    """Around the writing of everything beside the tables: raise `ValidationFailed` unless the staged tables
    are valid (before the body, or after it when Frictionless ran beside it; publication waits either way)."""
    # Types and constraints by Frictionless over the rows that can have changed (`key_problems`: the keys,
    # checked over everything): all of them, read from the staged files, without a previous release.
    subset: dict[str, bytes | Path]
    if incremental:
        subset = {t.name: table_csv(t, compared.get(t.name, [])) for t in TABLES}
    else:
        subset = {t.name: stage / f"{t.name}.csv" for t in TABLES}
    staged = sum(v.stat().st_size if isinstance(v, Path) else len(v) for v in subset.values())
    if key_problems or staged < BACKGROUND_VALIDATION_BYTES:
        # here, before the downloads: a release that fails costs none (and reports every problem)
        problems = key_problems + _validate_here(subset, descriptor, stage.parent)
        if problems:
            raise ValidationFailed(problems)
        yield
        return
    # spawn, not fork: the flow's process runs threads (as the extraction pool, `extract.pool`)
    with (
        tempfile.TemporaryDirectory(dir=stage.parent, prefix=".validate-") as scratch,
        ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as process,
    ):
        # Only the tables' schemas: the whole descriptor names every source (at 100,000 documents ~43 MB of
        # objects, copied and pickled here and held by the other process through the validation). A copy, as
        # the body adds the downloads to the descriptor while the call may still be pickled.
        validated = process.submit(validate_rows, subset, _schemas_only(descriptor), Path(scratch))
        try:
            yield
        except Exception:
            # a bad cell can also break a download (a type the workbook cannot convert): what is wrong
            # with the rows is the error to report, when validation finds it
            problems = _validated(validated, subset, descriptor, stage.parent)
            if problems:
                raise ValidationFailed(problems) from None
            raise
        problems = _validated(validated, subset, descriptor, stage.parent)
    if problems:
        raise ValidationFailed(problems)


def _schemas_only(descriptor: dict) -> dict:
    """What `validate_rows` reads of a descriptor: each resource's name and schema (copied)."""
    return {
        "resources": [{"name": r["name"], "schema": deepcopy(r["schema"])} for r in descriptor["resources"]]
    }


def _validate_here(subset: dict[str, bytes | Path], descriptor: dict, releases: Path) -> list[Problem]:
    """`validate_rows` in this process, in a scratch folder of its own beside the stage."""
    with tempfile.TemporaryDirectory(dir=releases, prefix=".validate-") as scratch:
        return validate_rows(subset, descriptor, Path(scratch))


def _validated(validated: Future, subset: dict, descriptor: dict, releases: Path) -> list[Problem]:
    """The problems a validating process found; when it died (killed, out of memory), validated here instead
    (in a scratch folder of its own: the dead process's holds links to the staged files already)."""
    try:
        return validated.result()
    except BrokenProcessPool:
        return _validate_here(subset, descriptor, releases)


def _changes(
    previous: Path | None,
    tables: dict[str, list[dict]],
    compared: dict[str, list[dict]],
    changed_documents: set[str] | None,
    previous_index: RowIndex | None = None,
) -> dict:
    """Rows added, removed and changed since the previous release (`diff_tables`), comparing only the
    changed documents' rows when the release is incremental. Without a previous release every row is
    added and `added` is null rather than a list of every key: at 100,000 documents that list was 2.4
    million keys, ~170 MB in changes.json and ~400 MB of memory to build, write and read back, to say
    what `"previous": null` says."""
    if previous is None:
        return {t.name: {"added": None, "removed": [], "changed": {}} for t in TABLES}
    old_tables = load_release_tables(previous, changed_documents, previous_index)
    new_tables = {
        name: [{k: format_value(v) for k, v in r.items()} for r in rows] for name, rows in compared.items()
    }
    return diff_tables(old_tables, new_tables)


def _schemas(descriptor: dict) -> list[dict]:
    return [r["schema"] for r in descriptor["resources"]]


def _unchanged_downloads(
    previous: Path | None,
    old: dict | None,
    new: dict,
    files: dict[str, tuple[str, int]],
    rows: dict[str, int],
) -> PreviousDownloads | None:
    """The tables whose CSV and schema are those of the previous release: their downloads are its bytes."""
    if previous is None or old is None:
        return None
    before = {r["name"]: r for r in old["resources"]}
    same = frozenset(
        r["name"]
        for r in new["resources"]
        if r["name"] in before
        and before[r["name"]]["hash"] == f"sha256:{files[r['path']][0]}"
        and before[r["name"]]["schema"] == r["schema"]
    )
    made_by = (old.get("yanglao") or {}).get("downloads_made_by")
    return PreviousDownloads(previous, same, rows, recorded_hashes(old), made_by)


class ReleaseTallies:
    """Everything the checks and reports of a release take from its rows, fed a group of rows at a time by the
    pass that writes the tables (`write_table_files`): the key hashes, the quality report's and the landing
    page's counts, the data dictionary's examples, each document's snapshot hash, and the rows of
    `changed_documents` (all rows of the tables that are not per document) for the diff. Each report read
    every table again: at 10,000 documents those passes were ~5 s of a one-document release's ~17."""

    def __init__(self, changed_documents: set[str] | None = None) -> None:
        self.keys: KeyScanner | None = KeyScanner()
        self.quality: QualityTally | None = QualityTally(read_gold())
        # the others' page metadata is lent by the previous report, read a document at a time (`write_quality`)
        self.quality.metadata_of = changed_documents
        self.landing = LandingTally()
        self.examples = Examples()
        self.snapshots: list[tuple[str, str]] = []  # (document id, sha256 of its snapshot), for release.json
        self.changed_documents = changed_documents
        self.changed: dict[str, list[dict]] | None = (
            {t.name: [] for t in TABLES} if changed_documents is not None else None
        )

    def add(self, table: str, rows: Iterable[dict]) -> None:
        rows = rows if isinstance(rows, list) else list(rows)
        for tally in (self.keys, self.quality, self.landing, self.examples):
            if tally is not None:
                tally.add(table, rows)
        if table == "documents":
            self.snapshots.extend((d.get("document_id"), d.get("content_sha256")) for d in rows)
        if self.changed is not None:
            documents = self.changed_documents or set()
            per_document = TABLES_BY_NAME[table].per_document
            self.changed[table].extend(
                r for r in rows if not per_document or r.get("document_id") in documents
            )


def finish_release(output: Path, release: Path) -> None:
    """Everything derived from a published release folder: latest/, datapackage.json, changelog, index.

    Each step is idempotent, so a run interrupted after the release was renamed into place is
    completed by the next run.
    """
    _refresh_latest(output, release)
    changes = _read_json(release / "changes.json")
    changelog = output / "datasets" / "CHANGELOG.md"
    if changes and f"## {release.name} (" not in (
        changelog.read_text(encoding="utf-8") if changelog.exists() else ""
    ):
        entry = changelog_entry(
            release.name, changes["created"], changes["tables"], changes["row_counts"], changes["schema"]
        )
        _append_changelog(output, entry)
    _write_index(output)


def _remove_leftovers(releases: Path) -> None:
    """Staging folders of runs that were killed before they published."""
    if releases.exists():
        for item in releases.iterdir():
            if item.name.startswith(".stage-") and item.is_dir():
                shutil.rmtree(item, ignore_errors=True)
    latest_parent = releases.parent
    if latest_parent.exists():
        for item in latest_parent.iterdir():
            if item.name.startswith(".latest-") and item.is_dir():
                shutil.rmtree(item, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux renameat2 RENAME_EXCHANGE); False where it is not available."""
    try:
        import ctypes
        import ctypes.util

        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    return result == 0


def _refresh_latest(output: Path, release: Path) -> None:
    """Make datasets/latest/ a copy of `release`, swapped in atomically, and point datapackage.json at it."""
    latest = latest_dir(output)
    released = release / "datapackage.json"
    top_path = output / "datapackage.json"
    current = latest / "datapackage.json"
    if current.exists() and _same_file(current, released):
        if top_path.exists() and _members(top_path) == _members(released):
            # Both done already (a run that published nothing): the descriptor lists every source (15 MB at
            # 100,000 documents, ~120 MB decoded), so it is read whole only to be rewritten. A top descriptor
            # of this release's version and time is taken as written from it (by `_write_text`, whole or not
            # at all); one edited by hand, or by older code, is rewritten with the next release.
            return
    else:
        staging = Path(tempfile.mkdtemp(dir=latest.parent, prefix=".latest-"))
        staging.chmod(0o755)
        for item in release.iterdir():
            link_or_copy(item, staging / item.name)
        if latest.exists() and _exchange(staging, latest):
            shutil.rmtree(staging, ignore_errors=True)  # it now holds the previous latest
        else:
            # Without an atomic exchange there is a moment with no latest/; the next run repairs it.
            old = latest.parent / f".latest-old-{os.getpid()}"
            if latest.exists():
                os.rename(latest, old)
            os.rename(staging, latest)
            shutil.rmtree(old, ignore_errors=True)
    descriptor = json.loads(released.read_text(encoding="utf-8"))
    top = dict(descriptor)
    top["resources"] = []
    for resource in descriptor["resources"]:
        resource = dict(resource)
        resource["path"] = f"datasets/latest/{resource['path']}"
        for key in ("json", "parquet"):
            if key in resource:
                resource[key] = {**resource[key], "path": f"datasets/latest/{resource[key]['path']}"}
        top["resources"].append(resource)
    if "downloads" in descriptor:
        top["downloads"] = [{**d, "path": f"datasets/latest/{d['path']}"} for d in descriptor["downloads"]]
    text = json.dumps(top, ensure_ascii=False, indent=2) + "\n"
    if not (top_path.exists() and top_path.read_text(encoding="utf-8") == text):
        _write_text(top_path, text)


def _same_file(a: Path, b: Path) -> bool:
    """Whether two files have the same bytes: the same file (latest/ links the release's), or compared in blocks."""
    if os.path.samefile(a, b):
        return True
    if a.stat().st_size != b.stat().st_size:
        return False
    with a.open("rb") as fa, b.open("rb") as fb:
        return all(
            x == y
            for x, y in zip(
                iter(lambda: fa.read(1 << 20), b""), iter(lambda: fb.read(1 << 20), b""), strict=True
            )
        )


def _members(descriptor: Path) -> dict:
    """The version and creation time of a package descriptor, read from its beginning only."""
    try:
        return read_members(descriptor, {"version", "created"})
    except (OSError, ValueError):
        return {}


def _append_changelog(output: Path, entry: str) -> None:
    path = output / "datasets" / "CHANGELOG.md"
    header = "# Data releases\n\nEach release: rows per table, and rows added, removed and changed since the one before.\n\n"
    body = path.read_text(encoding="utf-8")[len(header) :] if path.exists() else ""
    _write_text(path, header + entry + ("\n" + body if body else ""))


def _read_json(path: Path):
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


INDEX_FIELDS = ("version", "created", "row_counts", "hashes")


def _write_index(output: Path) -> None:
    """datasets/releases/index.json: every release, oldest first, with its row counts and file hashes.

    Only the summary: the sources and the snapshot of every document stay in each release's own
    `release.json` (at 10,000 sources that record is ~4 MB; copying it into the index made every
    publish read and write all of history). A release already in the index is not read again.
    """
    path = releases_dir(output) / "index.json"
    known = {e["version"]: e for e in (_read_json(path) or {}).get("releases", [])}
    entries = []
    for version in published_versions(output):
        entry = known.get(version)
        if entry is None or set(entry) != {*INDEX_FIELDS, "release"}:  # new, or in the index's older form
            record_path = releases_dir(output) / version / "release.json"
            if not record_path.exists():
                continue
            record = read_members(record_path, set(INDEX_FIELDS))  # not its snapshots and sources
            entry = {**{k: record.get(k) for k in INDEX_FIELDS}, "release": f"{version}/release.json"}
        entries.append(entry)
    text = json.dumps({"releases": entries}, ensure_ascii=False, indent=2) + "\n"
    if not (path.exists() and path.read_text(encoding="utf-8") == text):
        _write_text(path, text)


@contextmanager
def _replaced(path: Path) -> Iterator:
    """A text file written beside `path` and renamed over it when complete (readable by everyone)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            yield f
    except BaseException:
        os.unlink(tmp)
        raise
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)


def _write_json(path: Path, data) -> None:
    """Written as it is encoded (`json.dump`, the same text as `json.dumps`): joining the encoder's pieces of
    release.json or datapackage.json at 100,000 documents (every source, every snapshot) first held millions
    of small strings at once."""
    with _replaced(path) as f:
        json.dump(data, f, ensure_ascii=False, indent=2)
        f.write("\n")


_INDENTED = json.JSONEncoder(ensure_ascii=False, indent=2)


def _write_json_listing(path: Path, data: dict, name: str, items: Iterable) -> None:
    """The bytes `_write_json` writes for `data` with `items` as the list of its member `name` (whose place
    in `data` it takes), that list made and written an item at a time."""
    with _replaced(path) as f:
        for at, (key, value) in enumerate(data.items()):
            f.write(f"{',' if at else '{'}\n  {_INDENTED.encode(key)}: ")
            if key != name:
                write_nested(f, value, _INDENTED, 1)
                continue
            f.write("[")
            count = 0
            for count, item in enumerate(items, start=1):
                f.write(f"{',' if count > 1 else ''}\n    ")
                write_nested(f, item, _INDENTED, 2)
            f.write("\n  ]" if count else "]")
        f.write("\n}\n" if data else "{}\n")


def _write_text(path: Path, text: str) -> None:
    with _replaced(path) as f:
        f.write(text)


__all__ = ["KeptBytes", "Problem", "Release", "ValidationFailed", "publish_release"]
