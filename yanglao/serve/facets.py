"""Datasette facets counted from the cached search matches, not by one SQL statement each (issue 16).

Datasette 0.65 counts each facet with a statement over every matching row (`select col, count(*)
from (…) group by col`); a search page of `measures` at 100,000 documents has four default facets
over up to 460,000 matches, and each statement read every one of them again (~1 s of server CPU per
page in all). Here, for an immutable database, each facet column is read once into an array (one
code per rowid, NULL as -1; the values in SQLite's own order), and a page's facets are counted from
the search's matching rowids (kept by `yanglao.serve.plugin.matches`) with numpy: milliseconds.

The counts are exact and the same as Datasette's (same values, same order: count descending, then
value ascending in SQLite's order; same labels, links and truncation): the fast path is taken only
when the search is the page's only filter (or there is no filter at all). Any other filter, a
mutable database or a table without a search index falls back to Datasette's own statement.

The metadata asks for these facets with type `yanglao` (`yanglao.serve.metadata`); the results
are labelled type `column`, as Datasette's are, so that pages and JSON do not change.
"""

from __future__ import annotations

import json
import sys
import threading
from collections import OrderedDict

import numpy as np
from datasette.facets import ColumnFacet
from datasette.utils import path_with_added_args, path_with_removed_args

from yanglao.serve import plugin

TYPE = "yanglao"
MATCH_ARRAYS = 16


class _Columns:
    """Per database file, table and column: (values in SQLite's order, code per rowid). Files are immutable."""

    def __init__(self) -> None:
        self._items: dict[tuple, tuple[list, np.ndarray]] = {}
        self._matches: OrderedDict[tuple, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def codes(self, conn, key: tuple, table: str, column: str) -> tuple[list, np.ndarray]:
        item = self._items.get((key, table, column))
        if item is None:
            item = read_codes(conn, table, column)
            with self._lock:
                self._items[(key, table, column)] = item
        return item

    def rowids(self, conn, key: tuple, table: str, query: str) -> np.ndarray:
        with self._lock:
            found = self._matches.get((key, table, query))
        if found is None:
            found = np.array(json.loads(plugin.matches.get(conn, key, table, query)[1]), dtype=np.int64)
            with self._lock:
                self._matches[(key, table, query)] = found
                while len(self._matches) > MATCH_ARRAYS:
                    self._matches.popitem(last=False)
        return found


columns = _Columns()


def read_codes(conn, table: str, column: str) -> tuple[list, np.ndarray]:
    """The distinct non-NULL values of a column in SQLite's order, and each row's position among them (-1: NULL)."""
    values = [
        r[0]
        for r in conn.execute(
            f"SELECT DISTINCT [{column}] FROM [{table}] WHERE [{column}] IS NOT NULL ORDER BY 1"
        )
    ]
    size = conn.execute(f"SELECT coalesce(max(rowid), 0) + 1 FROM [{table}]").fetchone()[0]
    codes = np.full(size, -1, dtype=np.int32)
    ranked = conn.execute(
        f"SELECT rowid, dense_rank() OVER (ORDER BY [{column}]) - 1 FROM [{table}] WHERE [{column}] IS NOT NULL"
    )
    pairs = np.array(ranked.fetchall(), dtype=np.int64).reshape(-1, 2)
    codes[pairs[:, 0]] = pairs[:, 1]
    return values, codes


def top_counts(values: list, codes: np.ndarray, rowids: np.ndarray | None, limit: int) -> list[tuple]:
    """(value, count) of the rows (`rowids`, or all), count descending then value ascending, at most `limit`."""
    picked = codes if rowids is None else codes[rowids]
    counts = np.bincount(picked + 1, minlength=len(values) + 1)[1:]
    present = np.flatnonzero(counts)
    order = present[np.lexsort((present, -counts[present]))][:limit]
    return [(values[i], int(counts[i])) for i in order]


def only_search(request) -> bool:
    """True when nothing but `_search` narrows the rows of the page."""
    return all(key in plugin.NOT_FILTERS for key in request.args)


class SearchFacet(ColumnFacet):
    """A column facet of a table page, counted from the search's matches when it can be (module docstring)."""

    type = TYPE

    async def facet_results(self):
        rows = await self._fast_rows()
        if rows is None:
            results, timed_out = await super().facet_results()
        else:
            results, timed_out = await self._results(rows), []
        for result in results:
            result["type"] = "column"
        return results, timed_out

    async def _fast_rows(self) -> dict[str, list[tuple]] | None:
        """{column: [(value, count), …]} for every configured facet, or None when the fast path does not apply."""
        if not self.table or not only_search(self.request):
            return None
        db = self.ds.get_database(self.database)
        key = None if db.is_mutable or db.is_memory else plugin.file_key(db.path)
        if key is None or not await plugin._has_index(self.ds, self.database, self.table):
            return None
        query = self.request.args.get("_search", "")
        searched = bool(plugin.search_terms(query))
        limit = self.get_facet_size() + 1
        names = [c["config"].get("column") or c["config"]["simple"] for c in self.get_configs()]

        def count(conn):
            rowids = columns.rowids(conn, key, self.table, query) if searched else None
            out = {}
            for name in names:
                values, codes = columns.codes(conn, key, self.table, name)
                out[name] = top_counts(values, codes, rowids, limit)
            return out

        return await db.execute_fn(count)

    async def _results(self, rows: dict[str, list[tuple]]) -> list[dict]:
        """Datasette's facet results (as `ColumnFacet.facet_results` makes them) from counted rows."""
        qs_pairs = self.get_querystring_pairs()
        facet_size = self.get_facet_size()
        results = []
        for source_and_config in self.get_configs():
            config = source_and_config["config"]
            column = config.get("column") or config["simple"]
            counted = rows[column]
            shown = counted[:facet_size]
            expanded = await self.ds.expand_foreign_keys(
                self.database, self.table, column, [v for v, _ in shown]
            )
            values = []
            for value, count in shown:
                column_qs = f"{column}__exact" if column.startswith("_") else column
                selected = (column_qs, str(value)) in qs_pairs
                if selected:
                    toggle_path = path_with_removed_args(self.request, {column_qs: str(value)})
                else:
                    toggle_path = path_with_added_args(self.request, {column_qs: value})
                values.append(
                    {
                        "value": value,
                        "label": expanded.get((column, value), value),
                        "count": count,
                        "toggle_url": self.ds.absolute_url(self.request, self.ds.urls.path(toggle_path)),
                        "selected": selected,
                    }
                )
            results.append(
                {
                    "name": column,
                    "type": self.type,
                    "hideable": source_and_config["source"] != "metadata",
                    "toggle_url": self.ds.urls.path(path_with_removed_args(self.request, {"_facet": column})),
                    "results": values,
                    "truncated": len(counted) > facet_size,
                }
            )
        return results


async def warm(datasette) -> None:
    """Read the facet columns of every searchable table of the immutable databases, one after the other.

    Run in the background at start-up (`yanglao.serve.web.startup`), so that the first search page
    does not read them (at 100,000 documents ~1 s per column of `measures`). A failure here only
    leaves the reading to the first page that needs it.
    """
    for name, db in list(datasette.databases.items()):
        key = None if db.is_mutable or db.is_memory else plugin.file_key(db.path)
        if key is None:
            continue
        for table, meta in (datasette.metadata("tables", database=name) or {}).items():
            wanted = [
                next(iter(c.values())) for c in meta.get("facets", []) if isinstance(c, dict) and TYPE in c
            ]
            if not wanted or not await plugin._has_index(datasette, name, table):
                continue
            for column in wanted:
                try:
                    await db.execute_fn(lambda conn, k=key, t=table, c=column: columns.codes(conn, k, t, c))
                except Exception as exc:  # optional work: the page reads the column itself
                    print(f"yanglao: facet column {table}.{column} not read ahead: {exc}", file=sys.stderr)
