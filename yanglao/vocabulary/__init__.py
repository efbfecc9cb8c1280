"""Controlled vocabularies as data, read by the stage that assigns a code and by the field registry.

A vocabulary is a CSV file beside this module (`code,label_zh,label_en`), so that the field registry
(`yanglao.fields`, which turns a vocabulary into a column's enum) and the extractor that assigns the
codes (`yanglao.extract.categories`) both read the same list without importing each other: the
registry depends on no extractor, and a reader can change a label without reading code.

    >>> measure_categories()[0].code
    'long_term_care'
    >>> measure_categories()[-1].code
    'other'
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path
from typing import NamedTuple

HERE = Path(__file__).resolve().parent


class Term(NamedTuple):
    """One entry of a vocabulary: the code written into the data, and its labels for readers."""

    code: str
    label_zh: str
    label_en: str


class VocabularyError(ValueError):
    """A vocabulary file is malformed (a missing label, a code listed twice); the message names the line."""


@cache
def read_vocabulary(name: str) -> tuple[Term, ...]:
    """The terms of `<name>.csv`, in file order (the order is meaningful: it is the enum's order).

    Read once per process; every problem is one line naming the file and row, because a broken
    vocabulary must stop a build before any schema is written.
    """
    path = HERE / f"{name}.csv"
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != list(Term._fields):
            raise VocabularyError(f"{path.name}: header must be {','.join(Term._fields)}")
        terms = []
        for line, row in enumerate(reader, start=2):
            if not all(row.get(key) for key in Term._fields):
                raise VocabularyError(f"{path.name} line {line}: every column needs a value")
            terms.append(Term(row["code"], row["label_zh"], row["label_en"]))
    codes = [t.code for t in terms]
    if len(set(codes)) != len(codes):
        raise VocabularyError(f"{path.name}: a code is listed twice")
    return tuple(terms)


def measure_categories() -> tuple[Term, ...]:
    """The categories of `measures.category`, most specific first, ending with the catch-all `other`."""
    return read_vocabulary("categories")
