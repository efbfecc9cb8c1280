#!/usr/bin/env python3
"""Checks the heldout4 gold: columns equal /work/shared/gold's, every quote is an exact substring of its
text (target quotes unique), numbers parse, enums are valid, measure paths unique with parents present,
headings occur in the text, manifest ids/files/region codes are consistent. Exit status 1 on any failure."""

import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
SHARED_GOLD = Path(__file__).resolve().parents[4] / "shared" / "gold"  # ../shared beside the clone
errors: list[str] = []


def fail(msg: str) -> None:
    errors.append(msg)


def read(path: Path):
    with path.open(encoding="utf-8", newline="") as f:
        r = csv.reader(f)
        header = next(r)
        rows = [dict(zip(header, row, strict=False)) for row in r]
        return header, rows


def number(value: str, field: str, where: str, integer: bool = False) -> None:
    if value == "":
        return
    try:
        x = float(value)
    except ValueError:
        fail(f"{where}: {field} {value!r} does not parse")
        return
    if x < 0:
        fail(f"{where}: {field} {value!r} is negative")
    if integer and not re.fullmatch(r"\d{4}", value):
        fail(f"{where}: {field} {value!r} is not a year")


# manifest and texts
mh, manifest = read(ROOT / "manifest.csv")
want_mh, _ = read(SHARED_GOLD.parent / "corpus" / "extra" / "manifest.csv")
if mh != want_mh:
    fail(f"manifest columns {mh} != {want_mh}")
texts = {}
for m in manifest:
    p = ROOT / m["file"]
    if not p.exists():
        fail(f"manifest: missing file {m['file']}")
        continue
    if not re.fullmatch(r"[a-z0-9-]+", m["id"]):
        fail(f"manifest: bad id {m['id']}")
    if not re.fullmatch(r"\d{6}", m["region_code"]):
        fail(f"manifest: bad region_code {m['region_code']}")
    if "retrieved 2026-12-03" not in m["provenance"] or "http" not in m["provenance"]:
        fail(f"manifest: provenance of {m['id']} lacks URL or retrieval note")
    texts[m["id"]] = p.read_text(encoding="utf-8")

ENUMS = {
    "doc_type": {
        "proposal_reply",
        "suggestion_reply",
        "work_plan",
        "policy_measures",
        "rules",
        "notice",
        "other",
    },
    "comparator": {"eq", "gte", "lte", "approx", "range"},
    "kind": {
        "construction",
        "operation",
        "reward",
        "service_purchase",
        "allowance",
        "training",
        "budget_allocation",
        "other",
    },
    "basis": {"", "facility", "bed", "person", "household", "meal", "project", "total"},
    "frequency": {"one_off", "annual", "monthly", "daily", "per_meal", "unspecified"},
}
UNITS = {
    "%",
    "个",
    "家",
    "张",
    "户",
    "人",
    "所",
    "平方米",
    "公里",
    "分钟",
    "元",
    "次",
    "篇",
    "场次",
    "人次",
    "处",
    "名",
}

tables = {}
for name in ("documents", "targets", "subsidies", "measures"):
    header, rows = read(ROOT / "gold" / f"{name}.csv")
    want, _ = read(SHARED_GOLD / f"{name}.csv")
    if header != want:
        fail(f"{name}: columns {header} != shared gold {want}")
    tables[name] = rows
    raw = (ROOT / "gold" / f"{name}.csv").read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        fail(f"{name}: has a BOM")

doc_ids = [d["document_id"] for d in tables["documents"]]
if sorted(doc_ids) != sorted(texts):
    fail(f"documents.csv ids {sorted(doc_ids)} != manifest ids {sorted(texts)}")
for i, d in enumerate(tables["documents"], 2):
    where = f"documents row {i}"
    if d["doc_type"] not in ENUMS["doc_type"]:
        fail(f"{where}: doc_type {d['doc_type']!r}")
    for f in ("published_date", "written_date"):
        if d[f] and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", d[f]):
            fail(f"{where}: {f} {d[f]!r} not ISO")
    t = texts.get(d["document_id"], "")
    strip = lambda s: re.sub(r"\s+", "", s)  # noqa: E731
    if d["title"] and strip(d["title"]) not in strip(t):
        fail(f"{where}: title not in text (ignoring spaces)")


def quote_ok(row: dict, where: str, unique: bool) -> None:
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
    number(r["value"], "value", where)
    number(r["value_max"], "value_max", where)
    if (r["comparator"] == "range") != (r["value_max"] != ""):
        fail(f"{where}: value_max must be set exactly for ranges")
    number(r["deadline_year"], "deadline_year", where, integer=True)
    if r["unit"] not in UNITS:
        fail(f"{where}: unit {r['unit']!r} not normalized")

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
    if not re.fullmatch(r"(T?\d+)(\.\d+)?", path):
        fail(f"{where}: path {path!r} not one or two levels")
    if (sid, path) in seen:
        fail(f"{where}: duplicate path {path}")
    seen.add((sid, path))
    if "." in path and (sid, path.rsplit(".", 1)[0]) not in seen:
        fail(f"{where}: parent of {path} missing")
    if r["heading"] not in texts[sid]:
        fail(f"{where}: heading not in text: {r['heading']!r}")

for name, rows in tables.items():
    print(f"{name}: {len(rows)} rows")
if errors:
    print("\n".join("FAIL " + e for e in errors))
    sys.exit(1)
print("OK: all checks passed")
