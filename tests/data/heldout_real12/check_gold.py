#!/usr/bin/env python3
"""Check the heldout12 gold against its texts and the shared column layout.

Checks: columns equal /work/shared/gold/*.csv (subsidies: + condition, recipient_type);
manifest ids, files and region codes; every document id / source id is in the manifest;
every quote is an exact substring of its text and target quotes occur exactly once;
numbers parse; enums are valid; dates are ISO; measure paths are unique with parents
present and headings occur in the text. Prints one summary line; exit status 1 on error.
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
DOC_TYPES = {"proposal_reply", "suggestion_reply", "work_plan", "policy_measures", "rules", "notice", "other"}
KINDS = {"construction", "operation", "reward", "service_purchase", "allowance", "training", "budget_allocation",
         "other"}
BASES = {"facility", "bed", "person", "household", "meal", "project", "total"}
FREQS = {"one_off", "annual", "monthly", "daily", "per_meal", "unspecified"}
RTYPES = {"older_person", "provider", "worker", "government", "other"}

errors: list[str] = []


def err(msg: str) -> None:
    errors.append(msg)


def read(path: Path) -> tuple[list[str], list[dict]]:
    with path.open(encoding="utf-8", newline="") as f:
        r = csv.DictReader(f)
        return list(r.fieldnames or []), list(r)


def header_of(path: Path) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return next(csv.reader(f))


def num_ok(s: str, allow_empty: bool = True) -> bool:
    if s == "":
        return allow_empty
    try:
        float(s)
        return True
    except ValueError:
        return False


def date_ok(s: str) -> bool:
    if s == "":
        return True
    try:
        date.fromisoformat(s)
        return True
    except ValueError:
        return False


def main() -> int:
    # manifest
    mh, manifest = read(HERE / "manifest.csv")
    if mh != ["id", "file", "city", "province", "region_code", "format", "provenance"]:
        err(f"manifest columns {mh}")
    texts: dict[str, str] = {}
    for m in manifest:
        p = HERE / m["file"]
        if not p.exists():
            err(f"missing file {m['file']}")
            continue
        if not m["file"].endswith(f"_{m['id']}.txt") or not re.match(r"^\d\d_", m["file"]):
            err(f"file name {m['file']} does not match id {m['id']}")
        if not re.fullmatch(r"[a-z0-9-]+", m["id"]):
            err(f"bad id {m['id']}")
        if not re.fullmatch(r"\d{6}", m["region_code"]):
            err(f"bad region_code {m['region_code']}")
        if m["format"] != "text":
            err(f"format {m['format']}")
        if "retrieved 2026-12-04" not in m["provenance"] or ".gov.cn" not in m["provenance"]:
            err(f"provenance {m['provenance']}")
        texts[m["id"]] = p.read_text(encoding="utf-8")
    ids = set(texts)

    # columns against the shared gold
    for name in ("documents", "targets", "measures", "subsidies"):
        want = header_of(SHARED / f"{name}.csv")
        if name == "subsidies":
            want = want + ["condition", "recipient_type"]
        got = header_of(GOLD / f"{name}.csv")
        if got != want:
            err(f"{name}.csv columns {got} != {want}")

    # documents
    _, docs = read(GOLD / "documents.csv")
    doc_ids = [d["document_id"] for d in docs]
    if set(doc_ids) != ids or len(doc_ids) != len(set(doc_ids)):
        err(f"documents ids {doc_ids} do not match manifest {sorted(ids)}")
    for d in docs:
        if d["doc_type"] not in DOC_TYPES:
            err(f"doc_type {d['doc_type']}")
        for k in ("published_date", "written_date"):
            if not date_ok(d[k]):
                err(f"{d['document_id']} {k} {d[k]}")
        t = texts.get(d["document_id"], "")
        if d["doc_number"] and d["doc_number"] not in t:
            err(f"{d['document_id']} doc_number not in text")

    # targets
    _, targets = read(GOLD / "targets.csv")
    for r in targets:
        sid = r["source_id"]
        if sid not in ids:
            err(f"target source_id {sid}")
            continue
        n = texts[sid].count(r["quote"])
        if n != 1:
            err(f"target quote occurs {n}x: {r['quote']}")
        if r["comparator"] not in COMPARATORS:
            err(f"comparator {r['comparator']}")
        if not num_ok(r["value"], allow_empty=False) or not num_ok(r["value_max"]):
            err(f"target numbers {r['value']} {r['value_max']}")
        if (r["comparator"] == "range") != (r["value_max"] != ""):
            err(f"range/value_max mismatch {r['quote']}")
        if r["deadline_year"] and not re.fullmatch(r"20\d\d", r["deadline_year"]):
            err(f"deadline_year {r['deadline_year']}")
        if not r["indicator"] or not r["unit"]:
            err(f"indicator/unit empty {r['quote']}")

    # subsidies
    _, subs = read(GOLD / "subsidies.csv")
    for r in subs:
        sid = r["source_id"]
        if sid not in ids:
            err(f"subsidy source_id {sid}")
            continue
        if r["quote"] not in texts[sid]:
            err(f"subsidy quote not in text: {r['quote']}")
        for k in ("amount_yuan", "rate_percent", "cap_yuan"):
            if not num_ok(r[k]):
                err(f"subsidy {k} {r[k]}")
        if r["kind"] not in KINDS:
            err(f"kind {r['kind']}")
        if r["basis"] and r["basis"] not in BASES:
            err(f"basis {r['basis']}")
        if r["frequency"] not in FREQS:
            err(f"frequency {r['frequency']}")
        if r["recipient_type"] not in RTYPES:
            err(f"recipient_type {r['recipient_type']}")
        if not r["recipient"]:
            err(f"recipient empty {r['quote']}")

    # measures
    _, meas = read(GOLD / "measures.csv")
    seen: dict[str, set[str]] = {}
    for r in meas:
        sid = r["source_id"]
        if sid not in ids:
            err(f"measure source_id {sid}")
            continue
        paths = seen.setdefault(sid, set())
        if r["path"] in paths:
            err(f"duplicate path {sid}:{r['path']}")
        if not re.fullmatch(r"(T?\d+)(\.\d+)?", r["path"]):
            err(f"bad path {r['path']}")
        if "." in r["path"] and r["path"].rsplit(".", 1)[0] not in paths:
            err(f"parent missing {sid}:{r['path']}")
        paths.add(r["path"])
        if not r["heading"] or r["heading"] not in texts[sid]:
            err(f"heading not in text {sid}:{r['path']} {r['heading']}")

    status = "OK" if not errors else f"{len(errors)} ERRORS"
    for e in errors:
        print("ERROR:", e)
    print(f"check_gold: {status} — {len(manifest)} texts, {len(docs)} documents, {len(targets)} targets, "
          f"{len(subs)} subsidies, {len(meas)} measures; all quotes are exact substrings, target quotes unique")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
