"""Cleaned text → quantitative targets (规划目标、配置标准).

A target is a figure the document commits to reach (`到2025年底,社区养老设施等级评定率达到90%`)
or a standard it sets going forward (`每百户不少于20平方米`, `半径1公里内`). Reported
achievements (`目前已建成236个`), ages, fines, time limits, money and numbers inside
names are not targets (DATA_CONTRACT.md, "How rows are counted").

The extractor is a pure function of the text. It works on a *normalized view* of the
text (full-width punctuation made ASCII, stray spaces between CJK characters and PDF page
markers dropped) and maps every position back, so each row's `quote` is an exact
substring of the text it was given and `text[start:end] == quote` always holds.

How a figure is judged, in order:

1. A *quantity* is a number with a unit from `UNITS` (`90%`, `1000张`, `1-2个`,
   `三分之一`, `一刻钟`). A number whose unit is in `NOT_TARGET_UNITS` (元, 岁, 年,
   个工作日, 条 …) or that an `EXCLUSIONS` rule matches (第N, 每百户, 前10, 1+5 …) is
   dropped. A number inside 《…》 or 〔…〕 is never read.
2. The *tense* of its clause (the text between `,;:`) decides whether it is planned:
   `FORWARD_CUES` (计划, 力争, 将 …) and a deadline year not before the document's year
   make it forward; `PAST_CUES` (已, 截至, 目前, 累计, 了 …) and years before the
   document's year make it a report. A clause with no cue of its own inherits the tense
   of the clauses before it in the sentence; a sentence that reports and plans nothing
   is a report throughout. A bracketed aside (`62家(今年底实现全覆盖)`) keeps its cues and its
   deadline to itself, and a sentence opening with a past reporting date (`截至2019年底,`)
   stays a report for its untensed clauses. A Chinese-numeral count after 评选/评出/选出/推选
   is a selection quota (`每个省评选一个优秀单位`), like a nomination quota (推荐).
3. A figure in a clause with no tense at all needs an *anchor* to count: a comparator
   (`不少于`, `以上`, `达到` …), a commitment verb (`COMMITMENT_VERBS`: 建成, 新增,
   推进 …), an allocation norm (`NORMS`: 每百户, 每个街道建有 …), a radius standard or a
   normative modal (`应当`); a bare `签约率92.6%` is left out as doubtful. Norms count even in a sentence that reports their adoption.
   Chinese-numeral counts (`一所`, `两个`) need a comparator, a norm or a deadline.
4. The deadline is the latest time expression (`DEADLINES`) before the figure in its
   sentence; in a `|`-separated table a column headed `2022年工作目标` gives the year.
   Failing that, a following clause that opens with a deadline (`新增1000张,2025年底前完成`),
   a lead-in line ending in `:` (`到2025年,…具体目标是:` over `——` items), or the year of a
   yearly work plan's title (`2024年…工作要点`) gives it.
5. Context beyond the sentence (`_Context`): a section heading (`SECTION_TENSES`: 下一步工作,
   主要任务 → forward; 工作开展情况, 发展基础 → past) and a forward lead-in (`下一步,我局将…:`)
   give their tense to untensed sentences under them. Conditions (`对…三家以上…的,给予奖励`,
   clauses ending in `的`), forecasts (`老年人口预计将达到…`) and norms merely reported
   (`每千名老年人拥有养老床位38张`, no 规定/标准) are not targets. `累计` is a cumulative goal
   after a plan cue or a deadline still to come, otherwise a report.
6. Indicator tables (`指标名称 | 单位 | 2020年 | 2025年`) give bare cells of target-year columns
   the unit of their row's 单位 cell, or of a bracket ending the row name (`养老床位总数(万张)`) or
   the column header (`2025年底前(个)`); baseline columns (before the document's year) are reports.
   In a task list a cell that is only a time (`| 12月底前 |`) is the deadline of its row.
7. A paragraph opening with `到2025年,` gives that year to its later sentences; a yearly plan's
   title (`…工作要点`, `关于做好2025年…工作的通知`) to its undated tasks. Neither applies to
   standards (`每百户…平方米`, `每月…1次`, fund shares), which keep no deadline unless their own
   sentence gives one. Problems (`存在的困难和问题`) are reports; weights in an assessment
   (`考评结果占比20%`) are not targets. A section headed by a year before the document's
   (`一、2023年工作总结`) is a report; items under a lead-in that lists the conditions to apply for
   money (`申请补贴的…应当具备下列条件:`) and legal definitions (`本办法所称…是指`) are thresholds.

Conventions: a bare year (`到2022年`, `2022年,完成…`) is the end of that year
(`2022-12-31`); `上半年` is `06-30`; a month is its last day; `"十四五"期间` / `末` is
`2025-12-31` (十三五 → 2020). `每年` (recurring) clears a deadline stated in the same
sentence, but not a table column's year. `今年`/`年内` need `document_year`; without it
the row is kept with no deadline. When `document_year` is not given, the year of the
latest full date written in the text (signature, publication line) stands in for it,
but only to tell reports (`2019年…投入`) from plans.

Units are normalized by `UNITS`, as the data contract lists them: `㎡`/`平米` → `平方米`,
`千米`/`km` → `公里`, `张床位` → `张`, `名` → `人` (a count of people is in 人 however it is
counted); `人次` stays (visits, not people); a 个 that counts families is 户
(`为120个低保困难老年人家庭`, `COUNTERS_BY_NOUN`); `N万人` is multiplied out. Shares written
as fractions (`三分之一`, `百分之五十五`, `千分之二`) are percentages. Money is not a target (it
belongs in the subsidies table), except the size of an industry (`银发经济规模突破5000亿元`, `ECONOMIC_SCALE`).
"""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass, replace

from yanglao.extract import prefilter
from yanglao.extract.numbers import (
    ARABIC_NUMBER,
    CHINESE_NUMBER,
    THOUSANDS_SEPARATOR,
    parse_fraction_percent,
    parse_number,
)
from yanglao.literals import FirstCharacterScan, guarded, literal_openings, scanned
from yanglao.textmap import PositionMap, SparseTranslation

# ---------------------------------------------------------------------------
# Rules as data
# ---------------------------------------------------------------------------

# Units a target may have: (pattern right after the number, normalized unit).
UNITS: list[tuple[str, str]] = [
    (r"%", "%"),
    (r"个百分点", "百分点"),
    (r"平方米|平米|㎡|m²|m2", "平方米"),
    (r"公里|千米|km", "公里"),
    (r"分钟", "分钟"),
    (r"人次", "人次"),
    (r"张床位|张", "张"),
    (r"个", "个"),
    (r"家", "家"),
    (r"户", "户"),
    (r"所", "所"),
    (r"名", "人"),
    (r"人", "人"),
    (r"次", "次"),
    (r"篇", "篇"),
    (r"支", "支"),
    (r"场次", "场次"),
    (r"场", "场"),
    (r"台", "台"),
    (r"处", "处"),
    (r"座", "座"),
    (r"米", "米"),
    (r"套", "套"),
]

# A counter whose normalized unit follows from the noun it counts: (unit, noun ending, unit).
COUNTERS_BY_NOUN: list[tuple[str, str, str]] = [
    ("个", r"家庭$", "户"),
]

# Units that count only after an Arabic figure: `一套制度`, `一套标准` are words, `1万套` counts.
ARABIC_ONLY_UNITS = {"套"}

# Words after a number that make it something other than a target: durations and
# procedural limits, ages, money, dates, document and policy counts, grades, ordinals.
NOT_TARGET_UNITS = (
    r"个(?:月|工作日|小时|季度|年度|方面|部门|领域|环节|维度|阶段|批次|专项|重点)"
    r"|工作日|小时|周岁|岁|年|月|日|天|周|元|角|号|届|期|批|类|项|条|款|份|级|倍|页|分|星|大"
)

# A unit followed by these characters is the start of another word (`一张图`, `家庭`,
# `所有`, `户籍`, `个人`, `次年`), not a unit.
UNIT_WORD_CONTINUATIONS: dict[str, str] = {
    "张": "图",
    "家": "庭属政具用",
    "所": "有需在属得谓",
    "户": "籍外型口",
    "个": "人性体案",
    "名": "称单义录额",
    "次": "年数性",
    "人": "口民员才",
    "处": "理置罚",
    "场": "所地景馆景合",
    "支": "持付出撑柱部配援",
    "台": "账阶湾风区",
    "套": "餐用路",
}

# Measure words that are otherwise not units (`15条政策`) but count things when the noun after
# them says what (`打造10条以上适老旅游精品线路`).
COUNTED_NOUNS: dict[str, str] = {
    "条": r"[^,;:。]{0,12}?(?:线路|路线|步道|通道|专线|街区|街巷|热线)",
}

# Comparators written after the quantity (they win over those before it).
COMPARATORS_AFTER: list[tuple[str, str]] = [
    (r"及以上|以上|之上", "gte"),
    (r"及以下|以下|以内|之内|内", "lte"),
    (r"左右|上下", "approx"),
]
# Comparators written before the quantity, in the same clause and after any earlier figure.
COMPARATORS_BEFORE: list[tuple[str, str]] = [
    (r"不少于|不低于|不小于|不得少于|不得低于|至少|超过|突破|多于|高于|大于|≥|>=|>", "gte"),
    (r"不超过|不高于|不大于|不多于|不得超过|控制在|少于|低于|≤|<=|<", "lte"),
    (r"大约|约(?=为?$)", "approx"),
]
# Words that only restate the figure (`达到90%` is `eq`) but anchor it as a target.
EQ_WORDS = r"达到|达|稳定在|保持在|提高到|提高至|提升到|提升至|增加到|增加至|增至|扩大到|扩大至"

# Standards of service radius / travel time (`15分钟养老服务圈`, `半径1公里内`) are `lte`.
# The measure may also come before the figure (`步行15分钟`, `服务半径3公里`).
RADIUS_BEFORE = r"(?:步行|半径|车程|骑行|路程)(?:约|不超过|在)?$"
RADIUS_SUFFIX = r"[^,;:。]{0,10}?圈|[^,;:。]{0,20}?[\"”]?[\u4e00-\u9fff]{0,8}服务圈|内|以内"

# Time expressions: (regex, kind). Tried in this order at each position.
FIVE_YEAR_PLANS = {"十一五": 2010, "十二五": 2015, "十三五": 2020, "十四五": 2025, "十五五": 2030}
YEAR = r"((?:19|20)\d{2})"
DEADLINES: list[tuple[str, str]] = [
    (r"[\"“]?(十一五|十二五|十三五|十四五|十五五)[\"”]?(?:规划)?(?:期间|时期末|时期|期末|末)", "plan_period"),
    (rf"{YEAR}年?(?:-|—|~|至|到){YEAR}年", "year_range"),
    (rf"(?:自|从)?{YEAR}年(?:\d{{1,2}}月)?(?:\d{{1,2}}日)?(?:起|以来|开始)", "since"),
    (rf"{YEAR}年(\d{{1,2}})月(?:(\d{{1,2}})日)?(?:底|末)?", "month"),
    # (not the year of a budget: `落实2024年中央预算内投资1.72亿元,支持…` names the money's year, no deadline)
    (
        rf"{YEAR}年度?(上半年|下半年|年底|年末|底|末)?"
        r"(?!度?(?:中央|省级|省|市级|县级|区级)?(?:预算|财政|专项资金|彩票|福彩|资金|投资|补助资金))",
        "year",
    ),
    (
        r"今年内?|本年度|本年内?|(?<![一二三四五六七八九十两几\d])年内|当年|(?<=力争|争取|确保|计划)全年"
        r"|(?<![一二三四五六七八九十两几\d])年(?:底|末)(?:前|以前|之前)",
        "this_year",
    ),
    (r"(?<![\d年月])(\d{1,2})月(?:底|末|份|中旬|上旬|下旬)?(?=前|以前|之前)", "this_month"),
    (r"明年", "next_year"),
    # `年均增长10%` is an average over the period to the deadline, so it keeps the deadline.
    (r"每年|每年度|逐年", "each_year"),
]

# An aside that only dates the words before it (`近期(到2025年)规划总量指标为:`): a deadline of the sentence.
DATING_ASIDE = re.compile(r"\(\s*(?:到|至)\s*(?:19|20)\d{2}\s*年(?:底|末)?\s*\)")

# What makes a day's date a deadline (`2024年12月31日前`, `…日起`, `…日止`), read right after it.
DAY_DEADLINE_AFTER = re.compile(r"\s*(?:前|以前|之前|起|止|为止|底|完成|到期)")
# …or right before it (`到2025年12月31日,…`, `力争2025年6月30日全面建成…`, `计划于2025年12月31日建成…`).
DAY_DEADLINE_BEFORE = re.compile(r"(?:到|至|于|在|力争|争取|确保|计划|预计)\s*$")
# A sentence that opens with the day something happened (`2024年3月7日备案成立…`, `7月16日备案成立…`): a report.
EVENT_DAY_OPENING = (
    r"^(?:(?:19|20)\d{2}\s*年)?\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?!\s*(?:前|以前|之前|起|止|为止|到期))"
)

# Clause cues. A forward cue wins over a past cue in the same clause.
FORWARD_CUES = (
    r"计划(?!生育)|力争|争取|预计|(?<![模虚])拟(?!定)|确保|下一步|今后|(?<!已)规划(?:建设|新建|建成|打造)|"
    r"(?:[市区县局省府们]|我们)将|"
    r"将(?:在|进一步|继续|持续|加大|加快|全面|逐步|重点|着力|大力|新建|建成|建设|完成|实现|推进|推动|"
    r"开展|出台|颁布|制定|建立|增加|提高|提升|按照|结合|主要|力争|打造|拥有|形成|新增)"
)
PAST_CUES = (
    # (not 已建成 as an attribute: `新建的住宅小区和已建成小区`, `已建成社区养老服务站改造提升后达标站点达到84个`; but
    # `已建成标准化改造的老年食堂42个` reports)
    r"已经|已(?!建成?的?(?:住宅|居住区|居住\(小\)区|小区|生活区|城区|老旧)|建成?的?[^,;:。\d]{2,20}?(?:改造|提升|升级|提质)+后)"
    r"|截至|截止|(?<![由从])目前|(?<![由从])当前|"
    r"(?<![造升用合活对托由从实发])现有|至今|迄今|先后|以来|年来|"  # not 实现有意愿…, 发现有
    r"近年|近几年|去年|上年|共有|还只有|仅有|尚只有|创历史新高|创新高(?!地)|位(?:于|居|列)全[国省区市州县]第[一二三四五六七八九十\d]+(?!梯队|方阵|方队|集团)|"
    r"(?<!力争)(?<!争取)成功(?=将|创建|建成|打造|申报|入选|举办|获批)|(?<![为除])了(?!解)|"
    # work in progress is reported, not promised (haian `400户适老化改造正在施工`, `…项目均在建设`); not as an
    # attribute (`正在建设的养老服务中心全部投入使用`), nor 在建成区, nor `改造建设中,` (in the course of)
    r"正在(?![^,;:。]{0,6}的)|在建(?![设成立的])|均在建设|施工中|(?<!改造)(?<!规划)建设中(?=[,;。]|$)"
)
# Totals (`累计建成1万张`, `我县共建设养老机构3家`): a report in a report, a cumulative goal after a
# deadline or a plan cue.
# A rise from one figure to another (`由500人增加到800人`) reports a change, or plans one after a plan cue.
WEAK_PAST_CUES = (
    r"累计|共计|合计|总计|共(?:建设|建成|建有|设立|开办|培训|完成|新增|发放)"
    r"|(?:由|从)(?:目前|现有|当前)?的?\d[^,;:。]{0,8}(?:增加|提高|提升|增长)(?:至|到)"
)
# A target stated as one (`项目目标任务为…建设627张家庭养老床位`) plans, unless its sentence reports that it was
# met (`…目标任务为建设500张…,实际建成520张,超额完成任务`, `年度目标是…1000张,已全部完成`) or it is an aside to a
# report (`超额完成年度目标任务(年度目标为250户)`).
STATED_TARGET = r"目标(?:任务)?(?:为|是)(?![^（()）]*[）)])"
TARGET_MET = r"已(?:全部)?完成|实际(?:建成|完成|新增)|超额|完成率|已达到|已建成"
# What money allocated supports, counted (`下达资金0.53亿元,按照户均3300元的标准支持1万户特殊困难老年人家庭适老化改造`,
# `落实…中央预算内投资1.72亿元,支持14个公办养老托育服务机构建设`): an output planned, in a clause with no tense of its own.
FUNDED_OUTPUT = r"(?:用于|标准)?支持\s*(?=[\d一二两三四五六七八九十]+\s*万?\s*(?:个|户|所|家|张|处|名|项))"
# Forecasts are not commitments: `老年人口预计将达到152万人`.
FORECAST_CUES = r"预计|预测|预估|预期将"
FORECAST_SUBJECTS = r"人口|老龄化|高龄老年人|老年人约|失能老年人约|人均预期寿命"

# Section headings (`一、工作开展情况`, `三、下一步工作`, `第一章 规划背景`) give their tense
# to the untensed sentences under them, until the next heading of the same level.
SECTION_HEADING = r"^(?:[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]{1,3}[章部分])"
SECTION_TENSES: list[tuple[str, str]] = [
    (
        r"下一步|今后|工作计划|工作打算|工作安排|主要任务|重点任务|发展目标|总体目标|主要目标|工作目标|目标任务",
        "forward",
    ),
    (
        r"工作开展情况|开展情况|基本情况|工作成效|主要成效|取得成效|取得的成效|主要做法|工作进展|进展情况|"
        r"落实情况|办理情况|发展基础|发展现状|规划背景|现状|主要成绩|工作回顾|工作总结|年度总结|"
        r"存在的困难|存在的问题|存在问题|困难和问题|问题和困难|问题与不足|存在的不足|面临的形势|面临的挑战|"
        # a numbered heading that names a state of affairs (`一、人数与资金支出情况`, `二、…目标完成情况分析`) reports it
        r"情况(?:分析|说明|汇报|报告)?\s*$|完成情况(?=[\s(（:：])",
        "past",
    ),
]
# A yearly work plan (`2024年全市养老服务工作要点`): its figures are that year's tasks.
ANNUAL_PLAN_TITLE = (
    # (a count may stand before the list's name: `2025年平凉市将办好这10件为民实事`)
    r"^[^\s。,;:《》]{0,20}?((?:19|20)\d{2})年度?(?:[^\s。,;:《》\d]|\d{1,2}(?=[件项个])){0,24}?"
    r"(?:工作要点|工作计划|重点工作|工作安排|任务清单|实施计划|工作的通知"
    # a yearly list of livelihood projects and its progress table (`…2023年民生实事项目实施进度表`)
    r"|民生实事项目[^\s。,;:《》\d]{0,8}|民生实事[^\s。,;:《》\d]{0,8}"
    # …and of a government's 实事 (`2012年市、区政府民政实事项目完成情况进度表(五月份)`)
    r"|(?:民政|为民|惠民|为老)实事(?:项目)?[^\s。,;:《》\d]{0,12})"
    # (a bracket may date the report: `…未完成项目进度表(截至10月31日)`)
    r"(?:\([^()]{0,12}\))?$"
)
# A yearly list's progress report: its numbered headings name the tasks, the lines under them report.
PROGRESS_TITLE = r"(?:完成情况|进展情况|推进情况|进度表|进度情况)(?:\([^()]{0,8}\))?$"
# A table of tasks and their progress written one cell per line, with or without `|` (haian `…实施进度表`:
# `序号 |` `实施内容 |` … `最新进度(8月24日) |`; xihu `序号` `重点工作任务(民生实事项目)` … `进展情况(一季度)`):
# the cells of its task columns (实施内容, 年度目标…) state tasks, the cells after them report on them.
PROGRESS_TASK_HEADER = r"实施内容|任务|目标|项目内容|建设内容|工作内容"
PROGRESS_HEADER = r"进度|进展|完成情况|推进情况|落实情况"
TABLE_NUMBER_HEADER = r"^\s*(?:序号|编号)\s*\|?\s*$"
ROW_NUMBER_CELL = r"^\s*\d{1,3}\s*\|?\s*$"
# A month's progress report on the year's list of livelihood projects, its title without a year.
MONTHLY_PROGRESS_TITLE = (
    # (not December's, often published in January of the next year)
    r"[^\s。,;:《》\d]{0,12}?(?:1[01]|[1-9])月份?[^\s。,;:《》\d]{0,8}?(?:民生工程|民生实事|实事项目)"
    r"[^\s。,;:《》\d]{0,6}?(?:进展|进度|完成|推进)情况$"
)
# A progress report's task, then how much of it is done, in one clause (`2个嵌入式养老机构建设已完成1个(50%)`):
# the figure before the progress is the task, not a report.
TASK_BEFORE_PROGRESS = (
    r"[^,;:。\d]{0,16}?已(?:完成|建成|开工|实施|落实|改造|新增|培训|开通)[^,;:。\d]{0,4}?\d"
)
# A statistics bulletin (`青川市2023年老龄事业发展统计公报`) reports: its sections are past unless
# their heading looks forward (`五、下一步工作`) (tests/data/fresh5).
REPORT_TITLE = (
    r"^[^\s。,;:《》]{0,40}?(?:统计公报|发展公报|监测公报|统计年报|统计年鉴"
    # a report of money paid out (`2024年第一季度高龄津贴发放情况`)
    r"|(?:资金|津贴|补贴|补助)(?:发放|使用|拨付)情况"
    # a news headline announcing results (`广西桂林养老服务工作有新成效`, `…养老服务工作成效显著`)
    r"|(?:有|取得|见)(?:新|显著|明显|积极)?(?:成效|成果|成绩)|成效(?:显著|明显)|成果丰硕)$"
)
# A lead-in that ends with a colon or comma (`到2025年,…。具体目标是:`) passes its deadline to the
# list items under it (`——…`, `1.…`).
LIST_ITEM = (
    r"^(?:——|—|-|\(?\d{1,2}[).、]|\x00|[①②③④⑤⑥⑦⑧⑨⑩]|[一二三四五六七八九十]是|\([一二三四五六七八九十]{1,3}\))"
)
# A table's row, as the page text writes its cells (`1 | 安康颐养项目:… |`).
TABLE_ROW = r"\S\s*\|\s*\S.*\|\s*$"
# A deadline after the figure (`新增床位1000张,2025年底前完成`) when its clause opens with it.
LATE_DEADLINE_CLAUSE = r"^(?:并|力争|争取|确保|于|在|到)?$"
LATE_DEADLINE_FOLLOW = r"^(?:前|以前|之前|底前|末前)|^(?:底|末)?(?:完成|实现|建成|全面|基本|全部|到位)"
# Conditions of eligibility or of a legal consequence (`对运营三家以上…的,给予奖励`,
# `确需改变的,应当…`): the figure is a threshold, not a target.
CONDITION_CLAUSE = r"的$"
# A clause that lists conditions after their label (`照料护理区改造条件:现有设施较好、…`): what it says of the
# present is a condition to meet, not a report that makes the sentence's figures past.
CONDITION_LABEL = r"(?:条件|前提)(?:是|为)?:\s*$"
CONDITION_OBJECT = r"^(?:对|凡|符合)[^,;:]*的"
CONSEQUENCE = r"给予|予以|处以|处\d|处[一二三四五六七八九十]|按照|按"
# A lead-in announcing the conditions to apply for money (`申请补贴的养老机构应当同时具备下列条件:`):
# the items under it are thresholds (`床位数不少于10张`), not targets. Conditions a site must meet
# (`长者饭堂的场地应当…具备以下条件:`) are standards and stay targets.
CONDITION_LEAD_IN = (
    r"(?:申请|申报|享受|补贴|补助|奖励|资助|扶持)[^:。]{0,30}"
    r"(?:具备|符合|满足|具有)[^,;:。]{0,6}(?:下列|以下|如下)[^,;:。]{0,6}条件"
)
# A legal definition (`本办法所称养老机构,是指…床位数在10张以上的机构`) describes, it sets no target.
DEFINITION = r"(?:办法|条例|规定|细则|意见|方案|通知|标准)所称"
# A rule or standard (办法, 条例, 标准): the clause sets a norm.
NORMATIVE_CUES = r"应当|必须|须|原则上|不得"

# Verbs before a figure that commit to producing it (anchor an untensed clause).
COMMITMENT_VERBS = (
    r"建成|建设|新建|改建|扩建|新增|增加|增设|培育|打造|建立|推进|推出|推动|完成|设置|设立|实现|形成|创建|"
    r"引进|建有|设有|拥有|配备|配建|配置|覆盖|改造|培养|达到|达"
)
# A project's design capacity (`西区养老服务中心项目总投资5612万元,…,设计养老床位300张`) is what it is to provide; an
# existing home's (`县中心敬老院…设计床位200张,现入住…`) is not: only in a sentence about a project.
DESIGN_CAPACITY = r"设计(?=[^,;:。]{0,6}(?:床位|规模|容量))"

# `对2000户特殊困难老年人家庭适老化改造`: a clause that opens with 对 and its figure, its verb at the end,
# commits to what it counts as a verb before the figure would.
OBJECT_THEN_VERB = re.compile(rf"(?:{COMMITMENT_VERBS}|实施|开展)\s*$")

# Allocation norms: a per-unit basis or a per-area requirement before the figure.
NORMS = [
    r"每(?:十|百|千|万|十万)(?:户|人|名|位|张)",
    r"每个[^,;:。]{1,16}?(?:建有|设有|配备|配建|配置|建成|设置|至少|均)",
    r"按照?[^,;:。]{0,12}标准配(?:建|置|备)",
]

# A frequency standard (`每月探访不少于1次`, `每年评估1次`): a norm for counts of 次.
FREQUENCY_NORM = r"每(?:年|月|周|季度?|半年)[\u4e00-\u9fff]{0,8}$"
# Words that state a norm as a rule even inside a report (`明确规定…每百户不少于20平方米`).
NORM_ADOPTION = r"规定|明确|要求|标准|应当|必须"

# Indicator tables (`指标名称 | 单位 | 2020年 | 2025年 | 指标属性`): bare figures in a target
# year's column take their unit from the 单位 column; baseline columns are reports.
TABLE_NAME_HEADER = r"指标|项目|名称"
TABLE_UNIT_HEADER = r"^(?:计量)?单位$"
TABLE_BASELINE_HEADER = r"基期|基数|基准|现状|现值|完成|实际"
TABLE_TARGET_HEADER = r"目标|规划|预期"
TABLE_CELL = (
    r"^(?P<before>≥|>=|>|≤|<=|<|不低于|不少于|不高于|不超过|约)?(?P<n>\d+(?:\.\d+)?)"
    r"(?P<after>以上|以下|左右)?$"
)

# Rules of an assessment or an application, not targets (tests/data/fresh3): a row of a scoring
# table (`| …健康管理率达到70%以上 | 20分 |`), a deduction rule (`每发现一处扣2分`), the number
# of candidates a unit may nominate (`每个街道推荐申报社区不超过3个`), the applicant's conditions
# (`申报社区…老年人口占比原则上在15%以上`), a person named to run a task (`明确1名分管领导负责`).
SCORE_CELL = r"^\s*\d+(?:\.\d+)?分\s*$"
SCORING_RULE = r"扣\s*(?:\d+(?:\.\d+)?|[一二三四五六七八九十]+)\s*分|扣分|加\s*\d+(?:\.\d+)?\s*分"
NOMINATION_QUOTA = r"推荐[^,;:。]{0,12}$"
# How many older people there are or will be (`据预测,到2025年,我市中心城区老年人将达23.79万人`, `纯老年人家庭人口数达7.48万人`):
# a population, no commitment (not those served: `服务老年人达10万人`).
POPULATION_BEFORE = (
    r"(?<!服务)(?<!惠及)(?<!覆盖)(?<!照护)(?<!救助)(?<!受益)(?<!培训)"
    r"(?:老年人口|老年人|老人|人口数|人口)(?:总数|数量|数)?(?:将|预计|已|已经|将会)?"
    r"(?:达到|达|为|有|超过|突破|增至|增加到)\s*$"
)
# What each place of a share has (`农村80%左右的乡镇拥有一处多功能的综合性居家养老服务中心`): the share is the target, the
# one each has is part of what it counts.
WHAT_A_SHARE_HAS = r"(?:\d+(?:\.\d+)?\s*%|百分之[\d一二三四五六七八九十]+)[^,;:。]{0,8}?的[^,;:。\d]{1,10}?(?:拥有|建有|设有|配有|配备)\s*$"
# Another body's selection procedure (`每个省评选一个优秀单位`): a quota, not a target (Chinese numerals).
SELECTION_QUOTA = r"(?:评选|评出|选出|推选)[^,;:。]{0,12}$"
# A bracketed aside (`62家(今年底实现全覆盖)`) keeps its tense and its deadline to itself.
ASIDE = r"\([^()\n]{0,60}\)"
# A sentence opening with a reporting date (`截至2019年底,…`) reports throughout its untensed clauses.
REPORT_OPENING = r"^(?:截至|截止)(?:到|至)?\s*((?:19|20)\d{2})年[^,;:]{0,8}[,;:]"
APPLICANT_SUBJECT = r"^(?:申报|申请)[^,;:。]{0,6}?(?:单位|社区|村|机构|主体|对象|人|项目|企业|组织)"
ASSIGNED_PERSON = r"(?:明确|确定|指定)$"
# Conditions in a rating or application rule (tests/data/fresh4): a sentence that opens with the
# applicant (`申请评定四星级以上的,床位数应在100张以上,…不低于60%`) lists thresholds; a figure that
# qualifies a class (`床位在100张以上的养老机构`) is a threshold too.
# A total shared out among places (xihu `其中北山街道1个,西溪街道1个,…`): each share is a part of the
# target before it, not a target of its own.
# The share a part takes of a total just counted (`其中…无偿提供的占94%`, `租赁的仅占6%`): a composition, reported.
PART_SHARE = r"的(?:仅|只|约)?占(?:比)?(?:为)?[\x00\s]*$"
PLACE_SHARE = (
    r"^(?:\x00|\s)*(?:其中)?(?:[\u4e00-\u9fff]{1,8}?(?:街道|镇|乡|社区|村|区|县)|城区|农村|城市|乡村)$"
)
# The number of those paid a standard amount (putian-chengxiang `2个居家养老服务照料中心,按照每个每年2万元标准
# 进行补助`): a count of recipients, not a target.
RECIPIENT_COUNT = r"[^，,。；;]{0,24}[，,]\s*(?:按照|按)每(?:个|家|所|处|座|人|户)[^，,。；;]{0,12}?元"
APPLICANT_CONDITION = r"^(?:第[一二三四五六七八九十百]+条\s*)?(?:申请|申报)[^,;:。]{0,20}的,"
CLASS_THRESHOLD_BEFORE = r"(?:数|量|规模)?(?:在|为)$"
# (or the money for the class right after it: `新建面积在750平方米及以上,给予50万到80万元的一次性建设补贴`)
CLASS_THRESHOLD_AFTER = r"^(?:及?以上|及?以下)?的[\u4e00-\u9fff]|^(?:及?以上|及?以下)\s*,\s*(?:给予|按照?|每)"
# A share that may (not must) go to a use (`村集体经济收入的10%左右可用于幸福院运营`) is a permission.
PERMITTED_SHARE = r"^(?:左右|以上|以下|以内)?(?:可|可以)(?:用于|投入)"
# A threshold to qualify for money (`日均供餐50人次以上方可申请运营补贴`) is a condition (fresh5).
QUALIFYING_THRESHOLD = (
    r"^(?:以上|以下|及以上|及以下|左右)?[^,;:。]{0,8}?(?:方可|才可|才能|方能)(?:申请|申报|享受|获得|领取)"
)
# A condition of those money is granted to (`对…全年平均入住率达到40%以上、本区户籍老年人达到入住人数70%以上的养老机构,每个
# 养老机构补贴10万元至70万元`): who qualifies, not a target.
GRANTED_CLASS_AFTER = (
    r"^(?:以上|以下|及以上|及以下)?(?:[、和及][^,;:。]{0,30}?(?:以上|以下))?的[^,;:。]{0,12}?"
    r"(?:机构|中心|老年人|老人|企业|组织|家庭)[,;]?[^,;。]{0,30}?(?:补贴|补助|奖励|资助|给予)"
)
# (only after the 对 that names them, with no clause between: `到2025年,60%以上的…中心实现社会化运营,对运营良好的给予奖励`
# is a target and its reward)
GRANTED_CLASS_OPENING = r"对(?:于)?[^,;:。]*$"
# A deputy's or member's proposal restated in a reply (`您在建议中提出,全区每个街道应至少建设3个…`,
# `关于您提出的每餐补贴提高到5元的建议`) is their wording, not the document's commitment.
DEPUTY_PROPOSAL = (
    r"(?:您|代表|委员)[^,;:。]{0,10}?提出的[^。;]{0,80}?的(?:建议|意见|提案|诉求)"
    r"|(?:您|代表|委员)(?:在[^,;:。]{0,10}?中)?(?:提出|建议|提议)[,:][^。]*"
)
# A share of money paid out in instalments (`每年发放三分之一`, `第一年拨付60%`) and the size of a
# price change (`调整幅度每年不超过5%`) are not targets.
DISBURSEMENT_SHARE = r"(?:发放|拨付|兑现|支付|下达)[^,;:。]{0,4}$"
PRICE_CHANGE = r"(?:调整|上调|上涨|涨价|提价)幅度"
# …but the pace at which a fund is spent is (`年底前资金支出进度达到90%以上`, huzhou `100%执行完毕`).
FUND_EXECUTION = r"(?:支出|执行|拨付|使用)(?:进度|率)"
# A travel time in the same clause as a service radius (`按照城市社区十五分钟、农村地区服务半径二公里的
# 要求布局`) is a service-radius standard too.
RADIUS_CONTEXT = r"半径|服务圈|生活圈"

# The size of an industry (`银发经济规模突破5000亿元`) is a target in 元; money paid out is a subsidy.
ECONOMIC_SCALE = (
    r"(?<!资金)(?<!基金)(?:规模|总产值|产值|增加值|营业收入|营收|交易额|销售额)"
    r"(?:达到|达|突破|超过|不低于|不少于|力争|实现|为|\s|\x00)*$"
)

# The weight of an item in an assessment (`考评结果占比20%`, `权重30%`) is not a target.
ASSESSMENT_WEIGHT = (
    r"(?:(?:考核|考评|评分|评价|测评)[^,;:。]{0,10}(?:占比|比重|分值)|权重)"
    r"(?:为|达|占|达到|不低于|不少于|不超过|不高于|约)?$"
)

# A paragraph that opens with a deadline (`到2025年,…更加健全。全省养老床位总数达到32万张…`), after any
# short topic label (`养老方面:到2025年底,…`, `托育方面:2025年底前,…`), gives it to the figures of its later
# sentences that have none of their own.
PARAGRAPH_DEADLINE = (
    # (after a label, or after who says it: `方案提出,到2025年,…`)
    r"^(?:\x00|\s)*(?:[^,:;。\d]{2,8}:|[^,:;。\d]{0,8}(?:提出|明确|要求|指出|表示)[,:])?"
    r"(?:(?:到|至)(?:19|20)\d{2}年(?:底|末)?|(?:19|20)\d{2}年(?:底|末)?(?:前|以前|之前))[,:]"
)

# A deadline that opens a clause of a sentence (`…整合片区资源,到2025年年底,…覆盖率总体达到65%。`, `…护理型养老床位,
# 2025年底前,…提高到60%以上。`) gives its year to the later sentences of the paragraph that have no time of their own
# (`…推动全市…农村幸福院数量不少于120所。`): a plan's goals go on under it, when it is the end of a five-year plan
# (2025 of 十四五); an interim year (`到2026年,…达标率达到80%。发展老年助餐服务,…覆盖率力争达到85%`) is that
# sentence's own (tests/data/unseen).
CLAUSE_DEADLINE = (
    r"(?:^|[,;:])\s*(?:(?:到|至)(?:19|20)\d{2}年(?:年?底|末)?|(?:19|20)\d{2}年(?:底|末)?(?:前|以前|之前))[,:]"
)
# …unless the later sentence says a time of its own, relative or partial (`力争五年内`, `用5年时间`, `上半年,`), or
# reports (`目前`, `已`). A sentence with a deadline of its own that opens no clause within it ends the carrying
# (`…到2028年底,…达到50个。社区助餐点达到300个`; tests/data/unseen linjiang-2021-plan: `到2025年,…达到5.8万张…。每个县(市)至少
# 建有1所…` keeps no deadline).
OWN_TIME = r"[\d一二三四五六七八九十两]+年(?:内|时间|左右)|上半年|下半年|今年|明年|年内|当年|目前|已经|已"

# A count of people in a sentence that reports a sum paid out to them (`本次发放…高龄津贴424万元,…共惠及7421名老人`,
# `现下拨…高龄津贴,共补助人数29794人,共计发放金额263.460万元`): who the payment reached, not a target (unless the
# sentence plans: FORWARD_CUES).
PAID_SUM = (
    r"(?:发放|下拨|兑付|拨付|支付|补助|惠及)[^。;]{0,40}?\d+(?:\.\d+)?\s*(?:余|多)?\s*[万亿]?元"
    r"|\d+(?:\.\d+)?\s*(?:余|多)?\s*[万亿]?元[^。;]{0,40}?(?:发放|下拨|兑付|拨付|惠及|送上|领取)"
)

# A table cell that is only a time (`| 12月底前 |`, `| 2025年底前 |`, `| 年内 |`) is the deadline of
# the figures in its row.
DEADLINE_CELL_TAIL = r"^(?:前|以前|之前|完成|底前|末前)?$"

# A unit in brackets at the end of a table's row name or column header (`养老床位总数(万张)`,
# `2024年底前(个)`): the unit of the bare figures in that row or column.
TABLE_UNIT_BRACKET = r"\((万)?([^()]{1,4})\)$"

# Rate nouns: a `%` right after one of these is worded as the rate itself (`…签约率`).
# A share of the places a thing reaches (`养老服务设施覆盖所有城市社区、90%以上乡镇和60%以上村`): what covers, and
# the level of place the share counts.
COVERAGE_SUBJECT = r"([^,;:。、和及与]{2,20}?)覆盖"
COVERED_LEVEL = r"(?:以上|以下)?的?(城市社区|农村社区|行政村|社区|乡镇|街道|村|县|区)"
RATE_NOUNS = r"率|比例|占比|比重|覆盖面|满意度"
# A rate named once, then a figure for each kind of place (`我省老年人意外伤害保险参保率,农牧区达到10%、城镇达到30%以上`):
# each figure measures that rate; the place is its scope, not its indicator (never `农牧区比例`).
PLACE_SPLIT_RATE = rf"(?P<n>[^,;:。]{{2,30}}?(?:{RATE_NOUNS}))\s*,\s*$"
SPLIT_PLACE = r"城市|城镇|城区|农村|乡村|农牧区|牧区|农村地区|城市社区|农村社区"
# Two rates that one figure is for (`…配套建设养老服务设施达标率、社区养老服务设施覆盖率均达到100%`): a target each.
SHARED_FIGURE = rf"^(?P<a>.{{2,30}}?(?:{RATE_NOUNS}))(?:、|和|及|与)(?P<b>.{{2,30}}?(?:{RATE_NOUNS}))$"
# The verb 实现 before a rate is the commitment, not part of the rate's name
# (`实现有意愿且符合条件的特困人员集中供养率100%` → 有意愿且符合条件的特困人员集中供养率).
# (实现 only: 达到 may be part of the name, `达到规定标准的居家养老服务设施比例`)
RATE_LEADING_VERB = r"^实现(?=[^，,。；;]{3,}(?:率|比例|占比|比重|覆盖面|满意度)$)"

# Money words: a share or fraction in a clause about costs, fees or subsidies is a
# subsidy rate or a price, not a target (`按照建设费用50%的标准`, `就餐费用的四分之一`).
MONEY_CONTEXT = (
    r"补贴|补助|资助|奖励|奖补|费用|租金|收费|价格|(?<!消)费|资金|经费|成本|工资|薪酬|优惠|报销|减免|折"
)
FUND_SHARE = r"用于"
# A fund whose share is set (`福彩公益金用于养老服务的比例不低于55%`).
FUND_WORDS = r"公益金|资金|经费|预算"

# Numbers that are never targets, by what stands right before them.
EXCLUSIONS_BEFORE = [
    (r"第\d*[届次]?$|第$|届$", "ordinal (第15届130次, 十三届四次会议)"),
    (r"前$", "rank (前10)"),
    (r"每$", "rate basis (每百户)"),
    (r"\+$", "name (1+5)"),
    (r"[之统唯逐万]$", "word (之一, 统一)"),
]
EXCLUSIONS_AFTER = [
    (r"^\+", "name (1+N)"),
    # a count of the aims listed before it (`…亿元以上企业和高新技术企业 五个翻番`, `两个确保`): a slogan, not a quantity
    (
        r"^\s*(?:个|项)?(?:翻番|提升|提高|确保|坚持|转变|突破|加强|强化|优化|到位)(?=[,;:。、\s]|$)",
        "count of a slogan's aims (五个提升)",
    ),
]
# The starting point of a rise (`养老护理员人数由500人增加到800人`): where the count stands, not the target.
RISE_FROM_BEFORE = r"(?:由|从)(?:目前|现有|当前)?的?\s*$"
RISE_TO_AFTER = r"^[^,;:。\d]{0,8}?(?:增加|提高|提升|增长|扩大|上升|增至|提至)(?:至|到)?"

# Scope: who the figure applies to, nearest before the figure in its sentence.
SCOPES = [
    r"(?:每个|所有)[\u4e00-\u9fff]{1,10}?(?:\([^)]{1,10}\))?(?=范围内|内|均|都|建有|设有|配备|至少|建成|建设|设立|拥有|有|选择|培训)",
    r"各(?:中心城区|区县|县\(市、区\)|县\(市\)|区\(县\)|区|县|市|乡镇\(街道\)|街道\(乡镇\)|街道|乡镇|社区|地)",
    r"全(?:市|省|区|县)(?![场域])",
    r"中心城区|外围城区|新城区|主城区|农村地区",
    r"新建(?:住宅|居住)(?:\(小\))?小?区",
]

# Words trimmed off the end of an indicator (`覆盖率力争达到85%` → 覆盖率) and verbs trimmed off its
# start (`改造提升乡镇敬老院15家` → 乡镇敬老院).
INDICATOR_TAIL_WORDS = r"力争|争取|确保|保持|要|将|按照?每个[\u4e00-\u9fff()]{1,10}"
INDICATOR_LEADING_VERBS = r"包含|包括|改造提升|提质改造|提升|升级|选择|组织开展|组织|培训|接入|累计建成|累计"

# Words trimmed off a clause to leave the indicator's noun phrase.
LEADING_WORDS = (
    r"力争|争取|计划|预计|确保|基本|全面|逐步|进一步|持续|初步|要|将|均|都|在|对|为|使|让|到|至|并且|并|且|同时|其中|"
    r"以|和|及|或者|或|我市|(?:我|本)[省区县](?!域)|我们|本市|全市|范围内|能够|可|可以"
)

# ---------------------------------------------------------------------------
# Compiled patterns
# ---------------------------------------------------------------------------

_NUM = rf"(?:{ARABIC_NUMBER}|{CHINESE_NUMBER})[万亿]?"
_UNIT_ALTERNATIVES = sorted(UNITS, key=lambda rule: -max(len(p) for p in rule[0].split("|")))
_TARGET_UNIT_RE = re.compile("|".join(f"(?P<u{i}>{p})" for i, (p, _) in enumerate(_UNIT_ALTERNATIVES)))
_NOT_TARGET_UNIT_RE = re.compile(NOT_TARGET_UNITS)
_AFTER_NUMBER = r"\d.零〇一二两三四五六七八九十百千万"
_QUANTITY_RE = re.compile(
    rf"(?P<frac>(?:[一二三四五六七八九十百千万两]+|\d+)分之(?:{CHINESE_NUMBER}|{ARABIC_NUMBER}))"
    rf"|(?P<quarter>一刻钟)"
    # (a number not right after a digit, a point or a numeral; the lookbehind after its first character)
    rf"|(?P<n1>(?:{prefilter.not_after(_AFTER_NUMBER, ARABIC_NUMBER)}"
    rf"|{prefilter.not_after(_AFTER_NUMBER, CHINESE_NUMBER)})[万亿]?)(?:\((?P<alt>{_NUM})\))?"
    rf"(?:(?P<pct1>%)?(?:-|~|—|–|至)(?P<n2>{_NUM}))?"
)
# (tried only where a figure or a deadline can start: both open with alternatives, which re tries at every character)
_QUANTITY_SCAN = FirstCharacterScan(_QUANTITY_RE)
_CHINESE_ONLY = re.compile(rf"^{CHINESE_NUMBER}[万亿]?$")
_QUANTITY_GATE = prefilter.quantity_gate(_TARGET_UNIT_RE.pattern, COUNTED_NOUNS)  # sentences that may yield
_AFTER_RE = re.compile("|".join(f"(?P<a{i}>{p})" for i, (p, _) in enumerate(COMPARATORS_AFTER)))
_BEFORE_RE = scanned(re.compile("|".join(f"(?P<b{i}>{p})" for i, (p, _) in enumerate(COMPARATORS_BEFORE))))
_EQ_RE = re.compile(EQ_WORDS)
_DEADLINE_RE = re.compile("|".join(f"(?P<d{i}>{p})" for i, (p, _) in enumerate(DEADLINES)))
_DEADLINE_SCAN = FirstCharacterScan(_DEADLINE_RE)
_TIME_GATE = prefilter.literal_gate([p for p, _ in DEADLINES])
_FORWARD_GATE = prefilter.literal_gate([FORWARD_CUES])
_PAST_GATE = prefilter.literal_gate([PAST_CUES])
_FORWARD_RE = scanned(re.compile(FORWARD_CUES))  # (searched by first characters: see literals)
_STATED_TARGET_RE = re.compile(STATED_TARGET)
_TARGET_MET_RE = re.compile(TARGET_MET)
_PAST_RE = scanned(re.compile(PAST_CUES))
_WEAK_PAST_RE = re.compile(literal_openings(WEAK_PAST_CUES))  # (opening with characters: see literals)
_FORECAST_RE = re.compile(FORECAST_CUES)
_FORECAST_SUBJECT_RE = re.compile(FORECAST_SUBJECTS)
_SECTION_HEADING_RE = re.compile(SECTION_HEADING)
_SECTION_TENSES = [(re.compile(p), tense) for p, tense in SECTION_TENSES]
_ANNUAL_PLAN_RE = re.compile(ANNUAL_PLAN_TITLE)
_REPORT_TITLE_RE = re.compile(REPORT_TITLE)
_PART_SHARE_RE = re.compile(PART_SHARE)
_PLACE_SHARE_RE = re.compile(PLACE_SHARE)
_RECIPIENT_COUNT_RE = re.compile(RECIPIENT_COUNT)
_PROGRESS_TASK_HEADER_RE = re.compile(PROGRESS_TASK_HEADER)
_PROGRESS_HEADER_RE = re.compile(PROGRESS_HEADER)
_ROW_NUMBER_CELL_RE = re.compile(ROW_NUMBER_CELL)
_TABLE_NUMBER_HEADER_RE = re.compile(TABLE_NUMBER_HEADER)
_PROGRESS_TITLE_RE = re.compile(PROGRESS_TITLE)
_TASK_BEFORE_PROGRESS_RE = re.compile(TASK_BEFORE_PROGRESS)
_DESIGN_CAPACITY_RE = re.compile(DESIGN_CAPACITY)
_TO_BE_BUILT = re.compile(r"项目|新建|拟建|建成后|投入使用|开工")
_MONTHLY_PROGRESS_RE = re.compile(MONTHLY_PROGRESS_TITLE)
_REPORT_ANCHOR = re.compile(r"截至|截止|(?<![由从])目前|(?<![由从])当前|以来|去年|上年|年来|至今")
_PROGRESS_DONE = re.compile(r"已(?:完成|建成|开工|实施|落实|改造|新增|培训|开通)")
_LIST_ITEM_RE = re.compile(LIST_ITEM)
_TABLE_ROW_RE = guarded(re.compile(TABLE_ROW))
_LATE_CLAUSE_RE = re.compile(LATE_DEADLINE_CLAUSE)
_LATE_FOLLOW_RE = re.compile(LATE_DEADLINE_FOLLOW)
_CONDITION_CLAUSE_RE = re.compile(CONDITION_CLAUSE)
_CONDITION_LABEL_RE = re.compile(CONDITION_LABEL)
_CONDITION_LEAD_IN_RE = re.compile(CONDITION_LEAD_IN)
_DEFINITION_RE = re.compile(DEFINITION)
_RADIUS_BEFORE_RE = re.compile(RADIUS_BEFORE)
_CONDITION_OBJECT_RE = re.compile(CONDITION_OBJECT)
_CONSEQUENCE_RE = re.compile(CONSEQUENCE)
_FREQUENCY_NORM_RE = re.compile(FREQUENCY_NORM)
_ECONOMIC_SCALE_RE = re.compile(ECONOMIC_SCALE)
_TABLE_NAME_RE = re.compile(TABLE_NAME_HEADER)
_TABLE_UNIT_RE = re.compile(TABLE_UNIT_HEADER)
_TABLE_BASELINE_RE = re.compile(TABLE_BASELINE_HEADER)
_TABLE_TARGET_RE = re.compile(TABLE_TARGET_HEADER)
_TABLE_CELL_RE = re.compile(TABLE_CELL)
_NORM_ADOPTION_RE = re.compile(NORM_ADOPTION)
_NORMATIVE_RE = re.compile(NORMATIVE_CUES)
_COMMIT_RE = re.compile(COMMITMENT_VERBS)
_NORM_RES = [re.compile(p) for p in NORMS]
_MONEY_RE = re.compile(MONEY_CONTEXT)
_ASSESSMENT_WEIGHT_RE = re.compile(ASSESSMENT_WEIGHT)
_SCORE_CELL_RE = re.compile(SCORE_CELL)
_SCORING_RULE_RE = re.compile(SCORING_RULE)
_NOMINATION_QUOTA_RE = re.compile(NOMINATION_QUOTA)
_POPULATION_BEFORE_RE = re.compile(POPULATION_BEFORE)
_WHAT_A_SHARE_HAS_RE = re.compile(WHAT_A_SHARE_HAS)
_PLAN_WORDS = re.compile(r"按照规划|根据规划|按规划|规划(?:新建|建设)|(?:任务|目标|举措|措施)[:：]|计划")
_SELECTION_QUOTA_RE = re.compile(SELECTION_QUOTA)
_ASIDE_RE = re.compile(ASIDE)
_REPORT_OPENING_RE = re.compile(REPORT_OPENING)
_EVENT_DAY_OPENING_RE = re.compile(EVENT_DAY_OPENING)
_APPLICANT_SUBJECT_RE = re.compile(APPLICANT_SUBJECT)
_APPLICANT_CONDITION_RE = re.compile(APPLICANT_CONDITION)
_CLASS_THRESHOLD_BEFORE_RE = re.compile(CLASS_THRESHOLD_BEFORE)
_CLASS_THRESHOLD_AFTER_RE = re.compile(CLASS_THRESHOLD_AFTER)
_GRANTED_CLASS_AFTER_RE = re.compile(GRANTED_CLASS_AFTER)
_GRANTED_CLASS_OPENING_RE = re.compile(GRANTED_CLASS_OPENING)
_PERMITTED_SHARE_RE = re.compile(PERMITTED_SHARE)
_QUALIFYING_THRESHOLD_RE = re.compile(QUALIFYING_THRESHOLD)
_DEPUTY_PROPOSAL_RE = re.compile(literal_openings(DEPUTY_PROPOSAL))
_ASSIGNED_PERSON_RE = re.compile(ASSIGNED_PERSON)
_DISBURSEMENT_SHARE_RE = re.compile(DISBURSEMENT_SHARE)
_PRICE_CHANGE_RE = re.compile(PRICE_CHANGE)
_FUND_EXECUTION_RE = re.compile(FUND_EXECUTION)
_RADIUS_CONTEXT_RE = re.compile(RADIUS_CONTEXT)
_PARAGRAPH_DEADLINE_RE = re.compile(PARAGRAPH_DEADLINE)
_CLAUSE_DEADLINE_RE = guarded(re.compile(CLAUSE_DEADLINE))
_OWN_TIME_RE = re.compile(OWN_TIME)
_PAID_SUM_RE = re.compile(PAID_SUM)
_ANY_DEADLINE_RE = re.compile(
    literal_openings(r"(?:到|至)\s*(?:19|20)\d{2}年|(?:19|20)\d{2}年(?:底|末)?(?:前|以前|之前)")
)
_RATE_LEADING_VERB_RE = re.compile(RATE_LEADING_VERB)
_DEADLINE_CELL_TAIL_RE = re.compile(DEADLINE_CELL_TAIL)
_TABLE_UNIT_BRACKET_RE = re.compile(TABLE_UNIT_BRACKET)
_FUND_SHARE_RE = re.compile(FUND_SHARE)
_FUND_WORD_RE = re.compile(FUND_WORDS)
_EXCL_BEFORE = [(re.compile(p), why) for p, why in EXCLUSIONS_BEFORE]
_EXCL_AFTER = [(re.compile(p), why) for p, why in EXCLUSIONS_AFTER]
_RISE_FROM_BEFORE_RE = re.compile(RISE_FROM_BEFORE)
_RISE_TO_AFTER_RE = re.compile(RISE_TO_AFTER)
# `养老护理员人数由500人增加到800人`: what rises is named before 由, the figure it rises to after it.
_RISE_VERBS = ("增加", "提高", "提升", "增长", "扩大", "上升")
_RISE_SUBJECT = re.compile(
    r"([^,;:。\d\x00]{2,30}?)(?:由|从)(?:目前|现有|当前)?的?\s*[\d.]+[^,;:。\d]{0,4}?"
    rf"(?:{'|'.join(_RISE_VERBS)})(?:至|到)?\s*$"
)
_FUNDED_OUTPUT_RE = re.compile(FUNDED_OUTPUT)
_FUNDED_OUTPUT_GATE = prefilter.literal_gate([FUNDED_OUTPUT])
_MONEY_BEFORE_RE = re.compile(r"[\d.]\s*[万亿]?元|资金|投资")
_SCOPE_RE = re.compile("|".join(f"(?:{p})" for p in SCOPES))
_SCOPE_SCAN = scanned(_SCOPE_RE)
_PLACE_SPLIT_RATE_RE = re.compile(PLACE_SPLIT_RATE)
_SPLIT_PLACE_RE = re.compile(rf"(?:其中)?(?P<p>{SPLIT_PLACE})(?:达到|达|为|要|力争|不低于|超过)?")
_RADIUS_RE = re.compile(rf"(?:{RADIUS_SUFFIX})")
_LEADING_RE = re.compile(rf"^(?:{LEADING_WORDS}|[\s,;:、()\"“”\x00])+")
_PAGE_MARKER_RE = re.compile(r"[—-]\s*\d{1,3}\s*[—-](?=\s)")
_MASK_RE = re.compile(r"《[^《》\n]{0,80}》|〔[^〔〕\n]{0,12}〕|\[[^\[\]\n]{0,12}\]")
# (the lookbehind after the first digit, on the character before it: opening with `\d` lets the search
# jump from digit to digit, four times faster than a pattern tried at every position)
_LIST_MARKER_RE = re.compile(r"(\d(?:(?<=^\d)|(?<=[\n。;:|\s\x00]\d))\d?)\.(?=(\d)?)", re.M)
_SENTENCE_END = "。!?\n"
_CLAUSE_END = ",;:"
_FULL_DATE_RE = re.compile(
    rf"(?<![至到])(?:{YEAR}年\d{{1,2}}月\d{{1,2}}日|{YEAR}-\d{{2}}-\d{{2}})(?![起前止])"
)
_FULLWIDTH = {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
_FULLWIDTH.update({"\u3000": " ", "\u00a0": " ", "–": "-", "−": "-", "﹪": "%"})


# ---------------------------------------------------------------------------
# Normalized view with a map back to the original text
# ---------------------------------------------------------------------------


@dataclass
class _View:
    """The normalized text, the masked text the rules read, and original positions."""

    norm: str
    scan: str
    pos: PositionMap  # pos[i] = index in the original text of norm[i]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Offsets in the original text of a span of the normalised one: quotes point into the original."""
        return self.pos[start], self.pos[end - 1] + 1


_FOLD_FULLWIDTH = SparseTranslation(_FULLWIDTH)  # one character for one: positions do not move
# (`[…][…]*`, not `[…]+`: a pattern that opens with a class is searched by jumping to its characters, one that
# opens with a repeat is tried at every character; the same runs, two to three times faster on Chinese text)
_BLANKS_RE = re.compile(r"[ \t\r][ \t\r]*")
_GAP_RE = re.compile(r"[ \t\r\x01][ \t\r\x01]*")  # blanks, and \x01 standing for a page marker's characters


def _stand_in(text: str) -> str:
    """A character the text does not hold, to stand for dropped characters (almost always \x01)."""
    return next(chr(c) for c in range(1, 0x110000) if chr(c) not in text and chr(c) not in " \t\r")


def _normalize(text: str) -> _View:
    """Full-width forms folded, page markers dropped, runs of blanks dropped (one space kept between two
    ASCII letters or digits), and each kept character's original position.

    Works on whole runs with regexes and slices (the text of a long plan is ~20k characters).
    """
    mapped = _FOLD_FULLWIDTH(text)
    markers = [(m.start(), m.end()) for m in _PAGE_MARKER_RE.finditer(text)]
    dropped = _stand_in(mapped) if markers else ""
    if not dropped:
        gaps = _BLANKS_RE
    elif dropped == "\x01":
        gaps = _GAP_RE
    else:
        gaps = re.compile(f"[ \t\r{re.escape(dropped)}][ \t\r{re.escape(dropped)}]*")
    work = mapped
    for start, end in reversed(markers):
        work = work[:start] + dropped * (end - start) + work[end:]
    pieces: list[str] = []
    pos = PositionMap()
    kept = 0  # start of the text not yet copied
    for gap in gaps.finditer(work):
        start, end = gap.span()
        pieces.append(mapped[kept:start])
        pos.add(kept, start - kept)
        kept = end
        run = gap.group(0)
        first_blank = next((i for i, ch in enumerate(run) if ch != dropped), None)
        if first_blank is None:  # only a page marker: it just goes
            continue
        before = pieces[-1][-1:]  # gaps are maximal: only the first piece can be empty
        after = mapped[end] if end < len(mapped) else ""
        if before.isascii() and before.isalnum() and after.isascii() and after.isalnum():
            pieces.append(" ")
            pos.add(start + first_blank, 1)
    pieces.append(mapped[kept:])
    pos.add(kept, len(mapped) - kept)
    norm = "".join(pieces)
    return _View(norm, _masked(norm), pos)


def _masked(norm: str) -> str:
    """The text with titles, bracketed numbers and item numbers blanked (`\x00`), a slice at a time (a list of the
    text's characters, one new string each for Chinese ones, cost a tenth of a millisecond per document)."""
    spans = sorted([m.span() for m in _MASK_RE.finditer(norm)] + _list_marker_spans(norm))
    pieces: list[str] = []
    kept = 0  # end of the text copied or blanked so far
    for start, end in spans:
        start = max(start, kept)  # (spans may overlap: blanking twice is blanking once)
        if end > start:
            pieces += (norm[kept:start], "\x00" * (end - start))
            kept = end
    pieces.append(norm[kept:])
    return "".join(pieces)


def _list_marker_spans(norm: str) -> list[tuple[int, int]]:
    """Item numbers (`1.`, `2.`) to blank, so that `2.65周岁` is item 2, not the number 2.65."""
    spans = []
    line_start = 0
    last_marker = 0
    for m in _LIST_MARKER_RE.finditer(norm):
        line = norm.rfind("\n", 0, m.start()) + 1
        if line != line_start:
            line_start, last_marker = line, 0
        number = int(m.group(1))
        followed_by_digit = m.group(2) is not None
        # `1.80%以上…。2.每年…` is item 1, but `1.5万人` is a number: item 1 needs an item 2 after it.
        if (
            followed_by_digit
            and not (number == last_marker + 1 and number > 1)
            and not (number == 1 and _NEXT_ITEM_2.search(norm[m.end() : m.end() + 300]))
        ):
            continue
        last_marker = number
        spans.append(m.span())
    return spans


_NEXT_ITEM_2 = re.compile(r"(?:^|[\n。;:|\s])2\.\D?", re.M)  # (asked only of an item 1)


# ---------------------------------------------------------------------------
# Time, tense and structure
# ---------------------------------------------------------------------------


@dataclass
class _Time:
    start: int
    end: int
    kind: str
    year: int | None = None
    date: str | None = None
    bare: bool = False  # `2019年,…` with no 到/前/底: a plan year in a plan, a report date in a reply
    # `2024年3月7日备案成立…`: a day's date with no 前/起/底 after it dates an event, it is no deadline
    event: bool = False
    # `到2020年`, `“十三五”期间`: a deadline as written, even one earlier than the document (a repost of an old plan)
    by: bool = False


# (the patterns searched once or more per sentence compiled once, not looked up in `re`'s cache at each call)
_YEAR_RE = re.compile(YEAR)
_YEAR_NIAN = re.compile(rf"{YEAR}年")
_BY_AT_END = re.compile(r"(?:到|至)\s*$")
_BY_CHAR_AT_END = re.compile(r"[到至]$")
_BEFORE_WORD = re.compile(r"(?:前|以前|之前)")
_DIGIT = re.compile(r"\d")
_NEAR_AT_END = re.compile(r"近$")
_TO_AT_END = re.compile(r"(?:向|给)\s*$")
_PREPOSITION_AT_END = re.compile(r"[对为向给]$")
_NORM_BASIS = re.compile(r"每(?:十|百|千|万|十万)(?:户|人|名|位)(?:老年人|老人)?")
_TAIL_NOUN_STOPS = re.compile(r"提供|为老年人|同时|,")


def _times(scan: str, start: int, end: int, document_year: int | None) -> list[_Time]:
    if not _TIME_GATE.may_match(scan, start, end):
        return []  # (about half the sentences: one search for the literals every deadline holds)
    found = []
    for m in _DEADLINE_SCAN.finditer(scan, start, end):
        kind = DEADLINES[int(m.lastgroup[1:])][1]
        t = _Time(m.start(), m.end(), kind)
        text = m.group(0)
        if kind == "plan_period":
            plan = next(k for k in FIVE_YEAR_PLANS if k in text)
            t.year = FIVE_YEAR_PLANS[plan]
            t.date = f"{t.year}-12-31"
            t.by = True
        elif kind == "year_range":
            years = re.findall(YEAR, text)
            t.year = int(years[-1])
            t.date = f"{t.year}-12-31"
        elif kind == "since":
            t.year = int(_YEAR_RE.search(text).group(1))
        elif kind == "month":
            y, mo = re.match(rf"{YEAR}年(\d{{1,2}})月", text).groups()
            t.year, month = int(y), int(mo)
            t.event = (
                "日" in text
                and not DAY_DEADLINE_AFTER.match(scan, m.end())
                and not DAY_DEADLINE_BEFORE.search(scan, max(0, m.start() - 4), m.start())
            )
            if 1 <= month <= 12:
                t.date = f"{t.year}-{month:02d}-{calendar.monthrange(t.year, month)[1]:02d}"
        elif kind == "year":
            t.year = int(_YEAR_RE.search(text).group(1))
            t.date = f"{t.year}-06-30" if "上半年" in text else f"{t.year}-12-31"
            t.by = bool(_BY_AT_END.search(scan[max(0, m.start() - 2) : m.start()]))
            t.bare = (
                text.endswith(("年", "度"))
                and not _BY_CHAR_AT_END.search(scan[max(0, m.start() - 1) : m.start()])
                and not _BEFORE_WORD.match(scan[m.end() : m.end() + 2])
            )
        elif kind == "this_month" and document_year:
            t.year, month = document_year, int(re.match(r"\d{1,2}", text).group(0))
            if 1 <= month <= 12:
                t.date = f"{t.year}-{month:02d}-{calendar.monthrange(t.year, month)[1]:02d}"
        elif kind in ("this_year", "next_year") and document_year:
            t.year = document_year + (kind == "next_year")
            t.date = f"{t.year}-12-31"
        found.append(t)
    return found


def _reference_year(view: _View, document_year: int | None) -> int | None:
    """The document's year, or the year of the latest full date it writes (not a deadline)."""
    if document_year:
        return document_year
    years = [int(y) for m in _FULL_DATE_RE.finditer(view.scan) for y in m.groups() if y]
    return max(years) if years else None


def _task_table_cells(view: _View) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Spans of the task cells and of the progress cells of one-cell-per-line task tables (see
    PROGRESS_TASK_HEADER): a table opens with its `序号` header line and ends at a blank line, or at a
    line without `|` when its cells have one."""
    tasks: list[tuple[int, int]] = []
    progress: list[tuple[int, int]] = []
    header: list[str] | None = None
    column = last_task = None  # column: the current cell's (0: the row number); None in the header
    piped = False
    offset = 0
    for line in view.scan.split("\n"):
        line_start, offset = offset, offset + len(line) + 1
        if header is None or not line.strip() or (piped and not line.rstrip().endswith("|")):
            header = [] if _TABLE_NUMBER_HEADER_RE.match(line) else None
            column, last_task, piped = None, None, line.rstrip().endswith("|")
            continue
        if _ROW_NUMBER_CELL_RE.match(line):
            last_task = _last_task_column(header) if column is None else last_task
            column = 0
        elif column is None:
            header.append(line)
        elif last_task is not None:
            column += 1
            (tasks if column <= last_task else progress).append((line_start, line_start + len(line)))
    return tasks, progress


def _last_task_column(header: list[str]) -> int | None:
    """The column of the last task header (0: the row number), when a progress column comes after it."""
    tasks = [i + 1 for i, cell in enumerate(header) if _PROGRESS_TASK_HEADER_RE.search(cell)]
    progress = [i + 1 for i, cell in enumerate(header) if _PROGRESS_HEADER_RE.search(cell)]
    if not tasks or not progress or progress[-1] <= tasks[-1]:
        return None
    return tasks[-1]


def _blocks(view: _View) -> list[tuple[int, int, int | None]]:
    """Paragraphs and table cells: (start, end, year of the table column or None).

    A `|`-separated line whose cells name years (`2020年具体要求 | 2022年工作目标`) is a
    table header. Each following row runs until it has as many `|` as the header (a
    cell may span lines); the table ends at a line without `|` outside a row.
    """
    scan = view.scan
    blocks: list[tuple[int, int, int | None]] = []
    column_years: dict[int, int] = {}
    header_pipes = 0
    row_start: int | None = None
    offset = 0
    for line in scan.split("\n"):
        line_start, line_end = offset, offset + len(line)
        offset = line_end + 1
        if row_start is None and line.count("|") >= 2:
            cells = line.split("|")
            years = {
                i: int(m.group(1)) for i, c in enumerate(cells) if (m := re.match(rf"{YEAR}年", c.strip()))
            }
            if years and all(re.match(rf"{YEAR}年", c.strip()) or not re.search(r"\d", c) for c in cells):
                column_years, header_pipes = years, line.count("|")
                continue
        if column_years and (row_start is not None or "|" in line):
            if row_start is None:
                row_start = line_start
            if scan.count("|", row_start, line_end) < header_pipes:
                continue
            at = row_start
            for i, cell in enumerate(scan[row_start:line_end].split("|")):
                blocks.append((at, at + len(cell), column_years.get(i)))
                at += len(cell) + 1
            row_start = None
            continue
        column_years = {}
        blocks.append((line_start, line_end, None))
    if row_start is not None:
        blocks.append((row_start, len(scan), None))
    return blocks


_RUN_RES: dict[str, re.Pattern[str]] = {}


def _split(scan: str, start: int, end: int, stops: str) -> list[tuple[int, int]]:
    """The non-empty runs of scan[start:end] between characters of `stops`."""
    run = _RUN_RES.get(stops)
    if run is None:
        # A thousands separator (`3,700.61万元`) is part of its number, not the end of a clause. (Runs of other
        # characters as one item, `(?:[^…]+|sep)+`, not a character at a time, `(?:[^…]|sep)+`: the same runs, the
        # alternatives tried at each separator, not at each character; a clause split of a document 116 → 44 µs.)
        inside = f"[^{re.escape(stops)}]+"
        run = _RUN_RES[stops] = re.compile(f"(?:{inside}|{THOUSANDS_SEPARATOR})+" if "," in stops else inside)
    return [m.span() for m in run.finditer(scan, start, end)]


# ---------------------------------------------------------------------------
# Quantities
# ---------------------------------------------------------------------------


@dataclass
class _Quantity:
    start: int
    end: int  # end of the number and unit, before any comparator suffix
    values: list[float]
    value_max: float | None
    unit: str
    chinese: bool
    comparator: str | None = None  # from the quantity itself: range, or lte for radius
    suffix_end: int = 0
    excluded: str | None = None


def _unit_at(scan: str, at: int) -> tuple[str | None, int, str | None]:
    """(unit, end, reason) for the unit starting at `at`; reason when it rules the number out."""
    bad = _NOT_TARGET_UNIT_RE.match(scan, at)
    if bad and bad.group(0) in COUNTED_NOUNS and re.match(COUNTED_NOUNS[bad.group(0)], scan[bad.end() :]):
        return bad.group(0), bad.end(), None  # 10条…精品线路
    m = _TARGET_UNIT_RE.match(scan, at)
    if bad and (not m or bad.end() >= m.end()):
        return None, at, f"unit {bad.group(0)}"
    if not m:
        return None, at, "no unit"
    unit = _UNIT_ALTERNATIVES[int(m.lastgroup[1:])][1]
    following = scan[m.end() : m.end() + 1]
    if following and following in UNIT_WORD_CONTINUATIONS.get(m.group(0)[-1], ""):
        return None, at, f"word {m.group(0)}{following}"
    return unit, m.end(), None


def _quantities(scan: str, start: int, end: int) -> list[_Quantity]:
    found = []
    for m in _QUANTITY_SCAN.finditer(scan, start, end):
        if m.group("quarter"):
            q = _Quantity(m.start(), m.end(), [15.0], None, "分钟", True, "lte")
        elif m.group("frac"):
            value = parse_fraction_percent(m.group("frac"))
            if value is None:
                continue
            q = _Quantity(m.start(), m.end(), [value], None, "%", True)
        else:
            n1, alt, n2 = m.group("n1"), m.group("alt"), m.group("n2")
            unit, unit_end, reason = _unit_at(scan, m.end())
            if reason == "unit 元" and _ECONOMIC_SCALE_RE.search(scan[start : m.start()]):
                unit, unit_end, reason = "元", m.end() + 1, None
            if m.group("pct1") and not unit:
                continue
            values = [parse_number(n1)] + ([parse_number(alt)] if alt else [])
            value_max = parse_number(n2) if n2 else None
            if n2 and value_max is not None and n2[-1] in "万亿" and n1[-1] not in "万亿":
                values[0] = parse_number(n1 + n2[-1])
            chinese = bool(_CHINESE_ONLY.match(n1))
            if unit in ARABIC_ONLY_UNITS and (chinese or re.search(r"[零〇一二两三四五六七八九十百千]", n1)):
                unit, unit_end, reason = None, m.end(), f"word {unit}"
            q = _Quantity(m.start(), unit_end, values, value_max, unit or "", chinese)
            if n2:
                q.comparator = "range"
            if reason:
                q.excluded = reason
            elif any(v is None for v in values) or (n2 and value_max is None):
                q.excluded = "unreadable number"
        q.suffix_end = q.end
        found.append(q)
    return found


def _implied_unit(scan: str, q: _Quantity, clause_start: int, clause_end: int) -> bool:
    """`建成1-2示范性社区老年人服务中心`: a facility count written without 个."""
    before = scan[max(clause_start, q.start - 4) : q.start]
    after = scan[q.end : clause_end]
    return (
        q.excluded == "no unit"
        and not q.chinese
        and re.search(r"(?:建成|建设|新建|新增|设立)$", before) is not None
        and max(q.values + [q.value_max or 0]) < 100
        and re.match(r"[\u4e00-\u9fff][^,;:。]{0,24}?(?:中心|站|点|机构|基地|院)", after) is not None
    )


# ---------------------------------------------------------------------------
# The extractor
# ---------------------------------------------------------------------------


@dataclass
class _Candidate:
    row: dict
    verdict: str  # target, doubtful
    reason: str = ""


def extract_targets(text: str, *, document_year: int | None = None) -> list[dict]:
    """Quantitative targets in the cleaned text of one document, in document order.

    Each row: indicator, comparator (eq/gte/lte/approx/range), value, value_max, unit,
    deadline_year, deadline (ISO date), scope, quote, start, end, with
    `text[start:end] == quote`.

    >>> [(r["value"], r["unit"], r["deadline_year"]) for r in extract_targets("到2025年底,全市社区养老设施等级评定率达到90%。")]
    [(90.0, '%', 2025)]
    """
    return targets_and_left_out(text, document_year=document_year)[0]


def doubtful_targets(text: str, *, document_year: int | None = None) -> list[dict]:
    """Figures with a unit that were left out only because their tense or purpose is unclear.

    Rows have the same shape as `extract_targets` plus `reason`; they are for review,
    never for publication.
    """
    return [
        r for r in targets_and_left_out(text, document_year=document_year)[1] if r["verdict"] == "doubtful"
    ]


# An indicator is a complete noun phrase. These rows repair the fragments the window around a figure
# can leave (name, pattern, replacement, example from a real document); `FRAGMENT_ONLY` is what is left
# when no noun remains: the figure is then left out as doubtful rather than published with a fragment.
INDICATOR_REPAIRS: list[tuple[str, str, str, str]] = [
    (
        "connective_before_the_noun",
        r"^(?:的|之)[^的,;:。]{0,6}?(?:且|并|和|及|与)",  # `…的比例且单处面积` → 单处面积
        "",
        "的比例且单处面积 (shaoxing-2021 regulation: …不低于千分之二的比例且单处面积不少于三十平方米的标准建设…)",
    ),
    (
        "leading_particle",
        r"^(?:的|之|且|并|和|及|与|或|等|其|均|都)+",
        "",
        "和护理型床位占比 (the remainder of an enumeration: …覆盖率和护理型床位占比分别达到…)",
    ),
    (
        "repeated_noun",
        r"^(?P<noun>[\u4e00-\u9fff]{2,8})(?:均|都|也)(?P=noun)$",  # `面积均面积` → 面积
        r"\g<noun>",
        "面积均面积 (shuangtaizi-2016 reply: 面积均达到400平方米)",
    ),
]
FRAGMENT_ONLY = re.compile(
    r"^(?:(?:统一|分别|至少|[\u4e00-\u9fff])?(?:集中)?(?:配置|配备|建设|设置|建成|达到|完成|实现|提供|开展|确定|增加|新增|提高|保持|不少于|不低于))?$"
)
_INDICATOR_REPAIRS = [(re.compile(p), r) for _name, p, r, _example in INDICATOR_REPAIRS]


def complete_indicator(indicator: str | None) -> str | None:
    """The indicator with its fragments repaired, or None when no noun phrase is left."""
    if not indicator:
        return None
    for pattern, replacement in _INDICATOR_REPAIRS:
        indicator = pattern.sub(replacement, indicator)
    return None if FRAGMENT_ONLY.match(indicator) else indicator


# A verb whose object the sentence named before, in an earlier clause (shaoxing-2021: `…配置居家养老服务用房，
# 每个行政村至少集中配置一处`): the figure counts that object.
ELIDED_OBJECT_VERB = r"^(?:集中|统一|分别|至少)?(配置|配备|建设|设置|建成|建有)$"
_ELIDED_OBJECT_VERB_RE = re.compile(ELIDED_OBJECT_VERB)


def _elided_object(text: str, start: int, draft: str) -> str | None:
    """`居家养老服务用房` for a lone verb (`集中配置`) whose object an earlier clause of the sentence names."""
    verb = _ELIDED_OBJECT_VERB_RE.search(draft)
    if not verb:
        return None
    sentence_start = max(text.rfind(mark, 0, start) for mark in "。；;\n") + 1
    named = re.search(rf"{verb.group(1)}([\u4e00-\u9fff]{{2,16}}?)[，,]", text[sentence_start:start])
    return named.group(1) if named else None  # the thing counted: `居家养老服务用房`


def targets_and_left_out(text: str, *, document_year: int | None = None) -> tuple[list[dict], list[dict]]:
    """The targets, and every figure with a unit left out, with the rule's reason, in one pass.

    Left-out rows have the target row's shape plus `reason` and `verdict` (`doubtful`: unclear,
    for review; `rejected`: the figure is something else, such as a report or a condition)."""
    targets, left_out = [], []
    for c in _candidates(text, document_year):
        if c.verdict == "target" and c.row["indicator"]:
            draft = c.row["indicator"]
            c.row["indicator"] = complete_indicator(draft) or _elided_object(text, c.row["start"], draft)
            if not c.row["indicator"]:
                reason = "no indicator: the words before the figure are a fragment, not a noun phrase"
                left_out.append({**c.row, "reason": reason, "verdict": "doubtful"})
                continue
            c.row["indicator"] = _elided_rate(text, targets[-1] if targets else None, c.row)
            targets.extend(_each_rate_of_a_shared_figure(text, c.row))
        elif c.verdict == "target" and BEDS_IN_UNIT.search(text, c.row["start"], c.row["end"]):
            # `今年新建360张床位`: the unit names what is counted, after the verb of building
            built = re.search(
                r"(新建|新增|建成|建设|改造|改扩建)\s*\d+\s*张床位", text[c.row["start"] : c.row["end"]]
            )
            targets.append({**c.row, "indicator": (built.group(1) if built else "") + "床位"})
        elif c.verdict == "target":
            # e.g. a PDF line break between `运营点` and `10个以上`: a figure that counts nothing named
            reason = "no indicator: nothing before the figure says what it counts"
            left_out.append({**c.row, "reason": reason, "verdict": "doubtful"})
        else:
            verdict = "doubtful" if c.verdict == "doubtful" else "rejected"
            left_out.append({**c.row, "reason": c.reason, "verdict": verdict})
    return targets, left_out


_SHARED_FIGURE_RE = re.compile(SHARED_FIGURE)
# A count of beds written with the noun in its unit (`新建360张床位`), where no other words name what is counted.
BEDS_IN_UNIT = re.compile(r"\d\s*张床位")


def _each_rate_of_a_shared_figure(text: str, row: dict) -> list[dict]:
    """`A率、B率均达到100%`: a row for each rate (DATA_CONTRACT: a figure's indicator names one thing)."""
    shared = _SHARED_FIGURE_RE.match(row["indicator"])
    if not shared or not re.search(r"[均都]", text[row["start"] : row["end"]]):
        return [row]
    return [{**row, "indicator": shared.group("a")}, {**row, "indicator": shared.group("b")}]


_BARE_RATE = re.compile(rf"[\u4e00-\u9fff]{{0,3}}(?:{RATE_NOUNS})")


def _elided_rate(text: str, previous: dict | None, row: dict) -> str:
    """A bare rate that repeats the one just stated in its sentence (`…街道综合养老服务中心覆盖率达到60%以上,力争
    覆盖率达到80%以上`) is of the same thing: the earlier indicator."""
    indicator = row["indicator"]
    if (
        previous
        and _BARE_RATE.fullmatch(indicator)
        and previous["end"] <= row["start"]
        and previous["indicator"].endswith(indicator)
        and not re.search(r"[。;；\n]", text[previous["end"] : row["start"]])
    ):
        return previous["indicator"]
    return indicator


@dataclass
class _Context:
    """What the lines around a sentence say: its section's tense and a default deadline."""

    section_tense: str | None = None
    default_year: int | None = None  # from a lead-in (`到2025年,…具体目标是:`) or a yearly plan's title
    conditions: bool = False  # items under `…应当具备下列条件:`
    after_report: bool = False  # an untensed sentence after a report in its paragraph


def _candidates(text: str, document_year: int | None) -> list[_Candidate]:
    view = _normalize(text)
    scan = view.scan
    reference_year = _reference_year(view, document_year)
    annual_year = _annual_plan_year(view, reference_year)
    if annual_year and reference_year is None:
        reference_year = annual_year
    plan = annual_year
    chapter_tense = section_tense = "forward" if plan else ("past" if _is_report(view) else None)
    lead_in_year: int | None = None
    goal_year: int | None = (
        None  # `二、工作目标` / `到2020年,全面建成…。`: the section's later paragraphs aim at it too
    )
    lead_in_tense: str | None = None
    lead_in_conditions = False
    out: list[_Candidate] = []
    task_cells, progress_cells = _task_table_cells(view)
    progress_report = bool(annual_year and not progress_cells and _is_progress_report(view))
    for block_start, block_end, column_year in _blocks(view):
        line_start = scan.rfind("\n", 0, block_start) + 1
        line = scan[line_start : scan.find("\n", line_start) % (len(scan) + 1)].strip()
        if block_start == line_start:
            heading = _SECTION_HEADING_RE.match(line)
            if heading:
                tense = next((t for p, t in _SECTION_TENSES if p.search(line[:40])), None)
                year = _YEAR_NIAN.search(line) if len(line) <= 30 else None
                if tense is None and year and reference_year and int(year.group(1)) < reference_year:
                    tense = "past"  # `一、2023年工作情况` in a document of 2024
                goal_year = None
                if heading.group(0).startswith("第"):
                    chapter_tense = tense or ("forward" if plan else None)
                    section_tense = chapter_tense
                else:
                    section_tense = tense or chapter_tense
            # a blank line does not end a list, nor does a table's row end the lead-in above the table
            # (`…确定2025年象山县民生实事项目,共15项,分别是:` / `序号 | 项目名称 |` / `1 | 安康颐养项目:…`)
            if line and not _LIST_ITEM_RE.match(line) and not _TABLE_ROW_RE.search(line):
                lead_in_year = lead_in_tense = None
                lead_in_conditions = False
        block_tense = lead_in_tense or section_tense
        if task_cells and any(a <= block_start < b for a, b in task_cells):
            block_tense = "forward"
        elif (
            progress_cells
            and any(a <= block_start < b for a, b in progress_cells)
            or progress_report
            and not (block_start == line_start and _SECTION_HEADING_RE.match(line))
        ):
            block_tense = "past"
        context = _Context(block_tense, lead_in_year or annual_year or goal_year, lead_in_conditions)
        block_first = len(out)
        paragraph_tense: str | None = None
        sentences = (
            prefilter.through_last_hit(
                _split(scan, block_start, block_end, _SENTENCE_END), scan, _QUANTITY_GATE
            )
            if _QUANTITY_GATE.may_match(
                scan, block_start, block_end
            )  # (most paragraphs: one search, no split)
            else []
        )
        opening = (
            _paragraph_year(scan, block_start, block_end, reference_year)
            if column_year is None and sentences
            else None
        )
        running: int | None = None  # the deadline a clause of an earlier sentence opened with
        for s_start, s_end in sentences:
            carried = running if running in FIVE_YEAR_PLANS.values() else None
            if carried and _OWN_TIME_RE.search(scan, s_start, s_end):
                carried = None
            sentence_context = (
                _Context(context.section_tense, opening or carried, context.conditions)
                if s_start > block_start and (opening or carried)
                else context
            )
            found, tense = _sentence(
                view,
                text,
                s_start,
                s_end,
                column_year,
                reference_year,
                document_year,
                paragraph_tense,
                sentence_context,
            )
            out.extend(found)
            paragraph_tense = tense or paragraph_tense
            running = _clause_deadline(scan, s_start, s_end, reference_year) or (
                None if _ANY_DEADLINE_RE.search(scan, s_start, s_end) else running
            )
        # a lead-in: a line ending `:`, or under a goal heading a paragraph opening with its deadline
        # (putian `一、主要目标` / `到2020年,全面建成…。` / `——…90%以上乡镇…`)
        goal_paragraph = section_tense == "forward" and _PARAGRAPH_DEADLINE_RE.match(line)
        if (
            block_start == line_start
            and (line.endswith((":", ",")) or goal_paragraph)
            and not _LIST_ITEM_RE.match(line)
        ):
            lead_in_year = _lead_in_year(scan, line_start, block_end, document_year, reference_year)
            # (only a paragraph that is a lead-in, with no figure of its own: where each goal paragraph dates its
            # own figures, `到2025年培训…1万人次。` / `每千名老年人拥有养老护理员数不少于5人。`, an undated one stays undated)
            goal_year = lead_in_year if goal_paragraph and len(out) == block_first else goal_year
            # `下一步,我局将重点做好以下工作:` makes the items under it plans.
            lead_in_tense = "forward" if _FORWARD_RE.search(line) else None
            lead_in_conditions = bool(_CONDITION_LEAD_IN_RE.search(line))
    out.extend(_indicator_table_targets(view, text, reference_year))
    out.sort(key=lambda c: c.row["start"])
    return out


def _indicator_table_targets(view: _View, text: str, reference_year: int | None) -> list[_Candidate]:
    """Rows of an indicator table whose target-year cells hold bare figures (`| % | 46 | 55 |`)."""
    scan = view.scan
    out: list[_Candidate] = []
    # name column, unit column (None: units in brackets of the row name or column header), target columns
    header: tuple[int, int | None, dict[int, int]] | None = None
    header_cells: list[str] = []
    offset = 0
    for line in scan.split("\n"):
        line_start, offset = offset, offset + len(line) + 1
        if "|" not in line:
            header = None
            continue
        cells = line.split("|")
        names = [i for i, c in enumerate(cells) if _TABLE_NAME_RE.search(c) and not re.search(r"\d", c)]
        units = [i for i, c in enumerate(cells) if _TABLE_UNIT_RE.match(c.strip())]
        years = {i: int(m.group(1)) for i, c in enumerate(cells) if (m := re.match(rf"\s*{YEAR}年", c))}
        bracketed = (
            not units
            and years
            and all(re.match(rf"\s*{YEAR}年", c) or not re.search(r"\d", c) for c in cells)
        )
        if (names and units and years) or bracketed:
            baseline = min(years.values()) if reference_year is None and len(years) > 1 else None
            targets = {
                i: y
                for i, y in years.items()
                if _TABLE_TARGET_RE.search(cells[i])
                or not (
                    _TABLE_BASELINE_RE.search(cells[i])
                    or (reference_year and y < reference_year)
                    or y == baseline
                )
            }
            header = (names[0] if names else 0, units[0] if units else None, targets)
            header_cells = cells
            continue
        if header is None:
            continue
        name_i, unit_i, targets = header
        if max([name_i, unit_i or 0, *targets]) >= len(cells):
            continue
        row_unit = _table_unit(cells[unit_i].strip(), whole=True) if unit_i is not None else None
        if unit_i is not None and row_unit is None:
            continue
        if unit_i is None:
            row_unit = _table_unit(cells[name_i].strip())
        starts = [line_start + sum(len(c) + 1 for c in cells[:i]) for i in range(len(cells))]
        for i, year in targets.items():
            m = _TABLE_CELL_RE.match(cells[i].strip())
            cell_unit = row_unit or (_table_unit(header_cells[i].strip()) if i < len(header_cells) else None)
            if not m or cell_unit is None:
                continue
            unit, factor = cell_unit
            comparator = {"以上": "gte", "以下": "lte", "左右": "approx"}.get(m.group("after") or "")
            if m.group("before"):
                comparator = (
                    "approx"
                    if m.group("before") == "约"
                    else ("gte" if m.group("before") in "≥>=不低于不少于" else "lte")
                )
            name_start = starts[name_i] + len(cells[name_i]) - len(cells[name_i].lstrip())
            cell_end = starts[i] + len(cells[i].rstrip())
            start, end = view.original_span(name_start, cell_end)
            row = {
                "indicator": _clean(cells[name_i].strip()) or None,
                "comparator": comparator or "eq",
                "value": float(m.group("n")) * factor,
                "value_max": None,
                "unit": unit,
                "deadline_year": year,
                "deadline": f"{year}-12-31",
                "scope": None,
                "quote": text[start:end],
                "start": start,
                "end": end,
            }
            out.append(_Candidate(row, "target"))
    return out


def _clause_deadline(scan: str, start: int, end: int, reference_year: int | None) -> int | None:
    """The last deadline still to come that opens a clause of the sentence (see CLAUSE_DEADLINE); a later one, of
    any year, ends the carrying of an earlier plan's end."""
    found = [
        int(_YEAR_RE.search(m.group(0)).group(1)) for m in _CLAUSE_DEADLINE_RE.finditer(scan, start, end)
    ]
    years = [y for y in found if not (reference_year and y < reference_year)]
    return years[-1] if years else None


def _paragraph_year(scan: str, start: int, end: int, reference_year: int | None) -> int | None:
    """`到2025年,…。` opening a paragraph (after any item number): the year its later sentences aim at."""
    head = scan[start:end]
    head = (
        _ENUMERATOR.sub("", head.lstrip(" \x00"), count=1)
        if _ENUMERATOR.match(head.lstrip(" \x00"))
        else head
    )
    m = _PARAGRAPH_DEADLINE_RE.match(head)
    if not m:
        return None
    year = int(_YEAR_RE.search(m.group(0)).group(1))
    return None if reference_year and year < reference_year else year


def _table_unit(cell: str, whole: bool = False) -> tuple[str, int] | None:
    """(unit, factor) of a 单位 cell (`万张`), or of the bracket ending a row name or header (`(万人)`)."""
    if whole:
        text, wan = cell.removeprefix("万"), cell.startswith("万")
    else:
        m = _TABLE_UNIT_BRACKET_RE.search(cell)
        if not m:
            return None
        text, wan = m.group(2), bool(m.group(1))
    unit = next((u for p, u in UNITS if re.fullmatch(p, text)), None)
    return (unit, 10_000 if wan else 1) if unit else None


def _is_report(view: _View) -> bool:
    """A statistics bulletin, from a title line among the first lines."""
    return any(_REPORT_TITLE_RE.match(line.strip()) for line in view.scan.split("\n")[:10])


def _is_progress_report(view: _View) -> bool:
    """A yearly list's progress report, from its title line (`…实事项目完成情况进度表(五月份)`), whose tasks
    stand in numbered headings (a table of tasks and progress cells is read by `_task_table_cells`)."""
    lines = view.scan.split("\n")
    return any(
        _ANNUAL_PLAN_RE.match(line.strip()) and _PROGRESS_TITLE_RE.search(line.strip()) for line in lines[:30]
    ) and any(_SECTION_HEADING_RE.match(line.strip()) for line in lines)


def _annual_plan_year(view: _View, reference_year: int | None = None) -> int | None:
    """The year of a yearly work plan, from a title line (`2024年全市养老服务工作要点`); a month's progress
    report on the year's list (`萧县9月份民生工程进展情况`) is of the document's year."""
    for line in view.scan.split("\n")[:30]:
        m = _ANNUAL_PLAN_RE.match(line.strip())
        if m:
            return int(m.group(1))
        if reference_year and _MONTHLY_PROGRESS_RE.match(line.strip()):
            return reference_year
    return None


def _lead_in_year(
    scan: str, start: int, end: int, document_year: int | None, reference_year: int | None
) -> int | None:
    """The latest forward deadline written in a lead-in paragraph."""
    year = None
    for t in _times(scan, start, end, document_year):
        if (
            t.year
            and t.kind not in ("since", "each_year")
            and not (reference_year and t.year < reference_year)
        ):
            year = t.year
    return year


def _clause_tenses(
    scan: str,
    masked: str,
    s_start: int,
    clauses: list[tuple[int, int]],
    outside: list[_Time],
    reference_year: int | None,
    paragraph_tense: str | None,
    context: _Context,
) -> list[str | None]:
    """Tense of each clause of a sentence: its own cues, else what its years say (None: untensed)."""
    tenses: list[str | None] = []
    explicit_forward = False
    # (one search of the sentence for what each cue needs, instead of each cue's search in every clause)
    may_forward, may_past = _FORWARD_GATE.may_match(masked), _PAST_GATE.may_match(masked)
    may_fund = _FUNDED_OUTPUT_GATE.may_match(masked)
    for c_start, c_end in clauses:
        clause = masked[c_start - s_start : c_end - s_start]
        if _CONDITION_CLAUSE_RE.search(clause.rstrip(" \x00")) or _CONDITION_LABEL_RE.search(
            masked[max(0, c_start - s_start - 8) : c_start - s_start]
        ):
            tenses.append(None)  # `已建成小区…未达到标准的,`: a condition, not a report
        elif (may_forward and _FORWARD_RE.search(clause)) or (
            _STATED_TARGET_RE.search(clause) and not _TARGET_MET_RE.search(masked)
        ):
            explicit_forward = True
            tenses.append("forward")
        elif may_past and _PAST_RE.search(clause):
            tenses.append("past")
        elif _WEAK_PAST_RE.search(clause):
            # `累计` is a cumulative goal only after a plan cue or a deadline still to come.
            goal = any(_announces_goal(scan, t, c_end, reference_year) for t in outside)
            forward = explicit_forward or goal or (not any(tenses) and context.section_tense == "forward")
            tenses.append("forward" if forward else "past")
        else:
            year_tense = _year_tense(outside, c_start, c_end, reference_year, paragraph_tense)
            if (
                year_tense == "forward"
                and context.section_tense == "past"
                and _dateline(scan, outside, c_start, c_end, reference_year)
            ):
                year_tense = "past"  # `一、…情况` / `2023年8月,全区…8122人`: a month of this year, reported
            if year_tense == "forward" and _only_this_year(outside, c_start, c_end, reference_year):
                year_tense = "this_year"  # decided below, by the rest of the sentence
            if (
                year_tense is None
                and "past" not in tenses
                and may_fund
                and _FUNDED_OUTPUT_RE.search(clause)
                and _MONEY_BEFORE_RE.search(masked, 0, c_end - s_start)
            ):
                year_tense = "forward"  # what money allocated supports (FUNDED_OUTPUT)
            tenses.append(year_tense)
    # The document's own year alone is no promise in a sentence that otherwise reports and promises nothing
    # (`2023年为我区115户…家庭实施居家适老化改造,现已全部改造完成并验收合格`, a 2023 page).
    reports = "past" in tenses and not explicit_forward
    return [("past" if reports else "forward") if t == "this_year" else t for t in tenses]


def _only_this_year(outside: list[_Time], c_start: int, c_end: int, reference_year: int | None) -> bool:
    """The clause's years are the document's own year, bare (no 到/年底 deadline of a plan)."""
    years = [t for t in outside if c_start <= t.start < c_end and t.year and t.kind != "each_year"]
    return (
        bool(years) and reference_year is not None and all(t.year == reference_year and t.bare for t in years)
    )


def _announces_goal(scan: str, t: _Time, c_end: int, reference_year: int | None) -> bool:
    """A time before the end of the clause that makes a total (`累计`) a goal: a plan period still
    running, a later year, or a `到…年` deadline."""
    return bool(
        t.start < c_end
        and t.year
        and (
            (t.kind == "plan_period" and not (reference_year and t.year < reference_year))
            or (reference_year and t.year > reference_year)
            # `到2025年`, `至2025年`; not `截至今年上半年`, a reporting date
            or (scan[t.start - 1 : t.start] in ("到", "至") and scan[t.start - 2 : t.start] != "截至")
        )
    )


def _dateline(scan: str, outside: list[_Time], c_start: int, c_end: int, reference_year: int | None) -> bool:
    """A clause dated by a month or quarter of the document's own year with no 到/至 before it and no 底/前 after
    it (`2023年8月,全区…`, `2024年第一季度享受高龄津贴政策…人次`)."""
    return any(
        c_start <= t.start < c_end
        and (t.kind == "month" or re.match(r"度?(?:第?[一二三四]季度|[上下]半年)", scan[t.end : t.end + 5]))
        and t.year == reference_year
        and scan[max(0, t.start - 1) : t.start] not in ("到", "至")
        and not re.match(r"[到至]", scan[t.start : t.start + 1])
        and not re.match(r"(?:底|末|前|以前|之前)", scan[t.end : t.end + 2])
        for t in outside
    )


def _year_tense(
    outside: list[_Time], c_start: int, c_end: int, reference_year: int | None, paragraph_tense: str | None
) -> str | None:
    """The tense the last year of a clause gives it: earlier than the document's year is past."""
    year_tense = None
    for t in outside:
        if c_start <= t.start < c_end and t.year and t.kind != "each_year":
            if reference_year is None:
                # Without the document's year, a bare year reads like the paragraph around it.
                is_past = t.kind == "since" or (t.bare and paragraph_tense == "past")
            else:
                is_past = t.year < reference_year or (t.kind == "since" and t.year <= reference_year)
            year_tense = "past" if is_past else "forward"
    return year_tense


def _sentence(
    view: _View,
    text: str,
    s_start: int,
    s_end: int,
    column_year: int | None,
    reference_year: int | None,
    document_year: int | None,
    paragraph_tense: str | None,
    context: _Context | None = None,
) -> tuple[list[_Candidate], str | None]:
    """Targets in one sentence, and the sentence's tense (forward, past or None)."""
    context = context or _Context()
    scan = view.scan
    clauses = _split(scan, s_start, s_end, _CLAUSE_END)
    times = _times(scan, s_start, s_end, document_year)
    # Bracketed asides (`62家(今年底实现全覆盖)`): their cues and times are theirs alone.
    asides = [(s_start + m.start(), s_start + m.end()) for m in _ASIDE_RE.finditer(scan[s_start:s_end])]
    masked = scan[s_start:s_end]
    for a, b in asides:
        masked = masked[: a - s_start] + "\x00" * (b - a) + masked[b - s_start :]

    def aside_of(at: int) -> tuple[int, int] | None:
        # (not an aside that only dates the words before it, `近期(到2025年)规划总量指标为:…`: its time is theirs)
        return next(
            ((a, b) for a, b in asides if a <= at < b and not DATING_ASIDE.fullmatch(scan[a:b])), None
        )

    outside = [t for t in times if aside_of(t.start) is None]
    opening = _REPORT_OPENING_RE.match(_ENUMERATOR.sub("", masked.strip(" \x00"), count=1).strip(" \x00"))
    report_opening = bool(opening and reference_year and int(opening.group(1)) < reference_year)
    # (or a sentence that opens with the day an event happened: `2024年3月7日备案成立…,设置养老床位49张`)
    report_opening = report_opening or bool(_EVENT_DAY_OPENING_RE.match(masked.lstrip(" \x00")))

    tenses = _clause_tenses(scan, masked, s_start, clauses, outside, reference_year, paragraph_tense, context)
    if not _QUANTITY_GATE.may_match(scan, s_start, s_end):
        # no figure the rules could keep (a sentence run only for the tense it hands on to the next one): its tense
        return [], "forward" if "forward" in tenses else "past" if "past" in tenses else None
    if (
        paragraph_tense == "past"
        and not any(tenses)
        and context.section_tense is None
        # (not a plan's items after the report: `按照规划,新建…`, `重点任务:新建…`)
        and not _PLAN_WORDS.search(scan[s_start:s_end])
    ):
        context = replace(context, after_report=True)
    inherited: list[str | None] = []
    running = context.section_tense
    for tense in tenses:
        running = tense or running
        inherited.append("past" if report_opening and tense is None else running)
    reports_only = "past" in tenses and "forward" not in tenses
    sentence_text = scan[s_start:s_end]
    forecast = bool(_FORECAST_RE.search(sentence_text) and _FORECAST_SUBJECT_RE.search(sentence_text))
    # Dates in reporting clauses (`2017年我市出台了…`) are report dates, never deadlines.
    report_dates = {
        t.start
        for t in times
        for (c_start, c_end), tense in zip(clauses, tenses, strict=True)
        if tense == "past" and c_start <= t.start < c_end
    }

    candidates = []
    excluded: list[_Candidate] = []  # figures that are something else: reported, never inherited from
    for index, (c_start, c_end) in enumerate(clauses):
        quantities = _quantities(scan, c_start, c_end)
        for q in quantities:
            if q.excluded == "no unit" and _implied_unit(scan, q, c_start, c_end):
                q.excluded, q.unit = None, "个"
        kept = [q for q in quantities if not q.excluded]
        previous_end = c_start
        for k, q in enumerate(kept):
            own_aside = aside_of(q.start)
            own_tense, tense = tenses[index], inherited[index]
            if own_aside:
                aside_text = scan[own_aside[0] : own_aside[1]]
                if _FORWARD_RE.search(aside_text):
                    own_tense = tense = "forward"
                elif _PAST_RE.search(aside_text):
                    own_tense = tense = "past"
            elif (
                own_tense == "past"
                and _TASK_BEFORE_PROGRESS_RE.match(scan, q.suffix_end, c_end)
                # (not in a sentence dated as a report of a past year: `截至2023年底,全市236个…已完成等级评定180个` in
                # 2024; `截至6月底,2个…已完成1个` in the year's progress report is its tasks)
                and not any(
                    _REPORT_ANCHOR.search(scan[a:b])
                    and any(
                        t.year and reference_year and t.year < reference_year
                        for t in times
                        if a <= t.start < b
                    )
                    for a, b in clauses
                )
                and context.section_tense != "past"
            ):
                own_tense = tense = "forward"  # the task whose progress the clause reports
            candidate = _judge(
                view,
                text,
                q,
                kept,
                k,
                previous_end,
                (c_start, c_end),
                (s_start, s_end),
                own_tense,
                tense,
                reports_only,
                [t for t in times if t.start not in report_dates and aside_of(t.start) in (None, own_aside)],
                column_year,
                reference_year,
                clauses,
                context,
                forecast,
            )
            previous_end = q.suffix_end
            if candidate.verdict == "excluded":  # listed in the doubtful report, never inherited from
                candidate.row.pop("_alternatives", None)
                excluded.append(candidate)
                continue
            if candidate:
                alternatives = candidate.row.pop("_alternatives")
                if not candidate.row["indicator"]:
                    # `每年新建家庭养老床位2000张,累计建成1万张`: the same thing as the figure before
                    same = [
                        c for c in candidates if c.row["unit"] == candidate.row["unit"] and c.row["indicator"]
                    ]
                    candidate.row["indicator"] = same[-1].row["indicator"] if same else None
                candidates.append(candidate)
                for value in alternatives:  # 15(9)个: each figure is a row
                    candidates.append(
                        _Candidate({**candidate.row, "value": value}, candidate.verdict, candidate.reason)
                    )
    sentence_tense = "forward" if "forward" in tenses else "past" if reports_only else None
    return candidates + excluded, sentence_tense


def _exclusion(view: _View, q: _Quantity, clause: tuple[int, int], sentence: tuple[int, int]) -> str | None:
    """Why the figure is something other than a planned value (an ordinal, a price, a score, a quota,
    an applicant's condition…), by the words right around it; None when it is a candidate."""
    scan = view.scan
    c_start, c_end = clause
    s_start, s_end = sentence
    for pattern, why in _EXCL_BEFORE:
        if pattern.search(scan[max(s_start, q.start - 4) : q.start]):
            return why
    for pattern, why in _EXCL_AFTER:
        if pattern.search(scan[q.end : q.end + 6]):
            return why
    if _RISE_FROM_BEFORE_RE.search(scan[max(s_start, q.start - 6) : q.start]) and _RISE_TO_AFTER_RE.match(
        scan[q.end : s_end]
    ):
        return "the starting point of a rise (由500人增加到800人)"
    if q.chinese and re.match(r"[\u4e00-\u9fff]?一", scan[q.end : q.end + 2]):
        return "name (一户一档, 一院一策)"
    if (
        q.chinese
        and q.values[0] == 1
        and _ARTICLE_ONE.match(scan, q.start, q.end + 12)
        and re.search(r"(?:提供|营造|创造|带来|给予)\s*$", scan[max(0, q.start - 6) : q.start])
    ):
        return "一个 as an article (提供一个高标准的…保障): no count"
    clause_before = scan[c_start : q.start]
    if q.unit == "%":
        why = _share_exclusion(scan[c_start:c_end], clause_before, scan[q.end : q.end + 8])
        if why:
            return why
    line_start = scan.rfind("\n", 0, q.start) + 1
    line_end = scan.find("\n", q.end)
    line = scan[line_start : line_end if line_end >= 0 else len(scan)]
    if "|" in line and any(_SCORE_CELL_RE.match(cell) for cell in line.split("|")):
        return "a criterion of a scoring table"
    return _context_exclusion(scan, q, clause_before, s_start, s_end)


def _share_exclusion(clause_text: str, clause_before: str, following: str) -> str | None:
    """A percentage that is a subsidy rate, a price or payment change, a weight or a permission."""
    if (
        _MONEY_RE.search(clause_text)
        and not _FUND_SHARE_RE.search(clause_text)
        and not _FUND_EXECUTION_RE.search(clause_before)
    ):
        return "share of money (a subsidy rate or price)"
    if _ASSESSMENT_WEIGHT_RE.search(clause_before):
        return "weight in an assessment"
    if _DISBURSEMENT_SHARE_RE.search(clause_before) or _PRICE_CHANGE_RE.search(clause_before):
        return "instalment share or price change"
    if _PERMITTED_SHARE_RE.match(following):
        return "permitted share (may, not must)"
    return None


def _context_exclusion(scan: str, q: _Quantity, clause_before: str, s_start: int, s_end: int) -> str | None:
    """A figure that scores, nominates, selects, assigns a person, shares a total among places, states
    an applicant's condition, a class threshold or a qualifying threshold, or stands in a deputy's quoted
    proposal."""
    sentence_text = scan[s_start:s_end]
    if _SCORING_RULE_RE.search(sentence_text):
        return "scoring rule"
    if _NOMINATION_QUOTA_RE.search(clause_before):
        return "nomination quota"
    if q.chinese and _SELECTION_QUOTA_RE.search(clause_before):
        return "selection quota (评选一个)"
    if q.unit in ("名", "人", "位") and _ASSIGNED_PERSON_RE.search(clause_before):
        return "person assigned to a task"
    if (
        q.unit == "人"
        and _POPULATION_BEFORE_RE.search(clause_before)
        # (not those who receive a service: `全市享受居家养老服务的老年人达到10万人`)
        and not re.search(r"服务|享受|接受|参加|惠及|覆盖|受益|培训|救助|照护|入住|领取", clause_before)
    ):
        return "population"
    if _WHAT_A_SHARE_HAS_RE.search(clause_before):
        return "what each of a share has"
    if (
        # (or the facilities a sum is paid to, counted after 向: `向2家社会办非营利性养老机构拨付一次性建设补贴24万元`)
        (
            q.unit in ("人", "人次")
            or (q.unit in ("家", "户", "所", "个") and _TO_AT_END.search(clause_before))
        )
        and _PAID_SUM_RE.search(sentence_text)
        and not _FORWARD_RE.search(sentence_text)
        and not re.search(r"将|计划|力争|争取|拟", sentence_text)  # (`2024年将为5000名…老人发放…`)
        and not _STATED_TARGET_RE.search(sentence_text)  # (`项目目标任务为…提供不低于806人次…服务`)
        and not re.search(r"不低于|不少于|至少|达到", clause_before)
    ):
        return "people a sum paid out reaches"
    if _PLACE_SHARE_RE.match(clause_before) and "其中" in scan[s_start : q.start]:
        return "a place's share of a total"  # only in a `其中` breakdown (`其中北山街道1个,西溪街道1个`)
    if q.unit == "%" and _PART_SHARE_RE.search(clause_before) and "其中" in scan[s_start : q.start]:
        return "a part's share of a total"  # `…81个,其中利用…提供的占94%,租赁的仅占6%`: what the total is made of
    if not clause_before.strip(" \x00") and _RECIPIENT_COUNT_RE.match(scan, q.end):
        return (
            "count of those paid a standard amount"  # the count opens its clause: `…如下:2个…中心,按照每个…`
        )
    opening = _ENUMERATOR.sub("", sentence_text.strip(" \x00"), count=1).strip(" \x00")
    if _APPLICANT_SUBJECT_RE.search(opening) or _APPLICANT_CONDITION_RE.search(sentence_text.strip(" \x00")):
        return "applicant's condition"
    if _CLASS_THRESHOLD_BEFORE_RE.search(clause_before) and _CLASS_THRESHOLD_AFTER_RE.match(
        scan[q.end : q.end + 8]
    ):
        return "class threshold"
    if _QUALIFYING_THRESHOLD_RE.match(scan[q.end : q.end + 24]):
        return "qualifying threshold"
    if _GRANTED_CLASS_OPENING_RE.search(scan[s_start : q.start]) and _GRANTED_CLASS_AFTER_RE.match(
        scan[q.suffix_end : min(s_end, q.suffix_end + 90)]
    ):
        return "condition of those granted money"
    if any(m.start() <= q.start - s_start < m.end() for m in _DEPUTY_PROPOSAL_RE.finditer(sentence_text)):
        return "a deputy's quoted proposal"
    return None


def _comparator(scan: str, q: _Quantity, before: str, clause_text: str) -> tuple[str, bool, bool]:
    """Comparator (after the quantity, else before it, else eq), whether the text states one, and
    whether the figure is a service radius or travel time. Moves `q.suffix_end` past a comparator."""
    comparator = q.comparator
    after = _AFTER_RE.match(scan, q.end)
    radius = q.unit in ("分钟", "公里", "米") and bool(
        _RADIUS_RE.match(scan, q.end)
        or _RADIUS_BEFORE_RE.search(before.rstrip('"“”'))
        or _RADIUS_CONTEXT_RE.search(clause_text)
    )
    if after:
        q.suffix_end = after.end()
    if comparator is None:
        found = list(_BEFORE_RE.finditer(before[-14:]))
        if after:
            comparator = COMPARATORS_AFTER[int(after.lastgroup[1:])][1]
        elif found:
            comparator = COMPARATORS_BEFORE[int(found[-1].lastgroup[1:])][1]
        elif radius:
            comparator = "lte"
        elif _NEAR_AT_END.search(before):
            comparator = "approx"
        else:
            comparator = "eq"
    return comparator, comparator != "eq" or bool(_EQ_RE.search(before[-14:])), radius


def _deadline(
    q: _Quantity, c_start: int, times: list[_Time], column_year: int | None, reference_year: int | None
) -> tuple[int | None, str | None]:
    """The latest time expression before the figure in its sentence (a table column's year first)."""
    deadline_year, deadline = column_year, (f"{column_year}-12-31" if column_year else None)
    for t in times:
        if t.start >= q.start:
            break
        if t.kind == "each_year" and t.start < c_start:
            continue  # `…期间,每年新建2000张,累计建成1万张`: 每年 holds in its own clause
        reported = (
            t.kind == "since"
            or t.event
            or (t.year and reference_year and t.year < reference_year and not t.by)
        )
        if t.kind == "each_year" or reported:
            deadline_year, deadline = column_year, (f"{column_year}-12-31" if column_year else None)
        elif t.year:
            deadline_year, deadline = t.year, t.date
        elif t.kind in ("this_year", "next_year", "this_month"):
            deadline_year, deadline = None, None
    return deadline_year, deadline


@dataclass
class _Signals:
    """What the words around a figure say about it, for the verdict."""

    comparator: str
    has_comparator: bool
    radius: bool
    is_norm: bool
    adopted_norm: bool  # a norm the sentence states as a rule, even while reporting
    commitment: bool
    normative: bool
    forward_time: bool
    deadline_year: int | None
    after_report: bool = False


def _verdict(
    row: dict,
    q: _Quantity,
    s: _Signals,
    own_tense: str | None,
    tense: str | None,
    reports_only: bool,
    rejected: str | None,
) -> _Candidate:
    """Target, doubtful or rejected, in order: what the sentence is (forecast, condition, definition),
    its tense, then what anchors the figure as a commitment."""
    if rejected:
        return _Candidate(row, "rejected", rejected)
    if own_tense == "past":
        return _Candidate(row, "doubtful" if s.adopted_norm else "rejected", "reported in its clause")
    if tense == "past" and not s.adopted_norm:
        return _Candidate(row, "rejected", "reported (sentence)")
    if tense is None and reports_only and not s.adopted_norm:
        return _Candidate(row, "rejected", "sentence reports")
    anchored = (s.has_comparator and s.comparator != "eq") or s.is_norm or s.deadline_year
    if q.chinese and q.unit != "%" and not (anchored or (tense == "forward" and s.commitment)):
        return _Candidate(row, "doubtful", "Chinese numeral without comparator or deadline")
    if tense == "forward" or s.forward_time:
        return _Candidate(row, "target")
    if s.after_report and s.commitment and not (s.has_comparator or s.is_norm or s.normative or s.radius):
        # a verb of building alone (`建成…站点1662个`) after a report in its paragraph (`截至2018年底,…床位20.8万张`)
        return _Candidate(row, "rejected", "reported (paragraph)")
    if (
        (s.has_comparator and s.comparator != "approx")
        or s.is_norm
        or s.commitment
        or s.normative
        or s.radius
    ):
        return _Candidate(row, "target")
    return _Candidate(row, "doubtful", "no tense and no anchor")


def _judge(
    view: _View,
    text: str,
    q: _Quantity,
    kept: list[_Quantity],
    k: int,
    previous_end: int,
    clause: tuple[int, int],
    sentence: tuple[int, int],
    own_tense: str | None,
    tense: str | None,
    reports_only: bool,
    times: list[_Time],
    column_year: int | None,
    reference_year: int | None,
    clauses: list[tuple[int, int]] | None = None,
    context: _Context | None = None,
    forecast: bool = False,
) -> _Candidate:
    """The verdict on one figure: excluded by what it is, else target, doubtful or rejected."""
    scan = view.scan
    clauses = clauses or [clause]
    context = context or _Context()
    c_start, c_end = clause
    s_start, s_end = sentence
    before = scan[previous_end : q.start]
    clause_before = scan[c_start : q.start]
    excluded = _exclusion(view, q, clause, sentence)
    if excluded:
        row = _row(view, text, q, kept, k, previous_end, clause, sentence, "eq", column_year, None)
        return _Candidate(row, "excluded", excluded)

    clause_text = scan[c_start:c_end]
    comparator, has_comparator, radius = _comparator(scan, q, before, clause_text)
    deadline_year, deadline = _deadline(q, c_start, times, column_year, reference_year)
    each_year = any(t.kind == "each_year" and c_start <= t.start < c_end for t in times)
    if deadline_year is None and not each_year:
        deadline_year, deadline = _late_deadline(scan, q, clause, clauses, times, reference_year)

    sentence_text = scan[s_start:s_end]
    is_norm = any(p.search(clause_before) for p in _NORM_RES) or (
        q.unit == "次" and _FREQUENCY_NORM_RE.search(clause_before) is not None
    )
    earlier = [scan[a:b].rstrip(" \x00") for a, b in clauses if b <= c_start]
    conditional = any(_CONDITION_CLAUSE_RE.search(c) for c in earlier)
    forward_time = column_year is not None or any(
        t.start < q.start
        and t.kind not in ("since", "each_year")
        and not (t.year and reference_year and t.year < reference_year)
        and not t.event
        for t in times
    )
    if deadline_year is None and not each_year:
        deadline_year, deadline = _cell_deadline(view, q, clause, times)
    # Standards (`每百户不低于30平方米`, `每月探访不少于1次`, `福彩公益金…不低于55%用于…`) hold without a
    # deadline unless their own sentence gives one: a paragraph's or a title's year is not theirs.
    standard = (
        (q.unit == "平方米" and any(p.search(clause_before) for p in _NORM_RES))
        or (q.unit == "次" and _FREQUENCY_NORM_RE.search(clause_before) is not None)
        or (q.unit == "%" and _FUND_SHARE_RE.search(clause_text) and _FUND_WORD_RE.search(clause_text))
        or (radius and not each_year)
    )
    if deadline_year is None and context.default_year and not each_year and tense != "past" and not standard:
        deadline_year, deadline = context.default_year, f"{context.default_year}-12-31"
    row = _row(view, text, q, kept, k, previous_end, clause, sentence, comparator, deadline_year, deadline)
    rejected = None
    if forecast:
        rejected = "forecast"
    elif context.conditions or _DEFINITION_RE.search(sentence_text):
        rejected = "eligibility condition or definition"
    elif _is_condition(scan, clause, clauses):
        rejected = "condition (eligibility or legal consequence)"
    signals = _Signals(
        comparator,
        has_comparator,
        radius,
        is_norm,
        is_norm and _NORM_ADOPTION_RE.search(sentence_text) is not None,
        _COMMIT_RE.search(clause_before) is not None
        or (clause_before.strip() == "对" and OBJECT_THEN_VERB.search(scan[q.end : c_end]) is not None)
        or (
            _DESIGN_CAPACITY_RE.search(clause_before) is not None
            and _TO_BE_BUILT.search(sentence_text) is not None
        ),
        _NORMATIVE_RE.search(scan[s_start:c_end]) is not None and not conditional,
        forward_time,
        deadline_year,
        context.after_report,
    )
    return _verdict(row, q, signals, own_tense, tense, reports_only, rejected)


def _cell_deadline(
    view: _View, q: _Quantity, clause: tuple[int, int], times: list[_Time]
) -> tuple[int | None, str | None]:
    """`1 | 新增家庭养老床位 | 800张 | 12月底前 | 养老服务科`: a later cell of the row that is only a time."""
    scan = view.scan
    if "|" not in scan[clause[0] : clause[1]]:
        return None, None
    for t in times:
        if t.start < q.end or not t.year or t.kind in ("since", "each_year", "year_range"):
            continue
        cell_start = scan.rfind("|", clause[0], t.start)
        cell_end = scan.find("|", t.end, clause[1])
        cell_end = clause[1] if cell_end < 0 else cell_end
        if cell_start < 0 or scan[cell_start + 1 : t.start].strip(" \x00"):
            continue
        if _DEADLINE_CELL_TAIL_RE.match(scan[t.end : cell_end].strip(" \x00")):
            return t.year, t.date
    return None, None


def _is_condition(scan: str, clause: tuple[int, int], clauses: list[tuple[int, int]]) -> bool:
    """`对运营三家以上…的,给予奖励`: the figure is in a condition, not a target."""
    c_start, c_end = clause
    text = _ENUMERATOR.sub("", scan[c_start:c_end].strip(" \x00"), count=1).strip(" \x00")
    if _CONDITION_CLAUSE_RE.search(text):
        return True
    condition = _CONDITION_OBJECT_RE.search(text)
    if not condition:
        return False
    later = [text[condition.end() :]] + [scan[a:b] for a, b in clauses if a >= c_end][:1]
    return any(_CONSEQUENCE_RE.search(part) for part in later)


def _late_deadline(
    scan: str,
    q: _Quantity,
    clause: tuple[int, int],
    clauses: list[tuple[int, int]],
    times: list[_Time],
    reference_year: int | None,
) -> tuple[int | None, str | None]:
    """`新增床位1000张,2025年底前完成`: a deadline in a following clause that opens with it."""
    for a, b in clauses:
        if a < clause[1]:
            continue
        t = next((t for t in times if a <= t.start < b), None)
        if t is None or not t.year or (reference_year and t.year < reference_year):
            if _DIGIT.search(scan, a, b):
                break
            continue
        if _LATE_CLAUSE_RE.match(scan[a : t.start].strip(" \x00")) and _LATE_FOLLOW_RE.search(
            scan[t.end : b]
        ):
            return t.year, t.date
        break
    return None, None


def _row(
    view: _View,
    text: str,
    q: _Quantity,
    kept: list[_Quantity],
    k: int,
    previous_end: int,
    clause: tuple[int, int],
    sentence: tuple[int, int],
    comparator: str,
    deadline_year: int | None,
    deadline: str | None,
) -> dict:
    scan = view.scan
    c_start, c_end = clause
    last_in_clause = k == len(kept) - 1
    new_items = list(_NEW_ITEM.finditer(scan, previous_end, q.start))
    q_start = new_items[-1].end() if new_items else previous_end  # a new item opens with its own verb
    if noun_follows(scan, kept, k, c_start):
        q_start = _gap_noun(scan, kept, k).end(1)  # the words before are the previous figure's noun
        q_start += 2 if scan.startswith("以及", q_start) else 0
    while q_start < q.start and scan[q_start] in " ,;:、()\x00或和及":
        q_start += 1
    enumerator = _ENUMERATOR_AT.match(scan, q_start, q.start)
    if enumerator:
        q_start = enumerator.end()
    q_end = c_end if last_in_clause else q.suffix_end
    if not last_in_clause and noun_follows(scan, kept, k + 1, c_start):
        q_end = _gap_noun(scan, kept, k + 1).end(
            1
        )  # up to the separator: the noun after the figure is its own
    if not last_in_clause and _TASK_BEFORE_PROGRESS_RE.match(scan, q.suffix_end, c_end):
        q_end = _PROGRESS_DONE.search(scan, q.suffix_end, c_end).start()  # the task's words, not its progress
    while q_end > q.end and scan[q_end - 1] in " \x00":
        q_end -= 1
    start, end = view.original_span(q_start, q_end)
    # Scope: stated in the figure's clause, or in a short lead-in (`到2025年,全市:`).
    scope = None
    lead_end = scan.find(",", sentence[0], c_start)
    lead = (sentence[0], lead_end if 0 <= lead_end - sentence[0] <= 12 else sentence[0])
    for from_, to in (lead, (c_start, q.start)):
        for m in _SCOPE_SCAN.finditer(scan, from_, to):
            scope = view.norm[m.start() : m.end()]
    split = _place_split(scan, q, previous_end, clause[0]) if q.unit == "%" else None
    if split:
        indicator, scope = split[0], scope or split[1]
    else:
        indicator = _rise_subject(scan, clause[0], q.start) or _indicator(
            view.norm, scan, q, kept, k, previous_end, clause
        )
    indicator = indicator or None
    return {
        "indicator": indicator,
        "comparator": comparator,
        "value": q.values[0],
        "value_max": q.value_max,
        "unit": counted_unit(q.unit, indicator),
        "deadline_year": deadline_year,
        "deadline": deadline,
        "scope": scope,
        "quote": text[start:end],
        "start": start,
        "end": end,
        "_alternatives": q.values[1:],
    }


def counted_unit(unit: str, indicator: str | None) -> str:
    """The contract's unit for a counter: households counted with 个 are 户."""
    for counter, noun, normalized in COUNTERS_BY_NOUN:
        if unit == counter and indicator and re.search(noun, indicator):
            return normalized
    return unit


# ---------------------------------------------------------------------------
# Indicator wording
# ---------------------------------------------------------------------------

_PREDICATE = re.compile(r"建有|设有|享受|能够享受|实现|开展|获得|参加|接受|拥有|使用|入住")
_COMPARATOR_WORDS = "|".join(p for p, _ in COMPARATORS_BEFORE + COMPARATORS_AFTER)
_TRIM_TAIL = re.compile(
    rf"(?:{EQ_WORDS}|{INDICATOR_TAIL_WORDS}|为|{_COMPARATOR_WORDS}|近|\s|\x00|[,;:、(])+$"
)
_TRIM_HEAD = re.compile(rf"^(?:的|{_COMPARATOR_WORDS}|[\s\x00,;:、)])+")
_ENUMERATOR = re.compile(
    r"^(?:第[一二三四五六七八九十百]+条|\(?[一二三四五六七八九十\d]{1,3}\)|[一二三四五六七八九十]{1,3}、)"
)
_ENUMERATOR_AT = re.compile(_ENUMERATOR.pattern.lstrip("^"))
_COVERAGE_SUBJECT_RE = re.compile(COVERAGE_SUBJECT)
_COVERED_LEVEL_RE = re.compile(COVERED_LEVEL)
_DEADLINE_STRIP = re.compile(rf"(?:到|至|在|于)?(?:{_DEADLINE_RE.pattern})(?:前|以前|之前)?")
_STRIP_LEADING = re.compile(rf"^(?:{_COMPARATOR_WORDS}|{LEADING_WORDS}|应当|按照|提出|——|—|[\s,;:、()\x00])+")
_LEADING_VERB = re.compile(
    rf"^(?:{LEADING_WORDS})*(?:{INDICATOR_LEADING_VERBS}|{COMMITMENT_VERBS}|召开|开展|推出|设置|组建|承接|提出|有(?!序|效|力|关))"
)
_RELATIVE_SPAN = re.compile(
    r"[一二三四五六七八九十两几\d]+年(?:内|来|间)|(?<![\d年])年(?:底|末)(?:前|以前|之前)?"
)
_FUND_SHARE_LEAD = re.compile(r"(?:应当|要|须|必须)?将?(?:不低于|不少于)?$")
#: `一个` before a quality and 的, after a verb of providing (`提供一个高标准的生活服务保障`, `营造一个良好的环境`), is the
#: article `a`; after a building verb it counts (`建设一个高水平的县级失能照护机构`).
_ARTICLE_ONE = re.compile(
    r"一\s*[个种]\s*(?:更加|更为|更|十分|非常)?(?:高标准|高质量|高水平|良好|舒适|温馨|和谐|安全|便捷|优美|美好)的"
)
#: Verbs that make or add what they count; words before a figure that end with one leave the counted noun
#: after it. Not the verbs of a level reached (达到, 实现, 覆盖): their subject, before them, is what is counted.
_BUILDING_VERB_END = re.compile(
    r"(?:建设|新建|建成|建有|设有|增设|培育|打造|建立|设置|设立|创建|引进|配备|配建|改造|培养|培训|新增|增加|推出|推进|拓展|辐射(?:周边)?"
    r"|提供|完成|开展|实施|支持)$"
)
#: `各` and a building verb inside the words before a figure: the places before it, the noun after it.
_EACH_BUILT = re.compile(r"各(?:改造建设|新建|建设|建成|改造|设立|配建|打造)")
#: A distance is a service radius only where the clause speaks of one (`服务半径1公里`, `覆盖…`, `…以内`); elsewhere
#: it measures works (`农村公路道路改造17.6公里`). A time (分钟) is one always (`中心城区10-15分钟`).
_RADIUS_CONTEXT = re.compile(r"半径|步行|车程|骑行|路程|圈|覆盖|范围|可达|以内|之内|内")
_LONE_VERB = re.compile(r"^(?:容纳|接待|安置|服务|照护|吸纳)$")
_ASIDE = re.compile(r"\((?:简称|含|下同)[^)]*\)")
_HEAD_NOUN = re.compile(r"(?:点|中心|站|机构|平台|企业|组织|基地|院|场所)$")
#: A new item of an enumeration opens with its own verb (`培训200名养老护理员、新增床位500张`): the words of one
#: figure end there, those of the next begin there.
_NEW_ITEM = re.compile(rf"、(?=(?:{COMMITMENT_VERBS}|{INDICATOR_LEADING_VERBS}))")
#: People or households a service is given to, after `为N名`: `老年人提供家庭照护床位服务` (group 1, group 2).
# (the people may be an age band: `为1000名75~79周岁失能社会老年人提供居家上门服务`)
_SERVED = re.compile(r"([^,;:。、\x00]{2,20}?)(?:免费|无偿|定期|上门|优先)?提供([^,;:。、\x00\d]{2,20})")


@functools.lru_cache(maxsize=4096)
def _clean(phrase: str) -> str:
    """An indicator phrase without deadlines, scopes, enumerators and trailing words (cached: a document
    cleans the same phrase about twenty times, once per figure and alternative looked at)."""
    cells = _ASIDE.sub("", phrase.replace("\x00", "")).split("|")
    phrase = next((c for c in reversed(cells) if c.strip()), "")  # a table row: the cell before the figure
    phrase = _DEADLINE_STRIP.sub("", phrase)
    phrase = _RELATIVE_SPAN.sub("", phrase)
    phrase = _SCOPE_RE.sub("", phrase)
    previous = None
    while previous != phrase:
        previous = phrase
        phrase = _ENUMERATOR.sub("", phrase)
        phrase = _STRIP_LEADING.sub("", phrase)
        phrase = _TRIM_TAIL.sub("", phrase)
    phrase = phrase.lstrip(")").rstrip("(")
    if phrase.count("(") != phrase.count(")"):
        phrase = phrase.replace("(", "").replace(")", "")
    if re.fullmatch(r"[\"“][^\"“”]+[\"”]", phrase):
        phrase = phrase[1:-1]
    return phrase


def _last_item(phrase: str) -> str:
    """`市、区级信息平台、社区服务网点` → `社区服务网点`; keep `品牌化、连锁化…企业` whole."""
    items = phrase.split("、")
    modifiers = any(re.search(r"[化型性级]$", item) for item in items[:-1])
    if len(items) > 1 and _HEAD_NOUN.search(items[-1]) and len(items[-1]) >= 6 and not modifiers:
        return items[-1]
    return phrase


def _tail_noun(phrase: str) -> str:
    phrase = _clean(_TAIL_NOUN_STOPS.split(phrase)[0])
    if "的" in phrase and len(phrase) > 16:
        phrase = phrase.rsplit("的", 1)[1]
    return phrase


def _object_after(after: str, raw_before: str) -> str:
    """The noun after a figure whose words before it name nothing; after `为N名` the people served, by the
    service (`为4000名老年人提供家庭照护床位服务` → 提供家庭照护床位服务的老年人)."""
    served = _SERVED.match(after) if re.search(r"[为向给][\s\x00]*$", raw_before) else None
    if served:
        return f"提供{_clean(served.group(2))}的{_clean(served.group(1))}"
    return _tail_noun(_NEW_ITEM.split(after.replace("进行", ""))[0])


def _object_before(before: str) -> str:
    """The words before a figure without the verbs that open them (`培训` → ``, `新增养老床位` → `养老床位`)."""
    obj = before
    while (head := _LEADING_VERB.match(obj)) and head.end() < len(obj) + 1 and head.end() > 0:
        obj = _clean(obj[head.end() :])
    return obj


# Between two figures of an enumeration whose nouns follow them: the earlier figure's noun, a separator, and
# perhaps the next figure's comparator or verb (`示范性老年食堂、不少于`, `区级指导中心、改造`).
_ENUMERATION_GAP = re.compile(
    rf"\s*([^,;:。、\x00]{{2,24}}?)\s*(?:以及|、|,|和|及|与)\s*"
    rf"(?:(?:{_COMPARATOR_WORDS}|(?:{INDICATOR_LEADING_VERBS}|{COMMITMENT_VERBS})(?:产生|出|成)?)\s*)?"
)


def _gap_noun(scan: str, kept: list[_Quantity], k: int) -> re.Match | None:
    """The gap between figures `k - 1` and `k` when it is only a noun and a separator (group 1: the noun)."""
    a, b = kept[k - 1].suffix_end, kept[k].start
    gap = _ENUMERATION_GAP.fullmatch(scan, a, b)
    if not gap or _LEADING_VERB.match(gap.group(1)) or re.search(r"\d", gap.group(1)):
        return None
    return gap


def noun_follows(scan: str, kept: list[_Quantity], k: int, clause_start: int) -> bool:
    """Whether figure `k` of an enumeration counts the noun after it: the enumeration opens with a figure
    whose noun follows it, and each gap is only the previous figure's noun and a separator
    (`培训200名养老护理员、50名社会工作者`, `建成1个老年食堂、18个社区老年助餐点,23个村级老年助餐点`)."""
    if k >= len(kept):
        return False
    first = k
    while first > 0 and _gap_noun(scan, kept, first):
        first -= 1
    if first == k:
        return False
    opening = _clean(scan[kept[first - 1].suffix_end if first else clause_start : kept[first].start])
    obj = _object_before(opening)
    # (a subject before the verb does not name what is counted: `浙江今年内要完成300个乡镇养老服务中心和3000个…`)
    return not obj or bool(_PREPOSITION_AT_END.search(obj) or _BUILDING_VERB_END.search(obj))


def _built_object(obj: str, after: str, raw_before: str) -> str:
    """The words before a figure when they build or add something: what each place builds (`在…3乡镇各新建
    乡镇综合养老服务中心1处`), or the noun after the figure when they end with the verb (`建设一所区域敬老院`)."""
    each = _EACH_BUILT.search(obj)
    if each and len(obj) - each.end() >= 2:
        obj = obj[each.end() :]
    # (or names the instances of what is counted, then 等: `建成投用桥墩镇、赤溪镇、灵溪镇观美等3家中心敬老院`)
    if _BUILDING_VERB_END.search(obj) or raw_before.rstrip().endswith("等"):
        counted = _object_after(after, raw_before)
        if len(counted) >= 2:
            return counted
    return obj


# What the words before a figure end with when something rises to it (`_RISE_SUBJECT` ends so, then spaces).
_RISE_ENDINGS = tuple(verb + to for verb in _RISE_VERBS for to in ("", "至", "到"))


def _rise_subject(scan: str, c_start: int, figure_start: int) -> str | None:
    """What rises to the figure (`养老护理员人数由500人增加到800人` → 养老护理员人数): named before 由."""
    if not scan[c_start:figure_start].rstrip().endswith(_RISE_ENDINGS):
        return None  # (most figures: the pattern, tried at each character of the clause, cannot end here)
    rise = _RISE_SUBJECT.search(scan, c_start, figure_start)
    return _clean(rise.group(1))[:40] if rise else None


def _distance_name(obj: str, q: _Quantity, scan: str, clause: tuple[int, int]) -> str:
    """A time or distance: a service circle or radius (`15分钟养老服务圈`, `服务半径`), or how far works go."""
    c_start, c_end = clause
    # (the circle may stand in quotes: `15分钟“养老生活圈”`)
    circle = re.match(r"[\"“]?([^,;:。\"“”]{0,10}?圈)", scan[q.suffix_end : c_end])
    clause_text = scan[c_start:c_end]
    # (minutes measure a way, `中心城区10-15分钟`, unless they say how long something lasts: `每次不少于60分钟`)
    lasts = q.unit == "分钟" and re.search(r"每次|每天|每日|时长|持续", clause_text)
    radius = _RADIUS_CONTEXT.search(clause_text) or (q.unit == "分钟" and not lasts)
    if q.unit == "分钟" and circle:
        return f"{q.values[0]:g}分钟{circle.group(1)}"  # 15分钟养老服务圈
    if q.unit == "分钟" and not radius:
        return (
            (obj if obj.endswith("时长") else obj + "时长") if len(obj) >= 2 else "服务时长"
        )  # 每次不少于60分钟
    if radius and (not obj or "服务" not in obj):
        return "服务半径" if q.unit != "分钟" else "服务半径(步行时间)"
    if not radius and len(obj) >= 2 and not re.search(r"(?:里程|长度|长|宽度|宽)$", obj):
        return obj + (
            "里程" if q.unit == "公里" else "长度"
        )  # `农村公路道路改造17.6公里`: how far the works go
    return obj


def _place_split(scan: str, q: _Quantity, previous_end: int, c_start: int) -> tuple[str, str] | None:
    """(rate, place) when the figure's words are only a kind of place and the clause before names the rate
    (PLACE_SPLIT_RATE)."""
    words = _NEW_ITEM.split(scan[max(previous_end, c_start) : q.start])[-1].strip(" ,;:、\x00")
    place = _SPLIT_PLACE_RE.fullmatch(words)
    rate = _PLACE_SPLIT_RATE_RE.search(scan, max(0, c_start - 40), c_start) if place else None
    if not rate:
        return None
    return _RATE_LEADING_VERB_RE.sub("", _clean(rate.group("n")))[:40], place.group("p")


# The size of what a figure counts, written between the figure and its noun (`1所床位数在300张的…中心`).
_SIZE_WORDS = r"\s*(?:床位数?|建筑面积|占地面积|面积|规模)\s*(?:在|为|达|达到|不少于|不低于)?\s*"
SIZE_OF_WHAT_FOLLOWS = re.compile(_SIZE_WORDS)
SIZE_THEN_NOUN = re.compile(rf"^{_SIZE_WORDS}\d+\s*(?:张|床|平方米|㎡)\s*(?:以上|左右)?\s*的")


SHARE_SCOPE = re.compile(r"农村|城市|城镇|城区|市区|县城|乡村|全(?:市|省|区|县)")


_MONEY_THEN_BUILT = re.compile(r"[\d.]+\s*[万亿]?元(?:资金)?(?:用于)?(新建|新增|建成|建设|改造|改扩建)$")


def _share_indicator(before: str, after: str, rest: str = "") -> str:
    """What a percentage is the share of: the rate named before it, or what the words after it say (`rest`: the
    clause after it, past a figure inside what they have, `80%左右的乡镇拥有一处多功能的综合性居家养老服务中心`)."""
    before = re.sub(r"(?<=.)(?:均|都)$", "", before)  # `…达标率、…覆盖率均达到100%`: both are (SHARED_FIGURE)
    # (a scope names where, not what: `农村80%左右的乡镇拥有一处…中心` is the share of 乡镇 that have one)
    before = "" if SHARE_SCOPE.fullmatch(before) and _PREDICATE.search(after) else before
    if before and re.search(rf"(?:{RATE_NOUNS})$", before):
        return _RATE_LEADING_VERB_RE.sub("", before)[:40]
    if not before:
        # `50%的街道(乡镇)建有老年学校` → 建有老年学校的街道(乡镇)比例
        m = _PREDICATE.search(after)
        if m:
            had = after[m.start() :].strip()
            if had == m.group() and rest:  # (what they have is counted: `拥有一处…中心` → 拥有…中心)
                had += _tail_noun(rest.split(m.group(), 1)[-1])
            return f"{had}的{after[: m.start()].strip()}比例"[:40]
        return (_clean(after) + "比例")[:40]
    noun = _clean(after) if re.search(r"[和及与或]$", before) else ""
    return (before + (noun if len(noun) <= 12 else "") + "比例")[:40]


def _noun_past_a_size(scan: str, kept: list[_Quantity], k: int, after: str, c_end: int) -> str:
    """`建成1所床位数在300张的综合性养老福利中心`: what the figure counts is the noun after the size of each, not the size."""
    if k + 1 < len(kept) and SIZE_OF_WHAT_FOLLOWS.fullmatch(after):
        later = kept[k + 2].start if k + 2 < len(kept) else c_end
        sized = re.match(
            r"\s*(?:张|床|平方米|㎡)?\s*(?:以上|左右)?\s*的", scan[kept[k + 1].suffix_end : later]
        )
        rest = scan[kept[k + 1].suffix_end + sized.end() : later] if sized else ""
        return _tail_noun(_TRIM_HEAD.sub("", rest.replace("\x00", ""))) if sized else ""
    sized = SIZE_THEN_NOUN.match(after)  # (a size the rules do not count, `1所床位数在200床的民办综合养老院`)
    return _tail_noun(after[sized.end() :]) if sized else ""


def _indicator(
    norm: str,
    scan: str,
    q: _Quantity,
    kept: list[_Quantity],
    k: int,
    previous_end: int,
    clause: tuple[int, int],
) -> str:
    """A short noun phrase for what the figure counts, from the words around it."""
    c_start, c_end = clause
    before_all = scan[previous_end : q.start]
    raw_before = _NEW_ITEM.split(before_all)[-1]
    before = _clean(raw_before)
    # (a sum spent before the verb of what it builds is no part of it: `今年增加投入504万元新建360张床位` → 新建床位)
    spent = _MONEY_THEN_BUILT.search(before)
    before = spent.group(1) if spent else before
    next_start = kept[k + 1].start if k + 1 < len(kept) else c_end
    after = _TRIM_HEAD.sub("", scan[q.suffix_end : next_start].replace("\x00", ""))
    after = _PROGRESS_DONE.split(after.split("(或")[0])[0]  # `…建设已完成1个`: the task, not its progress
    sized = _noun_past_a_size(scan, kept, k, after, c_end)
    if sized:
        return sized[:40]
    tail = _tail_noun(scan[kept[-1].suffix_end : c_end]) if kept else ""
    norm_basis = _NORM_BASIS.search(raw_before)

    if q.unit == "%" and "用于" in after and _MONEY_RE.search(raw_before + after):
        # 福彩公益金应当将不低于55%的资金用于支持发展养老服务 → 福彩公益金用于支持发展养老服务的比例
        fund = _FUND_SHARE_LEAD.sub("", before)
        purpose = _clean(after[after.index("用于") :])
        return f"{fund}{purpose}的比例"[:40]
    coverage = _COVERAGE_SUBJECT_RE.search(scan[c_start : q.start]) if q.unit == "%" else None
    covered = _COVERED_LEVEL_RE.match(scan, q.suffix_end) if coverage else None
    if coverage and covered:
        # `养老服务设施覆盖所有城市社区、90%以上乡镇和60%以上村` → 养老服务设施覆盖村比例
        return f"{_clean(coverage.group(1))}覆盖{covered.group(1)}比例"[:40]
    if q.unit == "%":
        return _share_indicator(before, after, scan[q.suffix_end : c_end].replace("\x00", ""))

    if norm_basis:
        # 每百户不少于20平方米的标准配置养老服务用房 → 养老服务用房配置标准(每百户)
        m = re.search(r"(配(?:置|建|备|套建设)|建设)([^,;:。、]{2,16})", scan[q.suffix_end : c_end])
        if m:  # (`…每百户不少于20平方米的标准建设社区养老服务设施` → …建设标准)
            verb = "建设" if m.group(1) == "建设" else "配置"
            return f"{_clean(m.group(2))}{verb}标准({norm_basis.group(0)})"[:40]
        thing = _tail_noun(raw_before.split(norm_basis.group(0), 1)[1])
        return f"{norm_basis.group(0)}{thing}"[:40]

    if noun_follows(scan, kept, k + 1, c_start):
        return _clean(_gap_noun(scan, kept, k + 1).group(1))[:40]
    if noun_follows(scan, kept, k, c_start):
        return _tail_noun(after)[:40]
    obj = _built_object(_object_before(before), after, raw_before)
    if not obj or _PREPOSITION_AT_END.search(obj) or _LONE_VERB.match(obj):
        lone = obj if _LONE_VERB.match(obj) else ""
        obj = lone + (_object_after(after, raw_before) or "") or obj
    if (
        len(obj) <= 3
        and k > 0
        and "、" in scan[kept[k - 1].suffix_end : q.start]
        and raw_before == before_all
    ):
        # 示范基地(区)3个、企业6个 → 示范企业
        sibling_start = kept[k - 2].suffix_end if k >= 2 else c_start
        sibling = _indicator(norm, scan, kept[k - 1], kept, k - 1, sibling_start, clause)
        obj = re.sub(r"(?:\([^)]*\))?$", "", sibling)[:-2] + obj
    obj = _last_item(obj)
    if not obj or len(obj) <= 2:
        obj = tail or obj
    if q.unit in ("分钟", "公里", "米"):
        obj = _distance_name(obj, q, scan, clause)
    if q.unit == "平方米" and not obj.endswith("面积"):
        obj += "面积"
    if q.unit == "平方米" and len(complete_indicator(obj) or "") <= 4:
        # `单处面积不少于三十平方米的标准建设居家养老服务用房`: the area is of the thing built after it, also
        # in the next clause (`…单处不少于三百平方米的标准，在相邻小区集中配置居家养老服务用房`)
        end = c_end
        if re.search(r"的标准$", scan[q.suffix_end : c_end].strip()):
            end = (
                next((m.start() for m in re.finditer(r"[。;；\n]", scan[c_end:])), len(scan) - c_end) + c_end
            )
        built = _AREA_OF_BUILT.search(scan, q.suffix_end, end)
        if not built and (scan.startswith("且", c_start) or scan.startswith("并且", c_start)):
            # `…的标准配建社区居家养老服务用房,且单处不少于300平方米`: of what the clause before builds
            built = _last(_AREA_OF_BUILT.finditer(scan, max(0, c_start - 60), c_start))
        if built:
            obj = _clean(built.group(1)) + (complete_indicator(obj) or "")
    return obj[:40]


_AREA_OF_BUILT = re.compile(r"(?:建设|配置|配建|设置|建成)([^,;:。、的]{2,16}?(?:用房|设施|场所|中心|站))")


def _last(matches):
    """The last of an iterator of matches, or None."""
    last = None
    for last in matches:  # noqa: B007
        pass
    return last
