"""The source registry (`sources.yaml`): which pages the pipeline watches, and what is known of them."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, fields
from datetime import datetime
from pathlib import Path

import yaml

from yanglao.fields import DOC_TYPES, FORMATS

SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
URL_RE = re.compile(r"^(https?|file)://\S+$")


class RegistryError(ValueError):
    """The registry file cannot be used as it is; the message says which entry and why."""


@dataclass(frozen=True)
class Source:
    id: str
    url: str | None
    city: str
    province: str
    region_code: str
    issuer: str | None = None
    doc_type: str | None = None
    format: str | None = None
    title: str | None = None
    published_date: str | None = None
    active: bool = True
    note: str | None = None
    discovered_from: str | None = None  # id of the listing this source was found on (yanglao/discover.py)
    discovered_at: str | None = None  # ISO 8601 UTC time it was found
    refresh_days: int | None = None  # fetch again at most every N days; None: on every run

    @property
    def fetchable(self) -> bool:
        return self.url is not None and self.active


def parse_registry(data: object, origin: str = "sources.yaml") -> list[Source]:
    """Check and read the `sources:` list; every problem is reported with the entry it is in."""
    if not isinstance(data, dict) or not isinstance(data.get("sources"), list):
        raise RegistryError(f"{origin}: expected a top-level key 'sources:' holding a list")
    known = {f.name for f in fields(Source)}
    sources, seen = [], set()
    for position, entry in enumerate(data["sources"], start=1):
        where = f"{origin}: source {position}"
        if not isinstance(entry, dict):
            raise RegistryError(f"{where}: expected a mapping, got {type(entry).__name__}")
        where = f"{origin}: source {entry.get('id', position)!s}"
        unknown = set(entry) - known
        if unknown:
            raise RegistryError(f"{where}: unknown keys {sorted(unknown)}")
        for key in ("id", "city", "province", "region_code"):
            if not entry.get(key):
                raise RegistryError(f"{where}: '{key}' is required")
        entry = {
            k: (_text(v) if k in {"region_code", "published_date", "discovered_at"} and v is not None else v)
            for k, v in entry.items()
        }
        if not SLUG_RE.match(entry["id"]):
            raise RegistryError(f"{where}: id must be a lowercase a-z0-9- slug")
        if entry["id"] in seen:
            raise RegistryError(f"{where}: id is used twice")
        seen.add(entry["id"])
        if entry.get("url") is not None and not URL_RE.match(entry["url"]):
            raise RegistryError(f"{where}: url must start with http://, https:// or file://")
        if not re.fullmatch(r"\d{6}", entry["region_code"]):
            raise RegistryError(f"{where}: region_code must be a 6-digit GB/T 2260 code")
        if entry.get("doc_type") and entry["doc_type"] not in DOC_TYPES:
            raise RegistryError(f"{where}: doc_type must be one of {', '.join(DOC_TYPES)}")
        if entry.get("format") and entry["format"] not in FORMATS:
            raise RegistryError(f"{where}: format must be one of {', '.join(FORMATS)}")
        sources.append(Source(**entry))
    return sources


_parsed: dict[str, object] = {}  # by content hash: a run reads its registry for sources, then for listings


def _read_yaml(path: Path) -> object:
    """The parsed file, parsed once per content (a 10,000-source registry takes ~1.5 s to parse).

    Shared between calls: the readers below only read it.
    """
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise RegistryError(f"{path}: no such registry file") from None
    key = hashlib.sha256(raw).hexdigest()
    if key not in _parsed:
        _parsed.clear()
        _parsed[key] = _parse_yaml(raw.decode("utf-8"), path)
    return _parsed[key]


def _parse_yaml(text: str, path: Path) -> object:
    try:
        # The C loader when PyYAML has it: a registry of 10,000 pages loads in 1.6 s instead of 8 s.
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        raise RegistryError(f"{path}: not valid YAML ({exc})") from None


def _text(value: object) -> str:
    """A scalar YAML may have typed (an int region code, an unquoted date or timestamp) as text."""
    return value.isoformat().replace("+00:00", "Z") if isinstance(value, datetime) else str(value)


def load_registry(path: Path) -> list[Source]:
    """The `sources:` of a registry file (a `listings:` key beside them is allowed and not read here)."""
    data = _read_yaml(path)
    sources = parse_registry(data, str(path))
    base = Path(path).resolve().parent
    # Relative file:// URLs are resolved against the registry's folder, so a registry can travel with its files.
    return [
        Source(**{**s.__dict__, "url": _resolve_file_url(s.url, base)})
        if s.url and s.url.startswith("file://")
        else s
        for s in sources
    ]


def _resolve_file_url(url: str, base: Path) -> str:
    path = url[len("file://") :]
    if not path.startswith("/"):
        return (base / path).resolve().as_uri()
    return url


# ---------------------------------------------------------------------------------------------------------
# Listings: index pages (a column of a government site) watched for new documents (yanglao/discover.py).

#: Keywords a link's title must contain (any one) when a listing gives no `include:`.
DEFAULT_INCLUDE = ("养老", "老年", "老龄", "高龄", "助餐", "适老", "失能", "长期护理")
HTTP_URL_RE = re.compile(r"^https?://[^/\s]+\S*$")


@dataclass(frozen=True)
class Listing:
    id: str
    url: str  # the listing page (or, with `api`, the list's API URL)
    city: str
    province: str
    region_code: str
    issuer: str | None = None
    doc_type: str | None = None
    include: tuple[str, ...] = DEFAULT_INCLUDE  # a link's title must contain one of these
    exclude: tuple[str, ...] = ()  # … and none of these
    max_pages: int = 5  # pages of the listing read per run, the first included
    api: str | None = (
        None  # name of a JSON list shape in yanglao.acquire.listings.API_SHAPES; None: HTML pages
    )
    active: bool = True
    note: str | None = None


def parse_listings(data: object, origin: str = "sources.yaml") -> list[Listing]:
    """Check and read the optional `listings:` list (none → []); every problem is reported with its entry."""
    from yanglao.acquire.listings import (
        API_SHAPES,  # pure parsing module; imported here to name the known shapes
    )

    if not isinstance(data, dict):
        raise RegistryError(f"{origin}: expected a mapping with a top-level key 'listings:' or 'sources:'")
    if data.get("listings") is None:
        return []
    if not isinstance(data["listings"], list):
        raise RegistryError(f"{origin}: 'listings:' must hold a list")
    known = {f.name for f in fields(Listing)}
    listings, seen = [], set()
    for position, entry in enumerate(data["listings"], start=1):
        where = f"{origin}: listing {position}"
        if not isinstance(entry, dict):
            raise RegistryError(f"{where}: expected a mapping, got {type(entry).__name__}")
        where = f"{origin}: listing {entry.get('id', position)!s}"
        unknown = set(entry) - known
        if unknown:
            raise RegistryError(f"{where}: unknown keys {sorted(unknown)}")
        for key in ("id", "url", "city", "province", "region_code"):
            if not entry.get(key):
                raise RegistryError(f"{where}: '{key}' is required")
        entry = {k: (_text(v) if k == "region_code" else v) for k, v in entry.items()}
        if not isinstance(entry["id"], str) or not SLUG_RE.match(entry["id"]):
            raise RegistryError(f"{where}: id must be a lowercase a-z0-9- slug")
        if entry["id"] in seen:
            raise RegistryError(f"{where}: id is used twice")
        seen.add(entry["id"])
        if not isinstance(entry["url"], str) or not HTTP_URL_RE.match(entry["url"]):
            raise RegistryError(f"{where}: url must start with http:// or https://")
        if not re.fullmatch(r"\d{6}", entry["region_code"]):
            raise RegistryError(f"{where}: region_code must be a 6-digit GB/T 2260 code")
        if entry.get("doc_type") and entry["doc_type"] not in DOC_TYPES:
            raise RegistryError(f"{where}: doc_type must be one of {', '.join(DOC_TYPES)}")
        for key in ("include", "exclude"):
            if key in entry:
                words = entry[key]
                if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
                    raise RegistryError(f"{where}: {key} must be a list of non-empty keywords")
                if key == "include" and not words:
                    raise RegistryError(f"{where}: include must name at least one keyword (or be left out)")
                entry[key] = tuple(w.strip() for w in words)
        if "max_pages" in entry:
            pages = entry["max_pages"]
            if isinstance(pages, bool) or not isinstance(pages, int) or pages < 1:
                raise RegistryError(f"{where}: max_pages must be a whole number of at least 1")
        if entry.get("api") is not None and entry["api"] not in API_SHAPES:
            raise RegistryError(f"{where}: api must be one of {', '.join(sorted(API_SHAPES))}")
        if "active" in entry and not isinstance(entry["active"], bool):
            raise RegistryError(f"{where}: active must be true or false")
        listings.append(Listing(**entry))
    return listings


def load_listings(path: Path) -> list[Listing]:
    """The `listings:` of a registry file; a file with listings and no `sources:` is fine, and so is one with
    sources and no listings (→ [])."""
    return parse_listings(_read_yaml(path), str(path))
