"""Datasette as people meet it: `yanglao serve` on the real corpus, queried over HTTP.

One server for the module, started the way a person starts it (`yanglao serve --output
DIR --port N`), on 127.0.0.1 and a free port, stopped at the end. The database is
the shipped build's latest release; if the extractors give fewer than a handful of
subsidies today, rows quoting real subsidy sentences of the documents are added so
that subsidy search and queries are proven on real text too.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from yanglao.fields import TABLES, TABLES_BY_NAME
from yanglao.serve import search
from yanglao.serve.search import row_matches
from yanglao.serve.sqlite import build_database

ROOT = Path(__file__).resolve().parents[1]
SEARCHABLE = [t.name for t in TABLES if t.search_columns]
CJK = re.compile(r"[\u4e00-\u9fff]")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def site(shipped_build, tmp_path_factory):
    """An output folder holding a build of the shipped corpus, as `yanglao run --output` leaves it."""
    output, summary = shipped_build
    site = tmp_path_factory.mktemp("site")
    release = site / "datasets" / "releases" / summary.version
    shutil.copytree(output / "datasets" / "latest", release)
    # The subsidy queries below need real rows: the extractors' own, never rows made up here.
    assert len(read_csv(release / "subsidies.csv")) >= 5
    with sqlite3.connect(output / "datasets" / "yanglao.db") as shipped:
        shipped.row_factory = sqlite3.Row
        tables = {r[0] for r in shipped.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        status = (
            [dict(r) for r in shipped.execute("SELECT * FROM source_status")]
            if "source_status" in tables
            else []
        )
    build_database(release, site / "datasets" / "yanglao.db", summary.version, status)
    return site, release


@pytest.fixture(scope="module")
def server(site):
    folder, release = site
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "yanglao.cli", "serve", "--output", str(folder), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT, env={**os.environ},
    )  # fmt: skip
    try:
        first_line = process.stdout.readline()
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"{base}/-/versions.json", timeout=2).read()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"datasette did not start: {first_line}") from None
                time.sleep(0.1)
        yield {
            "base": base,
            "first_line": first_line,
            "release": release,
            "db": folder / "datasets" / "yanglao.db",
        }
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stdout.close()


def get(server, path: str, **params) -> str:
    url = server["base"] + path + ("?" + urllib.parse.urlencode(params) if params else "")
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def get_json(server, path: str, **params):
    return json.loads(get(server, path, **params))


def rows_of(server, table: str) -> list[dict]:
    return read_csv(server["release"] / f"{table}.csv")


# ---------------------------------------------------------------- serve


def test_serve_prints_the_address_and_serves_read_only_and_immutable(server):
    assert server["base"] + "/" in server["first_line"]
    databases = get_json(server, "/-/databases.json")
    assert [(d["name"], d["is_mutable"]) for d in databases] == [("yanglao", False)]
    assert get_json(server, "/-/settings.json")["suggest_facets"] is False
    assert "yanglao" in {p["name"] for p in get_json(server, "/-/plugins.json")}


def test_serve_has_help():
    result = subprocess.run(
        [sys.executable, "-m", "yanglao.cli", "serve", "--help"], capture_output=True, text=True
    )
    assert result.returncode == 0 and "--port" in result.stdout and "--output" in result.stdout


# ---------------------------------------------------------------- search

TERMS = [
    "助", "餐", "助餐", "养老", "床位", "津贴", "补贴", "养老服务", "老年人助餐", "居家和社区养老服务",
    "APP", "app", "GPS定位", "I类", "2025年", "60周岁", "15分钟", "%", "养老 助餐", '"养老 服务"',
]  # fmt: skip


@pytest.mark.parametrize("table", SEARCHABLE)
@pytest.mark.parametrize("term", TERMS)
def test_search_returns_exactly_the_rows_containing_the_term(server, table, term):
    meta = TABLES_BY_NAME[table]
    expected = {
        r[meta.primary_key]
        for r in rows_of(server, table)
        if row_matches(term, [r[c] for c in meta.search_columns])
    }
    data = get_json(server, f"/yanglao/{table}.json", _search=term, _col=meta.search_columns[0], _size="max")
    got = {row[0] for row in data["rows"]}
    assert data["filtered_table_rows_count"] == len(expected)
    assert got == expected


@pytest.mark.parametrize(("table", "term"), [
    ("documents", "助"), ("documents", "助餐"), ("documents", "床位"), ("documents", "养老服务"), ("documents", "APP"),
    ("measures", "助餐"), ("measures", "养老"), ("measures", "2025年"), ("targets", "床位"), ("targets", "%"),
    ("subsidies", "补贴"),
])  # fmt: skip
def test_short_and_mixed_terms_find_rows_in_the_real_corpus(server, table, term):
    meta = TABLES_BY_NAME[table]
    rows = rows_of(server, table)
    expected = [r for r in rows if any(term.lower() in (r[c] or "").lower() for c in meta.search_columns)]
    data = get_json(server, f"/yanglao/{table}.json", _search=term, _size="max")
    assert expected, f"{term} is in the corpus's {table}"
    assert data["filtered_table_rows_count"] == len(expected)


LIKE_TERMS = {  # a term of 1, 2, 3 and 6 characters and Latin/digit ones, each in the corpus
    "documents": ["助", "助餐", "养老院", "居家养老服务", "APP", "2025"],
    "measures": ["助", "助餐", "养老院", "居家养老服务", "app", "2025"],
    "targets": ["床", "床位", "养老床", "居家养老服务", "%", "90%"],
}


@pytest.mark.parametrize(("table", "term"), [(t, term) for t, terms in LIKE_TERMS.items() for term in terms])
def test_search_finds_exactly_the_rows_like_finds(server, table, term):
    """Issue 16: the index holds no positions, so terms of 3+ characters are checked in the text; the result
    over HTTP must still be the rows SQLite's own `LIKE '%term%'` finds in one of the search columns."""
    meta = TABLES_BY_NAME[table]
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    # the text stored compressed or once is read as the build stores it (`search.STORED_ELSEWHERE`)
    where = " OR ".join(f"{search.column_sql(table, c)} LIKE :p ESCAPE '\\'" for c in meta.search_columns)
    with sqlite3.connect(f"file:{server['db']}?mode=ro", uri=True) as db:
        search.register_functions(db)
        expected = {
            r[0]
            for r in db.execute(
                f"SELECT t.[{meta.primary_key}] FROM [{table}] t WHERE {where}", {"p": f"%{escaped}%"}
            )
        }
    assert expected, f"{term} is in the corpus's {table}"
    data = get_json(server, f"/yanglao/{table}.json", _search=term, _col=meta.search_columns[0], _size="max")
    assert data["filtered_table_rows_count"] == len(expected)
    assert {row[0] for row in data["rows"]} == expected
    html = get(server, f"/yanglao/{table}", _search=term)
    assert re.search(rf"{len(expected):,} rows? where search matches", html)


def test_a_term_in_most_rows_pages_in_the_default_order(server):
    """养老 is in more than half the measures: the plugin then walks the sort index (`+rowid` form)."""
    rows = rows_of(server, "measures")
    expected = sorted(r["measure_id"] for r in rows if "养老" in r["heading"] + "\n" + r["text"])
    assert len(expected) > len(rows) / 2  # else this test would not exercise that form
    first = get_json(server, "/yanglao/measures.json", _search="养老", _size="7")
    assert "+rowid in" in first["query"]["sql"]
    assert [r[0] for r in first["rows"]] == expected[:7]
    second = get_json(server, "/yanglao/measures.json", _search="养老", _size="7", _next=first["next"])
    assert [r[0] for r in second["rows"]] == expected[7:14]
    by_text = get_json(server, "/yanglao/measures.json", _search="养老", _sort_desc="start", _size="max")
    assert "+rowid" not in by_text["query"]["sql"]
    at = by_text["columns"].index("start")
    starts = [r[at] for r in by_text["rows"]]
    assert len(starts) == len(expected) and starts == sorted(starts, reverse=True)


def test_the_sql_of_a_search_runs_as_a_custom_query(server):
    """Datasette's "View and edit SQL" link of a search page: the cached-matches function works in any SQL."""
    data = get_json(server, "/yanglao/targets.json", _search="床位")
    query = data["query"]
    assert "yanglao_search_rowids" in query["sql"]
    got = get_json(server, "/yanglao.json", sql=query["sql"], _shape="array", **query["params"])
    assert [r["target_id"] for r in got] == [r[0] for r in data["rows"]]
    assert len(got) == data["filtered_table_rows_count"] > 0


def test_the_search_box_is_shown_and_keeps_the_query(server):
    page = get(server, "/yanglao/measures", _search="助餐")
    assert re.search(r'<input id="_search" type="search" name="_search" value="助餐">', page)
    expected = sum("助餐" in r["heading"] + "\n" + r["text"] for r in rows_of(server, "measures"))
    assert re.search(rf"{expected} rows? where search matches", page)
    assert 'name="_search"' in get(server, "/yanglao/targets")


def test_search_narrows_facets_and_combines_with_filters(server):
    rows = rows_of(server, "targets")
    year = max(
        {r["deadline_year"] for r in rows if r["deadline_year"]},
        key=lambda y: sum(r["deadline_year"] == y for r in rows),
    )
    expected = [r for r in rows if r["deadline_year"] == year and "%" in r["indicator"] + r["quote"]]
    data = get_json(server, "/yanglao/targets.json", _search="%", deadline_year=year, _size="max")
    assert data["filtered_table_rows_count"] == len(expected)


# ---------------------------------------------------------------- canned queries


def canned(server, name: str, **params) -> list[dict]:
    return get_json(server, f"/yanglao/{name}.json", _shape="array", **params)


def test_targets_due_in_a_year_across_cities(server):
    targets = rows_of(server, "targets")
    year = max({r["deadline_year"] for r in targets if r["deadline_year"]})
    got = canned(server, "targets_due_in_year", year=year)
    assert {r["target_id"] for r in got} == {r["target_id"] for r in targets if r["deadline_year"] == year}
    cities = {d["document_id"]: d["city"] for d in rows_of(server, "documents")}
    assert all(r["city"] == cities[r["document_id"]] for r in got)
    places = [(r["province"], r["city"]) for r in got]
    assert places == sorted(places)


def test_one_indicator_across_cities(server):
    targets = rows_of(server, "targets")
    word = next(
        w for w in ("床位", "助餐", "覆盖率", "率", "个") if any(w in r["indicator"] for r in targets)
    )
    got = canned(server, "indicator_across_cities", word=word)
    assert {r["target_id"] for r in got} == {r["target_id"] for r in targets if word in r["indicator"]}
    assert got and all(word in r["indicator"] for r in got)


def test_subsidies_of_a_kind_sorted_by_amount(server):
    subsidies = rows_of(server, "subsidies")
    kind = max({r["kind"] for r in subsidies}, key=lambda k: sum(r["kind"] == k for r in subsidies))
    got = canned(server, "subsidies_of_kind", kind=kind)
    assert {r["subsidy_id"] for r in got} == {r["subsidy_id"] for r in subsidies if r["kind"] == kind}
    amounts = [r["amount_yuan"] if r["amount_yuan"] is not None else r["cap_yuan"] for r in got]
    known = [a for a in amounts if a is not None]
    assert (
        known == sorted(known, reverse=True) and amounts[: len(known)] == known
    )  # amounts first, highest first


def test_a_document_with_its_measures_targets_and_subsidies(server):
    targets = rows_of(server, "targets")
    document_id = max(
        {r["document_id"] for r in targets}, key=lambda d: sum(r["document_id"] == d for r in targets)
    )
    expected = {
        **{
            r["measure_id"]: "measure" for r in rows_of(server, "measures") if r["document_id"] == document_id
        },
        **{r["target_id"]: "target" for r in targets if r["document_id"] == document_id},
        **{
            r["subsidy_id"]: "subsidy"
            for r in rows_of(server, "subsidies")
            if r["document_id"] == document_id
        },
    }
    got = canned(server, "document_contents", document_id=document_id)
    assert {r["row_id"]: r["row_type"] for r in got} == expected
    assert [r["start"] for r in got] == sorted(r["start"] for r in got)
    bodies = {r["measure_id"]: r["text"] or None for r in rows_of(server, "measures")}
    assert {r["row_id"]: r["detail"] for r in got if r["row_type"] == "measure"} == {
        m: bodies[m] for m, kind in expected.items() if kind == "measure"
    }  # a measure's body is read from its document's text (issue 16)


def test_the_text_stored_once_is_shown_whole(server):
    """Issue 16: documents' text is stored deflated and measures' bodies as offsets into it; the pages show both."""
    import html as html_lib

    measures = [m for m in rows_of(server, "measures") if len(m["text"]) > 20]
    measure = measures[len(measures) // 2]
    page = html_lib.unescape(get(server, "/yanglao/measures", document_id=measure["document_id"]))
    assert all(m["text"] in page for m in measures if m["document_id"] == measure["document_id"])
    row_page = html_lib.unescape(
        get(server, f"/yanglao/measures/{urllib.parse.quote(measure['measure_id'])}")
    )
    assert measure["text"] in row_page
    document = next(d for d in rows_of(server, "documents") if d["document_id"] == measure["document_id"])
    documents_page = html_lib.unescape(get(server, "/yanglao/documents", document_id=document["document_id"]))
    assert document["text"].strip() in documents_page
    assert measure["text"] in html_lib.unescape(get(server, f"/yanglao/documents/{document['document_id']}"))


def test_sources_and_freshness(server):
    documents = {d["document_id"]: d for d in rows_of(server, "documents")}
    status = {
        r["source_id"]: r
        for r in get_json(server, "/yanglao/source_status.json", _shape="array", _size="max")
    }
    got = canned(server, "sources_freshness")
    assert {r["source_id"] for r in got} == {s["source_id"] for s in rows_of(server, "sources")}
    for row in got:
        document = documents.get(row["source_id"])
        fetched = status.get(row["source_id"], {}).get("last_success")
        assert row["documents"] == (1 if document else 0)
        assert row["last_retrieved"] == (fetched or (document["retrieved_at"] if document else None))
        if document:
            assert row["last_changed"] is not None and row["versions_seen"] == 1
    retrieved = [r["last_retrieved"] for r in got if r["last_retrieved"]]
    assert retrieved == sorted(retrieved)  # stalest first


# ---------------------------------------------------------------- metadata


def browsable_tables(server) -> list[str]:
    database = get_json(server, "/yanglao.json")
    return [t["name"] for t in database["tables"] if not t["hidden"]] + [v["name"] for v in database["views"]]


def test_every_column_has_a_description_in_chinese_and_english(server):
    metadata = get_json(server, "/-/metadata.json")
    tables = metadata["databases"]["yanglao"]["tables"]
    names = browsable_tables(server)
    assert {"sources", "documents", "measures", "targets", "subsidies", "releases"} <= set(names)
    for name in names:
        meta = tables[name]
        assert CJK.search(meta["title"]) and re.search(r"[A-Za-z]", meta["title"])
        assert meta["license"] and meta["license_url"] and meta["source"] and meta["source_url"]
        columns = get_json(server, f"/yanglao/{name}.json", _size=0)["columns"]
        for column in columns:
            description = meta["columns"].get(column, "")
            assert (
                CJK.search(description) and " / " in description and re.search(r"[A-Za-z]{3}", description)
            ), (name, column)
    assert "[单位 unit: 元]" in tables["subsidies"]["columns"]["amount_yuan"]


def test_the_table_page_shows_column_descriptions_and_credits(server):
    page = get(server, "/yanglao/subsidies")
    assert "Amount in yuan" in page and "CC BY 4.0" in page


@pytest.mark.parametrize(("table", "facets"), [
    ("documents", {"city", "province", "doc_type"}), ("sources", {"city", "province"}), ("measures", {"category"}),
    ("targets", {"city", "province", "unit", "deadline_year"}), ("subsidies", {"city", "province", "kind", "frequency"}),
    ("measures", {"city", "province", "category"}),
])  # fmt: skip
def test_default_facets(server, table, facets):
    data = get_json(server, f"/yanglao/{table}.json", _size=0)
    assert facets <= set(data["facet_results"])


@pytest.mark.parametrize(("table", "term"), [
    ("measures", "养老"), ("measures", "助餐"), ("measures", ""), ("documents", "养老服务"), ("targets", "床位"),
    ("subsidies", "补贴"), ("doubtful", ""),
])  # fmt: skip
def test_facets_counted_from_the_matches_equal_datasettes_own(server, table, term):
    """Issue 16: the default facets of a search are counted from its cached matches; a filter that keeps every
    row sends the same page down Datasette's own SQL, which must give the same facets."""
    key = TABLES_BY_NAME[table].primary_key
    args = {"_size": "0", "_facet_size": "max", **({"_search": term} if term else {})}
    fast = get_json(server, f"/yanglao/{table}.json", **args)["facet_results"]
    slow = get_json(server, f"/yanglao/{table}.json", **args, **{f"{key}__notnull": "1"})["facet_results"]
    assert fast.keys() == slow.keys() and fast

    def shown(facets):
        return {
            name: (f["type"], f["truncated"], [(v["value"], v["label"], v["count"]) for v in f["results"]])
            for name, f in facets.items()
        }

    assert shown(fast) == shown(slow)


@pytest.mark.parametrize(
    ("table", "term"), [("measures", "养老"), ("measures", "养老服务"), ("documents", "助餐")]
)
def test_a_search_page_counts_its_rows_from_the_cached_matches(server, table, term):
    """Issue 16: the count of a page whose only filter is the search is the cached matches' count, not one more
    statement over them; with another filter (here one that keeps every row) Datasette counts it itself."""
    key = TABLES_BY_NAME[table].primary_key
    fast = get_json(server, f"/yanglao/{table}.json", _search=term, _size="3")
    slow = get_json(server, f"/yanglao/{table}.json", _search=term, _size="3", **{f"{key}__notnull": "1"})
    assert "_nocount=1" in fast["next_url"] and "_nocount" not in slow["next_url"]  # not counted in SQL
    assert fast["filtered_table_rows_count"] == slow["filtered_table_rows_count"] > 3
    assert fast["rows"] == slow["rows"]
    page = get(server, f"/yanglao/{table}", _search=term)
    assert re.search(rf"{slow['filtered_table_rows_count']:,} rows where search matches", page)
    second = get_json(server, "/yanglao/" + fast["next_url"].split("/yanglao/", 1)[1])
    assert second["filtered_table_rows_count"] == fast["filtered_table_rows_count"]
    assert get_json(server, f"/yanglao/{table}.json", _search=term, _shape="array", _size="2")[0][key]


def test_foreign_keys_show_a_readable_label(server):
    measures = {m["measure_id"]: m["heading"] for m in rows_of(server, "measures")}
    data = get_json(server, "/yanglao/targets.json", _labels="on", _shape="array", _size="max")
    linked = [r["measure_id"] for r in data if isinstance(r["measure_id"], dict)]
    assert linked and all(m["label"] == measures[m["value"]] for m in linked)


def test_default_sort_and_sortable_columns(server):
    assert get_json(server, "/yanglao/targets.json", _size=0)["human_description_en"] == "sorted by target_id"
    sortable = get_json(server, "/-/metadata.json")["databases"]["yanglao"]["tables"]["targets"][
        "sortable_columns"
    ]
    assert "deadline_year" in sortable and "quote" not in sortable
    page = get(server, "/yanglao/targets")
    assert "_sort=deadline_year" in page and "_sort=quote" not in page
    by_year = get_json(
        server, "/yanglao/targets.json", _sort_desc="deadline_year", _shape="array", _size="max"
    )
    years = [r["deadline_year"] for r in by_year if r["deadline_year"] is not None]
    assert years == sorted(years, reverse=True)


def test_the_match_cache_is_bounded_and_takes_any_table_name_as_one_name():
    from yanglao.serve.plugin import MatchCache
    from yanglao.serve.search import create_index_sql, index_tokens

    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (text TEXT)")
    conn.execute(create_index_sql("t"))
    for rowid, text in enumerate(["助餐服务", "养老", "助餐", "服务助餐"], start=1):
        conn.execute("INSERT INTO t (rowid, text) VALUES (?, ?)", (rowid, text))
        conn.execute("INSERT INTO t_search (rowid, tokens) VALUES (?, ?)", (rowid, index_tokens([text])))
    cache = MatchCache(entries=10, chars=8)  # room for 8 characters of JSON
    assert cache.get(conn, ("db",), "t", "助餐", ("text",)) == (3, "[1,3,4]")
    assert cache.get(conn, ("db",), "t", "养老", ("text",)) == (1, "[2]")
    assert cache.get(conn, ("db",), "t", "助餐服务", ("text",)) == (1, "[1]")  # not 4: checked in the text
    assert len(cache._items) == 2 and cache._size <= 8  # the oldest went
    for name in ("t] WHERE 1=1 --", 't" WHERE 1=1 --'):
        with pytest.raises(sqlite3.OperationalError, match="no such table"):
            cache.get(conn, ("db",), name, "x", ("text",))


# ---------------------------------------------------------------- readable by people (issue 15)


def test_search_with_a_city_facet_on_targets(server):
    """`?_search=` and the city facet work together on the table itself (no view needed)."""
    rows = [r for r in rows_of(server, "targets") if "%" in r["indicator"] + "\n" + r["quote"]]
    expected = {}
    for r in rows:
        expected[r["city"]] = expected.get(r["city"], 0) + 1
    assert len(expected) >= 2, "the term is in targets of several cities"
    data = get_json(server, "/yanglao/targets.json", _search="%", _size=0)
    got = {f["value"]: f["count"] for f in data["facet_results"]["city"]["results"]}
    assert got == expected
    city = max(expected, key=expected.get)
    narrowed = get_json(server, "/yanglao/targets.json", _search="%", city=city, _shape="array", _size="max")
    assert len(narrowed) == expected[city] and {r["city"] for r in narrowed} == {city}


def test_a_code_is_shown_by_its_label(server):
    from yanglao.fields import CODE_LABELS

    subsidies = rows_of(server, "subsidies")
    kind = max({r["kind"] for r in subsidies}, key=lambda k: sum(r["kind"] == k for r in subsidies))
    label = CODE_LABELS["kind"][kind]
    data = get_json(server, "/yanglao/subsidies.json", _size=0)
    facet = {f["value"]: f["label"] for f in data["facet_results"]["kind"]["results"]}
    assert facet[kind] == label  # the facet lists 建设补贴, not construction
    page = get(server, "/yanglao/subsidies")
    cell = re.search(rf'<td class="col-kind[^"]*">\s*<a href="/yanglao/code_kind/{kind}">([^<]+)</a>', page)
    assert cell and cell.group(1) == label
    assert '<span class="yl-zh">类型</span><small class="yl-en">kind</small>' in page  # header in Chinese
    query = get(server, "/yanglao/subsidies_of_kind", kind=kind)  # a query has no foreign keys: render_cell
    frequency = canned(server, "subsidies_of_kind", kind=kind)[0]["frequency"]
    assert f"{CODE_LABELS['frequency'][frequency]} <em>{frequency}</em>" in query


def test_an_amount_is_rendered_as_people_write_it(server):
    from yanglao.publish.display import format_yuan

    assert (format_yuan(150000.0), format_yuan(20000000.0), format_yuan(3.0)) == (
        "15万元",
        "2,000万元",
        "3元",
    )
    subsidies = [r for r in rows_of(server, "subsidies") if r["amount_yuan"]]
    assert subsidies
    page = get(server, "/yanglao/subsidies", _size="max")
    shown = re.findall(r'<td class="col-amount_yuan[^"]*">([^<]*)</td>', page)
    assert sorted(s for s in shown if s.strip() and s != "&nbsp;") == sorted(
        format_yuan(float(r["amount_yuan"])) for r in subsidies
    )
    assert not any(s.endswith(".0") for s in shown)
    stored = get_json(server, "/yanglao/subsidies.json", _shape="array", _size="max", _col="amount_yuan")
    assert all(isinstance(r["amount_yuan"], (int, float)) for r in stored if r["amount_yuan"] is not None)
    exported = list(csv.DictReader(get(server, "/yanglao/subsidies.csv", _size="max").splitlines()))
    assert all(float(r["amount_yuan"]) >= 0 for r in exported if r["amount_yuan"])  # only the HTML changes
    targets = get(server, "/yanglao/targets", _size="max")
    percent = next(r for r in rows_of(server, "targets") if r["unit"] == "%")
    value = float(percent["value"])
    assert f">{int(value) if value.is_integer() else value}%</td>" in targets  # 90%, not 90.0


def _select_options(page: str, name: str) -> list[str]:
    select = re.search(rf'<select id="qp\d+" name="{name}" class="yl-param">(.*?)</select>', page, re.S)
    assert select, f"the {name} parameter is chosen from a list"
    return [v for v in re.findall(r'<option value="([^"]*)"', select.group(1)) if v]


def test_each_canned_query_takes_its_parameter_from_a_list(server):
    from yanglao.fields import SUBSIDY_KINDS

    targets, subsidies = rows_of(server, "targets"), rows_of(server, "subsidies")
    years = sorted({r["deadline_year"] for r in targets if r["deadline_year"]}, key=int)
    documents = {r["document_id"] for r in rows_of(server, "documents")}
    for query, name, expected in (
        ("targets_due_in_year", "year", years),
        ("subsidies_of_kind", "kind", list(SUBSIDY_KINDS)),
        ("document_contents", "document_id", None),
    ):
        page = get(server, f"/yanglao/{query}")
        options = _select_options(page, name)
        assert options == expected if expected is not None else set(options) == documents
        assert 'id="sql-query"' not in page and 'id="sql-editor"' not in page  # SQL hidden by default
        got = canned(server, query, **{name: options[0]})
        if query == "targets_due_in_year":
            assert {r["target_id"] for r in got} == {
                r["target_id"] for r in targets if r["deadline_year"] == options[0]
            }
    by_label = canned(server, "subsidies_of_kind", kind="资金安排")
    by_code = canned(server, "subsidies_of_kind", kind="budget_allocation")
    assert (
        by_label
        == by_code
        == [
            r
            for r in by_code
            if r["subsidy_id"] in {s["subsidy_id"] for s in subsidies if s["kind"] == "budget_allocation"}
        ]
    )


def test_a_target_links_to_its_place_in_the_document_and_the_original_page(server):
    documents = {d["document_id"]: d for d in rows_of(server, "documents")}
    target = next(t for t in rows_of(server, "targets") if documents[t["document_id"]]["source_url"])
    page = get(server, "/yanglao/targets", _size="max")
    anchor = f"/yanglao/documents/{target['document_id']}#{target['target_id']}"
    assert f'href="{anchor}"' in page
    assert f'href="{documents[target["document_id"]]["source_url"]}"' in page
    document = get(server, f"/yanglao/documents/{target['document_id']}")
    mark = re.search(rf'<mark id="{re.escape(target["target_id"])}"[^>]*>(.*?)</mark>', document, re.S)
    anchored = f'<span class="yl-anchor" id="{target["target_id"]}"></span>' in document
    assert anchored or (mark and target["quote"] in mark.group(1).replace("&#34;", '"').replace("&#39;", "'"))
    assert documents[target["document_id"]]["title"] in document


def test_the_charts_and_map_pages_draw_svg_without_a_cdn(server):
    charts = get(server, "/-/yanglao/charts")
    assert charts.count("<svg") >= 2 and "各城市目标对比" in charts and "万元" in charts
    map_page = get(server, "/-/yanglao/map")
    cities = {d["city"] for d in rows_of(server, "documents")}
    assert "<circle" in map_page and all(city in map_page for city in cities)
    for page in (charts, map_page, get(server, "/yanglao/targets")):
        assert not re.search(r'<script[^>]+src="https?://', page), "no script from the network"


def test_serve_takes_a_host_and_says_in_one_line_that_a_port_is_in_use(server):
    port = int(server["base"].rsplit(":", 1)[1])
    result = subprocess.run(
        [sys.executable, "-m", "yanglao.cli", "serve", "--output", str(server["release"].parents[2]),
         "--host", "127.0.0.1", "--port", str(port)],
        capture_output=True, text=True, cwd=ROOT, timeout=60,
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stdout == "" and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert f"127.0.0.1:{port}" in result.stderr and "in use" in result.stderr
    help_text = subprocess.run(
        [sys.executable, "-m", "yanglao.cli", "serve", "--help"], capture_output=True, text=True
    ).stdout
    assert "--host" in help_text
