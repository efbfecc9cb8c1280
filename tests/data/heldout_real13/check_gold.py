#!/usr/bin/env python3
"""Check the heldout13 gold: quotes are substrings of their texts, numbers parse, enums are valid,
ids match the manifest, target quotes are unique, measure paths are unique with parents present and
headings occur in the text, column orders equal the shared gold (plus condition, recipient_type)."""
import csv
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = Path("/work/shared/gold")
errors: list[str] = []


def rows(path: Path) -> tuple[list[str], list[dict]]:
    with path.open(encoding="utf-8", newline="") as f:
        r = csv.DictReader(f)
        return list(r.fieldnames or []), list(r)


def header(path: Path) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return next(csv.reader(f))


def num(v: str, what: str) -> None:
    if v.strip() == "":
        return
    try:
        float(v)
    except ValueError:
        errors.append(f"{what}: not a number {v!r}")


_, manifest = rows(HERE / "manifest.csv")
ids = {m["id"] for m in manifest}
texts = {}
for m in manifest:
    p = HERE / m["file"]
    if not p.exists():
        errors.append(f"manifest: missing file {m['file']}")
        continue
    texts[m["id"]] = p.read_text(encoding="utf-8")
    if not (len(m["region_code"]) == 6 and m["region_code"].isdigit()):
        errors.append(f"manifest: bad region_code {m['region_code']}")
    if m["format"] != "text" or "search corpus pages, retrieved 2026-12-04" not in m["provenance"]:
        errors.append(f"manifest: bad format/provenance for {m['id']}")

# column orders
for name, extra in (("documents.csv", []), ("targets.csv", []), ("measures.csv", []),
                    ("subsidies.csv", ["condition", "recipient_type"])):
    want = header(SHARED / name) + extra
    got = header(HERE / "gold" / name)
    if got != want:
        errors.append(f"{name}: columns {got} != {want}")

_, docs = rows(HERE / "gold" / "documents.csv")
DOC_TYPES = {"proposal_reply", "suggestion_reply", "work_plan", "policy_measures", "rules", "notice", "other"}
if {d["document_id"] for d in docs} != ids:
    errors.append("documents.csv: ids differ from manifest")
for d in docs:
    if d["doc_type"] not in DOC_TYPES:
        errors.append(f"documents: bad doc_type {d['doc_type']}")
    for c in ("published_date", "written_date"):
        v = d[c]
        if v and not (len(v) == 10 and v[4] == "-" and v[7] == "-" and v.replace("-", "").isdigit()):
            errors.append(f"documents: bad {c} {v}")
    t = texts.get(d["document_id"], "")
    for c in ("doc_number",):
        if d[c] and d[c] not in t:
            errors.append(f"documents: {c} {d[c]!r} not in text")

_, targets = rows(HERE / "gold" / "targets.csv")
COMPS = {"eq", "gte", "lte", "approx", "range"}
for i, r in enumerate(targets):
    what = f"targets row {i + 2}"
    if r["source_id"] not in ids:
        errors.append(f"{what}: unknown id")
        continue
    t = texts[r["source_id"]]
    if r["comparator"] not in COMPS:
        errors.append(f"{what}: bad comparator")
    num(r["value"], what), num(r["value_max"], what), num(r["deadline_year"], what)
    if r["value"].strip() == "":
        errors.append(f"{what}: empty value")
    if r["comparator"] == "range" and not r["value_max"]:
        errors.append(f"{what}: range without value_max")
    if r["quote"] not in t:
        errors.append(f"{what}: quote not in text: {r['quote']!r}")
    elif t.count(r["quote"]) != 1:
        errors.append(f"{what}: quote not unique")

_, subs = rows(HERE / "gold" / "subsidies.csv")
KINDS = {"construction", "operation", "reward", "service_purchase", "allowance", "training", "budget_allocation", "other"}
BASES = {"", "facility", "bed", "person", "household", "meal", "project", "total"}
FREQS = {"one_off", "annual", "monthly", "daily", "per_meal", "unspecified"}
RTYPES = {"older_person", "provider", "worker", "government", "other"}
for i, r in enumerate(subs):
    what = f"subsidies row {i + 2}"
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
        num(r[c], f"{what} {c}")
    if r["quote"] not in t:
        errors.append(f"{what}: quote not in text: {r['quote']!r}")

_, meas = rows(HERE / "gold" / "measures.csv")
seen = set()
for i, r in enumerate(meas):
    what = f"measures row {i + 2}"
    if r["source_id"] not in ids:
        errors.append(f"{what}: unknown id")
        continue
    key = (r["source_id"], r["path"])
    if key in seen:
        errors.append(f"{what}: duplicate path")
    seen.add(key)
    if "." in r["path"] and (r["source_id"], r["path"].rsplit(".", 1)[0]) not in seen:
        errors.append(f"{what}: parent missing")
    if r["heading"] not in texts[r["source_id"]]:
        errors.append(f"{what}: heading not in text")

for e in errors:
    print("ERROR", e)
figures = sum(1 for r in subs if any(r[c].strip() for c in ("amount_yuan", "rate_percent", "cap_yuan")))
print(f"check_gold: {len(manifest)} texts, {len(docs)} documents, {len(targets)} targets, {len(subs)} subsidies "
      f"({figures} with a figure, {len(subs) - figures} amount-less), {len(meas)} measures; "
      f"{len(errors)} errors")
sys.exit(1 if errors else 0)
