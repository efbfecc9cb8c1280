"""Cleaned text → measures: the document's numbered outline and its task-table rows.

`extract_measures(text)` reads the outline of one policy document and returns one
row per item, in document order::

    {"path": "1.4", "heading": "推进老年助餐服务", "text": "聚焦老年人刚性需求…",
     "category": "meal_service", "lead_units": "市民政局;市财政局", "support_units": None,
     "start": 1234, "end": 1456}

How the outline is read
-----------------------
*Markers.* An item starts with a number marker: `第一部分`, `第一章`, `第一节`, `第一条`,
`一、`, `(一)`/`（一）`, `1.`/`1、`/`1．`, `(1)`, `①`, and the enumerations `一是`/`二是`. A marker
counts only where an item can start: at the start of a line, after a sentence end
(`。！？`), after `；`/`：`, after a parenthesised note that itself follows such a
point (`…。(责任单位:…) (二)`), or straight after the short title of the item before
it (`一、发展居家社区养老服务 (一)完善…`, text from PDFs without line breaks). Page
markers such as `— 3 —` are ignored there. `第…部分/章/节/条` may also follow a plain
space (PDF text: `…条例 第一章 总则 第一条 …`). `一是` enumerations need a line start, a
sentence end or a colon: `…；二是…` inside one sentence is a clause, not an item. So
`第一、二批`, `1.5万`, `本办法第十三条` and dates are never markers.

*Levels.* Marker kinds rank 部分 > 章 > 节 > 条 > `一、` > `(一)` > `1.` > `(1)` > `①`. A kind
already open in the current branch continues it only with the next number (one
skipped number is tolerated at a line start); a kind not yet open starts a child
level of the nearest higher-ranked item (the first item of a document must be
number one), either at number one or continuing the document-wide count (武汉 numbers `(五)` under `二、`). So `1.` is level 3 under
`(一)` but level 2 where a section has no `(一)`; articles are level 2 under
chapters and level 1 without them. `一是` opens a child level of whatever item is
current; a single `一是` with no `二是` is not an enumeration and is dropped. A
marker that breaks its sequence (a quote, a cross-reference) is ignored. Paths
count siblings (`2.1` is the first child of the second item), not the printed
numbers.

*Runs that give way.* Numbers in a notice's annex list (`附件：1.…实施方案` and the numbered
lines under it) are never items, so a notice whose plan follows after `附件` reads the plan.
A notice's own few short points (at most five childless `一、提高思想认识。…`) give way to the
plan under a bare `附件` line when that plan starts its own count (a number one, then its
number two, each on a line of its own).
A run of childless `第一章`/`第一节`/`第一部分` headings that a new `第一章` restarts is a table of
contents and is dropped. Top-level items of a lower-ranked kind (a reply quoting the proposal's
`1.…2.…` or `（1）…`) are dropped when a higher-ranked kind starts at number one; a short run of
childless `一、` points (each under 300 characters) is dropped when a new `一、` on its own line
restarts the count. If the first item was lost (`…实施方案一、总体要求` glued to the title), a
new top level may start at `二、`/`三、` on its own line when the next item of its kind carries
the next number; its paths then keep the printed numbers (`2`, `2.1`, `3`).

*Where the outline stops.* After the first item, a line that starts an annex
(`附件`), the distribution list (`抄送`), the closing of a reply (`再次感谢`,
`此复`), or page furniture ends the outline; signature and date lines just
before it are left out of the last item. An appended interpretation
(`文字解读`, `政策解读`, `一图读懂`) ends everything, task tables included.

*Headings.* A titled item's heading is its own title: the text after the marker
up to the first `。！？；：`, the end of the line or its first child, with the
numbering and final punctuation removed (`一、关于提出的…的建议。我市…` gives
`关于提出的…的建议`). Items that carry no title — articles (`第N条`), `一是`
enumerations, and numbered paragraphs whose first sentence is longer than 50
characters — take their first clause (up to `，；。：`), cut to 30 characters
(`第四条 市、区民政部门负责辖区内…的统筹规划、政策指导…` gives
`市、区民政部门负责辖区内老年人助餐配餐服务的统筹规划、政策指`). An article with a
bracketed title (`第一条【立法目的】`) takes the title. Chapters and sections take
the rest of their line (`第一章 总则` → `总则`). Spaces inside CJK text (PDF
artefacts) and page markers are removed from headings only; `text`, `start` and
`end` always refer to the text as given.

*Text and offsets.* `start`/`end` span the whole item, from its marker through its
last descendant, so that a quote can be assigned to the innermost measure that
contains it. `text` is the item's own body: after a title, from the end of the
title, for untitled items from the marker on, in both cases up to its first
child.

*Units.* `lead_units`/`support_units` come from notes in the item's own text:
`(责任单位：…)` puts every unit in `lead_units`; `牵头单位：…；配合单位：…` and
`(A牵头，B配合)` split them (beside a 牵头单位, 责任/配合/协办/参与单位 are supporting). `〈含…〉`/`（含…）` asides are dropped; units are joined
with `;` (separators inside brackets, as in `各县（市、区）人民政府`, do not split); None when
the item names none. Responsibility notes and unit columns are left out when the category is
chosen (`市财政局` says nothing of the topic).

*Task tables.* Rows of a `|`-separated table whose header names a task column
(工作内容, 重点任务, 任务…) and a unit column (牵头单位, 责任单位, 配合单位…) become
measures `T1`…`Tn`: heading from the task cell, units from the unit columns,
text the whole row. Header, separator and section rows (`一、…` alone in a row)
are not tasks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from yanglao.extract.categories import CATEGORIES, classify
from yanglao.extract.numbers import chinese_to_number
from yanglao.literals import guarded

__all__ = ["CATEGORIES", "extract_measures", "split_units"]

_SP = r"[ \t\u3000\xa0]"  # horizontal space, including the full-width indent
_CN = "一二三四五六七八九十百零〇"
_SPACES = " \t\r\u3000\xa0"

# (kind, rank, pattern): lower rank = higher level. `enum` (一是) is placed by its own rule.
MARKER_KINDS: tuple[tuple[str, int, str], ...] = (
    ("part", -1, rf"第{_SP}*(?P<n>[{_CN}]{{1,3}}){_SP}*部分"),
    ("chapter", 0, rf"第{_SP}*(?P<n>[{_CN}]{{1,4}}){_SP}*章"),
    ("section", 1, rf"第{_SP}*(?P<n>[{_CN}]{{1,4}}){_SP}*节"),
    ("article", 2, rf"第{_SP}*(?P<n>[{_CN}]{{1,5}}){_SP}*条"),
    # `一、` but not `第一、二批`, `一、二级医院`, `三、四季度`.
    # (Each lookbehind stands after the numeral's first character, which it checks the character before:
    # a pattern that opens with a lookbehind is tried at every position of the text, one that opens with
    # a character class jumps from one such character to the next, four times faster here.)
    (
        "cn",
        3,
        rf"(?P<n>[{_CN}](?<!第[{_CN}])[{_CN}]{{0,2}}){_SP}*(?:、|．|\.(?!\d))(?![{_CN}两]+(?:级|类|批|期|档|星|等|季|个|次|轮|年))",
    ),
    ("paren_cn", 4, rf"[（(]{_SP}*(?P<n>[{_CN}]{{1,3}}){_SP}*[）)]"),
    # (not a file's name: `1.jpg 2.jpg`)
    (
        "arabic",
        5,
        rf"(?P<n>\d(?<![\d.．]\d)\d?){_SP}*[.．、](?![\d．.])(?!(?:jpe?g|png|gif|pdf|docx?|xlsx?|wps|txt)\b)",
    ),
    ("paren_arabic", 6, rf"[（(]{_SP}*(?P<n>\d{{1,2}}){_SP}*[）)]"),
    ("circled", 7, r"(?P<n>[①-⑳])"),
    (
        "enum",
        8,
        rf"(?P<n>[{_CN}][{_CN}]{{0,2}})是",
    ),  # (`[一二…]{1,3}`, written to open with a class: searched faster)
)
_RANK = {kind: rank for kind, rank, _ in MARKER_KINDS}
_EITHER_OPENING_BRACKET = "[（(]"


def _marker_scans(pattern: str) -> list[re.Pattern]:
    """The marker pattern compiled, or, when it opens with either bracket (`（一）`, `(1)`), compiled once per
    bracket: Python's `re` finds a pattern's opening character fast, a class of them at a few ns a character
    (~25 µs a document each). The matches of the two are those of the one: a match holds no bracket after its
    first character (numerals, spaces and the closing bracket), so neither half's match can start inside the
    other's."""
    if not pattern.startswith(_EITHER_OPENING_BRACKET):
        return [re.compile(pattern)]
    rest = pattern[len(_EITHER_OPENING_BRACKET) :]
    if any(
        part in rest for part in ("（", "\\(", "[^", ".", "\\S", "\\W", "\\D")
    ):  # (what could match a bracket)
        raise ValueError(f"a bracketed marker that may hold another bracket cannot be split: {pattern}")
    return [re.compile("（" + rest), re.compile(r"\(" + rest)]


_MARKER_RES = tuple((kind, regex) for kind, _, pattern in MARKER_KINDS for regex in _marker_scans(pattern))

# Kinds whose heading is a line of its own; kinds whose heading is the first clause.
_LINE_TITLE_KINDS = {"part", "chapter", "section"}
_CLAUSE_KINDS = {"article", "enum"}
TITLE_MAX = 50  # a "title" longer than this is a sentence: the item has no title
CLAUSE_MAX = 30  # headings taken from the first clause are cut to this length

# Where each kind of marker may start an item (see `_boundary`). 第…章/节/条/部分 are distinctive
# enough to start one after a plain space too, as in PDF text without line breaks.
_ALLOWED_BOUNDARIES = {
    "enum": {"line", "sentence", "colon"},
    "part": {"line", "sentence", "colon", "semicolon", "note", "space"},
    "chapter": {"line", "sentence", "colon", "semicolon", "note", "space"},
    "section": {"line", "sentence", "colon", "semicolon", "note", "space"},
    "article": {"line", "sentence", "colon", "semicolon", "note", "space"},
    "": {"line", "sentence", "colon", "semicolon", "note"},
}
_MARKER_CHAR = re.compile(r"[第条章节款项]")
_PAGE_MARK = re.compile(r"[—－-]{1,2}[ \t\u3000\xa0]*\d{1,3}[ \t\u3000\xa0]*[—－-]{1,2}")
_TITLE_END = "。！？!?；;：:"
_CLAUSE_END = "，,；;。：:！？!?"

# Lines that end the outline once it has begun.
_END_LINE = re.compile(
    r"^[ \t\u3000\xa0]*(?:"
    r"附[ \t\u3000]*件(?:[ \t\u3000]*[:：\d一二三四五六七八九十]|[ \t\u3000]*$)"
    r"|抄[ \t\u3000]*送[ \t\u3000]*[:：]"
    r"|再次(?:表示)?感谢|最后[,，、]?再次|感谢(?:您|你|贵)"
    r"|特此(?:答复|函复|说明)|此复"
    r"|公开方式|扫一扫|相关(?:附件|解读|链接|文件|稿件)|上一[条篇]|下一[条篇]|分管领导|联系人|[（(]此件"
    # a news site's footer (`版权与免责声明`, then its own numbered points)
    r"|(?:版权与|版权及)?免责声明|版权声明|版权所有"
    r")",
    re.MULTILINE,
)
# An appended interpretation article: nothing after it belongs to the document's outline.
_INTERPRETATION_LINE = re.compile(
    r"^[ \t\u3000\xa0]*(?:(?:文字|政策|图文|图片|视频)?解读|一图读懂|图解)",
    re.MULTILINE,
)

# The list of annexes in a notice (`附件：1.…实施方案` and the numbered lines under it): a
# table of contents for what follows, never items.
_ANNEX_LIST = re.compile(
    r"^[ \t\u3000\xa0]*附[ \t\u3000]*件[ \t\u3000]*[:：][^\n]*(?:\n[ \t\u3000\xa0]*(?:\d{1,2}|[一二三四五六七八九十]{1,2})"
    r"[ \t\u3000]*[.．、][^\n]{0,80}(?=\n|$))*",
    re.MULTILINE,
)
# Kinds whose run may be a table of contents (`目录` then `第一章 总则`, `第二章 …` before the text).
_TOC_KINDS = {"part", "chapter", "section"}
_QUOTE_MAX = 300  # a quoted point is shorter than this (marker to next marker)

# Responsibility notes: label, then the units.
_NOTE_LABEL = guarded(
    re.compile(
        r"(?P<role>责[ \t\u3000]*任|牵[ \t\u3000]*头|主[ \t\u3000]*责|配[ \t\u3000]*合|协[ \t\u3000]*办|参[ \t\u3000]*与)"
        r"[ \t\u3000]*(?:单[ \t\u3000]*位|部[ \t\u3000]*门)[ \t\u3000]*[:：]"
    )
)
_LEAD_ROLES = {"责任", "牵头", "主责"}
_INLINE_LEAD = guarded(
    re.compile(
        r"[（(](?P<lead>[^（()）\n]{2,120}?)牵头"
        r"(?:[，,；;、]?(?P<support>[^（()）\n]{2,200}?)(?:等(?:单位|部门)?)?(?:配合|参与|协同|协办))?[）)]"
    )
)
_UNITISH = re.compile(r"[局委厅部办府院会中心司队署处室行社团联]")
_ASIDE = re.compile(r"〈[^〉]*〉|[（(][ \t\u3000]*(?:含|下同)[^（()）]*[）)]|[（(]下同[）)]")

# Task-table header words.
_TASK_COLUMN = (
    "工作内容",
    "重点任务",
    "工作任务",
    "主要任务",
    "具体任务",
    "任务内容",
    "工作事项",
    "重点工作",
    "任务",
    "事项",
    "措施",
    "举措",
    "内容",
    "项目",
    "工作",
)
_NOT_TASK_COLUMN = ("单位", "部门", "要求", "目标", "时限", "时间", "序号", "进度", "标准")
_LEAD_COLUMN = ("牵头", "责任单位", "责任部门", "责任主体", "主责")
_SUPPORT_COLUMN = ("配合", "协办", "参与", "协同")
_SECTION_ROW = re.compile(rf"^(?:[{_CN}]+[、．.]|[（(][{_CN}]+[）)])")
# A task cell that names its task, then what it is (`安康颐养项目:新改建农村互助颐养小院6个;…`): the name heads it.
_NAMED_CELL = re.compile(r"^([^:：；;，,。]{1,13}(?:项目|工程|行动))[:：].*$", re.S)


def _allocation_table(header: list[str], task_col: int | None = None) -> bool:
    """A table of names with money or counts (`单位名称 | 80-89周岁人数 | 分配资金(万元)`) allocates: it lists no tasks.
    A task column (`工作任务`, `建设内容`) beside a money column (`计划投资(万元)`) is a task table still."""
    names = [h for h in header if "名称" in h] if task_col is None else [header[task_col]]
    return any("名称" in h for h in names) and any(_MONEY_OR_COUNT_COLUMN.search(h) for h in header)


# Columns of money or counts (`分配资金(万元)`, `80-89周岁人数`): a table of them allocates, it lists no tasks.
_MONEY_OR_COUNT_COLUMN = re.compile(r"资金|金额|万元|\(元\)|（元）|人数|数量")
_CELL_NUMBER = re.compile(r"^(?:\d{1,3}[.、．](?!\d)|[（(]\d{1,3}[）)])[ \t\u3000]*")


@dataclass
class _Node:
    kind: str
    n: int
    start: int  # the marker's first character
    marker_end: int
    parent: _Node | None = None
    children: list[_Node] = field(default_factory=list)
    end: int = 0
    late: bool = False  # a run that starts after number one (its first item was lost)

    @property
    def rank(self) -> int:
        """The outline level this node's numbering stands for, used to nest items."""
        return _RANK[self.kind]


def extract_measures(text: str) -> list[dict]:
    """The outline items and task-table rows of one cleaned document, in document order.

    Args:
        text: the cleaned document text that the offsets point into.

    Returns:
        One dict per measure with keys `path`, `heading`, `text`, `category`,
        `lead_units`, `support_units`, `start`, `end` (see the module docstring).

    >>> rows = extract_measures("一、总体要求\\n（一）加强领导。各区要…（责任单位：市民政局）\\n（二）强化保障。…")
    >>> [(r["path"], r["heading"], r["lead_units"]) for r in rows]
    [('1', '总体要求', None), ('1.1', '加强领导', '市民政局'), ('1.2', '强化保障', None)]
    """
    tables, table_spans = _find_tables(text)
    skip = table_spans + [m.span() for m in _ANNEX_LIST.finditer(text)]
    roots, outline_end, stop = _parse_outline(text, skip)
    rows = _outline_rows(text, roots, outline_end)
    table_rows = [row for row in _table_rows(text, tables) if row["start"] < stop]
    rows += table_rows or _flat_task_rows(text)
    rows.sort(key=lambda r: r["start"])
    return rows


# ---------------------------------------------------------------- outline


def _number(kind: str, raw: str) -> int | None:
    if kind == "circled":
        return ord(raw) - ord("①") + 1
    if raw.isdigit():
        return int(raw)
    value = chinese_to_number(raw)
    if value is None or value != int(value) or value < 1:
        return None
    return int(value)


def _candidates(text: str, table_spans: list[tuple[int, int]]) -> list[tuple[int, int, str, int]]:
    """All marker matches as (start, end, kind, number), outside tables and annex lists, sorted by position."""
    found: dict[int, tuple[int, int, str, int]] = {}
    for kind, regex in _MARKER_RES:
        for match in regex.finditer(text):
            number = _number(kind, match.group("n"))
            if number is None or match.start() in found:
                continue
            if any(a <= match.start() < b for a, b in table_spans):
                continue
            found[match.start()] = (match.start(), match.end(), kind, number)
    return sorted(found.values())


def _strip_back(text: str, start: int, pos: int) -> int:
    """Position just after the last character before `pos` that is neither space nor page marker."""
    while True:
        while pos > start and (text[pos - 1] in _SPACES or text[pos - 1] == "\n"):
            pos -= 1
        window = text[max(start, pos - 12) : pos]
        match = _PAGE_MARK.search(window)
        if match and match.end() == len(window):
            pos -= len(window) - match.start()
            continue
        return pos


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _boundary(text: str, pos: int, depth: int = 0) -> str | None:
    """What precedes a marker at `pos`: 'line', 'sentence', 'colon', 'semicolon', 'note', 'space' or None."""
    line_start = _line_start(text, pos)
    end = _strip_back(text, line_start, pos)
    if end == line_start:
        return "line"
    ch = text[end - 1]
    if ch in "。！？!?":
        return "sentence"
    if ch in "：:":
        return "colon"
    if ch in "；;":
        return "semicolon"
    if ch in "）)" and depth < 2:
        opener = _matching_open(text, end - 1, max(line_start, end - 400))
        if opener is not None and _boundary(text, opener, depth + 1) not in (None, "space"):
            return "note"
    if end < pos and depth == 0 and not _MARKER_CHAR.match(ch):
        return "space"
    return None


def _matching_open(text: str, close: int, floor: int) -> int | None:
    level = 0
    for i in range(close, floor - 1, -1):
        if text[i] in "）)":
            level += 1
        elif text[i] in "（(":
            level -= 1
            if level == 0:
                return i
    return None


def _enumeration_after_comma(
    text: str, start: int, kind: str, number: int, later: list[tuple[int, int, str, int]]
) -> bool:
    """`…努力增进全区老年人福祉,一是先后制定出台了…。二是加快…`: a `一是` after a comma opens an enumeration whose
    `二是` opens a sentence of its own (a `…；二是…` inside one sentence stays a clause)."""
    if (
        kind != "enum"
        or number != 1
        or text[_strip_back(text, _line_start(text, start), start) - 1] not in ",，"
    ):
        return False
    second = next((e for e in later if e[2] == "enum"), None)
    return second is not None and second[3] == 2 and _boundary(text, second[0]) in ("line", "sentence")


def _after_short_title(text: str, prev: _Node | None, pos: int) -> bool:
    """True when only a short, unpunctuated title and a space separate the previous marker from `pos`."""
    if prev is None or not 0 < pos - prev.marker_end <= 200 or _strip_back(text, prev.marker_end, pos) == pos:
        return False
    between = _PAGE_MARK.sub("", text[prev.marker_end : pos])
    between = "".join(between.split())
    return 0 < len(between) <= 40 and not any(ch in between for ch in "。，,；;！？!?：:")


def _parse_outline(text: str, table_spans: list[tuple[int, int]]) -> tuple[list[_Node], int, int]:
    """Build the outline tree. Returns the top-level nodes, where the outline ends and where all ends."""
    events: list[tuple[int, int, str, int]] = _candidates(text, table_spans)
    ends = [(m.start(), -1, "end", 0) for m in _END_LINE.finditer(text)]
    stops = [(m.start(), -1, "stop", 0) for m in _INTERPRETATION_LINE.finditer(text)]
    roots: list[_Node] = []
    stack: list[_Node] = []
    last_seen: dict[str, int] = {}
    prev: _Node | None = None
    outline_end = stop = len(text)
    merged = sorted(events + ends + stops)
    for index, (start, marker_end, kind, number) in enumerate(merged):
        if kind in ("end", "stop"):
            if prev is None:
                continue
            if kind == "end" and _annex_plan_follows(text, start, roots, merged[index + 1 :]):
                # A notice's few short points (`一、提高思想认识。…`) before the plan it issues
                # under `附件`: the plan's own outline is the document's.
                roots.clear(), stack.clear(), last_seen.clear()
                prev = None
                continue
            if kind == "stop":
                stop = start
            outline_end = min(outline_end, start)
            break
        boundary = _boundary(text, start)
        allowed = _ALLOWED_BOUNDARIES.get(kind, _ALLOWED_BOUNDARIES[""])
        if (
            boundary not in allowed
            and not _after_short_title(text, prev, start)
            and not _enumeration_after_comma(text, start, kind, number, merged[index + 1 :])
        ):
            continue
        node = _Node(kind, number, start, marker_end)
        placed = _place(node, stack, last_seen, gap_ok=boundary == "line")
        if not placed and number == 1 and _is_toc(roots, node, boundary):
            # The run so far was a table of contents (`目录`): the text proper starts here.
            roots.clear(), stack.clear(), last_seen.clear()
            placed = _place(node, stack, last_seen, gap_ok=True)
        if (
            not placed
            and boundary == "line"
            and _late_start(text, node, stack, roots, last_seen, merged[index + 1 :])
        ):
            # The outline's first item was lost (glued to the title line): start at this one.
            node.late = True
            stack.clear()
            stack.append(node)
            placed = True
        if placed:
            if node.parent is None and _is_preamble(roots, node):
                # Numbered points quoted before the outline (a reply quoting the proposal's
                # `1.…2.…`) give way to the outline proper, a higher-ranked kind starting at one.
                roots.clear()
                last_seen = {}
            if node.parent is None:
                roots.append(node)
            else:
                node.parent.children.append(node)
            last_seen[kind] = number
            prev = node
    if outline_end == len(text):  # no end line met: an interpretation may still follow later
        for start, *_ in stops:
            if prev is not None and start > prev.start:
                stop = outline_end = start
                break
    _drop_lone_enums(roots)
    return roots, outline_end, stop


_ANNEX_LINE = re.compile(r"[ \t\u3000\xa0]*附[ \t\u3000]*件[ \t\u3000\d一二三四五六七八九十:：]*(?:\n|$)")
NOTICE_POINTS_MAX = 5  # a notice's own points before its annex: at most this many, childless


def _annex_plan_follows(
    text: str, start: int, roots: list[_Node], later: list[tuple[int, int, str, int]]
) -> bool:
    """True when the outline so far is a notice's short points and the annex at `start` has its own.

    The line at `start` must be a bare annex heading (`附件`, `附件1`); every item so far must be
    a childless top-level point under `_QUOTE_MAX` characters, at most `NOTICE_POINTS_MAX` of
    them; and after the annex line a new number one must start on a line of its own, followed
    by its number two, before any other end line.
    """
    if not _ANNEX_LINE.match(text, start) or not roots or len(roots) > NOTICE_POINTS_MAX:
        return False
    if any(root.children for root in roots):
        return False
    starts = [root.start for root in roots] + [start]
    if any(b - a > _QUOTE_MAX for a, b in zip(starts, starts[1:], strict=False)):
        return False
    first = None
    for pos, _, kind, number in later:
        if kind in ("end", "stop"):
            return False
        if _boundary(text, pos) != "line":
            continue
        if first is None:
            if number != 1 or kind == "enum":
                return False
            first = kind
        elif kind == first:
            return number == 2
    return False


def _is_toc(roots: list[_Node], node: _Node, boundary: str | None) -> bool:
    """True when the outline so far is a run that `node`, a new number one of the same kind, supersedes.

    A table of contents (`目录`, then `第一章 总则`, `第二章 …`) is a run of childless chapter,
    section or part headings. A short list of `一、…` points quoted at the start (a reply that
    restates the proposal, then answers `一、关于…`) is a run of childless `一、` items, each
    under `_QUOTE_MAX` characters, and the new run must start on a line of its own.
    """
    flat = [n for _, n in _walk(roots)]
    same = [n for n in flat if n.kind == node.kind]
    if len(same) < 2 or any(n.children for n in same):
        return False
    if node.kind in _TOC_KINDS:
        return all(n.kind in _TOC_KINDS for n in flat)
    if node.kind != "cn" or boundary != "line" or len(flat) != len(same):
        return False
    starts = [n.start for n in same] + [node.start]
    return all(b - a <= _QUOTE_MAX for a, b in zip(starts, starts[1:], strict=False))


def _late_start(
    text: str,
    node: _Node,
    stack: list[_Node],
    roots: list[_Node],
    last_seen: dict[str, int],
    later: list[tuple[int, int, str, int]],
) -> bool:
    """True when `node`, a `二、` or `三、` at a line start, opens a new top level whose first item is missing.

    The kind must be new to the document and rank above everything read so far, and the next
    marker of its kind at a line start must carry the next number (`二、…` then `三、…`).
    """
    if node.kind == "enum" or not 2 <= node.n <= 3 or node.kind in last_seen:
        return False
    if any(open_node.rank <= node.rank for open_node in (*stack, *roots)):
        return False
    for start, _, kind, number in later:
        if kind in ("end", "stop"):
            return False
        if kind == node.kind and _boundary(text, start) == "line":
            return number == node.n + 1
    return False


def _is_preamble(roots: list[_Node], node: _Node) -> bool:
    """True when every top-level item so far ranks below `node`, a first item of a new top level."""
    return (
        node.kind != "enum"
        and (node.n == 1 or node.late)
        and bool(roots)
        and all(root.rank > node.rank for root in roots)
    )


def _place(node: _Node, stack: list[_Node], last_seen: dict[str, int], gap_ok: bool) -> bool:
    """Put `node` in the tree via the open branch `stack`; False when it breaks the sequence."""
    same = next((i for i, open_node in enumerate(stack) if open_node.kind == node.kind), None)
    if same is not None:
        previous = stack[same].n
        # (a `一是` after an enumeration under the same item opens a new one: `…三是做好…。下一步,…。一是继续…`)
        # (at a line's start only: a `:一是…;二是…` inside an item is nested in it)
        restart = node.kind == "enum" and node.n == 1 and previous >= 2 and gap_ok
        if node.n != previous + 1 and not (gap_ok and node.n == previous + 2) and not restart:
            return False
        del stack[same:]
    else:
        continuing = node.kind != "enum" and node.n == last_seen.get(node.kind, 0) + 1
        if node.n != 1 and not continuing:
            return False
        if node.kind != "enum":
            while stack and stack[-1].rank >= node.rank:
                stack.pop()
    node.parent = stack[-1] if stack else None
    stack.append(node)
    return True


def _drop_lone_enums(nodes: list[_Node]) -> None:
    """A `一是` with no `二是` beside it is not an enumeration: fold it back into its parent."""
    enums = [n for n in nodes if n.kind == "enum"]
    if len(enums) == 1:
        lone = enums[0]
        i = nodes.index(lone)
        for child in lone.children:
            child.parent = lone.parent
        nodes[i : i + 1] = lone.children
    for n in nodes:
        _drop_lone_enums(n.children)


def _walk(nodes: list[_Node], prefix: str = ""):
    offset = nodes[0].n - 1 if nodes and nodes[0].late else 0
    for i, node in enumerate(nodes, 1 + offset):
        path = f"{prefix}{i}"
        yield path, node
        yield from _walk(node.children, path + ".")


def _outline_rows(text: str, roots: list[_Node], outline_end: int) -> list[dict]:
    flat = list(_walk(roots))
    if not flat:
        return []
    last = flat[-1][1]
    heading_line_end = text.find("\n", last.marker_end)
    floor = min(outline_end, len(text) if heading_line_end < 0 else heading_line_end)
    limit = _trim_tail(text, max(floor, last.marker_end), outline_end)
    # End of each item: the next item that is not its descendant, or the end of the outline.
    depth = {id(node): path.count(".") for path, node in flat}
    for i, (_, node) in enumerate(flat):
        end = limit
        for _, later in flat[i + 1 :]:
            if depth[id(later)] <= depth[id(node)]:
                end = later.start
                break
        node.end = max(_strip_back(text, node.marker_end, end), node.marker_end)
    rows = []
    for i, (path, node) in enumerate(flat):
        next_start = flat[i + 1][1].start if i + 1 < len(flat) else node.end
        own_end = node.children[0].start if node.children else node.end
        heading, body_start = _heading(
            text, node, min(next_start, node.end) if next_start > node.start else node.end
        )
        body_start = min(body_start, own_end)
        body = text[body_start:own_end].strip()
        lead, support = _units_from_notes(body)
        rows.append(
            {
                "path": path,
                "heading": heading,
                "text": body,
                "category": classify(heading, _without_unit_notes(text[node.start : node.end])),
                "lead_units": lead,
                "support_units": support,
                "start": node.start,
                "end": node.end,
            }
        )
    return rows


def _trim_tail(text: str, floor: int, end: int) -> int:
    """Move `end` back over blank lines and short signature or date lines without sentence punctuation."""
    while end > floor:
        line_start = max(_line_start(text, end - 1), floor)
        line = text[line_start:end].strip()
        if line and (len(line) > 30 or any(ch in line for ch in "。；;！？!?，,：:")):
            break
        end = line_start
    return end


_SPACE_NOT_BETWEEN_ALNUM = re.compile(r"(?<![A-Za-z0-9]) | (?![A-Za-z0-9])")


def normalize_heading(raw: str) -> str:
    """A heading as published: no page markers, no spaces inside CJK text, no final punctuation."""
    raw = _PAGE_MARK.sub(" ", raw)
    raw = " ".join(raw.split())  # (`re.sub(r"\s+", " ", raw).strip()`)
    # Keep a space only between two ASCII letters or digits (`AI 技术` → `AI技术`, `App Store` kept).
    raw = _SPACE_NOT_BETWEEN_ALNUM.sub("", raw) if " " in raw else raw
    return raw.strip(" 。．.，,；;：:、")


def _cut(raw: str, stops: str) -> tuple[str, int]:
    """The text up to the first of `stops` outside brackets and the length consumed (including the stop): an
    aside's colon is no end (`对农村公路危桥改造12座(其中:1座四五类危桥、11座宽路窄桥)`)."""
    depth = 0
    for i, ch in enumerate(raw):
        if ch in "(（【《[":
            depth += 1
        elif ch in ")）】》]":
            depth = max(0, depth - 1)
        elif ch in stops and not depth:
            return raw[:i], i + 1
    return raw, len(raw)


# (not the spaces PDFs leave around a number: `一、新建 5 个街道综合养老服务中心,…`)
_SPACED_TITLE = re.compile(r"[ \t\u3000\xa0]*([^\s，,。；;：:、\d]{3,15})[ \t\u3000\xa0]+(?=[^\s\d])")


_OPENING, _CLOSING = "(（《〔[【", ")）》〕]】"


def _clipped(clause: str) -> str:
    """A clause cut to CLAUSE_MAX, but never inside a bracket it opens before the cut (`执行《关于建立经济困难的高龄失能老年人
    养老服务补贴制度的通知》(锦财社〔2015〕399号)`): to its closing bracket when that comes soon after."""
    depth = 0
    for i, ch in enumerate(clause):
        if i >= CLAUSE_MAX and not depth and ch not in _OPENING:  # (nor before the document number after it)
            return clause[:i]
        if i >= CLAUSE_MAX + 40:
            return clause[:CLAUSE_MAX]
        depth += (ch in _OPENING) - (ch in _CLOSING and depth > 0)
    return clause


#: A title that runs on into its text: a first clause without a figure, then clauses of which one states a figure
#: (`因年龄变更,调增…8位高龄老人的高龄补贴每月享受60元`, `办好人民满意教育,新建、改扩建公办幼儿园、小学、初中20所`); an
#: item that is a task with its figures (`新建老年日间服务中心1所,社区老年人助餐服务点2个`) or a condition with its amount
#: (`收住自理老年人的,每人每月补贴100元`, tests/data/unseen_outline) is all heading.
_RUN_IN_TITLE = re.compile(
    r"(?P<title>[^,，;；:：\d]{2,30}?)(?<!的)[,，](?=[^。]*?\d+(?:\.\d+)?\s*[\u4e00-\u9fff%])"
)


def _heading(text: str, node: _Node, limit: int) -> tuple[str, int]:
    """The heading of `node` and where its own body starts."""
    line_end = text.find("\n", node.marker_end)
    line_end = len(text) if line_end < 0 else line_end
    region_end = max(min(limit, line_end), node.marker_end)
    raw = text[node.marker_end : region_end]
    if node.kind in _LINE_TITLE_KINDS:
        return normalize_heading(raw), region_end
    if node.kind not in _CLAUSE_KINDS:
        title, used = _cut(raw, _TITLE_END)
        heading = normalize_heading(title)
        long_reply = heading.startswith("关于") and heading.endswith(("建议", "提案", "意见", "问题"))
        run_in = None if _SPACED_TITLE.match(raw) else _RUN_IN_TITLE.match(heading)
        if (
            run_in
        ):  # `办好人民满意教育,新建、改扩建公办幼儿园、小学、初中20所`: the text runs on after its title
            return run_in.group("title"), node.marker_end
        if heading and (len(heading) <= TITLE_MAX or long_reply):
            return heading, node.marker_end + used
        # a short title run into its text with a space, where the page lost its line breaks (`一、基本情况 根据统计…`)
        spaced = _SPACED_TITLE.match(raw)
        if spaced:
            return normalize_heading(spaced.group(1)), node.marker_end + spaced.end()
        if not heading and region_end == line_end and limit > line_end:
            # The number stands alone on its line: the title is the next line.
            nxt = text.find("\n", line_end + 1)
            title, used = _cut(text[line_end + 1 : nxt if nxt >= 0 else len(text)], _TITLE_END)
            heading = normalize_heading(title)
            run_in = _RUN_IN_TITLE.match(heading)
            if run_in:  # (`(二)` / `办好人民满意教育,新建、改扩建公办幼儿园、小学、初中20所。`)
                return run_in.group("title"), line_end + 1
            if heading and len(heading) <= TITLE_MAX:
                return heading, line_end + 1 + used
            # a sentence, not a title: its first clause, as for an item whose text follows its number
            clause, _ = _cut(text[line_end + 1 : nxt if nxt >= 0 else len(text)], _CLAUSE_END)
            if normalize_heading(clause):
                return _clipped(normalize_heading(clause)), line_end + 1
    stripped = raw.lstrip(_SPACES)
    bracket = re.match(r"[【\[]([^】\]\n]{1,40})[】\]]", stripped)
    if bracket and node.kind == "article":
        return normalize_heading(bracket.group(1)), node.marker_end + (
            len(raw) - len(stripped)
        ) + bracket.end()
    clause, _ = _cut(raw, _CLAUSE_END)
    return _clipped(normalize_heading(clause)), node.marker_end


# ---------------------------------------------------------------- units


def split_units(raw: str) -> list[str]:
    """Unit names from a note or table cell: `市民政局、市财政局,各区人民政府〈含开发区〉` → three names.

    Units are separated by `、，,；;` or, in cells that use none of them, by spaces.
    Spaces inside names (PDF artefacts), `〈含…〉`/`（含…）` asides and a final `等` are dropped.

    >>> split_units("市 委 网 信 办,市民政局、各区人民政府〈 含开发区, 下同〉")
    ['市委网信办', '市民政局', '各区人民政府']
    >>> split_units("市残联、各县（市、区）人民政府")
    ['市残联', '各县（市、区）人民政府']
    >>> split_units("市发展改革委 市财政局")
    ['市发展改革委', '市财政局']
    """
    raw = _ASIDE.sub("", raw)
    raw = _PAGE_MARK.sub(" ", raw)
    if re.search(r"[、，,；;]", raw):
        parts = _split_outside_brackets("".join(raw.split()), "、，,；;")
    else:
        parts = raw.split()
        if any(len(p) == 1 for p in parts):  # spaces between the characters of one name
            parts = ["".join(parts)]
    units = []
    for part in parts:
        part = re.sub(r"(?:等(?:单位|部门)?|负责|牵头|配合)$", "", part.strip(" 。.）)（("))
        if part and part not in units:
            units.append(part)
    return units


def _split_outside_brackets(raw: str, separators: str) -> list[str]:
    """Split at `separators` that are not inside brackets: `各县（市、区）人民政府` stays one name."""
    parts, current, depth = [], [], 0
    for ch in raw:
        if ch in "（(〈":
            depth += 1
        elif ch in "）)〉" and depth:
            depth -= 1
        elif ch in separators and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(ch)
    parts.append("".join(current))
    return [part for part in parts if part]


def _join(units: list[str]) -> str | None:
    return ";".join(units) if units else None


def _note_body(text: str, start: int) -> str:
    """The note text from `start` up to the closing bracket of the note it sits in, or the line end."""
    level = 0
    for i in range(start, len(text)):
        ch = text[i]
        if ch in "（(":
            level += 1
        elif ch in "）)":
            if level == 0:
                return text[start:i]
            level -= 1
        elif ch == "\n" or (ch == "。" and level == 0):
            return text[start:i]
    return text[start:]


# A responsibility note: `（责任单位:市民政局）` in brackets, or `牵头单位:…` to the clause's end. (Written with each
# alternative opening with a character, each bracket apart and each role spelled out, where it was
# `[（(]…|(?:牵头|责任|配合|协办)单位…`: Python's `re` then jumps from one such character to the next instead of trying
# both alternatives at every character, ~0.06 → 0.02 ms a document. The same matches: at a character only the
# alternatives that open with it can match, in the order they had.)
_UNIT_NOTE_IN_BRACKETS = r"[^（()）\n]{0,10}(?:单[ \t\u3000]*位|部[ \t\u3000]*门)[ \t\u3000]*[:：][^（()）\n]*(?:[（(][^（()）\n]*[）)][^（()）\n]*)*[）)]"
_UNIT_NOTE_ROLES = ("牵头", "责任", "配合", "协办")
_UNIT_NOTE = re.compile(
    rf"（{_UNIT_NOTE_IN_BRACKETS}|\({_UNIT_NOTE_IN_BRACKETS}|"
    + "|".join(rf"{role}单位[:：][^。\n]*" for role in _UNIT_NOTE_ROLES)
)  # (no longer behind `guarded`: its strings, brackets among them, are in most texts, and the search is fast now)


def _without_unit_notes(text: str) -> str:
    """`text` without its responsibility notes, for classification (市财政局 is not a topic)."""
    return _UNIT_NOTE.sub("", _INLINE_LEAD.sub("", text))


def _units_from_notes(body: str) -> tuple[str | None, str | None]:
    """Lead and supporting units named in an item's own text."""
    lead: list[str] = []
    support: list[str] = []
    labels = list(_NOTE_LABEL.finditer(body))
    roles = ["".join(label.group("role").split()) for label in labels]
    # 责任单位 alone names the leads; beside a 牵头单位 it names the units that carry the work out.
    lead_roles = {"牵头", "主责"} if "牵头" in roles else _LEAD_ROLES
    for i, label in enumerate(labels):
        note = _note_body(body, label.end())
        if i + 1 < len(labels) and labels[i + 1].start() < label.end() + len(note):
            note = body[label.end() : labels[i + 1].start()]
        target = lead if roles[i] in lead_roles else support
        target.extend(u for u in split_units(note) if u not in target)
    if not labels:
        for match in _INLINE_LEAD.finditer(body):
            if not _UNITISH.search(match.group("lead")):
                continue
            lead.extend(u for u in split_units(match.group("lead")) if u not in lead)
            if match.group("support"):
                support.extend(u for u in split_units(match.group("support")) if u not in support)
    return _join(lead), _join(support)


# ---------------------------------------------------------------- task tables


@dataclass
class _Table:
    header: list[str]
    task_col: int
    lead_col: int | None
    support_col: int | None
    rows: list[tuple[int, int, list[str]]]  # (start, end, cells) of the data rows


def _cells(line: str) -> list[str]:
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|"):
        line = line[:-1]
    return [cell.strip() for cell in line.split("|")]


def _find_column(header: list[str], words: tuple[str, ...], exclude: tuple[str, ...] = ()) -> int | None:
    for word in words:
        for i, cell in enumerate(header):
            if word in cell and not any(x in cell for x in exclude):
                return i
    return None


def _read_header(cells: list[str]) -> tuple[int, int | None, int | None] | None:
    header = ["".join(c.split()) for c in cells]
    if any(len(c) > 15 for c in header) or (header and header[0].isdigit()):
        return None  # a data row that merely mentions 任务 or 参与
    task = _find_column(header, _TASK_COLUMN, _NOT_TASK_COLUMN)
    lead = _find_column(header, _LEAD_COLUMN)
    support = _find_column(header, _SUPPORT_COLUMN)
    # a numbered list of tasks or policies without units (`序号 | 项目名称 |`, a yearly list of livelihood projects;
    # `序号 | 名称 | 标准 | 备注 |`, a county's list of subsidies) is one too
    numbered = (
        bool(header)
        and header[0] in ("序号", "编号")
        and len(header) <= 4
        and not _allocation_table(header)  # an allocation table lists no tasks
    )
    if task is None and numbered:
        task = _find_column(
            header, ("名称",), ("指标",)
        )  # an indicator table (`指标名称 | 2025年目标值`) lists no tasks
    numbered_list = task is not None and numbered
    if task is None or (lead is None and support is None and not numbered_list):
        return None
    return task, lead, support


_NEW_ROW = re.compile(r"^[ \t\u3000]*\|?[ \t\u3000]*\d{1,3}[ \t\u3000]*\|")


def _find_tables(text: str) -> tuple[list[_Table], list[tuple[int, int]]]:
    """Task tables (with a recognised header) and the spans of every `|` table block.

    Under a task-table header, a row whose cells hold line breaks is read on until it
    has as many `|` as the header (or the next numbered row begins), so a cell broken
    over several lines stays one row.
    """
    tables: list[_Table] = []
    spans: list[tuple[int, int]] = []
    current: _Table | None = None
    block_start: int | None = None
    pending: list[int] | None = None  # a task row still short of cells: [start, end]
    pipes = 0
    pos = 0
    for line in text.splitlines(keepends=True):
        line_start, pos = pos, pos + len(line)
        body = line.rstrip("\r\n")
        line_end = line_start + len(body)
        if pending is not None and current is not None:
            so_far = text[pending[0] : pending[1]]
            if _NEW_ROW.match(body) or pending[1] - pending[0] > 4000:
                _add_row(text, current, *pending)
                pending = None
            elif so_far.count("|") + body.count("|") >= pipes:
                _add_row(text, current, pending[0], line_end)
                pending = None
                continue
            else:
                pending[1] = line_end
                continue
        if body.count("|") < 2:
            if block_start is not None:
                spans.append((block_start, line_start))
            block_start, current = None, None
            continue
        if block_start is None:
            block_start = line_start
        cells = _cells(body)
        if all(re.fullmatch(r"[-:—\s]*", c) for c in cells):
            continue
        header = _read_header(cells)
        if header is not None:
            current = _Table(cells, *header, rows=[])
            tables.append(current)
            pipes = body.count("|")
            continue
        if current is None:
            continue
        row_start = line_start + len(body) - len(body.lstrip())
        if body.count("|") < pipes:
            pending = [row_start, line_end]
            continue
        _add_row(text, current, row_start, line_end)
    if pending is not None and current is not None:
        _add_row(text, current, *pending)
        if block_start is None:
            spans.append((pending[0], pending[1]))
    if block_start is not None:
        spans.append((block_start, len(text)))
    return tables, spans


def _add_row(text: str, table: _Table, start: int, end: int) -> None:
    while end > start and text[end - 1] in _SPACES:
        end -= 1
    table.rows.append((start, end, _cells(text[start:end])))


def _is_task_row(cells: list[str], task_col: int) -> bool:
    if task_col >= len(cells) or not cells[task_col]:
        return False
    filled = [c for c in cells if c]
    if len(filled) <= 1:
        return False
    return not (len(filled) <= 2 and _SECTION_ROW.match(cells[task_col]))


def _task_cells_text(cells: list[str], table: _Table) -> str:
    """A row's cells without its unit columns (unit names such as 市财政局 say nothing of the topic)."""
    units = {table.lead_col, table.support_col}
    return " ".join(cell for i, cell in enumerate(cells) if i not in units)


def _cell(cells: list[str], col: int | None) -> str:
    return cells[col] if col is not None and col < len(cells) else ""


def _table_rows(text: str, tables: list[_Table]) -> list[dict]:
    rows = []
    for table in tables:
        for start, end, cells in table.rows:
            if not _is_task_row(cells, table.task_col):
                continue
            heading = normalize_heading(_NAMED_CELL.sub(r"\1", _CELL_NUMBER.sub("", cells[table.task_col])))
            row_text = text[start:end]
            rows.append(
                {
                    "path": "",
                    "heading": heading,
                    "text": row_text,
                    "category": classify(heading, _task_cells_text(cells, table)),
                    "lead_units": _join(split_units(_cell(cells, table.lead_col))),
                    "support_units": _join(split_units(_cell(cells, table.support_col))),
                    "start": start,
                    "end": end,
                }
            )
    for i, row in enumerate(rows, 1):
        row["path"] = f"T{i}"
    return rows


# A task table flattened one cell per line (`序号` / `重点工作任务(民生实事项目)` / `牵头单位` / … / `1` / `新增老年食堂
# (助餐点)15个` / `区民政局` / …), its rows numbered; merged cells may be missing from a row, so a row runs from its
# number to the next number. Its header names a task column and a unit or progress column (not a money table's).
_FLAT_HEADER_START = re.compile(r"^(?:序号|编号)$")
_FLAT_ROW_NUMBER = re.compile(r"^\d{1,3}$")
_FLAT_OTHER_COLUMN = re.compile(r"牵头|责任单位|责任部门|进度|进展|完成情况|完成时间|时限")
_FLAT_HEADER_MAX = 10


def _flat_lines(text: str) -> list[tuple[str, int, int]]:
    lines = []
    for m in re.finditer(r"[^\n]+", text):
        cell = m.group().strip(" |\t\u3000")
        if cell:
            lines.append(("".join(cell.split()) if len(cell) <= 20 else cell, m.start(), m.end()))
    return lines


def _flat_task_rows(text: str) -> list[dict]:
    """Measures `T<n>` from the rows of task tables flattened one cell per line (haian, xihu, 苍南's progress table)."""
    lines = _flat_lines(text)
    rows: list[dict] = []
    for i, (cell, _, _) in enumerate(lines):
        if not _FLAT_HEADER_START.match(cell):
            continue
        header_end = next(
            (
                j
                for j in range(i + 1, min(len(lines), i + _FLAT_HEADER_MAX))
                if _FLAT_ROW_NUMBER.match(lines[j][0])
            ),
            None,
        )
        if header_end is None:
            continue
        header = [c for c, _, _ in lines[i:header_end]]
        task_col = _find_column(header, _TASK_COLUMN, _NOT_TASK_COLUMN)
        if (
            task_col is None
            or not any(_FLAT_OTHER_COLUMN.search(h) for h in header)
            or _allocation_table(header, task_col)
        ):
            continue
        rows += _flat_rows(text, lines, header_end, task_col, len(header))
    return rows


def _flat_rows(text: str, lines: list, first: int, task_col: int, width: int) -> list[dict]:
    """The numbered rows from `lines[first]` on: each from its number to the next number (or `width` cells)."""
    out = []
    k, number = first, int(lines[first][0])
    while k < len(lines) and lines[k][0] == str(number):
        # (a row has at least its number, its task and one more cell: a count cell `2` is no next row)
        nxt = next(
            (
                j
                for j in range(k + min(3, width), min(len(lines), k + 2 * width))
                if lines[j][0] == str(number + 1)
            ),
            min(len(lines), k + width),
        )
        cells = lines[k:nxt]
        if task_col < len(cells) and not re.fullmatch(r"[\d.%()（）]+", cells[task_col][0]):
            heading = normalize_heading(cells[task_col][0])
            start, end = lines[k][1], cells[-1][2]
            out.append(
                {
                    "path": f"T{number}",
                    "heading": heading,
                    "text": text[start:end],
                    "category": classify(heading, text[start:end]),
                    "lead_units": None,
                    "support_units": None,
                    "start": start,
                    "end": end,
                }
            )
        k, number = nxt, number + 1
    return out
