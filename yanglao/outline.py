"""Cleaned text → measures: the document's numbered outline and task-table rows."""

from __future__ import annotations


def extract_measures(text: str) -> list[dict]:
    return []
