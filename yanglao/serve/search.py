"""Chinese substring search of any length: a character and character-pair FTS5 index.

Why this and not the usual choices (figures in PITFALLS.md and the report of issue 4):

- FTS5's default ``unicode61`` tokenizer keeps a whole run of Chinese characters
  (often a whole sentence) as one token, so a word inside it is never found.
- The ``trigram`` tokenizer finds terms of 3+ characters, but a term of one or two
  characters (助餐, 床位, 津贴, 养老 — what people actually type) returns 0 rows
  with no error; a ``LIKE`` fallback for those scans the base table (85 ms at
  100k rows, 838 ms at 1M).

So the build tokenizes the text itself. For every row of a searchable table the
index ``<table>_search`` (a contentless FTS5 table, ``rowid`` = the base table's
``rowid``) gets two columns of opaque ASCII tokens:

- ``chars``: one token per character (its UTF-16 code unit, 4 hex digits);
- ``pairs``: one token per overlapping pair of characters (8 hex digits).

A character outside the Basic Multilingual Plane (rare in these documents) is two
UTF-16 code units, and counts as two characters here: substring search over code
units is substring search over characters, since a surrogate pair cannot be matched
half-way by any other text. The tokens are plain ASCII, so the index uses FTS5's
``ascii`` tokenizer, the cheapest. (Issue 8: these 4/8-digit tokens and the ``ascii``
tokenizer index 1,000 documents in about half the time of the earlier 8/16-digit
code point tokens with ``unicode61``; the results are the same.)

The search columns of a row (e.g. a measure's heading and text) follow each other,
separated by a ``z`` token that no query produces, so no match spans two columns.
A one-character term is the token query ``chars : "<hex>"``; a term of n ≥ 2
characters is the *phrase* of its n-1 pairs on ``pairs``, which matches exactly
where the n characters occur in a row, one after the other. That is substring
search, for Chinese, Latin letters, digits and punctuation alike, through the index:
no row scan whatever the term's length. Text is lower-cased on both sides, so Latin
letters match regardless of case (as SQLite's ``LIKE`` does).

Measured on 100k rows of 220 characters cut from the corpus (2-core machine, busy;
medians): counting the matches of 餐 / 助餐 / 床位 / 2025年 / 60周岁 takes 23 / 19 / 14 /
32 / 6 ms through this index against 155 / 149 / 143 / 108 / 90 ms with ``LIKE`` on
the base table, and 67 ms vs 56 ms (trigram) for 养老服务, which is in 82% of the
rows. A whole Datasette request (``/m.json?_search=…``, immutable, facet suggestions
off) takes 12–56 ms, 240 ms for that 82% term. Costs: the index is built in ~29 s at
100k rows (trigram: ~20 s) and makes the database 3.3x the size of its text (trigram 2.7x).

A query is split like Datasette's ``?_search=``: on whitespace, a ``"quoted phrase"``
kept whole (spaces included); every term must occur in the row (AND).

The Datasette side — turning ``?_search=`` into this query — is
``yanglao/serve/plugin.py``; the build side is ``yanglao/serve/sqlite.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

INDEX_SUFFIX = "_search"
INDEX_COLUMNS = ("chars", "pairs")
BOUNDARY = "z"  # between two search columns of one row; never a character token
_TERMS_RE = re.compile(r'"([^"]*)"|(\S+)')


def index_name(table: str) -> str:
    """The name of a table's search index table."""
    return f"{table}{INDEX_SUFFIX}"


def create_index_sql(table: str) -> str:
    """The contentless FTS5 table holding a table's search tokens (phrase queries need detail=full)."""
    return (
        f"CREATE VIRTUAL TABLE [{index_name(table)}] USING fts5("
        f"{', '.join(INDEX_COLUMNS)}, content='', columnsize=0, tokenize='ascii')"
    )


ENCODING = "utf-16-be"


def _chars(value: str) -> str:
    """One token per character: its UTF-16 code unit in 4 hex digits (bytes.hex does the work in C)."""
    return value.encode(ENCODING).hex(" ", 2)


def _pairs(value: str) -> str:
    """One token per overlapping pair of characters: the two code units, 8 hex digits."""
    return _pair_bytes(value.encode(ENCODING)).hex(" ", 4)


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


def index_tokens(values: Iterable[str | None]) -> tuple[str, str]:
    """The ``chars`` and ``pairs`` column values for one row's search columns.

    >>> index_tokens(["助餐", "A级"])
    ('52a9 9910 z 0061 7ea7', '52a99910 z 00617ea7')
    """
    chars: list[str] = []
    pairs: list[str] = []
    for value in values:
        if not value:
            continue
        code = value.lower().encode(ENCODING)
        chars.append(code.hex(" ", 2))
        pairs.append(_pair_bytes(code).hex(" ", 4))  # empty for one character
    return f" {BOUNDARY} ".join(chars), f" {BOUNDARY} ".join(pairs)


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


def term_expression(term: str) -> str:
    """The FTS5 expression that matches rows containing `term` as a substring.

    >>> term_expression("餐")
    'chars : "9910"'
    >>> term_expression("养老")
    'pairs : "517b8001"'
    """
    code = term.lower().encode(ENCODING)
    if len(code) == 2:
        return f'chars : "{code.hex(" ", 2)}"'
    return f'pairs : "{_pair_bytes(code).hex(" ", 4)}"'


def match_expression(query: str) -> str | None:
    """The FTS5 MATCH expression for a whole query (every term, AND); None when it has no terms."""
    terms = search_terms(query)
    if not terms:
        return None
    return " AND ".join(term_expression(t) for t in terms)


def row_matches(query: str, values: Iterable[str | None]) -> bool:
    """What the index computes, in plain Python: every term occurs in one of the values."""
    lowered = [v.lower() for v in values if v]
    return all(any(t.lower() in v for v in lowered) for t in search_terms(query))
