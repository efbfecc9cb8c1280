"""Read some members of a large JSON object file without decoding all of it (and write one a piece at a time).

A release's `release.json` at 100,000 documents is ~43 MB: its small members (version, row counts,
hashes) come first, then every document's snapshot, then every source. `json.loads` of the whole
file held ~180 MB (the text as one string, then every object) wherever a run needed only its counts.
`read_members` decodes the object's members one at a time from a growing window of the file and
stops when it has the ones asked for: the members before them are decoded and dropped, those after
them are never read.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

_SPACE = re.compile(r"\s*")
_NUMBER_TAIL = re.compile(r"[0-9eE+\-.]*\s*")
_DECODER = json.JSONDecoder()
CHUNK = 1 << 20


class _Window:
    """The unread rest of a text file, read in chunks as the decoding needs more."""

    def __init__(self, f, chunk: int) -> None:
        self.f, self.chunk, self.text, self.pos, self.eof = f, chunk, "", 0, False

    def more(self) -> None:
        if self.eof:
            raise ValueError("the JSON object ends before its closing brace")
        piece = self.f.read(self.chunk)
        self.chunk *= 2  # a long member is decoded again from its start: doubling keeps that linear
        self.eof = not piece
        self.text, self.pos = self.text[self.pos :] + piece, 0

    def drop_decoded(self, chunk: int) -> None:
        """Forget the text decoded so far, and read in chunks of `chunk` again (`more` doubles them)."""
        self.text, self.pos, self.chunk = self.text[self.pos :], 0, chunk

    def next_char(self) -> str:
        """The next character that is not white space ('' at the end of the file), not consumed."""
        while True:
            self.pos = _SPACE.match(self.text, self.pos).end()
            if self.pos < len(self.text) or self.eof:
                return self.text[self.pos : self.pos + 1]
            self.more()

    def expect(self, char: str) -> None:
        if self.next_char() != char:
            raise ValueError(f"expected {char!r} at {self.text[self.pos : self.pos + 20]!r}")
        self.pos += 1

    def decode(self, followers: str):
        """The JSON value at the window's start. It is complete only when one of `followers` comes next:
        `12` or `1.` at the end of the window may be the start of `1234` or `1.5`."""
        self.next_char()  # raw_decode does not pass over white space before the value
        while True:
            try:
                value, end = _DECODER.raw_decode(self.text, self.pos)
            except json.JSONDecodeError:
                if self.eof:
                    raise
                self.more()
                continue
            after = _SPACE.match(self.text, end).end()
            if after < len(self.text) and self.text[after] in followers:
                self.pos = end
                return value
            if self.eof or not _NUMBER_TAIL.fullmatch(self.text, end):
                raise ValueError(
                    f"expected one of {followers!r} after a value at {self.text[end : end + 20]!r}"
                )
            self.more()  # the window may end inside the value (`12e` of `12e3`, `1.` of `1.5`)


def read_members(path: Path, names: set[str] | frozenset[str], chunk: int = CHUNK) -> dict:
    """The members `names` of the JSON object in `path` (those it has; the first of a repeated name).
    Raises OSError, or ValueError where the object is not well formed up to the last member read: what
    comes after it is not read, so not checked.

    >>> import tempfile, os
    >>> with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
    ...     _ = f.write('{"version": "2026.12.04", "row_counts": {"documents": 1234}, "sources": [1, 2]}')
    >>> read_members(Path(f.name), {"version", "row_counts"}, chunk=8)
    {'version': '2026.12.04', 'row_counts': {'documents': 1234}}
    >>> os.unlink(f.name)
    """
    found: dict = {}
    with open(path, encoding="utf-8") as f:
        window = _Window(f, chunk)
        window.expect("{")
        if window.next_char() == "}":
            return found
        while len(found) < len(names):
            key = window.decode(":")
            if not isinstance(key, str):
                raise ValueError(f"{path}: a member's name is not a string")
            window.expect(":")
            value = window.decode(",}")
            if key in names:
                found.setdefault(key, value)
            if window.next_char() == "}":
                break
            window.expect(",")
            window.text, window.pos = window.text[window.pos :], 0  # what was decoded is dropped
    return found


def iter_member_items(path: Path, name: str, chunk: int = CHUNK) -> Iterator[tuple[str, object]]:
    """The (name, value) pairs of the object that is the member `name` of the JSON object in `path`, decoded one
    at a time, in the file's order; nothing when there is no such member or it is null. The members before it are passed over
    a pair at a time too. For a member that is large as objects (the quality report's page metadata: ~73 MB
    at 100,000 documents) but needed one entry at a time.

    >>> import tempfile, os
    >>> with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
    ...     _ = f.write('{"counts": {"a": {"n": 1}}, "pages": {"a": {"title": "x"}, "b": null}, "after": 1}')
    >>> list(iter_member_items(Path(f.name), "pages", chunk=4))
    [('a', {'title': 'x'}), ('b', None)]
    >>> os.unlink(f.name)
    """
    with open(path, encoding="utf-8") as f:
        window = _Window(f, chunk)
        window.expect("{")
        if window.next_char() == "}":
            return
        while True:
            key = window.decode(":")
            if not isinstance(key, str):
                raise ValueError(f"{path}: a member's name is not a string")
            window.expect(":")
            if window.next_char() == "{":
                pairs = _object_items(window, chunk)
                if key == name:
                    yield from pairs
                    return
                for _ in pairs:  # passed over a pair at a time
                    pass
            elif key == name:
                if window.decode(",}") is None:  # null: as no member
                    return
                raise ValueError(f"{path}: the member {name!r} is not an object")
            else:
                window.decode(",}")
            if window.next_char() == "}":
                return
            window.expect(",")
            window.drop_decoded(chunk)


def _object_items(window: _Window, chunk: int) -> Iterator[tuple[str, object]]:
    """The pairs of the object at the window's start, one at a time; the window is left after its `}`."""
    window.expect("{")
    if window.next_char() == "}":
        window.pos += 1
        return
    while True:
        key = window.decode(":")
        window.expect(":")
        value = window.decode(",}")
        yield key, value
        if window.next_char() == "}":
            window.pos += 1
            return
        window.expect(",")
        if window.pos >= chunk:
            window.drop_decoded(chunk)


def write_nested(f, value, encoder: json.JSONEncoder, depth: int) -> None:
    """`value` written to `f` as `encoder` (with an indent) writes it `depth` levels deep in a larger document,
    a piece at a time: each of its lines indented `depth` levels more (a JSON string holds no raw newline:
    every newline the encoder writes is indentation)."""
    newline = "\n" + " " * (encoder.indent * depth)  # type: ignore[operator]
    for piece in encoder.iterencode(value):
        f.write(piece.replace("\n", newline))
