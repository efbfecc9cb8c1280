"""The SQLite build of a release, for Datasette: typed tables, keys, indexes, search and metadata.

Built from the release's own CSV files (what consumers download is what they browse),
into a temporary file that replaces the old database only when complete. Beside the
database the build writes what `yanglao serve` (or a plain `datasette serve`) needs:

- `metadata.json`: the Datasette metadata, generated from the field registry
  (`yanglao.serve.metadata`);
- `inspect.json`: row counts and hash, so an immutable (`-i`) Datasette starts
  without counting rows.

Besides the five tables of the release, the database has (every table described in `yanglao.fields`):

- `<table>_search` for every table with search columns: the character and
  character-pair index that makes Chinese search work for terms of any length
  (`yanglao.serve.search`; queried by the Datasette plugin `yanglao.serve.plugin`);
- `source_status`: each source's fetch state after the latest refresh (when the flow
  passes it);
- `releases`: every release up to this one (version, created, rows per table, file
  hashes; the snapshot hash per document for this release), from the releases'
  `index.json` and this release's `release.json`;
- `code_<column>` for every coded column (`kind`, `doc_type`, `category`, ...): code → Chinese
  label, each coded column a foreign key to it, so that Datasette labels cells and facets. (The
  tables carry their place themselves, so the `*_with_document` views of earlier builds are gone.)

A new release whose previous one the database was built from is applied in place of a
rebuild by `update_database`: only the rows (and search entries) of the documents that
changed are replaced, so its cost follows the change. `build_database` builds everything:
with the batch inserts, build pragmas and FTS5 settings here, and the search indexes
built on two cores, 10,000 documents (140 MB of text) take ~15 s instead of ~52 s (issue 8).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import mmap
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import sqlite_utils

from yanglao.fields import (
    LISTING_STATUS,
    RELEASES,
    SOURCE_STATUS,
    TABLES,
    Table,
    code_tables,
)
from yanglao.jsonfile import read_members
from yanglao.memory import return_free_memory
from yanglao.serve import search
from yanglao.serve.indexes import (
    INDEX_SHADOW_TABLES,
    _connect_for_build,
    _field_types,
    _index_rows,
    _row_converter,
    _search_rows,
    build_search_index,
)
from yanglao.serve.metadata import write_metadata

SQLITE_TYPES = {
    "string": str, "integer": int, "number": float, "boolean": int, "date": str, "datetime": str, "blob": bytes,
}  # fmt: skip
METADATA_FILE = "metadata.json"
INSPECT_FILE = "inspect.json"


def code_foreign_keys(table: Table) -> list[tuple[str, str, str]]:
    """(column, code table, "code") for each coded column of a table."""
    coded = {t.name[len("code_") :] for t in code_tables()}
    return [(f.name, f"code_{f.name}", "code") for f in table.fields if f.name in coded]


def typed_rows(table: Table, path: Path):
    """The rows of a release CSV as dicts of typed values (NULL for an empty cell)."""
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        convert = _row_converter(table, header)
        for record in reader:
            yield dict(zip(header, convert(record), strict=True))


def _texts_stored_once(conn: sqlite3.Connection, table: Table, header: list[str], records):
    """`header` and `records` as the build stores them (`EXTRA_COLUMNS`): a document's text deflated; a
    measure's body, when found in its document's text (already in `documents`), as its offsets there."""
    if table.name == "documents":
        at = header.index("text")

        def deflated(record: list[str]) -> list:
            text = record[at]
            return [*record[:at], "", *record[at + 1 :], search.deflate(text) if text else None]

        return [*header, "text_deflate"], map(deflated, records)
    if table.name != "measures":
        return header, records
    return [*header, "text_start", "text_end"], map(_measure_offsets(conn, header), records)


def _measure_offsets(conn: sqlite3.Connection, header: list[str]):
    at = {name: header.index(name) for name in ("document_id", "text", "start", "end")}
    documents: dict[str, str] = {}  # the rows of a document follow each other: one text at a time

    def document_text(document_id: str) -> str:
        if document_id not in documents:
            documents.clear()
            row = conn.execute(
                f"SELECT {search.column_sql('documents', 'text')} FROM documents t WHERE document_id = ?",
                (document_id,),
            ).fetchone()
            documents[document_id] = (row[0] if row else None) or ""
        return documents[document_id]

    def offsets(record: list[str]) -> list:
        body = record[at["text"]]
        if not body:
            return [*record, None, None]
        text = document_text(record[at["document_id"]])
        start, end = record[at["start"]], record[at["end"]]
        found = text.find(body, int(start), int(end)) if start and end else text.find(body)
        if found == -1:
            return [*record, None, None]
        record = list(record)
        record[at["text"]] = ""
        return [*record, found, found + len(body)]

    return offsets


def _insert_records(conn: sqlite3.Connection, table: Table, header: list[str], records) -> None:
    header, records = _texts_stored_once(conn, table, header, records)
    columns = ", ".join(f"[{name}]" for name in header)
    marks = ", ".join("?" * len(header))
    conn.executemany(
        f"INSERT INTO [{table.name}] ({columns}) VALUES ({marks})",
        map(_row_converter(table, header), records),
    )


def insert_csv(conn: sqlite3.Connection, table: Table, path: Path) -> None:
    """Insert every row of a release CSV, in file order (one executemany, no dict per row)."""
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        _insert_records(conn, table, next(reader), reader)


def _descriptor(release: Path) -> dict:
    return json.loads((release / "datapackage.json").read_text(encoding="utf-8"))


def release_rows(release: Path) -> list[dict]:
    """Rows of the `releases` table: every release in the releases' index.json up to this one."""
    release = Path(release)
    own = release / "release.json"
    # Only the members needed: at 100,000 documents release.json is ~43 MB (every snapshot and source)
    # and datapackage.json ~15 MB; decoding them whole cost ~250 MB at the end of the build.
    record = read_members(own, {"version", "created", "snapshots"}) if own.exists() else {}
    descriptor = None if "version" in record else _descriptor(release)
    version = record["version"] if descriptor is None else descriptor["version"]
    index_path = release.parent / "index.json"
    entries = []
    if index_path.exists():
        entries = json.loads(index_path.read_text(encoding="utf-8")).get("releases", [])
        versions = [e["version"] for e in entries]
        entries = entries[: versions.index(version) + 1] if version in versions else []
    if not entries:  # a release folder on its own: everything comes from its own files
        descriptor = descriptor or _descriptor(release)
        hashes = {}
        for resource in descriptor["resources"]:
            hashes[Path(resource["path"]).name] = resource["hash"]
            if "json" in resource:
                hashes[Path(resource["json"]["path"]).name] = resource["json"]["hash"]
        with (release / "documents.csv").open(encoding="utf-8", newline="") as f:
            snapshots = {r["document_id"]: r["content_sha256"] for r in csv.DictReader(f)}
        with_counts = {}
        for t in TABLES:
            with (release / f"{t.name}.csv").open(encoding="utf-8", newline="") as f:
                with_counts[t.name] = sum(1 for _ in csv.DictReader(f))
        entries = [
            {
                "version": version,
                "created": descriptor["created"],
                "row_counts": with_counts,
                "hashes": dict(sorted(hashes.items())),
                "snapshots": snapshots,
            }
        ]
    current_snapshots = record.get("snapshots")
    del record
    rows = []
    for entry in entries:
        # Snapshots of the current release only (an older release's are in its own release.json):
        # copying every release's snapshot list made the build grow with the history.
        snapshots = entry.get("snapshots") or (current_snapshots if entry["version"] == version else None)
        row = {
            "version": entry["version"],
            "created": entry["created"],
            "is_current": int(entry["version"] == version),
        }
        for t in TABLES:
            row[f"{t.name}_rows"] = entry.get("row_counts", {}).get(t.name)
        row["hashes"] = json.dumps(entry.get("hashes", {}), ensure_ascii=False, sort_keys=True)
        row["snapshots"] = (
            None if snapshots is None else json.dumps(snapshots, ensure_ascii=False, sort_keys=True)
        )
        rows.append(row)
    return rows


def _create_table(db: sqlite_utils.Database, table: Table) -> None:
    columns = {name: SQLITE_TYPES[kind] for name, kind in _field_types(table).items()}
    foreign_keys = [(f, ref, ref_field) for f, ref, ref_field in table.foreign_keys]
    foreign_keys += [fk for fk in code_foreign_keys(table) if fk[0] not in {f for f, _, _ in foreign_keys}]
    db[table.name].create(columns, pk=table.primary_key, foreign_keys=foreign_keys)


# Below this much text in the tables indexed aside, a second process costs more than it saves.
PARALLEL_MIN_BYTES = 8 << 20


def _split_indexes(release: Path) -> tuple[list[Table], list[Table]]:
    """The searchable tables to index here and aside: the one with the most text here, when worth it."""
    sizes = {t.name: (release / f"{t.name}.csv").stat().st_size for t in TABLES}
    tables = sorted((t for t in TABLES if t.search_columns), key=lambda t: -sizes[t.name])
    here, aside = tables[:1], tables[1:]
    if (os.cpu_count() or 1) < 2 or sum(sizes[t.name] for t in aside) < PARALLEL_MIN_BYTES:
        return tables, []
    return here, aside


def _start_indexes_aside(release: Path, tables: list[Table], path: str) -> subprocess.Popen:
    """`_build_indexes_aside` in a new Python process (multiprocessing would import the caller's __main__)."""
    package_root = str(Path(__file__).resolve().parents[2])
    # This very code, first on the path: `python -c` puts the working folder first, and a working folder
    # holding another `yanglao` (a checkout, while a copy of the code runs) would build the indexes with it.
    code = (
        f"import sys; sys.path.insert(0, {package_root!r}); "
        "from yanglao.serve.indexes import _build_indexes_aside as b; b(sys.argv[1], sys.argv[3:], sys.argv[2])"
    )
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [package_root, env.get("PYTHONPATH")]))
    return subprocess.Popen(
        [sys.executable, "-c", code, str(release), path, *(t.name for t in tables)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _wait(process: subprocess.Popen) -> None:
    _, stderr = process.communicate()
    if process.returncode:
        raise RuntimeError(f"building search indexes aside failed: {stderr.decode(errors='replace')[-2000:]}")


def _copy_indexes(conn: sqlite3.Connection, tables: list[Table], path: str) -> None:
    """Give the database the indexes built aside at `path`.

    An FTS5 index is its shadow tables: the index is created empty here and its shadow tables
    are given the rows of the one built aside. The caller closes the connection before anything
    else touches a copied index (it may have cached the empty one's structure).
    """
    conn.commit()
    conn.execute("ATTACH DATABASE ? AS side", (path,))
    for table in tables:
        name = search.index_name(table.name)
        conn.execute(search.create_index_sql(table.name))
        for shadow in INDEX_SHADOW_TABLES:
            conn.execute(f"DELETE FROM main.[{name}_{shadow}]")
            conn.execute(f"INSERT INTO main.[{name}_{shadow}] SELECT * FROM side.[{name}_{shadow}]")
    conn.commit()
    conn.execute("DETACH DATABASE side")


def build_database(
    release: Path,
    db_path: Path,
    version: str | None = None,
    source_status: list[dict] | None = None,
    listing_status: list[dict] | None = None,
) -> Path:
    """Build the SQLite database of a release folder, with its Datasette metadata and inspect file.

    `source_status` (rows of `yanglao.publish.incremental.status_rows`) fills the `source_status` table,
    which is empty without it. Add nothing to the database afterwards: the inspect file written
    here records its hash and row counts.

    Example: ``build_database(Path("datasets/releases/2026.03.01"), Path("datasets/yanglao.db"))``
    writes `datasets/yanglao.db`, `datasets/metadata.json` and `datasets/inspect.json`.
    """
    release = Path(release)
    db_path = Path(db_path)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    return_free_memory()  # what the steps before freed (the downloads' buffers), before the page caches here
    # The search index is most of the work. On two cores, the tables with less text are indexed
    # in a second process (from the CSVs) while this one fills the tables and indexes the biggest.
    here, aside = _split_indexes(release)
    fd, tmp = tempfile.mkstemp(dir=db_path.parent, prefix=".build-", suffix=".db")
    os.close(fd)
    side_path = f"{tmp}.search"
    side = _start_indexes_aside(release, aside, side_path) if aside else None
    try:
        conn = _connect_for_build(tmp)
        db = sqlite_utils.Database(conn)
        for codes in code_tables():
            _create_table(db, codes)
            db[codes.name].insert_all(
                dict(zip(codes.field_names, row, strict=True)) for row in codes.extra["rows"]
            )
        for table in TABLES:
            _create_table(db, table)
            insert_csv(conn, table, release / f"{table.name}.csv")
            for f in table.fields:
                linked = f.facet or f.name in {"document_id", "measure_id", "parent_id"}
                if linked and f.name != table.primary_key:
                    db[table.name].create_index([f.name], if_not_exists=True)
            if table.sort and table.sort != table.primary_key:
                db[table.name].create_index([table.sort], if_not_exists=True)
            conn.commit()
        for table in here:
            build_search_index(conn, table)
            conn.commit()
        if side:
            for table in aside:  # the rowids the index aside assumed
                rowids = conn.execute(
                    f"SELECT count(*), coalesce(max(rowid), 0) FROM [{table.name}]"
                ).fetchone()
                if rowids[0] != rowids[1]:
                    raise RuntimeError(f"{table.name}: rowids are not 1..n")
            _wait(side)
            _copy_indexes(conn, aside, side_path)
        conn.close()  # see _copy_indexes
        conn = _connect_for_build(tmp)
        db = sqlite_utils.Database(conn)
        releases = release_rows(release)
        _create_table(db, RELEASES)
        db[RELEASES.name].insert_all(releases)
        _create_table(db, SOURCE_STATUS)
        _create_table(db, LISTING_STATUS)
        _replace_status(db, source_status, listing_status)
        db.conn.commit()
        db.conn.execute("ANALYZE")
        db.conn.execute(f"PRAGMA user_version = {build_id()}")
        db.conn.commit()
        db.close()
        os.chmod(tmp, 0o644)
        os.replace(tmp, db_path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    finally:
        if side and side.poll() is None:
            side.kill()
            side.wait()
        Path(side_path).unlink(missing_ok=True)
    current = next(r for r in releases if r["is_current"])
    write_metadata(db_path.parent / METADATA_FILE, current["version"] if version is None else version)
    write_inspect_file(db_path)
    return db_path


def build_id() -> int:
    """Identifies the code that shapes the database, stored as SQLite's user_version."""
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for name in ("serve/sqlite.py", "serve/search.py", "serve/metadata.py", "fields.py"):
        digest.update((package / name).read_bytes())
    return int(digest.hexdigest()[:7], 16)


def update_status(
    db_path: Path, version: str, source_status: list[dict], listing_status: list[dict] | None = None
) -> bool:
    """Refresh only the status tables of a database already built from release `version` by this code.

    Returns False (and changes nothing) when the database is missing, is of another release, or was
    built by other code: then it has to be built again. A run that publishes nothing needs no rebuild.
    """
    db_path = Path(db_path)
    if _built_from(db_path) != version:
        return False
    db = sqlite_utils.Database(db_path)
    with db.conn:
        _replace_status(db, source_status, listing_status)
    db.close()
    write_inspect_file(db_path)
    return True


def _built_from(db_path: Path) -> str | None:
    """The release a database was built from, when it exists and was built by this code; else None."""
    if not db_path.exists():
        return None
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        current = conn.execute("SELECT version FROM releases WHERE is_current = 1").fetchone()
        user_version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError:
        return None
    finally:
        conn.close()
    if not current or user_version != build_id():
        return None
    return current[0]


def update_database(
    release: Path,
    db_path: Path,
    version: str,
    changed_documents: set[str] | None,
    source_status: list[dict] | None = None,
    listing_status: list[dict] | None = None,
) -> bool:
    """Bring the database of the previous release up to `release` by replacing the rows of changed documents.

    `changed_documents` names every document whose rows may differ from the previous release
    (changed, added or removed). The result has the same rows and the same search results as
    `build_database(release, db_path, version, source_status, listing_status)`, in a time that
    follows the size of the change: the database is copied to a temporary file beside it; there
    the rows of those documents are deleted from every table, with their search index entries
    (a contentless index deletes by the tokens it was given, so they are computed again from the
    old rows), their new rows read from the release CSVs (only those rows: the files are sorted
    by document) and indexed; `sources` is replaced whole (it is small), the releases and status
    tables refreshed, and the file renamed into place; then metadata.json and inspect.json.

    Returns False, changing nothing, when it cannot: no database, one not built by this code or
    not from the release before this one (changes.json's "previous"), `changed_documents` None
    or missing a document that changes.json lists, or row counts that do not come out as the
    release's. Then call `build_database`.
    """
    release = Path(release)
    db_path = Path(db_path)
    if changed_documents is None:
        return False
    try:
        changes = json.loads((release / "changes.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    previous = changes.get("previous")
    if not previous or changes.get("version", version) != version or _built_from(db_path) != previous:
        return False
    documents_diff = changes.get("tables", {}).get("documents", {})
    listed = {
        *documents_diff.get("added", []),
        *documents_diff.get("removed", []),
        *documents_diff.get("changed", {}),
    }
    if not listed <= set(changed_documents):
        return False

    fd, tmp = tempfile.mkstemp(dir=db_path.parent, prefix=".update-", suffix=".db")
    os.close(fd)
    try:
        shutil.copyfile(db_path, tmp)
        conn = _connect_for_build(tmp)
        conn.execute("CREATE TEMP TABLE changed (document_id TEXT PRIMARY KEY)")
        conn.executemany("INSERT INTO temp.changed VALUES (?)", ((d,) for d in sorted(changed_documents)))
        changed_rows = "WHERE document_id IN (SELECT document_id FROM temp.changed)"
        for table in TABLES:  # first, while every body can be read (measures' are in documents' text)
            if table.per_document and table.search_columns:
                rows = _search_rows(
                    conn, table, "WHERE t.document_id IN (SELECT document_id FROM temp.changed)"
                )
                _index_rows(conn, table, rows, command="delete")
        for table in TABLES:
            path = release / f"{table.name}.csv"
            if not table.per_document:  # small: replaced whole
                conn.execute(f"DELETE FROM [{table.name}]")
                insert_csv(conn, table, path)
                continue
            conn.execute(f"DELETE FROM [{table.name}] {changed_rows}")
            last = conn.execute(f"SELECT coalesce(max(rowid), 0) FROM [{table.name}]").fetchone()[0]
            header, records = rows_of_documents(path, "document_id", changed_documents)
            _insert_records(conn, table, header, records)
            if table.search_columns:
                _index_rows(conn, table, _search_rows(conn, table, "WHERE t.rowid > ?", (last,)))
        counts = {t.name: conn.execute(f"SELECT count(*) FROM [{t.name}]").fetchone()[0] for t in TABLES}
        expected = changes.get("row_counts")
        if expected is not None and counts != expected:
            conn.close()
            Path(tmp).unlink(missing_ok=True)
            return False
        releases = release_rows(release)
        conn.execute(f"DELETE FROM [{RELEASES.name}]")
        conn.commit()
        db = sqlite_utils.Database(conn)
        db[RELEASES.name].insert_all(releases)
        _replace_status(db, source_status, listing_status)
        conn.commit()
        conn.execute("ANALYZE")
        conn.commit()
        conn.close()
        os.chmod(tmp, 0o644)
        os.replace(tmp, db_path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    write_metadata(db_path.parent / METADATA_FILE, version)
    write_inspect_file(db_path)
    return True


def rows_of_documents(path: Path, column: str, documents: set[str]) -> tuple[list[str], list[list[str]]]:
    """The header and the records of `documents` in a release CSV sorted by `column`, unparsed elsewhere.

    The rows of a document follow each other and documents come in the order of their ids (as
    `yanglao.publish.release` writes them). Each document's id is looked for as bytes; an occurrence
    counts when its line starts a record — an even number of quotes since the last known record
    start (quotes inside a quoted field are doubled, so an odd count means inside one) — and that
    record's `column` is the id; then records are parsed from there while they belong to it.
    The columns before `column` must not span lines (they are ids in every table).
    """
    with path.open("rb") as f:
        header_line = f.readline()
        header = next(csv.reader([header_line.decode("utf-8")]))
        index = header.index(column)
        records: list[list[str]] = []
        if os.fstat(f.fileno()).st_size == len(header_line):
            return header, records
        with mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as data:
            mark = len(header_line)  # a record start
            for document in sorted(documents):
                key = document.encode("utf-8")
                found = _find(data, key, mark)
                while found != -1:
                    start = data.rfind(b"\n", mark, found) + 1 or mark
                    if _count(data, b'"', mark, start) % 2 == 0:
                        mark = start
                        block = _records_from(path, start, index, document)
                        if block:
                            records.extend(block)
                            break
                    found = _find(data, key, found + 1)
    return header, records


# The scans of `rows_of_documents` go through the release's CSVs a window at a time, and give the pages
# of each window back once read: a scan of the whole mapping at once made every page read count in the
# process's RSS (a one-changed refresh at 100,000 documents: 213 → 1,190 MB, the pages of the 1 GB
# documents.csv and the copy of the bytes before a document taken to count its quotes).
SCAN_WINDOW = 32 << 20


def _release_pages(data: mmap.mmap, start: int, end: int) -> None:
    start -= start % mmap.PAGESIZE
    if end > start and hasattr(data, "madvise"):
        data.madvise(mmap.MADV_DONTNEED, start, min(end, len(data)) - start)


def _find(data: mmap.mmap, key: bytes, start: int) -> int:
    """`data.find(key, start)`, a window at a time."""
    while start < len(data):
        end = min(len(data), start + SCAN_WINDOW)
        found = data.find(key, start, min(len(data), end + len(key) - 1))
        if found != -1:
            return found
        _release_pages(data, start, end)
        start = end
    return -1


def _count(data: mmap.mmap, byte: bytes, start: int, end: int) -> int:
    """`data[start:end].count(byte)` without a copy of the whole span."""
    total = 0
    while start < end:
        stop = min(end, start + SCAN_WINDOW)
        total += data[start:stop].count(byte)
        _release_pages(data, start, stop)
        start = stop
    return total


def _records_from(path: Path, start: int, index: int, document: str) -> list[list[str]]:
    """The records from byte offset `start` on, as long as their column `index` is `document`."""
    out = []
    with path.open("rb") as raw:
        raw.seek(start)
        with io.TextIOWrapper(raw, encoding="utf-8", newline="") as text:
            for record in csv.reader(text):
                if record[index] != document:
                    break
                out.append(record)
    return out


def _replace_status(db: sqlite_utils.Database, source_status, listing_status) -> None:
    db[SOURCE_STATUS.name].delete_where()
    db[SOURCE_STATUS.name].insert_all(source_status or [], pk="source_id", replace=True, alter=True)
    db[LISTING_STATUS.name].delete_where()
    db[LISTING_STATUS.name].insert_all(listing_status or [], pk="listing_id", replace=True, alter=True)


def write_inspect_file(db_path: Path, inspect_path: Path | None = None) -> Path:
    """What `datasette inspect` writes: hash, size and row count per table, for `--inspect-file`."""
    db_path = Path(db_path)
    inspect_path = Path(inspect_path) if inspect_path else db_path.parent / INSPECT_FILE
    digest = hashlib.sha256()
    with db_path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        tables = {}
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"):
            try:
                count = conn.execute(f"SELECT count(*) FROM [{name}]").fetchone()[0]
            except sqlite3.Error:  # a contentless FTS table cannot be counted
                count = 0
            tables[name] = {"count": count}
    finally:
        conn.close()
    data = {
        db_path.stem: {
            "hash": digest.hexdigest(),
            "size": db_path.stat().st_size,
            "file": db_path.name,
            "tables": tables,
        }
    }
    _write_json(inspect_path, data)
    return inspect_path


def _write_json(path: Path, data) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)
