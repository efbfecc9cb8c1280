"""Check heldout_real20: headers equal /work/shared/gold, quotes are substrings of their text,
target quotes are unique in their text, numbers parse, enums are valid, measure paths are unique
with parents present and headings occur in the text. Run: python3 check_gold.py"""
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
    if len(r) != 7:
        errors.append(f"manifest width {r}"); continue
    if not (r[4].isdigit() and len(r[4]) == 6): errors.append(f"region_code {r[0]}")
    if r[5] != "text": errors.append(f"format {r[0]}")
    if not r[1].endswith(r[0] + ".txt"): errors.append(f"file name does not carry id {r[0]}")
    p = HERE / r[1]
    if not p.exists():
        errors.append(f"missing {p}"); continue
    files[r[0]] = p.read_text(encoding="utf-8")

ENUMS = {
    "doc_type": {"proposal_reply", "suggestion_reply", "work_plan", "policy_measures", "rules", "notice", "other"},
    "comparator": {"eq", "gte", "lte", "approx", "range"},
    "kind": {"construction", "operation", "reward", "service_purchase", "allowance", "training", "budget_allocation", "other"},
    "basis": {"facility", "bed", "person", "household", "meal", "project", "total"},
    "frequency": {"one_off", "annual", "monthly", "daily", "per_meal", "unspecified"},
}

def num(v, what):
    try:
        float(v)
    except ValueError:
        errors.append(f"not a number in {what}: {v!r}")

for name in ["documents.csv", "targets.csv", "subsidies.csv", "measures.csv"]:
    raw = (HERE / "gold" / name).read_bytes()
    if b"\n" in raw.replace(b"\r\n", b""): errors.append(f"{name}: bare LF line end")
    rows = read(HERE / "gold" / name)
    want = read(SHARED / name)[0]
    if rows[0] != want: errors.append(f"{name}: header {rows[0]} != {want}")
    h = {c: i for i, c in enumerate(want)}
    for r in rows[1:]:
        if len(r) != len(want):
            errors.append(f"{name}: width {r}"); continue
        if r[0] not in files: errors.append(f"{name}: unknown id {r[0]}"); continue
        text = files[r[0]]
        if name == "documents.csv":
            if r[h["doc_type"]] not in ENUMS["doc_type"]: errors.append(f"doc_type {r}")
            for c in ("published_date", "written_date"):
                v = r[h[c]]
                if v and not (len(v) == 10 and v[4] == "-" and v[7] == "-"): errors.append(f"date {c} {r[0]}")
        elif name == "targets.csv":
            q = r[h["quote"]]
            if q not in text: errors.append(f"target quote not found: {q}")
            elif text.count(q) != 1: errors.append(f"target quote not unique: {q}")
            if r[h["comparator"]] not in ENUMS["comparator"]: errors.append(f"comparator {r}")
            num(r[h["value"]], "value")
            if r[h["value_max"]]: num(r[h["value_max"]], "value_max")
            if r[h["comparator"]] == "range" and not r[h["value_max"]]: errors.append(f"range without max {r}")
            if r[h["deadline_year"]] and not (r[h["deadline_year"]].isdigit() and len(r[h["deadline_year"]]) == 4):
                errors.append(f"deadline_year {r}")
        elif name == "subsidies.csv":
            q = r[h["quote"]]
            if q not in text: errors.append(f"subsidy quote not found: {q}")
            for c in ("kind", "basis", "frequency"):
                v = r[h[c]]
                if (v or c != "basis") and v not in ENUMS[c]: errors.append(f"{c} {r}")
            for c in ("amount_yuan", "rate_percent", "cap_yuan"):
                if r[h[c]]: num(r[h[c]], c)
            if not r[h["recipient"]]: errors.append(f"empty recipient {r}")
    if name == "documents.csv":
        ids = [r[0] for r in rows[1:]]
        if sorted(ids) != sorted(files): errors.append("documents ids != manifest ids")
    if name == "measures.csv":
        seen = set()
        for r in rows[1:]:
            key = (r[0], r[1])
            if key in seen: errors.append(f"dup path {key}")
            seen.add(key)
            if r[1].count(".") > 1: errors.append(f"path deeper than two levels {key}")
            if "." in r[1] and (r[0], r[1].rsplit(".", 1)[0]) not in seen: errors.append(f"parent missing {key}")
            if r[2] not in files.get(r[0], ""): errors.append(f"heading not in text: {r}")

print("\n".join(errors) if errors else "OK: all checks passed")
sys.exit(1 if errors else 0)
