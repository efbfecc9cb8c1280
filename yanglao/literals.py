"""What a regular expression's matches must contain or open with, read off its parse tree, and faster ways to
search with it that find the same matches (issue 16).

Python's `re` jumps to the places worth trying only for a pattern that opens with a character or a class; one that
opens with alternatives, a repeat or a lookbehind is tried, every alternative, at every character of the text.

- `required_literals`: strings one of which every match holds (the extraction gates, `extract.prefilter`);
- `guarded`: a pattern behind an `in` test for those strings (`parse.metadata` reads a page's head and foot line by
  line: a pattern whose every match holds `来源` or `来自` is not searched on a line that holds neither);
- `literal_openings`: alternatives that open with a group of literals or with lookbehinds rewritten to open with a
  character (`(?:没有|未)履行` → `没有履行|未履行`);
- `first_characters`, `FirstCharacterScan`, `scanned`: `finditer` and `search` tried only where a match can start.

Each gives what the plain pattern gives (tests/test_literals.py checks them on every line of the held-out real
texts, for every pattern of the rules they apply to, and on generated text).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

# A literal set larger than this is not worth searching for (a class like [一二三…] stays one entry).
_MAX_LITERALS = 64
# A guard tries each literal with `in`: beyond a few, one search of the pattern is as cheap.
_MAX_GUARD_LITERALS = 4


def required_literals(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Strings one of which every match of `pattern` contains, or None when no such set is known.

    Read off the parse tree: a sequence needs what any one of its items needs (the most selective
    is taken), an alternation needs one of what its branches need, a repeat what its body needs if
    it must occur at least once. Lookarounds, anchors and back-references need nothing (they may be
    skipped), so the answer is never wrong, only sometimes less selective than it could be.
    """
    # (parsed with the flags it is compiled with: re.VERBOSE changes what it reads)
    parsed = sre_parse.parse(pattern, flags)
    if parsed.state.flags & re.IGNORECASE:
        return None
    return _sequence(list(parsed))


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The more selective of two literal sets: longer shortest literal, then fewer literals."""
    if a is None:
        return b
    if b is None:
        return a
    return max(a, b, key=lambda s: (min(map(len, s)), -len(s)))


def _sequence(items: list) -> frozenset[str] | None:
    best: frozenset[str] | None = None
    run: frozenset[str] = frozenset([""])  # the strings the literal items read so far can spell
    for op, arg in items:
        chars = _chars(op, arg)
        if chars is not None and len(run) * len(chars) <= _MAX_LITERALS:
            run = frozenset(r + c for r in run for c in chars)  # `补[贴助]` (how re writes 补贴|补助)
            continue
        if run != frozenset([""]):
            best = _better(best, run)
        run = chars if chars is not None else frozenset([""])
        if chars is None:
            best = _better(best, _item(op, arg))
    if run != frozenset([""]):
        best = _better(best, run)
    return best


def _chars(op, arg) -> frozenset[str] | None:
    """The characters a one-character item may match: a literal or a class of literals; else None."""
    if op is sre_constants.LITERAL:
        return frozenset([chr(arg)])
    if op is sre_constants.IN and arg and all(o is sre_constants.LITERAL for o, _ in arg):
        return frozenset(chr(a) for _, a in arg) if len(arg) <= _MAX_LITERALS else None
    return None


def _item(op, arg) -> frozenset[str] | None:  # noqa: C901 - one case per node type of the parse tree
    if op is sre_constants.SUBPATTERN:
        _group, add_flags, _del_flags, body = arg
        return None if add_flags & re.IGNORECASE else _sequence(list(body))
    if op is sre_constants.ATOMIC_GROUP:
        return _sequence(list(arg))
    if op is sre_constants.BRANCH:
        out: set[str] = set()
        for branch in arg[1]:
            needed = _sequence(list(branch))
            if needed is None:
                return None
            out |= needed
        return frozenset(out) if len(out) <= _MAX_LITERALS else None
    if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT):
        low, _high, body = arg
        return _sequence(list(body)) if low >= 1 else None
    return None  # ANY, NOT_LITERAL, AT, ASSERT, ASSERT_NOT, GROUPREF …: nothing known


class Guarded:
    """A compiled pattern that answers without searching when the text lacks every string its matches need.

    The same answers as the pattern's own methods (`required_literals` is never wrong, only sometimes less
    selective than it could be); `pos`/`endpos` are supported as `re.Pattern` has them."""

    __slots__ = ("regex", "needed", "pattern")

    def __init__(self, regex: re.Pattern[str], needed: frozenset[str]):
        self.regex, self.needed, self.pattern = regex, tuple(sorted(needed)), regex.pattern

    def _may_match(self, text: str, pos: int, endpos: int | None) -> bool:
        pos = max(pos, 0)  # (as `re` reads them: `str.find` would count a negative position from the end)
        endpos = None if endpos is None else max(endpos, pos)
        if pos == 0 and endpos is None:  # (the usual call: a plain loop, no generator, no slice)
            for literal in self.needed:  # noqa: SIM110 - a loop: `any()` of a generator costs more than the test
                if literal in text:
                    return True
            return False
        end = len(text) if endpos is None else endpos
        return any(text.find(literal, pos, end) >= 0 for literal in self.needed)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        if not self._may_match(text, pos, endpos):
            return None
        return self.regex.search(text, pos) if endpos is None else self.regex.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        if not self._may_match(text, pos, endpos):
            return None
        return self.regex.match(text, pos) if endpos is None else self.regex.match(text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        if not self._may_match(text, pos, endpos):
            return None
        return self.regex.fullmatch(text, pos) if endpos is None else self.regex.fullmatch(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        if not self._may_match(text, pos, endpos):
            return iter(())
        return self.regex.finditer(text, pos) if endpos is None else self.regex.finditer(text, pos, endpos)

    def sub(self, repl, text: str, count: int = 0) -> str:
        return self.regex.sub(repl, text, count) if self._may_match(text, 0, None) else text


def guarded(regex: re.Pattern[str]) -> re.Pattern[str] | Guarded:
    """`regex` behind a test for the strings its matches need, when it has a few; else `regex` itself."""
    needed = None if regex.flags & re.IGNORECASE else required_literals(regex.pattern, regex.flags)
    if not needed or len(needed) > _MAX_GUARD_LITERALS or "" in needed:
        return regex
    return Guarded(regex, needed)


def _top_level_split(pattern: str) -> list[str] | None:
    """The alternatives of a pattern at its top level, or None where the pattern is beyond this simple reading."""
    parts, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            i += 2 if pattern[i + 1 : i + 2] == "^" else 1
            i += 1 if pattern[i : i + 1] == "]" else 0  # (`[]…]`, `[^]…]`: a `]` first is a character)
            continue
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    return None if depth or in_class else [*parts, pattern[start:]]


_LITERAL_GROUP = re.compile(r"\(\?:([^\\.^$*+?{}\[\]()]+)\)(?![?*+{])")  # `(?:甲|乙丙)`, not repeated
# (lookbehinds, then one character that is not repeated: `(?<!投资)标?准` must stay as it is)
_LITERAL_LOOKBEHINDS = re.compile(r"((?:\(\?<[!=][^\\.^$*+?{}\[\]()|]+\))+)([^\\.^$*+?{}\[\]()|])(?![?*+{])")
_LOOKBEHIND = re.compile(r"\(\?<([!=])([^)]+)\)")


def _literal_opening(branch: str) -> list[str]:
    """One alternative as alternatives that each open with a literal character, where that is plain to see."""
    group = _LITERAL_GROUP.match(branch)
    rest = branch[group.end() :] if group else ""
    if group and not re.search(r"\((?!\?)|\(\?P<", rest):  # (no capturing group to number twice)
        return [literal + rest for literal in group.group(1).split("|")]
    behind = _LITERAL_LOOKBEHINDS.match(branch)
    if behind:  # `(?<!投资)标准` is `标(?<!投资标)准`: the lookbehind after the character, on it as well
        char = behind.group(2)
        moved = "".join(f"(?<{sign}{body}{char})" for sign, body in _LOOKBEHIND.findall(behind.group(1)))
        return [char + moved + branch[behind.end() :]]
    return [branch]


def literal_openings(pattern: str) -> str:
    """The same pattern with each top-level alternative that opens with a group of literal alternatives
    (`(?:每年|年均)投资`) or with lookbehinds before a character (`(?<!投资)标准`) written to open with a character.

    The same matches in the same order. But Python's `re` finds the places to try an alternation of alternatives
    that all open with a character by jumping from one such character to the next; one alternative that opens
    otherwise makes it try every alternative at every character of the text (five times slower on a sentence).
    Not for a pattern compiled with re.VERBOSE (its comments are not read as such here)."""
    parts = None if re.search(r"\(\?[a-zA-Z]*x", pattern) else _top_level_split(pattern)
    if parts is None:
        return pattern
    return "|".join(alternative for part in parts for alternative in _literal_opening(part))


# --------------------------------------------------------------------------------- scanning by first characters

_CATEGORY_CLASSES = {
    sre_constants.CATEGORY_DIGIT: r"\d",
    sre_constants.CATEGORY_SPACE: r"\s",
    sre_constants.CATEGORY_WORD: r"\w",
}


def first_characters(pattern: str) -> str | None:
    """A character class (`[…]`) holding the first character of every match of `pattern`, or None when that is
    not plain from its parse tree (a negated class, `.`, a back-reference, a pattern that may match nothing)."""
    parsed = sre_parse.parse(pattern)
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    pieces, nullable = _first_of_sequence(list(parsed))
    if pieces is None or nullable or not pieces:
        return None
    return "[" + "".join(dict.fromkeys(pieces)) + "]"


def _first_of_sequence(items: list) -> tuple[list[str] | None, bool]:
    """The class pieces a sequence's first character is among, and whether the sequence may match nothing."""
    pieces: list[str] = []
    for op, arg in items:
        found, nullable = _first_of_item(op, arg)
        if found is None:
            return None, False
        pieces += found
        if not nullable:
            return pieces, False
    return pieces, True


def _first_of_item(op, arg) -> tuple[list[str] | None, bool]:  # noqa: C901 - one case per node type
    if op is sre_constants.LITERAL:
        return [re.escape(chr(arg))], False
    if op is sre_constants.IN:
        pieces = []
        for item_op, item_arg in arg:
            if item_op is sre_constants.LITERAL:
                pieces.append(re.escape(chr(item_arg)))
            elif item_op is sre_constants.RANGE:
                pieces.append(f"{re.escape(chr(item_arg[0]))}-{re.escape(chr(item_arg[1]))}")
            elif item_op is sre_constants.CATEGORY and item_arg in _CATEGORY_CLASSES:
                pieces.append(_CATEGORY_CLASSES[item_arg])
            else:  # NEGATE, other categories
                return None, False
        return pieces, False
    if op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT, sre_constants.AT):
        return [], True  # zero-width: the first character comes after it
    if op is sre_constants.SUBPATTERN:
        _group, add_flags, _del_flags, body = arg
        return (None, False) if add_flags & (re.IGNORECASE | re.VERBOSE) else _first_of_sequence(list(body))
    if op is sre_constants.ATOMIC_GROUP:
        return _first_of_sequence(list(arg))
    if op is sre_constants.BRANCH:
        pieces, nullable = [], False
        for branch in arg[1]:
            found, empty = _first_of_sequence(list(branch))
            if found is None:
                return None, False
            pieces += found
            nullable = nullable or empty
        return pieces, nullable
    if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT):
        low, _high, body = arg
        found, empty = _first_of_sequence(list(body))
        return found, empty or low == 0
    return None, False  # ANY, NOT_LITERAL, GROUPREF, GROUPREF_EXISTS …


class FirstCharacterScan:
    """`regex.finditer` tried only where a match can start: at a character of `first_characters(regex)`.

    For a pattern that opens with alternatives (`(?P<d0>…)|(?P<d1>…)|…`), which Python's `re` otherwise tries, each
    of them, at every character of the text. The same matches: a match starts at one of those characters, and
    the search goes on from each match's end as `finditer`'s does (the pattern never matches nothing)."""

    __slots__ = ("regex", "starts", "pattern")

    def __init__(self, regex: re.Pattern[str]):
        first = first_characters(regex.pattern) if not regex.flags & (re.IGNORECASE | re.VERBOSE) else None
        if first is None:
            raise ValueError(f"no first characters to scan by: {regex.pattern[:60]}")
        self.regex, self.starts, self.pattern = regex, re.compile(first), regex.pattern

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        end = len(text) if endpos is None else endpos
        search, match = self.starts.search, self.regex.match
        while (start := search(text, pos, end)) is not None:
            found = match(text, start.start(), end)
            if found is None:
                pos = start.start() + 1
                continue
            yield found
            pos = found.end()

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        return next(self.finditer(text, pos, endpos), None)  # (the leftmost match, as `regex.search` finds)


def scanned(regex: re.Pattern[str]) -> re.Pattern[str] | FirstCharacterScan:
    """`regex` searched by its first characters where it has them (`FirstCharacterScan`), else `regex` itself: for
    a pattern used only with `search` and `finditer`."""
    try:
        return FirstCharacterScan(regex)
    except ValueError:
        return regex
