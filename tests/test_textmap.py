"""`SparseTranslation` is `str.translate`, only faster on text where few characters change; `count_chars` is
`len(findall)` of one character (issue 16)."""

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from yanglao.extract import targets
from yanglao.parse import clean
from yanglao.textmap import SparseTranslation, count_chars

ROOT = Path(__file__).resolve().parents[1]
# The bundled corpus's archived HTML pages (not its PDFs) and the held-out sets' real texts.
PAGES = sorted(
    p
    for p in (ROOT / "archive" / "objects").rglob("*")
    if p.is_file() and not p.read_bytes().startswith(b"%PDF")
) + sorted((ROOT / "tests" / "data").glob("heldout_real*/*.txt"))


@pytest.mark.parametrize("translation", [clean._TRANSLATE, targets._FOLD_FULLWIDTH], ids=["clean", "targets"])
def test_same_as_str_translate_on_the_bundled_pages(translation):
    assert len(PAGES) >= 300
    changed = 0
    for path in PAGES:
        text = path.read_bytes().decode("utf-8", errors="replace")
        expected = text.translate(translation.table)
        assert translation(text) == expected, path.name
        changed += expected != text
    assert changed >= 10  # the raw pages hold characters to map


def test_every_mapped_character_deleted_or_replaced_in_runs():
    mapping = {"（": "(", "）": ")", "\u3000": " ", "\u200b": None, "]": "}", "\\": "/", "^": "~", "-": "_"}
    translation = SparseTranslation(mapping)
    text = "到\u3000２０２５年（底）\u200b\u200b,a]b\\c^d-e（）（"
    assert translation(text) == text.translate(str.maketrans(mapping))
    assert translation(text) == "到 ２０２５年(底),a}b/c~d_e()("
    assert translation("养老服务") == "养老服务"


def test_an_empty_table_and_chained_values_as_str_translate_has_them():
    assert SparseTranslation({})("养老服务 abc") == "养老服务 abc"
    chained = {"a": "b", "b": "c", "\U00020000": "x"}  # a value is not mapped again; an astral key is a key
    text = "ab\U00020000b"
    assert SparseTranslation(chained)(text) == text.translate(str.maketrans(chained)) == "bcxc"


def test_count_chars_counts_what_a_one_character_findall_finds():
    runs = re.compile(r"[\u4e00-\u9fff]+")
    one = re.compile(r"[\u4e00-\u9fff]")
    for path in PAGES[:80]:
        text = path.read_bytes().decode("utf-8", errors="replace")
        assert count_chars(runs, text) == len(one.findall(text)), path.name
    assert count_chars(runs, "到2025年底，覆盖率达到90%") == 8
    assert count_chars(runs, "") == 0


# --------------------------------------------------------------------------------- PositionMap


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 50), st.integers(0, 6)), max_size=8))
def test_a_position_map_reads_as_the_list_of_every_position(pieces):
    """issue 16: one entry per piece, read as `index[i]` of the list it replaces (`prefilter.compact`,
    `targets._normalize`), including the pieces of length 0 that are left out."""
    from yanglao.textmap import PositionMap

    positions, as_list = PositionMap(), []
    for origin, length in pieces:
        positions.add(origin, length)
        as_list.extend(range(origin, origin + length))
    assert len(positions) == len(as_list)
    assert [positions[i] for i in range(len(as_list))] == as_list
    assert list(positions) == as_list and positions == as_list
    if as_list:
        assert positions[-1] == as_list[-1]
    with pytest.raises(IndexError):
        positions[len(as_list)]


def test_a_position_map_of_a_real_compacted_text_gives_the_quotes_ends():
    from yanglao.extract import prefilter, subsidies

    text = "到 2025 年 底 ， 覆 盖 率 达 到 90% 。Wi Fi 1 000 元"
    compacted, positions = prefilter.compact(text)
    assert compacted == "到2025年底，覆盖率达到90%。Wi Fi 1 000元"
    assert positions == subsidies._compact(text)[1]
    start = compacted.index("覆盖率")
    assert text[positions[start] : positions[start + 2] + 1] == "覆 盖 率"


@pytest.mark.parametrize("path", PAGES[:12] + PAGES[-12:], ids=lambda p: p.name[:24])
def test_has_chars_answers_as_the_count_does_on_real_pages(path):
    from yanglao.parse import pages
    from yanglao.textmap import has_chars

    text = path.read_bytes().decode("utf-8", errors="replace")
    count = count_chars(pages._CJK, text)
    for at_least in (-1, 0, 1, 4, 20, count - 1, count, count + 1):
        assert has_chars(pages._CJK, text, at_least) is (count >= at_least), at_least


@given(st.text(alphabet="养老a 1，\u3400\u9fff", max_size=40), st.integers(-2, 45))
@settings(max_examples=400, deadline=None)
def test_has_chars_is_the_count_compared(text, at_least):
    from yanglao.parse import pages
    from yanglao.textmap import has_chars

    assert has_chars(pages._CJK, text, at_least) is (count_chars(pages._CJK, text) >= at_least)


@given(st.text(alphabet="号性发布机构日期 x", max_size=40), st.integers(-1, 6))
@settings(max_examples=400, deadline=None)
def test_has_matches_is_the_count_of_findall_compared(text, at_least):
    from yanglao.parse import pages
    from yanglao.textmap import has_matches

    for regex in (pages._METADATA_LABEL_MAY_BE, pages._METADATA_LABEL):
        assert has_matches(regex, text, at_least) is (len(regex.findall(text)) >= at_least)
