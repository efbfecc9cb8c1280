"""The SVG charts and the map are pure functions of rows: what they draw, checked on small tables."""

from __future__ import annotations

import lxml.etree

from yanglao.publish import charts
from yanglao.publish.places import locate
from yanglao.serve.web import document_html

TARGETS = [
    {"indicator": "养老机构护理型床位占比", "indicator_code": "nursing_bed_share", "value": 60.0, "unit": "%",
     "deadline_year": 2025, "quote": "护理型床位占比达到60%", "city": "武汉市", "province": "湖北省"},
    {"indicator": "护理型床位占比", "indicator_code": "nursing_bed_share", "value": 55, "unit": "%",
     "deadline_year": 2025, "quote": "护理型床位占比不低于55%", "city": "广州市", "province": "广东省"},
    {"indicator": "社区养老设施等级评定率", "indicator_code": None, "value": 90, "unit": "%",
     "deadline_year": 2025, "quote": "等级评定率达到90%", "city": "武汉市", "province": "湖北省"},
]  # fmt: skip


def svg(text: str):
    return lxml.etree.fromstring(text.encode("utf-8"))


def texts(tree, css: str) -> list[str]:
    return [t.text for t in tree.iter("{*}text") if t.get("class") == css]


def test_targets_of_one_indicator_code_are_compared_across_cities_by_its_vocabulary_name():
    assert charts.choose_indicator(TARGETS) == "nursing_bed_share"  # set by two cities
    names = charts.indicator_names(
        TARGETS, [{"indicator_code": "nursing_bed_share", "name_zh": "养老机构护理型床位占比"}]
    )
    tree = svg(charts.indicator_chart(TARGETS, "nursing_bed_share", names["nursing_bed_share"]))
    assert texts(tree, "figure") == ["55% · 2025年", "60% · 2025年"]  # 广东 before 湖北
    assert "养老机构护理型床位占比" in "".join(tree.itertext())


def test_without_indicator_codes_the_wording_groups_targets():
    rows = [{k: v for k, v in t.items() if k != "indicator_code"} for t in TARGETS]
    assert charts.indicator_key(rows[0]) == "养老机构护理型床位占比"
    assert texts(svg(charts.indicator_chart(rows, "社区养老设施等级评定率")), "figure") == ["90% · 2025年"]


def test_subsidy_amounts_by_kind_and_city_show_the_highest_as_people_write_it():
    rows = [
        {"kind": "construction", "amount_yuan": 150000.0, "cap_yuan": None, "city": "武汉市"},
        {"kind": "construction", "amount_yuan": None, "cap_yuan": 1000000, "city": "武汉市"},
        {"kind": "allowance", "amount_yuan": 3, "cap_yuan": None, "city": "广州市"},
        {"kind": "other", "amount_yuan": None, "cap_yuan": None, "city": "广州市"},  # no amount: not drawn
    ]
    assert texts(svg(charts.subsidy_chart(rows)), "figure") == ["3元(1项)", "100万元(2项)"]


def test_the_map_puts_each_city_at_its_gbt2260_point():
    assert locate("420100") == (114.3055, 30.5932) and locate("420199") == locate(
        "420100"
    )  # unknown: its city
    counts = {
        "420100": {"city": "武汉市", "province": "湖北省", "rows": 30},
        "999999": {"city": "?", "province": "?", "rows": 1},
    }
    tree = svg(charts.place_map(counts))
    assert texts(tree, "place") == ["武汉市(30)"]  # a code with no point is left out, not put at 0,0
    assert len([c for c in tree.iter("{*}circle") if c.get("class") == "city"]) == 1


def test_place_counts_need_only_the_rows_region_code_as_the_map_page_selects_it():
    """The map page (`yanglao serve`, /-/yanglao/map) selects only `region_code` of the rows: counting places
    reads nothing else (`ChartTally.add_places`; the whole tally also reads the targets' indicators)."""
    tables = {
        "documents": [
            {"document_id": "a", "city": "武汉市", "province": "湖北省", "region_code": "420100"},
            {"document_id": "b", "city": "广州市", "province": "广东省", "region_code": "440100"},
        ],
        "measures": [{"region_code": "420100"}] * 3,
        "targets": [{"region_code": "420100"}, {"region_code": "440100"}],
        "subsidies": [{"region_code": "440100"}, {"region_code": "999999"}],
    }
    assert charts.place_counts(tables) == {
        "420100": {"city": "武汉市", "province": "湖北省", "rows": 4},
        "440100": {"city": "广州市", "province": "广东省", "rows": 2},
    }


def test_the_document_text_marks_every_quote_even_overlapping_ones():
    text = "到2025年，助餐点覆盖率达到80%，每餐补贴3元。"
    spans = [(10, 18, "d:t1", "targets"), (15, 18, "d:t2", "targets"), (19, 25, "d:s1", "subsidies")]
    html = str(document_html(text, spans))
    tree = lxml.etree.fromstring(f"<div>{html}</div>")
    assert "".join(tree.itertext()) == text
    assert [m.get("id") for m in tree.iter("mark")] == ["d:t1", "d:s1"]
    assert [s.get("id") for s in tree.iter("span")] == ["d:t2"]
