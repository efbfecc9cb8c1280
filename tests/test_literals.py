"""`literals.guarded`: a pattern behind a test for the strings its matches need answers as the pattern does.

Checked on the lines of every bundled real document and every held-out real text (tests/data/heldout_real*,
see their README files for where each came from), and on generated strings."""

from __future__ import annotations

import re

import pytest
from conftest import DATA
from hypothesis import given, settings
from hypothesis import strategies as st

from yanglao.literals import FirstCharacterScan, Guarded, first_characters, guarded, literal_openings
from yanglao.parse import metadata

_REAL_LINES = sorted(
    {
        line
        for path in sorted(DATA.glob("heldout_real*/*.txt"))
        for line in path.read_text(encoding="utf-8").split("\n")
    }
)


def _module_values() -> dict[str, object]:
    """Every module-level value of the extract and parse stages, by `module.name`."""
    import importlib
    import pkgutil

    import yanglao.extract
    import yanglao.parse

    found = {}
    for package in (yanglao.extract, yanglao.parse):
        for module in pkgutil.iter_modules(package.__path__):
            loaded = importlib.import_module(f"{package.__name__}.{module.name}")
            found.update({f"{module.name}.{name}": value for name, value in vars(loaded).items()})
    return found


_VALUES = _module_values()
_PATTERNS = {k: v for k, v in _VALUES.items() if isinstance(v, re.Pattern) and isinstance(v.pattern, str)}


_GUARDED = {name: value for name, value in _VALUES.items() if isinstance(value, Guarded)}


def test_the_real_lines_are_there():
    assert len(_REAL_LINES) > 1000


def test_the_patterns_searched_on_many_lines_or_clauses_are_guarded():
    metadata_lines = {
        "_NEWS_OUTLET",
        "_SOURCE_ANYWHERE",
        "_AUTHOR_OFFICE",
        "_BYLINE",
        "_ENACTMENT",
        "_VIEWS_LINE",
        "_DATING_LABEL",
    }
    assert {f"metadata.{name}" for name in metadata_lines} <= set(_GUARDED)
    assert {"targets._TABLE_ROW_RE", "targets._CLAUSE_DEADLINE_RE"} <= set(_GUARDED)
    assert _GUARDED["metadata._NEWS_OUTLET"].needed == ("来源", "来自")
    assert metadata._NEWS_OUTLET is _GUARDED["metadata._NEWS_OUTLET"]


@pytest.mark.parametrize("name", sorted(_GUARDED))
def test_a_guarded_pattern_answers_as_the_pattern_on_real_lines(name):
    pattern = _GUARDED[name]
    regex = pattern.regex
    for line in _REAL_LINES:
        for method in ("search", "match", "fullmatch"):
            got, expected = getattr(pattern, method)(line), getattr(regex, method)(line)
            assert (got and got.span()) == (expected and expected.span()), (method, line)
        assert [m.span() for m in pattern.finditer(line)] == [m.span() for m in regex.finditer(line)]
        assert pattern.sub("#", line) == regex.sub("#", line)
        middle = len(line) // 3
        got, expected = pattern.search(line, middle, 2 * middle), regex.search(line, middle, 2 * middle)
        assert (got and got.span()) == (expected and expected.span()), line


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="来源自作者:： 民政局2024-01-05\n", max_size=30),
    st.integers(-5, 10),
    st.integers(-5, 30),
)
def test_a_guarded_pattern_answers_as_the_pattern_on_any_text(text, pos, endpos):
    for pattern in _GUARDED.values():
        for method in ("search", "match", "fullmatch"):
            got, expected = (
                getattr(pattern, method)(text, pos, endpos),
                getattr(pattern.regex, method)(text, pos, endpos),
            )
            assert (got and got.span()) == (expected and expected.span())


def test_a_guarded_pattern_reads_a_negative_position_as_re_does():
    pattern = guarded(re.compile("来源[:：]"))
    assert isinstance(pattern, Guarded)
    assert (
        pattern.search("来源:x", -1).span() == re.compile("来源[:：]").search("来源:x", -1).span() == (0, 3)
    )


def test_a_verbose_pattern_is_guarded_by_what_it_reads():
    verbose = re.compile(r"来 源  # the label", re.VERBOSE)
    assert guarded(verbose).search("来源").span() == (0, 2)


def test_a_pattern_without_a_few_needed_strings_is_left_as_it_is():
    no_literal = re.compile(r"\d+")
    many = re.compile("甲|乙|丙|丁|戊")
    ignoring_case = re.compile("abc", re.IGNORECASE)
    assert guarded(no_literal) is no_literal
    assert guarded(many) is many
    assert guarded(ignoring_case) is ignoring_case
    assert isinstance(guarded(re.compile("来源[:：]")), Guarded)


# --------------------------------------------------------------------------------- literal_openings


@pytest.mark.parametrize(
    ("pattern", "written"),
    [
        ("备案|(?:没有|未)履行|责令", "备案|没有履行|未履行|责令"),
        ("(?:每年|年均)投资|元", "每年投资|年均投资|元"),
        ("(?<!投资)标准(?:从|由)", "标(?<!投资标)准(?:从|由)"),
        ("(?<!家庭)(?<!军属)优待金", "优(?<!家庭优)(?<!军属优)待金"),
        # left as they are: a repeated group, a group before a capturing one, an opening class, a nested group
        ("(?:甲|乙)?丙", "(?:甲|乙)?丙"),
        ("(?<!投资)标?准|元", "(?<!投资)标?准|元"),  # (a repeated character keeps its lookbehind before it)
        ("(?<!投资)标{1,2}准", "(?<!投资)标{1,2}准"),
        ("(?:甲|乙)(丙)", "(?:甲|乙)(丙)"),
        ("[甲乙]丙|丁", "[甲乙]丙|丁"),
        ("(?:(?:甲)|乙)丙", "(?:(?:甲)|乙)丙"),
        ("a|(b", "a|(b"),
        ("(?ix)a # c|(?:d|e)f", "(?ix)a # c|(?:d|e)f"),  # (verbose: its comments are not read here)
        ("[^]|(]+|(?:甲|乙)丙", "[^]|(]+|甲丙|乙丙"),  # (a class's `|` and `(` are characters, `]` first too)
        ("[]|]|(?:甲|乙)丙", "[]|]|甲丙|乙丙"),
    ],
)
def test_literal_openings(pattern, written):
    assert literal_openings(pattern) == written


_REWRITABLE = {k: v for k, v in _PATTERNS.items() if literal_openings(v.pattern) != v.pattern}


def test_many_of_the_rules_patterns_can_be_rewritten():
    assert len(_REWRITABLE) >= 20  # (the general test below is about real patterns, not a handful)


@pytest.mark.parametrize("name", sorted(_REWRITABLE))
def test_a_pattern_rewritten_to_open_with_characters_matches_as_written_on_real_lines(name):
    pattern = _REWRITABLE[name]
    rewritten = re.compile(literal_openings(pattern.pattern), pattern.flags)
    for line in _REAL_LINES:
        assert [(m.span(), m.groups()) for m in rewritten.finditer(line)] == [
            (m.span(), m.groups()) for m in pattern.finditer(line)
        ], line


def test_the_cue_lists_compiled_to_open_with_characters_match_as_written():
    from yanglao.extract import targets

    for source, compiled in (
        (targets.WEAK_PAST_CUES, targets._WEAK_PAST_RE),
        (targets.DEPUTY_PROPOSAL, targets._DEPUTY_PROPOSAL_RE),
    ):
        assert compiled.pattern != source
        written = re.compile(source)
        for line in _REAL_LINES:
            assert [m.span() for m in compiled.finditer(line)] == [m.span() for m in written.finditer(line)]


# --------------------------------------------------------------------------------- scanning by first characters


@pytest.mark.parametrize(
    ("pattern", "first"),
    [
        ("补贴|补助", "[补]"),
        (r"(?P<a>\d+)元|(?P<b>[一二三])个", r"[\d一二三]"),
        ('["“]?(十四五|十五五)', '["“十]'),
        (r"(?<!第)\d+|^年", r"[\d年]"),  # (lookbehinds and anchors take no character)
        ("(?:到|至)?(?:19|20)\\d{2}年", "[到至12]"),
    ],
)
def test_first_characters(pattern, first):
    assert first_characters(pattern) == first


@pytest.mark.parametrize("pattern", [r"\d*", "[^。]+", ".元", r"(a)?\1", "(?i)abc", "a?b?"])
def test_no_first_characters_where_they_are_not_plain(pattern):
    assert first_characters(pattern) is None


def _scannable_patterns() -> dict[str, re.Pattern]:
    from yanglao.extract import subsidies

    found = {}
    for name, pattern in _PATTERNS.items():
        try:
            FirstCharacterScan(pattern)
        except ValueError:
            continue
        found[name] = pattern
    for i, pattern in enumerate([p for p, _, _ in subsidies.INSTRUMENTS] + subsidies.GENERIC_PROVISIONS):
        if first_characters(pattern):
            found[f"subsidies.INSTRUMENTS+GENERIC_PROVISIONS[{i}]"] = re.compile(pattern)
    return found


_SCANNABLE = _scannable_patterns()


def test_most_of_the_rules_patterns_have_first_characters():
    assert len(_SCANNABLE) >= 100
    assert {"targets._QUANTITY_RE", "targets._DEADLINE_RE"} <= set(_SCANNABLE)


@pytest.mark.parametrize("name", sorted(_SCANNABLE))
def test_scanning_by_first_characters_finds_what_the_pattern_finds_on_real_lines(name):
    """Every module-level pattern of extract and parse that has first characters, on every line of the held-out
    real texts: the same matches and groups by `finditer` and `search`, with and without pos/endpos."""
    pattern = _SCANNABLE[name]
    scan = FirstCharacterScan(pattern)
    for line in _REAL_LINES:
        assert [(m.span(), m.groups()) for m in scan.finditer(line)] == [
            (m.span(), m.groups()) for m in pattern.finditer(line)
        ], line
        middle = len(line) // 3
        assert [m.span() for m in scan.finditer(line, middle, 2 * middle)] == [
            m.span() for m in pattern.finditer(line, middle, 2 * middle)
        ], line
        found, expected = scan.search(line, middle), pattern.search(line, middle)
        assert (found and found.span()) == (expected and expected.span()), line


def test_the_figure_and_deadline_rules_are_scanned_by_their_first_characters():
    from yanglao.extract import targets

    assert targets._QUANTITY_SCAN.regex is targets._QUANTITY_RE
    assert targets._DEADLINE_SCAN.regex is targets._DEADLINE_RE


# The three cue patterns compiled with `literal_openings` whose source is written inline, as first written (47d549c).
_AS_FIRST_WRITTEN = {
    "subsidies.NOT_A_PROVISION_SENTENCE": "备案|骗取|冒用|冒领|虚报|挪用|截留|侵占|违反|清算|结算|追回|退回|处罚|所称|是指"
    "|(?:没有|未)履行|责令",
    "subsidies.MONEY_CUES": "补贴|补助|津贴|奖励|奖补|资助|扶持|资金|经费|投入|下拨|拨付|拨款|支出|购买|发放|给予|救助|慰问"
    "|补一点|预算内投资|公益金|基金支付|护理保险基金按|奖学金|助学金|增发|发给|基本生活费|照料护理费"
    r"|(?:支付|付|拨)(?:到|至)[^，,。；;]{0,12}?账户|元[，,]?\s*(?:主要|专项|全部)?用于|(?:每年|年均|财政|政府)投资"
    r"|元\s*/\s*(?:人|户|床|张)|(?:低保|最低生活保障|救助|供养|基本生活)(?:年|月)?标准(?:统一)?"
    r"(?:从|由|提高|调整|为|分别|达到|\s*\d|每人)|(?<!投资)标准(?:从|由)[^，,。；;]{0,8}?每张?床位?[^，,。；;\d]{0,4}[\d.]+\s*万?元",
    "targets._ANY_DEADLINE_RE": r"(?:到|至)\s*(?:19|20)\d{2}年|(?:19|20)\d{2}年(?:底|末)?(?:前|以前|之前)",
}


@pytest.mark.parametrize("name", sorted(_AS_FIRST_WRITTEN))
def test_a_cue_pattern_compiled_to_open_with_characters_matches_as_first_written(name):
    compiled, written = _VALUES[name], re.compile(_AS_FIRST_WRITTEN[name])
    assert compiled.pattern == literal_openings(written.pattern) != written.pattern
    lines = [
        *_REAL_LINES,
        "没有履行义务的",
        "每年投资500万元",
        "标准从每张床位2000元",
        "投资标准从每张床位2000元",
    ]
    for line in lines:
        assert [m.span() for m in compiled.finditer(line)] == [m.span() for m in written.finditer(line)], line
