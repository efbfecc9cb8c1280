"""Cleaned text → quantitative targets."""

from __future__ import annotations


def extract_targets(text: str) -> list[dict]:
    return []
