"""yanglao.jsonfile.read_members: the same members as json.loads, whatever the window size, without
reading what comes after them."""

from __future__ import annotations

import doctest
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from yanglao import jsonfile
from yanglao.jsonfile import read_members

VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=12,
)


def test_doctest():
    assert doctest.testmod(jsonfile).failed == 0


@settings(max_examples=300, deadline=None)
@given(
    obj=st.dictionaries(st.text(max_size=8), VALUES, min_size=1, max_size=6),
    chunk=st.integers(1, 40),
    indent=st.booleans(),
    data=st.data(),
)
def test_same_members_as_json_loads_for_any_window(obj, chunk, indent, data, tmp_path_factory):
    path = tmp_path_factory.mktemp("j") / "record.json"
    path.write_text(json.dumps(obj, ensure_ascii=False, indent=2 if indent else None), encoding="utf-8")
    names = set(data.draw(st.lists(st.sampled_from(sorted(obj)), min_size=1, unique=True)))
    if data.draw(st.booleans()):
        names.add("not a member")  # then the whole object is read; else it stops at the last name asked for
    expected = {k: v for k, v in json.loads(path.read_text(encoding="utf-8")).items() if k in names}
    assert read_members(path, names, chunk=chunk) == expected


@pytest.mark.parametrize("number", ["1.5", "12e3", "-0.5e-2", "100000", "3.0E+2"])
def test_a_top_level_number_cut_by_the_window_is_read_whole(tmp_path, number):
    path = tmp_path / "r.json"
    path.write_text(f'{{"a": {number}, "b": 2}}', encoding="utf-8")
    for chunk in range(1, 24):
        assert read_members(path, {"a"}, chunk=chunk) == {"a": json.loads(number)}


def test_a_number_cut_by_the_window_is_read_whole(tmp_path):
    path = tmp_path / "r.json"
    path.write_text('{"row_counts": {"documents": 100000}, "version": "2026.12.04"}', encoding="utf-8")
    for chunk in range(1, 60):
        assert read_members(path, {"row_counts"}, chunk=chunk) == {"row_counts": {"documents": 100000}}


def test_what_follows_the_members_asked_for_is_not_read(tmp_path):
    # a release.json's small members come first; its snapshots and sources after them are never decoded
    path = tmp_path / "release.json"
    path.write_text(
        '{"version": "2026.12.04", "row_counts": {"documents": 2}, "sources": [tru', encoding="utf-8"
    )
    assert read_members(path, {"version", "row_counts"}, chunk=16) == {
        "version": "2026.12.04",
        "row_counts": {"documents": 2},
    }
    with pytest.raises(ValueError):
        read_members(path, {"sources"}, chunk=16)


@pytest.mark.parametrize(
    "text", ["[1, 2]", '{"a" 1}', '{"a": 1', "", '{, "b": 2}', '{"a": 1,, "b": 2}', '{"a": 1 "b": 2}']
)
def test_a_file_that_is_not_a_json_object_is_an_error(tmp_path, text):
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError):
        read_members(path, {"a", "b"})


def test_the_bundled_release_record_reads_as_json_loads_does():
    """datasets/latest/release.json as the publisher wrote it: every member, and the leading ones alone."""
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "datasets" / "latest" / "release.json"
    whole = json.loads(path.read_text(encoding="utf-8"))
    assert read_members(path, set(whole), chunk=4096) == whole
    assert read_members(path, {"version", "row_counts"}, chunk=64) == {
        "version": whole["version"],
        "row_counts": whole["row_counts"],
    }


@settings(max_examples=300, deadline=None)
@given(
    obj=st.dictionaries(
        st.text(max_size=8), VALUES | st.dictionaries(st.text(max_size=6), VALUES, max_size=5), max_size=6
    ),
    chunk=st.integers(1, 40),
    indent=st.booleans(),
    data=st.data(),
)
def test_a_members_pairs_one_at_a_time_are_those_of_json_loads(obj, chunk, indent, data, tmp_path_factory):
    """`iter_member_items`: the pairs of an object member, in the file's order, whatever the window size and
    whatever objects come before it (passed over a pair at a time)."""
    from yanglao.jsonfile import iter_member_items

    path = tmp_path_factory.mktemp("j") / "report.json"
    path.write_text(json.dumps(obj, ensure_ascii=False, indent=1 if indent else None), encoding="utf-8")
    loaded = json.loads(path.read_text(encoding="utf-8"))
    name = data.draw(st.sampled_from([*sorted(loaded), "not a member"]))
    value = loaded.get(name, {})
    if value is None:  # null: as no member
        assert list(iter_member_items(path, name, chunk=chunk)) == []
    elif isinstance(value, dict):
        assert list(iter_member_items(path, name, chunk=chunk)) == list(value.items())
    else:
        with pytest.raises(ValueError, match="not an object"):
            list(iter_member_items(path, name, chunk=chunk))
