#!/usr/bin/env python3
"""Check the heldout9 gold against its texts and the data contract's enums.

Checks: manifest ids match files and documents.csv; every quote is a substring of its
text (target quotes exactly once, so text.find(quote) is the offset); numbers parse;
enums are valid; comparator/value_max agree; the target value is written in its quote;
dates are ISO; region codes are 6 digits; measure paths are unique, parents exist and
headings occur in the text; titles and doc numbers occur verbatim; CSV headers start
with the shared gold headers. Prints one summary line (and the problems, if any);
exit status 1 on any problem.
"""
import csv
import re
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD = HERE / "gold"
SHARED = Path("/work/shared/gold")

COMPARATORS = {"eq", "gte", "lte", "approx", "range"}
KINDS = {"construction", "operation", "reward", "service_purchase", "allowance", "training", "budget_allocation", "other"}
BASES = {"facility", "bed", "person", "household", "meal", "project", "total", ""}
FREQS = {"one_off", "annual", "monthly", "daily", "per_meal", "unspecified"}
RTYPES = {"older_person", "provider", "worker", "government", "other"}
DOCTYPES = {"proposal_reply", "suggestion_reply", "work_plan", "policy_measures", "rules", "notice", "other"}

problems: list[str] = []


def bad(msg: str) -> None:
    problems.append(msg)


def rows(path: Path):
    with path.open(encoding="utf-8", newline="") as f:
        r = csv.DictReader(f)
        return list(r.fieldnames or []), list(r)


def num(s, what, allow_empty=True):
    s = (s or "").strip()
    if not s:
        if not allow_empty:
            bad(f"{what}: empty")
        return None
    try:
        return float(s)
    except ValueError:
        bad(f"{what}: not a number {s!r}")
        return None


def iso(s, what):
    if s:
        try:
            date.fromisoformat(s)
        except ValueError:
            bad(f"{what}: not an ISO date {s!r}")


def main() -> int:
    _, manifest = rows(HERE / "manifest.csv")
    texts = {}
    for m in manifest:
        p = HERE / m["file"]
        if not p.exists():
            bad(f"manifest {m['id']}: missing {m['file']}")
            continue
        if m["file"][3:-4] != m["id"]:
            bad(f"manifest {m['id']}: file name does not carry the id")
        if not re.fullmatch(r"\d{6}", m["region_code"]):
            bad(f"manifest {m['id']}: region_code {m['region_code']!r}")
        if m["format"] != "text":
            bad(f"manifest {m['id']}: format {m['format']!r}")
        if not m["provenance"].startswith("http") or not m["provenance"].endswith("search corpus pages, retrieved 2026-12-04"):
            bad(f"manifest {m['id']}: provenance {m['provenance']!r}")
        texts[m["id"]] = p.read_text(encoding="utf-8")

    data = {}
    for table, idcol in (("documents", "document_id"), ("targets", "source_id"), ("subsidies", "source_id"), ("measures", "source_id")):
        header, rs = rows(GOLD / f"{table}.csv")
        shared = next(csv.reader((SHARED / f"{table}.csv").open(encoding="utf-8")))
        if header[: len(shared)] != shared:
            bad(f"{table}: header {header} does not start with the shared header {shared}")
        for i, r in enumerate(rs, 2):
            if r[idcol] not in texts:
                bad(f"{table} line {i}: unknown id {r[idcol]!r}")
        data[table] = rs

    if sorted(d["document_id"] for d in data["documents"]) != sorted(texts):
        bad("documents.csv ids differ from manifest ids")
    for d in data["documents"]:
        if d["doc_type"] not in DOCTYPES:
            bad(f"documents {d['document_id']}: doc_type {d['doc_type']!r}")
        iso(d["published_date"], f"documents {d['document_id']} published_date")
        iso(d["written_date"], f"documents {d['document_id']} written_date")
        for field in ("title", "doc_number"):
            if d[field] and d[field] not in texts.get(d["document_id"], ""):
                bad(f"documents {d['document_id']}: {field} not verbatim in the text")

    for i, t in enumerate(data["targets"], 2):
        where = f"targets line {i}"
        text = texts.get(t["source_id"], "")
        n = text.count(t["quote"]) if t["quote"] else 0
        if n != 1:
            bad(f"{where}: quote occurs {n} times")
        if t["comparator"] not in COMPARATORS:
            bad(f"{where}: comparator {t['comparator']!r}")
        v = num(t["value"], f"{where} value", allow_empty=False)
        vm = num(t["value_max"], f"{where} value_max")
        if (t["comparator"] == "range") != (vm is not None):
            bad(f"{where}: value_max must be set exactly when comparator is range")
        y = num(t["deadline_year"], f"{where} deadline_year")
        if y is not None and not (1990 <= y <= 2050 and y == int(y)):
            bad(f"{where}: deadline_year {t['deadline_year']!r}")
        if not t["unit"] or not t["indicator"]:
            bad(f"{where}: empty unit or indicator")
        if v is not None and t["value"] not in t["quote"]:
            bad(f"{where}: value {t['value']} not written in the quote")

    for i, s in enumerate(data["subsidies"], 2):
        where = f"subsidies line {i}"
        if not s["quote"] or s["quote"] not in texts.get(s["source_id"], ""):
            bad(f"{where}: quote not in text")
        if s["kind"] not in KINDS:
            bad(f"{where}: kind {s['kind']!r}")
        if s["basis"] not in BASES:
            bad(f"{where}: basis {s['basis']!r}")
        if s["frequency"] not in FREQS:
            bad(f"{where}: frequency {s['frequency']!r}")
        if s.get("recipient_type", "") not in RTYPES:
            bad(f"{where}: recipient_type {s.get('recipient_type')!r}")
        for c in ("amount_yuan", "rate_percent", "cap_yuan"):
            x = num(s[c], f"{where} {c}")
            if x is not None and x < 0:
                bad(f"{where}: negative {c}")
        if not s["recipient"]:
            bad(f"{where}: empty recipient")

    seen = set()
    for i, m in enumerate(data["measures"], 2):
        where = f"measures line {i}"
        key = (m["source_id"], m["path"])
        if key in seen:
            bad(f"{where}: duplicate path")
        seen.add(key)
        if not re.fullmatch(r"T?\d+(\.\d+)?", m["path"]):
            bad(f"{where}: path {m['path']!r}")
        if "." in m["path"] and (m["source_id"], m["path"].rsplit(".", 1)[0]) not in seen:
            bad(f"{where}: parent of {m['path']} missing")
        if m["heading"] not in texts.get(m["source_id"], ""):
            bad(f"{where}: heading not found in text")

    fig = sum(1 for s in data["subsidies"] if any((s[c] or "").strip() for c in ("amount_yuan", "rate_percent", "cap_yuan")))
    for p in problems:
        print("  " + p)
    print(f"check_gold: {len(texts)} texts, {len(data['documents'])} documents, {len(data['targets'])} targets, "
          f"{len(data['subsidies'])} subsidies ({fig} with a figure), {len(data['measures'])} measures; {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
