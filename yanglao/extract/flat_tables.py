"""Tables that a page's text capture flattened to one cell per line.

A table copied out of a web page often arrives as its cells one under the other: the header cells
(`序号`, `镇 街`, `名  称`, `金 额`), then each row's cells in the same order, the rows numbered 1, 2,
3 … and closed by `合计`. Its title (`2020年街道养老服务中心建设补助资金分配表`) and unit line
(`单位:万元`) stand above it. `flat_tables(text)` finds such tables and gives their cells with
offsets into the text, so that the stages can read them as tables; a money table gives one subsidy
per row (`money_rows`).

Seen in: ouhai-2020-eldercare-fund-allocation-notice (two annexes), and the livelihood-project tables
of haian-2023 and xihu-hz-2024 (../shared/corpus/extra, stored copies of real pages).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

HEADER_START = re.compile(r"^\s*序\s*号\s*\|?\s*$")
_HEADER_WORD = re.compile(r"序\s*号")  # (what every header start holds)
TITLE = re.compile(r"(?:表|清单|明细|分配|安排)\s*$")
UNIT_LINE = re.compile(r"单位\s*[:：]\s*(万元|元|亿元|千元)")
UNIT_FACTORS = {"元": 1, "千元": 1_000, "万元": 10_000, "亿元": 100_000_000}
TOTAL_ROW = re.compile(r"^\s*(?:合\s*计|总\s*计|小\s*计)")
MAX_HEADER = 8


@dataclass(frozen=True)
class Cell:
    """A table cell of a flattened table, with its offsets into the text."""

    text: str
    start: int
    end: int


@dataclass
class FlatTable:
    """A table the text gives one cell per line: title, unit, header and numbered rows."""

    title: str | None
    unit_factor: float | None  # from `单位:万元`; None when the table states no unit
    header: list[str]
    rows: list[list[Cell]]


def _lines(text: str) -> list[Cell]:
    return [Cell(m.group().strip(" |\t\u3000"), m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


def _label(cell: str) -> str:
    return re.sub(r"\s", "", cell)


def flat_tables(text: str) -> list[FlatTable]:
    """Every flattened table of `text`: a `序号` header run, then rows numbered from 1."""
    if not _HEADER_WORD.search(text):  # (most texts: no table, and no need to make a cell of each line)
        return []
    lines = [c for c in _lines(text) if c.text]
    tables = []
    for i, line in enumerate(lines):
        if not HEADER_START.match(line.text):
            continue
        header = []
        j = i
        while j < len(lines) and lines[j].text != "1" and len(header) < MAX_HEADER:
            header.append(_label(lines[j].text))
            j += 1
        if j >= len(lines) or len(header) < 2:
            continue
        rows, k, number = [], j, 1
        while k + len(header) <= len(lines) and lines[k].text == str(number):
            rows.append(lines[k : k + len(header)])
            k += len(header)
            number += 1
        if not rows:
            continue
        above = [c.text for c in lines[max(0, i - 4) : i]]
        title = next((t for t in reversed(above) if TITLE.search(t)), None)
        unit = next((UNIT_LINE.search(t) for t in above if UNIT_LINE.search(t)), None)
        tables.append(FlatTable(title, UNIT_FACTORS[unit.group(1)] if unit else None, header, rows))
    return tables


AMOUNT_HEADER = re.compile(r"金额|补助|资金|经费|万元|元")
NAME_HEADERS = ("名称", "单位名称", "项目名称", "机构名称")
NUMBER = re.compile(r"^\d+(?:\.\d+)?$")


def money_rows(table: FlatTable) -> list[tuple[Cell, Cell, float]]:
    """(recipient cell, amount cell, amount in yuan) per row of a money table with a stated unit."""
    if table.unit_factor is None:
        return []
    amount_at = next((i for i, h in enumerate(table.header) if AMOUNT_HEADER.search(h)), None)
    if amount_at is None:
        return []
    name_at = next((i for i, h in enumerate(table.header) if h in NAME_HEADERS), None)
    if name_at is None:
        name_at = 1 if len(table.header) > 2 else None
    out = []
    for row in table.rows:
        amount = row[amount_at]
        if name_at is None or not NUMBER.match(amount.text) or TOTAL_ROW.match(row[0].text):
            continue
        out.append((row[name_at], amount, float(amount.text) * table.unit_factor))
    return out
