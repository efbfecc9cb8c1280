#!/usr/bin/env python3
"""Check heldout16 gold: quotes are substrings (target quotes unique), numbers parse, enums valid, ids match manifest."""
import csv, sys
from pathlib import Path

H = Path(__file__).parent
G = H / "gold"
rd = lambda p: list(csv.DictReader(open(p, encoding="utf-8", newline="")))
man = {r["id"]: r for r in rd(H / "manifest.csv")}
text = {i: (H / r["file"]).read_text(encoding="utf-8") for i, r in man.items()}
errs, n = [], {"targets": 0, "subsidies": 0, "measures": 0, "documents": 0}

def isnum(v):
    if v == "": return True
    try: float(v); return True
    except ValueError: return False

for d in rd(G / "documents.csv"):
    n["documents"] += 1
    if d["document_id"] not in man: errs.append(f"doc id {d['document_id']} not in manifest")
    if d["doc_type"] not in {"proposal_reply", "suggestion_reply", "work_plan", "policy_measures", "rules", "notice", "other"}:
        errs.append(f"bad doc_type {d['doc_type']}")
for t in rd(G / "targets.csv"):
    n["targets"] += 1
    s, q = t["source_id"], t["quote"]
    if s not in man: errs.append(f"target id {s}"); continue
    c = text[s].count(q)
    if c != 1: errs.append(f"target quote occurs {c}x: {q}")
    if t["comparator"] not in {"eq", "gte", "lte", "approx", "range"}: errs.append(f"bad comparator {t['comparator']}")
    for k in ("value", "value_max", "deadline_year"):
        if not isnum(t[k]): errs.append(f"bad {k} {t[k]}")
    if t["value"] == "": errs.append(f"target without value: {q}")
for s in rd(G / "subsidies.csv"):
    n["subsidies"] += 1
    if s["source_id"] not in man or s["quote"] not in text.get(s["source_id"], ""): errs.append(f"subsidy quote: {s['quote']}")
    if s["kind"] not in {"construction", "operation", "reward", "service_purchase", "allowance", "training", "budget_allocation", "other"}: errs.append(f"kind {s['kind']}")
    if s["basis"] not in {"", "facility", "bed", "person", "household", "meal", "project", "total"}: errs.append(f"basis {s['basis']}")
    if s["frequency"] not in {"", "one_off", "annual", "monthly", "daily", "per_meal", "unspecified"}: errs.append(f"freq {s['frequency']}")
    if s["recipient_type"] not in {"older_person", "provider", "worker", "government", "other"}: errs.append(f"rtype {s['recipient_type']}")
    for k in ("amount_yuan", "rate_percent", "cap_yuan"):
        if not isnum(s[k]): errs.append(f"bad {k}")
for m in rd(G / "measures.csv"):
    n["measures"] += 1
    if m["source_id"] not in man: errs.append(f"measure id {m['source_id']}")
for e in errs: print("ERROR", e)
print(f"check_gold: {len(man)} texts, {n['documents']} documents, {n['targets']} targets, {n['subsidies']} subsidies, {n['measures']} measures, {len(errs)} errors")
sys.exit(1 if errs else 0)
