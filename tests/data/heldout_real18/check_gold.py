#!/usr/bin/env python3
"""Check the hand-made gold against the texts: every quote is a substring of its
document's text, target quotes are unique, numbers parse, enums are valid, measure
paths are unique with parents present and headings occur in the text. Prints counts."""

import csv
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
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
BASES = {"", "facility", "bed", "person", "household", "meal", "project", "total"}
FREQS = {"one_off", "annual", "monthly", "daily", "per_meal", "unspecified"}
RTYPES = {"older_person", "provider", "worker", "government", "other"}
COMPS = {"eq", "gte", "lte", "approx", "range"}
DOCTYPES = {"proposal_reply", "suggestion_reply", "work_plan", "policy_measures", "rules", "notice", "other"}


def rows(name):
    with (HERE / "gold" / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def num_ok(v):
    if v == "":
        return True
    try:
        float(v)
        return True
    except ValueError:
        return False


def main():
    manifest = {
        r["id"]: r for r in csv.DictReader((HERE / "manifest.csv").open(encoding="utf-8", newline=""))
    }
    texts = {i: (HERE / r["file"]).read_text(encoding="utf-8") for i, r in manifest.items()}
    errors = []
    docs = rows("documents.csv")
    for d in docs:
        if d["document_id"] not in texts:
            errors.append(f"document {d['document_id']} not in manifest")
        if d["doc_type"] not in DOCTYPES:
            errors.append(f"doc_type {d['doc_type']}")
    counts = {i: Counter() for i in texts}
    for r in rows("targets.csv"):
        t = texts[r["source_id"]]
        if r["quote"] not in t:
            errors.append(f"target quote not found: {r['quote']}")
        elif t.count(r["quote"]) != 1:
            errors.append(f"target quote not unique: {r['quote']}")
        if r["comparator"] not in COMPS or not all(
            num_ok(r[c]) for c in ("value", "value_max", "deadline_year")
        ):
            errors.append(f"bad target row: {r}")
        if (r["comparator"] == "range") != bool(r["value_max"]):
            errors.append(f"range/value_max mismatch: {r['quote']}")
        counts[r["source_id"]]["targets"] += 1
    for r in rows("subsidies.csv"):
        t = texts[r["source_id"]]
        if r["quote"] not in t:
            errors.append(f"subsidy quote not found: {r['quote']}")
        if (
            r["kind"] not in KINDS
            or r["basis"] not in BASES
            or r["frequency"] not in FREQS
            or r["recipient_type"] not in RTYPES
        ):
            errors.append(f"bad subsidy enum: {r}")
        if not all(num_ok(r[c]) for c in ("amount_yuan", "rate_percent", "cap_yuan")):
            errors.append(f"bad subsidy number: {r}")
        counts[r["source_id"]]["subsidies"] += 1
        if any(r[c] for c in ("amount_yuan", "rate_percent", "cap_yuan")):
            counts[r["source_id"]]["subsidies with figure"] += 1
    seen = set()
    for r in rows("measures.csv"):
        key = (r["source_id"], r["path"])
        if key in seen:
            errors.append(f"duplicate measure path {key}")
        seen.add(key)
        if "." in r["path"] and (r["source_id"], r["path"].rsplit(".", 1)[0]) not in seen:
            errors.append(f"measure parent missing {key}")
        if r["heading"] not in texts[r["source_id"]]:
            errors.append(f"heading not in text: {r['heading']}")
        counts[r["source_id"]]["measures"] += 1
    print(f"{'document':55} targets subsidies (with figure) measures")
    tot = Counter()
    for i in texts:
        c = counts[i]
        tot.update(c)
        print(f"{i:55} {c['targets']:7} {c['subsidies']:9} {c['subsidies with figure']:13} {c['measures']:8}")
    print(
        f"{'TOTAL':55} {tot['targets']:7} {tot['subsidies']:9} {tot['subsidies with figure']:13} {tot['measures']:8}"
    )
    print(f"documents: {len(docs)}")
    if errors:
        print("ERRORS:")
        print("\n".join(errors))
        return 1
    print(
        "OK: every quote is a substring of its text; target quotes unique; enums and numbers valid; headings found."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
