"""The data dictionary shipped with every release, generated from the field registry.

`write_dictionary(folder, tables)` writes `data-dictionary.md` and
`data-dictionary.html` into a release folder: each table with its description, key,
ID rule and row count, and each column with its type, unit, description in Chinese
and English, allowed values, and an example value taken from the data itself.
The same data always gives the same bytes.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable
from pathlib import Path

from yanglao.escape import markdown_code
from yanglao.fields import TABLES, Field, Table, measure_categories
from yanglao.publish.display import canonical_number

EXAMPLE_CHARS = 60
FILES = ("data-dictionary.md", "data-dictionary.html")


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(canonical_number(value))  # as the table files write it
    return str(value)


def example_value(rows: list[dict], name: str) -> str:
    """The first non-empty value of a column, on one line and at most EXAMPLE_CHARS characters."""
    examples = Examples()
    examples.add_columns("table", [name], rows)
    return examples.get("table", name)


class Examples:
    """The first non-empty value of each column of each table, taken a group of rows at a time (publish gives
    it each group as it writes the tables): once a column has its example, later rows are not looked at."""

    def __init__(self) -> None:
        self.found: dict[str, dict[str, str]] = {}
        self.missing: dict[str, list[str]] = {t.name: list(t.field_names) for t in TABLES}

    def add(self, table: str, rows: Iterable[dict]) -> None:
        self.add_columns(table, self.missing.get(table, []), rows)

    def add_columns(self, table: str, names: list[str], rows: Iterable[dict]) -> None:
        if not names:
            return
        found = self.found.setdefault(table, {})
        left = [n for n in names if n not in found]
        for row in rows:
            for name in left:
                value = _text(row.get(name))
                if value != "":
                    value = " ".join(value.split())
                    found[name] = value if len(value) <= EXAMPLE_CHARS else value[: EXAMPLE_CHARS - 1] + "…"
            left = [n for n in left if n not in found]
            if not left:
                break
        if table in self.missing:
            self.missing[table] = left

    def get(self, table: str, name: str) -> str:
        return self.found.get(table, {}).get(name, "")


def allowed_values(table: Table, f: Field) -> tuple[str, ...]:
    """The values a column may take, as the data dictionary lists them."""
    if f.enum:
        return f.enum
    if table.name == "measures" and f.name == "category":
        return measure_categories()
    return ()


def dictionary_entries(tables: dict[str, list[dict]], examples: Examples | None = None) -> list[dict]:
    """Everything the dictionary says, as data: one entry per table with its columns. `examples`: the
    columns' examples taken already (in the pass that wrote the tables); else the tables are read for them."""
    if examples is None:
        examples = Examples()
        for table in TABLES:
            examples.add(table.name, tables.get(table.name, []))
    entries = []
    for table in TABLES:
        rows = tables.get(table.name, [])
        columns = []
        for f in table.fields:
            columns.append(
                {
                    "name": f.name,
                    "type": f.type,
                    "unit": f.unit or "",
                    "zh": f.zh,
                    "en": f.en,
                    "required": f.required,
                    "values": allowed_values(table, f),
                    "example": examples.get(table.name, f.name),
                }
            )
        entries.append(
            {
                "name": table.name,
                "title": f"{table.title_zh} / {table.title_en}",
                "description_zh": table.description_zh,
                "description_en": table.description_en,
                "primary_key": table.primary_key,
                "foreign_keys": [f"{f} → {ref}.{ref_field}" for f, ref, ref_field in table.foreign_keys],
                "id_rule": table.id_rule,
                "rows": len(rows),
                "columns": columns,
            }
        )
    return entries


def _version(folder: Path) -> str:
    descriptor = folder / "datapackage.json"
    if descriptor.exists():
        return json.loads(descriptor.read_text(encoding="utf-8")).get("version", "")
    return ""


INTRO_ZH = "每个表对应发布目录中的 `<表名>.csv` 和 `<表名>.json`,也是 SQLite 数据库 yanglao.db 中的同名表。空值在 CSV 中为空字符串。"
INTRO_EN = (
    "Each table is `<table>.csv` and `<table>.json` in the release folder, and the table of the same name in the "
    "SQLite database yanglao.db. Missing values are empty strings in the CSV files."
)


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(entries: list[dict], version: str = "") -> str:
    """The data dictionary as Markdown, values escaped so they cannot leave their code spans."""
    title = "数据字典 / Data dictionary: yanglao-data" + (f" {version}" if version else "")
    lines = [f"# {title}", "", INTRO_ZH, "", INTRO_EN, ""]
    for e in entries:
        lines += [f"## `{e['name']}`: {e['title']}", "", e["description_zh"], "", e["description_en"], ""]
        lines.append(f"- 行数 / rows: {e['rows']}")
        lines.append(f"- 主键 / primary key: `{e['primary_key']}`")
        if e["foreign_keys"]:
            lines.append("- 外键 / foreign keys: " + ", ".join(f"`{fk}`" for fk in e["foreign_keys"]))
        if e["id_rule"]:
            lines.append(f"- 编号规则 / ID rule: {e['id_rule']}")
        lines += [
            "",
            "| 列 column | 类型 type | 单位 unit | 说明 | description | 示例 example |",
            "|---|---|---|---|---|---|",
        ]
        for c in e["columns"]:
            en = c["en"] + (f" — values: {', '.join(c['values'])}" if c["values"] else "")
            kind = c["type"] + (", required" if c["required"] else "")
            example = markdown_code(c["example"]) if c["example"] else ""  # data: any backticks, any HTML
            lines.append(
                f"| `{c['name']}` | {kind} | {_md_cell(c['unit'])} | {_md_cell(c['zh'])} | {_md_cell(en)} | {example} |"
            )
        lines.append("")
    return "\n".join(lines)


STYLE = (
    "body{font-family:system-ui,'PingFang SC','Noto Sans CJK SC',sans-serif;max-width:72rem;margin:2rem auto;"
    "padding:0 1rem;line-height:1.5}table{border-collapse:collapse;width:100%;margin:1rem 0 2rem}"
    "th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#f3f3f3}"
    "code{background:#f6f6f6;padding:0 .2rem}"
)


def render_html(entries: list[dict], version: str = "") -> str:
    """The data dictionary as a standalone HTML page."""
    e_ = html.escape
    title = "数据字典 / Data dictionary: yanglao-data" + (f" {version}" if version else "")
    out = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        f"<title>{e_(title)}</title><style>{STYLE}</style></head><body>",
        f"<h1>{e_(title)}</h1><p>{e_(INTRO_ZH)}</p><p>{e_(INTRO_EN)}</p>",
    ]
    for e in entries:
        out.append(f'<h2 id="{e_(e["name"])}"><code>{e_(e["name"])}</code>: {e_(e["title"])}</h2>')
        out.append(f"<p>{e_(e['description_zh'])}</p><p>{e_(e['description_en'])}</p><ul>")
        out.append(f"<li>行数 / rows: {e['rows']}</li>")
        out.append(f"<li>主键 / primary key: <code>{e_(e['primary_key'])}</code></li>")
        if e["foreign_keys"]:
            out.append(
                "<li>外键 / foreign keys: "
                + ", ".join(f"<code>{e_(fk)}</code>" for fk in e["foreign_keys"])
                + "</li>"
            )
        if e["id_rule"]:
            out.append(f"<li>编号规则 / ID rule: {e_(e['id_rule'])}</li>")
        out.append(
            "</ul><table><thead><tr><th>列 column</th><th>类型 type</th><th>单位 unit</th><th>说明</th>"
        )
        out.append("<th>description</th><th>示例 example</th></tr></thead><tbody>")
        for c in e["columns"]:
            en = c["en"] + (f" — values: {', '.join(c['values'])}" if c["values"] else "")
            kind = c["type"] + (", required" if c["required"] else "")
            example = f"<code>{e_(c['example'])}</code>" if c["example"] else ""
            out.append(
                f"<tr><td><code>{e_(c['name'])}</code></td><td>{e_(kind)}</td><td>{e_(c['unit'])}</td>"
                f"<td>{e_(c['zh'])}</td><td>{e_(en)}</td><td>{example}</td></tr>"
            )
        out.append("</tbody></table>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def write_dictionary(
    folder: Path, tables: dict[str, list[dict]], examples: Examples | None = None
) -> list[Path]:
    """Write data-dictionary.md and data-dictionary.html into a release (or staging) folder.

    Example: ``write_dictionary(stage, tables)`` in `publish_release`, after datapackage.json is written.
    """
    folder = Path(folder)
    entries = dictionary_entries(tables, examples)
    version = _version(folder)
    md, page = folder / FILES[0], folder / FILES[1]
    md.write_text(render_markdown(entries, version), encoding="utf-8")
    page.write_text(render_html(entries, version), encoding="utf-8")
    for path in (md, page):
        path.chmod(0o644)
    return [md, page]
