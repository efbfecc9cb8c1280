#!/usr/bin/env python3
"""Check the hand-made gold of this folder: CSV headers parse, quotes are
substrings of their text file, target quotes are unique in their file,
numbers parse, enums are valid, measure paths unique with parents present."""

import csv, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
HEADERS = {
    "manifest.csv": ["id", "file", "city", "province", "region_code", "format", "provenance"],
    "gold/documents.csv": [
        "document_id",
        "title",
        "doc_number",
        "issuer",
        "published_date",
        "written_date",
        "doc_type",
    ],
    "gold/targets.csv": [
        "source_id",
        "indicator",
        "comparator",
        "value",
        "value_max",
        "unit",
        "deadline_year",
        "scope",
        "quote",
    ],
    "gold/subsidies.csv": [
        "source_id",
        "kind",
        "recipient",
        "amount_yuan",
        "rate_percent",
        "cap_yuan",
        "basis",
        "frequency",
        "quote",
    ],
    "gold/measures.csv": ["source_id", "path", "heading"],
}
KINDS = {
    "construction",
    "operation",
    "reward",
    "service_purchase",
    "allowance",
    "training",
    "budget_allocation",
    "other",
}
BASIS = {"", "facility", "bed", "person", "household", "meal", "project", "total"}
FREQ = {"one_off", "annual", "monthly", "daily", "per_meal", "unspecified"}
COMP = {"eq", "gte", "lte", "approx", "range"}
DOCTYPES = {"proposal_reply", "suggestion_reply", "work_plan", "policy_measures", "rules", "notice", "other"}

errors = []


def err(m):
    errors.append(m)


def read(rel):
    with open(os.path.join(HERE, rel), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    if not rows or rows[0] != HEADERS[rel]:
        err(f"{rel}: bad header {rows[0] if rows else None}")
        return []
    out = []
    for i, r in enumerate(rows[1:], 2):
        if len(r) != len(HEADERS[rel]):
            err(f"{rel}:{i}: {len(r)} cells, expected {len(HEADERS[rel])}")
            continue
        out.append(dict(zip(HEADERS[rel], r)))
    return out


def num(v, where, allow_empty=True):
    if v == "":
        if not allow_empty:
            err(f"{where}: empty number")
        return None
    try:
        return float(v)
    except ValueError:
        err(f"{where}: not a number {v!r}")


manifest = read("manifest.csv")
texts = {}
for m in manifest:
    p = os.path.join(HERE, m["file"])
    if not os.path.exists(p):
        err(f"manifest: missing file {m['file']}")
        continue
    texts[m["id"]] = open(p, encoding="utf-8").read()
    if not (len(m["region_code"]) == 6 and m["region_code"].isdigit()):
        err(f"manifest {m['id']}: region_code {m['region_code']!r}")
    if m["format"] != "text":
        err(f"manifest {m['id']}: format")
    if "search corpus pages, retrieved 2026-12-05" not in m["provenance"]:
        err(f"manifest {m['id']}: provenance lacks retrieval note")

docs = read("gold/documents.csv")
for d in docs:
    if d["document_id"] not in texts:
        err(f"documents: unknown id {d['document_id']}")
    if d["doc_type"] not in DOCTYPES:
        err(f"documents {d['document_id']}: doc_type {d['doc_type']!r}")
if {d["document_id"] for d in docs} != set(texts):
    err("documents.csv does not cover exactly the manifest ids")

for i, t in enumerate(read("gold/targets.csv"), 2):
    w = f"targets.csv:{i}"
    txt = texts.get(t["source_id"])
    if txt is None:
        err(f"{w}: unknown source_id")
        continue
    c = txt.count(t["quote"])
    if c == 0:
        err(f"{w}: quote not in text: {t['quote']!r}")
    elif c > 1:
        err(f"{w}: quote occurs {c} times: {t['quote']!r}")
    if t["comparator"] not in COMP:
        err(f"{w}: comparator")
    num(t["value"], w, allow_empty=False)
    num(t["value_max"], w)
    if t["comparator"] == "range" and t["value_max"] == "":
        err(f"{w}: range without value_max")
    if t["deadline_year"] and not (t["deadline_year"].isdigit() and len(t["deadline_year"]) == 4):
        err(f"{w}: deadline_year")

for i, s in enumerate(read("gold/subsidies.csv"), 2):
    w = f"subsidies.csv:{i}"
    txt = texts.get(s["source_id"])
    if txt is None:
        err(f"{w}: unknown source_id")
        continue
    if s["quote"] not in txt:
        err(f"{w}: quote not in text: {s['quote']!r}")
    if s["kind"] not in KINDS:
        err(f"{w}: kind {s['kind']!r}")
    if s["basis"] not in BASIS:
        err(f"{w}: basis {s['basis']!r}")
    if s["frequency"] not in FREQ:
        err(f"{w}: frequency {s['frequency']!r}")
    for c in ("amount_yuan", "rate_percent", "cap_yuan"):
        num(s[c], w)

paths = {}
for i, m in enumerate(read("gold/measures.csv"), 2):
    w = f"measures.csv:{i}"
    txt = texts.get(m["source_id"])
    if txt is None:
        err(f"{w}: unknown source_id")
        continue
    key = (m["source_id"], m["path"])
    if key in paths:
        err(f"{w}: duplicate path")
    paths[key] = m
    if m["heading"] not in txt:
        err(f"{w}: heading not in text: {m['heading']!r}")
for sid, p in paths:
    if "." in p and (sid, p.rsplit(".", 1)[0]) not in paths:
        err(f"measures {sid} {p}: parent missing")

if errors:
    print("\n".join(errors))
    print(f"FAIL: {len(errors)} problem(s)")
    sys.exit(1)
print(f"OK: {len(texts)} texts, all checks passed")
