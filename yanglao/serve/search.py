"""Chinese substring search of any length: a small FTS5 index of characters and character pairs.

Why this and not the usual choices (figures in PITFALLS.md and the reports of issues 4 and 16):

- FTS5's default ``unicode61`` tokenizer keeps a whole run of Chinese characters
  (often a whole sentence) as one token, so a word inside it is never found.
- The ``trigram`` tokenizer finds terms of 3+ characters, but a term of one or two
  characters (助餐, 床位, 津贴, 养老 — what people actually type) returns 0 rows
  with no error; a ``LIKE`` fallback for those scans the base table (85 ms at
  100k rows, 838 ms at 1M).

So the build tokenizes the text itself. For every row of a searchable table the
index ``<table>_search`` (a contentless FTS5 table, ``rowid`` = the base table's
``rowid``) gets one column of opaque ASCII tokens:

- one token per character (its UTF-16 code unit, 4 hex digits);
- one token per overlapping pair of characters within one column's value (8 hex digits).

The index stores which rows hold each token and nothing else (``detail=none``: no
positions, no columns). Issue 16 measured why: with positions (``detail=full``, needed
for phrase queries) the index of a document's text took ~21 KB of the database, most
of it positions; without them ~3 KB.

A query term then matches as follows (every term of a query must match, AND):

- one character: the rows holding its token — exactly the rows containing it;
- two characters: the rows holding their pair token — exactly those rows too, since
  pairs never span two columns;
- three or more characters: the rows holding every pair of the term (a superset of
  the rows containing it), then checked against the row's own text with
  ``instr(lower(column), term)`` (``rowids_sql``). The pairs leave few rows to check
  for a rare term; a term in most rows costs reading those rows' text once, and the
  Datasette plugin keeps the result for the count, the facets and the page.

A character outside the Basic Multilingual Plane (rare in these documents) is two
UTF-16 code units, and counts as two characters for the tokens: it is then a pair,
checked like any longer term, so the result is the same. The tokens are plain ASCII,
so the index uses FTS5's ``ascii`` tokenizer, the cheapest.

Letters are folded to lower case on both sides the way SQLite's ``LIKE`` and ``lower()``
fold them: ASCII only (``A``→``a``; ``İ`` or ``Ａ`` stay as they are). So a search finds
exactly the rows that ``column LIKE '%term%'`` finds in one of the search columns.

A query is split like Datasette's ``?_search=``: on whitespace, a ``"quoted phrase"``
kept whole (spaces included); every term must occur in the row (AND).

The Datasette side — turning ``?_search=`` into this query — is
``yanglao/serve/plugin.py``; the build side is ``yanglao/serve/sqlite.py``.
"""

from __future__ import annotations

import re
import sqlite3
import zlib
from collections.abc import Iterable, Sequence

INDEX_SUFFIX = "_search"
INDEX_COLUMNS = ("tokens",)
_TERMS_RE = re.compile(r'"([^"]*)"|(\S+)')
_ASCII_UPPER = re.compile(r"[A-Z]+")
ENCODING = "utf-16-be"


# Search columns the SQLite build does not store as such, and the SQL that reads them (`{t}`: the
# table's alias). Issue 16: the long text is stored once, compressed (`yanglao.serve.sqlite`):
# - a document's text as `text_deflate` (zlib of its GB18030 bytes), its `text` NULL;
# - a measure's body is a stretch of its document's text: the measure has the stretch's offsets
#   (`text_start`, `text_end`, in characters) and its `text` is NULL (stored only for a body that
#   is not found in its document's text).
# The SQL function `yanglao_text` (`register_functions`) inflates the text: every connection
# reading these columns needs it (the build's, the Datasette plugin's, a test's).
TEXT_FUNCTION = "yanglao_text"
STORED_ELSEWHERE = {
    ("documents", "text"): "coalesce({t}.[text], yanglao_text({t}.text_deflate))",
    ("measures", "text"): (
        "coalesce({t}.[text], (select yanglao_text(d.text_deflate, {t}.text_start, {t}.text_end) "
        "from documents d where d.document_id = {t}.document_id))"
    ),
}


# GB18030 encodes every Unicode character (round trip tested) and a Chinese one in two bytes, not UTF-8's
# three: deflated, the texts come out ~15% smaller (issue 16's 20 KB per document), inflated as fast.
STORED_TEXT_ENCODING = "gb18030"


def deflate(text: str) -> bytes:
    """A document's text as the build stores it: zlib of its GB18030 bytes (`STORED_TEXT_ENCODING`)."""
    return zlib.compress(text.encode(STORED_TEXT_ENCODING), 6)


class _Inflater:
    """`yanglao_text(blob[, start, end])`: the text (or its characters start..end) of a deflated text.

    Keeps the last text inflated: the measures of a document come one after the other.
    """

    def __init__(self) -> None:
        self.blob: bytes | None = None
        self.text = ""

    def whole(self, blob: bytes | None) -> str | None:
        if blob is None:
            return None
        if blob != self.blob:
            self.text, self.blob = zlib.decompress(blob).decode(STORED_TEXT_ENCODING), bytes(blob)
        return self.text

    def part(self, blob: bytes | None, start: int | None, end: int | None) -> str | None:
        if start is None or end is None:
            return None
        text = self.whole(blob)
        return None if text is None else text[start:end]


def inflate(blob: bytes | None) -> str | None:
    """The text of `deflate`'s bytes (None for None)."""
    return None if blob is None else zlib.decompress(blob).decode(STORED_TEXT_ENCODING)


def register_functions(conn: sqlite3.Connection) -> None:
    """Give a connection the SQL functions that read text the build stores compressed (`STORED_ELSEWHERE`)."""
    inflater = _Inflater()
    conn.create_function(TEXT_FUNCTION, 1, inflater.whole, deterministic=True)
    conn.create_function(TEXT_FUNCTION, 3, inflater.part, deterministic=True)


def column_sql(table: str, column: str, alias: str = "t") -> str:
    """SQL for the value of a search column of `table` (aliased `alias`), wherever the build stores it.

    >>> column_sql("targets", "quote")
    't."quote"'
    """
    expression = STORED_ELSEWHERE.get((table, column))
    if expression:
        return expression.format(t=alias)
    return f"{alias}.{_quote(column)}"


def index_name(table: str) -> str:
    """The name of a table's search index table."""
    return f"{table}{INDEX_SUFFIX}"


def create_index_sql(table: str) -> str:
    """The contentless FTS5 table of a table's search tokens: which rows hold a token, no positions."""
    return (
        f"CREATE VIRTUAL TABLE [{index_name(table)}] USING fts5("
        f"{', '.join(INDEX_COLUMNS)}, content='', columnsize=0, detail=none, tokenize='ascii')"
    )


def fold(value: str) -> str:
    """Lower-case ASCII letters only, as SQLite's ``lower()`` and ``LIKE`` do (no Unicode folding).

    >>> fold("GPS定位 İ Ａ")
    'gps定位 İ Ａ'
    """
    return _ASCII_UPPER.sub(_lower, value)


def _lower(match: re.Match) -> str:
    return match.group().lower()


def _pair_bytes(code: bytes) -> bytearray:
    """The pairs side by side: bytes 2i..2i+4 of the UTF-16 text for pair i.

    Four strided slice copies (all in C, no string per pair) instead of a loop over the text.
    """
    end = len(code) - 2
    out = bytearray(2 * end)
    out[0::4] = code[0:end:2]  # first character of each pair
    out[1::4] = code[1:end:2]
    out[2::4] = code[2::2]  # second character
    out[3::4] = code[3::2]
    return out


def index_tokens(values: Iterable[str | None]) -> str:
    """The ``tokens`` value for one row's search columns: its characters, then its pairs, per column.

    >>> index_tokens(["助餐", "A级"])
    '52a9 9910 52a99910 0061 7ea7 00617ea7'
    """
    parts: list[str] = []
    for value in values:
        if not value:
            continue
        code = fold(value).encode(ENCODING)
        parts.append(code.hex(" ", 2))
        if len(code) > 2:
            parts.append(_pair_bytes(code).hex(" ", 4))
    return " ".join(parts)


def search_terms(query: str) -> list[str]:
    """The terms of a search box query, as Datasette splits them.

    >>> search_terms('助餐 "养老 服务"  2025年')
    ['助餐', '养老 服务', '2025年']
    """
    if query.count('"') % 2:
        query += '"'
    terms = []
    for quoted, bare in _TERMS_RE.findall(query):
        term = quoted if quoted else bare
        if term.strip():
            terms.append(term)
    return terms


def term_tokens(term: str) -> list[str]:
    """The tokens every row containing `term` holds (distinct, in order).

    >>> term_tokens("餐"), term_tokens("养老"), term_tokens("养老养老")
    (['9910'], ['517b8001'], ['517b8001', '8001517b'])
    """
    code = fold(term).encode(ENCODING)
    if len(code) == 2:
        return [code.hex()]
    return list(dict.fromkeys(_pair_bytes(code).hex(" ", 4).split()))


def is_exact(term: str) -> bool:
    """True when the index alone finds exactly the rows containing `term` (one or two code units)."""
    return len(term.encode(ENCODING)) <= 4


def match_expression(query: str) -> str | None:
    """The FTS5 MATCH expression every row matching `query` satisfies (None when it has no terms).

    Exact for terms of one or two characters; for longer ones a superset, which `rowids_sql` checks.

    >>> match_expression('助餐 养老服务')
    '"52a99910" AND "517b8001" AND "8001670d" AND "670d52a1"'
    """
    terms = search_terms(query)
    if not terms:
        return None
    tokens = dict.fromkeys(token for term in terms for token in term_tokens(term))
    return " AND ".join(f'"{token}"' for token in tokens)


def rowids_sql(table: str, columns: Sequence[str], query: str) -> tuple[str, dict] | None:
    """SQL giving the rowids of `table` whose search `columns` contain every term of `query`, and its parameters.

    None when the query has no terms. The index narrows the rows; terms of three or more
    characters are then checked in the text (``instr`` on ``lower()``: the folding of ``LIKE``).
    Parameter names start with ``yanglao_``, so they can be given beside other parameters.

    >>> rowids_sql("m", ["heading", "text"], "助餐")
    ('select rowid from "m_search" where "m_search" match :yanglao_m', {'yanglao_m': '"52a99910"'})
    """
    expression = match_expression(query)
    if expression is None:
        return None
    if not columns:
        raise ValueError(f"{table}: no search columns")
    name = _quote(index_name(table))
    params = {"yanglao_m": expression}
    checks = []
    for term in dict.fromkeys(fold(t) for t in search_terms(query)):
        if is_exact(term):
            continue
        key = f"yanglao_t{len(params) - 1}"
        params[key] = term
        checks.append(
            "(" + " or ".join(f"instr(lower({column_sql(table, c)}), :{key}) > 0" for c in columns) + ")"
        )
    if not checks:
        return f"select rowid from {name} where {name} match :yanglao_m", params
    sql = (
        f"select t.rowid from {name} s join {_quote(table)} t on t.rowid = s.rowid "
        f"where s.{name} match :yanglao_m and " + " and ".join(checks)
    )
    return sql, params


def _quote(name: str) -> str:
    """An SQL identifier, whatever it holds."""
    return '"' + name.replace('"', '""') + '"'


def row_matches(query: str, values: Iterable[str | None]) -> bool:
    """What the search computes, in plain Python: every term occurs in one of the values (ASCII case folded)."""
    folded = [fold(v) for v in values if v]
    return all(any(fold(t) in v for v in folded) for t in search_terms(query))
