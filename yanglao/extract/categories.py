"""Controlled vocabulary for `measures.category`, as a table of keyword rules.

Each rule names a category and the words that signal it. The heading decides:
the rule with the most keywords in the heading wins. A keyword found inside a longer
keyword of another rule does not count (`家庭养老床位` is home care, not also `床位`). The body breaks ties and
decides alone when the heading matches no rule (`重点任务`, `服务供给`): each
occurrence of a keyword counts once, at most `BODY_CAP` times per keyword. On a
full tie the rule listed first wins, so the more specific topics come first. A
measure that matches nothing is `other`.

    >>> classify("推进老年助餐服务", "因地制宜增设一批幸福食堂、老年助餐点")
    'meal_service'
    >>> classify("总则", "")
    'general'
"""

from __future__ import annotations

from typing import NamedTuple

import ahocorasick

from yanglao.vocabulary import measure_categories


class CategoryRule(NamedTuple):
    """One category of the vocabulary with the keywords that signal it (its labels as in the vocabulary)."""

    code: str
    label_zh: str
    label_en: str
    keywords: tuple[str, ...]


BODY_CAP = 5

# Most specific first: the order breaks ties.
CATEGORY_RULES: tuple[CategoryRule, ...] = (
    CategoryRule(
        "long_term_care",
        "长期护理保险",
        "Long-term care insurance",
        ("长期护理保险", "长护险", "长期照护保险", "失能评估", "照护需求等级"),
    ),
    CategoryRule(
        "meal_service",
        "老年助餐",
        "Meal services",
        ("助餐", "配餐", "送餐", "长者饭堂", "幸福食堂", "老年餐桌", "中央食堂", "长者食堂", "就餐"),
    ),
    CategoryRule(
        "age_friendly",
        "适老化与老年友好",
        "Age-friendly adaptation",
        ("适老化", "无障碍", "加装电梯", "老年友好", "家庭适老", "数字鸿沟"),
    ),
    CategoryRule(
        "preferential_treatment",
        "老年人优待",
        "Preferential treatment of older people",
        ("优待", "半价", "免费乘", "优先购票", "优先办理", "专座", "法律援助", "公证费"),
    ),
    CategoryRule(
        "medical_integration",
        "医养结合与健康",
        "Integrated medical and elderly care",
        (
            "医养",
            "康养",
            "医疗",
            "护理服务",
            "家庭病床",
            "家庭医生",
            "卫生",
            "健康管理",
            "康复",
            "安宁疗护",
            "医院",
            "老年病",
        ),
    ),
    CategoryRule(
        "smart_care",
        "智慧养老与信息化",
        "Smart care and information platforms",
        ("智慧", "信息化", "信息平台", "互联网", "数据", "数字", "智能", "平台", "呼援通", "热线"),
    ),
    CategoryRule(
        "rural_care",
        "农村养老",
        "Rural elderly care",
        ("农村", "敬老院", "农牧", "乡村", "幸福院", "留守", "村级"),
    ),
    CategoryRule(
        "workforce",
        "人才队伍与培训",
        "Workforce and training",
        ("人才", "护理员", "培训", "队伍", "职业技能", "持证上岗", "从业人员", "志愿", "社工", "社会工作"),
    ),
    CategoryRule(
        "institutional_care",
        "机构养老",
        "Institutional care",
        (
            "养老机构",
            "机构养老",
            "公办",
            "公建民营",
            "养老院",
            "福利院",
            "床位",
            "普惠养老",
            "特困供养",
            "集中供养",
            "供养服务机构",
            "供养服务设施",
        ),
    ),
    CategoryRule(
        "home_community",
        "居家社区养老",
        "Home and community-based care",
        (
            "居家",
            "社区养老",
            "社区",
            "上门服务",
            "日间照料",
            "照料中心",
            "养老顾问",
            "家庭养老床位",
            "互助养老",
            "喘息服务",
            "探访关爱",
        ),
    ),
    CategoryRule(
        "facilities_planning",
        "设施建设与规划用地",
        "Facilities, planning and land",
        ("设施", "规划", "用地", "布局", "配建", "建设", "场所", "用房", "综合体", "服务中心"),
    ),
    CategoryRule(
        "funding_subsidy",
        "资金补贴与财政投入",
        "Funding and subsidies",
        (
            "资金",
            "补贴",
            "补助",
            "津贴",
            "财政",
            "经费",
            "预算",
            "奖励",
            "以奖代补",
            "投入",
            "购买服务",
            "金融",
            "税费",
            "税收",
        ),
    ),
    CategoryRule(
        "industry",
        "银发经济与养老产业",
        "Silver economy and elder-care industry",
        ("银发经济", "养老产业", "产业", "消费", "企业", "市场主体", "老年用品", "旅居"),
    ),
    CategoryRule(
        "regulation_standards",
        "监管、标准与安全",
        "Regulation, standards and safety",
        (
            "监管",
            "监督",
            "标准",
            "规范",
            "安全",
            "评估",
            "等级评定",
            "投诉",
            "违反",
            "处罚",
            "检查",
            "整改",
            "法律责任",
        ),
    ),
    CategoryRule(
        "organization",
        "组织领导与工作保障",
        "Organisation, leadership and safeguards",
        (
            "组织领导",
            "保障措施",
            "领导小组",
            "工作机制",
            "职责",
            "考核",
            "督查",
            "督导",
            "要素保障",
            "宣传",
            "协调",
            "实施步骤",
            "试点",
            "部门",
            "下一步",
            "工作计划",
        ),
    ),
    CategoryRule(
        "general",
        "总则、附则与总体要求",
        "General provisions",
        (
            "总则",
            "附则",
            "适用范围",
            "适用本办法",
            "本办法所称",
            "制定本办法",
            "施行",
            "起实施",
            "指导思想",
            "总体目标",
            "总体要求",
            "基本原则",
            "基本情况",
            "工作背景",
            "立法目的",
            "立法依据",
            "负责解释",
            "解释",
            "发展目标",
            "主要目标",
            "发展基础",
            "面临形势",
            "面临的形势",
            "取得的成就",
            "规划背景",
            "发展成就",
            "发展现状",
            "工作目标",
        ),
    ),
)

OTHER = CategoryRule("other", "其他", "Other", ())

# The enum for the schema: (code, 中文, English). The vocabulary is data (yanglao/vocabulary/categories.csv),
# read by the field registry too; the rules above must name exactly its codes, in its order, with its labels.
CATEGORIES: list[tuple[str, str, str]] = [tuple(term) for term in measure_categories()]
if [(r.code, r.label_zh, r.label_en) for r in (*CATEGORY_RULES, OTHER)] != CATEGORIES:
    raise ImportError("category rules and yanglao/vocabulary/categories.csv disagree: codes, order or labels")
CATEGORY_CODES: frozenset[str] = frozenset(code for code, _, _ in CATEGORIES)
#: keyword → the code of the (first) rule that lists it
_KEYWORDS: dict[str, str] = {}
for _rule in CATEGORY_RULES:
    for _keyword in _rule.keywords:
        _KEYWORDS.setdefault(_keyword, _rule.code)


#: keyword → (longer keyword of another rule that contains it, offsets of the keyword inside it)
_CONTAINERS: dict[str, list[tuple[str, list[int]]]] = {
    keyword: [
        (longer, [i for i in range(len(longer) - len(keyword) + 1) if longer.startswith(keyword, i)])
        for longer, other in _KEYWORDS.items()
        if other != code and len(longer) > len(keyword) and keyword in longer
    ]
    for keyword, code in _KEYWORDS.items()
}


def _keyword_automaton() -> ahocorasick.Automaton:
    """Every keyword in one Aho-Corasick automaton: one pass over a text finds all their occurrences, also
    those that overlap (a loop over the 179 keywords per measure cost three times as much)."""
    automaton = ahocorasick.Automaton()
    for keyword in _KEYWORDS:
        automaton.add_word(keyword, (keyword, len(keyword), _CONTAINERS[keyword]))
    automaton.make_automaton()
    return automaton


_AUTOMATON = _keyword_automaton()


def _hits(text: str) -> dict[str, int]:
    """Occurrences of each keyword in `text`, leaving out those inside a longer keyword of another rule.

    `家庭养老床位` is a home-care word: the `床位` inside it is not also an institutional one.
    """
    counts: dict[str, int] = {}
    for last, (keyword, length, containers) in _AUTOMATON.iter(text):  # `last`: index of its last character
        start = last - length + 1
        if containers and any(
            text.startswith(longer, start - offset)
            for longer, offsets in containers
            for offset in offsets
            if start >= offset
        ):
            continue
        counts[keyword] = counts.get(keyword, 0) + 1
    return counts


def score_category(rule: CategoryRule, heading: str, text: str) -> tuple[int, int]:
    """How strongly one rule matches a measure: (keywords in the heading, keyword hits in the body)."""
    return _score(rule, _hits(heading), _hits(text))


def _score(rule: CategoryRule, heading_hits: dict[str, int], body_hits: dict[str, int]) -> tuple[int, int]:
    in_heading = sum(1 for keyword in rule.keywords if keyword in heading_hits)
    in_body = sum(min(body_hits.get(keyword, 0), BODY_CAP) for keyword in rule.keywords)
    return in_heading, in_body


#: keyword → the index in CATEGORY_RULES of every rule that lists it (as often as it lists it)
_RULES_OF: dict[str, list[int]] = {}
for _index, _rule in enumerate(CATEGORY_RULES):
    for _keyword in _rule.keywords:
        _RULES_OF.setdefault(_keyword, []).append(_index)


def classify(heading: str, text: str = "") -> str:
    """The category code of a measure from its heading and body; `other` when no rule matches.

    Each rule's score is `_score`'s, summed from the keywords found rather than over every rule's list."""
    in_heading = [0] * len(CATEGORY_RULES)
    in_body = [0] * len(CATEGORY_RULES)
    for keyword in _hits(heading):
        for index in _RULES_OF[keyword]:
            in_heading[index] += 1
    for keyword, count in _hits(text).items():
        for index in _RULES_OF[keyword]:
            in_body[index] += min(count, BODY_CAP)
    best, best_score = OTHER.code, (0, 0)
    for rule, score in zip(CATEGORY_RULES, zip(in_heading, in_body, strict=True), strict=True):
        if score > best_score:
            best, best_score = rule.code, score
    return best
