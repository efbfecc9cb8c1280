"""The SQLite build of a release, for Datasette: typed tables, keys, indexes, search and metadata.

Built from the release's own CSV files (what consumers download is what they browse),
into a temporary file that replaces the old database only when complete. Beside the
database the build writes what `yanglao serve` (or a plain `datasette serve`) needs:

- `metadata.json`: the Datasette metadata, generated from the field registry
  (`yanglao.datasette_meta`);
- `inspect.json`: row counts and hash, so an immutable (`-i`) Datasette starts
  without counting rows.

Besides the five tables of the release, the database has:

- `<table>_search` for every table with search columns: the character and
  character-pair index that makes Chinese search work for terms of any length
  (`yanglao.search`; queried by the Datasette plugin `yanglao.datasette_plugin`);
- `source_status`: each source's fetch state after the latest refresh (when the flow
  passes it);
- `releases`: every release up to this one (version, created, rows per table, file
  hashes, snapshot hash per document), from the release's `datapackage.json` and
  the releases' `index.json`;
- views `measures_with_document`, `targets_with_document`, `subsidies_with_document`:
  the rows with their document's city, province, title and type, to facet by city.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import sqlite3
import tempfile
from pathlib import Path

import sqlite_utils

from yanglao import search
from yanglao.fields import TABLES, Field, Table

SQLITE_TYPES = {"string": str, "integer": int, "number": float, "boolean": int, "date": str, "datetime": str}
METADATA_FILE = "metadata.json"
INSPECT_FILE = "inspect.json"
ROW_TABLES = ("measures", "targets", "subsidies")

RELEASES = Table(
    name="releases",
    title_zh="数据版本",
    title_en="Releases",
    description_zh="截至本数据库所依据版本的每个发布版本一行:版本号、创建时间、各表行数、文件哈希和各文件快照哈希。",
    description_en=(
        "One row per release up to the one this database was built from: version, created, rows per table, "
        "file hashes and the snapshot hash of each document."
    ),
    primary_key="version",
    label_column="version",
    sort="version",
    id_rule="version is YYYY.MM.DD, with a .N suffix for a second release on one day.",
    fields=(
        Field(
            "version",
            "string",
            "版本号 YYYY.MM.DD(同日第二次发布加 .N)",
            "Release version YYYY.MM.DD (.N for a second one on a day)",
            required=True,
            unique=True,
        ),
        Field("created", "datetime", "发布时间(UTC)", "When the release was created (UTC)", required=True),
        Field(
            "is_current",
            "boolean",
            "是否为本数据库所依据的版本",
            "Whether this database was built from this release",
            required=True,
            facet=True,
        ),
        *(
            Field(
                f"{t.name}_rows",
                "integer",
                f"{t.title_zh}表行数",
                f"Number of rows of {t.name}",
                unit="行 rows",
            )
            for t in TABLES
        ),
        Field(
            "hashes",
            "string",
            "各发布文件的 SHA-256(JSON:文件名 → sha256:…)",
            "SHA-256 of each published file (JSON object: file name → sha256:…)",
        ),
        Field(
            "snapshots",
            "string",
            "各文件所依据快照原始字节的 SHA-256(JSON:文件编号 → 哈希)",
            "SHA-256 of the raw snapshot each document was built from (JSON object: document_id → hash)",
        ),
    ),
)

SOURCE_STATUS = Table(
    name="source_status",
    title_zh="来源抓取状态",
    title_en="Source status",
    description_zh="每个来源最近一次刷新后的状态:最近尝试、最近成功、内容最近变化的时间,连续失败次数和错误。",
    description_en=(
        "Each source's state after the latest refresh: when it was last attempted, last fetched successfully and "
        "last changed, consecutive failures and the error."
    ),
    primary_key="source_id",
    foreign_keys=(("source_id", "sources", "source_id"),),
    label_column="source_id",
    sort="source_id",
    fields=(
        Field("source_id", "string", "来源编号", "Source id", required=True, unique=True),
        Field(
            "status",
            "string",
            "状态:ok 正常、stale 沿用上次数据、failed 无数据",
            "Status: ok, stale (kept its last good data), failed (no data)",
            enum=("ok", "stale", "failed"),
            facet=True,
        ),
        Field(
            "last_attempt",
            "datetime",
            "最近一次抓取尝试时间(UTC)",
            "When the source was last attempted (UTC)",
        ),
        Field(
            "last_success",
            "datetime",
            "最近一次成功抓取时间(UTC)",
            "When the source was last fetched successfully (UTC)",
        ),
        Field(
            "last_change", "datetime", "内容最近变化时间(UTC)", "When the source's content last changed (UTC)"
        ),
        Field(
            "consecutive_failures",
            "integer",
            "连续失败次数",
            "Number of consecutive failed attempts",
            unit="次 times",
        ),
        Field("error", "string", "最近的错误信息", "The latest error message"),
        Field(
            "snapshot_sha256",
            "string",
            "当前快照原始字节的 SHA-256",
            "SHA-256 of the raw bytes of the current snapshot",
        ),
    ),
)

LISTING_STATUS = Table(
    name="listing_status",
    title_zh="栏目页发现状态",
    title_en="Listing status",
    description_zh="每个被关注的栏目(列表)页最近一次读取的结果:读取页数、链接数、匹配数、新发现数、最新文件日期和错误。",
    description_en=(
        "Each watched listing page after the latest refresh: pages read, links seen, matched and new, the date of "
        "the newest document found, the last successful read and the error."
    ),
    primary_key="listing_id",
    label_column="listing_id",
    sort="listing_id",
    fields=(
        Field("listing_id", "string", "栏目编号", "Listing id", required=True, unique=True),
        Field("url", "string", "栏目网址", "Address of the listing page"),
        Field(
            "status",
            "string",
            "状态:ok 正常、warning 有问题(如未找到链接)",
            "Status: ok, or warning (e.g. no links found)",
            enum=("ok", "warning"),
            facet=True,
        ),
        Field("last_attempt", "datetime", "最近一次读取时间(UTC)", "When the listing was last read (UTC)"),
        Field(
            "last_success",
            "datetime",
            "最近一次成功读取(找到链接)的时间(UTC)",
            "When the listing last gave links (UTC)",
        ),
        Field(
            "newest_document_date",
            "date",
            "匹配链接中最新的文件日期",
            "Date of the newest matching document on the listing",
        ),
        Field("pages_read", "integer", "读取页数", "Pages read"),
        Field("links_seen", "integer", "链接数", "Links seen"),
        Field("links_matched", "integer", "匹配关键词的链接数", "Links whose title matched the keywords"),
        Field("links_new", "integer", "新发现的链接数", "Links not seen before"),
        Field("error", "string", "最近的错误或警告", "The latest error or warning"),
    ),
)

VIEWS: dict[str, str] = {
    f"{name}_with_document": (
        f"SELECT {name}.*, documents.city, documents.province, documents.title AS document_title, documents.doc_type "
        f"FROM {name} JOIN documents ON documents.document_id = {name}.document_id"
    )
    for name in ROW_TABLES
}


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


def release_rows(release: Path) -> list[dict]:
    """Rows of the `releases` table: every release in the releases' index.json up to this one."""
    release = Path(release)
    descriptor = json.loads((release / "datapackage.json").read_text(encoding="utf-8"))
    version = descriptor["version"]
    index_path = release.parent / "index.json"
    entries = []
    if index_path.exists():
        entries = json.loads(index_path.read_text(encoding="utf-8")).get("releases", [])
        versions = [e["version"] for e in entries]
        entries = entries[: versions.index(version) + 1] if version in versions else []
    if not entries:  # a release folder on its own: everything comes from its own files
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
    rows = []
    for entry in entries:
        row = {
            "version": entry["version"],
            "created": entry["created"],
            "is_current": int(entry["version"] == version),
        }
        for t in TABLES:
            row[f"{t.name}_rows"] = entry.get("row_counts", {}).get(t.name)
        row["hashes"] = json.dumps(entry.get("hashes", {}), ensure_ascii=False, sort_keys=True)
        row["snapshots"] = json.dumps(entry.get("snapshots", {}), ensure_ascii=False, sort_keys=True)
        rows.append(row)
    return rows


def _create_table(db: sqlite_utils.Database, table: Table) -> None:
    columns = {f.name: SQLITE_TYPES[f.type] for f in table.fields}
    foreign_keys = [(f, ref, ref_field) for f, ref, ref_field in table.foreign_keys]
    db[table.name].create(columns, pk=table.primary_key, foreign_keys=foreign_keys)


def build_search_index(conn: sqlite3.Connection, table: Table) -> None:
    """Fill `<table>_search` from the table's search columns (see yanglao.search)."""
    name = search.index_name(table.name)
    conn.execute(search.create_index_sql(table.name))
    columns = ", ".join(f"[{c}]" for c in table.search_columns)
    cursor = conn.execute(f"SELECT rowid, {columns} FROM [{table.name}]")
    conn.executemany(
        f"INSERT INTO [{name}] (rowid, chars, pairs) VALUES (?, ?, ?)",
        ((row[0], *search.index_tokens(row[1:])) for row in cursor),
    )
    conn.execute(f"INSERT INTO [{name}] ([{name}]) VALUES ('optimize')")


def build_database(
    release: Path,
    db_path: Path,
    version: str | None = None,
    source_status: list[dict] | None = None,
    listing_status: list[dict] | None = None,
) -> Path:
    """Build the SQLite database of a release folder, with its Datasette metadata and inspect file.

    `source_status` (rows of `yanglao.incremental.status_rows`) fills the `source_status` table,
    which is empty without it. Add nothing to the database afterwards: the inspect file written
    here records its hash and row counts.

    Example: ``build_database(Path("datasets/releases/2026.03.01"), Path("datasets/yanglao.db"))``
    writes `datasets/yanglao.db`, `datasets/metadata.json` and `datasets/inspect.json`.
    """
    from yanglao.datasette_meta import write_metadata

    release = Path(release)
    db_path = Path(db_path)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=db_path.parent, prefix=".build-", suffix=".db")
    os.close(fd)
    try:
        db = sqlite_utils.Database(tmp)
        for table in TABLES:
            _create_table(db, table)
            db[table.name].insert_all(typed_rows(table, release / f"{table.name}.csv"), batch_size=1000)
            for f in table.fields:
                linked = f.facet or f.name in {"document_id", "measure_id", "parent_id"}
                if linked and f.name != table.primary_key:
                    db[table.name].create_index([f.name], if_not_exists=True)
            if table.sort and table.sort != table.primary_key:
                db[table.name].create_index([table.sort], if_not_exists=True)
            if table.search_columns:
                build_search_index(db.conn, table)
        releases = release_rows(release)
        _create_table(db, RELEASES)
        db[RELEASES.name].insert_all(releases)
        _create_table(db, SOURCE_STATUS)
        db[SOURCE_STATUS.name].insert_all(source_status or [], pk="source_id", replace=True, alter=True)
        _create_table(db, LISTING_STATUS)
        db[LISTING_STATUS.name].insert_all(listing_status or [], pk="listing_id", replace=True, alter=True)
        for name, sql in VIEWS.items():
            db.create_view(name, sql)
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
    current = next(r for r in releases if r["is_current"])
    write_metadata(db_path.parent / METADATA_FILE, current["version"] if version is None else version)
    write_inspect_file(db_path)
    return db_path


def build_id() -> int:
    """Identifies the code that shapes the database, stored as SQLite's user_version."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for name in ("sqlite.py", "search.py", "datasette_meta.py", "fields.py"):
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
    if not db_path.exists():
        return False
    with sqlite3.connect(db_path) as conn:
        try:
            current = conn.execute("SELECT version FROM releases WHERE is_current = 1").fetchone()
            user_version = conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError:
            return False
    if not current or current[0] != version or user_version != build_id():
        return False
    db = sqlite_utils.Database(db_path)
    with db.conn:
        db[SOURCE_STATUS.name].delete_where()
        db[SOURCE_STATUS.name].insert_all(source_status or [], pk="source_id", replace=True, alter=True)
        db[LISTING_STATUS.name].delete_where()
        db[LISTING_STATUS.name].insert_all(listing_status or [], pk="listing_id", replace=True, alter=True)
    db.close()
    write_inspect_file(db_path)
    return True


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
