#!/usr/bin/env python3
"""Check the held-out gold: every quote is a substring of its text, target quotes are unique,
numbers parse, enums are valid, measure paths are unique with parents present, headings occur
in the text. Prints per-document counts. Exit status 1 on any problem."""
import csv
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD = HERE / "gold"
KINDS = {"construction", "operation", "reward", "service_purchase", "allowance", "training", "budget_allocation", "other"}
BASES = {"", "facility", "bed", "person", "household", "meal", "project", "total"}
FREQS = {"one_off", "annual", "monthly", "daily", "per_meal", "unspecified"}
RTYPES = {"older_person", "provider", "worker", "government", "other"}
COMPS = {"eq", "gte", "lte", "approx", "range"}
DOCTYPES = {"proposal_reply", "suggestion_reply", "work_plan", "policy_measures", "rules", "notice", "other"}


def rows(name):
    with (GOLD / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def main():
    manifest = {r["id"]: r for r in csv.DictReader((HERE / "manifest.csv").open(encoding="utf-8", newline=""))}
    texts = {i: (HERE / r["file"]).read_text(encoding="utf-8") for i, r in manifest.items()}
    problems = []
    counts = defaultdict(Counter)

    docs = rows("documents.csv")
    if {d["document_id"] for d in docs} != set(texts):
        problems.append("documents.csv ids differ from manifest ids")
    for d in docs:
        if d["doc_type"] not in DOCTYPES:
            problems.append(f"{d['document_id']}: bad doc_type {d['doc_type']}")

    for r in rows("targets.csv"):
        doc, q = r["source_id"], r["quote"]
        counts[doc]["targets"] += 1
        if q not in texts.get(doc, ""):
            problems.append(f"target quote not in text: {doc}: {q}")
        elif texts[doc].count(q) != 1:
            problems.append(f"target quote not unique: {doc}: {q}")
        if r["comparator"] not in COMPS:
            problems.append(f"bad comparator {r['comparator']}")
        float(r["value"])
        if r["value_max"]:
            float(r["value_max"])

    for r in rows("subsidies.csv"):
        doc, q = r["source_id"], r["quote"]
        counts[doc]["subsidies"] += 1
        if any(r[c] for c in ("amount_yuan", "rate_percent", "cap_yuan")):
            counts[doc]["subsidies_with_figure"] += 1
        if q not in texts.get(doc, ""):
            problems.append(f"subsidy quote not in text: {doc}: {q}")
        for c in ("amount_yuan", "rate_percent", "cap_yuan"):
            if r[c]:
                float(r[c])
        if r["kind"] not in KINDS or r["basis"] not in BASES or r["frequency"] not in FREQS \
                or r["recipient_type"] not in RTYPES:
            problems.append(f"bad enum in subsidy row: {r}")
        if not r["recipient"]:
            problems.append(f"empty recipient: {r}")

    seen = set()
    for r in rows("measures.csv"):
        doc, path, head = r["source_id"], r["path"], r["heading"]
        counts[doc]["measures"] += 1
        if (doc, path) in seen:
            problems.append(f"duplicate measure path {doc}:{path}")
        seen.add((doc, path))
        if "." in path and (doc, path.rsplit(".", 1)[0]) not in seen:
            problems.append(f"measure parent missing {doc}:{path}")
        if head not in texts.get(doc, ""):
            problems.append(f"measure heading not in text {doc}:{path}: {head}")

    print(f"{'document':62} targets subsidies (with figure) measures")
    tot = Counter()
    for doc in manifest:
        c = counts[doc]
        tot.update(c)
        print(f"{doc:62} {c['targets']:7} {c['subsidies']:9} {c['subsidies_with_figure']:13} {c['measures']:8}")
    print(f"{'TOTAL (' + str(len(manifest)) + ' documents)':62} {tot['targets']:7} {tot['subsidies']:9} "
          f"{tot['subsidies_with_figure']:13} {tot['measures']:8}")
    if problems:
        print("\nPROBLEMS:")
        for p in problems:
            print(" -", p)
        sys.exit(1)
    print("\nOK: all quotes are substrings of their texts; target quotes unique; enums valid; headings found.")


if __name__ == "__main__":
    main()
