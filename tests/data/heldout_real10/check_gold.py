#!/usr/bin/env python3
"""Check the heldout10 gold against its texts and the data contract's enums.

Checks: manifest ids match the files and documents.csv; every quote is a substring of its
text (target quotes exactly once, so text.find(quote) is the offset); numbers parse;
enums are valid; comparator/value_max agree; a target's value and a subsidy's amount or
cap are written in the quote (10000 may appear as 1万 or 1余万); dates are ISO; region codes are
6 digits; measure paths are unique, dotted paths have their parent, headings occur in the
text; titles, doc numbers and issuers occur verbatim; CSV headers start with the shared
gold headers. Prints one summary line (and the problems, if any); exit status 1 on any.
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
KINDS = {"construction", "operation", "reward", "service_purchase", "allowance", "training",
         "budget_allocation", "other"}
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


def num(s: str):
    s = (s or "").strip()
    if not s:
        return None
    try:
        return float(s)
    except ValueError:
        bad(f"not a number: {s!r}")
        return None


def written_forms(x: float) -> list[str]:
    """Ways a yuan amount or a value can be written: 7000, 0.7万, 220.5万, 460余万 ..."""
    forms = []
    for v in (x, x / 10000):
        s = f"{v:.4f}".rstrip("0").rstrip(".")
        forms += [s] if v == x else [s + "万", s + "余万"]
    return forms


def main() -> int:
    mh, manifest = rows(HERE / "manifest.csv")
    if mh != ["id", "file", "city", "province", "region_code", "format", "provenance"]:
        bad(f"manifest header {mh}")
    texts = {}
    for m in manifest:
        p = HERE / m["file"]
        if not p.exists():
            bad(f"missing file {m['file']}")
            continue
        if not m["file"].endswith(f"_{m['id']}.txt"):
            bad(f"file name does not carry the id: {m['file']}")
        texts[m["id"]] = p.read_text(encoding="utf-8")
        if not re.fullmatch(r"\d{6}", m["region_code"]):
            bad(f"region_code {m['region_code']}")
        if m["format"] != "text" or "search corpus pages, retrieved 2026-12-04" not in m["provenance"]:
            bad(f"format/provenance {m['id']}")
        if not re.match(r"https?://[^/;]*gov\.cn", m["provenance"]):
            bad(f"not a gov.cn URL: {m['provenance'][:60]}")
    on_disk = {p.name for p in HERE.glob("[0-9][0-9]_*.txt")}
    if on_disk != {m["file"] for m in manifest}:
        bad(f"text files and manifest differ: {sorted(on_disk ^ {m['file'] for m in manifest})}")
    ids = set(texts)

    tables = {}
    for name in ("documents", "targets", "subsidies", "measures"):
        header, data = rows(GOLD / f"{name}.csv")
        shared_header, _ = rows(SHARED / f"{name}.csv")
        if header[: len(shared_header)] != shared_header:
            bad(f"{name}.csv header {header} does not start with {shared_header}")
        tables[name] = data
        for r in data:
            doc = r.get("document_id") or r.get("source_id")
            if doc not in ids:
                bad(f"{name}: unknown id {doc}")

    docs = tables["documents"]
    if {d["document_id"] for d in docs} != ids:
        bad("documents.csv ids differ from manifest")
    for d in docs:
        t = texts.get(d["document_id"], "")
        for f in ("title", "doc_number", "issuer"):
            if d[f] and d[f] not in t:
                bad(f"documents {d['document_id']} {f} not verbatim in text: {d[f]}")
        for f in ("published_date", "written_date"):
            if d[f]:
                try:
                    date.fromisoformat(d[f])
                except ValueError:
                    bad(f"documents {d['document_id']} {f} {d[f]}")
        if d["doc_type"] not in DOCTYPES:
            bad(f"doc_type {d['doc_type']}")

    for r in tables["targets"]:
        t = texts.get(r["source_id"], "")
        q = r["quote"]
        if t.count(q) != 1:
            bad(f"target quote occurs {t.count(q)} times: {q}")
        if r["comparator"] not in COMPARATORS:
            bad(f"comparator {r['comparator']}")
        v, vmax = num(r["value"]), num(r["value_max"])
        if v is None:
            bad(f"target without value: {q}")
        elif not any(f in q for f in written_forms(v)):
            bad(f"target value {r['value']} not written in quote: {q}")
        if (r["comparator"] == "range") != (vmax is not None):
            bad(f"range/value_max mismatch: {q}")
        if r["deadline_year"] and not re.fullmatch(r"20\d\d", r["deadline_year"]):
            bad(f"deadline_year {r['deadline_year']}")
        if not r["indicator"] or not r["unit"]:
            bad(f"target without indicator or unit: {q}")

    n_fig = 0
    for r in tables["subsidies"]:
        t = texts.get(r["source_id"], "")
        q = r["quote"]
        if q not in t:
            bad(f"subsidy quote not in text: {q}")
        if r["kind"] not in KINDS:
            bad(f"kind {r['kind']}")
        if r["basis"] not in BASES:
            bad(f"basis {r['basis']}")
        if r["frequency"] not in FREQS:
            bad(f"frequency {r['frequency']}")
        if r["recipient_type"] not in RTYPES:
            bad(f"recipient_type {r['recipient_type']}")
        if not r["recipient"]:
            bad(f"subsidy without recipient: {q}")
        figs = [(c, num(r[c])) for c in ("amount_yuan", "rate_percent", "cap_yuan")]
        figs = [(c, x) for c, x in figs if x is not None]
        n_fig += bool(figs)
        for c, x in figs:
            if not any(f in q for f in written_forms(x)):
                bad(f"subsidy {c} {x} not written in quote: {q}")

    seen = set()
    for r in tables["measures"]:
        key = (r["source_id"], r["path"])
        if key in seen:
            bad(f"duplicate measure path {key}")
        seen.add(key)
        if not re.fullmatch(r"(T\d+|\d+(\.\d+)?)", r["path"]):
            bad(f"measure path {r['path']}")
        if "." in r["path"] and (r["source_id"], r["path"].rsplit(".", 1)[0]) not in seen:
            bad(f"measure parent missing for {key}")
        if r["heading"] not in texts.get(r["source_id"], ""):
            bad(f"measure heading not in text: {r['heading']}")

    print(f"check_gold: {len(texts)} texts, {len(docs)} documents, {len(tables['targets'])} targets, "
          f"{len(tables['subsidies'])} subsidies ({n_fig} with a figure), {len(tables['measures'])} measures; "
          f"{len(problems)} problems")
    for p in problems:
        print("  " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
