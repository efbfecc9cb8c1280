"""Score outline and metadata extraction on the fresh hand-annotated documents.

Each `NAME.txt` here has `NAME.measures.csv` (path, heading, lead_units,
support_units; levels 1-2 and task rows only) and `NAME.meta.json`, both written
by hand before the extractors were run. Run as a script for a report:
`.venv/bin/python tests/data/fresh_outline/fresh_score.py [-v]`.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).parent
META_FIELDS = ("title", "doc_number", "issuer", "published_date", "written_date", "doc_type")
_PUNCT = re.compile(r"[\s\W_]+")


def names() -> list[str]:
    return sorted(p.stem for p in HERE.glob("*.txt"))


def norm(heading: str | None) -> str:
    return _PUNCT.sub("", heading or "")


def same_heading(gold: str, pred: str) -> bool:
    """Equal without punctuation, or one a prefix of the other (long clause headings may be cut)."""
    g, p = norm(gold), norm(pred)
    if g == p:
        return True
    short, long_ = sorted((g, p), key=len)
    return len(short) >= 12 and long_.startswith(short)


def units(text: str | None) -> frozenset[str]:
    return frozenset(u.strip() for u in re.split(r"[;；]", text or "") if u.strip())


def shallow(rows: list[dict]) -> list[dict]:
    return [r for r in rows if r["path"].startswith("T") or r["path"].count(".") <= 1]


def score_measures(name: str, pred: list[dict]) -> dict:
    with open(HERE / f"{name}.measures.csv", encoding="utf-8") as f:
        gold = list(csv.DictReader(f))
    pred = shallow(pred)
    by_path = {r["path"]: r for r in pred}
    matched, unit_total, unit_right, misses, unit_errors = 0, 0, 0, [], []
    for g in gold:
        p = by_path.get(g["path"])
        if p is None or not same_heading(g["heading"], p["heading"]):
            misses.append((g["path"], g["heading"], p and p["heading"]))
            continue
        matched += 1
        gl, gs = units(g["lead_units"]), units(g["support_units"])
        pl, ps = units(p.get("lead_units")), units(p.get("support_units"))
        if gl or gs or pl or ps:
            unit_total += 1
            if (gl, gs) == (pl, ps):
                unit_right += 1
            else:
                unit_errors.append((g["path"], sorted(gl), sorted(gs), sorted(pl), sorted(ps)))
    gold_paths = {g["path"] for g in gold}
    extra = [
        (r["path"], r["heading"])
        for r in pred
        if r["path"] not in gold_paths
        or not same_heading(next(g["heading"] for g in gold if g["path"] == r["path"]), r["heading"])
    ]
    return {
        "gold": len(gold),
        "pred": len(pred),
        "matched": matched,
        "unit_total": unit_total,
        "unit_right": unit_right,
        "misses": misses,
        "extra": extra,
        "unit_errors": unit_errors,
    }


def score_metadata(name: str, pred: dict) -> dict:
    gold = json.loads((HERE / f"{name}.meta.json").read_text(encoding="utf-8"))
    wrong = {k: (gold[k], pred.get(k)) for k in META_FIELDS if gold[k] != pred.get(k)}
    return {"fields": len(META_FIELDS), "right": len(META_FIELDS) - len(wrong), "wrong": wrong}


def run(verbose: bool = False) -> dict:
    from yanglao.extract.outline import extract_measures
    from yanglao.parse.clean import clean_text
    from yanglao.parse.metadata import extract_metadata

    totals = {"gold": 0, "pred": 0, "matched": 0, "unit_total": 0, "unit_right": 0, "fields": 0, "right": 0}
    per_doc = {}
    for name in names():
        raw = (HERE / f"{name}.txt").read_text(encoding="utf-8")
        m = score_measures(name, extract_measures(clean_text(raw)))
        d = score_metadata(name, extract_metadata(raw))
        per_doc[name] = (m, d)
        for k in totals:
            totals[k] += m.get(k, 0) if k in m else d.get(k, 0)
        if verbose:
            print(
                f"== {name}: measures {m['matched']}/{m['gold']} gold, {m['pred']} extracted; "
                f"units {m['unit_right']}/{m['unit_total']}; metadata {d['right']}/{d['fields']}"
            )
            for miss in m["misses"]:
                print("   missed", miss)
            for extra in m["extra"]:
                print("   extra ", extra)
            for err in m["unit_errors"]:
                print("   units ", err)
            for field, (g, p) in d["wrong"].items():
                print(f"   meta   {field}: gold {g!r} got {p!r}")
    t = totals
    t["precision"] = t["matched"] / t["pred"] if t["pred"] else 0.0
    t["recall"] = t["matched"] / t["gold"] if t["gold"] else 0.0
    t["unit_accuracy"] = t["unit_right"] / t["unit_total"] if t["unit_total"] else 1.0
    t["metadata_accuracy"] = t["right"] / t["fields"]
    t["per_doc"] = per_doc
    return t


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parents[2]))
    t = run("-v" in sys.argv)
    print(
        f"measures P {t['precision']:.3f} R {t['recall']:.3f} ({t['matched']} matched, {t['pred']} extracted,"
        f" {t['gold']} gold); units {t['unit_right']}/{t['unit_total']} = {t['unit_accuracy']:.3f};"
        f" metadata {t['right']}/{t['fields']} = {t['metadata_accuracy']:.3f}"
    )
