#!/usr/bin/env python3
"""Check the heldout11 gold against its texts and the manifest.

Checks: every quote is a substring of its document's text; target quotes are unique in their
document (so text.find(quote) gives the offset); numbers parse; enums are valid; ids match the
manifest (and every manifest file exists); measure paths are unique with parents present and
headings occur in the text; dates are ISO; columns equal those of /work/shared/gold/*.csv.
Prints one summary line; exit status 1 on any error.
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
KINDS = {"construction", "operation", "reward", "service_purchase", "allowance", "training", "budget_allocation", "other"}
BASES = {"facility", "bed", "person", "household", "meal", "project", "total"}
FREQS = {"one_off", "annual", "monthly", "daily", "per_meal", "unspecified"}
RTYPES = {"older_person", "provider", "worker", "government", "other"}

errors: list[str] = []


def rows(path: Path) -> tuple[list[str], list[dict]]:
    with path.open(encoding="utf-8", newline="") as f:
        r = csv.DictReader(f)
        return list(r.fieldnames or []), list(r)


def num(v: str, what: str, required: bool = False):
    if v == "":
        if required:
            errors.append(f"missing number: {what}")
        return None
    try:
        return float(v)
    except ValueError:
        errors.append(f"not a number {v!r}: {what}")
        return None


def iso(v: str, what: str) -> None:
    if v:
        try:
            date.fromisoformat(v)
        except ValueError:
            errors.append(f"not an ISO date {v!r}: {what}")


def main() -> int:
    _, manifest = rows(HERE / "manifest.csv")
    texts = {}
    for m in manifest:
        p = HERE / m["file"]
        if not p.exists():
            errors.append(f"manifest file missing: {m['file']}")
            continue
        if not re.fullmatch(r"\d\d_" + re.escape(m["id"]) + r"\.txt", m["file"]):
            errors.append(f"file name does not match id: {m['id']}")
        if not re.fullmatch(r"\d{6}", m["region_code"]):
            errors.append(f"bad region_code {m['region_code']}")
        if m["format"] != "text" or "retrieved 2026-12-04" not in m["provenance"] or ".gov.cn" not in m["provenance"]:
            errors.append(f"bad format/provenance for {m['id']}")
        texts[m["id"]] = p.read_text(encoding="utf-8")

    counts = {}
    for name in ("documents", "targets", "subsidies", "measures"):
        cols, data = rows(GOLD / f"{name}.csv")
        shared_cols, _ = rows(SHARED / f"{name}.csv")
        if cols != shared_cols:
            errors.append(f"{name}.csv columns {cols} differ from shared {shared_cols}")
        counts[name] = data

    ids_seen = set()
    for d in counts["documents"]:
        i = d["document_id"]
        ids_seen.add(i)
        if i not in texts:
            errors.append(f"documents: unknown id {i}")
        if d["doc_type"] not in DOC_TYPES:
            errors.append(f"documents: bad doc_type {d['doc_type']} ({i})")
        iso(d["published_date"], f"{i} published_date")
        iso(d["written_date"], f"{i} written_date")
        for field in ("title", "doc_number", "issuer"):
            v = d[field]
            if v and re.sub(r"\s", "", v) not in re.sub(r"\s", "", texts.get(i, "")) and field != "issuer":
                errors.append(f"documents: {field} {v!r} not found in text ({i})")
    if ids_seen != set(texts):
        errors.append(f"documents.csv ids {sorted(ids_seen)} differ from manifest {sorted(texts)}")

    for t in counts["targets"]:
        i, q = t["source_id"], t["quote"]
        text = texts.get(i)
        if text is None:
            errors.append(f"targets: unknown id {i}")
            continue
        if q not in text:
            errors.append(f"targets: quote not in text: {q!r} ({i})")
        elif text.count(q) != 1:
            errors.append(f"targets: quote not unique: {q!r} ({i})")
        if t["comparator"] not in COMPARATORS:
            errors.append(f"targets: bad comparator {t['comparator']}")
        v = num(t["value"], f"target value {q!r}", required=True)
        vm = num(t["value_max"], f"target value_max {q!r}")
        if (t["comparator"] == "range") != (vm is not None):
            errors.append(f"targets: value_max only and always with range: {q!r}")
        if v is not None and vm is not None and vm < v:
            errors.append(f"targets: value_max < value: {q!r}")
        if not t["unit"]:
            errors.append(f"targets: missing unit: {q!r}")
        if t["deadline_year"] and not re.fullmatch(r"(19|20)\d\d", t["deadline_year"]):
            errors.append(f"targets: bad deadline_year {t['deadline_year']}")
        if v is not None and t["value"] not in q:
            errors.append(f"targets: value {t['value']} not written in quote {q!r}")

    for s in counts["subsidies"]:
        i, q = s["source_id"], s["quote"]
        if i not in texts:
            errors.append(f"subsidies: unknown id {i}")
        elif q not in texts[i]:
            errors.append(f"subsidies: quote not in text: {q!r} ({i})")
        if s["kind"] not in KINDS:
            errors.append(f"subsidies: bad kind {s['kind']}")
        if s["basis"] and s["basis"] not in BASES:
            errors.append(f"subsidies: bad basis {s['basis']}")
        if s["frequency"] not in FREQS:
            errors.append(f"subsidies: bad frequency {s['frequency']}")
        for c in ("amount_yuan", "rate_percent", "cap_yuan"):
            num(s[c], f"subsidy {c} {q!r}")
        if not s["recipient"]:
            errors.append(f"subsidies: missing recipient {q!r}")

    _, extra = rows(GOLD / "subsidies_extra.csv")
    if len(extra) != len(counts["subsidies"]):
        errors.append("subsidies_extra.csv row count differs from subsidies.csv")
    for n, (e, s) in enumerate(zip(extra, counts["subsidies"]), 1):
        if e["row"] != str(n) or e["source_id"] != s["source_id"] or e["quote"] != s["quote"]:
            errors.append(f"subsidies_extra row {n} does not line up with subsidies.csv")
        if e["recipient_type"] not in RTYPES:
            errors.append(f"subsidies_extra: bad recipient_type {e['recipient_type']}")

    paths: dict[str, set] = {}
    for m in counts["measures"]:
        i, p, h = m["source_id"], m["path"], m["heading"]
        if i not in texts:
            errors.append(f"measures: unknown id {i}")
            continue
        if not re.fullmatch(r"\d+(\.\d+)?", p):
            errors.append(f"measures: bad path {p}")
        if p in paths.setdefault(i, set()):
            errors.append(f"measures: duplicate path {i}:{p}")
        paths[i].add(p)
        if "." in p and p.rsplit(".", 1)[0] not in paths[i]:
            errors.append(f"measures: parent of {i}:{p} missing")
        if h not in texts[i]:
            errors.append(f"measures: heading not in text: {h!r} ({i})")

    n = {k: len(v) for k, v in counts.items()}
    with_fig = sum(1 for s in counts["subsidies"] if any(s[c] for c in ("amount_yuan", "rate_percent", "cap_yuan")))
    status = "OK" if not errors else f"{len(errors)} ERRORS"
    for e in errors:
        print("ERROR", e)
    print(f"check_gold: {status} — {len(texts)} texts, {n['documents']} documents, {n['targets']} targets, "
          f"{n['subsidies']} subsidies ({with_fig} with a figure), {n['measures']} measures; "
          f"all quotes are substrings, target quotes unique, numbers parse, enums valid, ids match manifest")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
