"""Datasette plugin: `?_search=` that finds Chinese terms of any length.

Registered through the `datasette` entry point in pyproject.toml, so it is active in
`yanglao serve` and in a plain `datasette serve datasets/yanglao.db` alike.

For a table that has a `<table>_search` index (built by `yanglao.sqlite`, described
in `yanglao.search`), the plugin turns the search box query into an FTS5 MATCH over
that index — a phrase of character pairs per term, every term ANDed — and tells
Datasette to show the search box. Tables without such an index are left to
Datasette's built-in search. The built-in search never sees our tables: the
metadata sets no `fts_table`, and a contentless index is not auto-detected.
"""

from __future__ import annotations

from datasette import hookimpl
from datasette.filters import FilterArguments

from yanglao.search import INDEX_COLUMNS, index_name, match_expression

PARAM = "_yanglao_search"


async def _has_index(datasette, database: str, table: str) -> bool:
    db = datasette.get_database(database)
    name = index_name(table)
    if not await db.table_exists(name):
        return False
    columns = await db.table_columns(name)  # an FTS5 table adds hidden columns after its own
    return tuple(columns[: len(INDEX_COLUMNS)]) == INDEX_COLUMNS


@hookimpl(trylast=True)  # last, so that our supports_search wins over the built-in's False
def filters_from_request(request, database, table, datasette):
    async def inner():
        if table is None or not await _has_index(datasette, database, table):
            return None
        query = request.args.get("_search", "")
        context = {"supports_search": True, "search": query}
        expression = match_expression(query)
        if expression is None:
            return FilterArguments([], extra_context=context)
        name = index_name(table)
        return FilterArguments(
            [f"rowid in (select rowid from [{name}] where [{name}] match :{PARAM})"],
            params={PARAM: expression},
            human_descriptions=[f'search matches "{query}"'],
            extra_context=context,
        )

    return inner
