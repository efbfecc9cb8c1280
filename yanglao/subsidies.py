"""Cleaned text → subsidy provisions (amounts, rates, caps, and promises without an amount)."""

from __future__ import annotations


def extract_subsidies(text: str) -> list[dict]:
    return []
