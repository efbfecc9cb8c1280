"""Escaping of untrusted text (a page's title, a server's reason phrase, a redirect's Location, a cell) for
Markdown that a renderer may turn into HTML: nothing in a value may become markup."""

from __future__ import annotations

import html
import re

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")


def markdown_text(value: object) -> str:
    """A value as plain inline Markdown text: HTML escaped, Markdown punctuation backslash-escaped, one line.

    >>> markdown_text("<script>x</script> [a](javascript:b)")
    '&lt;script&gt;x&lt;/script&gt; \\\\[a\\\\]\\\\(javascript:b\\\\)'
    """
    text = " ".join(str(value).split())
    return _MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(text, quote=True))


def markdown_code(value: object) -> str:
    """A value as one Markdown code span, whatever backticks it holds (CommonMark: a fence longer than any run
    of backticks inside, padded with spaces), on one line; `|` escaped for table cells."""
    text = " ".join(str(value).split())
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or longest else ""
    return f"{fence}{pad}{text.replace('|', chr(92) + '|')}{pad}{fence}"
