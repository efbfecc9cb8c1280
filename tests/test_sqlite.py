"""The SQLite build: the release's rows as they are, a releases table, and Chinese search of any length."""

from __future__ import annotations

import csv
import doctest
import hashlib
import json
import random
import shutil
import sqlite3
import subprocess
import sys
import zlib
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from yanglao.fields import TABLES, TABLES_BY_NAME
from yanglao.publish.release import format_value
from yanglao.serve import search
from yanglao.serve.sqlite import (
    LISTING_STATUS,
    RELEASES,
    SOURCE_STATUS,
    build_database,
    build_search_index,
    rows_of_documents,
    update_database,
)


def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def build(shipped_build):
    output, summary = shipped_build
    db = sqlite3.connect(output / "datasets" / "yanglao.db")
    db.row_factory = sqlite3.Row
    search.register_functions(db)
    yield output, summary, db
    db.close()


def test_search_module_examples():
    assert doctest.testmod(search).failed == 0


def test_every_cell_round_trips_from_the_release_csv(build):
    output, _, db = build
    for table in TABLES:
        rows = read_csv(output / "datasets" / "latest" / f"{table.name}.csv")
        # the text stored compressed or once (`search.STORED_ELSEWHERE`) is read back as it reads it
        text = search.column_sql(table.name, "text") if "text" in table.field_names else "NULL"
        stored = db.execute(f"SELECT *, {text} AS yl_text FROM [{table.name}] t ORDER BY rowid").fetchall()
        assert len(stored) == len(rows), table.name
        for row, got in zip(rows, stored, strict=True):
            for f in table.fields:
                value = got["yl_text" if f.name == "text" else f.name]
                if f.type == "boolean" and value is not None:
                    value = bool(value)
                assert format_value(value) == row[f.name], (table.name, f.name)


def test_the_releases_table_records_the_release(build):
    output, summary, db = build
    descriptor = json.loads((output / "datapackage.json").read_text(encoding="utf-8"))
    current = db.execute("SELECT * FROM releases WHERE is_current").fetchone()
    assert current["version"] == summary.version == descriptor["version"]
    assert current["created"] == descriptor["created"]
    assert {t.name: current[f"{t.name}_rows"] for t in TABLES} == summary.rows
    hashes = json.loads(current["hashes"])
    for resource in descriptor["resources"]:
        assert hashes[f"{resource['name']}.csv"] == resource["hash"]
    documents = read_csv(output / "datasets" / "latest" / "documents.csv")
    assert json.loads(current["snapshots"]) == {d["document_id"]: d["content_sha256"] for d in documents}


def test_metadata_and_inspect_file_are_written_beside_the_database(build, tmp_path):
    output, summary, _ = build
    status = [{"source_id": "wuhan-2024-eldercare-measures", "status": "ok", "last_attempt": "2026-03-01T06:00:00Z",
               "last_success": "2026-03-01T06:00:00Z", "last_change": "2025-01-02T06:00:00Z",
               "consecutive_failures": 0, "error": None, "snapshot_sha256": "0" * 64}]  # fmt: skip
    db_path = build_database(
        output / "datasets" / "releases" / summary.version, tmp_path / "yanglao.db", summary.version, status
    )
    metadata = json.loads((tmp_path / "metadata.json").read_text(encoding="utf-8"))
    assert summary.version in metadata["databases"]["yanglao"]["description"]
    inspect = json.loads((tmp_path / "inspect.json").read_text(encoding="utf-8"))["yanglao"]
    assert inspect["hash"] == hashlib.sha256(db_path.read_bytes()).hexdigest()
    assert inspect["size"] == db_path.stat().st_size
    for table in TABLES:
        assert inspect["tables"][table.name]["count"] == summary.rows[table.name]
    assert inspect["tables"]["source_status"]["count"] == 1


def test_the_flow_build_has_its_metadata_and_inspect_file(build):
    output, _, _ = build
    assert (output / "datasets" / "metadata.json").exists() and (
        output / "datasets" / "inspect.json"
    ).exists()


def test_every_row_carries_the_place_of_its_document(build):
    _, summary, db = build
    for name in ("measures", "targets", "subsidies"):
        rows = db.execute(
            f"SELECT t.city, t.province, t.region_code, d.city, d.province, d.region_code "
            f"FROM {name} t JOIN documents d USING (document_id)"
        ).fetchall()
        assert len(rows) == summary.rows[name] > 0
        assert all(tuple(r[:3]) == tuple(r[3:]) and r[0] and r[1] for r in rows)


def test_coded_columns_are_labelled_by_lookup_tables(build):
    _, _, db = build
    kinds = dict(db.execute("SELECT code, label_zh FROM code_kind").fetchall())
    assert kinds["construction"] == "建设补贴" and kinds["allowance"] == "津贴"
    keys = {(fk[3], fk[2]) for fk in db.execute("PRAGMA foreign_key_list(subsidies)").fetchall()}
    assert {("kind", "code_kind"), ("frequency", "code_frequency"), ("basis", "code_basis")} <= keys
    orphans = db.execute(
        "SELECT count(*) FROM subsidies WHERE kind NOT IN (SELECT code FROM code_kind)"
    ).fetchone()
    assert orphans[0] == 0


def substrings(texts: list[str], count: int, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    out = []
    while len(out) < count:
        text = rng.choice(texts)
        length = rng.choice([1, 1, 2, 2, 2, 3, 4, 6, 9])
        start = rng.randrange(0, max(1, len(text) - length))
        term = text[start : start + length]
        if term.strip() and '"' not in term:
            out.append(term)
    return out


@pytest.mark.parametrize("table_name", ["documents", "measures", "targets"])
def test_the_index_finds_every_row_containing_any_substring_of_the_corpus(build, table_name):
    _, _, db = build
    table = TABLES_BY_NAME[table_name]
    columns = ", ".join(search.column_sql(table_name, c) for c in table.search_columns)
    rows = db.execute(f"SELECT t.rowid, {columns} FROM [{table_name}] t").fetchall()
    texts = [v for r in rows for v in tuple(r)[1:] if v]
    for term in [*substrings(texts, 150), "龘", "xyz", "养老 助餐", "APP"]:
        sql, params = search.rowids_sql(table_name, table.search_columns, term)
        found = {r[0] for r in db.execute(sql, params)}
        expected = {r[0] for r in rows if search.row_matches(term, tuple(r)[1:])}
        assert found == expected, term


ALPHABET = '养老助餐服务床位津贴AaBb12 %，。\n"İ𠀀😀'  # and two characters outside the BMP


@settings(max_examples=150, deadline=None)
@given(
    values=st.lists(
        st.tuples(st.text(ALPHABET, max_size=25), st.text(ALPHABET, max_size=25)), min_size=1, max_size=6
    ),
    query=st.text(ALPHABET, min_size=1, max_size=6),
)
def test_index_search_equals_substring_search(values, query):
    expression = search.match_expression(query)
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE t (heading TEXT, text TEXT)")
    db.executemany("INSERT INTO t VALUES (?, ?)", values)
    build_search_index(db, TABLES_BY_NAME["measures"].__class__(
        name="t", title_zh="", title_en="", description_zh="", description_en="", fields=(), primary_key="rowid",
        search_columns=("heading", "text"),
    ))  # fmt: skip
    expected = {i + 1 for i, row in enumerate(values) if search.row_matches(query, row)}
    if expression is None:
        assert not search.search_terms(query)
        return
    sql, params = search.rowids_sql("t", ("heading", "text"), query)
    found = {r[0] for r in db.execute(sql, params)}
    assert found == expected
    assert like_rows(db, "t", ("heading", "text"), query) == expected  # ... which are the rows LIKE finds


def like_rows(db: sqlite3.Connection, table: str, columns: tuple[str, ...], query: str) -> set[int]:
    """The rowids SQLite's own LIKE finds: every term in one of the columns (ASCII letters case-folded)."""
    terms = [
        t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") for t in search.search_terms(query)
    ]
    one = "(" + " OR ".join(f"[{c}] LIKE ? ESCAPE '\\'" for c in columns) + ")"
    patterns = [f"%{t}%" for t in terms for _ in columns]
    return {
        r[0]
        for r in db.execute(f"SELECT rowid FROM [{table}] WHERE {' AND '.join([one] * len(terms))}", patterns)
    }


def test_a_failed_build_leaves_the_old_database_untouched(build, tmp_path):
    output, summary, _ = build
    db_path = tmp_path / "yanglao.db"
    build_database(output / "datasets" / "releases" / summary.version, db_path, summary.version)
    before = db_path.read_bytes()
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "datapackage.json").write_text("{}", encoding="utf-8")
    with pytest.raises(FileNotFoundError):
        build_database(broken, db_path)
    assert db_path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "broken",
        "inspect.json",
        "metadata.json",
        "yanglao.db",
    ]


def test_a_run_that_publishes_nothing_only_updates_the_status_tables(build, tmp_path):
    from yanglao.serve.sqlite import update_status

    output, summary, _ = build
    release = output / "datasets" / "releases" / summary.version
    db_path = build_database(release, tmp_path / "yanglao.db", summary.version, [])
    status = [{"source_id": "huzhou-2020-pilot-plan", "status": "stale", "last_attempt": "2026-03-02T06:00:00Z",
               "last_success": "2026-03-01T06:00:00Z", "last_change": None, "consecutive_failures": 1,
               "error": "HTTP 503", "snapshot_sha256": None}]  # fmt: skip
    assert update_status(db_path, summary.version, status, [])
    with sqlite3.connect(db_path) as db:
        assert db.execute("SELECT source_id, error FROM source_status").fetchall() == [
            ("huzhou-2020-pilot-plan", "HTTP 503")
        ]
        assert db.execute("SELECT count(*) FROM targets").fetchone()[0] == summary.rows["targets"]
    inspect = json.loads((tmp_path / "inspect.json").read_text(encoding="utf-8"))["yanglao"]
    assert inspect["hash"] == hashlib.sha256(db_path.read_bytes()).hexdigest()
    # Another release, or no database at all, needs a real build.
    assert not update_status(db_path, "2099.01.01", status, [])
    assert not update_status(tmp_path / "missing.db", summary.version, status, [])


STATUS = [{"source_id": "huzhou-2020-pilot-plan", "status": "stale", "last_attempt": "2026-03-02T06:00:00Z",
           "last_success": "2026-03-01T06:00:00Z", "last_change": None, "consecutive_failures": 1,
           "error": "HTTP 503", "snapshot_sha256": None}]  # fmt: skip
LISTINGS = [{"listing_id": "wuhan-mzj", "url": "https://example.org/list", "status": "ok", "pages_read": 2}]


def table_contents(db_path: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(db_path) as db:
        return {
            t.name: db.execute(f"SELECT * FROM [{t.name}] ORDER BY [{t.primary_key}]").fetchall()
            for t in (*TABLES, RELEASES, SOURCE_STATUS, LISTING_STATUS)
        }


def search_results(db_path: Path, terms: list[str]) -> dict[tuple[str, str], set[str]]:
    """The primary keys each term finds in each searchable table, through the index."""
    out = {}
    with sqlite3.connect(db_path) as db:
        search.register_functions(db)
        for table in TABLES:
            if not table.search_columns:
                continue
            for term in terms:
                sql, params = search.rowids_sql(table.name, table.search_columns, term)
                found = db.execute(
                    f"SELECT [{table.primary_key}] FROM [{table.name}] WHERE rowid IN ({sql})", params
                )
                out[table.name, term] = {r[0] for r in found}
    return out


@pytest.fixture(scope="module")
def two_releases(build, tmp_path_factory):
    """The shipped release and the next one, where one document changed and another is gone."""
    from yanglao.publish.incremental import read_typed_table
    from yanglao.publish.release import publish_release

    output, summary, _ = build
    work = tmp_path_factory.mktemp("incremental")
    shutil.copytree(output / "datasets", work / "datasets")
    old = work / "datasets" / "releases" / summary.version
    tables = {t.name: read_typed_table(old / f"{t.name}.csv", t) for t in TABLES}
    by_targets = sorted({r["document_id"] for r in tables["targets"]})
    changed, gone = by_targets[0], by_targets[-1]
    document = next(d for d in tables["documents"] if d["document_id"] == changed)
    document["title"] = "修订：" + document["title"]
    document["text"] += "\n附：新增社区长者助餐点𠀀补贴办法。"
    document["char_count"] = len(document["text"])
    measure = next(m for m in tables["measures"] if m["document_id"] == changed)
    measure["heading"] = "新标题 Meal"
    targets = [t for t in tables["targets"] if t["document_id"] == changed]
    tables["targets"].remove(targets[0])
    tables["targets"].append(
        {**targets[-1], "target_id": targets[-1]["target_id"][:-10] + "abcdef0123", "indicator": "新指标"}
    )
    for name in ("documents", "measures", "targets", "subsidies", "doubtful"):
        tables[name] = [r for r in tables[name] if r["document_id"] != gone]
    registry = json.loads((old / "release.json").read_text(encoding="utf-8"))["sources"]
    now = datetime.strptime(summary.version[:10], "%Y.%m.%d") + timedelta(days=1)
    new = publish_release(work, tables, now, registry, changed_documents={changed, gone})
    assert new.published
    return work, old, new, {changed, gone}


def test_an_incremental_update_equals_a_full_build(two_releases, tmp_path):
    work, old, new, changed = two_releases
    db_path = tmp_path / "updated" / "yanglao.db"
    db_path.parent.mkdir()
    build_database(old, db_path, old.name, [])
    before = table_contents(db_path)
    with sqlite3.connect(db_path) as db:
        search.register_functions(db)
        bodies = [r[0] for r in db.execute(f"SELECT {search.column_sql('measures', 'text')} FROM measures t")]
    texts = [r[2] for r in before["measures"] if r[1] in changed] + bodies

    assert update_database(new.path, db_path, new.version, changed, STATUS, LISTINGS)
    full = build_database(new.path, tmp_path / "full" / "yanglao.db", new.version, STATUS, LISTINGS)

    updated = table_contents(db_path)
    assert updated == table_contents(full)
    assert updated != before and updated["source_status"] and updated["listing_status"]
    assert [r[0] for r in updated["releases"] if r[2]] == [new.version]
    terms = [*substrings([t for t in texts if t], 120, seed=1), "修订", "𠀀", "助餐点", "meal", "新指标", "z"]
    assert search_results(db_path, terms) == search_results(full, terms)
    with sqlite3.connect(db_path) as db:
        for table in TABLES:
            if table.search_columns:
                index = search.index_name(table.name)
                db.execute(f"INSERT INTO [{index}] ([{index}]) VALUES ('integrity-check')")
    inspect = json.loads((db_path.parent / "inspect.json").read_text(encoding="utf-8"))["yanglao"]
    assert inspect["hash"] == hashlib.sha256(db_path.read_bytes()).hexdigest()
    assert inspect["tables"]["targets"]["count"] == new.row_counts["targets"]
    metadata = json.loads((db_path.parent / "metadata.json").read_text(encoding="utf-8"))
    assert new.version in metadata["databases"]["yanglao"]["description"]
    assert sorted(p.name for p in db_path.parent.iterdir()) == ["inspect.json", "metadata.json", "yanglao.db"]


def test_an_incremental_update_refuses_what_it_cannot_do(two_releases, tmp_path):
    work, old, new, changed = two_releases
    db_path = tmp_path / "yanglao.db"
    assert not update_database(new.path, db_path, new.version, changed)  # no database
    build_database(new.path, db_path, new.version)
    before = db_path.read_bytes()
    assert not update_database(new.path, db_path, new.version, changed)  # not built from the previous release
    build_database(old, db_path, old.name)
    before = db_path.read_bytes()
    assert not update_database(new.path, db_path, new.version, None)  # the changes are not known
    assert not update_database(new.path, db_path, new.version, set(list(changed)[:1]))  # a document missing
    assert not update_database(old, db_path, old.name, changed)  # no previous release
    with sqlite3.connect(db_path) as db:
        db.execute("PRAGMA user_version = 1")
    before = db_path.read_bytes()
    assert not update_database(new.path, db_path, new.version, changed)  # built by other code
    assert db_path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["inspect.json", "metadata.json", "yanglao.db"]


def test_rows_of_documents_reads_only_their_records(tmp_path):
    path = tmp_path / "t.csv"
    rows = [
        ["a:1", "a", "plain"],
        ["a-1:1", "a-1", 'quoted "b" and\nb:1,b,looks like a record'],
        ["b:0", "b", "first of b\nb"],
        ["b:1", "b", ""],
        ["c:1", "c", "mentions b and a-1\n"],
        ["d:1", "d", "x"],
    ]
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["row_id", "document_id", "text"])
        writer.writerows(rows)
    for wanted in [{"b"}, {"a"}, {"a-1", "d"}, {"a", "b", "c", "d"}, {"zz", "0"}, set()]:
        header, found = rows_of_documents(path, "document_id", wanted)
        assert header == ["row_id", "document_id", "text"]
        assert found == [r for r in rows if r[1] in wanted], wanted


def test_indexes_built_in_a_second_process_equal_those_built_in_one(build, tmp_path, monkeypatch):
    import yanglao.serve.sqlite

    output, summary, db = build
    release = output / "datasets" / "releases" / summary.version
    serial = build_database(release, tmp_path / "serial" / "yanglao.db", summary.version)
    monkeypatch.setattr(yanglao.serve.sqlite, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(yanglao.serve.sqlite.os, "cpu_count", lambda: 2)
    assert yanglao.serve.sqlite._split_indexes(release)[1]  # something is indexed aside
    parallel = build_database(release, tmp_path / "parallel" / "yanglao.db", summary.version)
    assert table_contents(parallel) == table_contents(serial)
    texts = [
        r[0] for r in db.execute(f"SELECT {search.column_sql('measures', 'text')} FROM measures t") if r[0]
    ]
    terms = [*substrings(texts, 100, seed=2), "助餐", "龘"]
    assert search_results(parallel, terms) == search_results(serial, terms)
    with sqlite3.connect(parallel) as conn:
        for table in TABLES:
            if table.search_columns:
                index = search.index_name(table.name)
                conn.execute(f"INSERT INTO [{index}] ([{index}]) VALUES ('integrity-check')")
    assert sorted(p.name for p in parallel.parent.iterdir()) == [
        "inspect.json",
        "metadata.json",
        "yanglao.db",
    ]


def test_indexes_aside_are_built_by_this_code_whatever_the_working_folder(build, tmp_path, monkeypatch):
    """`python -c` puts the working folder first on the path: another `yanglao` there must not build the index."""
    from yanglao.serve.sqlite import _start_indexes_aside, _wait

    output, summary, _ = build
    release = output / "datasets" / "releases" / summary.version
    decoy = tmp_path / "checkout" / "yanglao"
    decoy.mkdir(parents=True)
    (decoy / "__init__.py").write_text("raise ImportError('another yanglao')\n", encoding="utf-8")
    monkeypatch.chdir(decoy.parent)
    side = tmp_path / "side.db"
    _wait(_start_indexes_aside(release, [TABLES_BY_NAME["targets"]], str(side)))
    with sqlite3.connect(side) as conn:
        (sql,) = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'targets_search'").fetchone()
    assert sql == search.create_index_sql("targets")


def test_the_long_text_is_stored_once_and_compressed(build):
    """Issue 16: a document's text is stored deflated, a measure's body as offsets into it; read back whole."""
    output, _, db = build
    documents = read_csv(output / "datasets" / "latest" / "documents.csv")
    measures = read_csv(output / "datasets" / "latest" / "measures.csv")
    assert db.execute("SELECT count(*) FROM documents WHERE text IS NOT NULL").fetchone()[0] == 0
    deflated = sum(len(r[0]) for r in db.execute("SELECT text_deflate FROM documents"))
    assert deflated < 0.5 * sum(len(d["text"].encode("utf-8")) for d in documents)
    with_body = sum(1 for m in measures if m["text"])
    assert with_body and db.execute("SELECT count(*) FROM measures WHERE text IS NOT NULL").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM measures WHERE text_start IS NOT NULL").fetchone()[0] == with_body
    texts = {d["document_id"]: d["text"] for d in documents}
    for m, (start, end) in zip(
        measures, db.execute("SELECT text_start, text_end FROM measures ORDER BY rowid"), strict=True
    ):
        if m["text"]:
            assert texts[m["document_id"]][start:end] == m["text"]


def test_the_build_uses_small_pages(build):
    """2 KB pages (`PAGE_SIZE`): the pragma only works before the first table is made, so check the file."""
    assert build[2].execute("PRAGMA page_size").fetchone()[0] == 2048


def test_stored_text_comes_back_exactly_and_smaller_than_utf8():
    """GB18030 before zlib: every character round-trips (astral, rare, Latin, no-break space), and a real
    Chinese text deflates smaller than its UTF-8 would."""
    awkward = "到2025年底，养老机构护理型床位占比达到55%。\u00a0𠀀𪚥䶮€ Ω 〇 \ue000 \U0010fffd"
    assert search.inflate(search.deflate(awkward)) == awkward
    text = (Path(__file__).parent / "data" / "corpus" / "text").glob("*.txt")
    sample = max(text, key=lambda p: p.stat().st_size).read_text(encoding="utf-8")
    assert search.inflate(search.deflate(sample)) == sample
    assert len(search.deflate(sample)) < 0.95 * len(zlib.compress(sample.encode("utf-8"), 6))


def test_a_body_not_found_in_its_document_keeps_its_own_text():
    from yanglao.serve.sqlite import _measure_offsets

    conn = sqlite3.connect(":memory:")
    search.register_functions(conn)
    conn.execute("CREATE TABLE documents (document_id TEXT, text TEXT, text_deflate BLOB)")
    conn.execute(
        "INSERT INTO documents VALUES ('d', NULL, ?)", (search.deflate("一、助餐\n推进老年助餐服务。𠀀完"),)
    )
    header = ["measure_id", "document_id", "text", "start", "end"]
    offsets = _measure_offsets(conn, header)
    assert offsets(["d:m1", "d", "推进老年助餐服务。𠀀", "0", "16"]) == ["d:m1", "d", "", "0", "16", 5, 15]
    assert offsets(["d:m2", "d", "不在全文中", "0", "16"]) == [
        "d:m2",
        "d",
        "不在全文中",
        "0",
        "16",
        None,
        None,
    ]
    assert offsets(["d:m3", "d", "", "0", "3"]) == ["d:m3", "d", "", "0", "3", None, None]
    assert (
        conn.execute("SELECT yanglao_text(text_deflate, 5, 15) FROM documents").fetchone()[0]
        == "推进老年助餐服务。𠀀"
    )


@pytest.mark.parametrize("window", [7, 64, 4096])
def test_rows_of_documents_scans_a_window_at_a_time_with_the_same_rows(monkeypatch, window):
    """The bundled release's CSVs: the rows of every document found with small scan windows (a key and a
    record cut across window ends) are those found with one window over the whole file."""
    import yanglao.serve.sqlite as sqlite_module

    release = Path(__file__).resolve().parents[1] / "datasets" / "latest"
    with (release / "sources.csv").open(encoding="utf-8", newline="") as f:
        documents = {row["source_id"] for row in csv.DictReader(f)}
    wanted = set(sorted(documents)[::3])
    expected = {
        name: sqlite_module.rows_of_documents(release / f"{name}.csv", "document_id", wanted)
        for name in ("measures", "targets", "subsidies", "doubtful")
    }
    monkeypatch.setattr(sqlite_module, "SCAN_WINDOW", window)
    for name, rows in expected.items():
        assert sqlite_module.rows_of_documents(release / f"{name}.csv", "document_id", wanted) == rows
        assert rows[1], name


def test_the_index_builder_aside_imports_neither_pandas_nor_sqlite_utils():
    """The second process of a full build imports `yanglao.serve.indexes` only: sqlite-utils would bring
    pandas, numpy and pyarrow with it (100 MB of PSS held beside the build's own, BENCHMARKS.md)."""
    code = (
        "import sys; from yanglao.serve.indexes import _build_indexes_aside; "
        "print(' '.join(m for m in ('sqlite_utils', 'pandas', 'numpy', 'pyarrow') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == []
