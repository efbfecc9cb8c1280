"""Datasette plugin: `?_search=` that finds Chinese terms of any length, quickly.

Registered through the `datasette` entry point in pyproject.toml, so it is active in
`yanglao serve` and in a plain `datasette serve datasets/yanglao.db` alike.

For a table that has a `<table>_search` index (built by `yanglao.serve.sqlite`, described
in `yanglao.serve.search`), the plugin turns the search box query into the rows containing
every term — the index's tokens, and for terms of three or more characters a check in the
row's text (`yanglao.serve.search.rowids_sql`) — and tells Datasette to show the search box.
Tables without such an index are left to Datasette's built-in search. The built-in search
never sees our tables: the metadata sets no `fts_table`, and a contentless index is not
auto-detected.

Why the extra machinery (issues 4 and 16, figures in BENCHMARKS.md): one search page runs
four statements over the matches — the page, the count, and one per default facet —
and a plain ``rowid in (select rowid from index where index match …)`` evaluates the
search in each of them (and for a long term, checks the text of every candidate row each
time). So, for an immutable database, the plugin evaluates a search once per query and
keeps the matching rowids (a JSON array, small LRU cache); the statements read them with
``json_each``. When the matches are a large share of the table (`SCAN_FRACTION`) and the
page is in the table's default order, the statements walk the table's indexes — the page
the sort index, stopping after one page, a facet its column's index — instead of looking
up every match (the ``+rowid`` form). Connections memory-map the
file, so reading matched rows does not go through a 2 MB page cache.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import urllib.parse
from collections import OrderedDict

from datasette import hookimpl
from datasette.filters import FilterArguments

from yanglao.fields import TABLES_BY_NAME
from yanglao.serve.search import INDEX_COLUMNS, index_name, register_functions, rowids_sql, search_terms

PARAM = "_yanglao_search"
ROWIDS_FUNCTION = "yanglao_search_rowids"
MMAP_BYTES = 1 << 34  # as much as SQLite maps (its SQLITE_MAX_MMAP_SIZE: 2 GB in the usual builds)
CACHE_ENTRIES = 64
CACHE_CHARS = 64_000_000  # ~64 MB of JSON: a term in 460,000 rows is ~4 MB
# Matches above this share of the table: walk the indexes instead of looking up each match.
SCAN_FRACTION = 0.3


class MatchCache:
    """Rowids matching (database file, table, search query), as a JSON array: a small thread-safe LRU.

    Keyed by the file's identity (inode, size, mtime), so a rebuilt database never sees old results.
    """

    def __init__(self, entries: int = CACHE_ENTRIES, chars: int = CACHE_CHARS):
        self.entries, self.chars = entries, chars
        self._items: OrderedDict[tuple, tuple[int, str]] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(
        self,
        conn: sqlite3.Connection,
        file_key: tuple | None,
        table: str,
        query: str,
        columns: tuple[str, ...] | None = None,
    ) -> tuple[int, str]:
        """Looked up, or evaluated on `conn` (and kept unless `file_key` is None: a file that may change).

        `columns` are the table's search columns; by default those of the field registry.
        """
        key = (file_key, table, query)
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        if columns is None:
            columns = search_columns(table)
        statement = rowids_sql(table, columns, query)
        if statement is None:
            return 0, "[]"
        sql, params = statement
        count, ids = conn.execute(f"select count(*), json_group_array(rowid) from ({sql})", params).fetchone()
        if file_key is None:
            return count, ids
        with self._lock:
            if key not in self._items:
                self._items[key] = (count, ids)
                self._size += len(ids)
            while self._items and (len(self._items) > self.entries or self._size > self.chars):
                self._size -= len(self._items.popitem(last=False)[1][1])
        return count, ids


def search_columns(table: str) -> tuple[str, ...]:
    """The search columns of a table of the field registry (none for any other table)."""
    known = TABLES_BY_NAME.get(table)
    return known.search_columns if known else ()


matches = MatchCache()


def file_key(path: str | None) -> tuple | None:
    """The identity of one build of a database file; None for a database without a file."""
    if not path:
        return None
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (path, stat.st_ino, stat.st_size, stat.st_mtime_ns)


@hookimpl
def prepare_connection(conn, database, datasette):
    """Memory-map the file, give SQL the cached matches of a search (``yanglao_search_rowids``) and the
    text stored compressed (``yanglao_text``).

    The function works in any SQL — so Datasette's "View and edit SQL" link of a search runs too.
    """
    conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
    register_functions(conn)  # the text stored compressed (`yanglao.serve.search.STORED_ELSEWHERE`)
    db = datasette.databases.get(database)
    path = None if db is None or db.is_mutable or db.is_memory else db.path

    def rowids(table: str, query: str) -> str:
        return matches.get(conn, file_key(path), table, query)[1]

    conn.create_function(ROWIDS_FUNCTION, 2, rowids, deterministic=True)


async def _has_index(datasette, database: str, table: str) -> bool:
    if not search_columns(table):
        return False
    db = datasette.get_database(database)
    name = index_name(table)
    if not await db.table_exists(name):
        return False
    columns = await db.table_columns(name)  # an FTS5 table adds hidden columns after its own
    return tuple(columns[: len(INDEX_COLUMNS)]) == INDEX_COLUMNS


_table_rows: dict[tuple, int] = {}  # (file key, table) -> rows; files are immutable


async def _scan_in_sort_order(db, key: tuple, table: str, query: str, default_order: bool) -> bool:
    """True when most rows match and the page is in the default order: then walking the indexes beats
    looking up every match (measured at 10,000 documents: from about 30% of the rows on).

    Evaluates the search first in any case, outside Datasette's SQL time limit (`execute_fn`): a long
    term in most documents means checking their text once (seconds at 100,000 documents), which then
    serves every statement of the page from the cache instead of failing the first one.
    """
    count = (await db.execute_fn(lambda conn: matches.get(conn, key, table, query)))[0]
    if not default_order:
        return False
    if (key, table) not in _table_rows:
        _table_rows[(key, table)] = (await db.execute(f"select count(*) from [{table}]")).first()[0]
    return count > SCAN_FRACTION * _table_rows[(key, table)]


@hookimpl(trylast=True)  # last, so that our supports_search wins over the built-in's False
def filters_from_request(request, database, table, datasette):
    """Datasette hook: a `_search` becomes a filter on the Chinese index instead of FTS's own."""

    async def inner():
        if table is None or not await _has_index(datasette, database, table):
            return None
        query = request.args.get("_search", "")
        context = {"supports_search": True, "search": query}
        if not search_terms(query):
            return FilterArguments([], extra_context=context)
        db = datasette.get_database(database)
        key = None if db.is_mutable or db.is_memory else file_key(db.path)
        if key is None:  # a database that may change under us: evaluate the search in each statement
            sql, params = rowids_sql(table, search_columns(table), query)
            clause = f"rowid in ({sql})"
        else:
            default_order = not (request.args.get("_sort") or request.args.get("_sort_desc"))
            scan = await _scan_in_sort_order(db, key, table, query, default_order)
            quoted_table = "'" + table.replace("'", "''") + "'"
            column = "+rowid" if scan else "rowid"  # `+`: SQLite may not drive the query by rowid
            clause = f"{column} in (select value from json_each({ROWIDS_FUNCTION}({quoted_table}, :{PARAM})))"
            params = {PARAM: query}
        return FilterArguments(
            [clause],
            params=params,
            human_descriptions=[f'search matches "{query}"'],
            extra_context=context,
        )

    return inner


# Query-string arguments that do not narrow the rows of a table page.
NOT_FILTERS = frozenset(
    {
        "_search", "_sort", "_sort_desc", "_size", "_next", "_facet", "_facet_size", "_labels", "_shape",
        "_col", "_nocol", "_nocount", "_nofacet", "_nosuggest", "_timelimit", "_json", "_trace", "_extra",
        "_facet_yanglao", "_facet_array", "_facet_date", "_ttl",
    }
)  # fmt: skip
SEARCH_COUNT = "yanglao_search_count"  # in the ASGI scope: the page's row count, from the cached matches
_NULL_COUNT = b'"filtered_table_rows_count": null'


async def search_count(datasette, scope: dict) -> int | None:
    """The row count of a table page (HTML or JSON) whose only filter is a search, from its cached matches.

    None for any other page: another filter, a mutable database, a table without an index, no terms.
    """
    parts = scope.get("path", "").strip("/").split("/")
    if scope.get("type") != "http" or len(parts) != 2:
        return None
    database, table = parts[0], parts[1].removesuffix(".json")
    args = urllib.parse.parse_qs(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
    query = args.get("_search", [""])[0]
    if "." in table or not search_terms(query) or not all(key in NOT_FILTERS for key in args):
        return None
    db = datasette.databases.get(database)
    key = None if db is None or db.is_mutable or db.is_memory else file_key(db.path)
    if key is None or not await _has_index(datasette, database, table):
        return None
    return (await db.execute_fn(lambda conn: matches.get(conn, key, table, query)))[0]


def _with_count(send, count: int):
    """`send` of a JSON response, with Datasette's null `filtered_table_rows_count` replaced by `count`."""
    start: dict = {}
    chunks: list[bytes] = []

    async def inner(message):
        if message["type"] == "http.response.start":
            start.update(message)
            return
        if message["type"] != "http.response.body":
            await send(message)
            return
        chunks.append(message.get("body", b""))
        if message.get("more_body"):
            return
        body = b"".join(chunks).replace(_NULL_COUNT, b'"filtered_table_rows_count": %d' % count, 1)
        headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
        await send({**start, "headers": [*headers, (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})

    return inner


@hookimpl
def asgi_wrapper(datasette):
    """Datasette hook: a page whose only filter is a search takes its row count from the cached matches.

    Datasette 0.65 counts a table page with one more statement over every matching row (at 100,000
    documents, ~100-200 ms for a common term). The count of the search's matches is already known
    (`matches`), exact, and the same number: the page is asked with `_nocount=1`, and the count is put
    back where Datasette would have put it (the HTML page, `yanglao.serve.web`; the JSON's
    `filtered_table_rows_count`). Any other filter is counted by Datasette as usual.
    """

    def wrap(app):
        async def counted(scope, receive, send):
            count = await search_count(datasette, scope)
            if count is None:
                await app(scope, receive, send)
                return
            query = scope.get("query_string", b"")
            if b"_nocount=" not in query:
                query += b"&_nocount=1"
            scope = {**scope, "query_string": query, SEARCH_COUNT: count}
            await app(scope, receive, _with_count(send, count) if scope["path"].endswith(".json") else send)

        return counted

    return wrap
