"""Facets counted from the cached search matches (`yanglao.serve.facets`): the same rows as Datasette's SQL."""

from __future__ import annotations

import random
import sqlite3

import numpy as np

from yanglao.serve.facets import only_search, read_codes, top_counts


def test_counts_equal_sqlites_group_by_with_nulls_ties_and_mixed_values():
    rng = random.Random(7)
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (city TEXT, year INTEGER)")
    cities = ["武汉", "广州", "Ａ", "a", "B", None, "湖州"]
    conn.executemany(
        "INSERT INTO t VALUES (?, ?)",
        [(rng.choice(cities), rng.choice([2025, 2030, None, 2027])) for _ in range(500)],
    )
    conn.execute("DELETE FROM t WHERE rowid % 17 = 0")  # rowids with gaps
    rowids = sorted(rng.sample([r[0] for r in conn.execute("SELECT rowid FROM t")], 200))
    for column in ("city", "year"):
        values, codes = read_codes(conn, "t", column)
        for subset, limit in ((None, 31), (rowids, 31), (rowids, 3)):
            where = "" if subset is None else f"AND rowid IN ({','.join(map(str, subset))})"
            expected = conn.execute(
                f"SELECT {column}, count(*) AS n FROM t WHERE {column} IS NOT NULL {where} "
                f"GROUP BY {column} ORDER BY n DESC, {column} LIMIT {limit}"
            ).fetchall()
            picked = None if subset is None else np.array(subset)
            assert top_counts(values, codes, picked, limit) == expected, (column, limit)


class _Request:
    def __init__(self, **args):
        self.args = args


def test_only_the_search_counts_from_the_matches():
    assert only_search(_Request(_search="助餐", _size="20", _sort="city"))
    assert only_search(_Request())
    assert not only_search(_Request(_search="助餐", city="武汉"))
    assert not only_search(_Request(_search="助餐", _where="1"))
