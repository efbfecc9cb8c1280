"""The indicator vocabulary (`indicators.yaml`), kept as data that several stages read.

The extractor maps each target's indicator wording to a code of the vocabulary, so that targets of
different places can be compared; the publish stage writes the vocabulary itself as the
`indicators` and `national_targets` tables. Neither owns it: a domain expert edits the YAML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

INDICATORS_FILE = Path(__file__).with_name("indicators.yaml")
CODE_RE = re.compile(r"^[a-z0-9_]+$")
GAP = "…"
# Units that count the same kind of thing: a target in 名 can be held against an indicator in 人.
UNIT_CLASSES = (
    frozenset({"人", "名", "人次", "位"}),
    frozenset({"个", "家", "所", "处", "座", "间"}),
)
PUNCTUATION = re.compile(r"[\s\u3000、，,。.;；:：“”\"'《》〈〉【】\[\]!！?？\-—_/|]+")


class VocabularyError(ValueError):
    """The vocabulary file is not usable as it is; the message names the entry and the field."""


@dataclass(frozen=True)
class Indicator:
    """One entry of the vocabulary, with its synonyms compiled to patterns."""

    code: str
    name_zh: str
    name_en: str
    unit: str
    description_zh: str
    description_en: str
    synonyms: tuple[str, ...]
    not_words: tuple[str, ...]
    examples: tuple[tuple[str, str], ...]

    def row(self) -> dict:
        """The entry as a row of the published `indicators` table."""
        return {
            "indicator_code": self.code,
            "name_zh": self.name_zh,
            "name_en": self.name_en,
            "unit": self.unit,
            "description_zh": self.description_zh,
            "description_en": self.description_en,
            "synonyms": ";".join(self.synonyms),
        }


def _synonym_pattern(synonym: str) -> re.Pattern:
    parts = [re.escape(PUNCTUATION.sub("", p)) for p in synonym.split(GAP)]
    return re.compile(".*?".join(parts))


def _indicator(entry: dict, position: int) -> Indicator:
    where = f"{INDICATORS_FILE.name}: indicator {entry.get('code', position)}"
    for key in ("code", "name_zh", "name_en", "unit", "synonyms"):
        if not entry.get(key):
            raise VocabularyError(f"{where}: '{key}' is required")
    if not CODE_RE.match(str(entry["code"])):
        raise VocabularyError(f"{where}: code must be a lowercase a-z0-9_ slug")
    if not isinstance(entry["synonyms"], list) or not all(isinstance(s, str) for s in entry["synonyms"]):
        raise VocabularyError(f"{where}: synonyms must be a list of strings")
    return Indicator(
        code=entry["code"],
        name_zh=entry["name_zh"],
        name_en=entry["name_en"],
        unit=str(entry["unit"]),
        description_zh=entry.get("description_zh") or "",
        description_en=entry.get("description_en") or "",
        synonyms=tuple(entry["synonyms"]),
        not_words=tuple(entry.get("not") or ()),
        examples=tuple((str(a), str(b)) for a, b in entry.get("examples") or ()),
    )


@cache
def load_vocabulary() -> tuple[tuple[Indicator, ...], tuple[dict, ...]]:
    """The indicators and national targets of `indicators.yaml`, checked."""
    data = yaml.safe_load(INDICATORS_FILE.read_text(encoding="utf-8"))
    indicators = tuple(_indicator(e, i) for i, e in enumerate(data.get("indicators") or [], start=1))
    codes = [i.code for i in indicators]
    if len(codes) != len(set(codes)):
        raise VocabularyError(f"{INDICATORS_FILE.name}: an indicator code is used twice")
    national = []
    for entry in data.get("national_targets") or []:
        if entry.get("indicator_code") not in codes:
            raise VocabularyError(f"{INDICATORS_FILE.name}: national target for unknown code {entry!r}")
        if not entry.get("source"):
            raise VocabularyError(f"{INDICATORS_FILE.name}: national target without a source: {entry!r}")
        row = {k: entry.get(k) for k in NATIONAL_COLUMNS}
        row["national_target_id"] = f"{row['indicator_code']}:{row['plan']}"
        if any(n["national_target_id"] == row["national_target_id"] for n in national):
            raise VocabularyError(
                f"{INDICATORS_FILE.name}: two national targets for {row['national_target_id']}"
            )
        national.append(row)
    return indicators, tuple(national)


NATIONAL_COLUMNS = ("indicator_code", "plan", "deadline_year", "comparator", "value", "source")


@cache
def _patterns() -> tuple[tuple[Indicator, re.Pattern, int], ...]:
    indicators, _ = load_vocabulary()
    found = []
    for indicator in indicators:
        for synonym in indicator.synonyms:
            weight = len(PUNCTUATION.sub("", synonym.replace(GAP, "")))
            found.append((indicator, _synonym_pattern(synonym), weight))
    return tuple(found)


@cache
def _patterns_in_unit(unit: str | None) -> tuple[tuple[Indicator, re.Pattern, int], ...]:
    """The synonym patterns of the indicators a target in `unit` can count (a handful of units: cached)."""
    return tuple(found for found in _patterns() if units_agree(unit, found[0].unit))


def units_agree(target_unit: str | None, indicator_unit: str) -> bool:
    """Whether a target in `target_unit` can be counted in an indicator measured in `indicator_unit`."""
    if not target_unit:
        return False
    if target_unit == indicator_unit:
        return True
    return any(target_unit in c and indicator_unit in c for c in UNIT_CLASSES)


def indicator_code(indicator: str | None, unit: str | None) -> str | None:
    """The vocabulary code whose longest synonym the wording holds, in an agreeing unit; None if none fits."""
    if not indicator:
        return None
    text = PUNCTUATION.sub("", indicator)
    best: tuple[int, str] | None = None
    for entry, pattern, weight in _patterns_in_unit(unit):
        # (the synonym first: most do not match, and a search of a short wording costs less than the loop)
        if (
            (best is None or weight > best[0])
            and pattern.search(text)
            and not any(w in text for w in entry.not_words)
        ):
            best = (weight, entry.code)
    return best[1] if best else None


def vocabulary_tables() -> dict[str, list[dict]]:
    """The `indicators` and `national_targets` tables of a release."""
    indicators, national = load_vocabulary()
    return {"indicators": [i.row() for i in indicators], "national_targets": [dict(n) for n in national]}
