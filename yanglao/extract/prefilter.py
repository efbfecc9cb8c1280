"""Cheap gates in front of the extraction rules: which sentences can yield a row at all (issue 16).

Most sentences of a policy document yield nothing (about 7 of 75 can yield a target), yet every rule
used to run on every sentence. A gate is a single regex that any row-yielding sentence must match;
the rules then run only where it matches. A gate is only allowed to be *conservative*: it may let
through sentences that yield nothing, never hold back one that yields something. So each gate is
built from the rule tables themselves, not from a separate keyword list:

- `literal_gate(patterns)`: for every rule pattern, the set of literal strings one of which every
  match must contain (read off the pattern's parse tree, `required_literals`); a pattern with no such
  literal goes into the gate whole. Used in front of the subsidy instruments (`subsidies._mentions`).
- `quantity_gate(unit_pattern, counted_nouns)`: a figure that the target rules can keep is a number
  written right before a unit of `targets.UNITS` (or a counted noun, or 元 for an industry's size), a
  fraction (`分之`), `一刻钟`, or an Arabic figure right after a building verb (a facility count
  without its unit, `targets._implied_unit`).
- also from `literal_gate`: the deadlines a sentence of targets can hold (`targets._TIME_GATE`), and the
  forward, past and funded-output cues, tried once per sentence before their search in every clause.
- `subsidies._FIGURE_GATE`: an amount's unit, a digit or a rate's sign, without which `subsidies._figures`
  finds nothing (three sentences in four): the first pass of `subsidies._extract` skips such a sentence,
  the second skips it too when the mention gate holds it back as well.

`through_last_hit` applies a gate to the sentences of a paragraph: the target rules carry a sentence's
tense to the next sentence of the same paragraph, so every sentence up to the last one that may yield
is still run, and only those after it are skipped. `tests/test_prefilter.py` runs the extractors with
and without the gates over every bundled and held-out document and asserts identical rows.

`ENABLED = False` (or `with disabled():`) opens every gate: the rules then run everywhere, as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from yanglao.extract.numbers import CHINESE_DIGITS
from yanglao.literals import required_literals
from yanglao.textmap import PositionMap  # (here since the gates were first built on it)

ENABLED = True


@contextmanager
def disabled() -> Iterator[None]:
    """Every gate open for the duration (the tests compare rows with and without the gates)."""
    global ENABLED
    before, ENABLED = ENABLED, False
    try:
        yield
    finally:
        ENABLED = before


class Gate:
    """A compiled gate: `may_match(text, start, end)` is False only where no rule can match."""

    def __init__(self, pattern: str):
        self.pattern = pattern
        self.regex = re.compile(pattern)

    def may_match(self, text: str, start: int = 0, end: int | None = None) -> bool:
        """Whether text[start:end] holds something the rules behind the gate could match."""
        if not ENABLED:
            return True
        return self.regex.search(text, start, len(text) if end is None else end) is not None


def literal_gate(patterns: Sequence[str]) -> Gate:
    """A gate that lets through any text in which one of `patterns` could match.

    Each pattern contributes its required literals, or itself when it has none."""
    parts: set[str] = set()
    for pattern in patterns:
        needed = required_literals(pattern)
        if needed is None:
            parts.add(f"(?:{pattern})")
        else:
            parts.update(re.escape(s) for s in needed)
    return Gate("|".join(sorted(parts, key=lambda p: (-len(p), p))))


# Characters a figure can end with: a digit, a Chinese numeral, a multiplier, or `)` after `15(9)`.
FIGURE_END_CHARS = rf"\d{CHINESE_DIGITS}万亿)"
FIGURE_END = f"[{FIGURE_END_CHARS}]"
# `targets._implied_unit`: a facility count written without 个 right after one of these verbs.
IMPLIED_UNIT_VERBS = ("建成", "建设", "新建", "新增", "设立")


def quantity_gate(unit_pattern: str, counted_nouns: Sequence[str]) -> Gate:
    """A gate that lets through any text holding a figure the target rules could keep.

    `unit_pattern` is the target units' alternation (`targets._TARGET_UNIT_RE.pattern`), `counted_nouns`
    the excluded units that count before their noun (`targets.COUNTED_NOUNS`)."""
    # (the units' named groups, which tell the target rules which unit matched, made plain: a branch that opens
    # with a group is entered to be tried, one that opens with a character is skipped on its first character)
    if "(?P=" in unit_pattern:
        raise ValueError("a unit pattern with a back-reference cannot lose its group names")
    plain_units = re.sub(r"\(\?P<\w+>", "(?:", unit_pattern)
    units = "|".join([plain_units, *map(re.escape, counted_nouns), "元"])
    return Gate(
        first_character_class(
            [
                (FIGURE_END, f"(?:{units})"),
                ("分", "之"),
                ("一", "刻钟"),
                *((v[0], f"{v[1:]}\\d") for v in IMPLIED_UNIT_VERBS),
            ]
        )
    )


def first_character_class(branches: Sequence[tuple[str, str]]) -> str:
    """`first1 rest1|first2 rest2|…`, each `first` one character or a class of them, written so that it opens with
    one class of every first character: `[first1 first2 …](?:(?<=first1)rest1|(?<=first2)rest2|…)`.

    The same matches, at the same places, tried in the same order. But Python's `re` searches a pattern that
    opens with a class by jumping from one such character to the next, and one that opens with alternatives,
    some of them classes, by trying every alternative at every character of the text."""
    for first, _ in branches:
        if not (len(first) == 1 or re.fullmatch(r"\[[^\^\]][^\]]*\]", first)):
            raise ValueError(f"not one character or a class of them: {first!r}")
    chars = "".join(first[1:-1] if first.startswith("[") else re.escape(first) for first, _ in branches)
    return f"[{chars}](?:" + "|".join(f"(?<={first}){rest}" for first, rest in branches) + ")"


def through_last_hit(spans: list[tuple[int, int]], text: str, gate: Gate) -> list[tuple[int, int]]:
    """The spans (sentences of one paragraph) up to and including the last one the gate lets through.

    Those before it still run: a sentence's tense carries to the next one in its paragraph."""
    if not ENABLED:
        return spans
    last = len(spans)
    while last and not gate.may_match(text, *spans[last - 1]):
        last -= 1
    return spans[:last]


def not_after(not_before: str, pattern: str) -> str:
    """`(?<![not_before])pattern` for a pattern that opens with a repeated class (`\\d+…`, `[一二三]+…`), with
    the lookbehind moved after the class's first character, on the character before it.

    The same matches; but a pattern that opens with a lookbehind is tried at every position of the text,
    while one that opens with a character class lets the search jump from one such character to the next
    (three to four times faster on a document of mostly other characters)."""
    # (a class with an escape inside, `[a\\]]`, would be cut at its `]`; a `^` or `]` would change not_before)
    first = re.match(r"\\d|\[[^\]\\^]+\]", pattern)
    if first is None or pattern[first.end() : first.end() + 1] != "+":
        raise ValueError(f"not a pattern that opens with a repeated class: {pattern[:40]}")
    if not_before.startswith("^") or "]" in not_before:
        raise ValueError(f"not a set of characters for a class: {not_before!r}")
    cls = first.group()
    return f"{cls}(?<![{not_before}]{cls}){cls}*{pattern[first.end() + 1 :]}"


_SPACE_RUN = re.compile("[ \t\u3000\xa0][ \t\u3000\xa0]*")  # (opening with a class: see targets._BLANKS_RE)


def compact(text: str) -> tuple[str, PositionMap]:
    """The text without the spaces a PDF puts between Chinese characters, and each kept character's index.

    The same result as `subsidies._compact` (its reference, compared in tests/test_prefilter.py), by
    runs of spaces instead of one character at a time: a run stays only between two ASCII letters or
    digits (`1 000`, `Wi Fi`). About 20 times faster on a 3,500-character document."""
    pieces: list[str] = []
    index = PositionMap()
    kept = 0  # start of the text not yet copied
    n = len(text)
    for m in _SPACE_RUN.finditer(text):
        start, end = m.span()
        before = text[start - 1] if start else ""
        after = text[end] if end < n else ""
        if before.isascii() and before.isalnum() and after.isascii() and after.isalnum():
            continue
        pieces.append(text[kept:start])
        index.add(kept, start - kept)
        kept = end
    pieces.append(text[kept:])
    index.add(kept, n - kept)
    return "".join(pieces), index
