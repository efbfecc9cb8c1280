"""The search indexes of a SQLite build, with nothing heavier than the standard library to import.

Why a module of its own: `yanglao.serve.sqlite` builds the biggest index itself and the others in a second
Python process (`_build_indexes_aside`), which imports only this module. Importing `sqlite_utils` would
also import pandas, numpy and pyarrow (sqlite-utils tries pandas at import): 100 MB of PSS for a process
that needs csv and sqlite3, held while the build beside it holds its own (BENCHMARKS.md, fourteenth round).
"""

from __future__ import annotations

import csv
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

from yanglao.fields import TABLES_BY_NAME, Table
from yanglao.serve import search


def _number(value: str) -> int | float:
    number = float(value)
    return int(number) if number.is_integer() else number


def _boolean(value: str) -> int:
    return 1 if value == "true" else 0


_CONVERTERS = {"integer": int, "number": _number, "boolean": _boolean}

# Columns only the SQLite build has (issue 16: the long text was stored twice, 20 of the 34 KB a
# document took). A document's text is stored once, compressed: `text_deflate` (zlib of its GB18030
# bytes, ~2.7-3× smaller than its UTF-8), its `text` NULL. A measure's body is a stretch of its document's text: `text_start`
# and `text_end` say where, and its `text` is NULL (stored only when the body is not found there).
# Read them with `search.column_sql` on a connection given `search.register_functions`; Datasette
# shows them (`yanglao.serve.web`) and searches them (`yanglao.serve.plugin`).
EXTRA_COLUMNS: dict[str, dict[str, str]] = {
    "documents": {"text_deflate": "blob"},
    "measures": {"text_start": "integer", "text_end": "integer"},
}


def _field_types(table: Table) -> dict[str, str]:
    return {f.name: f.type for f in table.fields} | EXTRA_COLUMNS.get(table.name, {})


def _row_converter(table: Table, header: list[str]):
    """A function from one CSV record (list of strings) to the row to insert, in `header` order.

    An empty cell is NULL; text stays as it is; integers, numbers and booleans are converted.
    One list comprehension per row, and a function call only for the typed cells.
    """
    kinds = _field_types(table)
    typed = [(i, _CONVERTERS[kinds[name]]) for i, name in enumerate(header) if kinds[name] in _CONVERTERS]

    def convert(record: list[str]) -> list:
        row = [value or None for value in record]
        for i, to_type in typed:
            if row[i] is not None:
                row[i] = to_type(row[i])
        return row

    return convert


# While an index is filled in one go: a buffer of pending terms of 16 MB (FTS5's default, 1 MB, writes a
# segment every few hundred rows; memory is only taken as terms come), and no merging but a final
# 'optimize', which then has a few segments to merge. Set back to FTS5's defaults afterwards, so that the
# small writes of `update_database` are merged as usual. (Measured at 512 MB against the defaults: about
# half the time.) The buffer was 512 MB: building the 100,000-document release alone, the process rose
# 108 → 569 MB with it and 108 → 288 MB with 64 MB; the build took 181 s with 64 MB and 175 s with 16 MB,
# on an idle machine (its 512 MB run, 344 s, shared the machine with a test run, so its time is not
# comparable). 64 → 16 MB in the thirteenth round of issue 16: two processes build indexes at once (here
# and `_build_indexes_aside`), and the full rebuild's process tree peaked while they did (BENCHMARKS.md).
FTS_BUILD_CONFIG = (("hashsize", 16 << 20), ("automerge", 0))
FTS_DEFAULT_CONFIG = (("hashsize", 1 << 20), ("automerge", 4))


def _configure_index(conn: sqlite3.Connection, name: str, config) -> None:
    for key, value in config:
        conn.execute(f"INSERT INTO [{name}] ([{name}], rank) VALUES (?, ?)", (key, value))


def _search_select(table: Table) -> str:
    """SELECT of (rowid, search column values…) of the table (aliased `t`), wherever the build stores them."""
    columns = ", ".join(search.column_sql(table.name, c) for c in table.search_columns)
    return f"SELECT t.rowid, {columns} FROM [{table.name}] t"


def _search_rows(conn: sqlite3.Connection, table: Table, where: str = "", params=()) -> list[tuple]:
    """(rowid, search column values…) of the table's rows matching `where` (on columns of `t`)."""
    return conn.execute(f"{_search_select(table)} {where}", params).fetchall()


def _index_rows(conn: sqlite3.Connection, table: Table, rows, command: str = "") -> None:
    """Add (or with command 'delete', remove) the index entries of `rows` (as `_search_rows` gives)."""
    name = search.index_name(table.name)
    tokens = search.index_tokens
    if command:
        sql = f"INSERT INTO [{name}] ([{name}], rowid, tokens) VALUES ('{command}', ?, ?)"
    else:
        sql = f"INSERT INTO [{name}] (rowid, tokens) VALUES (?, ?)"
    conn.executemany(sql, ((row[0], tokens(row[1:])) for row in rows))


def build_search_index(conn: sqlite3.Connection, table: Table, rows: Iterable[tuple] | None = None) -> None:
    """Fill `<table>_search` from the table's search columns (see yanglao.serve.search).

    `rows` are the table's `_search_rows`, read from `conn` when not given (an index can be built
    in a database of its own).
    """
    name = search.index_name(table.name)
    conn.execute(search.create_index_sql(table.name))
    _configure_index(conn, name, FTS_BUILD_CONFIG)
    if rows is None:  # streamed, not fetched: at 100,000 documents their text alone is 1 GB
        rows = conn.execute(_search_select(table))
    _index_rows(conn, table, rows)
    conn.execute(f"INSERT INTO [{name}] ([{name}]) VALUES ('optimize')")
    _configure_index(conn, name, FTS_DEFAULT_CONFIG)


PAGE_SIZE = 2048
# The database is built (and updated) in a temporary file that replaces the old one only when
# complete, and is deleted if anything fails: so no journal and no fsync while writing it.
BUILD_PRAGMAS = (
    # Pages of 2 KB, not 4: a compressed text of 2-6 KB overflows its page, and the last overflow page is
    # on average half empty (16% of the documents table at 4 KB). Measured on the benchmark's builds:
    # 20.05 -> 19.50 KB per document at 1,000, 19.76 -> 19.43 at 10,000, `_search` no slower. Takes
    # effect on a new file only; an update keeps its copy's size.
    f"PRAGMA page_size = {PAGE_SIZE}",
    "PRAGMA journal_mode = OFF",
    "PRAGMA synchronous = OFF",
    # A page cache of 64 MB and sorts in temporary files: the whole 10,000-document build held in a 256 MB
    # cache and sorted in memory was +226 MB of peak RSS, +118 MB so, and 17.4 s instead of 18.6 (at
    # 100,000 the cache was bounded, the in-memory sorts of the index builds not); 32 MB took 21.4 s.
    "PRAGMA temp_store = FILE",
    "PRAGMA cache_size = -65536",
)
# FTS5 keeps an index in these ordinary tables (content='' and columnsize=0: no others).
INDEX_SHADOW_TABLES = ("data", "idx", "config")


def _connect_for_build(path: str | Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path)
    search.register_functions(conn)
    for pragma in BUILD_PRAGMAS:
        conn.execute(pragma)
    return conn


def _csv_search_rows(table: Table, path: Path) -> Iterator[tuple]:
    """`_search_rows` of a table built from this CSV, one at a time: rowids are 1, 2, … in file order."""
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        at = [header.index(c) for c in table.search_columns]
        convert = _row_converter(table, header)
        for rowid, row in enumerate(map(convert, reader), 1):
            yield (rowid, *(row[i] for i in at))


def _build_indexes_aside(release: str, names: list[str], path: str) -> None:
    """In a process of its own: the search indexes of `names`, from the release CSVs, into `path`."""
    conn = _connect_for_build(path)
    # An index alone is written in order: 8 MB of page cache, not the 64 MB of the build beside it. A full
    # rebuild's process tree peaks while both run (BENCHMARKS.md, thirteenth round): 3,000 documents 426-431 ->
    # 415 MB of PSS, 10,000 511 -> 496, the SQLite stage no slower (8.5 s against 8.4-9.1), one run each.
    conn.execute("PRAGMA cache_size = -8192")
    try:
        for name in names:
            table = TABLES_BY_NAME[name]
            build_search_index(conn, table, _csv_search_rows(table, Path(release) / f"{name}.csv"))
        conn.commit()
    finally:
        conn.close()
