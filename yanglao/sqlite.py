"""The SQLite build of a release, for Datasette: typed tables, keys and indexes.

Built from the release's own CSV files (what consumers download is what they browse),
into a temporary file that replaces the old database only when complete.
"""

from __future__ import annotations

import csv
import os
import tempfile
from pathlib import Path

import sqlite_utils

from yanglao.fields import TABLES, Table

SQLITE_TYPES = {"string": str, "integer": int, "number": float, "boolean": int, "date": str, "datetime": str}


def typed_rows(table: Table, path: Path):
    converters = {f.name: f.type for f in table.fields}
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            out = {}
            for name, value in row.items():
                kind = converters[name]
                if value == "":
                    out[name] = None
                elif kind == "integer":
                    out[name] = int(value)
                elif kind == "number":
                    number = float(value)
                    out[name] = int(number) if number.is_integer() else number
                elif kind == "boolean":
                    out[name] = 1 if value == "true" else 0
                else:
                    out[name] = value
            yield out


def build_database(release: Path, db_path: Path, version: str | None = None) -> Path:
    db_path = Path(db_path)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=db_path.parent, prefix=".build-", suffix=".db")
    os.close(fd)
    try:
        db = sqlite_utils.Database(tmp)
        for table in TABLES:
            columns = {f.name: SQLITE_TYPES[f.type] for f in table.fields}
            foreign_keys = [(f, ref, ref_field) for f, ref, ref_field in table.foreign_keys]
            db[table.name].create(columns, pk=table.primary_key, foreign_keys=foreign_keys)
            db[table.name].insert_all(typed_rows(table, Path(release) / f"{table.name}.csv"), batch_size=1000)
            for f in table.fields:
                if f.facet or f.name in {"document_id", "measure_id", "parent_id"}:
                    if f.name != table.primary_key:
                        db[table.name].create_index([f.name], if_not_exists=True)
        db["releases"].insert(
            {"version": version or Path(release).name, "path": str(Path(release).name)}, pk="version", replace=True
        )
        db.conn.commit()
        db.close()
        os.chmod(tmp, 0o644)
        os.replace(tmp, db_path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return db_path
