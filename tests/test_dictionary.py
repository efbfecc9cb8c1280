"""The data dictionary: every table and column from the registry, both languages, real example values."""

from __future__ import annotations

import csv
from html.parser import HTMLParser
from pathlib import Path

import pytest

from yanglao.fields import TABLES, measure_categories
from yanglao.publish.dictionary import example_value, write_dictionary


def load_tables(folder: Path) -> dict[str, list[dict]]:
    tables = {}
    for table in TABLES:
        with (folder / f"{table.name}.csv").open(encoding="utf-8", newline="") as f:
            tables[table.name] = list(csv.DictReader(f))
    return tables


@pytest.fixture(scope="module")
def written(shipped_build, tmp_path_factory):
    output, summary = shipped_build
    folder = tmp_path_factory.mktemp("dictionary")
    (folder / "datapackage.json").write_bytes(
        (output / "datasets" / "latest" / "datapackage.json").read_bytes()
    )
    tables = load_tables(output / "datasets" / "latest")
    md, page = write_dictionary(folder, tables)
    return tables, md.read_text(encoding="utf-8"), page.read_text(encoding="utf-8"), summary


class Rows(HTMLParser):
    """Table rows of an HTML page, per section (h2 id)."""

    def __init__(self):
        super().__init__()
        self.section, self.rows, self.cells, self.in_cell = None, {}, None, False

    def handle_starttag(self, tag, attrs):
        if tag == "h2":
            self.section = dict(attrs)["id"]
            self.rows[self.section] = []
        elif tag == "tr":
            self.cells = []
        elif tag == "td":
            self.in_cell = True
            self.cells.append("")

    def handle_endtag(self, tag):
        if tag == "td":
            self.in_cell = False
        elif tag == "tr" and self.cells:
            self.rows[self.section].append(self.cells)

    def handle_data(self, data):
        if self.in_cell:
            self.cells[-1] += data


def test_every_table_and_column_is_described_in_both_languages(written):
    tables, md, _, summary = written
    assert f"Data dictionary: yanglao-data {summary.version}" in md
    for table in TABLES:
        assert f"## `{table.name}`: {table.title_zh} / {table.title_en}" in md
        assert f"- 行数 / rows: {len(tables[table.name])}" in md
        section = md.split(f"## `{table.name}`:")[1].split("\n## ")[0]
        for f in table.fields:
            line = next(x for x in section.splitlines() if x.startswith(f"| `{f.name}` | {f.type}"))
            assert f.zh.replace("|", "\\|") in line and f.en.replace("|", "\\|") in line
            if f.unit:
                assert f"| {f.unit} |" in line


def test_html_has_a_row_per_column_with_a_real_example(written):
    tables, _, page, _ = written
    parser = Rows()
    parser.feed(page)
    for table in TABLES:
        rows = parser.rows[table.name]
        assert [r[0] for r in rows] == table.field_names
        for f, cells in zip(table.fields, rows, strict=True):
            example = cells[5]
            values = [r[f.name] for r in tables[table.name] if r[f.name] != ""]
            if values:
                first = " ".join(values[0].split())
                assert example == first or (example.endswith("…") and first.startswith(example[:-1])), (
                    table.name,
                    f.name,
                )
            else:
                assert example == ""


def test_measure_categories_and_enums_are_listed(written):
    _, md, _, _ = written
    measures = md.split("## `measures`:")[1].split("\n## ")[0]
    category = next(x for x in measures.splitlines() if x.startswith("| `category` |"))
    assert all(code in category for code in measure_categories())
    kind = next(x for x in md.splitlines() if x.startswith("| `kind` |"))
    assert "budget_allocation" in kind


def test_typed_rows_are_written_as_in_the_csv_and_markup_is_escaped(tmp_path):
    tables = {t.name: [] for t in TABLES}
    tables["subsidies"] = [
        {"subsidy_id": "x:s0123456789", "recipient": "<b>养老机构</b> | 站", "amount_yuan": 150000.0, "rate_percent": 50.5,
         "kind": "construction", "frequency": "one_off"}
    ]  # fmt: skip
    tables["sources"] = [{"source_id": "x", "active": True}]
    md, page = write_dictionary(tmp_path, tables)
    html, markdown = page.read_text(encoding="utf-8"), md.read_text(encoding="utf-8")
    assert "<b>养老机构" not in html and "&lt;b&gt;养老机构&lt;/b&gt; | 站" in html
    assert "`<b>养老机构</b> \\| 站`" in markdown
    assert "`150000`" in markdown and "`50.5`" in markdown and "`true`" in markdown


def test_the_same_data_gives_the_same_bytes(written, tmp_path):
    tables, md, page, _ = written
    again_md, again_page = write_dictionary(tmp_path, tables)
    assert again_page.read_text(encoding="utf-8").count("<tr>") == page.count("<tr>")
    first = write_dictionary(tmp_path, tables)
    assert [p.read_bytes() for p in first] == [again_md.read_bytes(), again_page.read_bytes()]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([{"a": None}, {"a": ""}, {"a": "x"}], "x"),
        ([{"a": 2.0}], "2"),
        ([{"a": "一\n二"}], "一 二"),
        ([{"a": "长" * 80}], "长" * 59 + "…"),
    ],
)
def test_example_value(rows, expected):
    assert example_value(rows, "a") == expected
