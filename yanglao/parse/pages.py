"""Fetched bytes → text: decode HTML bodies, take the visible text of the document, read page metadata, PDFs.

Pure functions, no I/O. The page templates seen on the watched sites (see `CONTENT_SELECTORS`):

- gkmlpt (Guangdong public-information platform): metadata in ``div.classify``, body in
  ``div.article-content``, the same record as JSON in ``window._CONFIG.DETAIL``;
- gz.gov.cn: ``meta`` tags ArticleTitle / PubDate / ContentSource, body in ``div#zoomcon``;
- TRS: ``div.trs_paper_default`` / ``div.TRS_Editor``;
- Hanweb: ``#zoom`` / ``div.zoom``, between ``<!--ContentStart-->`` and ``<!--ContentEnd-->``;
- Wuhai: ``#wh_x_c``;
- anything else: the element with the densest Chinese text outside links.
"""

from __future__ import annotations

import codecs
import io
import json
import re
from datetime import UTC, datetime, timedelta, timezone
from html.entities import html5 as html5_entities

import lxml.html
from lxml import etree

from yanglao.parse.metadata import FIELDS as METADATA_FIELDS
from yanglao.parse.metadata import NO_ISSUER, normalize_date, parse_labelled_fields
from yanglao.textmap import count_chars, has_chars, has_matches

# ---------------------------------------------------------------------------------------------
# Decoding
# ---------------------------------------------------------------------------------------------

#: Declared charsets decoded with a superset codec (GB 2312 ⊂ GBK ⊂ GB 18030).
DECODE_AS = {"gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030", "hz": "gb18030"}
#: Charset names seen on pages that Python does not know, and what they mean.
CHARSET_ALIASES = {"x-gbk": "gbk", "gb_2312-80": "gb2312", "x-euc-cn": "gb2312", "unicode-1-1-utf-8": "utf-8"}
#: Single-byte charsets that decode any bytes, so a declaration of them proves nothing on Chinese pages.
WEAK_CHARSETS = {"latin_1", "iso8859-1", "ascii", "cp1252", "iso8859-15"}

_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?\s*([-\w.:]+)", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]+?charset\s*=\s*[\"']?\s*([-\w.:]+)", re.I)
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")  # counted with count_chars, a run at a time


def _codec_name(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = CHARSET_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _strict(body: bytes, codec: str) -> str | None:
    try:
        return body.decode(DECODE_AS.get(codec, codec))
    except (UnicodeDecodeError, LookupError):
        return None


def _is_chinese(text: str) -> bool:
    """Mostly CJK among the non-ASCII characters: the sign of a right decoding of a Chinese page."""
    non_ascii = sum(1 for ch in text if ord(ch) > 127)
    return non_ascii > 0 and _cjk_count(text) / non_ascii >= 0.5


def decode_body(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Decode an HTML body; returns ``(text, encoding)`` with the encoding as declared or detected.

    Trust order: a byte-order mark, the HTTP ``charset``, the ``<meta>`` charset in the first
    4 KB, then charset-normalizer. A declaration is skipped when the bytes do not decode with it,
    when it names a single-byte charset (ISO-8859-1 decodes anything) while the bytes read as
    Chinese in UTF-8 or GB 18030, or when it names a non-UTF-8 charset for bytes that are valid,
    non-ASCII UTF-8 (GBK text is practically never valid UTF-8). Undeclared non-UTF-8 pages go to
    charset-normalizer; when it names another codec (it can say ``euc_jis_2004`` for a GBK page
    padded with ASCII) while the bytes decode as GB 18030 into Chinese text, GB 18030 is used: the
    watched sites are Chinese government sites, which serve UTF-8 or the GB family. GB 2312 and
    GBK are decoded as GB 18030, their superset, and reported as declared.

    >>> decode_body("养老".encode("gbk"), "text/html; charset=GB2312")
    ('养老', 'gb2312')
    """
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if body.startswith(bom):
            return body[len(bom) :].decode(codec, errors="replace"), codec
    header = _HEADER_CHARSET.search(content_type or "")
    meta = _META_CHARSET.search(body[:4096])
    utf8 = _strict(body, "utf-8")
    is_ascii = body.isascii()
    for declared in (
        header.group(1) if header else None,
        meta.group(1).decode("ascii", "replace") if meta else None,
    ):
        codec = _codec_name(declared)
        if codec is None:
            continue
        if codec != "utf-8" and utf8 is not None and not is_ascii:
            continue  # valid UTF-8 with non-ASCII bytes: the declaration is wrong
        if codec in WEAK_CHARSETS and not is_ascii:
            gb = _strict(body, "gb18030")
            if (utf8 is not None and _is_chinese(utf8)) or (gb is not None and _is_chinese(gb)):
                continue
        text = _strict(body, codec)
        if text is not None:
            return text, codec
    if utf8 is not None:
        return utf8, "utf-8"
    from charset_normalizer import from_bytes

    best = from_bytes(body).best()
    codec = _codec_name(best.encoding) if best is not None else None
    gb = _strict(body, "gb18030")
    if (
        codec is not None
        and codec not in WEAK_CHARSETS
        and (codec in DECODE_AS or codec == "gb18030" or gb is None)
    ):
        text = _strict(body, codec)
        if text is not None:
            return text, codec
    if gb is not None and _is_chinese(gb):  # the detector named another CJK codec for valid GB text
        return gb, "gb18030"
    if codec is not None:
        text = _strict(body, codec)
        if text is not None:
            return text, codec
    return body.decode(
        "gb18030" if gb is not None else "utf-8", errors="replace"
    ), "gb18030" if gb is not None else "utf-8"


# ---------------------------------------------------------------------------------------------
# Visible text
# ---------------------------------------------------------------------------------------------

#: Where each template keeps the document body, tried in order; the first with text wins.
CONTENT_SELECTORS: list[tuple[str, str]] = [
    ("gkmlpt", "//div[contains(concat(' ', normalize-space(@class), ' '), ' article-content ')]"),
    ("gz.gov.cn", "//*[@id='zoomcon']"),
    ("TRS", "//div[contains(@class, 'trs_paper_default')]"),
    ("TRS", "//div[contains(@class, 'TRS_Editor')]"),
    ("Hanweb", "//*[@id='zoom' or @id='Zoom']"),
    ("Hanweb", "//div[contains(concat(' ', normalize-space(@class), ' '), ' zoom ')]"),
    ("Wuhai", "//*[@id='wh_x_c']"),
    ("Ucap", "//*[@id='UCAP-CONTENT']"),
]
#: Where each template keeps the title, tried in order (meta ArticleTitle first).
TITLE_SELECTORS: list[str] = [
    "//meta[@name='ArticleTitle']/@content",
    "//h1[contains(concat(' ', normalize-space(@class), ' '), ' title ')]",
    "//*[contains(@class, 'content_title')]",
    "//*[contains(@class, 'article-title') or contains(@class, 'article_title')]",
    "//h1",
    "//title",
]
DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "nav",
    "header",
    "footer",
    "object",
    "svg",
    "select",
    "button",
)
BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "section",
        "article",
        "main",
        "aside",
        "blockquote",
        "pre",
        "dl",
        "dt",
        "dd",
        "form",
        "fieldset",
        "center",
        "hr",
        "caption",
        "figure",
        "figcaption",
        "address",
    ]
)
_HANWEB = re.compile(r"<!--\s*ContentStart\s*-->(.*?)<!--\s*ContentEnd\s*-->", re.S | re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_HIDDEN = re.compile(r"display\s*:\s*none", re.I)
_HTML_SPACE = re.compile(r"[ \t\n\r\f][ \t\n\r\f]*")  # (`[…]+` written to open with a class: searched faster)
_TITLE_SUFFIX = re.compile(r"\s*(?:[-_|—–]+|——)\s*[^-_|—–]*(?:网|网站|政府|门户|平台|局|委员会)\s*$")


# lxml.html's parser with plain elements: its class lookup (`HtmlElement`) is a Python call for each element the
# code touches, a third of the cost of walking a page's tree; the two of its methods used here are below.
_HTML_PARSER = etree.HTMLParser()
_STRING_VALUE = etree.XPath("string()", smart_strings=False)


def _parse(html: str) -> etree._Element:
    """`lxml.html.document_fromstring(html)`, the same tree of plain elements."""
    html = _XML_DECL.sub("", html)
    if not html.strip():
        html = "<html></html>"
    root = etree.fromstring(html, _HTML_PARSER)
    if root is None:
        raise etree.ParserError("Document is empty")
    return root


def text_content(el: etree._Element) -> str:
    """`HtmlElement.text_content()`: the element's text and its descendants', without its tail."""
    return _STRING_VALUE(el)


def drop_tree(el: etree._Element) -> None:
    """`HtmlElement.drop_tree()`: the element and its descendants removed, its tail kept where it stood."""
    parent = el.getparent()
    if parent is None:
        raise ValueError("the root element cannot be dropped")
    if el.tail:
        previous = el.getprevious()
        if previous is None:
            parent.text = (parent.text or "") + el.tail
        else:
            previous.tail = (previous.tail or "") + el.tail
    parent.remove(el)


def _drop_tags(root: etree._Element) -> None:
    for el in list(root.iter(*DROP_TAGS)):
        drop_tree(el)


_STYLED_DESCENDANTS = etree.XPath(".//*[@style]")


def _drop_hidden(content: etree._Element) -> None:
    """Drop `display:none` descendants (not ancestors: gkmlpt hides <body> until its scripts ran)."""
    for el in _STYLED_DESCENDANTS(content):  # (only the elements with a style: the others hide nothing)
        if _HIDDEN.search(el.get("style", "")):
            drop_tree(el)


def _collapse(text: str | None) -> str:
    """Runs of HTML whitespace as one space. (Most tails are None, and most texts have no run to collapse: a lone
    space stays as it is, so only a text with another whitespace character or two spaces is searched.)"""
    if not text:
        return ""
    if "\n" in text or "\t" in text or "  " in text or "\r" in text or "\f" in text:
        return _HTML_SPACE.sub(" ", text)
    return text


def _render(el: etree._Element, out: list[str]) -> None:
    """Append the text of `el` to `out`: blocks on their own lines, table rows as `cell | cell`."""
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag == "tr":
        cells = []
        for cell in el:
            if isinstance(cell.tag, str) and cell.tag in ("td", "th"):
                parts: list[str] = []
                _render_children(cell, parts)
                cells.append(" ".join("".join(parts).split()))  # (`re.sub(r"\s+", " ", …).strip()`)
        if any(cells):
            out.append("\n" + " | ".join(cells) + "\n")
        out.append(_collapse(el.tail))
        return
    if tag == "br":
        out.append("\n")
        out.append(_collapse(el.tail))
        return
    block = tag in BLOCK_TAGS
    if block:
        out.append("\n")
    _render_children(el, out)
    if block:
        out.append("\n")
    out.append(_collapse(el.tail))


def _render_children(el: etree._Element, out: list[str]) -> None:
    out.append(_collapse(el.text))
    for child in el:
        if isinstance(child.tag, str):
            _render(child, out)
        else:  # comment or processing instruction: only its tail is text
            out.append(_collapse(child.tail))


def element_text(el: etree._Element) -> str:
    """Visible text of one element, one block per line, lines stripped, empty lines dropped."""
    out: list[str] = []
    _render_children(el, out)
    lines = (line.strip(" ") for line in "".join(out).split("\n"))
    return "\n".join(line for line in lines if line.strip())


def _cjk_count(text: str) -> int:
    return count_chars(_CJK, text)


def _has_cjk(text: str, at_least: int) -> bool:
    return has_chars(_CJK, text, at_least)


def _link_text_len(el: etree._Element) -> int:
    return sum(_cjk_count(text_content(a)) for a in el.iter("a"))


def densest_element(root: etree._Element) -> etree._Element:
    """The element holding the most Chinese text outside links (paragraph scores go to parent and,
    halved, grandparent, as in Readability), so navigation and footers lose to the article."""
    scores: dict[etree._Element, float] = {}
    for el in root.iter("p", "td", "pre", "li", "div", "span", "font"):
        own = _collapse(el.text) + "".join(_collapse(c.tail) for c in el if isinstance(c.tag, str))
        if el.tag in ("p", "td", "pre", "li"):
            own = text_content(el)
        n = _cjk_count(own) - (_link_text_len(el) if el.tag in ("p", "td", "pre", "li") else 0)
        if n < 10:
            continue
        parent = el.getparent()
        if parent is None:
            continue
        scores[parent] = scores.get(parent, 0) + n
        grand = parent.getparent()
        if grand is not None:
            scores[grand] = scores.get(grand, 0) + n / 2
    if not scores:
        body = root.find("body")
        return body if body is not None else root
    return max(scores, key=lambda el: scores[el])


_XPATH_LITERAL = re.compile(r"'([^']*)'")
# The HTML5 named character references whose text holds an ASCII letter, digit, `-` or `_` (`&lowbar;`, `&UnderBar;`,
# `&fjlig;`: libxml2 2.14, under lxml, reads HTML5's), matched without regard to case or a final `;`, so as to be
# sure of more than is needed; with every numeric one (`&#95;`).
_SPELLING_REFERENCE = re.compile(
    "&(?:#|"
    + "|".join(
        sorted(
            {
                re.escape(name.rstrip(";"))
                for name, text in html5_entities.items()
                if re.search(r"[\w-]", text, re.A)
            }
        )
    )
    + ")",
    re.I,
)


def selector_needs(xpath: str) -> tuple[str, ...]:
    """The attribute values a selector compares with (`contains(@class, 'TRS_Editor')`, `@id='zoom' or
    @id='Zoom'`): a page's source holds one of them wherever the selector can select something. Empty (no
    such test) for a selector that may select on any page, and for one this reading cannot vouch for: a value it
    must not find (`not(…)`), a union (`|`), a value in double quotes or one transformed (`translate(…)`)."""
    if any(part in xpath for part in ("not(", "|", '"', "translate(")):
        return ()
    return tuple(literal.strip() for literal in _XPATH_LITERAL.findall(xpath) if literal.strip())


def may_select(html: str | None, needed: tuple[str, ...]) -> bool:
    """Whether a selector with `selector_needs` of `needed` can select anything in the page parsed from `html`.

    An attribute's value is the source's text, or made by a character reference: a numeric one (`&#95;`) or one of
    the few named ones that spell such a value's characters (`_SPELLING_REFERENCE`). Each XPath walks the whole tree
    (~0.03 ms a page), and a page answers most of them with nothing."""
    return (
        html is None
        or not needed
        or any(value in html for value in needed)
        or ("&" in html and _SPELLING_REFERENCE.search(html) is not None)
    )


# (compiled once: an XPath given as a string is compiled again at every call)
_CONTENT_XPATHS = [(etree.XPath(xpath), selector_needs(xpath)) for _template, xpath in CONTENT_SELECTORS]
_TITLE_XPATHS = [(etree.XPath(xpath), xpath == "//title", selector_needs(xpath)) for xpath in TITLE_SELECTORS]


def _content_element(root: etree._Element, html: str | None = None) -> etree._Element:
    """The template's content element, else the densest; `html`, the source `root` was parsed from, when the
    caller has it, lets the selectors whose values the page lacks go untried."""
    for xpath, needed in _CONTENT_XPATHS:
        if not may_select(html, needed):
            continue
        texts = ((el, text_content(el)) for el in xpath(root))  # (each element's text made once)
        candidates = [(el, text) for el, text in texts if _has_cjk(text, 20)]
        if candidates:
            return max(candidates, key=lambda candidate: len(candidate[1]))[0]
    return densest_element(root)


def page_title(root: etree._Element, html: str | None = None) -> str | None:
    """The document title as the template shows it (meta ArticleTitle, h1.title, … , <title>); `html` as for
    `_content_element`."""
    for xpath, is_title_tag, needed in _TITLE_XPATHS:
        if not may_select(html, needed):
            continue
        for found in xpath(root):
            text = found if isinstance(found, str) else text_content(found)
            text = re.sub(r"\s+", " ", str(text)).strip()
            if is_title_tag:
                text = _TITLE_SUFFIX.sub("", text).strip()
            if _has_cjk(text, 4):
                return text
    return None


def html_to_text(html: str) -> str:
    """Visible text of the page's main content, with the title as the first line.

    Block elements (p, div, br, li, h1–h6, tr …) become line breaks, table rows ``cell | cell``;
    script, style, nav, header, footer and hidden elements are dropped; only the content element of
    the template (`CONTENT_SELECTORS`) is read, else the densest-text element.

    >>> html_to_text('<h1 class="title">关于做好养老服务的通知</h1><div id="zoom"><p>各区：</p><p>现通知如下。</p></div>')
    '关于做好养老服务的通知\\n各区：\\n现通知如下。'
    """
    root = _parse(html)
    return _page_text(html, root, page_title(root, html))


def read_html(html: str) -> tuple[dict, str]:
    """`html_metadata` and `html_to_text` of a page from one parse of it (parsing was a tenth of the parse
    stage, done twice). The title for the text is read before anything is dropped, the metadata's after the
    scripts and styles, as each function reads it alone; the text's own dropping covers those two tags."""
    root = _parse(html)
    title = page_title(root, html)
    fields = _page_fields(html, root)
    return fields, _page_text(html, root, title)


def _page_text(html: str, root: etree._Element, title: str | None) -> str:
    hanweb = _HANWEB.search(html)
    if hanweb and _has_cjk(hanweb.group(1), 20):
        content = lxml.html.fragment_fromstring(hanweb.group(1), create_parent="div")
        _drop_tags(content)
    else:
        _drop_tags(root)
        content = _content_element(root, html)
    _drop_hidden(content)
    text = element_text(content)
    if title and text.split("\n", 1)[0].strip() != title:
        text = title + "\n" + text
    return text


# ---------------------------------------------------------------------------------------------
# Page metadata
# ---------------------------------------------------------------------------------------------

#: gz.gov.cn-style <meta name=…> tags (the national government-website standard) → field.
META_TAGS = {"ArticleTitle": "title", "PubDate": "published_date", "ContentSource": "issuer"}
_CONFIG_DETAIL = re.compile(r"DETAIL\s*:\s*(?=\{)")
_CHINA_TZ = timezone(timedelta(hours=8))
# What a page can say about itself: every metadata field but the document type, which is classified.
FIELDS = tuple(f for f in METADATA_FIELDS if f != "doc_type")


def _detail_json(html: str) -> dict:
    """The gkmlpt ``window._CONFIG.DETAIL`` record, or {}."""
    match = _CONFIG_DETAIL.search(html)
    if not match or "_CONFIG" not in html[: match.start()]:
        return {}
    try:
        detail, _ = json.JSONDecoder().raw_decode(html, match.end())
    except ValueError:
        return {}
    return detail if isinstance(detail, dict) else {}


def _epoch_date(value) -> str | None:
    if isinstance(value, int | float) and value > 0:
        return datetime.fromtimestamp(value, UTC).astimezone(_CHINA_TZ).date().isoformat()
    return None


def _from_detail(detail: dict) -> dict:
    gkml = detail.get("gkml_data") or {}
    fields = {
        "title": detail.get("title") or gkml.get("title"),
        "index_number": gkml.get("identifier"),
        "doc_number": gkml.get("document_number"),
        "issuer": gkml.get("publisher"),
        "written_date": _epoch_date(gkml.get("date")),
        "published_date": normalize_date(str(detail.get("date") or ""))
        or _epoch_date(detail.get("first_publish_time")),
        "topic": gkml.get("classify_theme_name"),
    }
    return {k: v.strip() for k, v in fields.items() if isinstance(v, str) and v.strip()}


_METADATA_LABEL = re.compile(
    r"索\s*引\s*号|发布机构|成文日期|发文字号|文\s*号|发布日期|主题分类|有\s*效\s*性"
)
# What `_metadata_lines` counts in an element's bare text before rendering it: the labels written without spaces in
# them and without 号 or 性, and every 号 and 性. Rendering keeps the order of the characters and drops some (a table
# row's own text, its cells' tails), putting line breaks where it drops: a label that allows spaces inside it (`文\s*号`)
# can then match across a row, `文` ending one and `号` opening the next with dropped text between, where the bare
# text has no such label. Every label the rendered text holds is one of the first kind, whole in the bare text too,
# or holds a 号 or a 性 of its own: so the count is never below the rendered text's.
_METADATA_LABEL_MAY_BE = re.compile(r"发布机构|成文日期|发布日期|主题分类|[号性]")


def _metadata_lines(root: etree._Element) -> str:
    """Text of the tables and lists that hold metadata labels (gkmlpt div.classify, TRS div.article …)."""
    lines = []
    for table in root.iter("table", "ul", "dl"):
        # (a page's navigation lists, most of its tables and lists, are passed over without rendering them)
        if not has_matches(_METADATA_LABEL_MAY_BE, text_content(table), 2):
            continue
        text = element_text(table)
        if has_matches(_METADATA_LABEL, text, 2):
            lines.append(text)
    return "\n".join(lines)


def html_metadata(html: str) -> dict:
    """Metadata the page itself carries; keys among `FIELDS`, dates ISO ``YYYY-MM-DD``, absent keys omitted.

    Sources, later ones filling only what earlier ones lack: the label tables (gkmlpt ``div.classify``
    and the like: 索引号, 发布机构, 成文日期, 文号, 发布日期, 主题分类, 有效性), the gkmlpt
    ``window._CONFIG.DETAIL`` JSON, the ``<meta>`` tags ArticleTitle, PubDate, ContentSource, and
    for the title last the template's heading (`TITLE_SELECTORS`).
    """
    return _page_fields(html, _parse(html))


def _page_fields(html: str, root: etree._Element) -> dict:
    """`html_metadata` of a parsed page; drops its scripts and styles."""
    for el in list(root.iter("script", "style")):
        drop_tree(el)
    fields: dict = {}
    labelled = parse_labelled_fields(_metadata_lines(root))
    for key in FIELDS:
        if labelled.get(key):
            fields[key] = labelled[key]
    for key, value in _from_detail(_detail_json(html)).items():
        fields.setdefault(key, value)
    for meta in root.iter("meta"):
        key = META_TAGS.get(meta.get("name") or "")
        value = (meta.get("content") or "").strip()
        if not key or not value or value in NO_ISSUER:
            continue
        if key.endswith("_date"):
            value = normalize_date(value)
        if value:
            fields.setdefault(key, value)
    if "title" not in fields:
        title = page_title(root, html)
        if title:
            fields["title"] = title
    return fields


# ---------------------------------------------------------------------------------------------
# PDF
# ---------------------------------------------------------------------------------------------


def pdf_to_text(body: bytes) -> str:
    """Text of a PDF, pages joined with newlines (pdfplumber), lines hard-wrapped inside a sentence
    joined again. Spacing damage is left to `clean_text`."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(body)) as pdf:
        return join_wrapped_lines("\n".join((page.extract_text() or "") for page in pdf.pages))


# A PDF line ends where the page does, not where the sentence does: a line as long as the page's
# full lines that does not close a sentence continues on the next line, unless that line opens an
# outline item or is a page marker. Rows as data: (name, pattern, why).
WRAP_STOPS_AFTER = re.compile(
    r"[。！？!?；;：:]\s*$"
)  # a line closing a sentence or a lead-in ends a paragraph
WRAP_STOPS_BEFORE = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.、．](?!\d)"
    r"|第[一二三四五六七八九十百零〇]+[章节条]|[—－-]\s*\d+\s*[—－-]|附件)"
)
FULL_LINE_SHARE = 0.8  # of the document's full line length (its 90th percentile)


def join_wrapped_lines(text: str) -> str:
    """Join lines that a PDF hard-wrapped inside a phrase (`…社区养老服务` / `设施覆盖率达到90%`)."""
    lines = text.split("\n")
    lengths = sorted(len(line.strip()) for line in lines if len(line.strip()) >= 8)
    if len(lengths) < 5:
        return text
    full = lengths[int(len(lengths) * 0.9) - 1]
    out: list[str] = []
    for line in lines:
        previous = out[-1] if out else None
        if (
            previous is not None
            and len(previous.strip()) >= FULL_LINE_SHARE * full
            and line.strip()
            and not WRAP_STOPS_AFTER.search(previous)
            and not WRAP_STOPS_BEFORE.match(line)
        ):
            left, right = previous.rstrip(), line.lstrip()
            space = (
                " "
                if left[-1:].isascii() and left[-1:].isalnum() and right[:1].isascii() and right[:1].isalnum()
                else ""
            )
            out[-1] = left + space + right
        else:
            out.append(line)
    return "\n".join(out)
