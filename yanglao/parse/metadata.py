"""Document metadata: title, 文号, 索引号, issuer, dates, 主题分类, 有效性, doc_type.

`extract_metadata` reads the text *before* `clean_text` (the labelled lines are still there) and
the fields the HTML page carries (`yanglao.parse.pages.html_metadata`). Where both have a field the page
wins, with one exception, the issuer: a page's 发布机构 / ContentSource is often the site that
re-posts a document (a 区财政局 posting a 市民政局 rule, a 办公厅 posting a 政府令), so the
authority the document names itself comes first: its header (``武汉市人民政府文件``,
``广州市人民政府令``), then the agency that opens its title (``湖州市人民政府办公室关于印发…``),
then the page, the labelled lines (发布机构, 来源) and the signature above the date.

A title read from the text keeps the characters the raw page prints (`（2024—2026年）`, not the
ASCII brackets of the cleaned text). A two-cell row ``| 标    题 | X |`` counts as a label line when
it sits in a block of label lines.

`doc_type` comes from the title by the `DOC_TYPE_RULES` table; a notice that issues or forwards
another document (``关于印发…办法的通知``) is classified by the enclosed document.
"""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

from yanglao.literals import guarded
from yanglao.parse.clean import (
    HAN,
    LABEL_RE,
    METADATA_LABELS,
    clean_text,
    is_metadata_line,
    normalize_chars,
    unbracket_labels,
)

FIELDS = (
    "title",
    "doc_number",
    "index_number",
    "issuer",
    "published_date",
    "written_date",
    "topic",
    "validity",
    "doc_type",
)

# ---------------------------------------------------------------------------------------------
# Values
# ---------------------------------------------------------------------------------------------

_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)\s*日?")
_YEAR_BRACKETS = re.compile(r"[〔［\[【(（﹝]\s*(\d{4})\s*[〕］\]】)）﹞]")
_DOC_NUMBER = re.compile(rf"[{HAN}]{{1,12}}\s*[〔［\[【(（﹝]\s*\d{{4}}\s*[〕］\]】)）﹞]\s*\d{{1,4}}\s*号")
_ORDER_NUMBER = re.compile(rf"([{HAN}]{{2,30}}令)\s*(第\s*\d{{1,4}}\s*号)")


def normalize_date(text: str | None) -> str | None:
    """First date in `text` as ISO ``YYYY-MM-DD`` (``2020-09-28``, ``2020年9月28日``, ``2020/09/28``).

    >>> normalize_date("2025-08-04 12:43:38"), normalize_date("2020年9月28日"), normalize_date("2020927")
    ('2025-08-04', '2020-09-28', None)
    """
    for match in _DATE.finditer(text or ""):
        try:
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3))).isoformat()
        except ValueError:
            continue
    return None


#: A date in a page's address (`/art/2024/6/14/art_…`, `/html/2015/0319/…`, `/c/2011-01-08/…`, `/content/20130925/…`,
#: `/t20240614_…`): the day the site put the page up, the publication date of a page that prints none.
_URL_DATE = re.compile(
    r"(?:(?<=[/_=t-])|^)((?:19|20)\d{2})(?:[-/](\d{1,2})[-/](\d{1,2})|/?(\d{2})(\d{2}))(?=[/_.?#-]|$)"
)


def url_date(url: str | None) -> str | None:
    """The last date written in a page's address, ISO (`http://www.yw.gov.cn/art/2024/6/14/art_1.html` → 2024-06-14).

    >>> url_date("https://liaocheng.cc/html/2015/0319/1022437333.htm"), url_date("http://xmz.gov.cn/news/10178.html")
    ('2015-03-19', None)
    """
    found = None
    for m in _URL_DATE.finditer(url or ""):
        year, month, day = m.group(1), m.group(2) or m.group(4), m.group(3) or m.group(5)
        try:
            found = date(int(year), int(month), int(day)).isoformat()
        except ValueError:
            continue
    return found


def normalize_doc_number(text: str | None) -> str | None:
    """文号 as printed, spaces removed and the year in 〔〕 (``武政规〔 2024〕 11 号`` → ``武政规〔2024〕11号``)."""
    if not text:
        return None
    text = re.sub(r"\s+", "", text)
    text = _YEAR_BRACKETS.sub(r"〔\1〕", text)
    return text or None


# ---------------------------------------------------------------------------------------------
# Labelled lines
# ---------------------------------------------------------------------------------------------

# A label opens the line or a cell, or follows the previous field's value directly when a colon follows it
# (`来源:自贡市民政局类别:办理工作发布时间:2024-07-01`).
# Only labels of four characters or more: a shorter one may end a longer word (附件名称, 项目名称, 副标题).
_LONG_LABEL = "|".join(re.escape(label) for label in METADATA_LABELS if len(label) >= 4)
_LABEL_AT = re.compile(
    rf"(?:^|(?<=[\s|])|(?=(?:{_LONG_LABEL})\s*[:：]))(?:{LABEL_RE.pattern})(?=\s*[:：|]|\s)"
)


#: A two-cell row such as ``| 标    题 | X |``: on its own a generic label (标题, 名称) is too weak to
#: call the row metadata (`clean.is_metadata_line`), beside other rows of the label table it is.
_LABEL_CELL_ROW = re.compile(rf"\|?\s*(?:{LABEL_RE.pattern})\s*[:：]?\s*\|[^|]+\|?\s*")


#: ``文号 永民〔2023〕301号`` beside the other label lines of an info block: a short label, then its value.
_LABEL_THEN_VALUE = re.compile(rf"\s*(?:{LABEL_RE.pattern})\s+\S")


def _grid_block(block: list[bool], lines: list[str]) -> list[bool]:
    """The label lines, and with them every `|` row holding a known label in the same grid: a row of weak labels
    (`| 标题:民政局2025年上半年工作总结… | |`) two rows below the one that made it metadata is still the grid's."""
    grid = [bool("|" in line and _LABEL_AT.search(line)) for line in lines]
    out = list(block)
    for order in (range(1, len(lines)), range(len(lines) - 2, -1, -1)):
        step = 1 if order.step == 1 else -1
        for i in order:
            if not out[i] and grid[i] and out[i - step] and "|" in lines[i - step]:
                out[i] = True
    return out


def _in_block(block: list[bool], i: int) -> bool:
    """True when a line next to line `i` is a metadata label line."""
    return (i > 0 and block[i - 1]) or (i + 1 < len(block) and block[i + 1])


_FIELD_BULLET_LEAD = re.compile(r"^\s*(?:[•·]+|[-*](?=\s*\S))?\s*")
_BULLET_OPENERS = frozenset("•·-*")


def _without_bullet_lead(line: str) -> str:
    """`_FIELD_BULLET_LEAD.sub("", line)`, without a regex call for a line that opens with neither a space nor a
    bullet (most lines: the substitution was ~1.5 % of a document's extraction, run on each of its lines)."""
    if line and not line[0].isspace() and line[0] not in _BULLET_OPENERS:
        return line
    return _FIELD_BULLET_LEAD.sub("", line)


def parse_labelled_fields(text: str) -> dict:
    """Values of the metadata label lines in `text`, keyed by the field of `clean.METADATA_LABELS`.

    Several labels may share a line (``索 引 号 010886343/2020-900310 发布日期 2020-09-28``), cells may
    be ``|``-separated; the first non-empty value of a field wins. Dates come back ISO, 文号 normalized.

    >>> parse_labelled_fields("索 引 号 010886343/2020-900310 发布日期 2020-09-28")
    {'index_number': '010886343/2020-900310', 'published_date': '2020-09-28'}
    """
    fields: dict = {}
    raw = [unbracket_labels(line) for line in text.split("\n")]
    block = _grid_block([is_metadata_line(line) for line in raw], raw)
    lines = [_without_bullet_lead(line) for line in raw]
    for i, line in enumerate(lines):
        if not block[i] and not (
            _in_block(block, i)
            and (
                _LABEL_CELL_ROW.fullmatch(line)
                or _LABEL_THEN_VALUE.match(line)
                or ("|" in line and _LABEL_AT.search(line))  # `公开目录 | … | 发布日期 | 2020-12-03 |`
            )
        ):
            continue
        matches = list(_LABEL_AT.finditer(line))
        if not matches and raw[i] != line:  # a bulleted field, its value right after the label
            matches = [m for m in [LABEL_RE.match(line)] if m]
        if not matches:
            continue
        for match, following in zip(matches, [*matches[1:], None], strict=True):
            label = re.sub(r"\s", "", match.group("label"))
            field = METADATA_LABELS.get(label)
            end = following.start() if following else len(line)
            value = re.sub(r"^[\s:：|]+|[\s|]+$", "", line[match.end() : end])
            if not field or not value or field in fields or re.sub(r"\s", "", value) in METADATA_LABELS:
                continue  # (`文号 | 浏览量 |`: an empty field, then the next label)
            if field.endswith("_date"):
                value = normalize_date(value)
            elif field == "doc_number":
                value = normalize_doc_number(value)
            if value:
                fields[field] = value
    return fields


# ---------------------------------------------------------------------------------------------
# Title, issuer, document type
# ---------------------------------------------------------------------------------------------

_TYPE_WORD = r"(?:通知|通告|公告|公示|决定|意见|办法|措施|方案|规定|细则|条例|规划|计划|批复|答复|答复意见|复函|函|报告|纲要|政策|规则|令)"
_TITLE_LINE = re.compile(rf"[^。，,；;:：!?！？]{{4,120}}{_TYPE_WORD}(?:\s*[(（][^()（）]{{1,8}}[)）])?")
_NOT_TITLE = re.compile(
    rf"{_DOC_NUMBER.pattern}|[{HAN}]{{2,30}}文件|.{{0,20}}令|第\s*\d+\s*号|\d{{4}}年\d{{1,2}}月\d{{1,2}}日.*|(?:相关)?附件.*"
    r"|(?:现行)?有效|(?:已|全部|部分)?(?:失效|废止)"  # a validity printed without its label (张家港 field list)
    r"|(?:[^\s:：]{0,4}(?:电\s*话|热\s*线)|联\s*系\s*人|传\s*真|邮\s*编|地\s*址|领导署名)\s*[:：].*"  # contact lines
    r"|.*(?:网站|发布媒体|门户)"  # a site's name (`…国家级政府采购专业网站`)
    r"|.*\d{3,4}-\d{7,8}"  # a site's name and telephone number (`个人社保网 0571-22931819`)
    # a site's column names (`科技项目 通知公告`): where a page stands, not its title
    r"|(?:[\u4e00-\u9fff]{2,8}\s+)*(?:通知公告|公示公告|通知通告|公告公示|政策文件|政策法规|政策解读)"
)
#: A numbered section's heading (`三、下一步改进措施`, `(一)…`): inside the document, not its title, unless it is the
#: headline right above the page's dating line (a list's item on a page of its own: `三十一、光荣院建设`).
_SECTION_HEADING = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）])")
_AGENCY_END = r"(?:政府|办公厅|办公室|委员会|局|厅|委|办|部|署|院|会|中心|所|站|处)"
_AGENCY = re.compile(rf"[{HAN}()（）]{{2,40}}{_AGENCY_END}")
_PLACE = re.compile(rf"^[{HAN}]{{1,8}}?(?:省|市|自治区|区|县|州|盟|旗)")
_HEADER_ISSUER = re.compile(rf"([{HAN}]{{2,30}}?)(?:文件|令)(?:第\d+号)?")
_TITLE_ISSUER = re.compile(r"^(.+?)(?:关于|印发|转发)")
_DATE_LINE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")
_BYLINE_DATE = re.compile(
    r"^[\s•·\-*]*(?:[\u4e00-\u9fff]{0,4}(?:新闻|要闻|动态|资讯|快讯))?(\d{4}-\d{1,2}-\d{1,2})"
    r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s|$|(?=[\u4e00-\u9fff]))|\s|$)"
)  # also after a news column's name, the source run into the time (`时事新闻2024-03-07 05:35:23无忧百科`)

#: A date alone on its line under the headline, with dots or slashes (`2023.01.12`, `2021/3/3 10:20`): the page's date.
_DATE_ALONE = re.compile(r"\s*(\d{4}[./]\d{1,2}[./]\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*")
#: A date with the time of day on a line of the page's head, alone or between a column's and a place's short names
#: (``- 2024年02月08日 15时28分``, ``政务   2025-01-09 15:09   甘肃``): when the page was put up; the time tells it
#: from a deadline or a day in the body.
_STAMPED_DATE = re.compile(
    r"[\s•·\-*]*(?:(?![^\s]*(?:时间|日期|截止|会议|报名|活动|开始|结束))[\u4e00-\u9fff]{1,6}\s+)?(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2})日?\s*"
    r"\d{1,2}\s*[:时]\s*\d{2}(?:\s*分|\s*:\s*\d{2})?(?:\s+[\u4e00-\u9fff]{1,6})?\s*"
)

#: Site navigation and page furniture that stand above a title: never part of it.
_NAVIGATION = re.compile(
    r"^(?:您(?:现在)?(?:的|所在的)?(?:当前)?位置|当前位置|首页\s*[/>＞»›]|热搜|关怀版|无障碍|字体|打印|分享).*"
    # search boxes, screen-reader hints and app banners (`精确检索`, `正文内容区域请使用tab按钮切换浏览`)
    r"|^(?:精确|高级|站内|全文)?(?:检索|搜索)$|^开始(?:检索|搜索)$|.*(?:tab|Tab|TAB)\s*(?:键|按钮).*|.*切换浏览.*"
    r"|^返回(?:顶部|完整页面|首页|列表)$|^[\u4e00-\u9fff]{1,8}APP$"
    # the site section's name under the site's (雁江区民政局, `基层政务公开` of 增城)
    r"|^(?:政府|基层)?(?:信息|政务)公开(?:目录|专栏|平台|专题)?$"
    r"|.*[>»›＞].*[>»›＞].*"  # a breadcrumb of three or more parts, whatever opens it
    # share buttons (`分享 微信`, `微博 空间 qq`) and a site's motto (`生态立县·创新活县·旅游富县·产业强县`)
    r"|^(?:(?:分享到?|微信|微博|空间|[Qq]{2}|QQ空间|头条|朋友圈|收藏|打印|关闭)[\s:：|]*)+$"
    r"|^(?:[\u4e00-\u9fff]{2,8}[·•]){2,}[\u4e00-\u9fff]{2,8}$"
    r"|^[\u4e00-\u9fff]{3,8}\s*[·•]\s*[\u4e00-\u9fff]{3,8}$"  # (`专业做养老 · 用心为老人`)
    # a menu bar (`首页 新闻中心 信息公开 政务服务 …`) and a site's widgets (`智能问答 关闭`, `你还可以输入40`)
    r"|^首页(?:\s+[\u4e00-\u9fff]{2,6}){2,}\s*$|^智能问答.*|^你还可以输入.*"
    # a skip link (`跳转到路径导航栏`), a menu of short words (`新闻源 财富源`), an index number printed without its colon
    r"|^网友评论.*|^跳转到.*|^(?:您的)?(?:浏览器)?不支持\s*(?:Flash|flash|JavaScript|javascript).*|^(?:[\u4e00-\u9fff]{2,4}\s+)+[\u4e00-\u9fff]{2,4}$|^(?!.*(?:关于|通知|办法|意见|方案|的))(?:[\u4e00-\u9fff\w\-]{2,8}\s+){3,}[\u4e00-\u9fff\w\-]{2,8}$|^索\s*引\s*号\s*[:：]?\s*[\w/.\-]+$"
)
_MARKDOWN_MARK = re.compile(r"^\s*#{1,6}\s+|^\s*<!--.*?-->\s*$")
#: A title line may open with its 文号 (``朝民函〔2023〕59号 关于…的函``).
_LEADING_DOC_NUMBER = re.compile(rf"^\s*({_DOC_NUMBER.pattern})(?:\s+(?=\S)|(?=关于))")
#: A code alone on its line (``HCSD01-2023-0006``, ``02165835-001/2023-80815``): never part of a title.
_CODE_LINE = re.compile(r"\s*[A-Za-z0-9][A-Za-z0-9\-_/.]{5,}\s*")
#: A 文号 alone on its line, perhaps with the reply's grade after it (``自民函〔2024〕37号(A类)``).
#: (``平民字〔2020〕10号A类   同意公开``: the grade unbracketed, then the page's disclosure status)
_DOC_NUMBER_LINE = re.compile(
    rf"\s*({_DOC_NUMBER.pattern})\s*(?:[(（]?[A-Da-d]类[)）]?)?\s*(?:(?:同意|主动|依申请)公开)?\s*"
)
#: The site's column in 【】 before a title (``【养老服务补贴】乌拉特前旗…发放情况``): not part of the title.
_LABELLED_NUMBER_PREFIX = re.compile(rf"^\s*(?:文\s*号|发文字号)\s*[:：]?\s*{_DOC_NUMBER.pattern}\s*")
#: A news flash opens with its headline in 【】 run into its text (`【上海市政府批复同意《…》】财联社8月18日电,…`).
_FLASH_HEADLINE = re.compile(r"【(?P<t>[^【】\n:：]{13,80})】(?=\S)")
_COLUMN_TAG = re.compile(r"^\s*【[^【】\d]{1,12}】\s*(?=\S)")
#: A validity printed after the title in brackets (``…的通知(有效)``, ``(已失效)``): the page's, not the title's.
_TITLE_VALIDITY = re.compile(r"\s*[(（]\s*(?:(?:现行)?有效|(?:已|全部|部分)?(?:失效|废止))\s*[)）]\s*$")
#: A date printed after the title in brackets (``…的通知 ( 2025-01-27 )``): the page's publication date.
#: A 文号 in brackets at the end of a title (`重庆市璧山区民政局关于…建议的复函(璧民函〔2024〕37号)`).
_FORWARDED = re.compile(r"转发|印发")
_TITLE_DOC_NUMBER = re.compile(rf"\s*[(（]\s*({_DOC_NUMBER.pattern})\s*[)）]\s*$")
_TITLE_DATE = re.compile(r"\s*[(（]\s*(\d{4}-\d{1,2}-\d{1,2})\s*[)）]\s*$")
#: A title that names no document type still reads as one when it opens the page (``…发放信息``).
_PLAIN_TITLE = re.compile(
    r"(?:(?:图表|图解|视频|快讯|权威发布|一图读懂)[:：])?"  # a news headline's column (`图表:`)
    # or its place (`南宁:构建“五个体系”推动…`), never a label (`来源:`, `作者:`)
    r"(?:(?!来源|作者|时间|日期|发布|信息|编辑|责任|浏览|点击|字号|访问|索引|文号|主题)[\u4e00-\u9fff]{2,4}[:：])?"
    r"[^。，,；;:：!?！？|<>#]{6,60}(?:[?？](?:[(（][^()（）]{1,12}[)）])?)?"
)  # a news headline may ask
#: The office and the date signed on one line at the end (a table cell's, `…局(县城市执法管理局) 2024年7月12日 |`).
_SIGNATURE_LINE = re.compile(
    rf"\s*(?P<agency>[{HAN}]{{2,30}}{_AGENCY_END})(?:[(（][^()（）]{{1,20}}[)）])?\s+"
    r"(?P<date>\d{4}年\d{1,2}月\d{1,2}日)\s*\|?\s*"
)
#: The office and the date signed inside a line, after the body's last sentence: a notice's cover (`…认真贯彻执行。
#: 大连市普兰店区人民政府办公室 2024年7月30日 (此件公开发布)`) or a page whose attachment follows on the line
#: (`仙居县民政局 2022年12月9日 附件 …`).
_INLINE_SIGNATURE = re.compile(
    rf"(?:^|[。!！])\s*(?P<agency>[{HAN}]{{2,30}}{_AGENCY_END})\s+(?P<date>\d{{4}}年\d{{1,2}}月\d{{1,2}}日)"
    r"\s*(?=[(（]此件[^()（）]{0,8}[)）]|附件|\||$)"
)
#: A picture's credit (`新华社发 程硕 制图`, `记者 张三 摄`): never a title.
_CREDIT_LINE = re.compile(
    r"\s*(?:记者|通讯员|特约摄影|[\u4e00-\u9fff]{2,6}社发)[^。，,:：]{0,16}?(?:制图|供图|摄影|摄)\s*"
)


#: Empty table cells after a line's text (`关于下拨…的通知 | ||`): a layout's, not the text's.
_EMPTY_CELLS_AFTER = re.compile(r"(?<=[^\s|])\s*\|[\s|]*$")


#: A byline or an info line that dates the page (`发布时间:2022-03-01 10:25:19 来源:…`, `索引号:… 发布时间:…`).
#: A page's counter line, its date before its count of views (`文字:[大][中][小] 2022/9/20    浏览次数:1797`): its byline.
_VIEWS_LINE = re.compile(
    # (`\d\d{3}`, not `\d{4}`: a pattern that opens with a class is searched by jumping from digit to digit)
    r"(\d\d{3}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?)[^\n，,。]{0,30}?(?:浏览|点击|阅读|访问)(?:次数|量|数)\s*[:：]"
)
_DATING_LABEL = re.compile(r"(?:发布|发表|公开|成文|更新)(?:时间|日期)\s*[:：]\s*\d{4}")
_DATING_LINE_START = re.compile(
    r"\s*日期\s*[:：]\s*\d{4}|\s*时间\s*[:：]\s*\d{4}-"
    # (a news byline that gives the outlet, then the date: `作者:   来源: 九江新闻网  2019-01-28`)
    r"|\s*(?:作者\s*[:：][^\n]{0,20}?)?来源\s*[:：][^\n:：]{0,30}?\d{4}-\d{1,2}-\d{1,2}\s*$"
    # (or the date and time first, then the source or the outlet: `2021-04-28 11:00 来源:惠州日报 浏览:`,
    # `2017-09-22 08:00:02 无忧保`)
    r"|\s*\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?\s+(?:来源\s*[:：]|[^\s:：\d]{2,12}\s*$)"
)


def _is_dating_line(line: str) -> bool:
    """A byline or info line that dates the page: a dating label anywhere, or a line that opens as one.

    (Three searches where one of the alternatives of all three was: the line-opening ones are tried at the start
    only, the others by jumping to their first characters, not at every character of a paragraph.)"""
    return bool(_DATING_LABEL.search(line) or _DATING_LINE_START.match(line) or _VIEWS_LINE.search(line))


#: A headline that gives its news after a colon (`海口调整高龄老年人长寿补贴发放标准:90至99周岁老年人提高至400元/人/月`):
#: a title only right above the page's dating line.
_HEADLINE_WITH_COLON = re.compile(r"[^。，,；;:：!?！？|<>#\d]{6,40}[:：][^。，,；;:：!?！？|<>#]{4,40}")


#: A reporter's byline (`记者 张三 通讯员 李四`) or a table's row (`3 王五 男 南关社区 200`): never the headline.
_BYLINE_OR_ROW = re.compile(r"记者|通讯员|(?:\S+\s+){3,}\S*\d")
#: A news headline in two parts (`助餐补贴温暖老人“舌尖”,多样政策精准守护“夕阳红”`): a title only right above the dating line.
#: (after its place, `陕西:到2022年底,未央将新建社区养老服务站77个,新增养老床位1100张`)
_COMMA_HEADLINE = re.compile(
    r"(?:[\u4e00-\u9fff]{2,4}[:：])?[^。，,；;:：!?！？|<>#]{4,30}(?:[，,][^。，,；;:：!?！？|<>#]{4,30}){1,2}"
)


def _title_above_byline(raw_lines: list[str], raw_text: str, title: str | None) -> str | None:
    """A headline stands right above the line that dates the page (`特困家庭再扶助(独生子女死亡再扶助)` /
    `发布时间:2022-03-01 … 来源:…`): it is the title when the title found otherwise stands below that line (a table's
    header, a section's heading) or none was found."""
    at = next(
        (
            i
            for i, line in enumerate(raw_lines[:30])
            # (or a date alone on its line, day first: `顺义奖补养老服务机构` / `08.12.2014 14:18`)
            if _is_dating_line(line) or _DAY_FIRST_DATE_LINE.fullmatch(line)
        ),
        None,
    )
    if not at:
        return title
    above = next((line for line in reversed(raw_lines[:at]) if line), "")
    # (a title joined from short lines is looked for by its opening)
    below = title is None or not 0 <= raw_text.find(title[:4]) < raw_text.find(raw_lines[at])
    # (or far above it, among a sidebar's teasers: `黄金宝:2017年要过去了` sixteen lines above the headline and its
    # `时间:2017-12-28 12:06来源:新华社`)
    far = (
        title is not None and raw_text.count("\n", raw_text.find(title[:4]), raw_text.find(raw_lines[at])) > 8
    )
    if (
        # (a heading inside the text is no headline over a title found above it: `三、时间安排` over `日期:2023年3月10日…`)
        (below or (far and not _SECTION_HEADING.match(above)))
        and (
            _PLAIN_TITLE.fullmatch(above)
            or _COMMA_HEADLINE.fullmatch(above)
            or (_HEADLINE_WITH_COLON.fullmatch(above) and not is_metadata_line(above))
        )
        and not (_NAVIGATION.match(above) or _NOT_TITLE.fullmatch(above) or _CREDIT_LINE.fullmatch(above))
        and not _BYLINE_OR_ROW.search(above)
        and not _AGENCY.fullmatch(above)
    ):
        return above
    return title


#: A headline followed by a site's name or its tags, each after a bar (``老年餐厅预计10月中旬将全部实行运营|天天速读``,
#: ``无锡出台养老护理员入职奖励政策 奖励标准居全省首位|护理员|无锡|奖励``): the headline.
_TAGGED_HEADLINE = re.compile(rf"(?P<head>[^|\n]{{8,60}}?)(?:\s*\|\s*[{HAN}A-Za-z][^|\n\d]{{0,7}}){{1,6}}\s*")


def title_lines(lines: list[str]) -> list[str]:
    """Lines as a title may be read from them: markdown marks, a leading 文号 and trailing tags taken off."""
    out = []
    for line in lines:
        line = _EMPTY_CELLS_AFTER.sub("", _MARKDOWN_MARK.sub("", line))
        tagged = _TAGGED_HEADLINE.fullmatch(line)
        if tagged and not re.search(r"[:：]", tagged.group("head")):
            line = tagged.group("head")
        out.append(_LEADING_DOC_NUMBER.sub("", line))
    return out


def find_title(lines: list[str], values: frozenset[str] = frozenset()) -> str | None:
    """The first line, or run of up to four short lines, that reads as a title (ends in 通知, 答复, 方案 …).

    Navigation lines are skipped, and a line holding only an agency name is not joined to the
    ``关于…`` line under it (the agency is the issuer, the title starts with 关于). Nor are the values of
    metadata labels (`values`) or codes without a Chinese character (``HCSD01-2023-0006``): a label
    printed above its value leaves the value on a line of its own."""
    # such a line becomes a `|`, which no title crosses
    lines = [
        "|" if line.strip() in values or _CODE_LINE.fullmatch(line) else line for line in title_lines(lines)
    ]
    for i, line in enumerate(lines):
        if (
            _NOT_TITLE.fullmatch(line)
            or "|" in line
            or _NAVIGATION.match(line)
            or _SECTION_HEADING.match(line)
        ):
            continue
        if _AGENCY.fullmatch(line) and i + 1 < len(lines) and lines[i + 1].startswith("关于"):
            continue
        joined = ""
        for part in lines[i : i + 4]:
            if joined and part.startswith("关于"):
                break  # a title starts at 关于: the line above it is the site's or the issuer's, not the title's
            if (
                re.search(r"[。，,；;:：!?！？|]", part)
                or _NOT_TITLE.fullmatch(part)
                or _NAVIGATION.match(part)
            ):
                break
            joined += part
            if _TITLE_LINE.fullmatch(joined):
                return joined
    for line in lines[:6]:  # no typed title: the first plain line that opens the page
        if (
            line
            and _PLAIN_TITLE.fullmatch(line)
            and not (_NAVIGATION.match(line) or _NOT_TITLE.fullmatch(line) or _CREDIT_LINE.fullmatch(line))
            and not _SECTION_HEADING.match(line)
            and not _PUBLISHER_LINE.fullmatch(
                line
            )  # a signature or the site's name, not what the page is about
        ):
            return line
    return None


def as_published(title: str | None, raw_text: str) -> str | None:
    """`title`, read from the cleaned text, with the characters the raw text prints.

    `clean_text` makes full-width digits, letters and brackets ASCII; the contract keeps a
    title as the issuer published it. The title is aligned with the raw text (whitespace and
    line breaks there are skipped) and each character is taken from the raw text; when no
    alignment is found the title is returned as it is.

    >>> as_published("实施方案(2024—2026年)", "实施方案\\n（２０２４—2026年）")
    '实施方案（２０２４—2026年）'
    """
    if not title:
        return title
    first = title[0]
    for start, ch in enumerate(raw_text):
        if normalize_chars(ch) != first:
            continue
        out, i, j = [], 0, start
        while i < len(title) and j < len(raw_text):
            norm = normalize_chars(raw_text[j])
            if norm == title[i]:
                out.append(raw_text[j])
                i += 1
            elif norm.strip():
                break
            j += 1
        if i == len(title):
            return "".join(out)
    return title


#: ``时间:2022-04-03来源:朝阳市民政局``, ``日期: 2020-12-28``, ``发布日期:2023-09-13 09:40 信息来源:区社会发展局``
_BYLINE = re.compile(
    r"(?:^|\s)(?:发布)?(?:时间|日期)\s*[:：]\s*[\[【［]?(?P<date>\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?)"
    rf"(?:[^\n]*?(?:信息)?来源\s*[:：]\s*(?P<source>[{HAN}]{{1,30}}?{_AGENCY_END}))?"
)
#: A date that opens a line, followed by the page's source (``2012年05月31日 来源: 上海普陀``): the byline.
_DATED_SOURCE = re.compile(
    # (the time may follow the date closely, and a bar the time: `2021年10月14日13:09 | 来源:新疆日报`)
    r"^\s*(?P<date>\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?)(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
    r"(?:\s+|\s*\|\s*)(?:信息)?来源\s*[:：]"
    rf"\s*(?P<source>[{HAN}]{{1,30}}?{_AGENCY_END})?"
)
#: The page's source, then the date and time it was put up (``来源:县政府办 2021-04-20 16:34``): the byline.
_SOURCE_THEN_DATE = re.compile(
    rf"(?:^|\s)(?:信息)?来源\s*[:：]\s*(?P<source>[{HAN}]{{1,30}}?{_AGENCY_END})\s+"
    r"(?P<date>\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?)"
)
#: A source that is no agency (a news outlet, a wire), then the date (``作者:   来源: 新华北京  2019-06-13``): the
#: date of publication only.
_OUTLET_SOURCE_THEN_DATE = re.compile(
    r"(?:^|\s)(?:信息)?来源\s*[:：]\s*[^\s:：\d|]{2,20}\s+(?P<date>\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?)"
)
#: A newspaper's byline without labels: its name, then the date (``柳州日报  2021-07-26``).
_OUTLET_THEN_DATE = re.compile(
    rf"\s*(?P<source>[{HAN}]{{2,10}}?(?:日报|晚报|早报|报|新闻网|电视台))\s+"
    r"(?P<date>\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?)(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*"
    r"(?:(?:大字|中字|小字|字号|打印|关闭|分享)\s*)*"  # (the page's widgets after it: `池州日报 2018-09-18 08:27 大字`)
)
#: A date written day first, alone on a line with its time (``30.01.2015  04:21``): the page's date.
_DAY_FIRST_DATE_LINE = re.compile(
    r"\s*(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*"
)
#: A news item's dateline names its paper (``兰州晚报讯(记者朱浩源)``): the outlet.
# (with the day, or as 消息: `烟台融媒6月27日讯`, `四川在线消息 近日,…`)
_DATELINE_OUTLET = re.compile(
    rf"^\s*(?:本报讯|([{HAN}]{{2,10}}?(?:日报|晚报|早报|报|新闻网|在线|融媒|网|社)))"
    # (a wire's place and day: `新华网长春7月31日电`)
    rf"(?:[{HAN}]{{2,4}}(?=\d))?(?:\d{{1,2}}月\d{{1,2}}日)?(?:讯|消息|电)"
)
#: A reporter's credit in brackets after the body (`(宝鸡日报记者韩晓磊)`): the paper that published the report.
_CREDIT_OUTLET = re.compile(
    rf"[(（]([{HAN}]{{2,10}}?(?:日报|晚报|早报|报|新闻网))(?:记者|通讯员)[^()（）\n]{{0,20}}[)）]\s*$", re.M
)  # (at a paragraph's end, not a source quoted in the body: `…受到关注(农民日报记者王芳)。`)
#: A credit in brackets that closes a news item's paragraph (`(和顺县老龄办胡红梅)`, `(江陵县民政局社会福利科)`,
#: `(文/和顺县民政局 胡红梅)`, `(县民政局供稿)`): `_credited_office` reads the office that sent the report (sets 19, 23, 36).
_BODY_CREDIT = re.compile(rf"[(（](?:文\s*[/／|｜:：]\s*)?([{HAN}][{HAN}\s]{{1,40}})[)）][。.]?\s*$")
_OFFICE_END = re.compile(r"人民政府|政府|办公厅|办公室|委员会|局|厅|委|办")
#: What may follow the office in a credit: its section, its writer, 供稿.
_CREDIT_TAIL = re.compile(rf"(?:[{HAN}]{{1,8}}(?:科|股|处|中心|站))?\s*(?:[{HAN}]{{2,3}})?\s*(?:供稿)?")
#: Brackets that name an office without crediting it: a reference, a role, a photo, who leads a task.
_NOT_A_CREDIT = re.compile(
    r"^(?:具体|详见|参见|参照|见|来自|来源|作者|据|由|经|请|向|按|依|根据|摘自|转自|引自|联系)"
    r"|牵头|负责|配合|供图|提供|发布|主办|承办|协办|通知|文件|(?:局长|主任|科长|书记|厅长|县长|市长)$"
)
#: A head line that gives the date and time the page was put up, then the outlet that put it up, with its widgets
#: (`2015-08-27 14:05 达州日报 A+ A-`, `http://www.sina.com.cn  2011年01月08日05:31  都市快报`,
#: `时事新闻2024-03-07 05:35:23无忧百科`; sets 3, 21, 35). Before the date, a site's address or a column's name only.
_DATED_OUTLET_LINE = re.compile(
    r"(?:\S*\.(?:com|cn|net|org)\S*\s+|[^\d\n:：]{0,6})"
    r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?\s*"
    rf"([{HAN}]{{2,10}}?(?:日报|晚报|早报|快报|商报|时报|都市报|导报|新闻网|新闻|客户端|网|电视台|百科|在线))"
    r"(?:\s*(?:A\+|A-|【[^】\n]{0,12}】|大字|中字|小字|字号|打印|关闭|分享到?[:：]?))*\s*"
)
#: The page's source named anywhere on a line of the head (``浏览:0 来源:贡山县民政局``).
_SOURCE_ANYWHERE = re.compile(
    rf"(?:^|\s|[(（])(?:信息)?来源\s*[:：]\s*([{HAN}]{{2,30}}?{_AGENCY_END})(?=\s|$|[)）])"
)  # (or in brackets at the body's end: `(来源:青岛市黄岛区老龄办)`)
#: The enactment lines of a regulation: ``2021年8月6日 绍兴市第八届人民代表大会常务委员会第三十九次会议通过``.
_ENACTMENT = re.compile(
    rf"(?P<date>\d{{4}}年\d{{1,2}}月\d{{1,2}}日)\s*(?P<body>[{HAN}]{{2,12}}?(?:第[{HAN}]{{1,4}}届)?"
    rf"人民代表大会(?:常务委员会)?)第[{HAN}\d]{{1,6}}次(?:全体)?会议[^\n]{{0,80}}?(?:通过|批准|修正|修订)"
)
#: The agency that opens a title before its year (``海安市民政局2023年民生实事项目…``).
_TITLE_AGENCY_YEAR = re.compile(rf"^([{HAN}]{{2,20}}?{_AGENCY_END})(?=\d{{4}}年)")
#: A government office credited as a page's author or editor (``作者: 大连中山区民政局``, ``责任编辑:抚松县民政局``): the
#: office that put the page up (not a media centre that edits for it, ``编辑:崇信县融媒体中心``).
_AUTHOR_OFFICE = re.compile(
    rf"(?:^|\s)(?:作者|责任编辑)\s*[:：]\s*([{HAN}()（）]{{2,30}}?(?:人民政府|政府|办公厅|办公室|委员会|局|厅|委|办))(?=\s|$|[^{HAN}])"
)
#: The site's sponsor in the page footer: the issuer only when nothing else names one.
_SPONSOR = re.compile(rf"主办单位\s*[:：]\s*([{HAN}]{{2,30}}?{_AGENCY_END})(?=\s|$|[^{HAN}])")
#: An agency that publishes, with its place (`仁怀市民政局`, `陆良县人民政府`): not a place's institution
#: (`长沙市第一社会福利院`) nor a headline's subject (`我市首家…中心`).
_PUBLISHER_LINE = re.compile(
    rf"\s*(?![我本全各]){_PLACE.pattern.removeprefix('^')}[{HAN}()（）]{{0,30}}?"
    r"(?:人民政府|政府|办公厅|办公室|委员会|局|厅|委|办)\s*"
)
#: A line of the page head that holds only an agency (``• 陆良县人民政府`` in a byline list, ``湖南省财政厅网站``
#: under a headline, ``张家港市人民政府`` in an unlabelled field list): who published the page.
_AGENCY_LINE = re.compile(rf"[•·\-*\s]*([{HAN}()（）]{{2,40}}?{_AGENCY_END})(?:门户)?(?:网站|网)?\s*")
#: A breadcrumb that starts at the site's owner, not at 首页 (``当前位置: 重庆市江津区民政局>政务公开>…``): a
#: department's own site, the issuer when nothing else names one.
_BREADCRUMB_OWNER = re.compile(
    rf"^(?:您的|您当前|您现在的)?(?:当前)?位置\s*[:：]\s*([{HAN}]{{2,30}}?{_AGENCY_END})\s*[>＞»›/]"
)
#: A news site named as the first step of its breadcrumb (``您的位置:医药网首页 > 医药资讯 > …``), or on a line of its own
#: under the page's date (``- 2019-10-30 10:14`` / ``- 中新网``): the outlet.
_BREADCRUMB_OUTLET = re.compile(
    rf"^(?:您的|您当前|您现在的)?(?:当前)?位置\s*[:：]\s*([{HAN}]{{2,10}}?(?:网|报|台))(?:首页)?\s*[>＞»›/]"
)
_OUTLET_LINE = re.compile(rf"^\s*[-*•·]?\s*([{HAN}]{{2,10}}?(?:网|(?<![简通周月快情汇])报|台|社))\s*$")
#: A news page's outlet (``来源:湖北日报``, ``来自:证券时报网``): who published a report, when no agency is named.
#: Who a page says announces it: `本次公告由…发布` at its end, `近日,…发布消息` opening a news item.
_ANNOUNCED_BY = re.compile(
    rf"(?:由([{HAN}]{{2,30}}?{_AGENCY_END})(?:负责)?(?:发布|公布)[。.]?\s*$"
    rf"|^\s*(?:近日|日前)[,，]\s*([{HAN}]{{2,30}}?{_AGENCY_END})(?:发布消息|发布通知|发布公告))"
)
_NEWS_OUTLET = re.compile(
    rf"(?:^|\s|[^{HAN}])(?:本文|文章)?(?:来源|来自)\s*[:：]\s*"
    # (or a government's news account, `西安发布`, or a site named by its domain, `Beijing.Cn`)
    rf"([{HAN}]{{2,10}}?(?:报|网|台|社)|[{HAN}]{{2,4}}发布|[A-Za-z][A-Za-z0-9-]{{1,20}}(?:\.[A-Za-z]{{2,4}})+)"
    rf"(?=\s|$|[^{HAN}]|字号|点击|浏览|作者|编辑|责任编辑|打印|关闭|分享|收藏)"
)


def _credited_office(line: str) -> str | None:
    """The office a line's closing credit names (see `_BODY_CREDIT`), the longest name that leaves only its
    section, writer or 供稿 after it (`和顺县老龄工作委员会办公室`, `和顺县委老干部局`)."""
    m = _BODY_CREDIT.search(line)
    content = m.group(1).strip() if m else ""
    if not content or _NOT_A_CREDIT.search(content):
        return None
    for end in sorted((x.end() for x in _OFFICE_END.finditer(content)), reverse=True):
        office, rest = content[:end].strip(), content[end:]
        if " " not in office and _PLACE.match(office) and _CREDIT_TAIL.fullmatch(rest):
            return office
    return None


def enactment(raw_text: str) -> tuple[str | None, str | None]:
    """Issuer (the legislature that passed it, without its term) and date (of the last enactment line)."""
    found = list(_ENACTMENT.finditer(raw_text[:3000]))
    if not found:
        return None, None
    body = re.sub(r"第[\u4e00-\u9fff]{1,4}届", "", found[0].group("body"))
    return body, normalize_date(found[-1].group("date"))


def _stacked_labels(lines: list[str]) -> dict:
    """Labels printed on a line of their own with the value on the next (``发文机构`` / ``隆阳区…办事处``)."""
    fields: dict = {}
    for label_line, value in zip(lines, lines[1:], strict=False):
        label = "".join(_without_bullet_lead(label_line).split())  # (`- 发文日期` / `- 2024-07-01 14:47:54`)
        field = METADATA_LABELS.get(label) or {"日期": "published_date"}.get(label)
        if not field or field in fields:
            continue
        value = _without_bullet_lead(value).strip()
        if not value:
            continue
        if field.endswith("_date"):
            value = normalize_date(value)
        elif field == "doc_number":
            value = normalize_doc_number(value) if _DOC_NUMBER.fullmatch(value) else None
        elif field in ("issuer", "source"):
            value = value if _AGENCY.fullmatch(value) else None
        if value:
            fields[field] = value
    return fields


def _agencies(text: str) -> list[str]:
    """Agency names in a title prefix or signature (``广州市民政局 广州市财政局`` → both)."""
    # (a title that cites another's, `《杭州市民政局 杭州市财政局关于…》的政策解读`: from inside its brackets)
    return [part for part in re.split(r"[\s、，,《]+", text) if _AGENCY.fullmatch(part)]


#: Values of 来源 / 发布机构 / ContentSource that say nothing about who issued the document.
NO_ISSUER = frozenset(
    {"本网", "本站", "本网站", "网站", "原创", "转载", "NULL", "null", "None", "无", "未知", "佚名"}
)


def _agency_part(value: str) -> str:
    """A label's value up to the page furniture after it (`巴州区民政局 【字体:`): the agency it names."""
    # (and the date and time after it: `县政府办 2021-04-20 16:34`)
    head = re.split(r"\s*(?:【|\[|字体|字号|点击|浏览|\d{4}\s*[-/.年])", value.strip(), maxsplit=1)[0].strip()
    return head or value.strip()


_NEXT_LABEL = re.compile(r"^[\u4e00-\u9fff]{2,6}\s*[:：]")
#: An update stamp with a two-digit year (`最后更新:22-10-04 07:38:03`): the page's date when it gives no other.
_SHORT_YEAR_UPDATE = re.compile(r"(?:最后)?更新(?:时间|日期)?\s*[:：]\s*(\d{2})-(\d{1,2})-(\d{1,2})(?![\d-])")


def _issuer(candidates: list[str | None]) -> str | None:
    """First candidate; a short form (``民政局``, ``市人民政府``) gives way to a full name ending with it."""
    names = [_agency_part(c) for c in candidates if c and c.strip() and c.strip() not in NO_ISSUER]
    # (a value that is only a placeholder, `来源: NULL  2016-01-19`, or the next label, `来源: 最后更新:22-10-04`)
    names = [n for n in names if n and n not in NO_ISSUER and not _NEXT_LABEL.match(n)]
    if not names:
        return None
    chosen = names[0]
    if not _PLACE.match(chosen):
        # (`市政府办公室` is the short form of `连云港市人民政府办公室`)
        full = re.sub(r"(?<!人民)政府", "人民政府", chosen)
        for other in names[1:]:
            if other.endswith((chosen, full)) and len(other) > len(chosen) and _PLACE.match(other):
                return other
    return chosen


class Rule(NamedTuple):
    """One rule of a table: its name, pattern, what it yields and an example from a real document."""

    pattern: re.Pattern[str]
    doc_type: str
    why: str


def _rule(pattern: str, doc_type: str, why: str) -> Rule:
    return Rule(re.compile(pattern), doc_type, why)


#: A notice that issues or forwards another document: classify the enclosed one (group `inner`).
ISSUING = re.compile(r"(?:印发|转发|颁布|公布|发布)(?P<inner>.+?)的(?:通知|通告|公告|决定)$")

#: Checked in order against the title (replies) or the enclosed document's title (the rest);
#: the first rule that matches gives the type, else `other`.
DOC_TYPE_RULES: list[Rule] = [
    _rule(
        r"^(?!.*关于)[^《“\"]{2,20}?(?:印发|出台|发布|批复同意)(?!.*(?:通知|通告|公告|决定|令)$)",
        "other",
        "a headline reporting an issuance or an approval (云南印发“十四五”老龄事业发展和养老服务体系规划, 上海市政府批复同意"
        "《…专项规划》): a report, not the plan",
    ),
    _rule(
        r"提案.*(?:答复|复函|回复|办理情况|办理结果)|(?:答复|复函|回复).*提案",
        "proposal_reply",
        "对…第N号提案的答复 (政协 proposal)",
    ),
    _rule(
        r"建议(?!书).*(?:答复|复函|回复|办理情况|办理结果)|(?:答复|复函|回复).*建议(?!书)",
        "suggestion_reply",
        "对…第N号建议的答复 (人大 suggestion; a 项目建议书 is a project's proposal, not a legislator's)",
    ),
    _rule(r"(?:方案|计划|规划|行动|工作要点)$", "work_plan", "工作方案, 行动计划, 发展规划"),
    _rule(
        r"民生实事(?:项目)?(?:清单|计划|安排)?$",
        "work_plan",
        "a yearly list of livelihood projects (2026年政府民生实事项目); its progress reports end otherwise",
    ),
    _rule(r"(?:措施|意见|若干政策|政策)$", "policy_measures", "若干措施, 实施意见"),
    _rule(
        r"(?:政策|措施)(?:清单|汇编)$",
        "policy_measures",
        "a list of a place's support policies (大田县养老服务扶持政策措施清单(2022年))",
    ),
    _rule(r"(?:办法|细则|规定|条例|规则|政府令|令(?:第\d+号)?)$", "rules", "办法, 细则, 规定, 条例, 政府令"),
    _rule(
        r"(?:通知|通告|公告|公示)$", "notice", "a notice (or public announcement) that encloses no document"
    ),
]
_TRAILING_QUALIFIER = re.compile(
    r"\s*[(（](?:试行|暂行|修订|修正|征求意见稿|草案|\d{4}[^()（）]{0,8})[)）]\s*$"
)


def classify_doc_type(title: str | None) -> str:
    """Document type from the title by `DOC_TYPE_RULES`.

    >>> classify_doc_type("关于印发广州市老年人助餐配餐服务管理办法的通知")
    'rules'
    """
    if not title:
        return "other"
    title = re.sub(r"\s+", "", title)
    subject = title
    issuing = ISSUING.search(title)
    if issuing:
        subject = issuing.group("inner").replace("《", "").replace("》", "")
    subject = _TRAILING_QUALIFIER.sub("", subject.rstrip("》"))
    for rule in DOC_TYPE_RULES:
        if rule.pattern.search(title if rule.doc_type.endswith("_reply") else subject):
            return rule.doc_type
    return "other"


# ---------------------------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------------------------


def _trimmed_title(title: str | None) -> tuple[str | None, str | None, str | None]:
    """A title without what pages print after or before it (a date, a validity, a column's tag, a labelled 文号); the
    文号 written in brackets after it (`…第80号建议的复函(璧民函〔2024〕37号)`: the document's number) and the date."""
    if not title:
        return title, None, None
    title_date = _TITLE_DATE.search(title)
    dated = normalize_date(title_date.group(1)) if title_date else None
    if title_date:
        title = title[: title_date.start()]
    validity = _TITLE_VALIDITY.search(title)
    if validity:
        title = title[: validity.start()]
    if _COLUMN_TAG.match(title):
        title = _COLUMN_TAG.sub("", title, count=1)
    if _LABELLED_NUMBER_PREFIX.match(title):  # `文号 永民〔2023〕301号` joined to the title below it
        title = _LABELLED_NUMBER_PREFIX.sub("", title, count=1)
    numbered = _TITLE_DOC_NUMBER.search(title)
    if numbered and not _FORWARDED.search(title, 0, numbered.start()):
        # (a forwarding notice's bracket names what it forwards, `关于转发《…意见》的通知(国办发〔2019〕5号)`: kept)
        return title[: numbered.start()].rstrip() or None, normalize_doc_number(numbered.group(1)), dated
    return title or None, None, dated


def extract_metadata(raw_text: str, page_fields: dict | None = None, cleaned: str | None = None) -> dict:
    """Metadata of one document from its raw text (before `clean_text`) and its page's fields.

    Returns every key of `FIELDS`; a field the document does not give is None. Dates are ISO,
    文号 uses 〔〕 around the year. Page fields win over the text, except for the issuer (see the
    module docstring). `cleaned`, when the caller has it, is `clean_text(raw_text)`: passing it
    saves cleaning the document twice.
    """
    page = {k: v for k, v in (page_fields or {}).items() if v not in (None, "")}
    labelled = parse_labelled_fields(raw_text)
    raw_lines = [line.strip() for line in raw_text.split("\n")[:60]]
    for name, value in _stacked_labels(raw_lines).items():
        labelled.setdefault(name, value)
    lines = (clean_text(raw_text) if cleaned is None else cleaned).split("\n")
    head = lines[:40]
    enacted_by, enacted_on = enactment(raw_text)
    byline_match = (
        next((m for m in map(_BYLINE.search, raw_lines[:20]) if m), None)
        or next((m for m in map(_DATED_SOURCE.match, raw_lines[:20]) if m), None)
        or next((m for m in map(_SOURCE_THEN_DATE.search, raw_lines[:20]) if m), None)
        or next((m for m in map(_OUTLET_THEN_DATE.fullmatch, raw_lines[:10]) if m), None)
    )

    values = frozenset(v for v in labelled.values() if isinstance(v, str))
    flash = _FLASH_HEADLINE.match(raw_text.lstrip())
    title = (
        page.get("title")
        or labelled.get("title")
        or (flash.group("t") if flash else None)
        or as_published(find_title(head, values), raw_text)
    )
    title, titled_number, titled_date = _trimmed_title(_title_above_byline(raw_lines, raw_text, title))

    doc_number = normalize_doc_number(page.get("doc_number")) or labelled.get("doc_number")
    leading = next((m for m in map(_LEADING_DOC_NUMBER.match, head[:6]) if m), None)
    if not doc_number and leading:
        doc_number = normalize_doc_number(leading.group(1))
    if not doc_number:
        for i, line in enumerate(head[:15]):
            numbered = _DOC_NUMBER_LINE.fullmatch(line)
            if numbered:
                doc_number = normalize_doc_number(numbered.group(1))
                break
            order = _ORDER_NUMBER.fullmatch(line + (head[i + 1] if i + 1 < len(head) else ""))
            if order:
                doc_number = order.group(1) + re.sub(r"\s", "", order.group(2))
                break

    if not doc_number and title:
        # `点击下载:怀民〔2023〕135号关于下拨…的通知.doc`: the number the page's own file gives its title
        filed = re.search(
            rf"(?:下载|附件)[^\n《》]{{0,6}}?({_DOC_NUMBER.pattern})\s*{re.escape(title)}"
            rf"|({_DOC_NUMBER.pattern})\s*{re.escape(title)}\.(?:docx?|pdf|wps|ofd)",
            raw_text,
        )
        doc_number = normalize_doc_number(filed.group(1) or filed.group(2)) if filed else None

    doc_number = doc_number or titled_number  # (the page's own 文号 lines first)
    date_lines = [i for i, line in enumerate(lines) if _DATE_LINE.fullmatch(line)]
    signed_date = normalize_date(lines[date_lines[0]]) if date_lines else None
    signer = None
    if date_lines and date_lines[0] > 0:
        signers = _agencies(lines[date_lines[0] - 1])
        signer = signers[0] if signers else None
    signature = None if date_lines else next(filter(None, map(_SIGNATURE_LINE.fullmatch, lines[-8:])), None)
    if not date_lines and not signature:
        signature = next(filter(None, map(_INLINE_SIGNATURE.search, lines[:10] + lines[-8:])), None)
    if (
        signature
    ):  # `宁陕县住房和城乡建设局(县城市执法管理局) 2024年7月12日 |`: the office and date on one line
        signer, signed_date = signature.group("agency"), normalize_date(signature.group("date"))

    header_issuer = None
    for line in head[:10]:
        match = _HEADER_ISSUER.fullmatch(line) or _HEADER_ISSUER.fullmatch(line.split(" ")[0])
        if match and _AGENCY.fullmatch(match.group(1)):
            header_issuer = match.group(1)
            break
    title_issuer = None
    if title:
        prefix = _TITLE_ISSUER.match(title) or _TITLE_AGENCY_YEAR.match(title)
        agencies = _agencies(prefix.group(1)) if prefix else []
        title_issuer = agencies[0] if agencies else None
    sponsor = next((m.group(1) for m in map(_SPONSOR.search, raw_text.split("\n")[-15:]) if m), None)
    site_owner = next((m.group(1) for m in map(_BREADCRUMB_OWNER.match, raw_lines[:10]) if m), None)
    head_agency = next(  # with its place: a bare `区民政局` is a table's cell (a task's lead unit)
        (
            m.group(1)
            for m in map(_AGENCY_LINE.fullmatch, raw_lines[:15])
            if m and _PUBLISHER_LINE.fullmatch(m.group(1))
        ),
        None,
    )
    page_lines = raw_text.split("\n")
    announced = next(  # `本次公告由巴林左旗民政局发布`, `近日,青海省发展和改革委员会发布消息,…`
        (m.group(1) or m.group(2) for m in map(_ANNOUNCED_BY.search, page_lines[-6:] + page_lines[:2]) if m),
        None,
    )
    outlet = next(
        (m.group(1) for m in map(_NEWS_OUTLET.search, page_lines[:20] + page_lines[-15:]) if m), None
    ) or next((m.group(1) for m in map(_DATELINE_OUTLET.match, raw_lines[:12]) if m and m.group(1)), None)
    outlet = outlet or next((m.group(1) for m in map(_BREADCRUMB_OUTLET.match, raw_lines[:6]) if m), None)
    outlet = outlet or next(
        (m.group(1) for m in map(_DATED_OUTLET_LINE.fullmatch, raw_lines[:12]) if m), None
    )
    credit = _CREDIT_OUTLET.search(raw_text)
    outlet = outlet or (credit.group(1) if credit else None)
    outlet = outlet or next(
        (
            m.group(1)
            for i, m in enumerate(map(_OUTLET_LINE.match, raw_lines[1:8]), start=1)
            if m and _BYLINE_DATE.match(raw_lines[i - 1])
        ),
        None,
    )
    # `主办单位` names the office a reply page's head says handled it; in a site's footer it names the site's
    # owner, and at an event the organiser: only the head's is read, after the other labels
    host = parse_labelled_fields("\n".join(x for x in raw_lines[:15] if not _SITE_FOOTER.search(x))).get(
        "host_unit"
    )
    issuer = _issuer(
        [
            enacted_by,
            header_issuer,
            title_issuer,
            page.get("issuer"),
            labelled.get("issuer"),
            labelled.get("source"),
            next(
                (m.group(1) for m in map(_SOURCE_ANYWHERE.search, raw_lines[:10] + raw_lines[-12:]) if m),
                None,
            ),
            host,
            byline_match.group("source") if byline_match else None,
            signer,
            announced,
            next(
                (m.group(1) for m in map(_AUTHOR_OFFICE.search, raw_lines[:20] + raw_lines[-15:]) if m), None
            ),
            head_agency,
            sponsor,
            site_owner,
            outlet,
            next(filter(None, map(_credited_office, reversed(page_lines[-20:]))), None),
        ]
    )

    byline = None
    for line in raw_text.split("\n")[:20]:
        match = (
            _BYLINE_DATE.match(line)
            or _VIEWS_LINE.search(line)
            or _DATE_ALONE.fullmatch(line)
            or _STAMPED_DATE.fullmatch(line)
        )
        if match:
            byline = normalize_date(match.group(1))
            break
    outlet_dated = next((m for m in map(_OUTLET_SOURCE_THEN_DATE.search, raw_lines[:20]) if m), None)
    day_first = next((m for m in map(_DAY_FIRST_DATE_LINE.fullmatch, raw_lines[:8]) if m), None)
    written_date = normalize_date(page.get("written_date")) or labelled.get("written_date") or signed_date
    published_date = (
        normalize_date(page.get("published_date"))
        or labelled.get("published_date")
        or titled_date
        or labelled.get("generated_date")
        or (normalize_date(byline_match.group("date")) if byline_match else None)
        or byline
        or (normalize_date(outlet_dated.group("date")) if outlet_dated else None)
        or (
            f"{day_first.group(3)}-{int(day_first.group(2)):02d}-{int(day_first.group(1)):02d}"
            if day_first
            else None
        )
        or labelled.get("issued_date")  # 发文日期, 签发日期: when the page dates its publication nowhere else
        or enacted_on
        or written_date
        or labelled.get("updated_date")
        or next(
            (
                f"20{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
                for m in map(_SHORT_YEAR_UPDATE.search, raw_lines[:12])
                if m
            ),
            None,
        )
    )

    return {
        "title": title,
        "doc_number": doc_number,
        "index_number": page.get("index_number") or labelled.get("index_number"),
        "issuer": issuer,
        "published_date": published_date,
        "written_date": written_date,
        "topic": page.get("topic") or labelled.get("topic") or labelled.get("category"),
        "validity": page.get("validity") or labelled.get("validity"),
        "doc_type": _reply_type(title, raw_text)
        or _doc_type_by_body(classify_doc_type(title), raw_text, title),
    }


#: A site's footer (`主办单位:天津市南开区人民政府办公室 网站标识码:…`), even where a short page puts it in its head.
_SITE_FOOTER = re.compile(r"网站标识码|ICP|备案号|公网安备|版权所有")


#: What a notice or a public announcement says of itself (`现将…公示如下`, `予以公示`, `特此通知`): the type of a page
#: whose title names none (or that has no title of its own in the text).
_NOTICE_BODY = re.compile(r"通知如下|特此通知|公示如下|予以公示|现予公示|特此公示|进行公示|公告如下|特此公告")


_NEWS_REPORT = re.compile(r"记者|通讯员|报讯|新闻发布会|召开[^。]{0,20}会议")


#: A body addressed to the units below (`各镇(街道)民政办:`, `各乡镇人民政府、街道办事处:`) at a line's start: a notice.
_ADDRESSED_TO_UNITS = re.compile(
    r"(?m)^[\s|]*各[^\n：:，,。；;|]{1,40}?(?:办|局|委|政府|办事处|街道|镇|单位|部门)[：:]"
)


#: What a document calls itself in its closing articles (`本细则由市人民政府办公室负责解释`, `本方案自2012年1月1日起实施`).
_SELF_NAMED = re.compile(r"本(?P<w>细则|办法|规定|条例|方案|规划|计划|意见|措施)(?:自|由|所称|适用|从|于|经)")
_SELF_NAMED_TYPES = {"细则": "rules", "办法": "rules", "规定": "rules", "条例": "rules", "方案": "work_plan"}
_SELF_NAMED_TYPES |= {
    "规划": "work_plan",
    "计划": "work_plan",
    "意见": "policy_measures",
    "措施": "policy_measures",
}


def _doc_type_by_body(by_title: str, raw_text: str, title: str | None = None) -> str:
    """`notice` for a page that announces itself as one or is addressed to the units below, unless it reports on a
    meeting or for a paper; else the kind of document it calls itself (`本细则由…负责解释`)."""
    if by_title != "other" or _NEWS_REPORT.search(raw_text[:800]):
        return by_title
    if _NOTICE_BODY.search(raw_text[:5000]) or _ADDRESSED_TO_UNITS.search(raw_text[:1500]):
        return "notice"
    self_named = None if title else _SELF_NAMED.search(raw_text)  # (a titled page said its kind in its title)
    return _SELF_NAMED_TYPES[self_named.group("w")] if self_named else by_title


#: A page that prints a proposal or suggestion under its own title (`案由: 关于…的建议`) and then the reply
#: to it (`现答复如下`, `办理情况`): the reply is the document.
_PROPOSAL_TITLE = re.compile(r"(?P<kind>提案|建议|议案)$")
_REPLY_WORDS = re.compile(
    r"(?:现|特)?答复如下|(?:办理情况|办理结果)\s*[:：]\s*[^\n]{0,12}?(?:代表|委员)\s*[:：]"
)


#: A reply whose page gives no title opens with its salutation (`何凤代表:`, `李峰委员:`, `陈代表:`).
_REPLY_SALUTATION = re.compile(r"\s*(?:尊敬的)?(?!各位)[\u4e00-\u9fff]{1,4}(?P<kind>代表|委员)\s*[:：]")


#: A reply without a title that opens by acknowledging the proposal it answers (`省军区:` / `《关于将军队医院纳入…的提案》
#: (20242047号)收悉。我厅办理意见如下`).
_QUOTED_PROPOSAL_RECEIVED = re.compile(r"《[^》\n]{2,80}(?P<kind>提案|建议)》[^。\n]{0,30}?收悉")


def _quoted_reply(raw_text: str) -> str | None:
    quoted = _QUOTED_PROPOSAL_RECEIVED.search(raw_text[:600])  # `《关于…的提案》(20242047号)收悉`
    if not quoted:
        return None
    return "suggestion_reply" if quoted.group("kind") == "建议" else "proposal_reply"


def _reply_type(title: str | None, raw_text: str) -> str | None:
    """`proposal_reply` / `suggestion_reply` for such a page (see `_PROPOSAL_TITLE`), or for a reply without
    a title that greets a deputy (代表: 人大 suggestion) or a member (委员: 政协 proposal); else None."""
    m = _PROPOSAL_TITLE.search(title or "")
    if not title:
        # (under the page's own lines: `发布时间:2024-06-14 14:48` / `访问次数:` / `陈代表:`)
        m = next(filter(None, map(_REPLY_SALUTATION.match, raw_text[:600].split("\n")[:12])), None)
        if m and re.search(r"收悉|答复如下", raw_text[:1000]):
            return "suggestion_reply" if m.group("kind") == "代表" else "proposal_reply"
        return _quoted_reply(raw_text)
    if not m and classify_doc_type(title) == "other":
        return _quoted_reply(
            raw_text
        )  # a title that is no title of the reply's (a contact line, a site's name)
    if not m or not _REPLY_WORDS.search(raw_text[:5000]):
        return None
    return "proposal_reply" if m.group("kind") == "提案" else "suggestion_reply"


# The patterns searched on each line of a page's head and foot (or on its whole text), each behind a test for the
# strings its every match holds (`literals.guarded`): most lines hold none of them (issue 16).
_NEWS_OUTLET = guarded(_NEWS_OUTLET)
_SOURCE_ANYWHERE = guarded(_SOURCE_ANYWHERE)
_AUTHOR_OFFICE = guarded(_AUTHOR_OFFICE)
_ENACTMENT = guarded(_ENACTMENT)
_SPONSOR = guarded(_SPONSOR)
_CREDIT_OUTLET = guarded(_CREDIT_OUTLET)
_ANNOUNCED_BY = guarded(_ANNOUNCED_BY)
_SOURCE_THEN_DATE = guarded(_SOURCE_THEN_DATE)
_OUTLET_SOURCE_THEN_DATE = guarded(_OUTLET_SOURCE_THEN_DATE)
_DATED_SOURCE = guarded(_DATED_SOURCE)
_BYLINE = guarded(_BYLINE)
_BREADCRUMB_OWNER = guarded(_BREADCRUMB_OWNER)
_BREADCRUMB_OUTLET = guarded(_BREADCRUMB_OUTLET)
_DATELINE_OUTLET = guarded(_DATELINE_OUTLET)
_STAMPED_DATE = guarded(_STAMPED_DATE)
_CREDIT_LINE = guarded(_CREDIT_LINE)
_NOT_A_CREDIT = guarded(_NOT_A_CREDIT)
_SITE_FOOTER = guarded(_SITE_FOOTER)
_VIEWS_LINE = guarded(_VIEWS_LINE)
_DATING_LABEL = guarded(_DATING_LABEL)
