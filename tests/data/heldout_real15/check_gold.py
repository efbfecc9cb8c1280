#!/usr/bin/env python3
"""Check the heldout15 gold against the texts and the manifest.

Checks: every quote is a substring of its text (target quotes also unique); numbers parse; enums are
valid; every id matches manifest.csv; measure paths are unique per document with parents present;
headings occur in the text; documents.csv has one row per manifest id. Prints one summary line.
"""
import csv
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD = HERE / "gold"

COMPARATORS = {"eq", "gte", "lte", "approx", "range"}
KINDS = {"construction", "operation", "reward", "service_purchase", "allowance", "training", "budget_allocation", "other"}
BASES = {"facility", "bed", "person", "household", "meal", "project", "total"}
FREQS = {"one_off", "annual", "monthly", "daily", "per_meal", "unspecified"}
RTYPES = {"older_person", "provider", "worker", "government", "other"}
DOCTYPES = {"proposal_reply", "suggestion_reply", "work_plan", "policy_measures", "rules", "notice", "other"}
SUBSIDY_HEADER = ["source_id", "kind", "recipient", "amount_yuan", "rate_percent", "cap_yuan", "basis", "frequency", "quote",
                  "condition", "recipient_type"]
PUNCT = re.compile(r"[\s\u3000、，,。.;；:：()（）“”\"'《》〈〉【】\[\]!！?？\-—_/|〔〕]+")


def rows(name):
    with (GOLD / name).open(encoding="utf-8", newline="") as f:
        r = csv.DictReader(f)
        return r.fieldnames, list(r)


def num(x, allow_empty=True):
    if x == "":
        return allow_empty
    try:
        float(x)
        return True
    except ValueError:
        return False


def main() -> int:
    errors = []
    with (HERE / "manifest.csv").open(encoding="utf-8", newline="") as f:
        manifest = {r["id"]: r for r in csv.DictReader(f)}
    texts = {}
    for i, r in manifest.items():
        p = HERE / r["file"]
        if not p.exists():
            errors.append(f"missing text {p.name}")
            continue
        texts[i] = p.read_text(encoding="utf-8")
        if not re.fullmatch(r"\d{6}", r["region_code"]):
            errors.append(f"{i}: bad region_code")
        if r["format"] != "text" or "search corpus pages, retrieved 2026-12-04" not in r["provenance"]:
            errors.append(f"{i}: bad format/provenance")

    _, docs = rows("documents.csv")
    if sorted(d["document_id"] for d in docs) != sorted(manifest):
        errors.append("documents.csv ids differ from manifest")
    for d in docs:
        if d["doc_type"] not in DOCTYPES:
            errors.append(f"{d['document_id']}: doc_type {d['doc_type']}")
        for c in ("published_date", "written_date"):
            if d[c] and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", d[c]):
                errors.append(f"{d['document_id']}: {c} {d[c]}")

    _, targets = rows("targets.csv")
    for t in targets:
        s, q = t["source_id"], t["quote"]
        if s not in texts:
            errors.append(f"target id {s} not in manifest")
            continue
        n = texts[s].count(q)
        if n != 1:
            errors.append(f"{s}: target quote found {n} times: {q}")
        if t["comparator"] not in COMPARATORS:
            errors.append(f"{s}: comparator {t['comparator']}")
        if not num(t["value"], allow_empty=False) or not num(t["value_max"]) or not num(t["deadline_year"]):
            errors.append(f"{s}: number does not parse in {q}")
        if (t["comparator"] == "range") != (t["value_max"] != ""):
            errors.append(f"{s}: range/value_max mismatch in {q}")
        if not t["unit"] or not t["indicator"]:
            errors.append(f"{s}: empty unit/indicator in {q}")

    header, subs = rows("subsidies.csv")
    if header != SUBSIDY_HEADER:
        errors.append(f"subsidies header {header}")
    for r in subs:
        s, q = r["source_id"], r["quote"]
        if s not in texts:
            errors.append(f"subsidy id {s} not in manifest")
            continue
        if q not in texts[s]:
            errors.append(f"{s}: subsidy quote not in text: {q}")
        if r["kind"] not in KINDS or r["basis"] not in BASES or r["frequency"] not in FREQS or r["recipient_type"] not in RTYPES:
            errors.append(f"{s}: bad enum in subsidy {q}")
        if not all(num(r[c]) for c in ("amount_yuan", "rate_percent", "cap_yuan")):
            errors.append(f"{s}: number does not parse in {q}")
        if not r["recipient"]:
            errors.append(f"{s}: empty recipient {q}")

    _, measures = rows("measures.csv")
    seen = set()
    for m in measures:
        s, p, h = m["source_id"], m["path"], m["heading"]
        if s not in texts:
            errors.append(f"measure id {s} not in manifest")
            continue
        if (s, p) in seen:
            errors.append(f"{s}: duplicate path {p}")
        seen.add((s, p))
        if "." in p and (s, p.rsplit(".", 1)[0]) not in seen:
            errors.append(f"{s}: parent of {p} missing")
        if not re.fullmatch(r"T?\d+(\.\d+)*", p):
            errors.append(f"{s}: bad path {p}")
        if PUNCT.sub("", h) not in PUNCT.sub("", texts[s]):
            errors.append(f"{s}: heading not in text: {h}")

    for e in errors:
        print("ERROR", e)
    print(f"check_gold: {len(manifest)} texts, {len(docs)} documents, {len(targets)} targets, {len(subs)} subsidies, "
          f"{len(measures)} measures; {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
