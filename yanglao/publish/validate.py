"""Checks every release must pass before it is published.

Two kinds: the Frictionless validation of the written package against the table
schemas (types, constraints, enums, primary and foreign keys, hashes), and the
project's own invariants that no schema can express (`text[start:end] == quote`).
Problems come back as rows that name table, row key, field and reason.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

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


def check_keys(tables: dict[str, list[dict]]) -> list[Problem]:
    """Primary keys unique and foreign keys resolved, over whole tables, in plain Python.

    Frictionless checks the same when it validates a whole package; a release that validates only
    its changed rows with Frictionless runs this over everything instead.
    """
    problems = []
    keys: dict[str, set] = {}
    for table in TABLES_BY_NAME.values():
        seen: set = set()
        for row in tables.get(table.name, []):
            key = row.get(table.primary_key)
            if key in seen:
                problems.append(
                    Problem(table.name, str(key), table.primary_key, "primary-key: duplicate key")
                )
            seen.add(key)
        keys[table.name] = seen
    for table in TABLES_BY_NAME.values():
        for field, ref_table, _ref_field in table.foreign_keys:
            targets = keys.get(ref_table, set())
            for row in tables.get(table.name, []):
                value = row.get(field)
                if value not in (None, "") and value not in targets:
                    problems.append(
                        Problem(
                            table.name,
                            str(row.get(table.primary_key)),
                            field,
                            f"foreign-key: no {ref_table} row {value}",
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
            self.fields.append(
                (
                    field["name"],
                    field["type"],
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
        for name, kind, required, enum, pattern, minimum, maximum in self.fields:
            value = row.get(name)
            if value is None or value == "":
                if required:
                    out.append((name, "a value is required"))
                continue
            if not isinstance(value, self.TYPES[kind]) or (
                kind in {"integer", "number"} and isinstance(value, bool)
            ):
                out.append((name, f"not a {kind}: {value!r}"))
                continue
            if kind in self.FORMATS and not self.FORMATS[kind].fullmatch(value):
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
