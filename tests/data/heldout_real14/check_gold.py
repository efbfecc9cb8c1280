#!/usr/bin/env python3
"""Check the heldout14 gold: quotes are substrings of their texts (target quotes unique), numbers
parse, enums are valid, ids match the manifest, column orders equal the shared gold (subsidies plus
condition, recipient_type), measure paths are unique with parents present and headings occur in the
text, doc_numbers occur in the text, dates are ISO."""
import csv
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = Path("/work/shared/gold")
errors: list[str] = []


def rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def header(path: Path) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return next(csv.reader(f))


def is_num(v: str) -> bool:
    try:
        float(v)
        return True
    except ValueError:
        return False


manifest = rows(HERE / "manifest.csv")
if header(HERE / "manifest.csv") != ["id", "file", "city", "province", "region_code", "format", "provenance"]:
    errors.append("manifest: wrong columns")
ids = {m["id"] for m in manifest}
texts: dict[str, str] = {}
for m in manifest:
    p = HERE / m["file"]
    if not p.exists():
        errors.append(f"manifest: missing file {m['file']}")
        continue
    if not m["file"].endswith(f"_{m['id']}.txt"):
        errors.append(f"manifest: file name does not carry id {m['id']}")
    texts[m["id"]] = p.read_text(encoding="utf-8")
    if not re.fullmatch(r"\d{6}", m["region_code"]):
        errors.append(f"manifest: bad region_code {m['region_code']}")
    if m["format"] != "text" or "search corpus pages, retrieved 2026-12-04" not in m["provenance"]:
        errors.append(f"manifest: bad format/provenance for {m['id']}")
    if not re.search(r"https?://[^ ]*\.gov\.cn/", m["provenance"]):
        errors.append(f"manifest: provenance URL is not on a gov.cn host for {m['id']}")

for name, extra in (("documents.csv", []), ("targets.csv", []), ("measures.csv", []),
                    ("subsidies.csv", ["condition", "recipient_type"])):
    want = header(SHARED / name) + extra
    got = header(HERE / "gold" / name)
    if got != want:
        errors.append(f"{name}: columns {got} != {want}")

docs = rows(HERE / "gold" / "documents.csv")
DOC_TYPES = {"proposal_reply", "suggestion_reply", "work_plan", "policy_measures", "rules", "notice", "other"}
if sorted(d["document_id"] for d in docs) != sorted(ids):
    errors.append("documents.csv: ids differ from manifest")
for d in docs:
    if d["doc_type"] not in DOC_TYPES:
        errors.append(f"documents: bad doc_type {d['doc_type']}")
    for c in ("published_date", "written_date"):
        if d[c] and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", d[c]):
            errors.append(f"documents: bad {c} {d[c]}")
    t = texts.get(d["document_id"], "")
    for c in ("doc_number", "title"):
        if d[c] and d[c] not in t:
            errors.append(f"documents: {c} {d[c]!r} not in text")

targets = rows(HERE / "gold" / "targets.csv")
COMPS = {"eq", "gte", "lte", "approx", "range"}
for i, r in enumerate(targets, start=2):
    what = f"targets row {i}"
    if r["source_id"] not in ids:
        errors.append(f"{what}: unknown id")
        continue
    t = texts[r["source_id"]]
    if r["comparator"] not in COMPS:
        errors.append(f"{what}: bad comparator")
    if not is_num(r["value"]):
        errors.append(f"{what}: value not a number")
    for c in ("value_max", "deadline_year"):
        if r[c] and not is_num(r[c]):
            errors.append(f"{what}: {c} not a number")
    if (r["comparator"] == "range") != bool(r["value_max"]):
        errors.append(f"{what}: range/value_max mismatch")
    if not r["unit"] or not r["indicator"]:
        errors.append(f"{what}: empty unit or indicator")
    if r["quote"] not in t:
        errors.append(f"{what}: quote not in text: {r['quote']!r}")
    elif t.count(r["quote"]) != 1:
        errors.append(f"{what}: quote not unique")
    elif r["value"] and str(int(float(r["value"])) if float(r["value"]).is_integer() else r["value"]) not in r["quote"]:
        errors.append(f"{what}: value {r['value']} not written in quote")

subs = rows(HERE / "gold" / "subsidies.csv")
KINDS = {"construction", "operation", "reward", "service_purchase", "allowance", "training", "budget_allocation", "other"}
BASES = {"", "facility", "bed", "person", "household", "meal", "project", "total"}
FREQS = {"one_off", "annual", "monthly", "daily", "per_meal", "unspecified"}
RTYPES = {"older_person", "provider", "worker", "government", "other"}
for i, r in enumerate(subs, start=2):
    what = f"subsidies row {i}"
    if r["source_id"] not in ids:
        errors.append(f"{what}: unknown id")
        continue
    t = texts[r["source_id"]]
    if r["kind"] not in KINDS:
        errors.append(f"{what}: bad kind {r['kind']}")
    if r["basis"] not in BASES:
        errors.append(f"{what}: bad basis {r['basis']}")
    if r["frequency"] not in FREQS:
        errors.append(f"{what}: bad frequency {r['frequency']}")
    if r["recipient_type"] not in RTYPES:
        errors.append(f"{what}: bad recipient_type {r['recipient_type']}")
    if not r["recipient"].strip():
        errors.append(f"{what}: empty recipient")
    for c in ("amount_yuan", "rate_percent", "cap_yuan"):
        if r[c] and not is_num(r[c]):
            errors.append(f"{what}: {c} not a number")
    if r["quote"] not in t:
        errors.append(f"{what}: quote not in text: {r['quote']!r}")
    if r["condition"] and r["condition"] not in r["quote"]:
        errors.append(f"{what}: condition not in quote")

meas = rows(HERE / "gold" / "measures.csv")
seen: set = set()
for i, r in enumerate(meas, start=2):
    what = f"measures row {i}"
    if r["source_id"] not in ids:
        errors.append(f"{what}: unknown id")
        continue
    key = (r["source_id"], r["path"])
    if key in seen:
        errors.append(f"{what}: duplicate path")
    seen.add(key)
    if not re.fullmatch(r"\d+(\.\d+)?", r["path"]):
        errors.append(f"{what}: bad path {r['path']}")
    if "." in r["path"] and (r["source_id"], r["path"].rsplit(".", 1)[0]) not in seen:
        errors.append(f"{what}: parent missing")
    if r["heading"] not in texts[r["source_id"]]:
        errors.append(f"{what}: heading not in text")

for e in errors:
    print("ERROR", e)
figures = sum(1 for r in subs if any(r[c].strip() for c in ("amount_yuan", "rate_percent", "cap_yuan")))
print(f"check_gold: {len(manifest)} texts, {len(docs)} documents, {len(targets)} targets, {len(subs)} subsidies "
      f"({figures} with a figure, {len(subs) - figures} amount-less), {len(meas)} measures; {len(errors)} errors")
sys.exit(1 if errors else 0)
