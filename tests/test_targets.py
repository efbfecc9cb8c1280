"""extract_targets: each rule proven by a sentence in the style of real documents and the rows it must give.

Rows are compared on the facts the scorer matches (value, unit, deadline_year) plus the
comparator and value_max; a few tests also check indicator, scope, deadline and quotes.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

import pytest
from conftest import DATA
from devcorpus import published_text
from hypothesis import example, given, settings
from hypothesis import strategies as st

from yanglao.extract import targets
from yanglao.extract.targets import doubtful_targets, extract_targets, targets_and_left_out


def facts(text: str, **kwargs) -> list[tuple]:
    return [
        (r["value"], r["value_max"], r["unit"], r["comparator"], r["deadline_year"])
        for r in extract_targets(text, **kwargs)
    ]


DEADLINES = [
    ("到2025年底,全市养老机构护理型床位占比达到60%以上。", [(60, None, "%", "gte", 2025)]),
    ("2025年前,每个街道至少建成1个综合养老服务中心。", [(1, None, "个", "gte", 2025)]),
    ("力争到2022年,全区新增养老床位500张。", [(500, None, "张", "eq", 2022)]),
    ("“十四五”期间,完成2000户特殊困难老年人家庭适老化改造。", [(2000, None, "户", "eq", 2025)]),
    ("十三五期间,全县建成农村互助养老服务点120个。", [(120, None, "个", "eq", 2020)]),
    ("到“十四五”末,养老护理员持证上岗率达到95%。", [(95, None, "%", "eq", 2025)]),
    # A deadline stated once at the start of a sentence applies to all its clauses.
    (
        "到2023年底,全市社区养老服务设施覆盖率达到90%,新建老年食堂30个,培育养老服务企业5家左右。",
        [(90, None, "%", "eq", 2023), (30, None, "个", "eq", 2023), (5, None, "家", "approx", 2023)],
    ),
    # 每年 is recurring: no deadline.
    ("到2025年,每年培训养老护理员1000人次。", [(1000, None, "人次", "eq", None)]),
    # A standard with no date has no deadline.
    ("推进100个城镇老旧小区开展居家适老化改造试点。", [(100, None, "个", "eq", None)]),
]

COMPARATORS = [
    ("各县(市、区)至少有1所以失能照护为主的县级特困人员供养服务机构。", [(1, None, "所", "gte", None)]),
    ("到2025年,养老机构护理型床位占比超过55%。", [(55, None, "%", "gte", 2025)]),
    ("计划新增养老床位约800张。", [(800, None, "张", "approx", None)]),
    ("每名养老护理员照护失能老年人不超过5人。", [(5, None, "人", "lte", None)]),
    ("城市社区养老服务半径控制在1公里以内。", [(1, None, "公里", "lte", None)]),
    ("到2024年底,社区养老服务设施空置率降至5%以下。", [(5, None, "%", "lte", 2024)]),
    ("每个乡镇建设1-2个示范性养老服务站。", [(1, 2, "个", "range", None)]),
    ("到2025年,培育5至10个本土养老服务品牌。", [(5, 10, "个", "range", 2025)]),
    ("到2025年,家庭医生签约率达到75%。", [(75, None, "%", "eq", 2025)]),
]

UNITS = [
    ("新建住宅小区按每百户不低于30平方米配建养老服务用房。", [(30, None, "平方米", "gte", None)]),
    ("日间照料中心建筑面积不少于300㎡。", [(300, None, "平方米", "gte", None)]),
    ("老年活动室使用面积应不少于50平米。", [(50, None, "平方米", "gte", None)]),
    ("每千名老年人配备1名社会工作者。", [(1, None, "人", "eq", None)]),
    ("每个社区养老服务中心配备专职社会工作者不少于2名。", [(2, None, "人", "gte", None)]),
    # families counted with 个 are households (a heading of a Shanghai district's 2012 livelihood-project
    # list, tests/data/heldout_real2/06, with a deadline added so that it reads as a plan)
    ("到2012年底,为120个低保困难老年人家庭提供居室适老改造服务。", [(120, None, "户", "eq", 2012)]),
    ("到2025年,年服务老年人不少于10万人次。", [(100000, None, "人次", "gte", 2025)]),
    ("到2025年,全市养老床位总数达到3.5万张。", [(35000, None, "张", "eq", 2025)]),
    ("到2025年,新增护理型床位2000张床位。", [(2000, None, "张", "eq", 2025)]),
    ("2024年,完成300户困难老年人家庭适老化改造。", [(300, None, "户", "eq", 2024)]),
    ("到2025年,培育连锁化养老服务企业10家。", [(10, None, "家", "eq", 2025)]),
    ("基本建成15分钟养老服务圈。", [(15, None, "分钟", "lte", None)]),
    ("构建城市社区“一刻钟”居家养老服务圈。", [(15, None, "分钟", "lte", None)]),
    ("实现半径1公里内提供社区居家养老服务。", [(1, None, "公里", "lte", None)]),
    # Bracketed alternative: each figure is a row.
    (
        "到2025年,建成社区嵌入式养老服务机构20(15)个。",
        [(20, None, "个", "eq", 2025), (15, None, "个", "eq", 2025)],
    ),
]

CHINESE_NUMBERS = [
    ("新建住宅小区按照每百户不少于二十平方米的标准配置养老服务用房。", [(20, None, "平方米", "gte", None)]),
    ("福彩公益金不低于百分之五十五用于支持发展养老服务。", [(55, None, "%", "gte", None)]),
    ("福彩公益金不低于55%用于支持发展养老服务。", [(55, None, "%", "gte", None)]),
    ("养老机构安全事故发生率控制在千分之二以内。", [(0.2, None, "%", "lte", None)]),
    ("到2022年,服务机构覆盖三分之一以上的农村社区。", [(33.33, None, "%", "gte", 2022)]),
    ("每个乡镇至少建成一所敬老院。", [(1, None, "所", "gte", None)]),
    ("力争到2025年,每个县建成两个示范性养老服务综合体。", [(2, None, "个", "eq", 2025)]),
]

NOT_TARGETS = [
    "截至2023年底,全市已建成社区养老服务设施1200个,养老床位2.3万张。",
    "目前全市共有养老机构86家,护理型床位占比52%。",
    "近年来,全市累计新增养老床位3000张。",
    "全市家庭医生签约服务团队由99个增加至131个。",
    "年满60周岁的本市户籍老年人可申领老年人优待证。",
    "80周岁以上老年人每人每月发放高龄津贴100元。",
    "对违反规定的,处以5000元以上2万元以下罚款。",
    "本办法自2024年1月1日起施行,有效期5年。",
    "区民政部门应当在15个工作日内完成审核。",
    "依托“12349”养老服务热线,构建“1+5+N”服务体系。",
    "编制《武汉市养老设施空间布局规划(2012-2020年)》。",
    "对社区养老服务设施按照每个2万元的标准给予建设补贴。",
    "按照建设费用50%的标准给予一次性建设补贴。",
    "补贴标准为每人每次就餐费用的四分之一。",
    "出台15条优惠扶持政策,在22个方面给予支持。",
    "组建一个跨学科的专家团队。",
    "已经2021年1月8日市政府第15届130次常务会议通过。",
    "用户量在全省排名前10的网站完成适老化改造。",
    "建设首个康养人才培训基地。",
    "推动形成“一户一档”的服务台账。",
    "养老护理员签约率92.6%。",
    "通过政府购买形式,为全市2.11万名困难老人购买居家养老服务。",
]


@pytest.mark.parametrize(("text", "expected"), DEADLINES + COMPARATORS + UNITS + CHINESE_NUMBERS)
def test_rows(text, expected):
    assert facts(text) == expected


@pytest.mark.parametrize("text", NOT_TARGETS)
def test_not_targets(text):
    assert extract_targets(text) == []


def test_reply_letter_mixes_reports_and_plans():
    text = (
        "2023年全市新增养老床位1200张。\n"
        "目前区福利院二期即将完工,计划增加200张养老床位。\n"
        "下一步,我市将新增家庭养老床位2000张。"
    )
    assert facts(text, document_year=2024) == [(200, None, "张", "eq", None), (2000, None, "张", "eq", None)]


def test_document_year_read_from_signature_date():
    text = (
        "2019年,我局投入资金购买服务项目12个。\n2020年,全面建成服务网点约300个。\n某某市民政局\n2020年9月27日"
    )
    assert facts(text) == [(300, None, "个", "approx", 2020)]


def test_bare_year_in_reporting_paragraph_without_document_date():
    text = "近几年我市出台了多项政策。按照方案要求,市财政每年下拨资金。2019年省、市政府还投入资金,购买服务项目12个。"
    assert facts(text) == []


def test_this_year_needs_document_year():
    text = "今年将新增家庭养老床位300张。"
    assert facts(text, document_year=2024) == [(300, None, "张", "eq", 2024)]
    assert facts(text) == [(300, None, "张", "eq", None)]


def test_norm_in_a_reporting_sentence_still_counts():
    text = "2017年我市出台了实施意见,明确规定新建居住(小)区按照每百户不少于20平方米的标准配置养老服务用房。"
    (row,) = extract_targets(text)
    assert (row["value"], row["unit"], row["comparator"], row["deadline_year"]) == (20, "平方米", "gte", None)
    assert row["scope"] == "新建居住(小)区"
    assert row["indicator"] == "养老服务用房配置标准(每百户)"


def test_table_column_years():
    text = (
        "序号 | 工作内容 | 2020年具体要求 | 2022年工作目标 | 牵头单位 |\n"
        "1 | 助餐服务 | 建成助餐点10个以上。 | 1.80%以上社区老年人享受助餐服务。\n"
        "2.每年至少召开1次专题会议。 | 市民政局 |\n"
        "2 | 健康管理 | 1.签约全覆盖。2.65周岁及以上老年人健康管理率达到70%以上。 | 无 | 市卫健委 |\n"
        "抄送:市委各部门。"
    )
    assert facts(text) == [
        (10, None, "个", "gte", 2020),
        (80, None, "%", "gte", 2022),
        (1, None, "次", "gte", 2022),
        (70, None, "%", "gte", 2020),
    ]


def test_row_shape_and_wording():
    (row,) = extract_targets("到2025年底,全市社区养老设施等级评定率达到90%。")
    assert row == {
        "indicator": "社区养老设施等级评定率",
        "comparator": "eq",
        "value": 90.0,
        "value_max": None,
        "unit": "%",
        "deadline_year": 2025,
        "deadline": "2025-12-31",
        "scope": "全市",
        "quote": "全市社区养老设施等级评定率达到90%",
        "start": 8,
        "end": 26,
    }


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ('到2022年,建立"家庭病床"1000张以上。', "家庭病床"),
        (
            "全市培育大型品牌化、连锁化居家和社区养老服务企业或组织2家左右。",
            "大型品牌化、连锁化居家和社区养老服务企业或组织",
        ),
        ("到2025年底,50%的街道(乡镇)建有老年学校。", "建有老年学校的街道(乡镇)比例"),
        ("推进150个既有小区居家适老化改造试点。", "既有小区居家适老化改造试点"),
        ("打造国家级智慧健康养老示范基地(区)3个、企业6个。", "国家级智慧健康养老示范基地(区)"),
    ],
)
def test_indicator(text, indicator):
    assert extract_targets(text)[0]["indicator"] == indicator


def test_sibling_indicator_in_a_list():
    rows = extract_targets("打造国家级智慧健康养老示范基地(区)3个、企业6个、街道6个。")
    assert [r["indicator"] for r in rows] == [
        "国家级智慧健康养老示范基地(区)",
        "国家级智慧健康养老示范企业",
        "国家级智慧健康养老示范街道",
    ]


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("到2025年,各区县建设1个综合性养老服务中心。", "各区县"),
        ("在每个街道建成1-2个示范性社区老年人服务中心。", "每个街道"),
        ("到2025年底,各中心城区至少设置1个老年用品展示体验场所。", "各中心城区"),
        ("到2025年,养老护理员持证率达到90%。", None),
    ],
)
def test_scope(text, scope):
    assert extract_targets(text)[0]["scope"] == scope


def test_pdf_spacing_quotes_index_the_given_text():
    text = "武汉市人民政府 2024 年 8 月 30 日 — 2 — 到 2025 年 底,各 区 社 区 养 老 设 施 等 级 评 定 率 达 到 90% ,农村养老设施覆盖率 100% 。"
    rows = extract_targets(text)
    assert [(r["value"], r["deadline_year"]) for r in rows] == [(90, 2025), (100, 2025)]
    for r in rows:
        assert text[r["start"] : r["end"]] == r["quote"]
    assert rows[0]["quote"] == "各 区 社 区 养 老 设 施 等 级 评 定 率 达 到 90%"


def test_full_width_punctuation():
    text = "（一）食品处理区的面积不小于30㎡，集中就餐区使用面积不小于25㎡，能够容纳10名以上老年人同时就餐；"
    assert facts(text) == [
        (30, None, "平方米", "gte", None),
        (25, None, "平方米", "gte", None),
        (10, None, "人", "gte", None),
    ]
    assert extract_targets(text)[0]["quote"] == "食品处理区的面积不小于30㎡"


def test_rule_ranges_of_minutes():
    text = "第六条 各区应当按照“中心城区10-15分钟、外围城区20-25分钟”的原则,合理布局长者饭堂。"
    rows = extract_targets(text)
    assert [(r["value"], r["value_max"], r["unit"], r["comparator"], r["scope"]) for r in rows] == [
        (10, 15, "分钟", "range", "中心城区"),
        (20, 25, "分钟", "range", "外围城区"),
    ]


def test_rows_in_document_order_and_quotes_exact():
    text = "到2025年,新增养老床位500张。\n目前已建成236个服务网点。\n到2026年,助餐点达到300个以上。"
    rows = extract_targets(text)
    assert [r["start"] for r in rows] == sorted(r["start"] for r in rows)
    assert all(text[r["start"] : r["end"]] == r["quote"] for r in rows)


def test_doubtful_targets_are_reported_separately():
    text = "通过政府购买形式,为全市2.11万名困难老人购买居家养老服务。"
    assert extract_targets(text) == []
    (row,) = doubtful_targets(text)
    assert row["value"] == 21100 and row["unit"] == "人" and row["reason"]


# Rules added for documents unlike the development set: (text, document_year, facts).
GENERALIZATION = [
    # A section heading gives its tense to untensed sentences under it.
    (
        "一、工作开展情况\n全市每个乡镇均建有1所以上农村敬老院,建成医养结合机构32家。\n"
        "三、下一步工作\n(一)为每个行政村培训1名养老服务协理员,建设两个区域性实训基地。",
        2024,
        [(1, None, "人", "eq", None), (2, None, "个", "eq", None)],
    ),
    # A lead-in ending with a colon passes its deadline and tense to the list under it.
    (
        "到2025年,全市基本建成养老服务体系。具体目标是:\n——养老机构护理型床位占比达到55%。\n——农村区域性养老服务中心达到30个。",
        2021,
        [(55, None, "%", "eq", 2025), (30, None, "个", "eq", 2025)],
    ),
    (
        "下一步,我局将重点做好以下工作:\n一是新增助餐点40个。\n二是培训养老护理员500人次。",
        2024,
        [
            (40, None, "个", "eq", None),
            (500, None, "人次", "eq", None),
        ],
    ),
    # A deadline after the figure, in a clause that opens with it.
    ("新增社区嵌入式养老服务机构100家,2025年底前完成。", 2021, [(100, None, "家", "eq", 2025)]),
    # 累计 after a plan period is a cumulative goal; in a report it is a report.
    (
        "“十四五”期间,每年新建家庭养老床位2000张,累计建成1万张左右。",
        2021,
        [(2000, None, "张", "eq", None), (10000, None, "张", "approx", 2025)],
    ),
    ("2023年,全市累计投入资金1930万元,累计建成助餐点356个。", 2024, []),
    # 已建成 as an adjective (`已建成居住区`) is not a report.
    ("已建成居住区按照每百户不少于20平方米的标准调剂解决。", 2021, [(20, None, "平方米", "gte", None)]),
    # A yearly work plan: its tasks are due that year.
    (
        "2024年全市养老服务工作要点\n1.组织开展养老护理员职业技能培训3000人次。",
        None,
        [(3000, None, "人次", "eq", 2024)],
    ),
    (
        "力争年底前护理型床位占比达到55%以上,6月底前完成126家养老机构消防评估。",
        2024,
        [
            (55, None, "%", "gte", 2024),
            (126, None, "家", "eq", 2024),
        ],
    ),
    ("三年内建成医养结合示范机构5家。", 2024, [(5, None, "家", "eq", None)]),
    # Indicator tables: bare figures take the 单位 column; baseline columns are reports.
    (
        "序号 | 指标名称 | 单位 | 2020年 | 2025年 | 指标属性\n1 | 养老机构护理型床位占比 | % | 46 | 55 | 约束性\n"
        "2 | 养老护理员持证上岗率 | % | 65 | ≥90 | 预期性",
        2021,
        [(55, None, "%", "eq", 2025), (90, None, "%", "gte", 2025)],
    ),
    # Frequency standards, industry size in 元, counts in 场.
    ("每月探访不少于1次。", None, [(1, None, "次", "gte", None)]),
    ("力争到2027年,全省银发经济规模突破5000亿元。", 2024, [(500000000000, None, "元", "gte", 2027)]),
    ("开展防范养老诈骗宣传活动不少于100场。", None, [(100, None, "场", "gte", None)]),
]

NOT_TARGETS_GENERAL = [
    "到2025年,全市60周岁及以上老年人口预计将达到152万人,占户籍总人口的28%左右。",
    "对同一运营主体在本市运营三家以上居家养老服务中心的,按照规定给予奖励。",
    "对运营满一年、日均供餐30人次以上的助餐点,按照每餐3元的标准给予运营补贴。",
    "确需改变的,应当经市民政部门同意,并在原址或者周边500米范围内提供替代用房。",
    "截至2020年底,全市共有养老机构136家,每千名老年人拥有养老床位38张,护理型床位占比达到46%。",
    "2024年1-6月累计提供各类服务16万次。",
]


@pytest.mark.parametrize(("text", "year", "expected"), GENERALIZATION)
def test_generalization_rules(text, year, expected):
    assert facts(text, document_year=year) == expected


@pytest.mark.parametrize("text", NOT_TARGETS_GENERAL)
def test_not_targets_general(text):
    assert extract_targets(text, document_year=2024) == []


def test_indicator_wording_of_new_rules():
    rows = extract_targets("市、区福利彩票公益金应当将不低于百分之五十五的资金用于支持发展养老服务。")
    assert rows[0]["indicator"] == "市、区福利彩票公益金用于支持发展养老服务的比例"
    rows = extract_targets("基本建成“15分钟养老服务圈”。")
    assert rows[0]["indicator"] == "15分钟养老服务圈"
    rows = extract_targets("“十四五”期间,每年新建家庭养老床位2000张,累计建成1万张左右。", document_year=2021)
    assert [r["indicator"] for r in rows] == ["家庭养老床位", "家庭养老床位"]


# ---------------------------------------------------------------------------
# Held-out documents: written and annotated by hand (tests/data/unseen/README.md)
# before the extractor was run on them, to measure how well the rules generalize.
# ---------------------------------------------------------------------------

UNSEEN = Path(__file__).parent / "data" / "unseen"
UNSEEN_YEARS = {
    "linjiang-2021-plan": 2021,
    "province-2024-opinions": 2024,
    "jiangzhou-2022-regulations": 2022,
    "jiangzhou-2024-reply-0127": 2024,
    "jiangzhou-2024-workpoints": 2024,
}


def _unseen_key(value, unit, deadline_year, comparator) -> tuple:
    year = int(float(deadline_year)) if deadline_year not in (None, "") else None
    return (round(float(value), 2), unit, year, comparator)


def unseen_scores() -> dict[str, tuple[int, int, int, list, list]]:
    """Per document: (matched, extracted, gold, false positives, misses)."""
    scores = {}
    for doc, year in UNSEEN_YEARS.items():
        text = (UNSEEN / f"{doc}.txt").read_text(encoding="utf-8")
        with (UNSEEN / f"{doc}.csv").open(encoding="utf-8", newline="") as f:
            gold = Counter(
                _unseen_key(r["value"], r["unit"], r["deadline_year"], r["comparator"])
                for r in csv.DictReader(f)
            )
        rows = extract_targets(text, document_year=year)
        for r in rows:
            assert text[r["start"] : r["end"]] == r["quote"]
        found = Counter(_unseen_key(r["value"], r["unit"], r["deadline_year"], r["comparator"]) for r in rows)
        matched = sum((gold & found).values())
        scores[doc] = (
            matched,
            sum(found.values()),
            sum(gold.values()),
            sorted((found - gold).elements(), key=str),
            sorted((gold - found).elements(), key=str),
        )
    return scores


def test_unseen_documents_precision_and_recall():
    scores = unseen_scores()
    report = []
    for doc, (matched, extracted, gold, wrong, missed) in scores.items():
        report.append(f"{doc}: matched {matched} of gold {gold}, extracted {extracted}")
        report += [f"    wrong  {w}" for w in wrong] + [f"    missed {m}" for m in missed]
    matched = sum(s[0] for s in scores.values())
    extracted = sum(s[1] for s in scores.values())
    gold = sum(s[2] for s in scores.values())
    precision = matched / extracted if extracted else 1.0
    recall = matched / gold
    report.append(f"held-out: precision {precision:.3f} recall {recall:.3f} ({matched}/{extracted}/{gold})")
    print("\n".join(report))
    assert precision == 1.0, "\n".join(report)
    assert recall >= 0.9, "\n".join(report)


# ---------------------------------------------------------------------------
# Rules found with the third held-out set (tests/data/fresh/README.md)
# ---------------------------------------------------------------------------

FRESH_RULES = [
    # A paragraph that opens with 到2025年 gives it to the figures of its later sentences.
    (
        "到2025年,全省基本养老服务体系更加健全。全省养老床位总数达到32万张以上,特殊困难老年人月探访率达到100%。",
        2021,
        [(320000, None, "张", "gte", 2025), (100, None, "%", "eq", 2025)],
    ),
    # Year-column tables with the unit in brackets: in the row name, or in the column header.
    (
        "指标 | 2020年 | 2025年 | 属性\n养老床位总数(万张) | 28.6 | ≥32 | 预期性\n护理型床位占比(%) | 42.3 | 55 | 约束性",
        2021,
        [(320000, None, "张", "gte", 2025), (55, None, "%", "eq", 2025)],
    ),
    (
        "区 | 2024年底前(个) | 2025年底前(个)\n东城区 | 80 | 120",
        2024,
        [(80, None, "个", "eq", 2024), (120, None, "个", "eq", 2025)],
    ),
    # A task list: a cell that is only a time is the deadline of the row's figures.
    (
        "序号 | 工作任务 | 目标值 | 完成时限\n1 | 新增家庭养老床位 | 800张 | 12月底前",
        2025,
        [(800, None, "张", "eq", 2025)],
    ),
    # `关于做好2025年…工作的通知` is a yearly plan; 年底前 is this year; standards keep no deadline.
    (
        "桐川市民政局关于做好2025年全市养老服务工作的通知\n全年新增家庭养老床位800张。"
        "市级福彩公益金用于养老服务的比例不低于60%。",
        2025,
        [(800, None, "张", "eq", 2025), (60, None, "%", "gte", None)],
    ),
    ("年底前,每个街道至少建成1个综合养老服务中心。", 2025, [(1, None, "个", "gte", 2025)]),
    # 支 is a unit (为老志愿服务队).
    ("到2025年底,每个行政村至少组建1支为老志愿服务队。", 2024, [(1, None, "支", "gte", 2025)]),
    # Circles listed with one noun: each is a travel-time standard.
    (
        "2026年,基本形成城市“15分钟”、农村“30分钟”老年助餐服务圈。",
        2024,
        [(15, None, "分钟", "lte", 2026), (30, None, "分钟", "lte", 2026)],
    ),
]

NOT_TARGETS_FRESH = [
    # Problems described in a 存在的困难和问题 section are reports.
    "二、存在的困难和问题\n二是部分服务点利用率不高,约30%的服务点日均服务不足10人次。",
    # Weights in an assessment.
    "纳入年度民政工作综合考评,考评结果占比20%。",
    "将养老服务工作纳入绩效考核,权重不低于5%。",
]


@pytest.mark.parametrize(("text", "year", "expected"), FRESH_RULES)
def test_fresh_rules(text, year, expected):
    assert facts(text, document_year=year) == expected


@pytest.mark.parametrize("text", NOT_TARGETS_FRESH)
def test_not_targets_fresh(text):
    assert extract_targets(text, document_year=2024) == []


def test_task_table_indicator_is_the_cell_before_the_figure():
    rows = extract_targets(
        "序号 | 工作任务 | 目标值 | 完成时限\n1 | 新增家庭养老床位 | 800张 | 12月底前", document_year=2025
    )
    assert rows[0]["indicator"] == "家庭养老床位"


# ---------------------------------------------------------------------------
# Third held-out set (tests/data/fresh): five documents written and annotated by someone
# who had not read this module or the earlier held-out texts, then run through clean_text.
# Scored on (value, unit, deadline_year, comparator). The rules above were added after the
# first run (before: precision 0.652, recall 0.489), so this set is no longer unseen.
# ---------------------------------------------------------------------------

FRESH = Path(__file__).parent / "data" / "fresh"
FRESH_YEARS = {
    "yunxi-2021-fyp-plan": 2021,
    "qinghe-2024-home-care-rules": 2024,
    "tongchuan-2024-cppcc-reply-0186": 2024,
    "xikou-2024-meal-service-plan": 2024,
    "tongchuan-2025-work-notice": 2025,
}


# ---------------------------------------------------------------------------
# Rules found with the fourth held-out set (tests/data/fresh2/README.md)
# ---------------------------------------------------------------------------

FRESH2_RULES = [
    # 年均 is an average over the period to the deadline: the deadline holds.
    (
        "到2027年,全市银发经济规模达到800亿元左右,年均增长10%以上。",
        2024,
        [(80000000000, None, "元", "approx", 2027), (10, None, "%", "gte", 2027)],
    ),
    # A travel-time or radius standard with the measure before the figure; no deadline.
    (
        "按照“中心城区步行15分钟、农村地区服务半径3公里”的标准布局老年助餐点。",
        2024,
        [(15, None, "分钟", "lte", None), (3, None, "公里", "lte", None)],
    ),
    # 台 is a unit; 条 counts routes (but not policies).
    ("每年完成加装电梯300台左右。", 2024, [(300, None, "台", "approx", None)]),
    ("打造10条以上适老旅游精品线路。", 2024, [(10, None, "条", "gte", None)]),
    # A summary section of a year before the document's is a report, under a yearly plan's title.
    (
        "枫林区民政局2023年工作总结和2024年工作计划\n一、2023年工作总结\n全年新建社区养老服务站12个。\n"
        "二、2024年工作计划\n全年计划新建社区养老服务站8个。",
        2024,
        [(8, None, "个", "eq", 2024)],
    ),
]

NOT_TARGETS_FRESH2 = [
    "第四条 申请补贴的养老机构应当同时具备下列条件:\n(一)已在民政部门备案满6个月;\n(二)床位数不少于10张,护理型床位占比不低于50%;",
    "第二条 本办法所称养老机构,是指依法办理登记,为老年人提供全日集中住宿和照料护理服务,床位数在10张以上的机构。",
    "一、2023年工作情况\n完成特殊困难老年人家庭适老化改造286户,养老机构护理型床位占比达到62%。",
    "开展政策宣传,发布15条优惠扶持政策。",
]


@pytest.mark.parametrize(("text", "year", "expected"), FRESH2_RULES)
def test_fresh2_rules(text, year, expected):
    assert facts(text, document_year=year) == expected


@pytest.mark.parametrize("text", NOT_TARGETS_FRESH2)
def test_not_targets_fresh2(text):
    assert extract_targets(text, document_year=2024) == []


def test_site_conditions_are_standards_not_eligibility():
    # conditions a site must meet stay targets; only conditions to apply for money are thresholds
    text = "第十一条 长者饭堂的场地应当按照协议约定具备以下条件:\n(一)集中就餐区使用面积不小于25㎡;"
    assert facts(text, document_year=2024) == [(25, None, "平方米", "gte", None)]


# ---------------------------------------------------------------------------
# Fourth held-out set (tests/data/fresh2): six documents written and annotated before the
# extractor was run. First run: precision 0.705, recall 0.896 (43/61/48), 18 wrong figures
# (14 of them the 2023 summary of a 总结和计划 read as 2024 plans). Scored on
# (value, unit, deadline_year, comparator).
# ---------------------------------------------------------------------------

FRESH2 = Path(__file__).parent / "data" / "fresh2"
FRESH2_YEARS = {
    "lancheng-2024-silver-economy-opinions": 2024,
    "bailu-2024-ltci-pilot-plan": 2024,
    "xiushui-2023-allowance-adjustment-notice": 2023,
    "fenglin-2024-work-summary-plan": 2024,
    "lanxi-2024-facility-subsidy-measures": 2024,
    "guiling-2024-npc-suggestion-reply-26": 2024,
}


# ---------------------------------------------------------------------------
# Rules found with the fifth held-out set (tests/data/fresh3/README.md)
# ---------------------------------------------------------------------------

FRESH3_RULES = [
    # 套 counts after an Arabic figure (but `一套制度` is a word).
    ("今年,为独居老年人免费安装智能烟感报警器1万套。", 2024, [(10000, None, "套", "eq", 2024)]),
    ("到2025年,建立一套完善的养老服务综合监管制度。", 2024, []),
    # A travel time beside a service radius is a radius standard (lte, no deadline).
    (
        "第五条 设区的市人民政府应当按照城市社区十五分钟、农村地区服务半径二公里的要求,布局居家养老服务设施。",
        2023,
        [(15, None, "分钟", "lte", None), (2, None, "公里", "lte", None)],
    ),
    # The pace of spending a fund is a target, though the clause speaks of money.
    ("各区要加快预算执行,年底前资金支出进度达到90%以上。", 2024, [(90, None, "%", "gte", 2024)]),
]

NOT_TARGETS_FRESH3 = [
    # the applicant's condition and a nomination quota
    "申报社区60周岁以上老年人口占比原则上在15%以上。",
    "每个街道(镇)推荐申报社区不超过3个。",
    # a scoring table's criterion, a deduction rule
    "| 评分项目 | 评分内容 | 分值 |\n| 为老服务 | 社区老年人健康管理率达到70%以上 | 20分 |",
    "每项内容未达到要求的,每发现一处扣2分,扣完为止。",
    # a person named to run the task
    "各街道(镇)要成立创建工作专班,明确1名分管领导负责。",
    # instalments of a reward and a price change
    "入职奖励分三年发放,每年发放三分之一。",
    "收费标准调整须报街道办事处同意,调整幅度每年不超过5%。",
]


@pytest.mark.parametrize(("text", "year", "expected"), FRESH3_RULES)
def test_fresh3_rules(text, year, expected):
    assert facts(text, document_year=year) == expected


@pytest.mark.parametrize("text", NOT_TARGETS_FRESH3)
def test_not_targets_fresh3(text):
    assert extract_targets(text, document_year=2024) == []


# ---------------------------------------------------------------------------
# Fifth held-out set (tests/data/fresh3): six documents written and annotated before the
# extractor was run. First run: precision 0.837, recall 0.923 (36/43/39), 7 wrong figures
# (eligibility, nomination quota, scoring table and deduction rule, an assigned person,
# an instalment share, a price change). Scored on (value, unit, deadline_year, comparator).
# ---------------------------------------------------------------------------

FRESH3 = Path(__file__).parent / "data" / "fresh3"
FRESH3_YEARS = {
    "mingxi-2024-government-work-report": 2024,
    "cuiping-2024-age-friendly-community-notice": 2024,
    "mingxi-2024-eldercare-fund-allocation": 2024,
    "yunling-2023-home-care-regulation": 2023,
    "jichuan-2024-care-worker-skills-plan": 2024,
    "liuwan-2024-care-center-operation-tender": 2024,
}


# ---------------------------------------------------------------------------
# Rules found with the sixth held-out set (tests/data/fresh4/README.md)
# ---------------------------------------------------------------------------

FRESH4_RULES = [
    # `现有` as the object of a verb (改造提升现有…) does not report.
    (
        "到2024年底,新建农村幸福院20个,改造提升现有幸福院30个。",
        2024,
        [(20, None, "个", "eq", 2024), (30, None, "个", "eq", 2024)],
    ),
    # a bureau's own goal after a deputy's proposal in a reply stays
    ("下一步,今年计划新增老年食堂12个。", 2024, [(12, None, "个", "eq", 2024)]),
]

NOT_TARGETS_FRESH4 = [
    # thresholds in a rating rule and a class named by its size
    "第五条 申请评定四星级以上的,床位数应在100张以上,护理型床位占比不低于60%,入住率不低于50%。",
    "床位在100张以上的养老机构原则上应内设医务室或护理站。",
    # a permitted (not required) share
    "鼓励村集体经济组织捐资捐物,村集体经济收入的10%左右可用于幸福院运营。",
    # a deputy's proposal restated in the reply
    "您在建议中提出,全区每个街道应至少建设3个老年食堂,每餐补贴提高到5元。",
]


@pytest.mark.parametrize(("text", "year", "expected"), FRESH4_RULES)
def test_fresh4_rules(text, year, expected):
    assert facts(text, document_year=year) == expected


@pytest.mark.parametrize("text", NOT_TARGETS_FRESH4)
def test_not_targets_fresh4(text):
    assert extract_targets(text, document_year=2024) == []


# Sixth held-out set (tests/data/fresh4): five documents written and annotated before the
# extractor was run. First run: precision 0.854, recall 0.976 (41/48/42 on value, unit, year),
# 7 wrong figures (application thresholds, a class named by its size, a permitted share, a
# deputy's proposal); after one annotation correction (`每年开展一次复核`, a frequency rule) 43 gold.
# ---------------------------------------------------------------------------

FRESH4 = Path(__file__).parent / "data" / "fresh4"
FRESH4_YEARS = {
    "shiling-2024-rural-mutual-aid-plan": 2024,
    "zhaoyang-2024-care-home-rating-awards": 2024,
    "yunze-2023-medical-care-integration-opinions": 2023,
    "hetang-2024-npc-meal-service-reply": 2024,
    "lingxi-2024-smart-care-platform-notice": 2024,
}


# ---------------------------------------------------------------------------
# Rules found with the seventh held-out set (tests/data/fresh5/README.md)
# ---------------------------------------------------------------------------

FRESH5_RULES = [
    # 消费券 is not a money word: the redemption rate is a target; `力争全年` is this year
    ("五、工作目标\n\n力争全年消费券核销率达到85%以上。", 2024, [(85, None, "%", "gte", 2024)]),
    # the forward section of a statistics bulletin keeps its targets
    (
        "青川市2023年老龄事业发展统计公报\n\n五、下一步工作\n\n2024年,全市将新增护理型床位1000张。",
        2024,
        [(1000, None, "张", "eq", 2024)],
    ),
]

NOT_TARGETS_FRESH5 = [
    # untensed figures in a statistics bulletin are reports
    "青川市2023年老龄事业发展统计公报\n\n二、养老服务体系建设\n\n全市城市社区养老服务设施覆盖率达到100%,农村社区达到78.6%。",
    "青川市2023年老龄事业发展统计公报\n\n四、老年健康服务\n\n全市医养结合机构达到98家,两证齐全率100%。",
    # a cumulative total in a plan period that has ended
    "“十三五”期间确定的各项目标全面完成,累计建成街道综合养老服务中心86个。",
    # a threshold to qualify for a subsidy
    "老年食堂须满足日均供餐50人次以上方可申请运营补贴。",
]


@pytest.mark.parametrize(("text", "year", "expected"), FRESH5_RULES)
def test_fresh5_rules(text, year, expected):
    assert facts(text, document_year=year) == expected


@pytest.mark.parametrize("text", NOT_TARGETS_FRESH5)
def test_not_targets_fresh5(text):
    assert extract_targets(text, document_year=2024) == []


# Seventh held-out set (tests/data/fresh5): five documents written to tempt the extractor into
# wrong figures (statistics bulletin, voucher notice, fee rules, 民生实事 table, talent plan),
# annotated before the extractor was run. First run: precision 0.778, recall 0.955 (21/27/22 on
# value, unit, year), 6 wrong (bulletin reports, a finished plan period's total, a qualifying
# threshold); after the fixes 22/22/22.

FRESH5 = Path(__file__).parent / "data" / "fresh5"
FRESH5_YEARS = {
    "qingchuan-2024-aging-statistics-bulletin": 2024,
    "songyan-2024-eldercare-voucher-notice": 2024,
    "fenglin-2024-public-care-home-fee-rules": 2024,
    "baisha-2024-livelihood-projects-list": 2024,
    "lanjiang-2024-eldercare-talent-training-plan": 2024,
}


# A bracketed aside keeps its tense and its deadline to itself, and a sentence that opens with a
# reporting date (`截至2019年底,…`) stays a report for its untensed clauses (huzhou 文字解读).
ASIDE_AND_REPORT_OPENING = [
    # the aside sits next to a real target, which is still found with its own deadline
    ("到2025年,建成社区食堂200个(含改扩建)。", 2023, [(200, None, "个", "eq", 2025)]),
    ("建成社区食堂200个(含改扩建),2025年底前完成。", 2023, [(200, None, "个", "eq", 2025)]),
    # a figure inside the aside takes the aside's deadline; the one outside keeps the sentence's
    (
        "到2025年,养老机构护理型床位占比达到55%(今年底达到50%)。",
        2024,
        [(55, None, "%", "eq", 2025), (50, None, "%", "eq", 2024)],
    ),
    # the aside's 年内 is not the deadline of the later clause
    ("新建老年助餐点30个(年内完成),培训养老护理员500名。", 2024, [(30, None, "个", "eq", None)]),
    # a report opening with 截至 and a past date: the aside's 今年底 makes nothing a plan
    ("截止2022年底,全市建成日间照料中心85家(今年底实现全覆盖),农村互助幸福院320个。", 2023, []),
    (
        "截止2019年底,在建综合型养老服务中心6家,建成示范型乡镇(街道)居家养老服务中心62家"
        "(今年底实现全覆盖),城乡社区居家养老服务照料中心1066家,实现了全覆盖。",
        2020,
        [],
    ),
    (
        "截至2023年6月,已建成社区嵌入式养老服务机构42个(2025年前实现街道全覆盖),家庭养老床位1200张。",
        2024,
        [],
    ),
    # a clause with its own plan cue is still a plan; the untensed clause after it stays a report
    (
        "截至2022年底,全市建成日间照料中心85家,今年将新增30家,农村互助幸福院320个。",
        2023,
        [(30, None, "家", "eq", 2023)],
    ),
    (
        "截至2022年底,全市建成养老机构58家(其中公办31家),今年新增护理型床位600张。",
        2023,
        [(600, None, "张", "eq", 2023)],
    ),
]


@pytest.mark.parametrize(("text", "year", "expected"), ASIDE_AND_REPORT_OPENING)
def test_aside_and_report_opening(text, year, expected):
    assert facts(text, document_year=year) == expected


# A Chinese-numeral count after 评选/评出/选出/推选 is another body's selection quota.
SELECTION_QUOTAS = [
    "2024年,每个区评选一个示范性老年友好型社区,给予一次性奖励。",
    "今年全市评出十家星级养老机构。",
    "年内每个街道选出两名优秀养老护理员参加全省竞赛。",
    "到2025年,推选三个社区作为全国示范候选。",
    "试点期限三年,今年下半年民政部组织专家评审,每个省评选一个优秀单位,中央财政奖励优秀单位100万元左右。",
]


@pytest.mark.parametrize("text", SELECTION_QUOTAS)
def test_selection_quotas_are_not_targets(text):
    assert extract_targets(text, document_year=2024) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024年,每个区建成一个示范性老年友好型社区。", [(1, None, "个", "eq", 2024)]),
        ("到2025年,全市建成20个示范性老年友好型社区。", [(20, None, "个", "eq", 2025)]),
    ],
)
def test_counts_without_selection_still_count(text, expected):
    assert facts(text, document_year=2024) == expected


# A PDF line break (real paragraphs of the shipped corpus, as the benchmark's PDFs wrap them at 38
# characters): the figure opens a line and counts nothing named on it. Such a row has no indicator, so
# it would break the schema and have its whole document refused (14 of 100,000 benchmark documents).
PDF_WRAPPED = (
    '方式,实现"中央食堂"可持续运营。2019年,建成"中央食堂+助餐点"运营点\n'
    "10个以上。到2022年,各区县均拥有1家以上规上餐饮企业承接中央食堂"
)


def test_a_figure_that_counts_nothing_named_is_doubtful_not_a_target():
    assert all(t["indicator"] for t in extract_targets(PDF_WRAPPED, document_year=2024))
    assert "10个以上" not in [t["quote"] for t in extract_targets(PDF_WRAPPED, document_year=2024)]
    doubtful = {t["quote"]: t["reason"] for t in doubtful_targets(PDF_WRAPPED, document_year=2024)}
    assert doubtful["10个以上"].startswith("no indicator")


# ---------------------------------------------------------------------------
# The held-out sets, each written and annotated before the extractor ran on it (README per folder).
# Figures must all be right; recall is held at what each set reached.
# ---------------------------------------------------------------------------

HELD_OUT = {
    "fresh": (FRESH, FRESH_YEARS, 1.0),
    "fresh2": (FRESH2, FRESH2_YEARS, 0.95),
    "fresh3": (FRESH3, FRESH3_YEARS, 0.97),
    "fresh4": (FRESH4, FRESH4_YEARS, 1.0),
    "fresh5": (FRESH5, FRESH5_YEARS, 1.0),
}


@pytest.mark.parametrize("name", HELD_OUT)
def test_held_out_annotations_quote_their_documents(name):
    from yanglao.parse.clean import clean_text

    folder, years, _ = HELD_OUT[name]
    if name != "fresh":
        assert sorted(years) == sorted(p.stem for p in folder.glob("*.txt"))
    for doc in years:
        text = clean_text((folder / f"{doc}.txt").read_text(encoding="utf-8"))
        with (folder / f"{doc}.targets.csv").open(encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f):
                assert text.count(r["quote"]) == 1, (doc, r["quote"])


@pytest.mark.parametrize("name", HELD_OUT)
def test_held_out_documents_precision_and_recall(name):
    from yanglao.parse.clean import clean_text

    folder, years, min_recall = HELD_OUT[name]
    matched = extracted = gold_total = 0
    report = []
    for doc, year in years.items():
        text = clean_text((folder / f"{doc}.txt").read_text(encoding="utf-8"))
        with (folder / f"{doc}.targets.csv").open(encoding="utf-8", newline="") as f:
            gold = Counter(
                _unseen_key(r["value"], r["unit"], r["deadline_year"], r["comparator"])
                for r in csv.DictReader(f)
            )
        rows = extract_targets(text, document_year=year)
        for r in rows:
            assert text[r["start"] : r["end"]] == r["quote"]
        found = Counter(_unseen_key(r["value"], r["unit"], r["deadline_year"], r["comparator"]) for r in rows)
        hit = sum((gold & found).values())
        matched += hit
        extracted += sum(found.values())
        gold_total += sum(gold.values())
        report.append(f"{doc}: matched {hit} of gold {sum(gold.values())}, extracted {sum(found.values())}")
        report += [f"    wrong  {w}" for w in sorted((found - gold).elements(), key=str)]
        report += [f"    missed {m}" for m in sorted((gold - found).elements(), key=str)]
    precision = matched / extracted if extracted else 1.0
    recall = matched / gold_total
    report.append(
        f"{name}: precision {precision:.3f} recall {recall:.3f} ({matched}/{extracted}/{gold_total})"
    )
    print("\n".join(report))
    assert precision == 1.0, "\n".join(report)
    assert recall >= min_recall, "\n".join(report)


# Rules found with the extra development documents (../shared/corpus/extra, stored copies of real pages)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # haian-2023-livelihood-projects-progress: a yearly livelihood-projects table takes its title's year
        (
            "海安市民政局2023年民生实事项目实施进度表\n实施内容 |\n"
            "新增民营养老机构不少于2家、养老床位不少于300张,主城区增设4-5家居家养老服务场所,完成居家适老化改造400户。 |",
            [
                (2, None, "家", "gte", 2023),
                (300, None, "张", "gte", 2023),
                (4, 5, "家", "range", 2023),
                (400, None, "户", "eq", 2023),
            ],
        ),
        # qiantang-2023-high-age-allowance-info: a numbered heading naming a state of affairs (…情况) reports
        (
            "一、人数与资金支出情况\n钱塘区纳入老年人福利保障范围的老年人8122人,其中80-89岁高龄老人6740人。",
            [],
        ),
    ],
)
def test_rules_of_the_extra_documents(text, expected):
    found = [
        (r["value"], r["value_max"], r["unit"], r["comparator"], r["deadline_year"])
        for r in extract_targets(text)
    ]
    assert found == expected


def test_an_activity_count_without_tense_or_anchor_is_left_out_as_doubtful_with_its_unit():
    """xihu-hz-2024-livelihood-tasks-progress: `场次` is read as a unit; with no deadline, plan verb or
    forward section the figure is doubtful (the gold counts it: a known miss, listed for review)."""
    from yanglao.extract.targets import targets_and_left_out

    found, left_out = targets_and_left_out("开展“金西善养”系列为老服务活动300场次")
    assert found == []
    assert [(r["value"], r["unit"], r["verdict"], r["reason"]) for r in left_out] == [
        (300.0, "场次", "doubtful", "no tense and no anchor")
    ]


@pytest.mark.parametrize(
    "repair", __import__("yanglao.extract.targets", fromlist=["x"]).INDICATOR_REPAIRS, ids=lambda r: r[0]
)
def test_indicator_repairs_have_real_examples(repair):
    _name, pattern, _replacement, example = repair
    assert re.search(r"\(", example)  # each names where its example comes from
    assert re.search(pattern, example.split(" (")[0])


@pytest.mark.parametrize(
    ("indicator", "expected"),
    [
        ("的比例且单处面积", "单处面积"),  # shaoxing-2021 regulation (tests/data/heldout_real)
        ("面积均面积", "面积"),  # shuangtaizi-2016 reply (tests/data/heldout_real)
        ("和护理型床位占比", "护理型床位占比"),
        ("集中配置", None),  # a verb with no noun: left out as doubtful
        ("社区养老设施等级评定率", "社区养老设施等级评定率"),
    ],
)
def test_an_indicator_is_a_complete_noun_phrase(indicator, expected):
    from yanglao.extract.targets import complete_indicator

    assert complete_indicator(indicator) == expected


def test_an_area_standard_names_what_is_built():
    """shaoxing-2021-home-eldercare-regulation (tests/data/heldout_real), 第十四条."""
    text = "新建住宅小区应当按照不低于千分之二的比例且单处面积不少于三十平方米的标准建设居家养老服务用房。"
    found = [(r["indicator"], r["value"]) for r in extract_targets(text) if r["unit"] == "平方米"]
    assert found == [("居家养老服务用房单处面积", 30.0)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # weihai-2020-resident-eldercare-security-regulation (tests/data/heldout_real): 已建成生活区 names areas
        # that exist, it does not report; the standard set for them is a target
        (
            "已建成生活区应当按照每百户不少于十五平方米的标准配置社区居家养老服务用房。",
            [(15.0, "平方米", "gte")],
        ),
        # tongguan-2024-proposal-reply-52 (tests/data/heldout_real): 共建设 totals what was built
        ("我县共建设养老机构3家。", []),
        # fresh4 hetang (a text written for testing): 已建成社区老年食堂 is a report
        ("已建成社区老年食堂48个、助餐点73个。", []),
    ],
)
def test_existing_areas_and_totals(text, expected):
    assert [(r["value"], r["unit"], r["comparator"]) for r in extract_targets(text)] == expected


def test_a_month_of_the_documents_year_in_a_reporting_section_dates_a_report():
    """qiantang-2023-high-age-allowance-info (published 2023-09-13): `2023年8月,…8122人` under `…情况`."""
    text = (
        "2023年8月钱塘区高龄老人生活津贴发放信息\n一、人数与资金支出情况\n"
        "2023年8月,钱塘区纳入老年人福利保障范围的老年人8122人。"
    )
    assert extract_targets(text, document_year=2023) == []
    # the same month with 到 is a deadline
    assert [
        r["deadline"]
        for r in extract_targets("三、下一步工作\n到2023年8月,新增助餐点20个。", document_year=2023)
    ] == ["2023-08-31"]


def test_a_progress_table_reports_on_its_tasks():
    """haian-2023-livelihood-projects-progress (corpus/extra), the whole published text: cells one per line
    ending in `|`; the 实施内容 cell holds the targets, the 最新进度 cell after it reports on them
    (新增床位近100张, 超200张, 400户…正在施工)."""
    text = published_text("haian-2023-livelihood-projects-progress")
    found = [(r["value"], r["unit"], r["quote"][:6]) for r in extract_targets(text, document_year=2023)]
    assert found == [
        (2.0, "家", "新增民营养老"),
        (300.0, "张", "养老床位不少"),
        (4.0, "家", "主城区增设4"),
        (400.0, "户", "完成居家适老"),
    ]


def test_a_task_table_states_tasks_and_its_places_share_them():
    """xihu-hz-2024-livelihood-tasks-progress (corpus/extra), the whole published text: a table one cell per
    line without `|`, headed `序号` / `重点工作任务(民生实事项目)` … `进展情况(一季度)`; the task cells state
    tasks (also 开展…300场次, with no deadline), the shares of a task among streets (其中北山街道1个…) are
    parts of it, and the progress cells (目前已…) report."""
    text = published_text("xihu-hz-2024-livelihood-tasks-progress")
    found = [(r["value"], r["unit"]) for r in extract_targets(text, document_year=2024)]
    assert found == [(15.0, "个"), (100.0, "张"), (500.0, "张"), (300.0, "场次")]


# Sentences written by a reviewer to probe the rules of this round (written for testing, not from a document):
# each is an ordinary plan sentence that a too-broad rule would lose.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("到2025年，创建老年友好型社区10个。", [(10.0, "个")]),  # a place noun, but no 其中 breakdown
        ("到2025年，正在建设的养老服务中心全部投入使用，新增养老床位500张。", [(500.0, "张")]),  # 正在…的
        (
            "在建成区新建住宅小区按每百户不低于20平方米的标准配建养老服务用房。",
            [(20.0, "平方米")],
        ),  # 在建成区
        ("到2025年，新建农村互助养老服务站100个，按每个5万元标准给予建设补助。", [(100.0, "个")]),  # a plan
    ],
)
def test_rules_of_this_round_keep_ordinary_plan_sentences(text, expected):
    assert [(r["value"], r["unit"]) for r in extract_targets(text, document_year=2023)] == expected


def test_an_enumeration_of_figures_before_their_nouns():
    """Issue 12's own example, and a real county plan (laian-2022-meal-service-plan-news,
    tests/data/heldout_real3): each figure counts the noun after it, not the previous figure's noun."""
    rows = extract_targets("到2025年,培训200名养老护理员、50名社会工作者。")
    assert [(r["indicator"], r["value"], r["quote"]) for r in rows] == [
        ("养老护理员", 200, "培训200名养老护理员"),
        ("社会工作者", 50, "50名社会工作者"),
    ]
    folder = Path(__file__).parent / "data" / "heldout_real3"
    text = (folder / "05_laian-2022-meal-service-plan-news.txt").read_text(encoding="utf-8")
    rows = extract_targets(text, document_year=2022)
    assert [(r["indicator"], r["value"], r["deadline_year"]) for r in rows] == [
        ("老年食堂", 1, 2022),
        ("社区老年助餐点", 18, 2022),
        ("村级老年助餐点", 23, 2022),
        ("老年餐桌示范点", 1, 2022),
    ]
    assert all(text[r["start"] : r["end"]] == r["quote"] for r in rows)
    # the noun first, the figure after: unchanged
    rows = extract_targets("到2025年,培训养老护理员200名、社会工作者50名。")
    assert [(r["indicator"], r["value"]) for r in rows] == [("养老护理员", 200), ("社会工作者", 50)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # conjunctions and 以及 between the items; a comparator or a verb opening the next item
        (
            "到2025年,培训200名养老护理员和50名社会工作者及30名康复师。",
            [
                ("养老护理员", 200, "培训200名养老护理员"),
                ("社会工作者", 50, "50名社会工作者"),
                ("康复师", 30, "30名康复师"),
            ],
        ),
        (
            "到2025年,培训200名养老护理员以及50名社会工作者。",
            [("养老护理员", 200, "培训200名养老护理员"), ("社会工作者", 50, "50名社会工作者")],
        ),
        (
            "到2025年,全市建成3个以上示范性老年食堂、不少于20个老年助餐点。",
            [
                ("示范性老年食堂", 3, "全市建成3个以上示范性老年食堂"),
                ("老年助餐点", 20, "不少于20个老年助餐点"),
            ],
        ),
        (
            "到2025年,新建1个区级指导中心、改造5个街道养老服务中心、新增20个社区养老服务站。",
            [
                ("区级指导中心", 1, "新建1个区级指导中心"),
                ("街道养老服务中心", 5, "改造5个街道养老服务中心"),
                ("社区养老服务站", 20, "新增20个社区养老服务站"),
            ],
        ),
    ],
)
def test_enumerations_of_figures_before_their_nouns_with_other_separators(text, expected):
    """Wordings a fresh-eyes review tried on the rule (made up to probe it, not from a document)."""
    rows = extract_targets(text)
    assert [(r["indicator"], r["value"], r["quote"]) for r in rows] == expected
    assert all(text[r["start"] : r["end"]] == r["quote"] for r in rows)


def test_each_item_of_a_task_list_counts_its_own_noun_and_the_people_served():
    """shanghai-2025-livelihood-task-indicators-notice (tests/data/heldout_real4): items that each open with
    their own verb (`、培训产生3100名…养老护理员`), and `为4000名老年人提供家庭照护床位服务`."""
    folder = Path(__file__).parent / "data" / "heldout_real4"
    text = (folder / "09_shanghai-2025-livelihood-task-indicators-notice.txt").read_text(encoding="utf-8")
    rows = {r["value"]: r for r in extract_targets(text, document_year=2025)}
    assert rows[3100]["indicator"] == "中级及以上技能等级养老护理员"
    assert rows[50]["indicator"] == "“养老院+互联网”医院"
    assert rows[4000]["indicator"] == "提供家庭照护床位服务的老年人"
    assert rows[4000]["quote"] == "为4000名老年人提供家庭照护床位服务"
    assert all(text[r["start"] : r["end"]] == r["quote"] for r in rows.values())


def test_an_item_that_opens_with_its_own_verb_ends_the_one_before():
    """Constructed by a review session: a figure before its noun, then items that name the noun first."""
    rows = extract_targets(
        "到2025年，培训200名养老护理员、新增床位500张、护理型床位占比达到60%。", document_year=2025
    )
    assert [(r["value"], r["indicator"]) for r in rows] == [
        (200, "养老护理员"),
        (500, "床位"),
        (60, "护理型床位占比"),
    ]
    assert rows[1]["quote"] == "新增床位500张"
    served = extract_targets("到2025年，为500名困难老年人免费提供助餐服务。", document_year=2025)
    assert [r["indicator"] for r in served] == ["提供助餐服务的困难老年人"]


def _heldout5(prefix: str) -> str:
    """A real page of tests/data/heldout_real5 (annotated blind; its README records the first run)."""
    return next((Path(__file__).parent / "data" / "heldout_real5").glob(f"*_{prefix}-*.txt")).read_text(
        encoding="utf-8"
    )


def test_a_building_verb_before_the_figure_leaves_the_counted_noun_after_it():
    """hengshan-2016-suggestion-reply-19 (heldout_real5): `计划将在石湾镇建设一所区域敬老院`."""
    text = _heldout5("hengshan-2016")
    assert "因此我局计划将在石湾镇建设一所区域敬老院" in text
    (row,) = [r for r in extract_targets(text) if r["unit"] == "所"]
    assert (row["value"], row["indicator"]) == (1, "区域敬老院")


def test_yige_before_a_quality_is_an_article_not_a_count():
    """zhangjiachuan-2024 (heldout_real5): `提供一个高标准的生活服务保障` counts nothing; the centres and
    homes of the same page are still counted."""
    text = _heldout5("zhangjiachuan-2024")
    assert "提供一个高标准的生活服务保障" in text
    assert all("保障" not in (r["indicator"] or "") for r in extract_targets(text))
    for built in (
        "到2025年，每个县至少建设一个高水平的县级失能照护机构。",
        "到2025年，全市建成一个高质量的智慧养老服务平台。",
    ):
        assert [r["value"] for r in extract_targets(built)] == [1], (
            built
        )  # after a building verb it counts (review22)
    _, left_out = targets_and_left_out(text)
    assert [r["reason"] for r in left_out] == ["一个 as an article (提供一个高标准的…保障): no count"]
    assert [(r["value"], r["indicator"]) for r in extract_targets(text)] == [
        (1, "乡镇综合养老服务中心"),  # `3乡镇各新建…1处`: each town's, the places before 各 are not the noun
        (1, "村级互助幸福院"),
    ]


def test_a_reporting_date_of_this_year_is_no_deadline():
    """heldout_real9/03 (深圳市民政局, a real page): `截至今年上半年,全市共建成31家…` reports; `截至` is no `至`."""
    text = (
        "截至今年上半年,全市共建成31家街道长者服务中心,社区养老服务机构149家,长者饭堂及助餐点400家,"
        "居家养老消费券定点服务机构77家,已实现社区养老服务设施全覆盖。"
    )
    found, left_out = targets_and_left_out(text, document_year=2022)
    assert found == []
    assert {r["value"] for r in left_out} >= {31.0, 149.0, 400.0, 77.0}


def test_the_documents_own_year_in_a_sentence_that_reports_is_a_report():
    """heldout_real9/08 (a 2023 page): the year alone promises nothing beside `现已全部改造完成`; heldout_real5's
    yulin reply: `2023年全市规划建设…72个` after `截至目前…197个` is a plan (规划建设)."""
    done = "2023年为我区115户特殊困难老年人家庭实施居家适老化改造,现已全部改造完成并验收合格。"
    found, _ = targets_and_left_out(done, document_year=2023)
    assert found == []
    planned = (
        "截至目前,全市共有城镇社区老年人日间照料中心197个,2023年全市规划建设城镇社区老年人日间照料中心72个。"
    )
    found, _ = targets_and_left_out(planned, document_year=2023)
    assert [(t["value"], t["deadline_year"]) for t in found] == [(72.0, 2023)]


def test_a_paragraph_deadline_after_a_topic_label_reaches_its_later_sentences():
    """heldout_real11/01 (尚志市, a real plan): `养老方面:到2025年底,…。` opens the paragraph; the figures of
    its later sentences aim at 2025, and so do those under `托育方面:2025年底前,…`."""
    folder = Path(__file__).parent / "data" / "heldout_real11"
    text = next(folder.glob("01_*.txt")).read_text(encoding="utf-8")
    found = {(r["value"], r["deadline_year"]) for r in extract_targets(text, document_year=2022)}
    assert {(40.0, 2025), (100.0, 2025), (90.0, 2025), (4.5, 2025)} <= found
    assert all(year == 2025 for _, year in found)


@pytest.mark.parametrize(
    ("sentence", "indicator"),
    [
        # henan-2023 (tests/data/heldout_real6): `有序` is no verb `有`; 推进 counts the noun after it
        ("有序推进200个乡镇敬老院转型为区域养老服务中心。", "乡镇敬老院转型为区域养老服务中心"),
        # pingjiang-2021 (tests/data/heldout_real8): what a centre reaches is counted after the figure
        ("建成后能辐射周边5-6个乡镇。", "乡镇"),
        # jinan-fz-2024 (tests/data/heldout_real12): 拓展 counts what it adds
        ("则计划在嵌入式长者食堂中创新拓展5个档口。", "档口"),
    ],
)
def test_a_verb_before_the_figure_leaves_the_noun_after_it(sentence, indicator):
    assert [r["indicator"] for r in extract_targets(sentence, document_year=2023)] == [indicator]


def test_a_rise_is_a_target_at_its_end_not_its_start():
    """huantai-2022 (tests/data/heldout_real10/05, a real reply): `养老护理员人数由500人增加到800人` among plans
    (`三年内建设…`, `我们将…`): 800 is the target, for 养老护理员人数; 500 is where the count stands."""
    path = next((Path(__file__).parent / "data" / "heldout_real10").glob("05_*.txt"))
    found, left_out = targets_and_left_out(path.read_text(encoding="utf-8"), document_year=2022)
    assert [
        (r["value"], r["indicator"]) for r in found if r["unit"] == "人" and r["value"] in (500, 800)
    ] == [(800, "养老护理员人数")]
    assert any(d["value"] == 500 and d["reason"].startswith("the starting point of a rise") for d in left_out)


@pytest.mark.parametrize(
    "sentence",
    [
        # constructed (review of this round): 从 as well as 由, and 目前/现有 inside the rise
        "到2025年,养老机构床位数从500张增加到800张。",
        "到2025年,养老护理员由现有的500人增加到800人。",
    ],
)
def test_a_rise_written_other_ways(sentence):
    found, left_out = targets_and_left_out(sentence, document_year=2022)
    assert [r["value"] for r in found] == [800]
    assert [d["value"] for d in left_out] == [500]


def test_a_target_stated_as_one_in_a_report_and_the_noun_after_a_verb_of_service():
    """yueyanglou-2025 (tests/data/heldout_real13/04, a real publicity notice): the sentence opens with last
    year and reports money handed down, and its last clause states the project's targets; the second figure
    counts the noun after `提供不低于`."""
    text = (
        "2024年,岳阳市被确定为全国第四批居家和社区基本养老服务提升行动试点地区,下达中央补助资金2252万元,"
        "其中下达531.1万元用于支持我区居家和社区基本养老服务提升行动项目,项目目标任务为面向我区经济困难的失能、"
        "部分失能老年人建设627张家庭养老床位、提供不低于806人次居家养老上门服务。"
    )
    got = [(r["value"], r["indicator"]) for r in targets_and_left_out(text, document_year=2025)[0]]
    assert got == [(627, "家庭养老床位"), (806, "居家养老上门服务")]
    # (an aside that recalls a report's target, `超额完成年度目标任务（年度目标为250户）`, is not stated as one:
    # tests/data/fresh2/fenglin, whose test proves it)


def test_the_year_of_a_budget_is_no_deadline():
    """qinghai-2024 (tests/data/heldout_real14/02, a real news page): `2024年中央预算内投资` is the money's year."""
    text = (
        "省发展改革委近日落实2024年中央预算内投资1.72亿元,支持14个公办养老托育服务机构建设,项目建成后,"
        "将新增养老床位100张、婴幼儿托位1755个。"
    )
    got = [(r["value"], r["deadline_year"]) for r in targets_and_left_out(text, document_year=2024)[0]]
    assert got == [(14, None), (100, None), (1755, None)]  # (14: what the money supports, FUNDED_OUTPUT)


def test_a_distance_measures_works_unless_the_clause_speaks_of_a_radius():
    """jianhu-2026 (tests/data/heldout_real15/01, a real list of livelihood projects): kilometres of roads are no
    service radius; `服务半径不超过1公里` still is one (a sentence written for this test)."""
    text = (
        Path(__file__).parent / "data" / "heldout_real15" / "01_jianhu-2026-livelihood-projects-list.txt"
    ).read_text(encoding="utf-8")
    got = {r["value"]: r["indicator"] for r in targets_and_left_out(text, document_year=2026)[0]}
    assert got[17.6] == "农村公路道路改造里程"
    radius = targets_and_left_out("到2025年,社区养老服务设施服务半径不超过1公里。")[0]
    assert [r["indicator"] for r in radius] == ["社区养老服务设施服务半径"]


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("2023年,我区居家养老服务提升项目目标任务为建设500张家庭养老床位,实际建成520张,超额完成任务。", 2024),
        ("去年,全市养老服务工作取得明显成效。年度目标是新增养老床位1000张,已全部完成。", 2024),
        ("2024年度目标任务是完成200户特殊困难老年人家庭适老化改造,截至12月底已完成210户。", 2025),
    ],
)
def test_review_a_stated_target_that_was_met_is_a_report(text, year):
    """Sentences written by this round's reviewing session: a target stated and met is no target."""
    assert targets_and_left_out(text, document_year=year)[0] == []


def test_review_a_level_after_a_year_is_the_targets_scope_not_a_budget():
    """Sentences written by this round's reviewing session: `2025年县级…` keeps its deadline."""
    got = targets_and_left_out(
        "到2025年,县级特困人员供养服务设施建有率达到100%。到2027年省级示范性养老机构达到30家。",
        document_year=2023,
    )[0]
    assert [(r["indicator"], r["deadline_year"]) for r in got] == [
        ("县级特困人员供养服务设施建有率", 2025),
        ("省级示范性养老机构", 2027),
    ]


def test_instances_then_deng_count_the_noun_after_and_a_dated_bracket_keeps_a_yearly_list():
    """heldout_real15 cangnan: `…2022年度市县民生实事未完成项目进度表(截至10月31日)` is a yearly list (its bracket
    dates the report), and `建成投用桥墩镇、赤溪镇、灵溪镇观美等3家中心敬老院` counts 中心敬老院, not the places."""
    folder = Path(__file__).parent / "data" / "heldout_real15"
    text = next(folder.glob("*cangnan*.txt")).read_text(encoding="utf-8")
    rows = [
        (r["value"], r["unit"], r["indicator"], r["deadline_year"])
        for r in extract_targets(text, document_year=2022)
        if "中心敬老院" in r["quote"]
    ]
    assert rows == [(3.0, "家", "中心敬老院", 2022), (2.0, "家", "中心敬老院", 2022)]


def test_a_task_before_its_progress_is_a_target_and_its_quote_ends_before_the_progress():
    """heldout_real12 xiaoxian: `2个嵌入式养老机构建设已完成1个(50%)` — 2 is the year's task, 1 its progress."""
    text = (
        "萧县9月份民生工程进展情况\n\n发表时间:2025-10-09 14:34\n\n"
        "剩余8项中,2个嵌入式养老机构建设已完成1个(50%)、15个农村幸福院建设已完成8个(53%)。"
    )
    found, left_out = targets_and_left_out(text, document_year=2025)
    assert [(r["value"], r["indicator"], r["deadline_year"], r["quote"]) for r in found] == [
        (2.0, "嵌入式养老机构建设", 2025, "2个嵌入式养老机构建设"),
        (15.0, "农村幸福院建设", 2025, "15个农村幸福院建设"),
    ]
    assert {r["value"] for r in left_out} >= {1.0, 8.0}
    # without the month's progress title, a year is not given
    assert {r["deadline_year"] for r in extract_targets(text.split("\n\n", 2)[2], document_year=2025)} == {
        None
    }


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        # heldout_real7 yinchuan: a norm whose verb is 建设 names what is built by it
        (
            "县(市)区政府通过新建、购置、置换、租赁等方式,按照每百户不少于20平方米的标准建设社区养老服务设施。",
            2023,
            [(20.0, "社区养老服务设施建设标准(每百户)")],
        ),
        # heldout_real9 nanning: `且单处…` is the area of what the clause before builds
        (
            "新建住宅小区按每百户不少于30平方米的标准配建社区居家养老服务用房,且单处不少于300平方米,对未配套老旧社区",
            2023,
            [(30.0, "社区居家养老服务用房配置标准(每百户)"), (300.0, "社区居家养老服务用房单处面积")],
        ),
        # heldout_real16 liuzhou: a bare rate repeating the one just stated is of the same thing
        (
            "今年底前,柳州各县区街道综合养老服务中心覆盖率达到60%以上,力争覆盖率达到80%以上,在2022年底前将实现全覆盖。",
            2021,
            [(60.0, "柳州区街道综合养老服务中心覆盖率"), (80.0, "柳州区街道综合养老服务中心覆盖率")],
        ),
        # heldout_real15 jianhu: the people served, an age band among their words, by the service
        (
            "2026年,为1000名75~79周岁失能社会老年人提供居家上门服务。",
            2026,
            [(1000.0, "提供居家上门服务的75~79周岁失能社会老年人")],
        ),
    ],
)
def test_review_indicators_from_the_clause_around(text, year, expected):
    assert [(r["value"], r["indicator"]) for r in extract_targets(text, document_year=year)] == expected


def test_a_different_rate_after_one_is_not_taken_for_it():
    text = "到2025年,养老机构护理型床位占比达到55%,社区养老服务设施覆盖率达到90%。"
    rows = [(r["value"], r["indicator"]) for r in extract_targets(text, document_year=2022)]
    assert rows == [(55.0, "养老机构护理型床位占比"), (90.0, "社区养老服务设施覆盖率")]


def test_a_projects_design_capacity_is_what_it_is_to_provide():
    """heldout_real11 panzhihua: `设计养老床位300张` in a project's description is a target; its total cost is not."""
    text = "西区养老服务中心项目总投资5612万元,总建筑面积13560平方米,设计养老床位300张。"
    assert [(r["value"], r["unit"]) for r in extract_targets(text, document_year=2024)] == [(300.0, "张")]
    # a design (方案) that counts nothing is no capacity
    assert extract_targets("2023年完成设计方案3个。", document_year=2024) == []


def test_a_circle_in_quotes_and_a_quarter_of_the_documents_year_reported():
    """heldout_real17: hunnan `积极创建15分钟“养老生活圈”` names the circle; nanyang, a report of money paid out
    (`2024年第一季度高龄津贴发放情况`), counts who was paid in the quarter, no target."""
    rows = extract_targets("积极创建15分钟“养老生活圈”,搭建关爱困难老年人平台。", document_year=2022)
    assert [(r["value"], r["indicator"]) for r in rows] == [(15.0, "15分钟养老生活圈")]
    folder = Path(__file__).parent / "data" / "heldout_real17"
    text = next(folder.glob("*nanyang-2024*.txt")).read_text(encoding="utf-8")
    assert extract_targets(text, document_year=2024) == []


def test_a_yearly_list_title_may_count_its_items():
    """heldout_real18 pingliang: `2025年平凉市将办好这10件为民实事` is a yearly list: its undated items are the year's."""
    folder = Path(__file__).parent / "data" / "heldout_real18"
    text = next(folder.glob("*pingliang-2025*.txt")).read_text(encoding="utf-8")
    rows = {(r["value"], r["deadline_year"]) for r in extract_targets(text, document_year=2025)}
    assert {(10.0, 2025), (20.0, 2025)} <= rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # heldout_real15 zhouzhi: a section analysing how the targets were met reports (`…目标完成情况分析`)
        (
            "二、2024年县级福彩公益金目标完成情况分析\n\n1.数量指标:敬老院提升改造项目3个、救助站改造项目1个、护理员参赛人数15人。",
            [],
        ),
        # heldout_real7 xianju: `经民政局核定` (as verified) dates a report
        ("经民政局核定,2022 年全县新增认知障碍照护专区床位 40 张。", []),
        # heldout_real9 haigang: how long each visit lasts is no service radius
        (
            "2023年,每名老年人上门探访次数不少于30次,每次不少于60分钟。",
            [(30.0, "每名老年人上门探访次数"), (60.0, "每次时长")],
        ),
    ],
)
def test_review_reports_and_durations(text, expected):
    assert [(r["value"], r["indicator"]) for r in extract_targets(text, document_year=2023)] == expected


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        # this round's review (constructed sentences): 核定 is approval, not the past
        (
            "关于下达2025年养老服务目标任务的通知\n\n各乡镇人民政府:\n经县政府研究核定,2025年各乡镇新建农村幸福院15个,完成特殊困难老年人家庭适老化改造300户。",
            2025,
            [15.0, 300.0],
        ),
        # existing stock before its progress, in a report, stays a report
        (
            "XX县民政局2023年工作总结\n\n一、工作开展情况\n截至2023年底,全市236个社区养老服务站已完成等级评定180个。",
            2024,
            [],
        ),
        # a run-in heading that mentions assessment does not make its section past
        (
            "XX区养老服务工作实施方案\n\n三、重点任务\n(一)新建社区老年食堂10个。\n四、加强目标完成情况考核。各街道新增家庭养老床位200张。",
            2024,
            [10.0, 200.0],
        ),
        # an existing home's design capacity is no target
        ("县中心敬老院位于城关镇,设计床位200张,现入住特困老人112人。", 2024, []),
    ],
)
def test_review_counter_examples_of_the_thirteenth_round(text, year, expected):
    assert [r["value"] for r in extract_targets(text, document_year=year)] == expected


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        # the second review (constructed): a report heading with a bracket after 完成情况 reports
        (
            "一、养老服务体系建设完成情况(截至11月底)\n新建社区养老服务站15个,改造提升农村敬老院3所。",
            2024,
            [],
        ),
        # the year's progress report dated 截至6月底 (no past year): its tasks before their progress stay targets
        ("2024年民生实事项目进展情况\n截至6月底,2个嵌入式养老机构建设已完成1个。", 2024, [2.0]),
        # design capacity of a facility to be built, without the word 项目
        ("在城南新区新建县社会福利中心,设计养老床位300张,2025年底前投入使用。", 2024, [300.0]),
    ],
)
def test_review_counter_examples_of_the_second_review(text, year, expected):
    assert [r["value"] for r in extract_targets(text, document_year=year)] == expected


def test_a_verb_of_reaching_is_no_part_of_a_rates_name():
    """heldout_real18 chengdu `实现有意愿且符合条件的特困人员集中供养率100%` (its annotator: 有意愿且符合条件的特困人员集中供养率) and
    heldout_real19 tianjin `实现中心城区配餐服务社区覆盖率75%` (the scope taken out leaves 实现 in front): the rate is named
    without the verb; a rate that is nothing but its noun keeps the words it has (`实现覆盖率100%`)."""
    rows = extract_targets("实现有意愿且符合条件的特困人员集中供养率100%。", document_year=2023)
    assert [r["indicator"] for r in rows] == ["有意愿且符合条件的特困人员集中供养率"]
    rows = extract_targets("到2025年,实现中心城区配餐服务社区覆盖率75%。", document_year=2012)
    assert [(r["indicator"], r["scope"]) for r in rows] == [("配餐服务社区覆盖率", "中心城区")]
    assert [r["indicator"] for r in extract_targets("到2025年,实现覆盖率100%。", document_year=2023)] == [
        "实现覆盖率"
    ]


def test_a_goal_sections_opening_deadline_holds_for_its_later_paragraphs():
    """heldout_real20 zhenjiang-2015 (镇政办发〔2015〕212号): `二、工作目标` / `到2020年,全面建成…。` / `基本服务全面保障。养老服务
    设施全面覆盖城市社区和90%以上村…` / `供给质量明显改善。每千名老年人拥有养老床位数45张以上。…`: each paragraph of the goal
    section aims at 2020, not only the one that says it; the next heading ends it."""
    folder = Path(__file__).parent / "data" / "heldout_real20"
    text = next(folder.glob("06_zhenjiang-2015-*.txt")).read_text(encoding="utf-8")
    rows = extract_targets(text, document_year=2015)
    assert [(r["value"], r["unit"], r["deadline_year"]) for r in rows] == [
        (90.0, "%", 2020),
        (45.0, "张", 2020),
        (50.0, "%", 2020),
    ]
    later = "二、工作目标\n到2020年,全面建成养老服务体系。\n每千名老年人拥有养老床位数45张以上。\n三、主要任务\n新建养老床位500张。"
    assert [(r["value"], r["deadline_year"]) for r in extract_targets(later, document_year=2015)][-1] == (
        500.0,
        None,
    )


def test_a_subject_before_the_verb_leaves_each_figure_its_own_noun_after_it():
    """heldout_real21 zhejiang-2011 (a 都市快报 report): `浙江今年内要完成300个乡镇养老服务中心和3000个农村“星光老年之家”建设`:
    the province before the verb names nothing counted, so each figure counts the noun after it (not the fragment
    `乡镇养老服务中心和` for both); `今年内` is one time."""
    rows = extract_targets(
        "浙江今年内要完成300个乡镇养老服务中心和3000个农村“星光老年之家”建设。", document_year=2011
    )
    assert [(r["indicator"], r["value"], r["deadline_year"]) for r in rows] == [
        ("乡镇养老服务中心", 300.0, 2011),
        ("农村“星光老年之家”建设", 3000.0, 2011),
    ]


def _heldout_text(folder: str, stem: str) -> str:
    """A real page of a held-out set as the pipeline reads it (simplified characters, cleaned)."""
    from devcorpus import as_read

    path = next((Path(__file__).parent / "data" / folder).glob(f"*_{stem}.txt"))
    return as_read(path.read_text(encoding="utf-8"))


def test_a_dated_aside_and_who_sets_the_goal_date_the_targets_after_them():
    """heldout_real23 shanghai-2022 (`近期(到2025年)规划总量指标为:建成不少于17.8万张养老床位,…且包含至少1.5万张认知障碍
    老年人照护床位;全市每千人居家社区养老服务设施建筑面积达到50平方米,…`): an aside that only dates the words before it is
    the deadline, and 包含 is no indicator; wuhan-2022 (`方案提出,到2025年,…。每个区建设1至3家…,二级及以上综合医院设立
    老年医学专科比例达到70%以上。`): a paragraph opening with who sets the goal and its year dates its later sentences."""
    rows = {
        (t["value"], t["unit"]): t
        for t in extract_targets(
            _heldout_text("heldout_real23", "shanghai-2022-eldercare-facility-layout-plan-news"),
            document_year=2022,
        )
    }
    assert {
        rows[k]["deadline_year"]
        for k in [(178000, "张"), (60, "%"), (15000, "张"), (50, "平方米"), (500, "家")]
    } == {2025}
    assert rows[(15000, "张")]["indicator"] == "认知障碍老年人照护床位"
    assert (
        extract_targets("全市共有养老机构62家(到2025年)。", document_year=2022) == []
    )  # (an aside elsewhere keeps its time)
    rows = {
        (t["value"], t["unit"]): t
        for t in extract_targets(
            _heldout_text("heldout_real23", "wuhan-2022-eldercare-childcare-plan-news"), document_year=2022
        )
    }
    assert rows[(70, "%")]["deadline_year"] == 2025
    assert rows[(70, "%")]["indicator"] == "二级及以上综合医院设立老年医学专科比例"


def test_two_rates_sharing_one_figure_are_a_target_each():
    """heldout_real23 wuhan-2022: `新建城区、新建居住区配套建设养老服务设施达标率、社区养老服务设施覆盖率均达到100%。`; without
    均 the phrase stays one (`…占比和…覆盖率达到60%` may name one combined share)."""
    text = _heldout_text("heldout_real23", "wuhan-2022-eldercare-childcare-plan-news")
    shared = [t for t in extract_targets(text, document_year=2022) if "均达到100%" in t["quote"]]
    assert [t["indicator"] for t in shared] == ["配套建设养老服务设施达标率", "社区养老服务设施覆盖率"]
    assert {(t["value"], t["deadline_year"]) for t in shared} == {(100, 2025)}


def test_the_day_an_event_happened_is_no_deadline():
    """heldout_real24 chongyang-2024, a report: `2024年3月7日备案成立崇阳县百福康养院,设置养老床位49张,其中护理型床位36张;…
    7月16日备案成立路口镇卫生院康养中心、县中医院康养中心,分别设置养老床位15张、30张`: a sentence that opens with the day
    something happened reports it. A day's date with 前 is a deadline (constructed: none of the texts has one)."""
    found, left_out = targets_and_left_out(
        _heldout_text("heldout_real24", "chongyang-2024-nursing-bed-filings-report"), document_year=2024
    )
    assert [t for t in found if t["unit"] == "张"] == []
    assert {x["value"] for x in left_out if x["reason"] == "reported (sentence)"} >= {49, 36, 20, 8, 15, 30}
    (target,) = extract_targets("2025年6月30日前,建成养老床位49张。", document_year=2024)
    assert (target["value"], target["deadline_year"]) == (49, 2025)


def test_review_of_the_fifteenth_round_targets():
    """Constructed by the helper session that reviewed the round: a day's date after 到/力争/计划于 is a deadline."""
    assert {
        t["deadline_year"]
        for t in extract_targets(
            "到2025年12月31日,全县建成养老床位3000张,护理型床位占比达到60%。", document_year=2024
        )
    } == {2025}
    assert (
        extract_targets("力争2025年6月30日全面建成区域养老服务中心5个。", document_year=2024)[0][
            "deadline_year"
        ]
        == 2025
    )
    assert (
        extract_targets("计划于2025年12月31日建成街道综合养老服务中心8个。", document_year=2024)[0][
            "deadline_year"
        ]
        == 2025
    )


def test_all_of_a_kind_of_place_has_what_it_builds():
    """heldout_real16 liuzhou-2021: `…所有街道至少建有一个具备全托、日托、上门服务、运营家庭养老床位等综合功能的养老服务
    中心`: 所有 names the places, like 每个, and the counted noun follows the figure."""
    text = _heldout_text("heldout_real16", "liuzhou-2021-eldercare-list-news")
    (target,) = [t for t in extract_targets(text, document_year=2021) if "所有街道" in t["quote"]]
    assert target["indicator"].endswith("养老服务中心")


def test_a_rate_split_by_kind_of_place_keeps_the_rate_as_indicator():
    """heldout_real26 qinghai-2015 (`…我省老年人意外伤害保险参保率,农牧区达到10%、城镇达到30%以上`): both figures measure
    the rate; 农牧区 and 城镇 are their scopes (never `农牧区比例`, the indicator drafted before)."""
    text = _heldout_text("heldout_real26", "qinghai-2015-elderly-accident-insurance-subsidy-news")
    rows = [r for r in extract_targets(text, document_year=2015) if r["unit"] == "%"]
    assert [(r["value"], r["indicator"], r["scope"]) for r in rows] == [
        (10, "老年人意外伤害保险参保率", "农牧区"),
        (30, "老年人意外伤害保险参保率", "城镇"),
    ]
    # a place alone with no rate named before it is still what it was
    rows = extract_targets("到2025年,城市达到60%、农村达到40%。", document_year=2022)
    assert [r["indicator"] for r in rows] == ["城市比例", "农村比例"]


def test_the_conditions_of_those_granted_money_are_no_targets():
    """heldout_real28 shunyi-2014: `对区内非营利性、…全年平均入住率达到40%以上、本区户籍老年人达到入住人数70%以上的养老机构,
    每个养老机构补贴10万元至70万元`: both rates say which institutions are paid."""
    text = _heldout_text("heldout_real28", "shunyi-2014-eldercare-evaluation-reward-measures-news")
    found, left = targets_and_left_out(text, document_year=2014)
    assert not [t for t in found if t["unit"] == "%"]
    assert {(x["value"], x["reason"]) for x in left if x.get("unit") == "%"} == {
        (40, "condition of those granted money"),
        (70, "condition of those granted money"),
    }


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # sentences written by the round's review (a helper session) in the style of plans, not from a document:
        # a target followed by its funding clause stays a target (GRANTED_CLASS_AFTER needs the 对 that names them)
        ("到2025年,全市60%以上的社区日间照料中心实现社会化运营,对运营良好的给予奖励。", [60]),
        ("到2025年,每个县建成1个以上的县级特困供养服务机构,省级财政给予补助。", [1]),
        # 已建成 with a kind of works reports what was done; only `…改造提升后` names what is improved
        ("2023年,全区已建成标准化改造的老年食堂42个。", []),
        # a count before a word that only starts like a slogan's verb
        ("新建10个提升型社区养老服务站。", [10]),
        # 本区域 is no 本区
        ("到2025年,本区域内养老机构护理型床位占比达到60%。", [60]),
    ],
)
def test_the_rounds_new_exclusions_stay_narrow(text, kept):
    rows = extract_targets(text, document_year=2023)
    assert [r["value"] for r in rows] == kept
    assert all(not (r["indicator"] or "").startswith("域") for r in rows)


def test_what_money_allocated_supports_is_a_planned_output():
    """heldout_real14 qinghai-2024 (`…落实2024年中央预算内投资1.72亿元,支持14个公办养老托育服务机构建设`) and heldout_real28
    henan-2023 (`下达资金0.53亿元,按照户均3300元的标准支持1万户特殊困难老年人家庭适老化改造,…支持40个乡镇敬老院转型…`): both
    annotators count what the money supports as targets; a past year's support is a report."""
    text = _heldout_text("heldout_real28", "henan-2023-provincial-eldercare-infrastructure-funds-news")
    found = {t["value"]: t["indicator"] for t in extract_targets(text, document_year=2023)}
    assert found[10000] == "特殊困难老年人家庭适老化改造"
    assert found[40] == "乡镇敬老院转型为区域养老服务中心"
    text = _heldout_text("heldout_real14", "qinghai-2024-central-budget-eldercare-childcare-investment-news")
    assert 14 in {t["value"] for t in extract_targets(text, document_year=2024)}
    # (written for the test: a past year's support, in a later document, is reported)
    assert extract_targets("2023年,省财政安排资金5000万元,支持10个县开展试点。", document_year=2024) == []


def test_what_was_done_successfully_is_reported():
    """heldout_real28 wangcang-2014 (`成功将东河镇治城社区和卸甲碥社区两个省级一类养老示范社区,建成城乡老年人日间照料中心24个`):
    成功 before the verb says it is done; `力争成功创建3个…` (written for the test) still plans."""
    text = _heldout_text("heldout_real28", "wangcang-2014-eldercare-system-construction-news")
    assert 24 not in {t["value"] for t in extract_targets(text, document_year=2014)}
    assert [t["value"] for t in extract_targets("力争成功创建3个省级示范社区。", document_year=2024)] == [3]


def test_about_so_many_is_no_anchor_of_a_commitment():
    """heldout_real29 jingxingkuang-2024, a reply: `年度发放约300人次,1.5万元` counts the payments of a year; `约` says the
    figure is rounded, not that it is promised (a plan's `新增床位约2000张` still commits with its 新增)."""
    text = _heldout_text("heldout_real29", "jingxingkuang-2024-npc-suggestion-25-reply-elderly-allowances")
    found, left_out = targets_and_left_out(text, document_year=2024)
    assert [t for t in found if t["unit"] == "人次"] == []
    # (since the nineteenth round the reason is what they are: the people a sum paid out reaches)
    assert {(t["value"], t["reason"]) for t in left_out if t.get("unit") == "人次"} >= {
        (300.0, "people a sum paid out reaches"),
        (35520.0, "people a sum paid out reaches"),
    }
    assert [t["value"] for t in extract_targets("全市新增床位约2000张。")] == [2000.0]


def test_a_population_and_a_count_that_is_still_only_so_many_are_no_targets():
    """heldout_real31 shiyan-2024 (`据预测,到2025年,我市中心城区老年人将达23.79万人,机构养老床位数达7136张`: the beds are
    planned, the older people counted), dongguan-2017 (`纯老年人家庭人口数达7.48万人`) and wuhu-2022 (`今年7月初,全市运营的
    老年助餐点还只有60个`: 还只有 reports); those served stay (`服务老年人达到10万人`)."""
    found, left_out = targets_and_left_out(
        "据预测,到2025年,我市中心城区老年人将达23.79万人,机构养老床位数达7136张。", document_year=2024
    )
    assert [t["value"] for t in found] == [7136.0]
    assert [(t["value"], t["reason"]) for t in left_out] == [(237900.0, "population")]
    text = _heldout_text("heldout_real31", "dongguan-2017-eldercare-industry-opinions-news")
    assert 74800.0 not in {t["value"] for t in extract_targets(text)}
    text = _heldout_text("heldout_real31", "wuhu-2022-elder-meal-points-news")
    assert 60.0 not in {t["value"] for t in extract_targets(text)}
    assert [t["value"] for t in extract_targets("到2025年,服务老年人达到10万人。")] == [100000.0]


def test_a_deadline_as_written_stays_in_a_repost_of_an_old_plan():
    """heldout_real32 hunan-2016, a 2016 湖南日报 report reposted in 2022 (`发布时间: 2022-11-21`): `目标是到2020年,全省建成
    养老床位53万张以上` and `全省在“十三五”期间将新建、改扩建基层养老服务设施1.5万个` keep 2020, the deadline they write,
    though it is before the page's year; a bare earlier year (`2019年新建床位500张`) still dates a report."""
    text = _heldout_text("heldout_real32", "hunan-2016-13th-fyp-eldercare-goals-news")
    rows = {t["value"]: t["deadline_year"] for t in extract_targets(text, document_year=2022)}
    assert rows[530000.0] == rows[15000.0] == rows[700.0] == 2020
    assert extract_targets("2019年全市新建床位500张。", document_year=2022) == []


def test_a_size_between_a_figure_and_its_noun_is_no_indicator():
    """heldout_real33 xingan-2015 (`建成1所床位数在300张的综合性养老福利中心、1所床位数在200床的民办综合养老院`): each 1所 counts
    the facility after its size, not `床位数在` nor the facility before it."""
    found, _ = targets_and_left_out(
        "到2020年,建成1所床位数在300张的综合性养老福利中心、1所床位数在200床的民办综合养老院。",
        document_year=2015,
    )
    assert [(t["value"], t["indicator"]) for t in found if t["unit"] == "所"] == [
        (1.0, "综合性养老福利中心"),
        (1.0, "民办综合养老院"),
    ]


def test_a_scope_before_a_share_and_what_each_of_the_share_has():
    """heldout_real34 shijiazhuang-2009 (`农村80%左右的乡镇拥有一处多功能的综合性居家养老服务中心`): the share of 乡镇 that have
    one, not `农村比例`; the 一处 each has is part of what the share counts, no target of its own."""
    found, left_out = targets_and_left_out(
        "到2012年,农村80%左右的乡镇拥有一处多功能的综合性居家养老服务中心,30%以上的行政村能够通过集体组织提供居家养老服务。",
        document_year=2009,
    )
    assert [(t["value"], t["indicator"]) for t in found] == [
        (80.0, "拥有综合性居家养老服务中心的乡镇比例"),
        (30.0, "行政村能够通过集体组织提供居家养老服务比例"),
    ]
    assert [(t["value"], t["reason"]) for t in left_out] == [(1.0, "what each of a share has")]


def test_beds_named_by_their_unit_after_money_spent_on_them():
    """heldout_real35 yuexi-2015 (`今年增加投入504万元新建360张床位`): the beds built, not `投入504万元新建`; a count of beds whose
    noun is in its unit (`新建360张床位`) counts beds."""
    found, _ = targets_and_left_out(
        "今年增加投入504万元新建360张床位,至此,全县农村敬老院床位数增加到3102张。", document_year=2015
    )
    assert [(t["value"], t["indicator"]) for t in found] == [
        (360.0, "新建床位"),
        (3102.0, "农村敬老院床位数"),
    ]
    assert [t["indicator"] for t in targets_and_left_out("今年新建360张床位。", document_year=2015)[0]] == [
        "新建床位"
    ]


def test_records_and_results_headlines_report_and_what_will_be_built_stays():
    """heldout_real36 guilin-2020 (a real news page headed `广西桂林养老服务工作有新成效`): `达到28.7张,创历史新高`,
    `达到30251张,位于全区第一` report, as do untensed figures under a headline that announces results; `将打造2家医养结合
    示范机构` still promises."""
    found, left_out = targets_and_left_out(
        "千名老年人口享有养老床位数达到28.7张,创历史新高;养老总床位数达到30251张,位于全区第一。",
        document_year=2020,
    )
    assert found == [] and {t["value"] for t in left_out} == {28.7, 30251.0}
    found, left_out = targets_and_left_out(
        "广西桂林养老服务工作有新成效\n全市养老服务工作取得突破性进展,新增床位500张。桂林将打造2家医养结合示范机构。",
        document_year=2020,
    )
    assert [(t["value"], t["indicator"]) for t in found] == [(2.0, "医养结合示范机构")]
    assert [t["value"] for t in left_out] == [500.0]


def test_review_goal_wording_is_no_record():
    """Review of the eighteenth round: `创新高地` is a goal's name, not a record (`创新高`), and `位于全省第一梯队` a goal, not a
    rank reached."""
    found, _ = targets_and_left_out(
        "到2025年,打造5个养老服务创新高地,建成20个社区嵌入式养老服务中心。", document_year=2022
    )
    assert [t["value"] for t in found] == [5.0, 20.0]
    found, _ = targets_and_left_out(
        "到2025年,养老服务水平位于全省第一梯队,护理型床位占比达到60%。", document_year=2022
    )
    assert [t["value"] for t in found] == [60.0]


def test_a_plan_end_year_opening_a_clause_dates_the_later_sentences_of_its_paragraph():
    """heldout_real20 shandong-2022 (`…,2025年底前,全省养老机构护理型床位占比提高到60%以上。…,确保社区养老服务设施配建率达到
    100%。`) and heldout_real29 xiamen-2023 (`…,到2025年年底,…覆盖率总体达到65%。…推动全市…农村幸福院数量不少于120所。`):
    the end of the five-year plan is the later goals' deadline too. An interim year stays its sentence's own
    (tests/data/unseen province-2024-opinions: `…,到2026年,…达标率达到80%。发展老年助餐服务,…力争达到85%`)."""

    def years(text, year):
        return [(r["value"], r["deadline_year"]) for r in extract_targets(text, document_year=year)]

    shandong = (
        "优化兜底保障服务供给,优先支持发展护理型养老床位,2025年底前,全省养老机构护理型床位占比提高到60%以上。"
        "优化居家社区养老服务供给,确保社区养老服务设施配建率达到100%。"
    )
    assert years(shandong, 2022) == [(60, 2025), (100, 2025)]
    xiamen = (
        "不仅如此,《规划》还将整合片区资源,到2025年年底,厦门区域养老服务中心在镇(街道)的覆盖率总体达到65%。"
        "继续加强农村幸福院建设和运营管理,开展农村幸福院质量提升行动,推动全市达到三星级及以上标准的农村幸福院数量不少于120所。"
    )
    assert years(xiamen, 2023) == [(65, 2025), (120, 2025)]
    interim = (
        "推进城镇老旧小区养老服务设施补短板，到2026年，城市老旧小区养老服务设施配建达标率达到80%。"
        "发展老年助餐服务，城市社区老年助餐服务覆盖率力争达到85%，农村地区因地制宜发展互助式助餐。"
    )
    assert years(interim, 2024) == [(80, 2026), (85, None)]


def test_review_of_the_nineteenth_round_a_plan_end_is_not_carried_over_a_time_of_the_sentences_own():
    """Sentences a review session wrote (constructed wordings, not real pages): a relative period (`力争五年内`), a
    part of the year (`上半年,`) and a later deadline (`到2028年底,`) stop the plan's end year from reaching a later
    sentence."""

    def years(text):
        return [(r["value"], r["deadline_year"]) for r in extract_targets(text, document_year=2023)]

    head = "加快发展普惠养老,到2025年底,全市普惠养老床位达到2万张。"
    assert years(head + "力争五年内,全市社区嵌入式养老服务中心达到50个。") == [(20000, 2025), (50, None)]
    later = head + "到2028年底,全市社区嵌入式养老服务中心达到50个,街道全覆盖。社区助餐点达到300个。"
    assert years(later) == [(20000, 2025), (50, 2028), (300, None)]
    half = "推进医养结合,2025年底前,二级以上综合医院设立老年医学科的比例达到60%以上。上半年,全市养老机构护理型床位占比达到52%。"
    assert (52, 2025) not in years(half)


def test_the_people_a_sum_paid_out_reaches_are_no_target():
    """heldout_real13 baotou-qingshan-2017 (`本次发放…高龄津贴424万元,…共惠及7421名老人`) and yongjia-2023 (`现下拨2023年12月份
    高龄津贴,共补助人数29794人,共计发放金额263.460万元`), heldout_real35 ezhou-2018 (`…兑付…1711.11万元,为全市20927名80周岁
    以上老人送上政府的温暖`): who a payment reached. A plan's count stays a target (`项目目标任务为…提供不低于806人次…`,
    yueyanglou-2025, and `今年将为5000名…老人发放高龄津贴,所需资金300万元…`)."""

    def values(text):
        return [r["value"] for r in extract_targets(text, document_year=2024)]

    assert values("本次发放2017年上半年高龄津贴424万元,标准为人/月100元,共惠及7421名老人。") == []
    assert values("现下拨2023年12月份高龄津贴,共补助人数29794人,共计发放金额263.460万元。") == []
    assert (
        values(
            "市级财政足额兑付2018年高龄津贴市级负担部分1711.11万元,为全市20927名80周岁以上老人送上政府的温暖。"
        )
        == []
    )
    stated = "下达531.1万元用于支持我区…项目,项目目标任务为面向我区经济困难的失能、部分失能老年人提供不低于806人次居家养老上门服务。"
    assert values(stated) == [806]
    assert values("今年将为5000名80周岁以上老人发放高龄津贴,所需资金300万元列入财政预算。") == [5000]


def test_the_people_or_homes_a_sum_paid_out_reaches_with_more_than_or_after_xiang():
    """heldout_real37 dongying-2009 (`今年就为4400名60岁以上老人发放救助金140余万元`: a sum of `…余万元`) and jiayuguan-2016
    (`向2家社会办非营利性养老机构拨付一次性建设补贴24万元`: the homes paid, counted after 向)."""
    for text in (
        "今年就为4400名60岁以上老人发放救助金140余万元。",
        "今年,嘉峪关市还利用福彩公益金,向2家社会办非营利性养老机构拨付一次性建设补贴24万元。",
    ):
        found, left_out = targets_and_left_out(text, document_year=2016)
        assert found == [] and [t["reason"] for t in left_out] == ["people a sum paid out reaches"], text


def _masked_a_character_at_a_time(norm: str) -> str:
    """`targets._masked` as first written (a list of the characters, item numbers found with a pattern per
    number): the reference for the slice-at-a-time version of issue 16."""
    scan = list(norm)
    for m in targets._MASK_RE.finditer(norm):
        scan[m.start() : m.end()] = "\x00" * (m.end() - m.start())
    line_start = last_marker = 0
    for m in targets._LIST_MARKER_RE.finditer(norm):
        line = norm.rfind("\n", 0, m.start()) + 1
        if line != line_start:
            line_start, last_marker = line, 0
        number = int(m.group(1))
        next_item = re.search(rf"(?:^|[\n。;:|\s]){number + 1}\.\D?", norm[m.end() : m.end() + 300], re.M)
        if (
            m.group(2) is not None
            and not (number == last_marker + 1 and number > 1)
            and not (number == 1 and next_item)
        ):
            continue
        last_marker = number
        scan[m.start() : m.end()] = "\x00" * (m.end() - m.start())
    return "".join(scan)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="1234.。\n 《》〔〕[]年万人", max_size=40))
@example("1.80%以上。2.每年新增《规划》[2]3.5万人\n1.5万人")
def test_masking_is_as_first_written(text):
    assert targets._masked(text) == _masked_a_character_at_a_time(text)


def test_masking_is_as_first_written_on_real_texts():
    texts = [p.read_text(encoding="utf-8") for p in sorted(DATA.glob("heldout_real*/*.txt"))]
    blanked = 0
    for text in texts:
        norm = targets._normalize(text).norm
        assert targets._masked(norm) == _masked_a_character_at_a_time(norm)
        blanked += "\x00" in targets._masked(norm)
    assert blanked > 10


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="3,700.61万元;:。年\n", max_size=30))
@example("投入3,700.61万元,新建1,000张床位;到2025年:完成")
def test_splitting_into_clauses_and_sentences_is_as_first_written(text):
    """issue 16: runs of other characters as one item of the split pattern, not a character at a time."""
    from yanglao.extract.numbers import THOUSANDS_SEPARATOR

    for stops in (targets._SENTENCE_END, targets._CLAUSE_END):
        inside = f"[^{re.escape(stops)}]" + (f"|{THOUSANDS_SEPARATOR}" if "," in stops else "")
        as_written = [m.span() for m in re.finditer(f"(?:{inside})+", text)]
        assert targets._split(text, 0, len(text), stops) == as_written


def _rise_subject_as_first_written(scan: str, c_start: int, figure_start: int) -> str | None:
    rise = targets._RISE_SUBJECT.search(scan, c_start, figure_start)
    return targets._clean(rise.group(1))[:40] if rise else None


def test_the_rise_subject_is_looked_for_only_before_a_rise_and_found_as_before():
    """`_rise_subject` searches only words that end with a verb of rising: what the search alone finds, before
    every figure of every held-out real text (tests/data/heldout_real*), from its line's start."""
    lines = {
        line
        for path in DATA.glob("heldout_real*/*.txt")
        for line in path.read_text(encoding="utf-8").split("\n")
    }
    lines |= {"养老护理员人数由500人增加到  ", "床位数从 1200张提高至", "覆盖率由60%上升"}
    found = 0
    for line in sorted(lines):
        for figure in re.finditer(r"\d", line + "9"):
            expected = _rise_subject_as_first_written(line + "9", 0, figure.start())
            assert targets._rise_subject(line + "9", 0, figure.start()) == expected, line
            found += expected is not None
    assert found >= 3


@given(st.text(alphabet="人数由从目前的 5.0增加提高扩大上升至到,。张\n", max_size=30), st.integers(0, 5))
@settings(max_examples=500, deadline=None)
def test_the_rise_subject_on_generated_text(text, start):
    for end in range(len(text) + 1):
        assert targets._rise_subject(text, start, end) == _rise_subject_as_first_written(text, start, end)
