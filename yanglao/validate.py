"""Checks every release must pass before it is published.

Two kinds: the Frictionless validation of the written package against the table
schemas (types, constraints, enums, primary and foreign keys, hashes), and the
project's own invariants that no schema can express (`text[start:end] == quote`).
Problems come back as rows that name table, row key, field and reason.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from yanglao.fields import TABLES_BY_NAME


@dataclass(frozen=True)
class Problem:
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


def validate_rows(files: dict[str, bytes], descriptor: dict, folder: Path) -> list[Problem]:
    """Frictionless validation of some rows of each table (types, constraints, enums, patterns), written
    as CSV files into `folder`; keys across tables are `check_keys`'s job."""
    import json

    resources = []
    for resource in descriptor["resources"]:
        name = resource["name"]
        (folder / f"{name}.csv").write_bytes(files[name])
        schema = {k: v for k, v in resource["schema"].items() if k not in {"foreignKeys", "primaryKey"}}
        resources.append(
            {"name": name, "path": f"{name}.csv", "format": "csv", "encoding": "utf-8", "schema": schema}
        )
    path = folder / "datapackage.json"
    path.write_text(
        json.dumps({"name": "subset", "resources": resources}, ensure_ascii=False), encoding="utf-8"
    )
    return validate_package(path)
