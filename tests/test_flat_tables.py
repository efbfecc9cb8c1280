"""Tables flattened to one cell per line (yanglao/extract/flat_tables.py), read from the annexes of
ouhai-2020-eldercare-fund-allocation-notice (../shared/corpus/extra: a stored copy of the real page)."""

from __future__ import annotations

from yanglao.extract.flat_tables import flat_tables, money_rows
from yanglao.extract.subsidies import extract_subsidies

ANNEX = (
    "附件1:\n\n2020年街道养老服务中心建设补助资金分配表\n\n单位:万元\n\n序号\n\n镇 街\n\n名  称\n\n金 额\n\n"
    "1\n\n茶山街道\n\n茶山街道养老服务中心\n\n100\n\n2\n\n仙岩街道\n\n仙岩街道养老服务中心\n\n100\n\n"
    "合    计\n\n200\n\n附件2\n\n2020年居家上门服务补助资金分配表\n\n单位:万元\n\n序号\n\n镇 街\n\n金 额\n\n"
    "1\n\n潘桥街道\n\n35\n\n2\n\n泽雅镇\n\n42\n\n合    计\n\n77\n"
)


def test_flat_tables_give_their_title_unit_header_and_numbered_rows():
    first, second = flat_tables(ANNEX)
    assert first.title == "2020年街道养老服务中心建设补助资金分配表" and first.unit_factor == 10_000
    assert first.header == ["序号", "镇街", "名称", "金额"]
    assert [[c.text for c in row] for row in second.rows] == [["1", "潘桥街道", "35"], ["2", "泽雅镇", "42"]]
    for table in (first, second):
        for row in table.rows:
            assert all(ANNEX[c.start : c.end].strip() == c.text for c in row)


def test_a_money_table_gives_a_subsidy_per_row_not_its_total():
    assert [(n.text, y) for n, _a, y in money_rows(flat_tables(ANNEX)[0])] == [
        ("茶山街道养老服务中心", 1_000_000.0),
        ("仙岩街道养老服务中心", 1_000_000.0),
    ]
    rows = [(r["kind"], r["recipient"], r["amount_yuan"], r["basis"]) for r in extract_subsidies(ANNEX)]
    assert rows == [
        ("construction", "茶山街道养老服务中心", 1_000_000.0, "facility"),
        ("construction", "仙岩街道养老服务中心", 1_000_000.0, "facility"),
        ("operation", "潘桥街道", 350_000.0, "total"),
        ("operation", "泽雅镇", 420_000.0, "total"),
    ]
    for r in extract_subsidies(ANNEX):
        assert ANNEX[r["start"] : r["end"]] == r["quote"]


def test_a_table_without_a_unit_line_gives_no_money():
    text = ANNEX.replace("单位:万元", "")
    assert not [r for r in extract_subsidies(text) if r["amount_yuan"]]


def test_a_header_written_with_spaces_inside_is_still_looked_for():
    """`flat_tables` reads the lines only of a text that holds `序\\s*号`: a header spaced out as the page set it
    (`序  号`, `序\u3000号`) is one."""
    from yanglao.extract import flat_tables as module

    for header in ("序  号", "序\u3000号", "| 序 号 |", "序号"):
        spaced = ANNEX.replace("序号", header)
        assert [t.header[1:] for t in flat_tables(spaced)] == [["镇街", "名称", "金额"], ["镇街", "金额"]], (
            header
        )
        assert module.HEADER_START.match(header.strip(" |\t\u3000"))
    assert flat_tables(ANNEX.replace("序号", "序列")) == []
