"""Number parsing as the documents write numbers: examples, then round-trip properties."""

from __future__ import annotations

from decimal import Decimal

import cn2an
import pytest
from hypothesis import given
from hypothesis import strategies as st

from yanglao.extract.numbers import parse_fraction_percent, parse_number, yuan


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("15万", 150000),
        ("77.982万", 779820),
        ("2.11万", 21100),
        ("1,200", 1200),
        ("4.9", 4.9),
        ("二十", 20),
        ("两", 2),
        ("一", 1),
        ("零点二", 0.2),
        ("一千五百", 1500),
        ("三万", 30000),
        ("二〇二五", 2025),
        ("十四五", None),
        ("万", None),
        ("", None),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("text", "percent"),
    [
        ("三分之一", 33.33),
        ("四分之一", 25),
        ("千分之二", 0.2),
        ("百分之五十五", 55),
        ("百分之5", 5),
        ("十分之三", 30),
    ],
)
def test_parse_fraction_percent(text, percent):
    assert parse_fraction_percent(text) == percent


def test_yuan():
    assert yuan(15, "万元") == 150000
    assert yuan(1.5, "亿元") == 150_000_000
    assert yuan(300, "元") == 300


@given(st.integers(min_value=0, max_value=10**8))
def test_chinese_integers_round_trip(n):
    assert parse_number(cn2an.an2cn(n)) == n


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=1, max_value=999))
def test_chinese_decimals_round_trip(whole, thousandths):
    value = Decimal(whole) + Decimal(thousandths) / 1000
    assert parse_number(cn2an.an2cn(str(value))) == pytest.approx(float(value))


@given(st.decimals(min_value=0, max_value=99999, places=3, allow_nan=False, allow_infinity=False))
def test_arabic_with_wan_multiplier(value):
    assert parse_number(f"{value}万") == pytest.approx(float(value * 10000))


@given(st.integers(min_value=0, max_value=10**9))
def test_thousands_separators(n):
    assert parse_number(f"{n:,}") == n


@given(st.integers(min_value=2, max_value=20).flatmap(lambda d: st.tuples(st.just(d), st.integers(1, d))))
def test_chinese_fractions_round_trip(pair):
    denominator, numerator = pair
    text = f"{cn2an.an2cn(denominator)}分之{cn2an.an2cn(numerator)}"
    assert parse_fraction_percent(text) == round(numerator / denominator * 100, 2)


@given(st.integers(min_value=0, max_value=100))
def test_percent_words_round_trip(n):
    assert parse_fraction_percent(f"百分之{cn2an.an2cn(n)}") == n
