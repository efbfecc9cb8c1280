"""The source registry (`sources.yaml`): which pages the pipeline watches, and what is known of them."""

from __future__ import annotations

import dataclasses
import hashlib
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, ValidationInfo, field_validator

from yanglao.fields import DOC_TYPES, FORMATS

SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
URL_RE = re.compile(r"^(https?|file)://\S+$")


class RegistryError(ValueError):
    """The registry file cannot be used as it is; the message says which entry and why."""


def flat_fields(record) -> dict:
    """A dataclass of plain values as a dict, field by field: `dataclasses.asdict` without its deep copy, which cost
    ~0.3 ms a record (100,000 sources, statuses and build keys a run)."""
    names = _FIELD_NAMES.get(type(record))
    if names is None:
        names = _FIELD_NAMES[type(record)] = tuple(f.name for f in dataclasses.fields(record))
    return {name: getattr(record, name) for name in names}


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


@dataclass(frozen=True, slots=True)
class Source:
    """A watched page, as the rest of the pipeline sees it (checked by `SourceEntry` first)."""

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
        """Whether a run may fetch it: it has a known address and is still watched."""
        return self.url is not None and self.active


# ---------------------------------------------------------------------------------------------------------
# Checking entries. Each entry of the YAML is validated by a strict pydantic model before any work starts:
# a wrong type (a list where a city belongs, an id that is a number, `active: "no"`, `refresh_days: abc`)
# or a wrong value is one line naming the file, the entry and the field. YAML's own typing is undone only
# where it is harmless: an unquoted region code (420100) or date (2024-05-20) is read as the text it shows.


def _as_text(value: object) -> object:
    """A number or date YAML typed on its own (region_code: 420100, published_date: 2024-05-20) as text."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | date | datetime):
        return _text(value)
    return value


def _choice(value: str | None, allowed: tuple[str, ...] | frozenset[str], name: str) -> str | None:
    if value is not None and value not in allowed:
        raise ValueError(f"{name} must be one of {', '.join(allowed)}")
    return value


class _Entry(BaseModel):
    """What every registry entry shares: strict types (no "no" for false, no 12 for an id), no unknown keys."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    id: str
    city: str
    province: str
    region_code: str
    issuer: str | None = None
    doc_type: str | None = None
    active: bool = True
    note: str | None = None

    @field_validator("region_code", mode="before")
    @classmethod
    def _region_code_as_text(cls, value: object) -> object:
        return _as_text(value)

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not SLUG_RE.match(value):
            raise ValueError("id must be a lowercase a-z0-9- slug")
        return value

    @field_validator("region_code")
    @classmethod
    def _region_code(cls, value: str) -> str:
        if not re.fullmatch(r"\d{6}", value):
            raise ValueError("region_code must be a 6-digit GB/T 2260 code")
        return value

    @field_validator("doc_type")
    @classmethod
    def _doc_type(cls, value: str | None) -> str | None:
        return _choice(value, DOC_TYPES, "doc_type")


class SourceEntry(_Entry):
    """One entry of `sources:` (in sources.yaml or discovered.yaml); `url` null or left out when unknown."""

    url: str | None = None
    format: str | None = None
    title: str | None = None
    published_date: str | None = None
    discovered_from: str | None = None
    discovered_at: str | None = None
    refresh_days: int | None = None

    @field_validator("published_date", "discovered_at", mode="before")
    @classmethod
    def _date_as_text(cls, value: object) -> object:
        return _text(value) if isinstance(value, date | datetime) else value

    @field_validator("url")
    @classmethod
    def _url(cls, value: str | None) -> str | None:
        if value is not None and not URL_RE.match(value):
            raise ValueError("url must start with http://, https:// or file://")
        return value

    @field_validator("format")
    @classmethod
    def _format(cls, value: str | None) -> str | None:
        return _choice(value, FORMATS, "format")

    @field_validator("refresh_days")
    @classmethod
    def _refresh_days(cls, value: int | None) -> int | None:
        if value is not None and value < 1:
            raise ValueError("refresh_days must be a whole number of at least 1")
        return value


REQUIRED_SOURCE_KEYS = ("id", "city", "province", "region_code")


def parse_registry(data: object, origin: str = "sources.yaml") -> list[Source]:
    """Check and read the `sources:` list; every problem is reported with the entry it is in."""
    if not isinstance(data, dict) or not isinstance(data.get("sources"), list):
        raise RegistryError(f"{origin}: expected a top-level key 'sources:' holding a list")
    entries = _check_entries(data["sources"], SourceEntry, REQUIRED_SOURCE_KEYS, f"{origin}: source")
    return [Source(**_shared(entry.model_dump())) for entry in entries]


#: Fields most sources share a value of (a city's name, its code, the issuer, the page type): one string each,
#: not one per source (~300 bytes a source at 100,000).
SHARED_FIELDS = ("city", "province", "region_code", "issuer", "doc_type", "format", "discovered_from")


def source_from_fields(fields: dict) -> Source:
    """A `Source` from its fields as `flat_fields` gave them (already checked when it was first read)."""
    return Source(**_shared(fields))


def _shared(fields: dict) -> dict:
    for name in SHARED_FIELDS:
        if isinstance(fields.get(name), str):
            fields[name] = sys.intern(fields[name])
    return fields


def _check_entries(
    entries: list, model: type[_Entry], required: tuple[str, ...], where: str
) -> Iterator[_Entry]:
    """Each entry validated by `model`, ids unique; the first problem (in field order) raised as one line.

    One at a time: a caller that keeps only what it builds from each holds no validated model beyond it."""
    seen = set()
    for position, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            raise RegistryError(f"{where} {position}: expected a mapping, got {type(entry).__name__}")
        name = f"{where} {entry.get('id', position)!s}"
        _check_keys(entry, model, required, name)
        try:
            item = model.model_validate(entry)
        except ValidationError as exc:
            raise RegistryError(f"{name}: {_problem(exc.errors()[0])}") from None  # the first, as one line
        if item.id in seen:
            raise RegistryError(f"{name}: id is used twice")
        seen.add(item.id)
        yield item


def _check_keys(entry: dict, model: type[_Entry], required: tuple[str, ...], name: str) -> None:
    """Unknown keys (a typo would otherwise be ignored) and missing or empty required ones."""
    unknown = set(entry) - set(model.model_fields)
    if unknown:
        raise RegistryError(f"{name}: unknown keys {sorted(unknown)}")
    for key in required:
        if entry.get(key) in (None, ""):
            raise RegistryError(f"{name}: '{key}' is required")


#: What a field of each strict type must be, in words, for the error message.
_EXPECTED = {
    "string_type": "text",
    "bool_type": "true or false",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "list_type": "a list",
    "tuple_type": "a list",
}


def _problem(error: dict) -> str:
    """One pydantic error as `field: what is wrong`, with the offending value when it is a wrong type."""
    field = ".".join(str(part) for part in error["loc"]) or "entry"
    if error["type"] == "value_error":
        return str(error["ctx"]["error"])
    if error["type"] in _EXPECTED:
        value = error.get("input")
        shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "..."
        return f"{field} must be {_EXPECTED[error['type']]}, got {type(value).__name__} {shown}"
    return f"{field}: {error['msg']}"


# By content hash, the last two files read: a run reads its registry for sources, the discovered sources,
# then the registry again for listings (`forget_parsed` lets them go once the run has what it needs).
_parsed: dict[str, object] = {}
PARSED_KEPT = 2


def forget_parsed() -> None:
    """Drop the parsed files (~0.7 KB per source): the run keeps the sources and listings built from them."""
    _parsed.clear()


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
        while len(_parsed) >= PARSED_KEPT:
            del _parsed[next(iter(_parsed))]
        _parsed[key] = _parse_yaml(raw.decode("utf-8"), path)
    return _parsed[key]


class _ItemLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader), yaml.composer.Composer):
    """The C loader when PyYAML has it (a registry of 10,000 pages loads in 1.6 s instead of 8 s), with the
    Python composer's per-node steps, which the C parser keeps to itself."""


class _WholeDocument(Exception):
    """The top level uses what only a whole-document load reads right (an anchor, a tag, a merge key)."""


def _parse_yaml(text: str, path: Path) -> object:
    loader = _ItemLoader(text)
    try:
        try:
            return load_item_by_item(loader)
        except _WholeDocument:
            return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        raise RegistryError(f"{path}: not valid YAML ({exc})") from None
    except (TypeError, ValueError) as exc:  # an unhashable key, an impossible date (2024-02-30)
        raise RegistryError(f"{path}: not valid YAML ({type(exc).__name__}: {exc})") from None
    finally:
        loader.dispose()


def load_item_by_item(loader: _ItemLoader) -> object:
    """What `yaml.load` gives, with each item of a top-level list composed and constructed on its own.

    Why: PyYAML composes the node graph of the whole document before building any value, ~8 KB per
    registry entry (every scalar a node with two marks): 800 MB of peak memory for 100,000 sources,
    never given back to the system. Item by item, only one entry's nodes exist at a time. A top level that
    carries an anchor, a tag or a merge key raises `_WholeDocument`: the caller loads the whole document.
    """
    loader.anchors = {}  # the Composer's, which the C parser does not set up
    loader.get_event()  # stream start
    if loader.check_event(yaml.StreamEndEvent):
        return None
    loader.get_event()  # document start
    if loader.check_event(yaml.MappingStartEvent):
        _plain(loader.peek_event())
        data = _mapping_item_by_item(loader)
    else:
        data = _construct_next(loader)
    loader.get_event()  # document end
    if not loader.check_event(yaml.StreamEndEvent):
        event = loader.get_event()
        raise yaml.composer.ComposerError(
            "expected a single document in the stream", None, "but found another document", event.start_mark
        )
    return data


def _mapping_item_by_item(loader: _ItemLoader) -> dict:
    loader.get_event()  # mapping start
    data: dict = {}
    while not loader.check_event(yaml.MappingEndEvent):
        event = loader.peek_event()
        if isinstance(event, yaml.ScalarEvent) and event.value == "<<":
            raise _WholeDocument
        key = _construct_next(loader)
        if loader.check_event(yaml.SequenceStartEvent):
            _plain(loader.get_event())
            items = []
            while not loader.check_event(yaml.SequenceEndEvent):
                items.append(_construct_next(loader))
            loader.get_event()
            data[key] = items
        else:
            data[key] = _construct_next(loader)
    loader.get_event()  # mapping end
    return data


def _plain(event: yaml.Event) -> None:
    if getattr(event, "anchor", None) is not None or getattr(event, "tag", None) is not None:
        raise _WholeDocument


def _construct_next(loader: _ItemLoader) -> object:
    """The value of the next node in the event stream, its nodes dropped once it is built."""
    node = loader.compose_node(None, None)
    return loader.construct_document(node)


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
        replace(s, url=_resolve_file_url(s.url, base)) if s.url and s.url.startswith("file://") else s
        for s in sources
    ]


def _resolve_file_url(url: str, base: Path) -> str:
    """A relative file:// URL made absolute against the registry's folder; any other URL as it is."""
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
    """A column page watched for links to new documents (checked by `ListingEntry` first)."""

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


class ListingEntry(_Entry):
    """One entry of `listings:`: an http(s) page (or list API) and the keywords a link's title must carry."""

    url: str
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    max_pages: int = 5
    api: str | None = None

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        if not HTTP_URL_RE.match(value):
            raise ValueError("url must start with http:// or https://")
        return value

    @field_validator("include", "exclude", mode="before")
    @classmethod
    def _keywords(cls, value: object, info: ValidationInfo) -> tuple[str, ...]:
        if not isinstance(value, list | tuple) or not all(isinstance(w, str) and w.strip() for w in value):
            raise ValueError(f"{info.field_name} must be a list of non-empty keywords")
        if info.field_name == "include" and not value:
            raise ValueError("include must name at least one keyword (or be left out)")
        return tuple(w.strip() for w in value)

    @field_validator("max_pages", mode="before")
    @classmethod
    def _max_pages(cls, value: object) -> object:
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValueError("max_pages must be a whole number of at least 1")
        return value

    @field_validator("api")
    @classmethod
    def _api(cls, value: str | None) -> str | None:
        from yanglao.acquire.listings import API_SHAPES  # pure parsing module; names the known shapes

        return _choice(value, tuple(sorted(API_SHAPES)), "api")


REQUIRED_LISTING_KEYS = ("id", "url", "city", "province", "region_code")


def parse_listings(data: object, origin: str = "sources.yaml") -> list[Listing]:
    """Check and read the optional `listings:` list (none → []); every problem is reported with its entry."""
    if not isinstance(data, dict):
        raise RegistryError(f"{origin}: expected a mapping with a top-level key 'listings:' or 'sources:'")
    if data.get("listings") is None:
        return []
    if not isinstance(data["listings"], list):
        raise RegistryError(f"{origin}: 'listings:' must hold a list")
    entries = _check_entries(data["listings"], ListingEntry, REQUIRED_LISTING_KEYS, f"{origin}: listing")
    return [Listing(**entry.model_dump()) for entry in entries]


def has_listings(path: Path) -> bool:
    """Whether a registry file names listings to read (without checking them)."""
    data = _read_yaml(path)
    return isinstance(data, dict) and bool(data.get("listings"))


def load_listings(path: Path) -> list[Listing]:
    """The `listings:` of a registry file; a file with listings and no `sources:` is fine, and so is one with
    sources and no listings (→ [])."""
    return parse_listings(_read_yaml(path), str(path))
