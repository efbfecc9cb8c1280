"""HTML pages → the visible text of the document body, and the metadata the page carries."""

from __future__ import annotations


def html_to_text(html: str) -> str:
    """Visible text of the page's main content (block elements → line breaks, tables → `|` rows)."""
    raise NotImplementedError


def html_metadata(html: str) -> dict:
    """Metadata the page itself carries (meta tags, gkmlpt classify table, window._CONFIG.DETAIL)."""
    raise NotImplementedError
