"""The gates in front of the extraction rules (issue 16) hold back nothing that yields a row.

The decisive test runs the whole extraction with and without the gates on every bundled document
(the archive of sources.yaml) and every held-out text, and asserts identical rows. The others check
the pieces the gates are built from: the required literals of a pattern, and each gate against every
match of the rules it stands for.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import DATA, ROOT, bundled_sources
from hypothesis import example, given, settings
from hypothesis import strategies as st

from yanglao.acquire.archive import Archive
from yanglao.extract import prefilter, subsidies, targets
from yanglao.extract.rows import extract_rows
from yanglao.parse.clean import clean_text
from yanglao.parse.documents import build_document

HELDOUT = sorted((DATA / "heldout_real").glob("*.txt"))
OTHER_TEXTS = sorted(p for p in DATA.glob("*/*.txt") if p.parent.name != "heldout_real")


def _bundled_documents() -> list[dict]:
    archive = Archive(ROOT / "archive")
    out = []
    for source in bundled_sources():
        snapshot = archive.latest(source.id)
        if snapshot is not None:
            out.append(build_document(source, snapshot, archive.read(snapshot.sha256)))
    return out


def _year(document: dict) -> int | None:
    return int(document["published_date"][:4]) if document.get("published_date") else None


def test_rows_are_the_same_with_and_without_the_gates_on_every_bundled_document():
    documents = _bundled_documents()
    assert len(documents) == len(bundled_sources()) == 15
    for document in documents:
        gated = extract_rows(document["document_id"], document["text"], document_year=_year(document))
        with prefilter.disabled():
            ungated = extract_rows(document["document_id"], document["text"], document_year=_year(document))
        assert gated == ungated, document["document_id"]
        assert sum(map(len, gated.values())) > 0


@pytest.mark.parametrize("path", HELDOUT + OTHER_TEXTS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_rows_are_the_same_with_and_without_the_gates_on_held_out_texts(path: Path):
    text = clean_text(path.read_text(encoding="utf-8"))
    gated = extract_rows(path.stem, text)
    with prefilter.disabled():
        ungated = extract_rows(path.stem, text)
    assert gated == ungated


def test_the_held_out_set_is_there():
    assert len(HELDOUT) >= 8


def test_the_gates_skip_work_on_a_real_document():
    """Not a timing: the gates must actually hold back sentences, or they are dead weight."""
    text = max((d["text"] for d in _bundled_documents()), key=len)
    sentences = [(m.start(), m.end()) for m in re.finditer(r"[^。!?\n]+", text)]
    let_through = [s for s in sentences if targets._QUANTITY_GATE.may_match(text, *s)]
    assert 0 < len(let_through) < len(sentences) / 2
    mentions = [s for s in sentences if subsidies._MENTION_GATE.may_match(text, *s)]
    assert 0 < len(mentions) < len(sentences)


# --------------------------------------------------------------------------------- required literals


@pytest.mark.parametrize(
    "pattern, literals",
    [
        ("补贴", {"补贴"}),
        ("补贴|补助", {"补贴", "补助"}),  # re factors this into 补[贴助]
        ("给予[^,]{0,12}?(?:补贴|奖励)", {"给予"}),  # either set is needed: the fewer, the better
        ("(?:本级|市级)财政投入", {"财政投入"}),
        ("a(?=b)c", {"a"}),  # a lookahead consumes nothing: a and c are not adjacent in the pattern
        ("x?y", {"y"}),
        ("(?:ab)+c", {"ab"}),
    ],
)
def test_required_literals(pattern, literals):
    assert prefilter.required_literals(pattern) == literals


@pytest.mark.parametrize("pattern", ["[a-z]+", "x*", "a|", "(?i)abc", r"\d+", "(?:a|b*)c?"])
def test_no_required_literals_when_a_match_may_lack_them(pattern):
    assert prefilter.required_literals(pattern) is None


_ALPHABET = "补贴助给予财政运营建设资金经费,。ab1"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=40))
def test_every_match_of_a_rule_contains_one_of_its_literals(text: str):
    patterns = [p for p, _, _ in subsidies.INSTRUMENTS] + subsidies.GENERIC_PROVISIONS
    for pattern in patterns:
        needed = prefilter.required_literals(pattern)
        for m in re.finditer(pattern, text):
            assert needed is None or any(s in m.group() for s in needed), (pattern, m.group())
    assert subsidies._MENTION_GATE.may_match(text) or not subsidies._ANY_MENTION_RE.search(text)


def test_every_match_of_the_rules_in_bundled_texts_is_let_through():
    texts = [d["text"] for d in _bundled_documents()] + [p.read_text(encoding="utf-8") for p in HELDOUT]
    any_mention = subsidies._ANY_MENTION_RE
    for text in texts:
        for m in any_mention.finditer(text):
            assert subsidies._MENTION_GATE.may_match(text, m.start(), m.end()), m.group()


# --------------------------------------------------------------------------------- the quantity gate


@pytest.mark.parametrize(
    "sentence",
    [
        "新增养老床位1000张",
        "覆盖率达到90%",
        "三分之一以上",
        "一刻钟养老服务圈",
        "建成1-2示范性社区老年人服务中心",
    ],
)
def test_the_quantity_gate_lets_through_figures_with_units(sentence):
    assert targets._QUANTITY_GATE.may_match(sentence)
    assert targets.targets_and_left_out(f"到2025年,{sentence}。", document_year=2024) != ([], [])


@pytest.mark.parametrize("sentence", ["进一步完善养老服务体系", "统一标准", "第三方评估", "2025年"])
def test_the_quantity_gate_holds_back_sentences_without_a_figure_and_unit(sentence):
    assert not targets._QUANTITY_GATE.may_match(sentence)


def test_through_last_hit_keeps_every_sentence_before_the_last_that_may_yield():
    text = "已经完善制度。新增床位100张。进一步推进。"
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^。]+", text)]
    assert prefilter.through_last_hit(spans, text, targets._QUANTITY_GATE) == spans[:2]
    with prefilter.disabled():
        assert prefilter.through_last_hit(spans, text, targets._QUANTITY_GATE) == spans


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \t\u3000\xa0a1老,。|\n", max_size=30))
def test_compact_is_the_subsidy_extractors_compact(text: str):
    assert prefilter.compact(text) == subsidies._compact(text)


def test_compact_is_the_subsidy_extractors_compact_on_every_text():
    texts = [d["text"] for d in _bundled_documents()]
    texts += [p.read_text(encoding="utf-8") for p in HELDOUT + OTHER_TEXTS]
    for text in texts:
        assert prefilter.compact(text) == subsidies._compact(text)


def test_cached_mentions_are_computed_afresh_without_the_gates():
    """The cache of `subsidies._mentions` is keyed by the gates' state too: a run under `prefilter.disabled()` (the
    comparison above) must not get back what a gated run cached, or a gate that drops mentions would go unseen."""
    sentence = "对新建养老机构给予建设补贴。"
    subsidies._mentions(sentence)  # noqa: SLF001
    before = subsidies._mentions_cached.cache_info().misses  # noqa: SLF001
    with prefilter.disabled():
        subsidies._mentions(sentence)  # noqa: SLF001
    assert subsidies._mentions_cached.cache_info().misses == before + 1  # noqa: SLF001


NOT_AFTER_CASES = [
    # (what may not come right before, a number pattern, where it is used, the numbers it finds in SAMPLE)
    (
        r"\d.零〇一二两三四五六七八九十百千万亿",
        r"\d+(?:,\d{3})*(?:\.\d+)?",
        "subsidies.AMOUNT_RE",
        ["1.5", "5"],
    ),
    (
        r"\d.零〇一二两三四五六七八九十百千万",
        r"[零〇一二两三四五六七八九十百千]+(?:点[零〇一二两三四五六七八九十百千]+)?",
        "targets._QUANTITY_RE",
        ["十五"],
    ),
]
# A number right after a point or another number is not one: `2.5.6%` holds no `5.6%`, `1十个` no `十个`.
SAMPLE = "补助1.5万元，十五个，共5%，2.5.6%，1十个"


@pytest.mark.parametrize(
    ("not_before", "number", "used_in", "in_sample"), NOT_AFTER_CASES, ids=[c[2] for c in NOT_AFTER_CASES]
)
def test_not_after_finds_what_a_leading_lookbehind_finds_in_every_held_out_text(
    not_before, number, used_in, in_sample
):
    unit = r"\s*(?:万元|元|个|张|%)"
    leading = re.compile(rf"(?<![{not_before}])(?P<n>{number}){unit}")
    moved = re.compile(rf"(?P<n>{prefilter.not_after(not_before, number)}){unit}")
    found = 0
    for path in HELDOUT + OTHER_TEXTS:
        text = path.read_text(encoding="utf-8")
        expected = [(m.span(), m.group("n")) for m in leading.finditer(text)]
        assert [(m.span(), m.group("n")) for m in moved.finditer(text)] == expected, path.name
        found += len(expected)
    assert found > 100
    assert [m.group("n") for m in moved.finditer(SAMPLE)] == in_sample
    # (the sample tells the lookbehind's work: without it, a number inside another is found)
    assert [m.group("n") for m in re.finditer(rf"(?P<n>{number}){unit}", SAMPLE)] != in_sample


def test_not_after_refuses_a_pattern_that_does_not_open_with_a_repeated_class():
    with pytest.raises(ValueError, match="repeated class"):
        prefilter.not_after(r"\d", r"(?:\d+|[一二]+)")
    with pytest.raises(ValueError, match="repeated class"):
        prefilter.not_after(r"\d", r"[a\]+]+x")  # a class with an escape inside would be cut at its `]`
    with pytest.raises(ValueError, match="set of characters"):
        prefilter.not_after(r"^\d", r"\d+")  # `[^\d]` would turn the class around


# The patterns rewritten to open with a character class (issue 16), in the form they had before: a
# leading lookbehind. Same matches, from any starting position, on text made of the characters they read.
_FAST_ALPHABET = "12.．,第一二十百万亿元个张%()（）、 \n两千点5;:。是"


def _reference_patterns() -> list[tuple[str, re.Pattern, re.Pattern]]:
    from yanglao.extract import outline

    sp, cn = outline._SP, outline._CN
    markers = dict(outline._MARKER_RES)
    cn_marker = rf"(?<!第)(?P<n>[{cn}]{{1,3}}){sp}*(?:、|．|\.(?!\d))(?![{cn}两]+(?:级|类|批|期|档|星|等|季|个|次|轮|年))"
    arabic_marker = (
        rf"(?<![\d.．])(?P<n>\d{{1,2}}){sp}*[.．、](?![\d．.])(?!(?:jpe?g|png|gif|pdf|docx?|xlsx?|wps|txt)\b)"
    )
    amount_head = (
        rf"(?:(?P<num>{prefilter.not_after(subsidies._NUMBER_CHARS, subsidies.ARABIC_NUMBER)})"
        rf"|(?P<cn>{prefilter.not_after(subsidies._NUMBER_CHARS, subsidies.CN_NUMBER)}))"
    )
    assert subsidies.AMOUNT_RE.pattern.startswith(amount_head)
    amount = (
        rf"(?<![{subsidies._NUMBER_CHARS}])(?:(?P<num>{subsidies.ARABIC_NUMBER})|(?P<cn>{subsidies.CN_NUMBER}))"
        + subsidies.AMOUNT_RE.pattern[len(amount_head) :]
    )
    n1_now = (
        rf"(?P<n1>(?:{prefilter.not_after(targets._AFTER_NUMBER, targets.ARABIC_NUMBER)}"
        rf"|{prefilter.not_after(targets._AFTER_NUMBER, targets.CHINESE_NUMBER)})[万亿]?)"
    )
    assert targets._QUANTITY_RE.pattern.count(n1_now) == 1
    quantity = targets._QUANTITY_RE.pattern.replace(
        n1_now, rf"(?<![\d.])(?<![零〇一二两三四五六七八九十百千万])(?P<n1>{targets._NUM})"
    )
    return [
        ("outline cn", re.compile(cn_marker), markers["cn"]),
        ("outline arabic", re.compile(arabic_marker), markers["arabic"]),
        (
            "targets list marker",
            re.compile(r"(?:(?<=^)|(?<=[\n。;:|\s\x00]))(\d{1,2})\.(?=(\d)?)", re.M),
            targets._LIST_MARKER_RE,
        ),
        ("subsidies amount", re.compile(amount), subsidies.AMOUNT_RE),
        ("targets quantity", re.compile(quantity), targets._QUANTITY_RE),
    ]


_REFERENCES = _reference_patterns()


def _matches(regex: re.Pattern, text: str, pos: int) -> list:
    found = [(m.span(), m.groups()) for m in regex.finditer(text, pos)]
    one = regex.match(text, pos)
    return [*found, one.span() if one else None]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_FAST_ALPHABET, max_size=30), st.integers(min_value=0, max_value=30))
def test_patterns_that_open_with_a_class_match_as_their_lookbehind_forms_did(text: str, pos: int):
    pos = min(pos, len(text))
    for name, before, now in _REFERENCES:
        assert before.pattern != now.pattern, name
        assert _matches(now, text, pos) == _matches(before, text, pos), name


def test_the_figure_gate_holds_what_every_subsidy_figure_needs():
    """`subsidies._FIGURE_GATE` is written by hand: every literal an amount or a rate must contain passes it,
    and so does a digit (a bare table cell, `LOST_YUAN`'s `300/月`)."""
    for pattern in (subsidies.AMOUNT_RE.pattern, subsidies.RATE_RE.pattern):
        needed = prefilter.required_literals(pattern)
        assert needed, pattern[:40]
        assert all(subsidies._FIGURE_GATE.may_match(literal) for literal in needed), sorted(needed)
    assert subsidies.LOST_YUAN.pattern.count("(?P<num>") == 1 and subsidies._FIGURE_GATE.may_match("7")


@pytest.mark.parametrize(
    "pattern",
    [targets.FORWARD_CUES, targets.PAST_CUES, targets.FUNDED_OUTPUT, *(p for p, _ in targets.DEADLINES)],
    ids=lambda p: p[:24],
)
def test_the_sentence_gates_of_the_target_rules_are_literals(pattern: str):
    """The gates search a whole sentence for what a rule searches in one clause: that is only sound while the
    gate is made of literals, never of the rule itself (whose anchors and lookarounds see other context)."""
    assert prefilter.required_literals(pattern) is not None


# --------------------------------------------------------------------------------- gates opening with one class
# (issue 16: a pattern that opens with alternatives is tried at every character; the rewritten gates open with one
# class of their first characters. Each is checked against the pattern as first written.)


def _sentences_of_real_texts() -> list[str]:
    texts = [d["text"] for d in _bundled_documents()] + [p.read_text(encoding="utf-8") for p in HELDOUT]
    return [m.group() for text in texts for m in re.finditer(r"[^。；;\n]+[。；;]?", text)]


@pytest.mark.parametrize("first", ["[^a]", r"\d", "ab"])
def test_first_character_class_takes_one_character_or_a_class_of_them(first):
    with pytest.raises(ValueError, match="one character"):
        prefilter.first_character_class([("x", "y"), (first, "b")])


def test_first_character_class_opens_with_one_class_and_keeps_each_branch():
    pattern = prefilter.first_character_class([(r"[\d元]", ""), ("分", "之")])
    assert pattern == r"[\d元分](?:(?<=[\d元])|(?<=分)之)"
    assert [m.group() for m in re.finditer(pattern, "3个,分开,三分之一,元")] == ["3", "分之", "元"]


def _quantity_gate_as_first_written() -> str:
    """`prefilter.quantity_gate`'s pattern as first written, before it opened with one class (issue 16)."""
    units = "|".join([targets._TARGET_UNIT_RE.pattern, *map(re.escape, targets.COUNTED_NOUNS), "元"])
    verbs = "|".join(prefilter.IMPLIED_UNIT_VERBS)
    return rf"{prefilter.FIGURE_END}(?:{units})|分之|一刻钟|(?:{verbs})\d"


_GATE_ALPHABET = "0123一二十百万亿)分之刻钟建成设新增立张床位个%元人次,。 "


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=_GATE_ALPHABET, max_size=30))
@example("一刻钟养老服务圈,三分之一,建成3个,新增20张床位,设立5%")
def test_the_rewritten_gates_match_where_the_gates_as_first_written_match(text: str):
    reference = re.compile(_quantity_gate_as_first_written())
    assert [m.span() for m in targets._QUANTITY_GATE.regex.finditer(text)] == [
        m.span() for m in reference.finditer(text)
    ]
    assert [m.span() for m in subsidies._FIGURE_GATE.regex.finditer(text)] == [
        m.span() for m in re.finditer(r"[\d元万亿%％]|分之", text)
    ]


def test_the_rewritten_gates_match_where_the_gates_as_first_written_match_in_real_texts():
    reference = re.compile(_quantity_gate_as_first_written())
    sentences = _sentences_of_real_texts()
    let_through = [s for s in sentences if targets._QUANTITY_GATE.may_match(s)]
    assert let_through == [s for s in sentences if reference.search(s)]
    assert 0 < len(let_through) < len(sentences)
    figures = [s for s in sentences if subsidies._FIGURE_GATE.may_match(s)]
    assert figures == [s for s in sentences if re.search(r"[\d元万亿%％]|分之", s)]


def test_a_sentences_mentions_are_found_by_their_patterns_strings_as_by_searching_every_pattern():
    """The gated path skips a pattern whose strings the sentence lacks; the ungated one searches them all."""
    sentences = _sentences_of_real_texts()
    found = 0
    for sentence in sentences:
        gated = subsidies._mentions_cached.__wrapped__(sentence, True)
        assert gated == subsidies._mentions_cached.__wrapped__(sentence, False), sentence
        found += bool(gated)
    assert 0 < found < len(sentences)
