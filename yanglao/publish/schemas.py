"""Writes `schemas/*.json` from the field registry (and checks they are current)."""

from __future__ import annotations

import json
from pathlib import Path

from yanglao.fields import TABLES, table_schema


def schema_text(name: str) -> str:
    """A table's Frictionless schema as the JSON written to schemas/."""
    table = next(t for t in TABLES if t.name == name)
    return json.dumps(table_schema(table), ensure_ascii=False, indent=2) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    """Write schemas/*.json from the field registry, so the files cannot disagree with the code."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table in TABLES:
        path = folder / f"{table.name}.json"
        path.write_text(schema_text(table.name), encoding="utf-8")
        written.append(path)
    return written
