"""`str.translate` for texts in which few characters change, and counting the characters of a class (issue 16).

`str.translate` looks every character of a Chinese text up in its table, about 0.3 ms for a
3,500-character document, though a cleaned document holds some tens of characters to map. A search
for those characters runs at the regex engine's speed, and only the runs it finds are translated.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator


class SparseTranslation:
    """A translation table and a search for the characters it maps; calling it is `text.translate(table)`."""

    def __init__(self, mapping: dict):
        self.table = str.maketrans(mapping)
        mapped = sorted(chr(code) for code in self.table)
        cls = "[" + "".join(re.escape(c) for c in mapped) + "]"
        # (`[…][…]*`, not `[…]+`: opening with a class, the search jumps from one mapped character to the next)
        self.regex = re.compile(cls + cls + "*") if mapped else None

    def __call__(self, text: str) -> str:
        if self.regex is None:
            return text  # an empty table maps nothing
        table = self.table
        return self.regex.sub(lambda m: m.group().translate(table), text)


def count_chars(runs: re.Pattern, text: str) -> int:
    """How many characters of `text` the character class of `runs` (`[…]+`) matches: a run at a time, not a
    list of one-character strings (`len(re.findall("[…]", text))`, four times slower on Chinese text)."""
    return sum(map(len, runs.findall(text)))


def has_chars(runs: re.Pattern, text: str, at_least: int) -> bool:
    """`count_chars(runs, text) >= at_least`, reading only as many runs as it takes (a page's content element
    is asked for 20 Chinese characters, and holds thousands)."""
    if at_least <= 0:
        return True
    total = 0
    for run in runs.finditer(text):
        total += run.end() - run.start()
        if total >= at_least:
            return True
    return False


def has_matches(regex: re.Pattern, text: str, at_least: int) -> bool:
    """`len(regex.findall(text)) >= at_least`, stopping at the `at_least`-th match (a layout table holds a whole
    page, and is asked for two labels)."""
    if at_least <= 0:
        return True
    return any(count >= at_least for count, _match in enumerate(regex.finditer(text), start=1))


class PositionMap:
    """Where each character of a text made of pieces of another (blanks dropped) stood in that other text.

    `positions[i]` as a list of every character's index would give it, from one entry per piece: a list of ints
    is a new object per character past 256, ~40 µs for a 3,500-character document, and most of it is never read
    (only the ends of quotes are)."""

    __slots__ = ("_starts", "_origins", "_length")

    def __init__(self) -> None:
        self._starts: list[int] = []  # where each piece starts in the new text
        self._origins: list[int] = []  # where it starts in the other
        self._length = 0

    def add(self, origin: int, length: int) -> None:
        """The next `length` characters come from the other text's `origin` onwards."""
        if length > 0:
            self._starts.append(self._length)
            self._origins.append(origin)
            self._length += length

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, i: int) -> int:
        if not isinstance(i, int):
            raise TypeError("a PositionMap is read one index at a time")
        if i < 0:
            i += self._length
        if not 0 <= i < self._length:
            raise IndexError(i)
        k = bisect.bisect_right(self._starts, i) - 1
        return self._origins[k] + i - self._starts[k]

    def __iter__(self) -> Iterator[int]:
        ends = [*self._starts[1:], self._length] if self._starts else []
        for start, end, origin in zip(self._starts, ends, self._origins, strict=True):
            yield from range(origin, origin + end - start)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PositionMap | list):  # (as a list: equal to a list, not to a tuple)
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]
