"""Minimal consistency check of heldout_real41 (run: python3 check_gold.py)."""
import csv, os, sys
H = os.path.dirname(os.path.abspath(__file__))
def rd(p): return list(csv.DictReader(open(os.path.join(H, p), encoding="utf-8", newline="")))
err = []
man = rd("manifest.csv"); ids = {r["id"]: r for r in man}
texts = {}
for r in man:
    if r["file"] != r["id"][:0] + r["file"] or not r["file"].endswith(r["id"] + ".txt"): err.append("file/id " + r["id"])
    texts[r["id"]] = open(os.path.join(H, r["file"]), encoding="utf-8", newline="").read()
    if len(r["region_code"]) != 6 or not r["region_code"].isdigit(): err.append("region " + r["id"])
    if "search corpus pages, retrieved 2026-12-05" not in r["provenance"]: err.append("prov " + r["id"])
docs = rd("gold/documents.csv")
if sorted(d["document_id"] for d in docs) != sorted(ids): err.append("documents ids differ from manifest")
for d in docs:
    if d["doc_type"] not in {"proposal_reply","suggestion_reply","work_plan","policy_measures","rules","notice","other"}: err.append("doctype " + d["document_id"])
    if d["title"] and d["title"] not in texts[d["document_id"]]: err.append("title not in text " + d["document_id"])
for f, key in [("gold/targets.csv", "source_id"), ("gold/subsidies.csv", "source_id"), ("gold/measures.csv", "source_id")]:
    rows = rd(f)
    for i, r in enumerate(rows, 2):
        if r[key] not in ids: err.append(f"{f}:{i} unknown id"); continue
        q = r.get("quote") or r.get("heading")
        if q not in texts[r[key]]: err.append(f"{f}:{i} quote not in text: {q}")
        if f.endswith("targets.csv"):
            assert r["comparator"] in {"eq","gte","lte","approx","range"}
            float(r["value"])
            n = texts[r[key]].count(q)
            if n > 1: print(f"note {f}:{i} quote occurs {n}x: {q}")
        if f.endswith("subsidies.csv"):
            assert r["kind"] in {"construction","operation","reward","service_purchase","allowance","training","budget_allocation","other"}
            assert r["basis"] in {"","facility","bed","person","household","meal","project","total"}
            assert r["frequency"] in {"one_off","annual","monthly","daily","per_meal","unspecified"}
            for c in ("amount_yuan","rate_percent","cap_yuan"):
                if r[c]: float(r[c])
    print(f, len(rows), "rows")
print("ERRORS:", err) if err else print("OK: %d texts, all checks passed" % len(ids))
sys.exit(1 if err else 0)
