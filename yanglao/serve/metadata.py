"""Datasette metadata for the SQLite build, generated from the field registry (`yanglao.fields`).

For the Datasette 0.65 line (pinned in pyproject.toml; 0.65 keeps canned queries and
table settings in metadata). Everything a reader sees — titles, descriptions, licence,
source, column descriptions in Chinese and English with units, default sort, sortable
columns, label columns, facets — comes from the same `Table`/`Field` definitions as
the Frictionless schemas, so the two cannot disagree.

Units are written into the column descriptions (`[单位 unit: 元]`) rather than
Datasette's `units` key: that key feeds pint, which knows neither 元 nor 张.

Search needs nothing here: the plugin (`yanglao.serve.plugin`) finds each
table's `<table>_search` index itself. No `fts_table` is set, so Datasette's
built-in search (which would AND its own trigram-style clause) stays out of the way.
"""

from __future__ import annotations

import json
import os
import tempfile
from html import escape
from pathlib import Path

from yanglao.fields import ALL_TABLES, TABLES, Field, Table
from yanglao.publish.release import LICENSE, PACKAGE_DESCRIPTION, PACKAGE_TITLE
from yanglao.serve import search

DATABASE = "yanglao"
HOMEPAGE = "https://github.com/yanglao-data/yanglao-data"
SOURCE = "中国地方政府公开发布的养老服务政策文件(登记于 sources.yaml) / Chinese local-government elderly-care policy documents (registered in sources.yaml)"
SOURCE_URL = f"{HOMEPAGE}/blob/main/sources.yaml"
LICENSE_TEXT = "CC BY 4.0"
NOT_SORTABLE = {"text", "quote", "hashes", "snapshots"}  # long text: sorting by it helps nobody

TARGET_COLUMNS = (
    "d.city, d.province, t.indicator, t.comparator, t.value, t.value_max, t.unit, t.deadline_year, t.deadline, "
    "t.scope, t.quote, t.target_id, t.document_id"
)

CANNED_QUERIES: dict[str, dict] = {
    "targets_due_in_year": {
        "title": "某年到期的目标(跨城市) / Targets due in a given year, across cities",
        "hide_sql": True,
        "description": (
            "从列表中选择年份,列出各城市期限在该年的全部量化目标。 / "
            "Choose a year from the list: every quantitative target with a deadline in that year, city by city."
        ),
        "sql": (
            f"SELECT {TARGET_COLUMNS}\nFROM targets t JOIN documents d ON d.document_id = t.document_id\n"
            "WHERE t.deadline_year = CAST(:year AS INTEGER)\n"
            "ORDER BY d.province, d.city, t.indicator, t.target_id"
        ),
        "params": ["year"],
    },
    "indicator_across_cities": {
        "title": "同一指标的城市对比 / One indicator compared across cities",
        "hide_sql": True,
        "description": (
            "输入指标中的一个词(如 助餐、床位、覆盖率),比较各城市的目标值、单位和期限。 / "
            "Enter a word of the indicator (e.g. 助餐, 床位, 覆盖率) to compare target values, units and "
            "deadlines across cities."
        ),
        "sql": (
            f"SELECT {TARGET_COLUMNS}\nFROM targets t JOIN documents d ON d.document_id = t.document_id\n"
            "WHERE instr(t.indicator, :word) > 0\n"
            "ORDER BY t.unit, t.value DESC, d.city, t.target_id"
        ),
        "params": ["word"],
    },
    "subsidies_of_kind": {
        "title": "某类补贴及金额(按金额排序) / All subsidies of a kind with their amounts, sorted",
        "hide_sql": True,
        "description": (
            "从列表中选择补贴类型(也可输入中文名,如 建设补贴),按金额(无金额时按上限)从高到低。 / "
            "Choose a kind from the list (its Chinese label, e.g. 建设补贴, works too): its subsidies by amount "
            "(or cap where there is no amount), highest first."
        ),
        "sql": (
            "SELECT d.city, d.province, s.recipient, s.amount_yuan, s.rate_percent, s.cap_yuan, s.basis, s.frequency,\n"
            "  s.quote, s.subsidy_id, s.document_id\n"
            "FROM subsidies s JOIN documents d ON d.document_id = s.document_id\n"
            "WHERE s.kind = :kind OR s.kind = (SELECT code FROM code_kind WHERE label_zh = :kind)\n"
            "ORDER BY coalesce(s.amount_yuan, s.cap_yuan) IS NULL, coalesce(s.amount_yuan, s.cap_yuan) DESC, "
            "d.city, s.subsidy_id"
        ),
        "params": ["kind"],
    },
    "document_contents": {
        "title": "一份文件的措施、目标和补贴 / A document with its measures, targets and subsidies",
        "hide_sql": True,
        "description": (
            "从列表中选择文件,按原文顺序列出其全部措施、目标和补贴。 / "
            "Choose a document from the list: all its measures, targets and subsidies in the order of the text."
        ),
        "sql": (
            "SELECT 'measure' AS row_type, m.measure_id AS row_id, m.path, m.heading AS label,\n"
            "  NULL AS value, NULL AS unit, NULL AS amount_yuan, "
            + search.column_sql("measures", "text", "m")
            + " AS detail, m.start, m.[end]\n"
            "FROM measures m WHERE m.document_id = :document_id\n"
            "UNION ALL\n"
            "SELECT 'target', t.target_id, (SELECT path FROM measures WHERE measure_id = t.measure_id), t.indicator,\n"
            "  t.value, t.unit, NULL, t.quote, t.start, t.[end]\n"
            "FROM targets t WHERE t.document_id = :document_id\n"
            "UNION ALL\n"
            "SELECT 'subsidy', s.subsidy_id, (SELECT path FROM measures WHERE measure_id = s.measure_id), s.recipient,\n"
            "  s.rate_percent, CASE WHEN s.rate_percent IS NOT NULL THEN '%' END, s.amount_yuan, s.quote, s.start, s.[end]\n"
            "FROM subsidies s WHERE s.document_id = :document_id\n"
            "ORDER BY start, row_type DESC, row_id"
        ),
        "params": ["document_id"],
    },
    "sources_freshness": {
        "title": "来源与数据新鲜度 / Sources and freshness",
        "hide_sql": True,
        "description": (
            "每个来源:状态、最近抓取时间、内容最近变化时间(无抓取记录时为首次发布当前快照的版本时间)、文件数、"
            "见过的快照版本数,以及目标和补贴行数。最久未更新的在前。 / "
            "Per source: status, when it was last retrieved, when its content last changed (without a fetch "
            "record: when the first release with the current snapshot was created), documents, snapshot versions "
            "seen, and rows of targets and subsidies. Stalest first."
        ),
        "sql": (
            "SELECT s.source_id, s.city, s.province, s.issuer, s.url, s.active, ss.status,\n"
            "  count(d.document_id) AS documents,\n"
            "  coalesce(ss.last_success, max(d.retrieved_at)) AS last_retrieved,\n"
            "  coalesce(ss.last_change, (SELECT min(r.created) FROM releases r, json_each(r.snapshots) j\n"
            "     WHERE j.key = s.source_id AND j.value = d.content_sha256)) AS last_changed,\n"
            "  (SELECT count(DISTINCT j.value) FROM releases r, json_each(r.snapshots) j\n"
            "     WHERE j.key = s.source_id) AS versions_seen,\n"
            "  (SELECT count(*) FROM targets t WHERE t.document_id = s.source_id) AS targets,\n"
            "  (SELECT count(*) FROM subsidies x WHERE x.document_id = s.source_id) AS subsidies,\n"
            "  ss.consecutive_failures, ss.error\n"
            "FROM sources s LEFT JOIN documents d ON d.document_id = s.source_id\n"
            "  LEFT JOIN source_status ss ON ss.source_id = s.source_id\n"
            "GROUP BY s.source_id\n"
            "ORDER BY last_retrieved, s.source_id"
        ),
        "params": [],
    },
}


def column_description(f: Field) -> str:
    """`中文 / English`, with the unit where the column has one."""
    text = f"{f.zh} / {f.en}"
    if f.unit:
        text += f" [单位 unit: {f.unit}]"
    if f.enum:
        text += f" ({', '.join(f.enum)})"
    return text


def _credits() -> dict:
    return {
        "license": LICENSE_TEXT,
        "license_url": LICENSE["path"],
        "source": SOURCE,
        "source_url": SOURCE_URL,
    }


# The columns the SQLite build adds (`yanglao.serve.indexes.EXTRA_COLUMNS`): the long text stored once.
EXTRA_COLUMN_DESCRIPTIONS = {
    "documents": {
        "text_deflate": "全文(GB18030 编码、zlib 压缩;仅数据库,页面上显示为 text 列) / The full text, zlib-compressed "
        "of its GB18030 bytes (database only: pages show it in the text column; SQL: yanglao_text(text_deflate))",
    },
    "measures": {
        "text_start": "正文在所属文件全文中的起点(仅数据库;正文只存于文件全文) / Where the body starts in "
        "the document's text (database only: the body is stored once, in the document's text)",
        "text_end": "正文在所属文件全文中的终点 / Where the body ends in the document's text (database only)",
    },
}

FACET_TYPE = "yanglao"  # yanglao.serve.facets.TYPE (that module imports Datasette)
FACETS_FIRST = ("province", "city", "deadline_year", "kind", "indicator_code")


def _facets(table: Table, extra: tuple[str, ...]) -> list[str]:
    """The table's facets, place and the most asked-for ones first."""
    names = [*extra, *(f.name for f in table.fields if f.facet)]
    names = list(dict.fromkeys(names))
    return sorted(names, key=lambda n: FACETS_FIRST.index(n) if n in FACETS_FIRST else len(FACETS_FIRST))


def table_metadata(table: Table, extra: tuple[Field, ...] = (), facets: tuple[str, ...] = ()) -> dict:
    """Datasette's metadata for one table or view (`extra`: columns a view adds), from its registry entry."""
    fields = (*table.fields, *extra)
    meta: dict = {
        "title": f"{table.title_zh} / {table.title_en}",
        "description": f"{table.description_zh} / {table.description_en}"
        + (f" ID rule: {table.id_rule}" if table.id_rule else ""),
        **_credits(),
        "columns": {f.name: column_description(f) for f in fields},
        "sortable_columns": [f.name for f in fields if f.name not in NOT_SORTABLE],
        "facets": _facets(table, facets),
    }
    if table.label_column:
        meta["label_column"] = table.label_column
    if table.sort:
        meta["sort_desc" if table.name == "releases" else "sort"] = table.sort
    return meta


def datasette_metadata(version: str | None = None) -> dict:
    """The whole metadata document: instance, the `yanglao` database, its tables, views and canned queries."""
    from yanglao.fields import code_tables

    tables: dict[str, dict] = {t.name: table_metadata(t) for t in ALL_TABLES}
    for codes in code_tables():
        tables[codes.name] = table_metadata(codes)
    for t in TABLES:
        if t.search_columns:
            tables[search.index_name(t.name)] = {"hidden": True}
            # counted from the search's matches (`yanglao.serve.facets`), shown as Datasette's own
            tables[t.name]["facets"] = [{FACET_TYPE: name} for name in tables[t.name]["facets"]]
    for name, columns in EXTRA_COLUMN_DESCRIPTIONS.items():
        tables[name]["columns"].update(columns)
    released = f"版本 / release {version}。" if version else ""
    description = (
        f"{PACKAGE_DESCRIPTION} {released}"
        "搜索框(?_search=)支持任意长度的中文词,如 助餐、床位、养老服务;多个词以空格分隔,须全部出现。 / "
        "The search box finds Chinese terms of any length (助餐, 床位, 养老服务); several terms separated by "
        "spaces must all occur."
    )
    links = (
        '<p class="yl-links-bar"><a href="/-/yanglao/charts">图表 / Charts</a> · '
        '<a href="/-/yanglao/map">地图 / Map</a> · '
        '<a href="/yanglao/targets">量化目标 / Targets</a> · <a href="/yanglao/subsidies">补贴 / Subsidies</a> · '
        '<a href="/yanglao/measures">措施 / Measures</a> · <a href="/yanglao/documents">文件 / Documents</a></p>'
    )
    description_html = f"<p>{escape(description)}</p>{links}"
    return {
        "title": PACKAGE_TITLE,
        "description": description,
        "description_html": description_html,
        **_credits(),
        "about": "yanglao-data",
        "about_url": HOMEPAGE,
        "databases": {
            DATABASE: {
                "title": PACKAGE_TITLE,
                "description": description,
                "description_html": description_html,
                **_credits(),
                "tables": tables,
                "queries": CANNED_QUERIES,
            }
        },
    }


def write_metadata(path: Path, version: str | None = None) -> Path:
    """Write the metadata as JSON (atomically), e.g. `datasets/metadata.json` beside `yanglao.db`."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(json.dumps(datasette_metadata(version), ensure_ascii=False, indent=2) + "\n")
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)
    return path
