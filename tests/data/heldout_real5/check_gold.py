#!/usr/bin/env python3
"""Checks the heldout5 gold.

- columns of gold/*.csv equal those of /work/shared/gold/*.csv; manifest columns equal
  /work/shared/corpus/extra/manifest.csv's
- every text file equals the excerpt recorded in raw/excerpts.py byte for byte (no edits, no added newline)
- every quote is an exact substring of its text; target quotes occur exactly once
- numbers parse (value, value_max, deadline_year, amount_yuan, rate_percent, cap_yuan); ranges have value_max
- enums are valid (doc_type, comparator, kind, basis, frequency); units are normalized
- subsidy rows have a recipient; rows with a rate have rate <= 100
- measure paths are unique, one or two levels, with parents present; headings occur in the text
- documents: one row per manifest id, ISO dates, titles occur in the text
- manifest: ids are slugs, region codes are 6 digits and agree with the province, provenance has URL and date
Exit status 1 on any failure."""
import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "raw"))
from excerpts import EXCERPTS  # noqa: E402

errors = []


def fail(msg):
    errors.append(msg)


def read(path):
    with path.open(encoding="utf-8", newline="") as f:
        r = csv.reader(f)
        header = next(r)
        return header, [dict(zip(header, row)) for row in r]


def number(value, field, where, year=False):
    if value == "":
        return None
    try:
        x = float(value)
    except ValueError:
        fail(f"{where}: {field} {value!r} does not parse")
        return None
    if x < 0:
        fail(f"{where}: {field} {value!r} is negative")
    if year and not re.fullmatch(r"(19|20)\d\d", value):
        fail(f"{where}: {field} {value!r} is not a year")
    return x


PROVINCE_PREFIX = {"福建省": "35", "山东省": "37", "陕西省": "61", "四川省": "51", "湖南省": "43",
                   "江苏省": "32", "甘肃省": "62", "云南省": "53"}

# manifest and texts
mh, manifest = read(ROOT / "manifest.csv")
want_mh, _ = read(Path("/work/shared/corpus/extra/manifest.csv"))
if mh != want_mh:
    fail(f"manifest columns {mh} != {want_mh}")
texts = {}
for i, m in enumerate(manifest, 2):
    where = f"manifest row {i}"
    if not re.fullmatch(r"[a-z0-9-]+", m["id"]):
        fail(f"{where}: bad id {m['id']!r}")
    if not re.fullmatch(r"\d\d_" + re.escape(m["id"]) + r"\.txt", m["file"]):
        fail(f"{where}: file {m['file']!r} is not NN_<id>.txt")
    if not re.fullmatch(r"\d{6}", m["region_code"]):
        fail(f"{where}: bad region_code {m['region_code']!r}")
    elif PROVINCE_PREFIX.get(m["province"]) != m["region_code"][:2]:
        fail(f"{where}: region_code {m['region_code']} does not belong to {m['province']}")
    if m["format"] != "text":
        fail(f"{where}: format {m['format']!r}")
    if "search corpus pages, retrieved 2026-12-03" not in m["provenance"] or "http" not in m["provenance"]:
        fail(f"{where}: provenance lacks URL or retrieval note")
    p = ROOT / m["file"]
    if not p.exists():
        fail(f"{where}: missing file {m['file']}")
        continue
    raw = p.read_bytes()
    if m["id"] not in EXCERPTS:
        fail(f"{where}: {m['id']} not in raw/excerpts.py")
    else:
        url, excerpt = EXCERPTS[m["id"]]
        if raw != excerpt.encode("utf-8"):
            fail(f"{where}: {m['file']} differs from the recorded excerpt")
        if url not in m["provenance"]:
            fail(f"{where}: provenance URL differs from raw/excerpts.py")
    texts[m["id"]] = raw.decode("utf-8")
if sorted(EXCERPTS) != sorted(texts):
    fail("raw/excerpts.py and manifest.csv name different ids")

ENUMS = {
    "doc_type": {"proposal_reply", "suggestion_reply", "work_plan", "policy_measures", "rules", "notice", "other"},
    "comparator": {"eq", "gte", "lte", "approx", "range"},
    "kind": {"construction", "operation", "reward", "service_purchase", "allowance", "training",
             "budget_allocation", "other"},
    "basis": {"", "facility", "bed", "person", "household", "meal", "project", "total"},
    "frequency": {"one_off", "annual", "monthly", "daily", "per_meal", "unspecified"},
}
UNITS = {"%", "个", "家", "张", "户", "人", "所", "平方米", "公里", "分钟", "元", "次", "篇", "场次", "人次", "处", "名"}

tables = {}
for name in ("documents", "targets", "subsidies", "measures"):
    path = ROOT / "gold" / f"{name}.csv"
    header, rows = read(path)
    want, _ = read(Path("/work/shared/gold") / f"{name}.csv")
    if header != want:
        fail(f"{name}: columns {header} != shared gold {want}")
    if path.read_bytes().startswith(b"\xef\xbb\xbf"):
        fail(f"{name}: has a BOM")
    tables[name] = rows

doc_ids = [d["document_id"] for d in tables["documents"]]
if sorted(doc_ids) != sorted(texts) or len(set(doc_ids)) != len(doc_ids):
    fail(f"documents.csv ids {sorted(doc_ids)} != manifest ids {sorted(texts)}")
squeeze = lambda s: re.sub(r"\s+", "", s)  # noqa: E731
for i, d in enumerate(tables["documents"], 2):
    where = f"documents row {i}"
    if d["doc_type"] not in ENUMS["doc_type"]:
        fail(f"{where}: doc_type {d['doc_type']!r}")
    for f in ("published_date", "written_date"):
        if d[f] and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", d[f]):
            fail(f"{where}: {f} {d[f]!r} not ISO")
    t = texts.get(d["document_id"], "")
    for f in ("title", "doc_number"):
        if d[f] and squeeze(d[f]) not in squeeze(t):
            fail(f"{where}: {f} not in text (ignoring spaces): {d[f]!r}")


def quote_ok(row, where, unique):
    sid = row["source_id"]
    if sid not in texts:
        fail(f"{where}: unknown source_id {sid}")
        return
    q = row["quote"]
    if not q:
        fail(f"{where}: empty quote")
    elif q not in texts[sid]:
        fail(f"{where}: quote not in text: {q!r}")
    elif unique and texts[sid].count(q) != 1:
        fail(f"{where}: quote occurs {texts[sid].count(q)} times: {q!r}")


for i, r in enumerate(tables["targets"], 2):
    where = f"targets row {i}"
    quote_ok(r, where, unique=True)
    if r["comparator"] not in ENUMS["comparator"]:
        fail(f"{where}: comparator {r['comparator']!r}")
    if r["value"] == "":
        fail(f"{where}: empty value")
    v = number(r["value"], "value", where)
    vmax = number(r["value_max"], "value_max", where)
    if (r["comparator"] == "range") != (r["value_max"] != ""):
        fail(f"{where}: value_max must be set exactly for ranges")
    if v is not None and vmax is not None and vmax < v:
        fail(f"{where}: value_max < value")
    number(r["deadline_year"], "deadline_year", where, year=True)
    if r["unit"] not in UNITS:
        fail(f"{where}: unit {r['unit']!r} not normalized")
    if not r["indicator"]:
        fail(f"{where}: empty indicator")

for i, r in enumerate(tables["subsidies"], 2):
    where = f"subsidies row {i}"
    quote_ok(r, where, unique=False)
    for f in ("kind", "basis", "frequency"):
        if r[f] not in ENUMS[f]:
            fail(f"{where}: {f} {r[f]!r}")
    for f in ("amount_yuan", "rate_percent", "cap_yuan"):
        number(r[f], f, where)
    if r["rate_percent"] and float(r["rate_percent"]) > 100:
        fail(f"{where}: rate_percent > 100")
    if not r["recipient"]:
        fail(f"{where}: empty recipient")

seen = set()
for i, r in enumerate(tables["measures"], 2):
    where = f"measures row {i}"
    sid, path = r["source_id"], r["path"]
    if sid not in texts:
        fail(f"{where}: unknown source_id {sid}")
        continue
    if not re.fullmatch(r"T?\d+(\.\d+)?", path):
        fail(f"{where}: path {path!r} not one or two levels")
    if (sid, path) in seen:
        fail(f"{where}: duplicate path {path}")
    seen.add((sid, path))
    if "." in path and (sid, path.rsplit(".", 1)[0]) not in seen:
        fail(f"{where}: parent of {path} missing")
    if not r["heading"] or r["heading"] not in texts[sid]:
        fail(f"{where}: heading not in text: {r['heading']!r}")

for name, rows in tables.items():
    print(f"{name}: {len(rows)} rows")
if errors:
    print("\n".join("FAIL " + e for e in errors))
    sys.exit(1)
print("OK: all checks passed")
