"""Snapshot → document row: decode, take the main content, read the metadata, clean the text.

Pure: it gets the bytes and their record, and returns the `documents` row.
"""

from __future__ import annotations

import hashlib

from yanglao.acquire.archive import SnapshotRecord
from yanglao.acquire.registry import Source
from yanglao.parse import clean, metadata, pages

# Registry values are curated by a person and win over what is read from the page;
# the page fills in whatever the registry leaves out.
CURATED_FIELDS = ("title", "issuer", "doc_type", "published_date")


def detect_format(source: Source, record: SnapshotRecord, body: bytes) -> str:
    """html, pdf or text: the registry's word first, then the content type and the first bytes."""
    if source.format:
        return source.format
    content_type = (record.content_type or "").lower()
    if "pdf" in content_type or body[:5] == b"%PDF-":
        return "pdf"
    if "html" in content_type or b"<html" in body[:2048].lower():
        return "html"
    return "text"


def build_document(source: Source, record: SnapshotRecord, body: bytes) -> dict:
    """The `documents` row of a snapshot: decoded, main content, cleaned text and metadata."""
    fmt = detect_format(source, record, body)
    page_fields: dict = {}
    if fmt == "pdf":
        raw = pages.pdf_to_text(body)
    else:
        decoded, _encoding = pages.decode_body(body, record.content_type)
        if fmt == "html":
            page_fields, raw = pages.read_html(decoded)
        else:
            raw = decoded
    # A page in traditional characters (a site's 繁體 version of a text issued in simplified ones, a repost)
    # is read, searched and published in simplified characters, as DATA_CONTRACT.md has all text.
    printed, raw = raw, clean.simplified(raw)
    if raw != printed and page_fields:
        page_fields = {
            k: clean.simplified(v, traditional=True) if isinstance(v, str) else v
            for k, v in page_fields.items()
        }
    text = clean.clean_text(raw)
    found = metadata.extract_metadata(raw, page_fields, cleaned=text)
    # a page that prints no date is dated by its address (`/art/2024/6/14/…`), when the address has one
    found["published_date"] = found.get("published_date") or metadata.url_date(record.url)
    # what the page itself says, before the registry's curated values: the quality report scores it
    page_metadata = {k: found.get(k) for k in ("title", "doc_number", "issuer", "published_date", "doc_type")}
    for name in CURATED_FIELDS:
        if getattr(source, name, None):
            found[name] = getattr(source, name)
    return {
        "document_id": source.id,
        "title": found.get("title") or source.id,
        "doc_number": found.get("doc_number"),
        "index_number": found.get("index_number"),
        "issuer": found.get("issuer"),
        "doc_type": found.get("doc_type") or "other",
        "city": source.city,
        "province": source.province,
        "region_code": source.region_code,
        "published_date": found.get("published_date"),
        "written_date": found.get("written_date"),
        "topic": found.get("topic"),
        "validity": found.get("validity"),
        "source_url": record.url,
        "retrieved_at": record.retrieved_at,
        "content_sha256": hashlib.sha256(body).hexdigest(),
        "char_count": len(text),
        "text": text,
        "page_metadata": page_metadata,
    }


def source_row(source: Source) -> dict:
    """A registry entry as a row of the `sources` table."""
    return {
        "source_id": source.id,
        "url": source.url,
        "city": source.city,
        "province": source.province,
        "region_code": source.region_code,
        "issuer": source.issuer,
        "doc_type": source.doc_type,
        "format": source.format,
        "active": source.active,
        "note": source.note,
    }
