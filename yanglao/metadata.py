"""Document metadata: title, 文号, 索引号, issuer, dates, 主题分类, 有效性, doc_type."""

from __future__ import annotations


def extract_metadata(raw_text: str, page_fields: dict | None = None) -> dict:
    raise NotImplementedError
