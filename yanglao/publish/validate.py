"""Checks every release must pass before it is published.

Two kinds: the Frictionless validation of the written package against the table
schemas (types, constraints, enums, primary and foreign keys, hashes), and the
project's own invariants that no schema can express (`text[start:end] == quote`).
Problems come back as rows that name table, row key, field and reason.
"""

from __future__ import annotations

import csv
import re
from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from yanglao.fields import TABLES_BY_NAME


@dataclass(frozen=True)
class Problem:
    """One validation problem: table, row key, field and reason, printed as one line."""

    table: str
    row_key: str | None
    field: str | None
    reason: str

    def __str__(self) -> str:
        where = self.table
        if self.row_key:
            where += f" row {self.row_key}"
        if self.field:
            where += f" field {self.field}"
        return f"{where}: {self.reason}"


class ValidationFailed(RuntimeError):
    """A release did not pass validation; nothing was published."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        shown = "; ".join(str(p) for p in problems[:5])
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        super().__init__(f"{len(problems)} validation problem(s): {shown}{more}")


def check_provenance(documents: list[dict], tables: dict[str, list[dict]]) -> list[Problem]:
    """Every extracted row must quote its document exactly at its offsets."""
    texts = {d["document_id"]: d["text"] for d in documents}
    problems = []
    for name in ("targets", "subsidies"):
        key = TABLES_BY_NAME[name].primary_key
        for row in tables.get(name, []):
            text = texts.get(row["document_id"])
            if text is None:
                problems.append(Problem(name, row[key], "document_id", f"no document {row['document_id']}"))
            elif text[row["start"] : row["end"]] != row["quote"]:
                problems.append(
                    Problem(name, row[key], "quote", f"text[{row['start']}:{row['end']}] is not the quote")
                )
    for row in tables.get("measures", []):
        text = texts.get(row["document_id"])
        if text is not None and not (0 <= row["start"] < row["end"] <= len(text)):
            problems.append(Problem("measures", row["measure_id"], "start", "span outside the document text"))
    return problems


def validate_package(descriptor_path: Path) -> list[Problem]:
    """Frictionless validation of a written release, with each error mapped to its row's primary key."""
    from frictionless import Package

    report = Package(str(descriptor_path)).validate()
    if report.valid:
        return []
    base = Path(descriptor_path).parent
    problems = []
    for task in report.tasks:
        name = task.name
        keys = (
            _row_keys(base / f"{name}.csv", TABLES_BY_NAME[name].primary_key)
            if name in TABLES_BY_NAME
            else {}
        )
        for error in task.errors:
            row_number = getattr(error, "row_number", None)
            field = getattr(error, "field_name", None)
            row_key = keys.get(row_number) if row_number else None
            if row_number and not row_key:
                row_key = f"#{row_number}"
            problems.append(Problem(name, row_key, field, f"{error.type}: {error.note or error.message}"))
    for error in report.errors:
        problems.append(Problem("datapackage", None, None, f"{error.type}: {error.note or error.message}"))
    return problems


def _row_keys(path: Path, primary_key: str) -> dict[int, str]:
    """Row number (header = 1, as Frictionless counts) → primary key value."""
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as f:
        return {number: row.get(primary_key, "") for number, row in enumerate(csv.DictReader(f), start=2)}


def check_keys(tables: dict[str, list[dict]], scans: dict[str, _KeyScan] | None = None) -> list[Problem]:
    """Primary keys unique and foreign keys resolved, over whole tables, in plain Python.

    Frictionless checks the same when it validates a whole package; a release that validates only
    its changed rows with Frictionless runs this over everything instead. Keys are compared by their
    64-bit hashes, held in sorted arrays (8 bytes a row: the sets of every key were ~240 MB at 100,000
    documents), and a table is read a second time only to name the rows of a problem, so that a
    repeated hash is reported only when the keys themselves repeat. `scans`: the hashes already taken
    (`KeyScanner`, in the pass that wrote the tables), so that the tables are not read for them again.
    """
    if scans is None:
        scanner = KeyScanner()
        for table in TABLES_BY_NAME.values():
            scanner.add(table.name, tables.get(table.name, []))
        scans = scanner.scans()
    problems = []
    for table in TABLES_BY_NAME.values():
        problems += _duplicate_keys(table, tables.get(table.name, []), scans[table.name])
    for table in TABLES_BY_NAME.values():
        problems += _dangling_references(table, tables.get(table.name, []), scans)
    return problems


@dataclass
class _KeyScan:
    """One pass over a table: its primary keys' hashes (sorted) and each foreign key's. The rows of a problem
    are found again by hash, not by position: the pass may see the rows in another order than the table's."""

    keys: np.ndarray
    references: dict[str, np.ndarray]  # field -> hashes


class KeyScanner:
    """Every table's key hashes (`_KeyScan`), taken a group of rows at a time, in each table's row order."""

    def __init__(self) -> None:
        self._tables = {table.name: _KeyHashes(table) for table in TABLES_BY_NAME.values()}

    def add(self, table: str, rows: Iterable[dict]) -> None:
        self._tables[table].add(rows)

    def scans(self) -> dict[str, _KeyScan]:
        return {name: hashes.scan() for name, hashes in self._tables.items()}


class _KeyHashes:
    def __init__(self, table) -> None:
        self.table = table
        self.keys = array("q")
        self.fields = [f for f, _, _ in table.foreign_keys]
        self.hashes = {f: array("q") for f in self.fields}

    def add(self, rows: Iterable[dict]) -> None:
        primary_key, fields = self.table.primary_key, self.fields
        for row in rows:
            self.keys.append(hash(row.get(primary_key)))
            for f in fields:
                value = row.get(f)
                if value not in (None, ""):
                    self.hashes[f].append(hash(value))

    def scan(self) -> _KeyScan:
        sorted_keys = np.frombuffer(self.keys, dtype=np.int64).copy()
        sorted_keys.sort()
        return _KeyScan(sorted_keys, {f: np.frombuffer(self.hashes[f], dtype=np.int64) for f in self.fields})


def _duplicate_keys(table, rows, scan: _KeyScan) -> list[Problem]:
    keys = scan.keys
    repeated = set(keys[1:][keys[1:] == keys[:-1]].tolist())
    if not repeated:
        return []
    problems, seen = [], set()
    for row in rows:
        key = row.get(table.primary_key)
        if hash(key) not in repeated:
            continue
        if key in seen:
            problems.append(Problem(table.name, str(key), table.primary_key, "primary-key: duplicate key"))
        seen.add(key)
    return problems


def _dangling_references(table, rows, scans: dict[str, _KeyScan]) -> list[Problem]:
    problems = []
    for field, ref_table, _ref_field in table.foreign_keys:
        values = scans[table.name].references[field]
        targets = scans[ref_table].keys if ref_table in scans else np.empty(0, dtype=np.int64)
        at = np.searchsorted(targets, values)
        found = at < len(targets)
        found[found] = targets[at[found]] == values[found]
        missing = set(values[~found].tolist())
        if not missing:
            continue
        for row in rows:
            value = row.get(field)
            if value not in (None, "") and hash(value) in missing:
                problems.append(
                    Problem(
                        table.name,
                        str(row.get(table.primary_key)),
                        field,
                        f"foreign-key: no {ref_table} row {row.get(field)}",
                    )
                )
    return problems


def validate_rows(files: dict[str, bytes | Path], descriptor: dict, folder: Path) -> list[Problem]:
    """Frictionless validation of some rows of each table (types, constraints, enums, patterns), as CSV
    files in `folder` (bytes written there, or a file already written elsewhere linked there: Frictionless
    reads from a path, so a whole table need not be in memory); keys across tables are `check_keys`'s job."""
    import json
    import os
    import shutil

    resources = []
    for resource in descriptor["resources"]:
        name = resource["name"]
        data, target = files[name], folder / f"{name}.csv"
        if isinstance(data, Path):
            try:
                os.link(data, target)
            except OSError:  # another file system, or no hard links: a copy, still never in memory
                shutil.copyfile(data, target)
        else:
            target.write_bytes(data)
        schema = {k: v for k, v in resource["schema"].items() if k not in {"foreignKeys", "primaryKey"}}
        resources.append(
            {"name": name, "path": f"{name}.csv", "format": "csv", "encoding": "utf-8", "schema": schema}
        )
    path = folder / "datapackage.json"
    path.write_text(
        json.dumps({"name": "subset", "resources": resources}, ensure_ascii=False), encoding="utf-8"
    )
    return validate_package(path)


class RowChecker:
    """The Frictionless constraints of one table (type, required, enum, pattern, minimum, maximum),
    compiled once and applied to Python rows before they are written.

    Used to catch an extractor's bad row at the document it came from, so that the document keeps
    its last good rows and the release goes ahead; Frictionless still validates what is published.
    """

    TYPES = {
        "string": (str,),
        "integer": (int,),
        "number": (int, float),
        "boolean": (bool,),
        "date": (str,),
        "datetime": (str,),
    }
    FORMATS = {
        "date": re.compile(r"\d{4}-\d{2}-\d{2}"),
        "datetime": re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?"),
    }

    def __init__(self, schema: dict):
        self.fields = []
        for field in schema["fields"]:
            constraints = field.get("constraints", {})
            pattern = constraints.get("pattern")
            kind = field["type"]
            self.fields.append(
                (
                    field["name"],
                    kind,
                    self.TYPES.get(kind),  # (None: a type this check does not know, an error only at a value)
                    kind in {"integer", "number"},  # (where a bool, an int to Python, is no value)
                    self.FORMATS.get(kind),
                    constraints.get("required", False),
                    set(constraints["enum"]) if "enum" in constraints else None,
                    re.compile(pattern) if pattern else None,
                    constraints.get("minimum"),
                    constraints.get("maximum"),
                )
            )

    def problems(self, row: dict) -> list[tuple[str, str]]:
        """The field problems of one row: the same checks Frictionless makes, without reading a file."""
        out = []
        for name, kind, types, numeric, form, required, enum, pattern, minimum, maximum in self.fields:
            value = row.get(name)
            if value is None or value == "":
                if required:
                    out.append((name, "a value is required"))
                continue
            if types is None:
                raise KeyError(kind)  # (as the lookup at each value did before)
            if not isinstance(value, types) or (numeric and isinstance(value, bool)):
                out.append((name, f"not a {kind}: {value!r}"))
                continue
            if form is not None and not form.fullmatch(value):
                out.append((name, f"not a {kind}: {value!r}"))
            if enum is not None and value not in enum:
                out.append((name, f"{value!r} is not one of the allowed values"))
            if pattern is not None and isinstance(value, str) and not pattern.fullmatch(value):
                out.append((name, f"{value!r} does not match the pattern"))
            if minimum is not None and value < minimum:
                out.append((name, f"{value!r} is below {minimum}"))
            if maximum is not None and value > maximum:
                out.append((name, f"{value!r} is above {maximum}"))
        return out


_CHECKERS: dict[str, RowChecker] = {}


def document_problems(document: dict, rows: dict[str, list[dict]]) -> list[str]:
    """Why a freshly extracted document cannot be published as it is (empty when it can)."""
    from yanglao.fields import table_schema

    found = []
    for name, table_rows in (("documents", [document]), *rows.items()):
        if name not in _CHECKERS:
            _CHECKERS[name] = RowChecker(table_schema(TABLES_BY_NAME[name]))
        key = TABLES_BY_NAME[name].primary_key
        for row in table_rows:
            for field, reason in _CHECKERS[name].problems(row):
                found.append(f"{name} row {row.get(key)} field {field}: {reason}")
    for name in ("targets", "subsidies"):
        for row in rows.get(name, []):
            if document["text"][row["start"] : row["end"]] != row["quote"]:
                found.append(
                    f"{name} row {row[TABLES_BY_NAME[name].primary_key]} field quote: not at its offsets"
                )
    return found
