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
