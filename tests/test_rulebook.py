"""The rule tables of targets.py and subsidies.py (yanglao/extract/rulebook.py): every row's example is a
sentence of a real document, its pattern matches it where the rule reads, and the extractor does with its
figure what the row says; and every rule constant of the two modules has a row, so that a rule added
without an example fails here."""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

import pytest
from devcorpus import as_read

from yanglao.extract import rulebook, subsidies, targets
from yanglao.extract.rulebook import MODULES, RULES, Rule, compiled, fold, rule_constants

ROOT = Path(__file__).resolve().parents[1]
HELDOUT = ROOT / "tests" / "data" / "heldout_real"
ALL = [(module, rule) for module, rules in RULES.items() for rule in rules]
WITH_EXAMPLE = [(m, r) for m, r in ALL if r.example is not None]


def _ids(item: tuple[str, Rule]) -> str:
    return f"{item[0]}.{item[1].name}"


def _texts() -> dict[str, str]:
    """The bundled documents' texts and the held-out texts, by id."""
    csv.field_size_limit(sys.maxsize)
    with open(ROOT / "datasets" / "latest" / "documents.csv", encoding="utf-8", newline="") as f:
        texts = {row["document_id"]: row["text"] for row in csv.DictReader(f)}
    for folder in (*sorted(HELDOUT.parent.glob("heldout_real*")), HELDOUT.with_name("rule_examples")):
        with open(folder / "manifest.csv", encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                raw = (folder / row["file"]).read_text(encoding="utf-8")
                texts.setdefault(row["id"], f"{raw}\n\n{as_read(raw)}")  # (or as the pipeline reads it)
    return texts


TEXTS = _texts()


@pytest.mark.parametrize("item", WITH_EXAMPLE, ids=_ids)
def test_every_example_is_copied_exactly_from_its_document(item):
    _, rule = item
    assert rule.source in TEXTS, f"{rule.name}: unknown source {rule.source}"
    assert rule.example in TEXTS[rule.source], f"{rule.name}: the example is not in {rule.source}"
    assert rule.figure and rule.figure in rule.example and rule.expect


def _pieces(rule: Rule, text: str) -> list[str]:
    """The parts of the example that the rule reads (see `Rule.reads`)."""
    figure_at = text.index(rule.figure)
    if rule.reads == "figure":
        return [rule.figure]
    anchor = rule.at or rule.figure  # the words the rule reads around: the figure, or `at`
    at = text.index(anchor)
    end = at + len(anchor)
    assert figure_at >= 0
    if rule.reads == "before":
        return [text[:at]]
    if rule.reads == "clause":
        return [c.strip() for c in re.split(r"[,;:，；：]", text)]
    if rule.reads == "clause_before":
        return [re.split(r"[,;:，；：]", text[:at])[-1]]
    if rule.reads == "line":
        return [line.strip() for line in text.split("\n")]
    if rule.reads == "gap":
        following = subsidies.AMOUNT_RE.search(text, end)
        return [text[end : following.start() if following else len(text)]]
    return [text]


@pytest.mark.parametrize("item", WITH_EXAMPLE, ids=_ids)
def test_every_pattern_matches_its_example_where_the_rule_reads(item):
    module, rule = item
    pattern = compiled(rule)
    text = fold(rule.example) if module == "targets" else rule.example
    figure = fold(rule.figure) if module == "targets" else rule.figure
    rule = rule._replace(figure=figure, at=fold(rule.at) if rule.at and module == "targets" else rule.at)
    if rule.reads == "indicator":
        # the repairs read the indicator the extractor drafts before `complete_indicator` (not public)
        at = text.index(figure)
        drafts = [
            c.row["indicator"] or ""
            for c in targets._candidates(rule.example, rule.year)  # noqa: SLF001
            if c.row["start"] <= at < c.row["end"]
        ]
        assert any(pattern.search(d) for d in drafts), f"{rule.name} does not match the drafts {drafts}"
    elif rule.reads == "after":
        end = text.index(rule.at) + len(rule.at) if rule.at else text.index(figure) + len(figure)
        assert pattern.match(text[end:]), f"{rule.name} does not match right after {rule.at or figure}"
    else:
        assert any(pattern.search(p) for p in _pieces(rule, text)), (
            f"{rule.name} does not match ({rule.reads})"
        )


@pytest.mark.parametrize("item", WITH_EXAMPLE, ids=_ids)
def test_the_extractor_does_with_every_example_what_the_row_says(item):
    module, rule = item
    if module == "targets":
        got = rulebook.target_outcome(rule.example, rule.figure, rule.year)
    else:
        got = rulebook.subsidy_outcome(rule.example, rule.figure)
    assert got == rule.expect, (
        f"{rule.name}: {rule.figure} in its example gives {got}, the row says {rule.expect}"
    )


@pytest.mark.parametrize("item", [i for i in ALL if i[1].example is None], ids=_ids)
def test_a_rule_without_an_example_says_why(item):
    _, rule = item
    assert rule.note and rule.source is None and rule.expect is None


@pytest.mark.parametrize("module", sorted(MODULES))
def test_every_rule_constant_has_a_row(module):
    """The coverage test: a constant (or an item of a table) without a row fails, and so does a row whose
    constant or item is gone."""
    expected = set()
    for name, size in rule_constants(MODULES[module]).items():
        expected |= {name} if size is None else {f"{name}[{i}]" for i in range(size)}
    names = [r.name for r in RULES[module]]
    assert len(names) == len(set(names)), "a row name appears twice"
    assert sorted(expected - set(names)) == [], "rule constants without a row in rulebook.py"
    assert sorted(set(names) - expected) == [], "rows whose constant is gone"


@pytest.mark.parametrize("item", ALL, ids=_ids)
def test_every_row_takes_its_pattern_from_its_module(item):
    """By reference: the row's pattern is the module's object (the constant or the item), not a copy."""
    module, rule = item
    name, _, index = rule.name.partition("[")
    value = getattr(MODULES[module], name)
    if index:
        value = value[int(index.rstrip("]"))]
        candidates = list(value) if isinstance(value, tuple) else [value]
    else:
        candidates = [value]
    assert any(rule.pattern is c for c in candidates)


def test_no_rule_needs_a_long_phrase_word_for_word():
    """Issue 12, item 9: a rule made for one sentence copies its words (a product's name, a place, a clause). The
    longest phrase any rule needs word for word is a term of the field of eight characters (`城乡最低生活保障`);
    `scripts/rule_reach.py --literals N` lists them."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import rule_reach

    assert rule_reach.literal_phrases(r"(?:[大中]城市)?社区养老服务中心|[^，,]{2,8}补贴", 5) == [
        "社区养老服务中心"
    ]
    # (an escaped bracket is a character, a plain group part of the phrase, an optional character ends it)
    assert rule_reach.literal_phrases(r"\[高龄老年人(?:生活)补贴名单\]", 9) == ["高龄老年人生活补贴名单"]
    assert rule_reach.literal_phrases(r"基本生活费用?", 5) == ["基本生活费"]
    long = [
        (name, phrase)
        for _table, name, pattern, _ in rule_reach.rule_tables()
        for phrase in rule_reach.literal_phrases(pattern, 9)
    ]
    assert long == []
