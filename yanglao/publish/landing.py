"""The landing page of a release (`index.html` beside its tables) and how to cite it.

One static HTML file, readable without a server and without the network: what the data is,
rows per table, coverage by province and city, a chart and the map (inline SVG), a link to
every file with its size and hash, the changes since the previous release, the licence, and
the citation of this very version (also written as `CITATION.cff` beside it).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from html import escape
from pathlib import Path

from yanglao.fields import TABLES, TABLES_BY_NAME
from yanglao.publish import charts

AUTHOR = "yanglao-data contributors"
REPOSITORY = "https://github.com/yanglao-data/yanglao-data"
CITATION_FILE = "CITATION.cff"
LANDING_FILE = "index.html"
EXCEL_HOWTO = (
    "CSV 文件为 UTF-8 编码。在 Excel 中请勿直接双击打开(中文会显示为乱码),而用 数据 → 自文本/CSV,"
    "“文件原始格式”选 65001: Unicode (UTF-8);或直接下载 XLSX 工作簿。 / The CSV files are UTF-8. In Excel, "
    "do not double-click them (Chinese turns to mojibake): use Data → From Text/CSV with File origin "
    "65001: Unicode (UTF-8), or download the XLSX workbook."
)


def citation_text(descriptor: dict) -> str:
    """The citation of one release, naming its version."""
    year = descriptor["created"][:4]
    return (
        f"{AUTHOR} ({year}). {descriptor['title']}. Version {descriptor['version']} "
        f"[Data set]. {descriptor.get('homepage', REPOSITORY)}. {descriptor['licenses'][0]['name']}."
    )


def citation_cff(descriptor: dict) -> str:
    """CITATION.cff (Citation File Format 1.2.0) for one release."""
    return (
        "cff-version: 1.2.0\n"
        'message: "If you use this data, please cite this release as below. / 使用本数据请按以下方式引用本版本。"\n'
        "type: dataset\n"
        f'title: "{descriptor["title"]}"\n'
        f'version: "{descriptor["version"]}"\n'
        f'date-released: "{descriptor["created"][:10]}"\n'
        f"license: {descriptor['licenses'][0]['name']}\n"
        f'repository-code: "{REPOSITORY}"\n'
        f'url: "{descriptor.get("homepage", REPOSITORY)}"\n'
        "authors:\n"
        f'  - name: "{AUTHOR}"\n'
    )


def _size(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:,.0f} {unit}" if unit == "B" else f"{n:,.1f} {unit}"
        n /= 1024
    return str(n)


def _file_rows(descriptor: dict, extra: dict[str, int]) -> list[tuple[str, str, str, str]]:
    """(label, path, size, hash) of every file of the release."""
    out = []
    for resource in descriptor["resources"]:
        title = resource["title"]
        out.append((f"{title} · CSV", resource["path"], _size(resource["bytes"]), resource["hash"]))
        for key in ("json", "parquet"):
            if key in resource:
                item = resource[key]
                out.append((f"{title} · {key.upper()}", item["path"], _size(item["bytes"]), item["hash"]))
    for item in descriptor.get("downloads", []):
        out.append((item["title"], item["path"], _size(item["bytes"]), item["hash"]))
    for name, size in sorted(extra.items()):
        out.append((name, name, _size(size), ""))
    return out


class LandingTally:
    """What the landing page counts from the rows (coverage by place, the charts' figures), taken a group of
    rows at a time: publish gives it each group as it writes the tables (one pass for every report)."""

    def __init__(self) -> None:
        self.documents: Counter = Counter()  # (province, city) → documents
        self.rows: dict[str, Counter] = {name: Counter() for name in ("measures", "targets", "subsidies")}
        self.charts = charts.ChartTally()

    def add(self, table: str, rows: Iterable[dict]) -> None:
        rows = rows if isinstance(rows, list) else list(rows)
        if table == "documents":
            self.documents.update((d.get("province"), d.get("city")) for d in rows)
        elif table in self.rows:
            self.rows[table].update((row.get("province"), row.get("city")) for row in rows)
        self.charts.add(table, rows)

    def coverage(self) -> list[tuple[str, str, list[int]]]:
        """(province, city, [documents, measures, targets, subsidies]) of every place with documents."""
        return [
            (
                p,
                c,
                [
                    self.documents[(p, c)],
                    *(self.rows[n][(p, c)] for n in ("measures", "targets", "subsidies")),
                ],
            )
            for p, c in sorted(self.documents)
        ]


def _tallied(tables: dict[str, list[dict]]) -> LandingTally:
    tally = LandingTally()
    for name in ("documents", "measures", "targets", "subsidies"):
        tally.add(name, tables.get(name, []))
    return tally


def _changes(changes: dict | None) -> str:
    if not changes or not changes.get("previous"):
        return "<p>首个版本 / First release.</p>"
    items = []
    for name, change in changes.get("tables", {}).items():
        items.append(
            f"<li>{escape(name)}: +{len(change['added'])} 新增 added, −{len(change['removed'])} 删除 removed, "
            f"{len(change['changed'])} 修改 changed</li>"
        )
    for kind, entries in changes.get("schema", {}).items():
        items.extend(f"<li>schema ({escape(kind)}): {escape(e)}</li>" for e in entries)
    return f"<p>相对于 / since {escape(changes['previous'])}:</p><ul>{''.join(items)}</ul>"


STYLE = """
body{font-family:"WenQuanYi Micro Hei","Noto Sans CJK SC","Microsoft YaHei",sans-serif;max-width:1100px;
margin:0 auto;padding:1em 1.5em;color:#222;line-height:1.5}
h1{font-size:1.6em;margin:.2em 0}h2{font-size:1.2em;border-bottom:1px solid #ddd;margin-top:1.5em}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ddd;padding:3px 8px;text-align:left}
td.n{text-align:right}code,.hash{font-size:.8em;color:#555;word-break:break-all}
.counts{display:flex;gap:1em;flex-wrap:wrap}.counts div{background:#f2f5f8;padding:.5em 1em;border-radius:6px}
.counts b{font-size:1.4em;display:block}.cite{background:#f8f8f0;padding:.7em;border-left:4px solid #bb9}
svg{max-width:100%;height:auto}
"""


def landing_html(
    descriptor: dict,
    tables: dict[str, list[dict]],
    changes: dict | None,
    extra: dict[str, int],
    tally: LandingTally | None = None,
) -> str:
    """The landing page of a release; `extra` are the other files beside the tables (name → size in bytes).
    `tally`: the rows counted already (in the pass that wrote them); else the tables are read for it."""
    tally = tally or _tallied(tables)
    version = escape(descriptor["version"])
    counts = "".join(
        f"<div><b>{len(tables.get(t.name, [])):,}</b>{escape(t.title_zh)}<br><small>{t.name}</small></div>"
        for t in TABLES
    )
    coverage = "".join(
        f"<tr><td>{escape(p)}</td><td>{escape(c)}</td>"
        + "".join(f'<td class="n">{n:,}</td>' for n in ns)
        + "</tr>"
        for p, c, ns in tally.coverage()
    )
    files = "".join(
        f'<tr><td>{escape(label)}</td><td><a href="{escape(path)}">{escape(path)}</a></td>'
        f'<td class="n">{size}</td><td class="hash">{escape(digest)}</td></tr>'
        for label, path, size, digest in _file_rows(descriptor, extra)
    )
    key = tally.charts.chosen_indicator()
    name = tally.charts.indicator_name(key, tables.get("indicators")) if key else None
    # the one chart that reads the rows again: only the targets, for the chosen indicator's bars
    indicator = charts.indicator_chart(tables.get("targets", []), key, name) if key else ""
    subsidy = charts.subsidy_chart_of(tally.charts.cells)
    places = charts.place_map(tally.charts.place_counts())
    licence = descriptor["licenses"][0]
    heads = "".join(
        f"<th>{escape(TABLES_BY_NAME[n].title_zh)}<br><small>{n}</small></th>"
        for n in ("documents", "measures", "targets", "subsidies")
    )
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(descriptor["title"])} · {version}</title><style>{STYLE}</style></head>
<body>
<h1>{escape(descriptor["title"])}</h1>
<p>版本 / Version <b class="version">{version}</b> · 发布 / created {escape(descriptor["created"])}</p>
<p>{escape(descriptor["description"])}</p>
<h2>各表行数 / Rows per table</h2><div class="counts">{counts}</div>
<h2>覆盖范围 / Coverage by province and city</h2>
<table class="coverage"><tr><th>省份<br><small>province</small></th><th>城市<br><small>city</small></th>{heads}</tr>
{coverage}</table>
{places}
<h2>图表 / Charts</h2>
{indicator}
{subsidy}
<h2>下载 / Downloads</h2>
<p class="excel-howto">{escape(EXCEL_HOWTO)}</p>
<table class="files"><tr><th>内容 / What</th><th>文件 / File</th><th>大小 / Size</th><th>SHA-256</th></tr>
{files}</table>
<h2>本版本的变化 / Changes in this release</h2>
{_changes(changes)}
<h2>许可 / Licence</h2>
<p>数据 / Data: <a href="{escape(licence["path"])}">{escape(licence["title"])} ({escape(licence["name"])})</a>。
各发布机构为数据来源,原始文件为其出版物。 / Each issuing government is credited as a source; the original documents
are the issuers' publications.</p>
<h2>引用本版本 / How to cite this version</h2>
<p class="cite">{escape(citation_text(descriptor))}</p>
<p>也见 / see also <a href="{CITATION_FILE}">{CITATION_FILE}</a>.</p>
</body></html>
"""


def write_landing(
    folder: Path, descriptor: dict, tables: dict[str, list[dict]], tally: LandingTally | None = None
) -> Path:
    """Write CITATION.cff and index.html into a release folder (after its other files are there)."""
    folder = Path(folder)
    (folder / CITATION_FILE).write_text(citation_cff(descriptor), encoding="utf-8")
    listed = {r["path"] for r in descriptor["resources"]} | {
        f"{r['name']}.json" for r in descriptor["resources"]
    }
    listed |= {r["parquet"]["path"] for r in descriptor["resources"] if "parquet" in r}
    listed |= {d["path"] for d in descriptor.get("downloads", [])}
    extra = {
        p.name: p.stat().st_size for p in sorted(folder.iterdir()) if p.is_file() and p.name not in listed
    }
    changes_path = folder / "changes.json"
    changes = json.loads(changes_path.read_text(encoding="utf-8")) if changes_path.exists() else None
    path = folder / LANDING_FILE
    path.write_text(landing_html(descriptor, tables, changes, extra, tally), encoding="utf-8")
    return path
