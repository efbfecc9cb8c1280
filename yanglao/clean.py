"""Raw page or PDF text → the cleaned document text that every published offset points into."""

from __future__ import annotations


def clean_text(raw: str) -> str:
    raise NotImplementedError
