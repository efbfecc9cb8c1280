"""Read some members of a large JSON object file without decoding all of it.

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
from pathlib import Path

_GAP = re.compile(r"[\s,]*")
_COLON = re.compile(r"\s*:\s*")
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

    def skip(self, pattern: re.Pattern[str]) -> None:
        while True:
            m = pattern.match(self.text, self.pos)
            if m and (m.end() < len(self.text) or self.eof):
                self.pos = m.end()
                return
            if m is None and (self.text[self.pos :].strip() or self.eof):
                raise ValueError(f"expected {pattern.pattern!r} at {self.text[self.pos : self.pos + 20]!r}")
            self.more()

    def decode(self):
        """The JSON value at the window's start. A value is complete only when something follows it:
        `12` at the end of the window may be the start of `1234`."""
        while True:
            try:
                value, end = _DECODER.raw_decode(self.text, self.pos)
            except json.JSONDecodeError:
                if self.eof:
                    raise
                self.more()
                continue
            if end < len(self.text) or self.eof:
                self.pos = end
                return value
            self.more()


def read_members(path: Path, names: set[str] | frozenset[str], chunk: int = CHUNK) -> dict:
    """The members `names` of the JSON object in `path` (those it has). Raises OSError or ValueError
    like `json.loads(path.read_text())`.

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
        window.skip(re.compile(r"\s*"))
        if window.text[window.pos : window.pos + 1] != "{":
            raise ValueError(f"{path}: not a JSON object")
        window.pos += 1
        while len(found) < len(names):
            window.skip(_GAP)
            if window.text[window.pos : window.pos + 1] == "}":
                break
            if window.pos == len(window.text):
                raise ValueError(f"{path}: the JSON object ends before its closing brace")
            key = window.decode()
            window.skip(_COLON)
            value = window.decode()
            if key in names:
                found[key] = value
            window.text, window.pos = window.text[window.pos :], 0  # what was decoded is dropped
    return found
