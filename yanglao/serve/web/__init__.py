"""Datasette pages for people who do not code: Chinese headers and labels, readable numbers, a
layout that fits a laptop, documents with their quotes marked, charts and a map.

Registered through the `datasette` entry point `yanglao_web` (a package, so that Datasette finds
its `templates/` and `static/`). Datasette 0.65 has no column labels, and applies `units` only
through pint, which lacks 元 (PITFALLS.md), so:

- headers: the templates here (`_table.html`, `query.html`, `_facet_results.html`) show each
  column's short Chinese label (`yanglao.fields.COLUMN_LABELS`) above its English name;
- coded values: every coded column is a foreign key to a small lookup table `code_<column>`
  (built by `yanglao.serve.sqlite`), so table cells and facets show `建设补贴` with the code
  beside it; in canned queries, which have no foreign keys, `render_cell` shows the label;
- numbers: `render_cell` writes money as `15万元` and `2,000万元`, a target's value with its unit
  (`90%`, `1家`), whole numbers without `.0`. Only the HTML changes: JSON, CSV and SQL keep
  the stored numbers;
- long text (a document's text, a measure's body, a quote) is clamped to three lines and opens
  on a click; a quote of a target or subsidy links to its place in the document's page and to
  the original page when its address is known;
- `/-/yanglao/charts` and `/-/yanglao/map`: the SVG charts of `yanglao.publish.charts`, drawn
  on the server: no JavaScript library, no CDN.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from html import escape

from datasette import hookimpl
from datasette.utils import tilde_decode
from datasette.utils.asgi import Response
from markupsafe import Markup

from yanglao.fields import CODE_LABELS, SUBSIDY_KINDS, TABLES_BY_NAME, column_label
from yanglao.publish import charts
from yanglao.publish.display import MONEY_COLUMNS, code_label, format_number, format_quantity, format_yuan
from yanglao.serve.facets import SearchFacet, warm
from yanglao.serve.plugin import SEARCH_COUNT, file_key
from yanglao.serve.search import column_sql, inflate

DATABASE = "yanglao"
LONG_TEXT = 90  # characters: longer text is clamped to three lines, a click shows it whole
LONG_COLUMNS = frozenset(
    {"text", "quote", "heading", "note", "error", "lead_units", "support_units", "detail"}
)
CODE_COLUMNS = frozenset({*CODE_LABELS, "category"})
PROVENANCE_TABLES = ("targets", "subsidies")

_source_urls: dict[tuple, dict[str, str | None]] = {}  # per database file: document_id → source_url


def _is_number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _plain_value(value):
    return value.get("value") if isinstance(value, dict) else value


def clamp(text: str) -> Markup:
    """Long text cut to a few lines; a click (or Enter) shows it whole."""
    return Markup(
        f'<div class="yl-clamp" tabindex="0" title="点击展开全文 / click to read it whole">{escape(text)}</div>'
    )


async def _source_url(datasette, database: str, document_id: str) -> str | None:
    db = datasette.get_database(database)
    key = (database, file_key(db.path))
    if key not in _source_urls:
        result = await db.execute("SELECT document_id, source_url FROM documents")
        _source_urls.clear()
        _source_urls[key] = {r[0]: r[1] for r in result.rows}
    return _source_urls[key].get(document_id)


async def _quote_cell(datasette, database: str, table: str, row, value: str) -> Markup:
    """The quote, with links to where it sits in its document and to the original page."""
    keys = row.keys()
    pk = TABLES_BY_NAME[table].primary_key
    document_id = row["document_id"] if "document_id" in keys else None
    if isinstance(document_id, dict):  # a foreign key Datasette has expanded to {value, label}
        document_id = document_id.get("value")
    links = []
    if document_id:
        href = datasette.urls.row(database, "documents", document_id)
        anchor = f"#{_plain_value(row[pk])}" if pk in keys else ""
        links.append(
            f'<a class="yl-in-document" href="{escape(href + anchor)}">在文件中查看 / in document</a>'
        )
        url = await _source_url(datasette, database, document_id)
        if url:
            links.append(f'<a class="yl-original" href="{escape(url)}">原网页 / original</a>')
    body = clamp(value) if len(value) > LONG_TEXT else Markup(escape(value))
    return body + Markup(f'<div class="yl-links">{" · ".join(links)}</div>' if links else "")


# The long text is stored once, compressed (`yanglao.serve.indexes.EXTRA_COLUMNS`): a document's text
# cell is inflated, a measure's body read from its document's text. The rows of a page of measures
# come a document at a time, so a few texts are kept.
_document_texts: OrderedDict[tuple, str] = OrderedDict()
DOCUMENT_TEXTS = 16


async def _document_text(datasette, database: str, document_id: str) -> str:
    db = datasette.get_database(database)
    key = (file_key(db.path), document_id)
    if key not in _document_texts:
        result = await db.execute(
            f"SELECT {column_sql('documents', 'text')} FROM documents t WHERE document_id = ?", [document_id]
        )
        _document_texts[key] = (result.first()[0] if result.rows else None) or ""
        while len(_document_texts) > DOCUMENT_TEXTS:
            _document_texts.popitem(last=False)
    return _document_texts[key]


async def _measure_body(datasette, database: str, row) -> str | None:
    """The body of the measure in `row`, from its document's text (or, without its offsets in the row, by its id)."""
    keys = row.keys()
    if all(k in keys for k in ("document_id", "text_start", "text_end")):
        start, end = row["text_start"], row["text_end"]
        if start is None or end is None:
            return None
        return (await _document_text(datasette, database, _plain_value(row["document_id"])))[start:end]
    if "measure_id" not in keys:
        return None
    db = datasette.get_database(database)
    result = await db.execute(
        f"SELECT {column_sql('measures', 'text')} FROM measures t WHERE measure_id = ?",
        [_plain_value(row["measure_id"])],
    )
    return result.first()[0] if result.rows else None


async def _document_text_of(datasette, database: str, row) -> str | None:
    keys = row.keys()
    if "text_deflate" in keys:
        return inflate(row["text_deflate"])
    if "document_id" not in keys:
        return None
    return await _document_text(datasette, database, _plain_value(row["document_id"]))


def _text_cell(datasette, database: str, table: str, row):
    async def inner():
        if table == "measures":
            text = await _measure_body(datasette, database, row)
        else:
            text = await _document_text_of(datasette, database, row)
        if not text:
            return None
        return clamp(text) if len(text) > LONG_TEXT else Markup(escape(text))

    return inner


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    """Numbers as people write them, labels for codes in queries, long text clamped, quotes linked."""
    if database == DATABASE and value is None and table in ("measures", "documents") and column == "text":
        return _text_cell(datasette, database, table, row)
    if database == DATABASE and column == "text_deflate" and isinstance(value, bytes):
        return Markup(f"<em>{len(value):,} bytes (GB18030, zlib), shown as text</em>")
    if database != DATABASE or value is None:
        return None
    if _is_number(value):
        keys = row.keys() if hasattr(row, "keys") else ()
        if column in MONEY_COLUMNS:
            return format_yuan(value)
        if column in ("value", "value_max") and "unit" in keys:
            unit = row["unit"]
            return format_quantity(value, unit.get("value") if isinstance(unit, dict) else unit)
        if column == "rate_percent":
            return f"{format_number(value)}%"
        if isinstance(value, float) and value.is_integer():
            return format_number(value)
        return None
    if not isinstance(value, str):
        return None
    if table is None and column in CODE_COLUMNS and code_label(column, value) != value:
        return Markup(f"{escape(code_label(column, value))} <em>{escape(value)}</em>")
    if column == "quote" and table in PROVENANCE_TABLES:

        async def inner():
            return await _quote_cell(datasette, database, table, row, value)

        return inner
    if column in LONG_COLUMNS and len(value) > LONG_TEXT:
        return clamp(value)
    return None


@hookimpl
def extra_css_urls(database, table, columns, view_name, request, datasette):
    """Datasette hook: the project's stylesheet, served from the package (never a CDN)."""
    return [datasette.urls.static_plugins("yanglao", "yanglao.css")]


@hookimpl
def extra_js_urls(database, table, columns, view_name, request, datasette):
    """Datasette hook: the project's small script (folding long text), served from the package."""
    return [{"url": datasette.urls.static_plugins("yanglao", "yanglao.js"), "module": False}]


async def _param_options(datasette, database: str) -> dict[str, list[tuple[str, str]]]:
    """For each canned-query parameter that takes a code or a year: the values to choose from."""
    db = datasette.get_database(database)
    years = await db.execute(
        "SELECT DISTINCT deadline_year FROM targets WHERE deadline_year IS NOT NULL ORDER BY deadline_year"
    )
    documents = await db.execute("SELECT document_id, city, title FROM documents ORDER BY city, document_id")
    return {
        "kind": [(k, f"{CODE_LABELS['kind'][k]} ({k})") for k in SUBSIDY_KINDS],
        "year": [(str(r[0]), f"{r[0]}年") for r in years.rows],
        "document_id": [(r[0], f"{r[1]} · {r[2]} ({r[0]})") for r in documents.rows],
    }


async def _indicator_words(datasette, database: str) -> list[str]:
    db = datasette.get_database(database)
    result = await db.execute(
        "SELECT indicator FROM targets GROUP BY indicator ORDER BY count(*) DESC LIMIT 200"
    )
    return [r[0] for r in result.rows]


def document_html(text: str, spans: list[tuple[int, int, str, str]]) -> Markup:
    """The document's text with each quote marked (`<mark id=row id>`); overlapping quotes share a mark."""
    out, pos = [], 0
    spans = sorted(s for s in spans if 0 <= s[0] < s[1] <= len(text))
    i = 0
    while i < len(spans):
        start, end = spans[i][0], spans[i][1]
        cluster = [spans[i]]
        i += 1
        while i < len(spans) and spans[i][0] < end:
            end = max(end, spans[i][1])
            cluster.append(spans[i])
            i += 1
        anchors = "".join(f'<span class="yl-anchor" id="{escape(s[2])}"></span>' for s in cluster[1:])
        title = " | ".join(s[3] for s in cluster)
        out.append(escape(text[pos:start]))
        out.append(
            f'{anchors}<mark id="{escape(cluster[0][2])}" title="{escape(title)}">{escape(text[start:end])}</mark>'
        )
        pos = end
    out.append(escape(text[pos:]))
    return Markup("".join(str(x) for x in out))


async def _document_context(datasette, database: str, request) -> dict:
    db = datasette.get_database(database)
    document_id = tilde_decode(request.url_vars.get("pks", ""))
    result = await db.execute("SELECT * FROM documents WHERE document_id = ?", [document_id])
    if not result.rows:
        return {}
    document = dict(result.rows[0])
    if document.get("text") is None:
        document["text"] = inflate(document.get("text_deflate"))
    spans = []
    for table, pk, label in (
        ("targets", "target_id", "indicator"),
        ("subsidies", "subsidy_id", "recipient"),
    ):
        rows = await db.execute(
            f"SELECT [{pk}], start, [end], [{label}] FROM [{table}] WHERE document_id = ?", [document_id]
        )
        spans.extend((r[1], r[2], r[0], f"{table}: {r[3] or ''}") for r in rows.rows)
    counts = {}
    for table in ("measures", "targets", "subsidies"):
        count = await db.execute(f"SELECT count(*) FROM [{table}] WHERE document_id = ?", [document_id])
        counts[table] = count.first()[0]
    fields = [
        (column_label("documents", f.name), f.name, document.get(f.name))
        for f in TABLES_BY_NAME["documents"].fields
        if f.name not in ("text", "title") and document.get(f.name) not in (None, "")
    ]
    return {
        "yl_document": document,
        "yl_document_fields": fields,
        "yl_document_html": document_html(document.get("text") or "", spans),
        "yl_document_counts": counts,
        "yl_code_label": code_label,
    }


FACET_ORDER = ("city", "province", "deadline_year", "kind", "indicator_code", "category", "doc_type")


def sort_facets(facets: list[dict]) -> list[dict]:
    """Place first, then the facets people ask for most; the rest as Datasette ordered them."""
    rank = {name: i for i, name in enumerate(FACET_ORDER)}
    return sorted(facets, key=lambda f: rank.get(f["name"], len(FACET_ORDER)))


@hookimpl
def extra_template_vars(template, database, table, columns, view_name, request, datasette):
    """Chinese labels for headers and facets; choices for canned-query parameters; a document's page."""

    async def inner():
        context = {
            "yl_label": lambda name: column_label(table or "", name),
            "yl_sort_facets": sort_facets,
            "yl_charts_url": "/-/yanglao/charts",
            "yl_map_url": "/-/yanglao/map",
        }
        if database != DATABASE or request is None:
            return context
        if view_name == "database" or template == "query.html" or (template or "").startswith("query-"):
            context["yl_param_options"] = await _param_options(datasette, database)
            context["yl_indicator_words"] = await _indicator_words(datasette, database)
        if view_name == "table" and SEARCH_COUNT in request.scope:  # counted from the search's matches
            context["filtered_table_rows_count"] = request.scope[SEARCH_COUNT]
        if view_name == "row" and table == "documents":
            context.update(await _document_context(datasette, database, request))
        return context

    return inner


async def _rows(db, sql: str) -> list[dict]:
    result = await db.execute(sql)
    return [dict(r) for r in result.rows]


async def _targets_and_indicators(db) -> tuple[list[dict], list[dict]]:
    """Targets (with indicator_code when the column exists) and the indicator vocabulary when there is one."""
    columns = await db.table_columns("targets")
    code = ", indicator_code" if "indicator_code" in columns else ""
    targets = await _rows(
        db,
        f"SELECT target_id, indicator{code}, value, value_max, unit, deadline_year, quote, city, province FROM targets",
    )
    indicators = await _rows(db, "SELECT * FROM indicators") if await db.table_exists("indicators") else []
    return targets, indicators


async def charts_page(datasette, request):
    """For one indicator, the targets of every city side by side; subsidy amounts by kind and place."""
    db = datasette.get_database(DATABASE)
    targets, indicators = await _targets_and_indicators(db)
    names = charts.indicator_names(targets, indicators)
    key = request.args.get("indicator") or charts.choose_indicator(targets)
    cities = {}
    for t in targets:
        cities.setdefault(charts.indicator_key(t), set()).add(t["city"])
    choices = sorted(names, key=lambda k: (-len(cities.get(k, ())), names[k]))
    subsidies = await _rows(db, "SELECT kind, amount_yuan, cap_yuan, city FROM subsidies")
    context = {
        "title": "图表 / Charts",
        "choices": [(k, f"{names[k]} ({len(cities.get(k, ()))} 个城市)") for k in choices],
        "selected": key,
        "charts": [
            Markup(charts.indicator_chart(targets, key, names.get(key))) if key else "",
            Markup(charts.subsidy_chart(subsidies)),
        ],
    }
    return Response.html(await datasette.render_template("yanglao_charts.html", context, request=request))


async def map_page(datasette, request):
    """A dot per city the data covers, at its GB/T 2260 point."""
    db = datasette.get_database(DATABASE)
    tables = {"documents": await _rows(db, "SELECT document_id, city, province, region_code FROM documents")}
    for name in ("measures", "targets", "subsidies"):
        tables[name] = await _rows(db, f"SELECT region_code FROM [{name}]")
    context = {
        "title": "地图 / Map",
        "choices": [],
        "charts": [Markup(charts.place_map(charts.place_counts(tables)))],
    }
    return Response.html(await datasette.render_template("yanglao_charts.html", context, request=request))


@hookimpl
def register_routes():
    """Datasette hook: the document, chart and map pages."""
    return [(r"^/-/yanglao/charts$", charts_page), (r"^/-/yanglao/map$", map_page)]


@hookimpl
def register_facet_classes():
    """Datasette hook: facets of a searchable table counted from the cached matches (`yanglao.serve.facets`)."""
    return [SearchFacet]


_background: set = set()  # the tasks started at start-up (kept referenced until done)


@hookimpl
def startup(datasette):
    """Datasette hook: read the facet columns ahead, in the background (`yanglao.serve.facets.warm`)."""

    async def inner():
        task = asyncio.get_running_loop().create_task(warm(datasette))
        _background.add(task)
        task.add_done_callback(_background.discard)

    return inner
