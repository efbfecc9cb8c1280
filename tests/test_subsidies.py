"""Subsidy extraction: each rule proven by a sentence in the style of real documents and the rows it must give.

Sentences marked `# real` are quoted from the development corpus; the others are
written in the language of 若干措施, 办法, 条例 and replies from other cities.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from devcorpus import GOLD, corpus_dir
from hypothesis import example, given, settings
from hypothesis import strategies as st

from yanglao.extract.recipients import complete
from yanglao.extract.rows import extract_rows
from yanglao.extract.subsidies import (
    EXCLUDED,
    LEADING_MARKER,
    doubtful_subsidies,
    extract_subsidies,
    subsidies_and_left_out,
)

FIGURE_FIELDS = ("kind", "amount_yuan", "rate_percent", "cap_yuan", "basis", "frequency")


def figures(text: str) -> list[tuple]:
    return [tuple(r[f] for f in FIGURE_FIELDS) for r in extract_subsidies(text)]


def kinds(text: str) -> list[tuple]:
    return [(r["kind"], r["amount_yuan"]) for r in extract_subsidies(text)]


# (sentence, rows as (kind, amount_yuan, rate_percent, cap_yuan, basis, frequency))
FIGURE_CASES = [
    pytest.param(  # real
        "对验收合格的社区老年人服务中心(站)按照每家15(9)万的标准给予一次性建设补贴,运营正常的,按照每年10(5)万的标准给予运营补贴;",
        [
            ("construction", 150000, None, None, "facility", "one_off"),
            ("construction", 90000, None, None, "facility", "one_off"),
            ("operation", 100000, None, None, "facility", "annual"),
            ("operation", 50000, None, None, "facility", "annual"),
        ],
        id="bracket-alternative-15(9)万",
    ),
    pytest.param(
        "对本市户籍80周岁以上老年人发放高龄津贴，每人每月300元。",
        [("allowance", 300, None, None, "person", "monthly")],
        id="每人每月300元",
    ),
    pytest.param(
        "对社会力量新建的护理型养老机构，按照每床1.5万元的标准给予一次性建设补贴。",
        [("construction", 15000, None, None, "bed", "one_off")],
        id="每床1.5万元",
    ),
    pytest.param(
        "对在长者食堂就餐的80周岁以上老年人，每餐补贴3元。",
        [("allowance", 3, None, None, "meal", "per_meal")],
        id="每餐3元",
    ),
    pytest.param(
        "对入住养老机构的经济困难失能老年人，按每人每天5元给予护理补贴。",
        [("allowance", 5, None, None, "person", "daily")],
        id="每人每天5元",
    ),
    pytest.param(  # real
        "按照《武汉市互联网+居家养老新模式实施方案》要求,市财政局每年下拨2000万资金,采取以奖代补形式进行分解下拨,用于各区对为老服务项目的支持。",
        [("budget_allocation", 20000000, None, None, "total", "annual")],
        id="每年下拨2000万资金",
    ),
    pytest.param(  # real
        "三年来,通过专业培训机构,对全市养老服务从业人员免费实施养老护理员技能培训,共培训1532人,等级鉴定571人,支出培训鉴定费77.982万元,为推进养老服务人才队伍的专业化提供了有力的支撑。",
        [("training", 779820, None, None, "total", "unspecified")],
        id="77.982万元-past-spending",
    ),
    pytest.param(
        "对符合条件的养老机构实施消防改造的，给予最高不超过50万元的改造补贴。",
        [("construction", None, None, 500000, "facility", "unspecified")],
        id="最高不超过50万元",
    ),
    pytest.param(  # real
        "对新建的社区嵌入、中心辐射式互联网+居家养老服务网点,按照建设费用50%的标准,分别给予最高不超过50万元和100万元的一次性建设补贴。",
        [
            ("construction", None, 50, 500000, "facility", "one_off"),
            ("construction", None, 50, 1000000, "facility", "one_off"),
        ],
        id="rate-50%-with-two-caps",
    ),
    pytest.param(  # real
        "在本市行政区域内居住的60周岁及以上的户籍居家老年人接受助餐配餐服务可享受就餐补贴。补贴标准为每人每次就餐费用的四分之一，最高不超过3元。",
        [("allowance", None, 25, 3, "meal", "per_meal")],
        id="fraction-rate-with-cap",
    ),
    pytest.param(
        "对新获评四星级、五星级的社区养老服务中心，一次性给予10万元奖励。",
        [("reward", 100000, None, None, "facility", "one_off")],
        id="一次性给予",
    ),
    pytest.param(
        "对运营良好的农村互助养老服务站，每年给予2万元运营补助。",
        [("operation", 20000, None, None, "facility", "annual")],
        id="每年给予",
    ),
    pytest.param(
        "市级财政采取以奖代补方式，对每个示范社区奖补30万元。",
        [("reward", 300000, None, None, "facility", "unspecified")],
        id="以奖代补",
    ),
    pytest.param(
        "对评定为五星级、四星级、三星级的养老机构，分别给予40万元、30万元、20万元的一次性奖励。",
        [
            ("reward", 400000, None, None, "facility", "one_off"),
            ("reward", 300000, None, None, "facility", "one_off"),
            ("reward", 200000, None, None, "facility", "one_off"),
        ],
        id="分别给予-list",
    ),
    pytest.param(  # real
        "每年投入1000万元对长者食堂、嵌入社区式养老机构、社区护理站、家庭养老床位护理、社区老年大学等给予增加补助、补贴和奖励。",
        [("budget_allocation", 10000000, None, None, "total", "annual")],
        id="fund-with-several-instruments-is-one-row",
    ),
    pytest.param(  # real
        "2019年省、市政府还投入230万元,向社会组织购买扶老助老服务项目12个。",
        [("service_purchase", 2300000, None, None, "total", "unspecified")],
        id="past-spending-buying-services",
    ),
    pytest.param(  # real
        "试点由中央财政补助1900万(丽水市1600万),经充分调研论证,资金已分配至各区县。",
        [
            ("budget_allocation", 19000000, None, None, "total", "unspecified"),
            ("budget_allocation", 16000000, None, None, "total", "unspecified"),
        ],
        id="bare-万-grant-and-bracketed-grant",
    ),
    pytest.param(  # real
        "对连锁建设运营社区居家养老服务达到一定规模的企业、组织,给予20万的奖励扶持。",
        [("reward", 200000, None, None, "facility", "unspecified")],
        id="给予20万的奖励扶持",
    ),
    pytest.param(  # real
        "长者饭堂运营机构按符合条件的实际就餐人次享受运营补贴，补贴标准为采取自主供给服务模式运营的长者饭堂每人每次3元，其他服务模式运营的每人每次1.5元。",
        [
            ("operation", 3, None, None, "meal", "per_meal"),
            ("operation", 1.5, None, None, "meal", "per_meal"),
        ],
        id="每人每次-meal-operation",
    ),
    pytest.param(
        "对养老机构按照实际入住老年人数给予每人每月200元的运营补贴，最高不超过每年50万元。",
        [("operation", 200, None, 500000, "person", "monthly")],
        id="per-unit-amount-with-cap",
    ),
    pytest.param(
        "对入住的失能老年人给予每人每月二百元的护理补贴。",
        [("allowance", 200, None, None, "person", "monthly")],
        id="chinese-numeral-amount",
    ),
    pytest.param(
        "对提供助餐服务的老年食堂给予一次性建设补贴5万元，每年运营补贴2万元。",
        [
            ("construction", 50000, None, None, "facility", "one_off"),
            ("operation", 20000, None, None, "facility", "annual"),
        ],
        id="two-instruments-one-sentence",
    ),
    pytest.param(
        "2023年，全市共发放高龄津贴1.2亿元，惠及老年人8.5万人。",
        [("allowance", 120000000, None, None, "total", "unspecified")],
        id="亿元-total-not-people",
    ),
    pytest.param(
        "对经济困难的老年人家庭实施适老化改造，给予每户最高3000元的改造补贴。",
        [("construction", None, None, 3000, "household", "unspecified")],
        id="每户-cap",
    ),
    pytest.param(
        "市财政按照每人每年2000元的标准安排资金，向社会组织购买居家养老服务。",
        [("service_purchase", 2000, None, None, "person", "annual")],
        id="per-person-service-purchase",
    ),
    pytest.param(
        "对社区养老服务综合体按照建设面积每平方米500元给予补助，每个最高不超过100万元。",
        [("construction", 500, None, 1000000, None, "unspecified")],
        id="per-area-amount-with-cap",
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), FIGURE_CASES)
def test_figures(sentence, expected):
    assert figures(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "recipients"),
    [
        (
            "对验收合格的社区老年人服务中心(站)按照每家15(9)万的标准给予一次性建设补贴。",
            ["验收合格的社区老年人服务中心", "验收合格的社区老年人服务站"],
        ),
        (
            "对评定为五星级、四星级、三星级的养老机构，分别给予40万元、30万元、20万元的一次性奖励。",
            ["评定为五星级的养老机构", "四星级的养老机构", "三星级的养老机构"],
        ),
        ("对本市户籍80周岁以上老年人发放高龄津贴，每人每月300元。", ["本市户籍80周岁以上老年人"]),
        (
            "长者饭堂运营机构为老年人提供送餐服务可享受送餐补贴，其中，补贴标准为每人每次2元。",
            ["长者饭堂运营机构"],
        ),
        ("每年投入1000万元对长者食堂、社区护理站等给予补助。", ["长者食堂、社区护理站等"]),
    ],
)
def test_recipients(sentence, recipients):
    assert [r["recipient"] for r in extract_subsidies(sentence)] == recipients


# Money that is not paid to anyone: no row at all.
NOT_SUBSIDIES = [
    pytest.param("违反本条例规定的，由民政部门责令改正，处1万元以上10万元以下罚款。", id="fine"),
    pytest.param("公办养老机构闲置用房出租给社会力量运营的，按市场租金的50%收取。", id="rent-concession"),
    pytest.param("65周岁以上老年人免费乘坐公共交通工具，60至64周岁老年人享受半价优惠。", id="fare-discount"),
    pytest.param("长者饭堂助餐价格为每餐10元，老年人自付7元。", id="price-people-pay"),
    pytest.param("养老护理员月工资不低于4000元。", id="salary"),
    pytest.param("该项目总投资5000万元，建设床位300张。", id="investment-total"),
    pytest.param(
        "依托全市现有248个社区、962个村的11399个社区社会组织、85万注册志愿者。", id="万-people-count"
    ),  # real
    pytest.param(
        "截至2024年6月份,“汕头呼援通”项目在线服务人数3.61万人,其中60岁以上特困和低保老年人1.84万人。",
        id="万人",
    ),  # real
    pytest.param(
        "2024年自治区返还盟市福彩公益金中用于养老服务资金支出比例达98.75%。", id="share-spent-not-rate"
    ),  # real
    pytest.param("2021年全市老年人人均可支配收入为3.5万元。", id="income"),
    pytest.param(
        "根据《关于中央财政支持开展居家和社区养老服务改革试点工作的通知》要求，结合我市实际，制定本方案。",
        id="document-title",
    ),
    pytest.param("武政规〔2024〕11号", id="document-number"),
    pytest.param("银发经济产业规模达到1000亿元。", id="market-size"),
]


@pytest.mark.parametrize("sentence", NOT_SUBSIDIES)
def test_not_subsidies(sentence):
    assert extract_subsidies(sentence) == []


# Provisions that promise money without an amount: (sentence, kinds of the rows).
PROVISION_CASES = [
    pytest.param("对符合条件的养老机构，按规定给予运营补贴。", ["operation"], id="按规定给予运营补贴"),
    pytest.param(
        "开展失能失智老年人家庭照护者技能培训,按规定给予补贴。", ["training"], id="bare-补贴-training"
    ),  # real
    pytest.param(
        "通过支持设施场地建设、建立综合奖励机制、强化日常监管等措施,推动老年助餐服务提质扩面。",
        ["reward"],
        id="奖励机制",
    ),  # real
    pytest.param(
        "探索营利性养老机构根据其实际入住老年人床位数享受运营补贴机制。", ["operation"], id="享受运营补贴"
    ),  # real
    pytest.param(
        "精准施策,落实老龄补贴、高龄津贴、健康体检等优待救助政策。",
        ["allowance", "allowance"],
        id="two-allowances",
    ),  # real
    pytest.param(  # real
        "积极落实全市综合性养老服务中心、社区居家养老服务中心、老年人助餐点、助浴点、睦邻点建设和运营补贴政策。",
        ["construction", "operation"],
        id="建设和运营补贴-split",
    ),
    pytest.param(  # real
        "对九类特殊困难老年人实行政府购买居家养老服务,给予助餐补贴,对社区养老服务设施建设运营给予定额补贴等。",
        ["service_purchase", "allowance", "construction", "operation"],
        id="three-instruments-one-sentence",
    ),
    pytest.param(
        "鼓励社会主体运营中央食堂,政府通过提供场地、以奖代补等方式进行扶持。",
        ["reward"],
        id="以奖代补-provision",
    ),  # real
    pytest.param(
        "采用“政府补贴一点、企业让利一点、老人负担一点”的运营模式,探索发展“长者饭堂”。",
        ["operation"],
        id="政府补贴一点",
    ),  # real
    pytest.param(
        "通过三到五年的周期,争取上级扶持资金,加大本级财政投入。", ["budget_allocation"], id="本级财政投入"
    ),  # real
    pytest.param("加大农村养老服务设施投入力度。", ["budget_allocation"], id="投入力度-with-object"),  # real
    pytest.param(
        "市、区县两级要将试点所需资金列入财政年度预算,落实补助资金专款专用。",
        ["budget_allocation"],
        id="列入预算",
    ),  # real
    pytest.param('2020年,通过公益创投,设立社区养老"微项目"。', ["other"], id="公益创投"),  # real
    pytest.param(
        "县级以上人民政府应当将养老服务所需经费列入本级财政预算。", ["budget_allocation"], id="条例-预算"
    ),
    pytest.param(
        "民政部门应当按照规定给予养老机构建设补贴和运营补贴。",
        ["construction", "operation"],
        id="条例-two-subsidies",
    ),
    pytest.param("完善高龄津贴制度，逐步提高高龄津贴标准。", ["allowance"], id="same-instrument-once"),
    pytest.param(  # real
        "强化特殊和困难老年人兜底保障,完善政府购买居家养老服务、高龄津贴等惠老制度,探索扩大政府兜底保障覆盖面,逐步提高补贴标准。",
        ["service_purchase", "allowance"],
        id="bare-补贴-folds-into-named",
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), PROVISION_CASES)
def test_provisions(sentence, expected):
    rows = extract_subsidies(sentence)
    assert [r["kind"] for r in rows] == expected
    assert all(r["amount_yuan"] is None and r["rate_percent"] is None and r["cap_yuan"] is None for r in rows)


NOT_PROVISIONS = [
    pytest.param("坚持规划引领,加大财政投入,强化政策与队伍建设,完善保障机制。", id="slogan-财政投入"),  # real
    pytest.param("在土地供应、投融资、费用减免、人才培养等政策上给予扶持优惠。", id="给予扶持"),  # real
    pytest.param("为九类特殊困难老人政府免费实施家庭适老化改造。", id="免费-no-instrument"),  # real
    pytest.param("2020年,出台《湖州市区居家养老服务补贴实施细则》。", id="title"),  # real
    pytest.param(
        "社区居家养老服务照料中心运行补助标准偏低,政府购买居家养老服务覆盖面较窄。", id="problem-statement"
    ),  # real
    pytest.param(
        "探索康养服务与医保、养老服务补贴等政策相互衔接的支付保障机制。", id="linking-policies"
    ),  # real
    pytest.param(
        "优先实现最低生活保障对象中享受定期抚恤补助的优抚对象家庭全覆盖。", id="describes-people"
    ),  # real
    pytest.param(
        "老年人户籍所在地镇人民政府、区民政部门应当在3个工作日内对本市户籍老年人享受就餐补贴的资格进行确认。",
        id="eligibility-procedure",
    ),  # real
    pytest.param(
        "市级老年人助餐配餐服务补贴包括就餐补贴、送餐补贴、运营补贴。", id="definition-list"
    ),  # real
    pytest.param("邻里互助服务模式不享受运营补贴。", id="negation"),  # real
    pytest.param(
        "长者饭堂运营机构出现食品安全事故、骗取补贴资金的，应当立即终止合作。", id="sanction"
    ),  # real
    pytest.param("统筹有效使用补助资金和其他资金,保障试点工作有序推进。", id="fund-management"),  # real
    pytest.param(
        "通过搭建平台、购买服务、公办民营、民办公助等方式,支持和鼓励社会力量参与养老服务产业。",
        id="generic-tool-list",
    ),  # real
    pytest.param("本办法所称养老服务补贴，是指政府为经济困难老年人购买居家养老服务的补贴。", id="definition"),
    pytest.param("对符合条件的养老服务机构，按规定落实税费减免、水电气价格优惠政策。", id="fee-relief"),
]


@pytest.mark.parametrize("sentence", NOT_PROVISIONS)
def test_not_provisions(sentence):
    assert extract_subsidies(sentence) == []


def test_figure_sentence_is_counted_by_its_figures():
    # 以奖代补 describes how the 2000万 is paid: no second, amount-less row
    text = "市财政局每年下拨2000万资金,采取以奖代补形式进行分解下拨。"
    assert kinds(text) == [("budget_allocation", 20000000)]


def test_eligibility_sentence_before_its_standard_is_not_a_second_row():
    text = "老年人接受助餐服务可享受就餐补贴。补贴标准为每人每次3元。就餐补贴在老年人给付就餐费用时自动扣减。"
    assert kinds(text) == [("allowance", 3)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # tests/data/heldout_real10/04 (青川县), 08 (蓝山县); heldout_real4/04 (江津区); heldout_real3 (宜昌市)
        (
            "对从事养老服务管理或护理工作且取得相关资质的养老护理员将享受每人每月50元至1000元的岗位补贴;",
            [
                (50, "从事养老服务管理或护理工作且取得相关资质的养老护理员", "person", "monthly"),
                (1000, "从事养老服务管理或护理工作且取得相关资质的养老护理员", "person", "monthly"),
            ],
        ),
        (
            "对蓝山户籍的60周岁以上老年人予以3元至5元每餐的就餐补贴。",
            [
                (3, "蓝山户籍的60周岁以上老年人", "meal", "per_meal"),
                (5, "蓝山户籍的60周岁以上老年人", "meal", "per_meal"),
            ],
        ),
        (
            "目前,社区老年食堂奖补政策为2-5万元/每个,",
            [
                (20000, "社区老年食堂", "facility", "unspecified"),
                (50000, "社区老年食堂", "facility", "unspecified"),
            ],
        ),
    ],
)
def test_a_range_of_money_is_a_row_for_each_end_for_one_recipient(sentence, expected):
    rows = extract_subsidies(sentence)
    got = [(r["amount_yuan"], r["recipient"], r["basis"], r["frequency"]) for r in rows]
    assert got == expected
    assert len({r["quote"] for r in rows}) == 1


def test_a_range_in_a_condition_list_keeps_the_recipient_whole():
    # heldout_real3 (宜昌市): the recipient holds 和, which is not a list of recipients for the two ends
    text = (
        "对取得职业技能等级证书并在岗从事老年人生活照料和护理服务的养老护理员发放养老护理岗位津贴。"
        "达到养老护理员初级工(五级)至高级技师(一级)的,每人每月补贴100元至1500元。"
    )
    rows = [r for r in extract_subsidies(text) if r["amount_yuan"]]
    assert [r["amount_yuan"] for r in rows] == [100, 1500]
    assert len({r["recipient"] for r in rows}) == 1


def test_a_range_whose_low_end_is_not_below_its_high_end_is_doubtful():
    # constructed: no real text seen has one; a year before a dash is not the low end of a sum
    sentence = "给予2023-5万元补助。"
    assert extract_subsidies(sentence) == []
    doubts = doubtful_subsidies(sentence)
    assert [d["reason"] for d in doubts] == ["range: no single amount"]
    assert all(sentence[d["start"] : d["end"]] == d["quote"] for d in doubts)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "对经济困难的失能老年人，护理补贴标准不低于每人每月100元。",
            [("allowance", 100, None, None, "person", "monthly")],
        ),
        ("对连锁运营的机构给予10万元以上奖励。", [("reward", 100000, None, None, "facility", "unspecified")]),
        (
            "所需资金从市级福彩公益金中列支，每年安排不少于500万元。",
            [("budget_allocation", 5000000, None, None, "total", "annual")],
        ),
    ],
)
def test_floor_is_read_as_its_stated_figure(sentence, expected):
    # like 100万元左右 in the gold: the schema has no comparator for money, the figure is the standard set
    assert figures(sentence) == expected
    assert doubtful_subsidies(sentence) == []


def test_parts_of_a_total_after_其中_are_rows_of_their_own():
    # each a distinct amount going to someone (DATA_CONTRACT); the blind annotators of heldout_real4, 6, 8 and 13
    # all wrote the parts as rows (南开区: `共获批…665万元,其中,265万元用于居家养老上门服务,400万元用于…`)
    text = "2023年，市财政共安排养老服务资金1.2亿元，其中中央预算内投资2000万元、省级补助资金3500万元。"
    assert kinds(text) == [
        ("budget_allocation", 120000000),
        ("budget_allocation", 20000000),
        ("budget_allocation", 35000000),
    ]


def test_standards_under_a_run_in_heading():
    # the money word is in the heading; ages are eligibility, not amounts
    text = "（一）高龄津贴。80—89周岁老年人每人每月100元，90—99周岁每人每月300元，100周岁以上每人每月500元。"
    rows = extract_subsidies(text)
    assert [(r["kind"], r["amount_yuan"], r["frequency"]) for r in rows] == [
        ("allowance", 100, "monthly"),
        ("allowance", 300, "monthly"),
        ("allowance", 500, "monthly"),
    ]
    assert [r["recipient"] for r in rows][1:] == ["90—99周岁", "100周岁以上"]


def test_prices_under_a_fee_heading_are_not_subsidies():
    assert extract_subsidies("五、收费标准\n午餐标准为每餐12元，上门助洁服务每小时30元。") == []


def test_elliptical_amounts_share_the_first_figure():
    text = "给予一次性入职奖励：本科及以上学历一次性给予2万元，大专1.5万元，中专1万元。"
    rows = extract_subsidies(text)
    assert [(r["kind"], r["amount_yuan"], r["frequency"], r["recipient"]) for r in rows][1:] == [
        ("reward", 15000, "one_off", "大专"),
        ("reward", 10000, "one_off", "中专"),
    ]


def test_condition_clause_takes_the_recipient_of_the_sentence_before():
    text = "对收住失能老年人的养老机构，按每人每月300元给予运营补贴；收住半失能老年人的，按每人每月150元给予运营补贴。"
    assert [r["recipient"] for r in extract_subsidies(text)] == [
        "收住失能老年人的养老机构",
        "收住半失能老年人的养老机构",
    ]


def test_provider_recipient_makes_a_delivery_subsidy_operation():
    text = "为行动不便的高龄、失能老年人提供送餐上门服务的助餐点，按每单2元给予送餐补贴。"
    assert kinds(text) == [("operation", 2)]


def test_bed_service_subsidy_is_operation():
    text = "对家庭养老床位按每张3000元给予一次性建设补贴，按每张每月300元给予服务补贴。"
    assert [(r["kind"], r["amount_yuan"], r["basis"]) for r in extract_subsidies(text)] == [
        ("construction", 3000, "bed"),
        ("operation", 300, "bed"),
    ]


def test_own_recipient_clause_after_a_figure_is_its_own_provision():
    text = "对社区养老服务中心按照每年5万元的标准给予运营补贴，对星级评定达标的社区养老服务中心实行以奖代补。"
    assert kinds(text) == [("operation", 50000), ("reward", None)]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "第二章 建设补贴\n第五条 对新建养老机构，按照每张床位1万元的标准给予一次性建设补贴。",
            id="chapter",
        ),
        pytest.param(
            "（四）给予培训补贴。养老护理员取得证书的，按初级1000元的标准给予职业培训补贴。", id="run-in"
        ),
    ],
)
def test_heading_over_its_figures_is_not_a_provision(text):
    assert all(r["amount_yuan"] is not None for r in extract_subsidies(text))


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("第九条 一次性建设补贴分三年拨付，第一年拨付50%。", id="instalments"),
        pytest.param("高龄津贴按月通过社会保障卡发放至老年人本人账户。", id="payment-channel"),
        pytest.param(
            "第十条 享受建设补贴的养老机构，应当持续从事养老服务不少于5年。", id="describes-operators"
        ),
        pytest.param("附件：2.养老护理员岗位津贴申领表", id="form"),
        pytest.param("每年委托第三方机构开展满意度测评，测评结果与运营补贴挂钩。", id="linked"),
    ],
)
def test_payment_procedure_and_forms_are_not_provisions(text):
    assert extract_subsidies(text) == []


def test_named_subsidy_with_a_stated_amount_is_not_repeated_without_one():
    text = (
        "决定自2024年7月1日起提高我市高龄老年人津贴标准。\n"
        "对80周岁以上老年人发放高龄津贴，每人每月100元。\n"
        "各县（区）要确保高龄津贴按时足额发放到位。"
    )
    assert kinds(text) == [("allowance", 100)]


def test_落实_named_reward_policy_next_to_another_instrument():
    text = "我们将通过政府购买服务方式，每年为养老护理员提供免费技能培训，并落实养老护理员入职奖励政策。"
    assert [r["kind"] for r in extract_subsidies(text)] == ["service_purchase", "reward"]


def test_pdf_spacing_is_tolerated_and_offsets_point_into_the_given_text():
    text = "开展失能失智老年人家庭照护者 技能培训,按规定给予 补 贴。对新建 护理型床位按照每 床 1.5 万元的标准给予一次性建设补贴。"
    rows = extract_subsidies(text)
    assert [(r["kind"], r["amount_yuan"]) for r in rows] == [("training", None), ("construction", 15000)]
    for r in rows:
        assert text[r["start"] : r["end"]] == r["quote"]


def test_rows_in_document_order():
    text = "一、对社区养老服务中心给予一次性建设补贴10万元。\n二、按规定给予运营补贴。\n三、对高龄老人每人每月发放高龄津贴100元。"
    rows = extract_subsidies(text)
    assert [r["start"] for r in rows] == sorted(r["start"] for r in rows)
    assert [r["kind"] for r in rows] == ["construction", "operation", "allowance"]


ROW_KEYS = {
    "kind",
    "recipient",
    "amount_yuan",
    "rate_percent",
    "cap_yuan",
    "basis",
    "frequency",
    "quote",
    "start",
    "end",
    "figure_at",
    "range",
    "tier",
}
KINDS = {
    "construction",
    "operation",
    "reward",
    "service_purchase",
    "allowance",
    "training",
    "budget_allocation",
    "other",
}
BASES = {"facility", "bed", "person", "household", "meal", "project", "total", None}
FREQUENCIES = {"one_off", "annual", "monthly", "daily", "per_meal", "unspecified"}

FRAGMENTS = st.sampled_from(
    [c.values[0] for c in FIGURE_CASES]
    + [c.values[0] for c in PROVISION_CASES]
    + [c.values[0] for c in NOT_SUBSIDIES]
    + ["\n", " ", "　", "，", "。", "(", ")", "万", "元", "每人", "最高", "5", "至", "%", "补贴"]
)


@given(st.lists(FRAGMENTS, max_size=8).map("".join))
def test_row_shape_and_provenance(text):
    for r in extract_subsidies(text):
        assert set(r) == ROW_KEYS
        assert text[r["start"] : r["end"]] == r["quote"] and r["quote"]
        assert r["kind"] in KINDS and r["basis"] in BASES and r["frequency"] in FREQUENCIES
        for f in ("amount_yuan", "rate_percent", "cap_yuan"):
            assert r[f] is None or r[f] > 0
        assert r["rate_percent"] is None or r["rate_percent"] <= 100


@given(st.text(alphabet="对给予补贴助奖励万元每人月年0123456789.,，。、()（）最高不超过至 \n", max_size=60))
def test_never_crashes_on_noise(text):
    for r in extract_subsidies(text):
        assert text[r["start"] : r["end"]] == r["quote"]
    doubtful_subsidies(text)


def test_seed_documents_figures_match_gold():
    """On the five seed documents, every extracted figure is a gold figure (not one wrong figure)."""
    with open(GOLD / "subsidies.csv", encoding="utf-8") as f:
        gold = list(csv.DictReader(f))

    def num(v):
        return -1.0 if v in ("", None) else round(float(v), 2)

    for doc in sorted({g["source_id"] for g in gold}):
        path = corpus_dir() / "seeds" / f"{doc}.txt"
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        want = sorted(
            (num(g["amount_yuan"]), num(g["rate_percent"]), num(g["cap_yuan"]))
            for g in gold
            if g["source_id"] == doc and any(g[k] for k in ("amount_yuan", "rate_percent", "cap_yuan"))
        )
        got = sorted(
            (num(r["amount_yuan"]), num(r["rate_percent"]), num(r["cap_yuan"]))
            for r in extract_subsidies(text)
            if any(r[k] is not None for k in ("amount_yuan", "rate_percent", "cap_yuan"))
        )
        assert got == want, doc


# ---------------------------------------------------------------------------
# Held-out documents: texts written in the style of real 办法, 通知, 若干措施, 实施方案,
# 提案答复 and 条例, annotated by hand by the counting rules before the extractor was run
# on them (decisions in tests/data/unseen_subsidies/README.md).
# ---------------------------------------------------------------------------

UNSEEN = Path(__file__).resolve().parent / "data" / "unseen_subsidies"
UNSEEN_DOCS = sorted(p.stem for p in UNSEEN.glob("*.txt"))


def _figure_key(row: dict) -> tuple:
    def num(v):
        return None if v in ("", None) else round(float(v), 2)

    return (num(row["amount_yuan"]), num(row["rate_percent"]), num(row["cap_yuan"]))


def _has_figure(row: dict) -> bool:
    return any(row[k] not in ("", None) for k in ("amount_yuan", "rate_percent", "cap_yuan"))


def score_unseen(doc: str) -> dict:
    """Figure rows matched as (amount, rate, cap) multisets; rows without a figure by count."""
    text = (UNSEEN / f"{doc}.txt").read_text(encoding="utf-8")
    with open(UNSEEN / f"{doc}.csv", encoding="utf-8") as f:
        gold = list(csv.DictReader(f))
    got = extract_subsidies(text)
    gold_fig = [g for g in gold if _has_figure(g)]
    got_fig = [r for r in got if _has_figure(r)]
    unmatched = list(gold_fig)
    matched, kind_ok, wrong = 0, 0, []
    for r in got_fig:
        hit = next((g for g in unmatched if _figure_key(g) == _figure_key(r)), None)
        if hit is None:
            wrong.append((_figure_key(r), r["quote"]))
            continue
        unmatched.remove(hit)
        matched += 1
        kind_ok += hit["kind"] == r["kind"]
    gold_prov = sum(not _has_figure(g) for g in gold)
    got_prov = sum(not _has_figure(r) for r in got)
    return {
        "gold_fig": len(gold_fig),
        "got_fig": len(got_fig),
        "matched": matched,
        "kind_ok": kind_ok,
        "wrong": wrong,
        "missed": [(_figure_key(g), g["quote"]) for g in unmatched],
        "gold_prov": gold_prov,
        "got_prov": got_prov,
        "prov_matched": min(gold_prov, got_prov),
    }


def test_unseen_annotations_quote_their_documents():
    assert 4 <= len(UNSEEN_DOCS) <= 6
    for doc in UNSEEN_DOCS:
        text = (UNSEEN / f"{doc}.txt").read_text(encoding="utf-8")
        with open(UNSEEN / f"{doc}.csv", encoding="utf-8") as f:
            for g in csv.DictReader(f):
                assert g["quote"] in text, (doc, g["quote"])
                assert g["kind"] in KINDS and (g["basis"] or None) in BASES and g["frequency"] in FREQUENCIES


@pytest.mark.parametrize("doc", UNSEEN_DOCS)
def test_unseen_document_has_no_wrong_figure(doc):
    s = score_unseen(doc)
    assert s["wrong"] == [], s["wrong"]


def test_unseen_documents_recall_and_kinds(capsys):
    totals: dict[str, int] = {}
    lines = []
    for doc in UNSEEN_DOCS:
        s = score_unseen(doc)
        for k in ("gold_fig", "got_fig", "matched", "kind_ok", "gold_prov", "got_prov", "prov_matched"):
            totals[k] = totals.get(k, 0) + s[k]
        lines.append(
            f"{doc}: figures {s['matched']}/{s['gold_fig']} (extracted {s['got_fig']}), "
            f"provisions {s['got_prov']} of {s['gold_prov']}; missed {s['missed']}"
        )
    precision = totals["matched"] / totals["got_fig"] if totals["got_fig"] else 1.0
    recall = totals["matched"] / totals["gold_fig"]
    kinds_right = totals["kind_ok"] / totals["matched"] if totals["matched"] else 0.0
    prov_p = totals["prov_matched"] / totals["got_prov"] if totals["got_prov"] else 1.0
    prov_r = totals["prov_matched"] / totals["gold_prov"]
    with capsys.disabled():
        print("\n" + "\n".join(lines))
        print(
            f"held-out figures P={precision:.3f} R={recall:.3f} kind={kinds_right:.3f}; "
            f"provisions P={prov_p:.3f} R={prov_r:.3f}"
        )
    assert precision == 1.0
    assert recall >= 0.9
    assert kinds_right >= 0.9
    assert prov_p >= 0.8 and prov_r >= 0.8


# ---------------------------------------------------------------------------
# Rules found with the third held-out set (tests/data/fresh/README.md)
# ---------------------------------------------------------------------------

FRESH_FIGURE_CASES = [
    # A raised standard: only the new figure is a row.
    pytest.param(
        "将80—89周岁老年人高龄津贴由每人每月100元提高至150元。",
        [("allowance", 150, None, None, "person", "monthly")],
        id="raised-from-old-standard",
    ),
    # A share of a standard is a rate.
    pytest.param(
        "改建、扩建的,按照新建标准的50%给予补贴。",
        [("construction", None, 50, None, None, "unspecified")],
        id="rate-of-a-standard",
    ),
    # A table under a line that names the money (its header row may be lost in cleaning).
    pytest.param(
        "补贴标准按照老年人能力评估等级确定,具体如下:\n重度失能 | 每人每月400元 | 服务券\n中度失能 | 每人每月300元 | 服务券",
        [
            ("allowance", 400, None, None, "person", "monthly"),
            ("allowance", 300, None, None, "person", "monthly"),
        ],
        id="table-under-a-money-lead-in",
    ),
    pytest.param(
        "服务对象 | 补贴标准 | 发放方式\n重度失能 | 每人每月400元 | 服务券",
        [("allowance", 400, None, None, "person", "monthly")],
        id="table-with-a-money-column",
    ),
    # A welfare-lottery fund allocation is money.
    pytest.param(
        "市级福彩公益金每年安排不少于1000万元支持老年助餐服务发展。",
        [("budget_allocation", 10000000, None, None, "total", "annual")],
        id="lottery-fund-allocation",
    ),
]

FRESH_NOT_PROVISIONS = [
    "第一条 为规范居家和社区养老服务补贴管理,提高资金使用效益,制定本细则。",
    "第四条 居家养老服务补贴对象包括:",
    "80周岁以上独居、空巢老年人 | 电子津贴卡",
    "每人每天享受补贴不超过2餐。",
    "收费标准如下:\n服务项目 | 收费标准\n助浴 | 每次30元",
]


@pytest.mark.parametrize(("sentence", "expected"), FRESH_FIGURE_CASES)
def test_fresh_figures(sentence, expected):
    assert figures(sentence) == expected


@pytest.mark.parametrize("text", FRESH_NOT_PROVISIONS)
def test_fresh_not_provisions(text):
    assert extract_subsidies(text) == []


def test_generic_reward_beside_a_named_reward_is_one_provision():
    rows = extract_subsidies("推行“以奖代补”,对运营成效突出的县(市、区)给予奖励。")
    assert [r["kind"] for r in rows] == ["reward"]


def test_clause_for_other_people_after_a_figure_is_its_own_provision():
    text = "2023年为全市8.6万名80周岁以上老年人发放高龄津贴5160万元,为农村经济困难的失能老年人发放护理补贴。"
    assert kinds(text) == [("allowance", 51600000), ("allowance", None)]


def test_a_total_paid_out_does_not_hide_a_later_mention():
    text = "开展农村养老护理员培训42期,发放培训补贴216万元。\n人社局表示,按规定落实职业培训补贴。"
    assert kinds(text) == [("training", 2160000), ("training", None)]


# ---------------------------------------------------------------------------
# Third held-out set (tests/data/fresh): five documents written and annotated by someone
# who had not read this module or the earlier held-out texts, run through clean_text.
# Before the rules above: figures P=0.935 R=0.860 (3 wrong figures), provisions 15 for 11.
# ---------------------------------------------------------------------------

FRESH = Path(__file__).resolve().parent / "data" / "fresh"
FRESH_DOCS = sorted(p.stem for p in FRESH.glob("*.txt"))


def score_fresh(doc: str) -> dict:
    from yanglao.parse.clean import clean_text

    text = clean_text((FRESH / f"{doc}.txt").read_text(encoding="utf-8"))
    with open(FRESH / f"{doc}.subsidies.csv", encoding="utf-8") as f:
        gold = list(csv.DictReader(f))
    got = extract_subsidies(text)
    for r in got:
        assert text[r["start"] : r["end"]] == r["quote"]
    unmatched = [g for g in gold if _has_figure(g)]
    wrong = []
    for r in (r for r in got if _has_figure(r)):
        hit = next((g for g in unmatched if _figure_key(g) == _figure_key(r)), None)
        if hit is None:
            wrong.append((_figure_key(r), r["quote"]))
        else:
            unmatched.remove(hit)
    return {
        "gold_fig": sum(_has_figure(g) for g in gold),
        "got_fig": sum(_has_figure(r) for r in got),
        "wrong": wrong,
        "missed": [(_figure_key(g), g["quote"]) for g in unmatched],
        "gold_prov": sum(not _has_figure(g) for g in gold),
        "got_prov": sum(not _has_figure(r) for r in got),
    }


def test_fresh_subsidy_annotations_quote_their_documents():
    from yanglao.parse.clean import clean_text

    assert len(FRESH_DOCS) == 5
    for doc in FRESH_DOCS:
        text = clean_text((FRESH / f"{doc}.txt").read_text(encoding="utf-8"))
        with open(FRESH / f"{doc}.subsidies.csv", encoding="utf-8") as f:
            for g in csv.DictReader(f):
                assert g["quote"] in text, (doc, g["quote"])
                assert g["kind"] in KINDS and (g["basis"] or None) in BASES and g["frequency"] in FREQUENCIES


@pytest.mark.parametrize("doc", FRESH_DOCS)
def test_fresh_document_has_no_wrong_figure(doc):
    assert score_fresh(doc)["wrong"] == []


def test_fresh_documents_recall_and_provisions(capsys):
    totals = {"gold_fig": 0, "got_fig": 0, "gold_prov": 0, "got_prov": 0, "prov_matched": 0}
    lines = []
    for doc in FRESH_DOCS:
        s = score_fresh(doc)
        for k in ("gold_fig", "got_fig", "gold_prov", "got_prov"):
            totals[k] += s[k]
        totals["prov_matched"] += min(s["gold_prov"], s["got_prov"])
        lines.append(
            f"{doc}: figures {s['gold_fig'] - len(s['missed'])}/{s['gold_fig']} (extracted {s['got_fig']}), "
            f"provisions {s['got_prov']} of {s['gold_prov']}; missed {s['missed']}"
        )
    matched = totals["gold_fig"] - sum(len(score_fresh(d)["missed"]) for d in FRESH_DOCS)
    recall = matched / totals["gold_fig"]
    prov_p = totals["prov_matched"] / totals["got_prov"] if totals["got_prov"] else 1.0
    prov_r = totals["prov_matched"] / totals["gold_prov"]
    with capsys.disabled():
        print("\n" + "\n".join(lines))
        print(f"fresh figures R={recall:.3f}; provisions P={prov_p:.3f} R={prov_r:.3f}")
    assert recall >= 1.0
    assert prov_p >= 1.0 and prov_r >= 1.0


# ---------------------------------------------------------------------------
# Rules found with the fourth held-out set (tests/data/fresh2/README.md)
# ---------------------------------------------------------------------------

FRESH2_FIGURE_CASES = [
    # Items of a `；` list under a heading that names the money continue it.
    pytest.param(
        "(一)高龄津贴。经济困难的80—89周岁老年人由每人每月100元调整为150元；"
        "90—99周岁老年人由每人每月200元调整为300元；100周岁及以上老年人调整为每人每月八百元。",
        [
            ("allowance", 150, None, None, "person", "monthly"),
            ("allowance", 300, None, None, "person", "monthly"),
            ("allowance", 800, None, None, "person", "monthly"),
        ],
        id="semicolon-list-under-a-heading",
    ),
    pytest.param(
        "第七条 养老机构运营补贴按照实际收住老年人数量计算，其中收住生活自理老年人的，每人每月100元；"
        "收住失能、半失能老年人的，每人每月200元。",
        [
            ("operation", 100, None, None, "person", "monthly"),
            ("operation", 200, None, None, "person", "monthly"),
        ],
        id="semicolon-list-keeps-the-kind",
    ),
    # A raise of the subsidy for graded institutions is a rate.
    pytest.param(
        "对等级评定为三级的养老机构，运营补贴在前条标准基础上上浮10%；评定为四级、五级的，上浮百分之二十。",
        [
            ("operation", None, 10, None, None, "unspecified"),
            ("operation", None, 20, None, None, "unspecified"),
        ],
        id="uplift-rate",
    ),
    # A rate given as the subsidy itself, in a clause about insurance contributions, with its cap.
    pytest.param(
        "养老机构为其聘用的养老护理员缴纳社会保险的，按照单位缴费部分的50%给予社会保险补贴，每人每年最高不超过3000元。",
        [("other", None, 50, 3000, "person", "annual")],
        id="social-insurance-subsidy-rate-and-cap",
    ),
    # Long-term care insurance benefits: the fund's share of the care cost and the monthly limit.
    pytest.param(
        "1.机构护理：护理服务费用基金支付比例为70%，每人每月限额1200元。",
        [("allowance", None, 70, 1200, "person", "monthly")],
        id="ltci-benefit-rate-and-limit",
    ),
    # A budget line for an amount: an allocation, whatever the money is later used for.
    pytest.param(
        "市级财政每年安排银发经济发展专项资金不少于5000万元，统筹用于项目扶持和示范奖励。",
        [("budget_allocation", 50000000, None, None, "total", "annual")],
        id="special-fund-allocation",
    ),
]

FRESH2_NOT_SUBSIDIES = [
    # an estimate of the added cost
    "2024年预计需增加资金约260万元。",
    # a deputy's proposal, quoted
    "建议“每个乡镇建设1所区域性养老服务中心”“对农村高龄老人每月发放100元助餐补贴”。",
    "关于“每月发放100元助餐补贴”的建议，我们将结合县级财力统筹研究。",
    # a condition naming the allowances, the act of adjusting standards, payment assurance, a problem
    "(三)同时符合高龄津贴和护理补贴条件的，可同时享受。",
    "经县人民政府同意，决定调整经济困难的高龄、失能老年人补贴标准。",
    "确保高龄津贴、护理补贴按时足额发放。",
    "受县级财力限制，农村养老服务设施建设和运营资金缺口较大。",
]


@pytest.mark.parametrize(("sentence", "expected"), FRESH2_FIGURE_CASES)
def test_fresh2_figures(sentence, expected):
    assert figures(sentence) == expected


@pytest.mark.parametrize("text", FRESH2_NOT_SUBSIDIES)
def test_fresh2_not_subsidies(text):
    assert extract_subsidies(text) == []


def test_provisions_without_a_figure_fresh2():
    assert kinds("对经济困难的失能老年人，个人缴费部分由财政全额补助。") == [("allowance", None)]
    assert kinds("经办机构可通过购买服务的方式委托商业保险机构参与经办服务。") == [("service_purchase", None)]
    # the budget line after a figure (here a range, a row per end) is a provision of its own
    text = "对服务点按照每个每年5000—8000元的标准给予运营补贴，所需资金由县财政列入年度预算。"
    assert kinds(text) == [("operation", 5000), ("operation", 8000), ("budget_allocation", None)]


# ---------------------------------------------------------------------------
# Fourth held-out set (tests/data/fresh2): six documents annotated before the extractor was
# run. First run: figures P=0.886 R=0.721 (31/35/43, 4 wrong), provisions 9 for 7.
# The two ranges (`每户1000—3000元`, `每个每年5000—8000元`) are known misses.
# ---------------------------------------------------------------------------

FRESH2 = Path(__file__).resolve().parent / "data" / "fresh2"
FRESH2_DOCS = sorted(p.stem for p in FRESH2.glob("*.txt"))


def score_held_out(folder: Path, doc: str) -> dict:
    """One held-out document scored on figures (wrong, missed) and provision counts; quotes and enums checked."""
    from yanglao.parse.clean import clean_text

    text = clean_text((folder / f"{doc}.txt").read_text(encoding="utf-8"))
    with open(folder / f"{doc}.subsidies.csv", encoding="utf-8") as f:
        gold = list(csv.DictReader(f))
    for g in gold:
        assert g["quote"] in text, (doc, g["quote"])
        assert g["kind"] in KINDS and (g["basis"] or None) in BASES and g["frequency"] in FREQUENCIES
    got = extract_subsidies(text)
    for r in got:
        assert text[r["start"] : r["end"]] == r["quote"]
    unmatched = [g for g in gold if _has_figure(g)]
    wrong = []
    for r in (r for r in got if _has_figure(r)):
        hit = next((g for g in unmatched if _figure_key(g) == _figure_key(r)), None)
        if hit is None:
            wrong.append((_figure_key(r), r["quote"]))
        else:
            unmatched.remove(hit)
    return {
        "gold_fig": sum(_has_figure(g) for g in gold),
        "wrong": wrong,
        "missed": [(_figure_key(g), g["quote"]) for g in unmatched],
        "gold_prov": sum(not _has_figure(g) for g in gold),
        "got_prov": sum(not _has_figure(r) for r in got),
    }


def score_fresh2(doc: str) -> dict:
    return score_held_out(FRESH2, doc)


@pytest.mark.parametrize("doc", FRESH2_DOCS)
def test_fresh2_document_has_no_wrong_figure(doc):
    assert score_fresh2(doc)["wrong"] == []


def test_fresh2_documents_recall_and_provisions(capsys):
    assert len(FRESH2_DOCS) == 6
    scores = {doc: score_fresh2(doc) for doc in FRESH2_DOCS}
    gold_fig = sum(s["gold_fig"] for s in scores.values())
    matched = gold_fig - sum(len(s["missed"]) for s in scores.values())
    got_prov = sum(s["got_prov"] for s in scores.values())
    gold_prov = sum(s["gold_prov"] for s in scores.values())
    prov_matched = sum(min(s["got_prov"], s["gold_prov"]) for s in scores.values())
    recall = matched / gold_fig
    prov_p = prov_matched / got_prov if got_prov else 1.0
    prov_r = prov_matched / gold_prov
    with capsys.disabled():
        for doc, s in scores.items():
            print(
                f"{doc}: figures {s['gold_fig'] - len(s['missed'])}/{s['gold_fig']}, "
                f"provisions {s['got_prov']} of {s['gold_prov']}; missed {s['missed']}"
            )
        print(f"fresh2 figures R={recall:.3f}; provisions P={prov_p:.3f} R={prov_r:.3f}")
    assert recall >= 0.93
    assert prov_p >= 0.85 and prov_r >= 0.85


# ---------------------------------------------------------------------------
# Rules found with the fifth held-out set (tests/data/fresh3/README.md)
# ---------------------------------------------------------------------------


def test_sentence_opening_with_qizhong_after_a_total_gives_parts():
    # across a line break too: the parts are rows of their own, as the total is
    text = (
        "2024年市级养老服务专项资金共下达资金3600万元。\n其中，因素法分配资金3000万元，绩效奖励资金600万元。"
    )
    assert [f[:2] for f in figures(text)] == [
        ("budget_allocation", 36000000),
        ("budget_allocation", 30000000),
        ("reward", 6000000),
    ]


def test_sentence_opening_with_qizhong_after_a_provision_gives_its_amounts():
    text = (
        "对全日制高校毕业生进入本市养老机构从事一线护理工作的，给予一次性入职奖励。\n"
        "其中本科及以上学历3万元，大专（高职）学历2万元，中职学历1万元。"
    )
    rows = extract_subsidies(text)
    assert [(r["kind"], r["amount_yuan"]) for r in rows] == [
        ("reward", 30000),
        ("reward", 20000),
        ("reward", 10000),
    ]


def test_breakdown_by_source_is_not_a_row():
    assert extract_subsidies("资金来源为市级一般公共预算资金2400万元、市本级福彩公益金1200万元。") == []


def test_skill_certification_subsidy_is_training():
    text = "对取得养老护理员职业技能等级证书的，按照初级1000元、中级1500元、高级2000元的标准给予职业技能等级认定补贴。"
    assert [r[0] for r in figures(text)] == ["training"] * 3
    assert [r[1] for r in figures(text)] == [1000, 1500, 2000]


# ---------------------------------------------------------------------------
# Fifth held-out set (tests/data/fresh3): six documents annotated before the extractor was
# run. First run: figures P=0.833 R=0.870 (20/24/23, 4 wrong: the `其中` parts of a total on
# the next line and a breakdown by source), provisions 10 for 9.
# ---------------------------------------------------------------------------

FRESH3 = Path(__file__).resolve().parent / "data" / "fresh3"
FRESH3_DOCS = sorted(p.stem for p in FRESH3.glob("*.txt"))


def score_fresh3(doc: str) -> dict:
    return score_held_out(FRESH3, doc)


@pytest.mark.parametrize("doc", FRESH3_DOCS)
def test_fresh3_document_has_no_wrong_figure(doc):
    assert score_fresh3(doc)["wrong"] == []


def test_fresh3_documents_recall_and_provisions(capsys):
    assert len(FRESH3_DOCS) == 6
    scores = {doc: score_fresh3(doc) for doc in FRESH3_DOCS}
    gold_fig = sum(s["gold_fig"] for s in scores.values())
    matched = gold_fig - sum(len(s["missed"]) for s in scores.values())
    got_prov = sum(s["got_prov"] for s in scores.values())
    gold_prov = sum(s["gold_prov"] for s in scores.values())
    prov_matched = sum(min(s["got_prov"], s["gold_prov"]) for s in scores.values())
    recall = matched / gold_fig
    prov_p = prov_matched / got_prov if got_prov else 1.0
    prov_r = prov_matched / gold_prov
    with capsys.disabled():
        for doc, s in scores.items():
            print(
                f"{doc}: figures {s['gold_fig'] - len(s['missed'])}/{s['gold_fig']}, "
                f"provisions {s['got_prov']} of {s['gold_prov']}; missed {s['missed']}"
            )
        print(f"fresh3 figures R={recall:.3f}; provisions P={prov_p:.3f} R={prov_r:.3f}")
    assert recall >= 0.95
    assert prov_p >= 0.88 and prov_r >= 0.88


# ---------------------------------------------------------------------------
# Rules found with the sixth held-out set (tests/data/fresh4/README.md)
# ---------------------------------------------------------------------------


def test_unquoted_deputy_proposal_is_not_a_row():
    assert extract_subsidies("您在建议中提出，全区每个街道应至少建设3个老年食堂，每餐补贴提高到5元。") == []
    text = "关于您提出的每餐补贴提高到5元的建议，考虑到区级财力，暂不具备条件，我们将根据财力状况逐步提高。"
    assert [r for r in extract_subsidies(text) if _has_figure(r)] == []


def test_bureau_raise_after_a_deputy_reply_is_a_row():
    text = "自2024年7月1日起，每餐补贴标准由2元提高到3元，补贴对象范围扩大至70周岁以上老年人。"
    assert [r["amount_yuan"] for r in extract_subsidies(text)] == [3]


def test_long_term_care_fund_share_is_an_allowance_rate():
    text = "失能老年人长期护理费用由长期护理保险基金按70%的比例支付。"
    rows = extract_subsidies(text)
    assert [(r["kind"], r["rate_percent"]) for r in rows] == [("allowance", 70)]
    # a medical-insurance share is not
    assert extract_subsidies("住院医疗费用由医保基金按70%的比例支付。") == []


# Sixth held-out set (tests/data/fresh4): five documents annotated before the extractor was
# run. First run: figures P=0.929 R=0.963 (26/28/27; 2 wrong: a deputy's unquoted proposal
# `每餐补贴提高到5元`, twice; missed the LTCI fund's 70%), provisions 2 for 2.
# ---------------------------------------------------------------------------

FRESH4 = Path(__file__).resolve().parent / "data" / "fresh4"
FRESH4_DOCS = sorted(p.stem for p in FRESH4.glob("*.txt"))


def score_fresh4(doc: str) -> dict:
    return score_held_out(FRESH4, doc)


@pytest.mark.parametrize("doc", FRESH4_DOCS)
def test_fresh4_document_has_no_wrong_figure(doc):
    assert score_fresh4(doc)["wrong"] == []


def test_fresh4_documents_recall_and_provisions(capsys):
    assert len(FRESH4_DOCS) == 5
    scores = {doc: score_fresh4(doc) for doc in FRESH4_DOCS}
    gold_fig = sum(s["gold_fig"] for s in scores.values())
    matched = gold_fig - sum(len(s["missed"]) for s in scores.values())
    got_prov = sum(s["got_prov"] for s in scores.values())
    gold_prov = sum(s["gold_prov"] for s in scores.values())
    prov_matched = sum(min(s["got_prov"], s["gold_prov"]) for s in scores.values())
    with capsys.disabled():
        for doc, s in scores.items():
            print(
                f"{doc}: figures {s['gold_fig'] - len(s['missed'])}/{s['gold_fig']}, "
                f"provisions {s['got_prov']} of {s['gold_prov']}; missed {s['missed']}"
            )
    assert matched == gold_fig
    assert got_prov == gold_prov == prov_matched


# ---------------------------------------------------------------------------
# Rules found with the seventh held-out set (tests/data/fresh5/README.md)
# ---------------------------------------------------------------------------


def test_average_spending_is_a_statistic():
    text = "全年为1.2万户特殊困难老年人家庭实施适老化改造，户均投入3500元。"
    assert [r for r in extract_subsidies(text) if _has_figure(r)] == []


def test_scholarship_amounts_are_rows():
    text = "设立养老服务专业奖学金，一等奖每人3000元、二等奖每人2000元、三等奖每人1000元。"
    assert [r["amount_yuan"] for r in extract_subsidies(text)] == [3000, 2000, 1000]


def test_loan_interest_subsidy_is_a_provision_and_the_loan_cap_is_not_a_figure():
    text = "毕业生在本市创办养老服务机构的，可申请创业担保贷款，贷款额度最高50万元，由财政按规定给予贴息。"
    rows = extract_subsidies(text)
    assert [(r["kind"], r["amount_yuan"], r["cap_yuan"]) for r in rows] == [("other", None, None)]


# Seventh held-out set (tests/data/fresh5): five documents annotated before the extractor was
# run. First run: figures P=0.955 R=0.875 (21/22/24; 1 wrong: `户均投入3500元`; missed three
# scholarship amounts), provisions 1 of 3 (missed 贴息 and `方可申请运营补贴`).

FRESH5 = Path(__file__).resolve().parent / "data" / "fresh5"
FRESH5_DOCS = sorted(p.stem for p in FRESH5.glob("*.txt"))


def score_fresh5(doc: str) -> dict:
    return score_held_out(FRESH5, doc)


@pytest.mark.parametrize("doc", FRESH5_DOCS)
def test_fresh5_document_has_no_wrong_figure(doc):
    assert score_fresh5(doc)["wrong"] == []


def test_fresh5_documents_recall_and_provisions():
    assert len(FRESH5_DOCS) == 5
    scores = {doc: score_fresh5(doc) for doc in FRESH5_DOCS}
    assert [s["missed"] for s in scores.values()] == [[]] * 5
    got_prov = sum(s["got_prov"] for s in scores.values())
    gold_prov = sum(s["gold_prov"] for s in scores.values())
    prov_matched = sum(min(s["got_prov"], s["gold_prov"]) for s in scores.values())
    # 3 gold provisions; `方可申请运营补贴` (a subsidy named inside a qualifying rule) is still missed
    assert gold_prov == 3
    assert prov_matched >= 2 and got_prov == prov_matched


# Rules found scoring meaning (issue 12) on the development documents
def test_a_share_of_building_costs_is_construction_money_after_an_operation_item():
    """wuhan-2020-reply-20200464: the `；` item after 运营补贴 names its own purpose (建设费用50%)."""
    text = (
        "运营正常的,按照每年10(5)万的标准给予运营补贴;对新建的社区嵌入、中心辐射式互联网+居家养老服务网点,"
        "按照建设费用50%的标准,分别给予最高不超过50万元和100万元的一次性建设补贴。"
    )
    caps = [(r["kind"], r["rate_percent"], r["cap_yuan"]) for r in extract_subsidies(text) if r["cap_yuan"]]
    assert caps == [("construction", 50.0, 500000.0), ("construction", 50.0, 1000000.0)]


def test_a_purpose_after_the_money_is_not_its_recipient():
    """wuhai-2025-reply-hn35: `为推进…专业化、规范化提供了有力的支撑` says what the money did."""
    text = "支出培训鉴定费77.982万元,为推进养老服务人才队伍的专业化、规范化提供了有力的支撑。"
    assert [(r["kind"], r["recipient"]) for r in extract_subsidies(text)] == [("training", None)]


def test_the_number_of_an_article_is_not_part_of_a_provisions_quote():
    """shaoxing-2021-home-eldercare-regulation (tests/data/heldout_real), 第二十五条."""
    text = "第二十五条 市和县(市、区)人民政府应当加大对居家养老服务资金的投入,统筹安排各类养老服务补助资金。"
    quotes = [r["quote"] for r in extract_subsidies(text)]
    assert quotes and not any(q.startswith("第二十五条") for q in quotes)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Issue 12 item 7: exclusions by the figure's role, decided near the figure, not by a word anywhere
        ("对成功上市融资的养老企业给予最高200万元奖励。", [("reward", None, 2000000.0)]),
        ("运行经费(不含人员工资)不少于3万元/年。", [("operation", 30000.0, None)]),
        ("对社会资本投资建设的养老机构给予每张床位1万元建设补贴。", [("construction", 10000.0, None)]),
        ("养老护理员月工资不低于4000元。", []),  # a wage
        ("项目总投资1.2亿元。", []),  # an investment
        ("并处2000元以上1万元以下罚款。", []),  # a fine
        ("预计需增加资金约260万元。", []),  # an estimate
    ],
)
def test_money_excluded_by_its_role(text, expected):
    assert [(r["kind"], r["amount_yuan"], r["cap_yuan"]) for r in extract_subsidies(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Issue 12 item 4: one row per promised instrument; administering a payment is not a promise
        ("落实护理员入职奖励、岗位津贴和培训补贴政策。", ["reward", "allowance", "training"]),
        ("对已死亡的老年人停发高龄津贴。", []),
        ("加强高龄津贴政策宣传。", []),
        ("每年对享受高龄津贴的老年人进行一次复核。", []),
        ("高龄津贴按月发放至老年人社保卡。", []),
        ("对符合条件的老年人发放高龄津贴。", ["allowance"]),
        # heldout_real26 zhushan-jdz-2025, a district's news item: handling the payment for people is administering it
        ("602所社区联合米宝堡在社区一楼大厅为居家老年人办理助餐补贴。", []),
        # (written by the round's review, not from a document: handled and paid, or paid for, it is a provision)
        ("对80周岁以上老年人,由乡镇民政办统一办理并按月发放高龄津贴。", ["allowance"]),
        ("县财政全额出资为特困供养人员办理补充医疗保险补助。", ["other"]),
    ],
)
def test_provisions_are_promises_one_per_instrument(text, expected):
    assert [r["kind"] for r in extract_subsidies(text) if r["amount_yuan"] is None] == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # beijing-2015-home-eldercare-regulation (tests/data/heldout_real, a real regulation): a fine
        (
            "由民政部门责令限期改正，并责令退赔补贴资金和有关费用，可以处10万元以上100万元以下罚款；",
            "not subsidy money",
        ),
        # tests/data/fresh/tongchuan-2025-work-notice (a text written for testing): the old standard
        ("将80—89周岁老年人高龄津贴由每人每月100元提高至150元。", "the standard being replaced"),
    ],
)
def test_every_money_figure_left_out_is_reported_with_its_rule(text, reason):
    from yanglao.extract.subsidies import subsidies_and_left_out

    _rows, left_out = subsidies_and_left_out(text)
    assert left_out and all(d["verdict"] == "rejected" and d["reason"].startswith(reason) for d in left_out)
    assert all(text[d["start"] : d["end"]] == d["quote"] for d in left_out)
    # each amount left out is listed with its value in yuan (the fine's two ends, the replaced standard)
    assert {d["value"] for d in left_out} <= {100000, 1000000, 100} and all(
        d["unit"] == "元" for d in left_out
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # zhejiang-2021-social-eldercare-promotion-regulation (corpus/extra): a fund set aside; the quote is
        # the promise, not the government that makes it
        (
            "第三十七条 县级以上人民政府应当在公共财政、福利彩票公益金中安排社会养老服务资金。",
            [("budget_allocation", "在公共财政、福利彩票公益金中安排社会养老服务资金")],
        ),
        # weihai-2020-resident-eldercare-security-regulation (tests/data/heldout_real): praise with a reward
        (
            "对在养老服务保障中做出显著成绩的单位和个人给予表彰和奖励。",
            [("reward", "对在养老服务保障中做出显著成绩的单位和个人给予表彰和奖励")],
        ),
        # chaoyang-2023-suggestion-reply-105 (corpus/extra): a refusal is not a promise
        ("现在提高补贴标准财政承受能力不允许。", []),
        # qiantang-2023-high-age-allowance-info (corpus/extra): the page's title names the payment
        ("2023年8月钱塘区高龄老人生活津贴发放信息\n一、人数与资金支出情况", []),
    ],
)
def test_provisions_are_promises_quoted_without_their_giver(text, expected):
    rows = [(r["kind"], r["quote"]) for r in extract_subsidies(text) if r["amount_yuan"] is None]
    assert rows == expected


# Sentences written by a reviewer to probe the rules of this round (written for testing, not from a document).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 无法 describes who is eligible, it refuses nothing
        (
            "对生活无法自理的经济困难老年人给予护理补贴。",
            [("allowance", "对生活无法自理的经济困难老年人给予护理补贴")],
        ),
        ("养老机构收取预付费的，应当设立资金监管专用账户。", []),  # an escrow account, not a fund
        # the receiving organisation stays in the quote; only a government before 应当/要 is left out
        (
            "提供居家养老服务的单位可以享受运营补贴。",
            [("operation", "提供居家养老服务的单位可以享受运营补贴")],
        ),
    ],
)
def test_rules_of_this_round_keep_ordinary_provisions(text, expected):
    assert [(r["kind"], r["quote"]) for r in extract_subsidies(text)] == expected


def test_a_standard_handed_down_is_not_a_total():
    """Written for testing: 下达的标准 names whose standard it is; the amount is still per person."""
    [row] = extract_subsidies("按照省民政厅下达的标准发放高龄津贴100元/月。")
    assert (row["amount_yuan"], row["basis"]) == (100.0, "person")


# Rules found with the third real held-out set and the regulations of the first two (issue 12)
def _heldout_text(folder: str, prefix: str) -> str:
    directory = Path(__file__).parent / "data" / folder
    return next(directory.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def test_items_of_a_list_of_services_are_not_titles():
    """shaoxing-2021-home-eldercare-regulation (heldout_real2/02): `（三）为八十周岁以上老年人发放高龄津贴；` is an
    item ending in `；`, not a heading over the items after it; the employment, start-up and insurance subsidies
    of the same law are each an instrument."""
    text = _heldout_text("heldout_real2", "02")
    provisions = [(r["kind"], r["quote"]) for r in extract_subsidies(text) if not _has_figure(r)]
    for expected in [
        ("allowance", "为八十周岁以上老年人发放高龄津贴"),
        ("other", "对从事养老服务工作的高等学校毕业生按照规定给予就业补贴"),
        ("other", "按照规定给予自主创业补贴"),
        ("other", "投保综合保险的保费补助"),
    ]:
        assert expected in provisions


def test_lottery_fund_shares_and_budgets_are_allocations():
    """weihai-2020-resident-eldercare-guarantee-regulation (heldout_real2/01): a share of the lottery fund for
    elderly care and a budget named at the end of a list are allocations, the fund's `应当用于` included."""
    text = _heldout_text("heldout_real2", "01")
    quotes = [r["quote"] for r in extract_subsidies(text) if r["kind"] == "budget_allocation"]
    assert "本市地方留成的福利彩票公益金百分之五十以上应当用于支持养老服务业发展" in quotes
    assert "将居民养老服务保障纳入国民经济和社会发展规划、年度计划以及财政预算" in quotes
    # a fund of that name paying for something else is not an instrument
    assert extract_subsidies("所需资金从就业补助资金和市级福彩公益金中列支。") == []


def test_care_worker_rewards_by_condition_and_degree():
    """yichang-2022-care-worker-subsidies-news (heldout_real3/04: a 湖北日报 news report of the city's policy, as
    reposted): amounts by degree after a one-off instrument, and rewards to workers named by a `…的` condition
    clause, which takes the worker noun that opens the clause before it."""
    text = _heldout_text("heldout_real3", "04")
    rows = complete(extract_subsidies(text), text)
    got = [(r["amount_yuan"], r["recipient"], r["condition"], r["basis"], r["frequency"]) for r in rows]
    worker = "专职从事老年人生活照料和护理服务工作的人员"
    assert got[:4] == [
        (30000, worker, "本科及以上", "person", "one_off"),
        (20000, worker, "专科(高职)", "person", "one_off"),
        (5000, "养老护理员在宜昌城区养老服务机构养老护理岗位工作满5年但未满10年", None, "person", "one_off"),
        (10000, "在养老护理岗位工作满10年的养老护理员", None, "person", "one_off"),
    ]
    assert {r["recipient_type"] for r in rows} == {"worker"}
    # the annotator has this one as one_off (初次取得…证书): no rule reads 初次 as a frequency yet
    assert got[-1] == (2000, "初次取得养老护理员国家职业技能等级证书", None, "person", "unspecified")


def test_meal_subsidy_per_person_per_meal_to_the_group_before_it():
    """zhuhai-gaoxin-2024-elder-canteen-meal-subsidy (heldout_real3/03): `珠海市户籍老年人,可享受3元/人/餐的…`;
    the lead-in `可按要求享受以下两种补贴:` is not a provision of its own."""
    text = _heldout_text("heldout_real3", "03")
    rows = complete(extract_subsidies(text), text)
    assert [(r["amount_yuan"], r["recipient"], r["basis"], r["frequency"]) for r in rows] == [
        (3, "珠海市户籍老年人", "meal", "per_meal"),
        (3, "高新区户籍老年人", "meal", "per_meal"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a threshold (以下) is no list lead-in; a lead-in naming the list after it is no provision
        ("对三级以下机构给予运营补贴。", [("operation", "对三级以下机构给予运营补贴")]),
        ("各地符合条件的可享受下列补贴:", []),
        # the lottery fund: prohibited or managed uses are no allocation
        ("福利彩票公益金不得用于养老服务以外的支出。", []),
        ("各地要加强对福利彩票公益金使用管理,确保用于养老服务。", []),
        ("福利彩票公益金的使用情况应当每年向社会公开,主要用于养老服务。", []),
    ],
)
def test_lead_ins_thresholds_and_fund_management(text, expected):
    """Wordings a fresh-eyes review tried on the rules (made up to probe them, not from a document)."""
    assert [(r["kind"], r["quote"]) for r in extract_subsidies(text)] == expected


def test_a_one_off_instrument_does_not_make_the_next_amount_one_off():
    """Made up to probe the rule: the second amount has its own instrument, which is not one-off."""
    text = "对新建社区食堂给予一次性建设补贴5万元,对运营良好的给予运营补贴2万元。"
    assert [(r["amount_yuan"], r["frequency"]) for r in extract_subsidies(text)] == [
        (50000, "one_off"),
        (20000, "unspecified"),
    ]


def test_decimals_and_thousands_separators_stay_inside_their_amount():
    """libo-2025-suggestion-reply-47 (tests/data/heldout_real4), 基本情况: `; 735.54万元` is not item 735,
    and `3,700.61万元` is one number, not a clause ending at its comma."""
    text = (
        Path(__file__).parent / "data" / "heldout_real4" / "02_libo-2025-suggestion-reply-47.txt"
    ).read_text(encoding="utf-8")
    rows = extract_rows("libo", text, 2025)
    quotes = {row["amount_yuan"]: row["quote"] for row in rows["subsidies"]}
    assert quotes[7355400] == "735.54万元用于流浪乞讨救助中心养老康复楼建设"
    assert quotes[328000] == "32.8万元用于农村养老互助幸福院建设"
    assert quotes[294700] == "29.47万元用于适老化改造项目"
    uses = {row["amount_yuan"]: (row["recipient"], row["basis"]) for row in rows["subsidies"]}
    assert uses[22196900] == ("荔波县社会中心福利院提质改造项目", "total")  # the use, not the place in it
    assert all(not d["quote"].startswith("700.61") for d in rows["doubtful"])
    for row in rows["subsidies"] + rows["doubtful"]:
        assert text[row["start"] : row["end"]] == row["quote"]


def test_private_investment_drawn_in_and_a_fund_s_stated_focus():
    """jiangjin-2025-suggestion-reply-188 and libo-2025-suggestion-reply-47 (tests/data/heldout_real4):
    `拉动社会投资148万元` is private money, not a subsidy; `累计投入7,037.91万元,重点支持…` names the programme."""
    folder = Path(__file__).parent / "data" / "heldout_real4"
    jiangjin = (folder / "04_jiangjin-2025-suggestion-reply-188.txt").read_text(encoding="utf-8")
    amounts = [row["amount_yuan"] for row in extract_rows("jiangjin", jiangjin, 2025)["subsidies"]]
    assert 753700 in amounts and 1480000 not in amounts
    libo = (folder / "02_libo-2025-suggestion-reply-47.txt").read_text(encoding="utf-8")
    total = next(r for r in extract_rows("libo", libo, 2025)["subsidies"] if r["amount_yuan"] == 70379100)
    assert (total["kind"], total["basis"], total["recipient"]) == (
        "budget_allocation",
        "total",
        "农村养老服务体系建设",
    )


@pytest.mark.parametrize(
    ("opening", "marker"),
    [
        ("1.2020年街道养老服务中心建设补助资金分配", "1."),  # ouhai-2020-eldercare-fund-allocation-notice
        ("32.8万元用于农村养老互助幸福院建设", None),  # libo-2025-suggestion-reply-47 (heldout_real4)
        ("2.养老服务补贴", "2."),
    ],
)
def test_an_item_number_is_not_a_decimal(opening, marker):
    found = LEADING_MARKER.match(opening)
    assert (found.group().strip() if found else None) == marker


@pytest.mark.parametrize(
    ("source", "sentence"),
    [
        # beijing-2015-home-eldercare-regulation (tests/data/heldout_real), 第二十一条: a breach and its sanction
        (
            "beijing-2015-home-eldercare-regulation",
            "第二十一条 享受政府补贴或者政策优惠的养老服务企业事业单位和社会组织没有履行相应义务的，"
            "由发放补贴的部门收回补贴，取消其享受优惠的资格，",
        ),
        # shanghai-putuo-2012-civil-affairs-livelihood-projects-progress (tests/data/heldout_real2): a count
        (
            "shanghai-putuo-2012-civil-affairs-livelihood-projects-progress",
            "其中享受政府补贴10710人,自费服务9062名。",
        ),
    ],
)
def test_a_sanction_or_a_count_of_recipients_is_not_a_provision(source, sentence):
    texts = "\n".join(
        p.read_text(encoding="utf-8") for p in Path(__file__).parent.glob(f"data/heldout_real*/*{source}.txt")
    )
    assert sentence in texts
    assert [r for r in extract_rows(source, sentence)["subsidies"] if r["amount_yuan"] is None] == []


def test_a_past_failure_to_comply_and_a_list_lead_in_are_read_for_what_they_are():
    """Constructed by a review session: 未按照 describes whom the provision is for, not a breach; `重点支持以下
    三个方面:` names no programme."""
    rows = extract_rows(
        "x",
        "对未按照规划要求配建养老服务设施的老旧小区，由区政府通过购置、租赁等方式补齐，并给予建设补贴。",
        2024,
    )
    assert [r["quote"] for r in rows["subsidies"]] == ["并给予建设补贴"]
    total = extract_rows("x", "2024年市级财政累计投入资金3,000万元,重点支持以下三个方面:", 2024)["subsidies"]
    assert [(r["amount_yuan"], r["recipient"]) for r in total] == [(30000000, None)]


def test_an_allowance_is_for_older_people_a_grant_to_a_provider_is_not():
    """jingdezhen-2025-proposal-reply-145 (tests/data/heldout_real4): `对每个农村助餐点给予5万元一次性补助` is a
    one-off grant to a provider; DATA_CONTRACT keeps `allowance` for money to older people themselves."""
    path = Path(__file__).parent / "data" / "heldout_real4" / "01_jingdezhen-2025-proposal-reply-145.txt"
    rows = extract_rows("jingdezhen", path.read_text(encoding="utf-8"), 2025)["subsidies"]
    grant = next(r for r in rows if r["amount_yuan"] == 50000)
    assert (grant["kind"], grant["recipient_type"], grant["frequency"]) == (
        "construction",
        "provider",
        "one_off",
    )
    assert all(r["kind"] != "allowance" or r["recipient_type"] == "older_person" for r in rows)


def test_a_reflexive_is_no_recipient():
    """gaoping-macun-2023 (tests/data/heldout_real11/08, a real notice): `老年人为自己购买一点` names the buyer's
    own share, not who the town's 20元 goes to."""
    text = (
        "参保资金总额为一份50元,为了体现对全镇老年人的关爱,经镇政府研究决定,凡参保一份,镇政府补贴20元,"
        "经济条件好的村可以适当补贴一点,爱心人士赞助一点,家庭子女孝敬一点,老年人为自己购买一点的办法,"
    )
    rows = [r for r in extract_subsidies(text) if r["amount_yuan"] == 20]
    assert rows and all(r["recipient"] != "自己" for r in rows)


def test_a_recipient_after_the_figure_is_not_taken_from_the_next_figures_clause():
    """ningjin-2021 (tests/data/heldout_real10/06, a real page): `为3处日间照料中心、13处农村幸福院申请拨付…10万元`
    names the recipients of the 10万元, not of the 452元 before it; `…项目 获…资金4489万元支持` (panzhihua,
    heldout_real11/06, its headline) names the project."""
    text = (
        "截至目前,已长官镇敬老院、柴胡店镇鹤祥老年服务中心等5家养老机构申请拨付省级养老服务业补助资金452元,"
        "为3处日间照料中心、13处农村幸福院申请拨付省级养老服务业运营奖补资金10万元。"
    )
    got = {r["amount_yuan"]: r["recipient"] for r in extract_subsidies(text)}
    assert got[100000] == "3处日间照料中心、13处农村幸福院"
    assert got[452] != got[100000]
    project = "西区养老服务中心项目 获中央预算内资金4489万元支持\n"
    assert [r["recipient"] for r in extract_subsidies(project)] == ["西区养老服务中心项目"]


def test_more_than_a_figure_is_that_figure():
    """ningjin-2021 (tests/data/heldout_real10/06, a real page): `申请拨付省级服务业资金460余万元`."""
    text = "宁津县民政局为全县养老机构申请拨付省级服务业资金460余万元。"
    assert [r["amount_yuan"] for r in extract_subsidies(text)] == [4600000]


@pytest.mark.parametrize(
    ("sentence", "recipient"),
    [
        # constructed (review of this round): 作为 is no 为 of a recipient; 个人 is a recipient, not a reflexive
        ("该笔资金作为2024年省级养老服务补助资金下达,共计50万元。", None),
        ("对个人按每人500元给予一次性补贴。", "个人"),
    ],
)
def test_recipient_words_that_only_look_like_the_rules(sentence, recipient):
    assert [r["recipient"] for r in extract_subsidies(sentence)] == [recipient]


def test_sentences_that_open_with_a_condition_give_the_named_recipient_its_tiers():
    """zhongyuan-zz (tests/data/heldout_real10/03, a real page of 郑州市中原区): the recipient is named once,
    then each `；` item opens with the condition of its amount."""
    text = (
        "经培训合格且连续服务老年人满一年以上的养老护理员给予岗位补贴。满1年不足5年的,每人每月补贴100元;"
        "满5年不足10年的,每人每月补贴150元;满10年以上的,每人每月补贴200元。"
    )
    got = [
        (r["amount_yuan"], r["recipient"], r["condition"])
        for r in complete(extract_subsidies(text), text)
        if r["amount_yuan"]
    ]
    named = "经培训合格且连续服务老年人满一年以上的养老护理员"
    assert got == [(100, named, "满1年不足5年"), (150, named, "满5年不足10年"), (200, named, "满10年以上")]


# Counter-examples from this round's fresh-eyes review (sentences the reviewing session wrote in the manner of
# government documents): each reading the new rules must not make.
def _rows(text: str) -> list[dict]:
    return complete(extract_subsidies(text), text)


def test_review_a_look_up_platform_to_build_is_still_a_provision():
    assert [r["recipient"] for r in _rows("对建设智慧养老服务查询平台的企业按规定给予补贴。")] == [
        "建设智慧养老服务查询平台的企业"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "对经济困难的失能老年人给予护理补贴,补贴标准为200元通过社会保障卡直接发放到个人账户。",
        "80至89周岁老年人高龄津贴100元按月发放到本人社会保障卡。",
        "2024年下半年高龄津贴标准调整为80周岁以上老年人200元。",
    ],
)
def test_review_a_standard_paid_through_a_channel_or_for_a_period_is_no_total(text):
    assert [r["basis"] for r in _rows(text) if r["amount_yuan"]] != ["total"]


def test_review_a_tables_serial_numbers_and_total_row_are_no_money_and_no_recipients():
    text = "| 序号 | 项目名称 | 补助资金(万元) |\n| 1 | 城关镇敬老院改造 | 200 |\n| 2 | 河西社区日间照料中心 | 60 |"
    assert [(r["amount_yuan"], r["recipient"]) for r in _rows(text)] == [
        (2000000, "城关镇敬老院改造"),
        (600000, "河西社区日间照料中心"),
    ]
    listed = "现将补助资金下达如下:\n| 序号 | 县区 | 补助资金 |\n| 一 | 城关镇 | 200万元 |\n| 二 | 河西镇 | 60万元 |\n| 合计 | | 260万元 |"
    assert [(r["amount_yuan"], r["recipient"]) for r in _rows(listed)] == [
        (2000000, "城关镇"),
        (600000, "河西镇"),
    ]


def test_review_parts_of_a_grant_after_an_investment_are_rows():
    text = "该项目总投资1200万元,争取中央预算内投资补助资金600万元,其中用于护理型床位建设400万元,用于适老化改造200万元。"
    amounts = [r["amount_yuan"] for r in _rows(text)]
    assert 4000000 in amounts and 2000000 in amounts


def test_review_a_reward_for_each_project_is_per_project():
    text = "对评定为示范的居家养老服务项目给予一次性奖励:省级示范项目10万元,市级示范项目5万元。"
    assert {r["basis"] for r in _rows(text) if r["amount_yuan"]} == {"project"}


def test_review_what_money_supports_is_no_sentence_fragment_and_a_count_no_verb():
    assert [
        r["recipient"] for r in _rows("省财政安排资金5000万元,支持各地加快推进县域养老服务体系建设。")
    ] != ["各地加快推进县域养老服务体系"]
    counted = _rows("今年上半年,惠及困难老年人共计1200人,发放资金36万元。")
    assert [r["recipient"] for r in counted] == ["困难老年人"]


def test_review_one_condition_of_who_qualifies_is_no_tier():
    rows = _rows("对新建养老机构给予一次性建设补贴。符合条件的,每张床位补贴1万元。")
    assert [(r["recipient"], r["condition"]) for r in rows if r["amount_yuan"]] == [
        ("符合条件的新建养老机构", None)
    ]


def test_stopping_a_payment_is_no_provision():
    """tengchong-2020 (tests/data/heldout_real14/04, a real page): when the allowance stops is procedure."""
    assert (
        extract_subsidies(
            "2.高龄老年人如有以下情况,须终止发放高龄津贴:(1)户籍迁出腾冲市行政区域范围;(2)死亡;"
        )
        == []
    )


def test_a_provision_whose_recipient_opens_the_sentence_stands_beside_amounts_of_its_instrument():
    """jinxiang-2023 (tests/data/heldout_real10/02, a real policy list): 运营补助 has amounts in the item before;
    `对…,视情况给予一定的运营补助` promises it to others, named in the clause that opens the sentence."""
    text = (
        "县财政分别给予每人每年300元、 400元和500元的运营补助,连补3年。\n"
        "对正常运营半年以上的城市社区老年人日间照料中心、农村互助养老院,视情况给予一定的运营补助。"
    )
    provisions = [r for r in extract_subsidies(text) if r["amount_yuan"] is None]
    assert [(r["kind"], r["recipient"]) for r in provisions] == [
        ("operation", "正常运营半年以上的城市社区老年人日间照料中心、农村互助养老院")
    ]


def test_an_amount_in_a_sentence_without_a_money_word_is_listed_not_lost():
    """heldout_real shaoxing/weihai regulations' fines and heldout_real11 panzhihua's project cost: no row, but each
    amount is in the doubtful report with its reason."""
    rows, left_out = subsidies_and_left_out(
        "情节严重的，可以处三万元以下罚款。西区养老服务中心项目总投资5612万元。"
    )
    assert rows == []
    reasons = [r["reason"] for r in left_out]
    assert reasons == [EXCLUDED["no_money_word"]] * 2


def test_money_for_a_counted_group_of_facilities_is_their_total():
    """heldout_real shuangtaizi: `每年投资500万元,为45个社区建设…` is the 45 communities' total, not each one's."""
    from yanglao.extract.rows import extract_rows

    (row,) = extract_rows("x", "每年投资500万元,为45个社区建设社区服务站、养老服务站。")["subsidies"]
    assert (row["amount_yuan"], row["recipient"], row["basis"]) == (5000000, "45个社区", "total")


def test_each_use_of_a_fund_keeps_its_own_kind():
    """heldout_real15 zhouzhi: renovation spending is construction; an event named before its own amount in the list
    of a fund's uses does not continue the kind of the item before."""
    from yanglao.extract.rows import extract_rows

    text = (
        "其中社会福利院墙裙改造项目支出29.9938万元、广济敬老院墙裙改造项目支出19.9855万元,总计支出69.9776万元;"
        "救助管理站消防系统建设项目10.98万元;2024年重阳节活动13.3万元;护理员大赛2.7万元。"
    )
    kinds = {r["amount_yuan"]: r["kind"] for r in extract_rows("x", text)["subsidies"]}
    assert kinds[299938] == kinds[199855] == kinds[109800] == "construction"
    assert kinds[133000] == kinds[27000] == "other"


def test_standards_written_as_a_rate_per_person_or_bed_are_money():
    """heldout_real17 datian: `非护理型:2000元/床位·年`, `线下服务50元/人·月`; a fee stays a price. (`每人每月50元` alone is
    not enough: fees and contributions are written so too, tests/data/fresh2 and fresh5.)"""
    from yanglao.extract.rows import extract_rows

    def amounts(text):
        return [r["amount_yuan"] for r in extract_rows("x", text)["subsidies"] if r["amount_yuan"]]

    assert amounts("非护理型:2000元/床位·年 | |||") == [2000]
    assert amounts("线下服务50元/人·月 | 服务为65周岁以上属于建档立卡贫困人员 | ||") == [50]
    assert amounts("入住老人收费标准1500元/人·月。") == []


def test_a_condition_of_small_homes_and_care_houses_names_them():
    """heldout_real17 taizhou-js: `…城市小型托老所、农村“老年关爱之家”以自有产权用房新建的,给予每张床位3000元…`."""
    from yanglao.extract.rows import extract_rows

    text = "民办养老机构非护理型床位、城市小型托老所、农村“老年关爱之家”以自有产权用房新建的,给予每张床位3000元的一次性建设补贴。"
    (row,) = extract_rows("x", text)["subsidies"]
    assert row["recipient"].startswith("民办养老机构非护理型床位、城市小型托老所、农村“老年关爱之家”")


def test_standards_by_age_after_their_allowance_and_assistance_standards_are_money():
    """heldout_real17 nanyang: `…均属高龄津贴发放对象。年满80-89周岁的老年人,每人每月50元;…` (the money word in the sentence
    before); heldout_real15 xiangyuan: `农村低保年标准从7094元提高至7334元` (a standard of social assistance); a fee
    by care level, with no allowance before it, stays out (tests/data/fresh5)."""
    from yanglao.extract.rows import extract_rows

    def rows(text):
        return [
            (r["amount_yuan"], r["recipient"], r["frequency"])
            for r in extract_rows("x", text, document_year=2025)["subsidies"]
            if r["amount_yuan"]
        ]

    nanyang = "凡具有南阳市户籍的老年人,均属高龄津贴发放对象。年满80-89周岁的老年人,每人每月50元;年满90-99周岁的老年人,每人每月100元。"
    assert [a for a, _, _ in rows(nanyang)] == [50, 100]
    assert rows("农村低保年标准从7094元提高至7334元,城市低保月标准从780元提高至800元。") == [
        (7334, "农村低保对象", "annual"),
        (800, "城市低保对象", "monthly"),
    ]
    assert rows("养老机构收费标准如下。一级护理每人每月600元,二级护理每人每月400元。") == []


def test_an_instrument_reported_carried_out_everywhere_or_defined_is_no_provision():
    """heldout_real30 xinjiang-2021, a news report: `新疆高龄津贴制度实现全覆盖` (its headline), `各地(州、市)…均实施了高龄
    津贴政策`, `高龄老人津贴制度是一种兼有社会福利性质的政策` and `目前,该区共有11089位老人享受津贴` (fengnan-2013: a count of
    those who enjoy it) promise nothing; a plan's `实施高龄津贴制度` still does."""
    quotes = {
        r["quote"]
        for r in _heldout_rows("heldout_real30", "xinjiang-2021-high-age-allowance-full-coverage-news")
        if r["amount_yuan"] is None
    }
    assert quotes == {"新疆所有县(市、区)已全部建立高龄津贴制度", "户籍在新疆的老年人均可享受此项津贴"}
    fengnan = _heldout_rows("heldout_real30", "fengnan-2013-high-age-health-allowance-adjustment-news")
    assert not [r for r in fengnan if "11089" in r["quote"]]
    assert [r["kind"] for r in extract_rows("x", "全面实施高龄津贴制度。")["subsidies"]] == ["allowance"]


def _heldout_rows(folder: str, stem: str) -> list[dict]:
    from devcorpus import as_read

    path = next((Path(__file__).parent / "data" / folder).glob(f"*_{stem}.txt"))
    return extract_rows("x", as_read(path.read_text(encoding="utf-8")))["subsidies"]


def test_a_standard_whose_capture_lost_its_yuan_is_still_money_and_the_old_standard_gives_no_row():
    """heldout_real34 dadukou-2025 (an adjustment notice captured with `元/人` lost: `原标准:25//月;` then `调标后:80-89周岁
    低保、特困人员调标至100//月,其他对象25//月不变`), heldout_real19 haidian-2019 (`中级养老护理员600/月`): the figure before
    `/月` is yuan a month; the line labelled 原标准 is the standard being replaced, and the section's heading marks the
    lines under it as money. A count per month (`3次/月`) is no money."""
    dadukou = [
        (r["amount_yuan"], r["recipient"], r["frequency"])
        for r in _heldout_rows("heldout_real34", "dadukou-2025-high-age-allowance-adjustment-notice")
        if r["amount_yuan"]
    ]
    assert dadukou == [
        (100, "80-89周岁低保、特困人员", "monthly"),
        (25, "其他对象", "monthly"),
        (200, "90-99周岁低保、特困人员", "monthly"),
        (100, "其他对象", "monthly"),
        (600, "100周岁及以上低保、特困人员", "monthly"),
        (500, "其他对象", "monthly"),
    ]
    haidian = [
        r["amount_yuan"]
        for r in _heldout_rows("heldout_real19", "haidian-2019-care-worker-post-allowance-news")
        if r["quote"].startswith("中级养老护理员600/月")
    ]
    assert haidian == [600, 900, 1200, 1500]
    assert extract_rows("x", "为失能老人提供上门服务,每人补贴服务3次/月。")["subsidies"] == []


def test_a_share_a_government_pays_or_of_another_standard_is_a_rate():
    """heldout_real13 zhengzhou-erqi-2017 (`空巢老人服务费用政府补贴50%`), heldout_real32 panzhihua (`非全日制毕业生按照全日制的
    70%补贴`) and heldout_real22 shengzhou (`公众责任险给予50%最高不超过1000元/家补助`): a share of a cost or of a standard that
    is given. A share people pay is none (`个人负担30%`), nor a price (`按照市场价的50%收取`)."""

    def rates(text):
        return [(r["rate_percent"], r["cap_yuan"]) for r in extract_subsidies(text) if r["rate_percent"]]

    assert rates("三无、孤寡老人服务费用政府全额承担,空巢老人服务费用政府补贴50%。") == [(50, None)]
    assert rates("本科及以上学历5000元/人,非全日制毕业生按照全日制的70%补贴。") == [(70, None)]
    assert rates("对食品安全责任险给予不超过700元/家补助,公众责任险给予50%最高不超过1000元/家补助。") == [
        (50, 1000)
    ]
    assert rates("助餐费用个人负担30%。") == []
    assert rates("老年人入住公办养老机构,床位费按照市场价的50%收取。") == []


def test_a_sum_paid_out_as_a_fund_is_the_peoples_allowance():
    """heldout_real8 menyuan-2014 (`…发放每人每月50元高龄补贴,共发放资金263.46万元`) and heldout_real24 babu
    (`累计发放特困人员供养资金1159.6万元`, `城市特困人员47人,累计发放资金33.9万元`): money paid out to people, named in the
    fund or counted before it; a fund sent down (`下拨高龄补贴资金50万元`) stays an allocation."""

    def rows(text):
        return [(r["kind"], r["recipient"]) for r in extract_rows("x", text)["subsidies"] if r["amount_yuan"]]

    menyuan = "共对全县4391名70至79岁老年人发放每人每月50元高龄补贴,共发放资金263.46万元。"
    assert rows(menyuan)[-1] == ("allowance", "全县4391名70至79岁老年人")
    babu = "1-12月以来已累计发放特困人员供养资金1159.6万元,其中城市特困人员47人,累计发放资金33.9万元。"
    assert rows(babu) == [("allowance", "特困人员"), ("allowance", "城市特困人员")]
    assert [k for k, _ in rows("县民政局向各乡镇下拨高龄补贴资金50万元。")] == ["budget_allocation"]


def test_review_of_the_nineteenth_round_counts_quotas_wages_and_funds_for_places_are_no_new_money():
    """Sentences a review session wrote for the nineteenth round's rules (constructed wordings, not real pages): a
    count a month (`探访频次不少于4/月`) is no amount that lost its 元; an old standard's list (`原标准:25元/月,…35元/月;`)
    stays out whole; a quota, a growth rate, a wage floor and an instalment are no rates; money sent to places or
    named by a programme, a loan or beds paid out (发放) is no allowance; money of another kind names no one by the
    amount before it."""

    def rows(text):
        return [
            (r["amount_yuan"], r["rate_percent"], r["kind"], r["recipient"])
            for r in extract_rows("x", text, document_year=2025)["subsidies"]
        ]

    assert [
        a
        for a, *_ in rows(
            "对独居、空巢老年人开展探访关爱服务,政府购买服务补贴每人每月50元,探访频次不少于4/月。"
        )
    ] == [50]
    assert [
        a for a, *_ in rows("居家养老服务补贴对象每月享受服务时长30小时,服务频次8/月,补贴标准每小时20元。")
    ] == [20]
    adjusted = (
        "二、高龄津贴\n\n原标准:25//月,低保、特困人员35//月;\n\n调标后:其他对象50//月,低保、特困人员100//月。"
    )
    assert [a for a, *_ in rows(adjusted)] == [50, 100]
    for text in (
        "在职称评定中,对养老护理员给予10%的名额倾斜,并对取得高级证书的每人一次性奖励3000元。",
        "养老护理员岗位补贴每人每月200元,今后按照上年度的5%逐年增长。",
        "养老护理员工资按照不低于当地社会平均工资的80%确定,对取得证书的另给予每人每月200元岗位补贴。",
        "对新建养老机构给予每张床位1万元建设补贴,按照床位数的30%先行拨付,验收合格后拨付余款。",
    ):
        assert [r for _, r, *_ in rows(text) if r] == [], text
    for text in (
        "县财政局及时向各乡镇发放资金320万元,用于敬老院改造。",
        "向各镇(街道)发放农村幸福院资金共计240万元。",
        "全年共发放医养结合试点资金200万元。",
        "全年共发放创业担保贷款资金1.2亿元,扶持养老服务企业12家。",
        "新增护理型床位860张,发放资金860万元。",
    ):
        assert [k for _, _, k, _ in rows(text)] == ["budget_allocation"], text
    other_kind = "今年以来,为全县3260名80周岁以上老年人发放高龄津贴392万元。同时,投入资金150万元,新建社区日间照料中心3个。"
    assert [w for *_, w in rows(other_kind)] == ["全县3260名80周岁以上老年人", None]
    beds = "对入住养老机构的重度失能老人每人每月补贴300元。养老机构新增床位一次性建设补贴每张5000元。"
    assert [w for *_, w in rows(beds)] == ["入住养老机构的重度失能老人", None]


def test_a_support_standard_per_person_is_money_and_a_discounted_price_is_not():
    """heldout_real37 jiayuguan-2016 (`城市“三无”和农村“五保”老人全部由政府供养,供养标准每人每年8204元`) and tongling-2023
    (`老年人购买的优惠价分别为10元、12元,社区困难老人还有政府提供的额外就餐补助`: what older people pay)."""
    rows = _heldout_rows("heldout_real37", "jiayuguan-2016-elderly-preferential-policies-news")
    assert [r["amount_yuan"] for r in rows if "8204" in r["quote"]] == [8204]
    rows = _heldout_rows("heldout_real37", "tongling-2023-tongguan-meal-points-news")
    assert [r["amount_yuan"] for r in rows if "优惠价" in r["quote"] and r["amount_yuan"]] == []


def test_a_sum_paid_out_this_year_is_a_total():
    """heldout_real37 jiayuguan-2016 (`今年,发放高龄补贴583.3万元,共有7455名老年人受益`): the year's sum, not each one's
    standard; a standard paid out stays per person (`今年发放高龄补贴每人每月100元`, `…发放高龄补贴100元/月`)."""

    def bases(text):
        return [(r["amount_yuan"], r["basis"]) for r in extract_rows("x", text)["subsidies"]]

    assert bases("今年,发放高龄补贴583.3万元,共有7455名老年人受益。") == [(5833000, "total")]
    assert bases("今年发放高龄补贴每人每月100元。") == [(100, "person")]
    assert bases("对80岁以上老人,发放高龄补贴100元/月。") == [(100, "person")]


def test_a_group_that_all_may_have_the_money_is_no_average():
    """`…的老年人均可享受` is 老年人 + 均可 (all may), not 人均 (an average per person): heldout_real28 yongqing-2020 says
    `年龄满70周岁以上的老年人均可享受老年人生活补贴待遇` and gives the amounts in the next sentence. The same words before
    an amount (written for this test) keep it; an average (`户均投入3500元`) is still left out."""
    text = next(Path(__file__).parent.glob("data/heldout_real28/*yongqing-2020*.txt")).read_text(
        encoding="utf-8"
    )
    assert "年龄满70周岁以上的老年人均可享受老年人生活补贴待遇" in text
    rows, _ = subsidies_and_left_out("全市80周岁以上老年人均可领取每月100元高龄津贴。")
    assert [r["amount_yuan"] for r in rows] == [100]
    rows, left_out = subsidies_and_left_out("全县户均投入3500元。")
    assert not [r for r in rows if r["amount_yuan"]] and left_out
    rows, left_out = subsidies_and_left_out("全区共发放高龄津贴500万元,人均可领取1200元。")  # (a review's)
    assert [r["amount_yuan"] for r in rows] == [5000000] and [x["value"] for x in left_out] == [1200]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="补贴，,：:3000元.\n", max_size=25))
@example("每人补贴3,000元,按季发放：1,500,000元,另计")
def test_a_clauses_bounds_are_those_found_a_character_at_a_time(text):
    """issue 16: clause_bounds finds the clause ends by search, not by stepping a character at a time."""
    from yanglao.extract.subsidies import Sentence

    sentence = Sentence(0, text, 0)
    for pos in range(len(text) + 1):
        assert sentence.clause_bounds(pos) == sentence._clause_bounds_stepwise(pos), pos
