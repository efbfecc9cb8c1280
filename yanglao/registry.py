"""The source registry (`sources.yaml`): which pages the pipeline watches, and what is known of them."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
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
        entry = {k: (str(v) if k in {"region_code", "published_date"} and v is not None else v) for k, v in entry.items()}
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


def load_registry(path: Path) -> list[Source]:
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise RegistryError(f"{path}: no such registry file") from None
    except yaml.YAMLError as exc:
        raise RegistryError(f"{path}: not valid YAML ({exc})") from None
    sources = parse_registry(data, str(path))
    base = Path(path).resolve().parent
    # Relative file:// URLs are resolved against the registry's folder, so a registry can travel with its files.
    return [
        Source(**{**s.__dict__, "url": _resolve_file_url(s.url, base)}) if s.url and s.url.startswith("file://") else s
        for s in sources
    ]


def _resolve_file_url(url: str, base: Path) -> str:
    path = url[len("file://") :]
    if not path.startswith("/"):
        return (base / path).resolve().as_uri()
    return url
