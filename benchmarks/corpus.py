"""A synthetic corpus of N elderly-care policy documents, generated from a seed on the fly (never committed).

Real paragraphs of the seven development documents (/work/shared/corpus, else the project's archive)
are recombined into new documents, with the city, the dates and every figure varied, and rendered in
the layouts the pipeline meets on real sites:

- ``gkmlpt``  Guangdong public-information platform: ``div.classify`` label table, ``window._CONFIG.DETAIL``
  JSON and ``div.article-content``;
- ``gzgov``   gz.gov.cn: ``<meta name=ArticleTitle/PubDate/ContentSource>`` and ``div#zoomcon``;
- ``trs``     TRS: ``div.TRS_Editor`` inside ``div.trs_paper_default``;
- ``hanweb``  Hanweb: ``#zoom`` with ``<!--ContentStart-->``/``<!--ContentEnd-->``;
- ``text``    plain text;
- ``pdf``     a one-page Chinese PDF (Adobe-GB1 standard font, as tests/pdfmaker.py);

about 10% of the HTML pages are GBK-encoded, declared only by ``<meta charset=gbk>`` (the HTTP header says
plain ``text/html``, as many government servers do). Every HTML page carries a site header, navigation
and footer of links, so main-content detection has real work to do.

`write_corpus` writes a registry (``sources.yaml``) whose URLs point at ``base_url`` (the benchmark's
local HTTP server) and an archive pre-filled with one snapshot per source (with ETag and Last-Modified),
so that a replay (``fetch=False``) builds every document from its snapshot, and a fetch against the
server gets 304 for every unchanged page.

    .venv/bin/python benchmarks/corpus.py --n 1000 --out /tmp/corpus --base-url http://127.0.0.1:8765
"""

from __future__ import annotations

import argparse
import email.utils
import hashlib
import html
import json
import random
import re
import sys
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SHARED_CORPUS = Path("/work/shared/corpus")

# Prefecture-level cities (and a few municipalities) with their GB/T 2260 codes.
CITIES: list[tuple[str, str, str]] = [
    ("北京市", "北京市", "110100"),
    ("天津市", "天津市", "120100"),
    ("石家庄市", "河北省", "130100"),
    ("唐山市", "河北省", "130200"),
    ("太原市", "山西省", "140100"),
    ("呼和浩特市", "内蒙古自治区", "150100"),
    ("乌海市", "内蒙古自治区", "150300"),
    ("沈阳市", "辽宁省", "210100"),
    ("大连市", "辽宁省", "210200"),
    ("长春市", "吉林省", "220100"),
    ("哈尔滨市", "黑龙江省", "230100"),
    ("上海市", "上海市", "310100"),
    ("南京市", "江苏省", "320100"),
    ("无锡市", "江苏省", "320200"),
    ("苏州市", "江苏省", "320500"),
    ("杭州市", "浙江省", "330100"),
    ("宁波市", "浙江省", "330200"),
    ("温州市", "浙江省", "330300"),
    ("湖州市", "浙江省", "330500"),
    ("合肥市", "安徽省", "340100"),
    ("福州市", "福建省", "350100"),
    ("厦门市", "福建省", "350200"),
    ("南昌市", "江西省", "360100"),
    ("济南市", "山东省", "370100"),
    ("青岛市", "山东省", "370200"),
    ("郑州市", "河南省", "410100"),
    ("洛阳市", "河南省", "410300"),
    ("武汉市", "湖北省", "420100"),
    ("宜昌市", "湖北省", "420500"),
    ("长沙市", "湖南省", "430100"),
    ("广州市", "广东省", "440100"),
    ("深圳市", "广东省", "440300"),
    ("汕头市", "广东省", "440500"),
    ("佛山市", "广东省", "440600"),
    ("东莞市", "广东省", "441900"),
    ("南宁市", "广西壮族自治区", "450100"),
    ("海口市", "海南省", "460100"),
    ("重庆市", "重庆市", "500100"),
    ("成都市", "四川省", "510100"),
    ("绵阳市", "四川省", "510700"),
    ("贵阳市", "贵州省", "520100"),
    ("昆明市", "云南省", "530100"),
    ("西安市", "陕西省", "610100"),
    ("兰州市", "甘肃省", "620100"),
    ("西宁市", "青海省", "630100"),
    ("银川市", "宁夏回族自治区", "640100"),
    ("乌鲁木齐市", "新疆维吾尔自治区", "650100"),
]
# The cities and provinces named in the development documents, replaced by the generated document's own.
SOURCE_CITIES = ("广州", "武汉", "汕头", "湖州", "乌海")
SOURCE_PROVINCES = ("广东省", "湖北省", "浙江省", "内蒙古自治区")

TOPICS = (
    "加快推进养老服务体系建设若干措施",
    "老年人助餐配餐服务管理办法",
    "居家和社区养老服务改革试点工作方案",
    "老年人优待办法",
    "养老服务设施建设补贴实施细则",
    "推进医养结合发展实施方案",
    "特困人员供养服务管理办法",
    "“十四五”养老服务体系规划",
    "家庭养老床位建设实施方案",
    "养老机构运营补贴管理办法",
)
ISSUERS = ("人民政府", "人民政府办公室", "民政局", "民政局 财政局", "卫生健康委员会")
DOC_TYPES = ("work_plan", "policy_measures", "rules", "notice", "proposal_reply", "suggestion_reply")
CN_ORDINALS = "一二三四五六七八九十"

# Layout mix (weights); ~10% of HTML pages are additionally GBK-encoded.
LAYOUTS = (("gkmlpt", 24), ("gzgov", 24), ("trs", 20), ("hanweb", 20), ("text", 11), ("pdf", 1))
GBK_SHARE = 0.10

_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十百]+[章条])")
_NUMBER = re.compile(r"(?<![A-Za-z])(\d+(?:\.\d+)?)")
_YEAR = re.compile(r"(20\d\d|19\d\d)(?=\s*年)")


# ---------------------------------------------------------------------------------------------- paragraphs


def _corpus_texts() -> list[str]:
    """The seven development documents' texts: /work/shared/corpus, else the project's archive."""
    texts = []
    if SHARED_CORPUS.exists():
        for folder in ("text", "seeds"):
            for path in sorted((SHARED_CORPUS / folder).glob("*.txt")):
                texts.append(path.read_text(encoding="utf-8"))
    if texts:
        return texts
    from yanglao.acquire.archive import Archive
    from yanglao.acquire.registry import load_registry
    from yanglao.parse.documents import build_document

    archive = Archive(ROOT / "archive")
    for source in load_registry(ROOT / "sources.yaml"):
        record = archive.latest(source.id)
        if record is not None:
            texts.append(build_document(source, record, archive.read(record.sha256))["text"])
    return texts


def _split_long(line: str) -> list[str]:
    """Lines of more than ~300 characters (PDF-extracted pages) cut into chunks of 2–4 sentences."""
    if len(line) <= 300:
        return [line]
    sentences = [s for s in re.split(r"(?<=[。；;])", line) if s.strip()]
    chunks, current = [], ""
    for sentence in sentences:
        current += sentence
        if len(current) > 120:
            chunks.append(current)
            current = ""
    if current:
        chunks.append(current)
    return chunks


@dataclass
class Pool:
    headings: list[str]
    paragraphs: list[str]


def _is_page_furniture(line: str) -> bool:
    """Lines the cleaner treats as page furniture or an end-of-document marker: they would cut a document."""
    from yanglao.parse import clean

    return (
        clean.is_furniture(line)
        or clean.is_metadata_line(line)
        or any(rule.pattern.fullmatch(line) for rule in clean.END_MARKERS)
        or any(rule.pattern.search(line) for rule in clean.END_MARKERS)
    )


def load_pool() -> Pool:
    headings, paragraphs = [], []
    for text in _corpus_texts():
        for raw in text.splitlines():
            line = raw.strip().strip("　").strip()
            if len(line) < 8 or "|" in line or _is_page_furniture(line):
                continue
            for chunk in _split_long(line):
                chunk = chunk.strip()
                if _HEADING.match(chunk) and len(chunk) < 60:
                    headings.append(_HEADING.sub("", chunk).strip(" 　、"))
                elif len(chunk) >= 20:
                    paragraphs.append(chunk)
    return Pool([h for h in headings if h], paragraphs)


# ---------------------------------------------------------------------------------------------- documents


@dataclass
class Doc:
    id: str
    city: str
    province: str
    region_code: str
    short: str
    issuer: str
    title: str
    doc_number: str
    published: date
    doc_type: str
    layout: str
    gbk: bool
    lines: list[str]  # the body, one paragraph per line (headings included)


def _vary_numbers(text: str, rng: random.Random, year: int) -> str:
    def year_sub(m: re.Match) -> str:
        return str(min(2035, max(2015, year + rng.randint(-2, 5))))

    text = _YEAR.sub(year_sub, text)

    def num_sub(m: re.Match) -> str:
        value = m.group(1)
        if len(value) == 4 and value.startswith(("19", "20")):
            return value  # a year not followed by 年 (a document number): left as it is
        if "." in value:
            whole, frac = value.split(".")
            return f"{max(0.1, float(value) * rng.uniform(0.5, 1.5)):.{len(frac)}f}"
        number = int(value)
        if number <= 12:
            return value  # ordinals, months, days: varying them makes nonsense dates
        return str(max(1, round(number * rng.uniform(0.5, 1.6))))

    return _NUMBER.sub(num_sub, text)


def _localise(text: str, short: str, province: str) -> str:
    for name in SOURCE_CITIES:
        text = text.replace(name, short)
    for name in SOURCE_PROVINCES:
        text = text.replace(name, province)
    return text


def make_doc(index: int, seed: int, pool: Pool, salt: str = "") -> Doc:
    rng = random.Random(f"{seed}:{index}{salt}")
    city, province, code = rng.choice(CITIES)
    short = city[:-1] if city.endswith("市") and len(city) > 2 else city
    published = date(2018, 1, 1) + timedelta(days=rng.randrange(8 * 365))
    year = published.year
    topic = rng.choice(TOPICS)
    issuer = city + rng.choice(ISSUERS)
    title = f"{issuer}关于印发{city}{topic}的通知"
    doc_number = f"{short[:1]}府办规〔{year}〕{rng.randint(1, 40)}号"
    layout = rng.choices([name for name, _ in LAYOUTS], [w for _, w in LAYOUTS])[0]
    gbk = layout not in ("text", "pdf") and rng.random() < GBK_SHARE
    lines = [
        doc_number,
        title,
        "各区人民政府，市政府各部门、各直属机构：",
        f"《{city}{topic}》已经市人民政府同意，现印发给你们，请认真组织实施。",
        issuer,
        f"{year}年{published.month}月{published.day}日",
        f"{city}{topic}",
    ]
    sections = rng.randint(5, 8) if layout != "pdf" else 2
    for s in range(sections):
        lines.append(f"{CN_ORDINALS[s]}、{_localise(rng.choice(pool.headings), short, province)}")
        for _ in range(rng.randint(3, 6) if layout != "pdf" else 2):
            paragraph = _vary_numbers(_localise(rng.choice(pool.paragraphs), short, province), rng, year)
            lines.append(paragraph)
    lines.append(
        f"本{('办法' if '办法' in topic else '措施')}自{year}年{published.month}月{published.day}日起施行。"
    )
    return Doc(
        id=f"bench-{index:06d}",
        city=city,
        province=province,
        region_code=code,
        short=short,
        issuer=issuer,
        title=title,
        doc_number=doc_number,
        published=published,
        doc_type=rng.choice(DOC_TYPES),
        layout=layout,
        gbk=gbk,
        lines=lines,
    )


# ---------------------------------------------------------------------------------------------- layouts


def _chrome(doc: Doc) -> tuple[str, str]:
    """Site header + navigation and footer: link-heavy Chinese text the content detection must skip."""
    menu = "".join(
        f'<li><a href="/col/{i}/index.html">{name}</a></li>'
        for i, name in enumerate(
            (
                "首页",
                "政务公开",
                "政务服务",
                "互动交流",
                "走进" + doc.short,
                "政策文件",
                "政策解读",
                "新闻发布",
                "通知公告",
                "人事信息",
                "财政资金",
                "重点领域信息公开",
                "政府信息公开指南",
                "政府信息公开年报",
                "依申请公开",
                "建议提案办理",
            )
        )
    )
    related = "".join(
        f'<li><a href="/art/{doc.published.year}/{i}.html">{doc.city}召开养老服务工作推进会议第{i}次部署会</a></li>'
        for i in range(1, 13)
    )
    header = (
        f'<div class="head"><div class="header container"><div class="logo">{doc.city}人民政府门户网站</div>'
        f'<div class="searchbox"><form><input name="q"/><button>搜索</button></form></div></div>'
        f'<div class="nav"><ul class="menu">{menu}</ul></div>'
        f'<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; '
        f'<a href="/zwgk/zcwj/">政策文件</a></div></div>'
    )
    footer = (
        f'<div class="related"><h3>相关链接</h3><ul>{related}</ul></div>'
        f'<div class="footer"><p>主办：{doc.city}人民政府办公室 承办：{doc.city}政务服务数据管理局</p>'
        f"<p>网站标识码：{doc.region_code}0001 备案号：ICP备{doc.region_code}号</p>"
        f'<p><a href="/wzdt/">网站地图</a> | <a href="/lxwm/">联系我们</a> | <a href="/sm/">使用帮助</a></p></div>'
        '<script>var _hmt = _hmt || []; (function(){ var hm = document.createElement("script"); })();</script>'
    )
    return header, footer


def _paragraphs_html(doc: Doc) -> str:
    out = []
    for line in doc.lines:
        text = html.escape(line)
        if _HEADING.match(line):
            out.append(f'<p style="text-indent:2em"><strong>{text}</strong></p>')
        else:
            out.append(f'<p style="text-indent:2em">{text}</p>')
    return "\n".join(out)


def _page(doc: Doc, head_extra: str, body: str, charset: str) -> str:
    header, footer = _chrome(doc)
    return (
        "<!DOCTYPE html>\n<html>\n<head>\n"
        f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">\n'
        f"<title>{html.escape(doc.title)}_{doc.city}人民政府门户网站</title>\n{head_extra}"
        '<link rel="stylesheet" href="/css/common.css"/>\n</head>\n<body>\n'
        f"{header}\n{body}\n{footer}\n</body>\n</html>\n"
    )


def render_html(doc: Doc) -> str:
    charset = "gbk" if doc.gbk else "utf-8"
    date_text = doc.published.isoformat()
    paragraphs = _paragraphs_html(doc)
    title = html.escape(doc.title)
    if doc.layout == "gkmlpt":
        detail = {
            "title": doc.title,
            "date": f"{date_text} 10:00:00",
            "gkml_data": {
                "identifier": f"{doc.region_code}00/{doc.published.year}-{int(doc.id[-6:]):05d}",
                "document_number": doc.doc_number,
                "publisher": doc.issuer,
                "classify_theme_name": "民政、扶贫、救灾",
            },
        }
        classify = (
            '<div class="classify"><table>'
            f"<tr><td>索引号：</td><td>{detail['gkml_data']['identifier']}</td>"
            "<td>分类：</td><td>民政、扶贫、救灾</td></tr>"
            f"<tr><td>发布机构：</td><td>{html.escape(doc.issuer)}</td><td>成文日期：</td><td>{date_text}</td></tr>"
            f"<tr><td>名称：</td><td>{title}</td></tr>"
            f"<tr><td>文号：</td><td>{doc.doc_number}</td><td>发布日期：</td><td>{date_text}</td></tr>"
            "</table></div>"
        )
        body = (
            f'<div class="content container">{classify}'
            f'<h1 class="title document-number">{title}</h1>'
            f'<div class="article-content">{paragraphs}</div></div>'
            f"<script>window._CONFIG = {{ DETAIL: {json.dumps(detail, ensure_ascii=False)} }};</script>"
        )
        return _page(doc, "", body, charset)
    if doc.layout == "gzgov":
        meta = (
            f'<meta name="ArticleTitle" content="{title}">\n'
            f'<meta name="PubDate" content="{date_text} 09:30">\n'
            f'<meta name="ContentSource" content="{html.escape(doc.issuer)}">\n'
        )
        body = (
            f'<div class="main container"><div class="content_title">{title}</div>'
            f'<div class="info">来源：{html.escape(doc.issuer)} 发布时间：{date_text}</div>'
            f'<div class="zoom_box"><div id="zoomcon" class="zoomcon">{paragraphs}</div></div></div>'
        )
        return _page(doc, meta, body, charset)
    if doc.layout == "trs":
        body = (
            f'<div class="article"><h1>{title}</h1>'
            '<ul class="meta">'
            f"<li>索引号：{doc.region_code}/{doc.published.year}-{doc.id[-6:]}</li>"
            f"<li>发布机构：{html.escape(doc.issuer)}</li><li>发文字号：{doc.doc_number}</li>"
            f"<li>成文日期：{date_text}</li><li>发布日期：{date_text}</li></ul>"
            f'<div class="trs_paper_default"><div class="TRS_Editor">{paragraphs}</div></div></div>'
        )
        return _page(doc, "", body, charset)
    if doc.layout == "hanweb":
        body = (
            f'<table class="article"><tr><td class="title">{title}</td></tr>'
            f"<tr><td>发布日期：{date_text} 来源：{html.escape(doc.issuer)}</td></tr>"
            f'<tr><td><div id="zoom"><!--ContentStart-->{paragraphs}<!--ContentEnd--></div></td></tr></table>'
        )
        return _page(doc, "", body, charset)
    raise ValueError(doc.layout)


def cjk_pdf(lines: list[str]) -> bytes:
    """A one-page PDF of `lines` in the standard Adobe-GB1 font (no embedding); copied from tests/pdfmaker.py."""
    content = ["BT", "/F1 12 Tf", "14 TL", "50 800 Td"]
    for line in lines:
        content.append("<" + line.encode("utf-16-be").hex().upper() + "> Tj T*")
    content.append("ET")
    stream = "\n".join(content).encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
        b"/DescendantFonts [6 0 R] >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) "
        b"/Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R >>",
        b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 "
        b"/Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _wrap(lines: list[str], width: int = 38, limit: int = 54) -> list[str]:
    out = []
    for line in lines:
        out += [line[i : i + width] for i in range(0, len(line), width)]
    return out[:limit]


def render(doc: Doc) -> tuple[bytes, str, str]:
    """(body bytes, Content-Type the server sends, encoding) for a document in its layout."""
    if doc.layout == "text":
        return "\n".join(doc.lines).encode("utf-8"), "text/plain; charset=utf-8", "utf-8"
    if doc.layout == "pdf":
        return cjk_pdf(_wrap(doc.lines)), "application/pdf", ""
    page = render_html(doc)
    if doc.gbk:
        return page.encode("gbk", errors="xmlcharrefreplace"), "text/html", "gbk"
    return page.encode("utf-8"), "text/html; charset=utf-8", "utf-8"


def changed_body(doc: Doc, generation: int) -> bytes:
    """The same page with one figure changed (a revised document), for the one-changed-page refresh."""
    doc.lines = [*doc.lines]
    doc.lines.insert(
        -1, f"到{doc.published.year + 2}年底，全市新增养老床位{1000 + generation}张，护理型床位占比达到65%。"
    )
    return render(doc)[0]


# ---------------------------------------------------------------------------------------------- registry + archive


def source_entry(doc: Doc, url: str) -> dict:
    entry = {
        "id": doc.id,
        "url": url,
        "city": doc.city,
        "province": doc.province,
        "region_code": doc.region_code,
        "doc_type": doc.doc_type,
    }
    # Half the registry entries are curated (issuer, title, date); the others rely on the page's metadata.
    if int(doc.id[-6:]) % 2 == 0:
        entry.update(issuer=doc.issuer, title=doc.title, published_date=doc.published.isoformat())
    if doc.layout == "pdf":
        entry["format"] = "pdf"
    return entry


def page_path(doc_id: str) -> str:
    return f"/d/{doc_id}"


def write_corpus(
    n: int, out: Path, base_url: str, seed: int = 8, avoid: frozenset[int] = frozenset()
) -> dict:
    """Write `out`/sources.yaml, `out`/archive/ (one snapshot per source) and `out`/manifest.json
    (for the HTTP server: id → object path, content type, ETag, Last-Modified). Returns statistics."""
    from yanglao.acquire.archive import Archive

    started = time.perf_counter()
    out.mkdir(parents=True, exist_ok=True)
    pool = load_pool()
    archive = Archive(out / "archive")
    entries, manifest = [], {}
    stats = {"n": n, "seed": seed, "bytes": 0, "layouts": {}, "gbk": 0, "avoided": sorted(avoid)}
    retrieved = "2025-01-01T00:00:00Z"
    for index in range(n):
        # `avoid`: documents generated differently (a document whose rows fail validation blocks every release)
        doc = make_doc(index, seed, pool, salt="/2" if index in avoid else "")
        body, content_type, encoding = render(doc)
        sha = hashlib.sha256(body).hexdigest()
        etag = f'"{sha[:16]}"'
        modified = email.utils.formatdate(time.mktime(doc.published.timetuple()), usegmt=True)
        url = base_url.rstrip("/") + page_path(doc.id)
        record = archive.store(
            doc.id,
            body,
            url=url,
            retrieved_at=retrieved,
            status=200,
            content_type=content_type,
            etag=etag,
            last_modified=modified,
            encoding=encoding or None,
        )
        entries.append(source_entry(doc, url))
        manifest[doc.id] = {
            "object": str(archive.object_path(record.sha256)),
            "content_type": content_type,
            "etag": etag,
            "last_modified": modified,
        }
        stats["bytes"] += len(body)
        stats["layouts"][doc.layout] = stats["layouts"].get(doc.layout, 0) + 1
        stats["gbk"] += doc.gbk
    (out / "sources.yaml").write_text(
        yaml.safe_dump({"sources": entries}, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    (out / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    stats["seconds"] = round(time.perf_counter() - started, 2)
    stats["pool"] = {"headings": len(pool.headings), "paragraphs": len(pool.paragraphs)}
    (out / "corpus.json").write_text(json.dumps(stats, ensure_ascii=False, indent=1), encoding="utf-8")
    return stats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--base-url", default="http://127.0.0.1:8765")
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()
    print(json.dumps(write_corpus(args.n, args.out, args.base_url, args.seed), ensure_ascii=False))


if __name__ == "__main__":
    main()
