"""The indicator vocabulary (yanglao/vocabulary/indicators.yaml): each synonym family maps its own
wordings, real wordings from documents map to the entry a reader would choose, and the tables agree
with the field registry."""

from __future__ import annotations

import pytest

from yanglao.fields import TABLES_BY_NAME
from yanglao.vocabulary.indicators import indicator_code, load_vocabulary, units_agree, vocabulary_tables

INDICATORS, NATIONAL = load_vocabulary()


@pytest.mark.parametrize(
    ("wording", "unit", "source"),
    [(example, i.unit, f"{i.code} ← {src}") for i in INDICATORS for example, src in i.examples],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_each_example_maps_to_its_own_entry(wording, unit, source):
    code = source.split(" ← ")[0]
    assert indicator_code(wording, unit) == code


@pytest.mark.parametrize("indicator", INDICATORS, ids=lambda i: i.code)
def test_each_synonym_family_maps_its_own_synonyms(indicator):
    """A synonym written out (gaps filled with nothing) maps to its entry, unless a longer synonym of
    another entry also holds it, which must then be an entry of the same unit class."""
    for synonym in indicator.synonyms:
        wording = synonym.replace("…", "")
        if any(w in wording for w in indicator.not_words):
            continue
        assert indicator_code(wording, indicator.unit) is not None, synonym
    assert indicator.name_en and indicator.name_zh and indicator.unit


@pytest.mark.parametrize(
    ("wording", "unit", "code"),
    [
        # Real wordings of the development documents (devset/gold/targets.csv)
        ("社区养老设施等级评定率", "%", "facility_rating_rate"),  # wuhan-2024-eldercare-measures
        ("新增养老机构护理型床位", "张", "nursing_beds"),  # xihu-hz-2024-livelihood-tasks-progress
        ("养老机构护理型床位占比", "%", "nursing_bed_share"),
        ("每千名老人医疗机构老年康复护理床位", "张", "rehab_nursing_beds_per_1000"),  # huzhou-2020-pilot-plan
        ("新增民营养老机构", "家", "eldercare_institutions"),  # haian-2023-livelihood-projects-progress
    ],
)
def test_real_wordings_map_to_the_entry_a_reader_would_choose(wording, unit, code):
    assert indicator_code(wording, unit) == code


@pytest.mark.parametrize(
    ("wording", "unit"),
    [
        ("养老机构护理型床位占比", "张"),  # a share cannot be counted in beds
        ("试点工作专题会议", "次"),  # huzhou: no entry for meetings
        ("“金西善养”系列为老服务活动", "场次"),  # xihu: one document's activity series
        (None, "%"),
    ],
)
def test_no_entry_when_none_fits(wording, unit):
    assert indicator_code(wording, unit) is None


def test_units_of_one_class_agree_and_others_do_not():
    assert units_agree("名", "人") and units_agree("所", "个")
    assert not units_agree("%", "个") and not units_agree(None, "个")


def test_tables_follow_the_field_registry_and_national_targets_cite_a_source():
    tables = vocabulary_tables()
    for name, rows in tables.items():
        assert rows and set(rows[0]) == set(TABLES_BY_NAME[name].field_names)
    codes = {r["indicator_code"] for r in tables["indicators"]}
    assert all(n["indicator_code"] in codes and n["source"] for n in tables["national_targets"])
    nursing = {n["plan"]: n["value"] for n in NATIONAL if n["indicator_code"] == "nursing_bed_share"}
    assert nursing == {"十四五": 55, "十五五": 73}


def _indicator_code_as_first_written(indicator: str | None, unit: str | None) -> str | None:
    from yanglao.vocabulary import indicators

    if not indicator:
        return None
    text = indicators.PUNCTUATION.sub("", indicator)
    best = None
    for entry, pattern, weight in indicators._patterns_in_unit(unit):
        if any(w in text for w in entry.not_words):
            continue
        if pattern.search(text) and (best is None or weight > best[0]):
            best = (weight, entry.code)
    return best[1] if best else None


def test_indicator_code_tests_the_synonym_first_and_chooses_as_before():
    """Every indicator wording of the held-out sets' hand-made gold (tests/data/heldout_real*/gold/targets.csv)
    and every synonym, with every unit of the vocabulary and none."""
    import csv
    from pathlib import Path

    data = Path(__file__).parent / "data"
    wordings = {
        row["indicator"]
        for path in data.glob("heldout_real*/gold/targets.csv")
        for row in csv.DictReader(path.open(encoding="utf-8"))
        if row.get("indicator")
    }
    indicators, _ = load_vocabulary()
    wordings |= {synonym.replace("…", "") for i in indicators for synonym in i.synonyms}
    wordings |= {w + not_word for w in list(wordings)[:50] for i in indicators for not_word in i.not_words}
    assert len(wordings) > 300
    units = {i.unit for i in indicators} | {None, "%", "个"}
    for wording in sorted(wordings):
        for unit in sorted(units, key=str):
            assert indicator_code(wording, unit) == _indicator_code_as_first_written(wording, unit), (
                wording,
                unit,
            )
