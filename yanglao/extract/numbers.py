"""Numbers as Chinese policy documents write them: `15万`, `77.982万元`, `二十`, `三分之一`.

Pure functions shared by the target and subsidy extractors. Chinese numerals are
read with cn2an rather than by hand; this module only adds the surrounding
conventions (万/亿 multipliers, fractions, percentages, thousands separators).
"""

from __future__ import annotations

import functools
import re

import cn2an

# Digits a Chinese numeral may be written with (两 as in 两个, 〇 as in 二〇二五).
CHINESE_DIGITS = "零〇一二两三四五六七八九十百千"
#: A comma that separates thousands inside a number (`3,700.61万元`): part of the number, not a clause's end.
THOUSANDS_SEPARATOR = r"(?<=\d),(?=\d{3}(?!\d))"
ARABIC_NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"
CHINESE_NUMBER = rf"[{CHINESE_DIGITS}]+(?:点[{CHINESE_DIGITS}]+)?"
# A number with an optional large-unit multiplier, in either script.
NUMBER = rf"(?:{ARABIC_NUMBER}|{CHINESE_NUMBER})(?:[万亿]+)?"
NUMBER_RE = re.compile(NUMBER)

MULTIPLIERS = {"万": 10_000, "亿": 100_000_000}
_ARABIC_NUMBER_RE = re.compile(ARABIC_NUMBER)
FRACTION_RE = re.compile(rf"^({CHINESE_NUMBER}|{ARABIC_NUMBER})分之({CHINESE_NUMBER}|{ARABIC_NUMBER})$")
PERCENT_WORD_RE = re.compile(rf"^百分之({CHINESE_NUMBER}|{ARABIC_NUMBER})$")
#: How many people a phrase opens with (`700余名…老年人`, `1.5万名高龄老人`): no part of who they are.
HEAD_COUNT_RE = re.compile(r"^(?:\d+(?:\.\d+)?万?|[一二两三四五六七八九十百千万]+)余?(?:名|位)(?=.{2})")


@functools.lru_cache(maxsize=1024)
def chinese_to_number(text: str) -> float | None:
    """Read a plain Chinese numeral (`二十`, `两`, `零点二`, `一百二十`); None if it is not one.

    Cached: the same few numerals (一, 二, 十…) are read tens of times a document, and cn2an is slow."""
    text = text.strip().replace("两", "二").replace("〇", "零")
    if not text:
        return None
    try:
        value = cn2an.cn2an(text, "strict")
    except (ValueError, KeyError, IndexError):
        # "二〇二五"-style digit strings are not numerals to cn2an's strict mode.
        if all(ch in "零一二三四五六七八九" for ch in text):
            return float("".join(str("零一二三四五六七八九".index(ch)) for ch in text))
        return None
    return float(value)


@functools.lru_cache(maxsize=4096)
def parse_number(text: str) -> float | None:
    """Read one number with an optional 万/亿 multiplier, in Arabic or Chinese figures.

    >>> parse_number("77.982万")
    779820.0
    >>> parse_number("二十")
    20.0
    >>> parse_number("1,200")
    1200.0
    """
    text = text.strip()
    multiplier = 1
    while text and text[-1] in MULTIPLIERS:
        multiplier *= MULTIPLIERS[text[-1]]
        text = text[:-1]
    if not text:
        return None
    if _ARABIC_NUMBER_RE.fullmatch(text):
        value: float | None = float(text.replace(",", ""))
    else:
        value = chinese_to_number(text)
    if value is None:
        return None
    return round(value * multiplier, 6)


def parse_fraction_percent(text: str) -> float | None:
    """A fraction or 百分之/千分之 phrase as a percentage: `三分之一` → 33.33, `千分之二` → 0.2."""
    text = text.strip()
    match = PERCENT_WORD_RE.match(text)
    if match:
        return parse_number(match.group(1))
    match = FRACTION_RE.match(text)
    if not match:
        return None
    bare_denominators = {"十": 10, "百": 100, "千": 1000, "万": 10000}
    denominator = bare_denominators.get(match.group(1)) or parse_number(match.group(1))
    numerator = parse_number(match.group(2))
    if not denominator or numerator is None:
        return None
    return round(numerator / denominator * 100, 2)


def yuan(value: float, unit: str) -> float:
    """An amount in 元 from a figure and its money unit (`元`, `万元`, `亿元`, `万`)."""
    factor = 1
    for ch in unit:
        factor *= MULTIPLIERS.get(ch, 1)
    return round(value * factor, 2)
