"""Check heldout_real19: CSV headers, quotes are substrings, numbers/enums valid."""
import csv, pathlib, sys

HERE = pathlib.Path(__file__).parent
SHARED = pathlib.Path("/work/shared/gold")
errors = []

def read(p):
    with open(p, encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))

manifest = read(HERE / "manifest.csv")
if manifest[0] != ["id", "file", "city", "province", "region_code", "format", "provenance"]:
    errors.append("manifest header")
files = {}
for r in manifest[1:]:
    if len(r) != 7: errors.append(f"manifest row width {r}")
    if not (r[4].isdigit() and len(r[4]) == 6): errors.append(f"region_code {r}")
    p = HERE / r[1]
    if not p.exists(): errors.append(f"missing {p}")
    files[r[0]] = p.read_text(encoding="utf-8")

for name in ["documents.csv", "targets.csv", "subsidies.csv", "measures.csv"]:
    rows = read(HERE / "gold" / name)
    want = read(SHARED / name)[0]
    if rows[0] != want:
        errors.append(f"{name}: header {rows[0]} != {want}")
    for r in rows[1:]:
        if len(r) != len(want): errors.append(f"{name}: width {r}")
        sid = r[0]
        if sid not in files: errors.append(f"{name}: unknown id {sid}")
    if name == "documents.csv":
        ids = [r[0] for r in rows[1:]]
        if sorted(ids) != sorted(files): errors.append("documents ids != manifest ids")
        for r in rows[1:]:
            if r[6] not in {"proposal_reply", "suggestion_reply", "work_plan", "policy_measures", "rules", "notice", "other"}:
                errors.append(f"doc_type {r}")
    if name == "targets.csv":
        for r in rows[1:]:
            text = files[r[0]]; q = r[8]
            if q not in text: errors.append(f"target quote not found: {q}")
            elif text.count(q) != 1: errors.append(f"target quote not unique: {q}")
            if r[2] not in {"eq", "gte", "lte", "approx", "range"}: errors.append(f"comparator {r}")
            float(r[3])
            if r[4]: float(r[4])
    if name == "subsidies.csv":
        for r in rows[1:]:
            text = files[r[0]]; q = r[8]
            if q not in text: errors.append(f"subsidy quote not found: {q}")
            if r[1] not in {"construction", "operation", "reward", "service_purchase", "allowance", "training", "budget_allocation", "other"}:
                errors.append(f"kind {r}")
            for c in (3, 4, 5):
                if r[c]: float(r[c])
            if r[6] and r[6] not in {"facility", "bed", "person", "household", "meal", "project", "total"}: errors.append(f"basis {r}")
            if r[7] not in {"one_off", "annual", "monthly", "daily", "per_meal", "unspecified"}: errors.append(f"frequency {r}")
    if name == "measures.csv":
        seen = set()
        for r in rows[1:]:
            key = (r[0], r[1])
            if key in seen: errors.append(f"dup path {key}")
            seen.add(key)
            if "." in r[1] and (r[0], r[1].rsplit(".", 1)[0]) not in seen: errors.append(f"parent missing {key}")
            if r[2] not in files[r[0]]: errors.append(f"heading not in text: {r}")

print("\n".join(errors) if errors else "OK: all checks passed")
sys.exit(1 if errors else 0)
