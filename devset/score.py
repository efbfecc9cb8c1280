# A copy of ../shared/eval/score.py (the development scorer the project is measured with), kept in the
# project so that every release can score itself against devset/gold/ in a clone with nothing beside it.
#!/usr/bin/env python3
"""Score extracted targets, subsidies, measures and document metadata against a gold annotation.

Usage:
    score.py DATA_DIR [--gold GOLD_DIR] [--docs ID,ID] [--verbose] [--min-f1 X]

DATA_DIR holds the published CSVs of one release (columns as in DATA_CONTRACT.md).
GOLD_DIR holds gold files of the same names (default: the gold/ folder beside this
script). The documents scored are those listed in GOLD_DIR/documents.csv when it
exists (so a document with no gold targets still counts every target extracted from
it as a false positive), else every document named in any gold file.

Two levels of matching:
  facts     targets    (document, value, unit, deadline_year)
            subsidies  (document, amount_yuan, rate_percent, cap_yuan), rows with a figure
  meaning   the same, and the words around the figure are right as well:
            targets_meaning    the indicator names what the gold indicator names
            subsidies_meaning  kind and basis equal the gold's, and the recipient (with
                               its condition, when given) names what the gold recipient names
  provisions  subsidy rows with no amount, rate or cap: matched by their quotes
              (same document, quotes overlapping)
  measures    (document, heading with punctuation and spaces removed)
  metadata    documents.csv fields title, doc_number, issuer, published_date, doc_type,
              against GOLD_DIR/documents.csv when it exists: share of fields right

"Names what the gold names" compares character pairs with the gold phrase's core (its
bracketed asides removed): the extracted phrase covers at least half of the core's pairs,
or at least 60% of its own pairs occur in the gold phrase and they cover a quarter of
the core; and it is not more than twice as long as the gold phrase (plus 10 characters).
Each gold row can be matched once. The last line is a summary that a script can read;
with --min-f1 the exit status is 1 when any table's F1 is below X.
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

UNIT_ALIASES = {"％": "%", "平米": "平方米", "㎡": "平方米", "km": "公里", "千米": "公里", "元/人": "元"}
PUNCT = re.compile(r"[\s\u3000、，,。.;；:：()（）“”\"'《》〈〉【】\[\]!！?？\-—_/|〔〕]+")
META_FIELDS = ("title", "doc_number", "issuer", "published_date", "doc_type")


def read_rows(path: Path) -> list[dict]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def doc_of(row: dict) -> str:
    return (row.get("document_id") or row.get("source_id") or "").strip()


def num(text: str | None) -> float | None:
    if text is None:
        return None
    text = str(text).strip().replace(",", "")
    if text == "" or text.lower() in {"nan", "none", "null"}:
        return None
    try:
        return round(float(text), 4)
    except ValueError:
        return None


def year(text: str | None) -> int | None:
    value = num(text)
    return int(value) if value is not None else None


def unit(text: str | None) -> str:
    text = (text or "").strip()
    return UNIT_ALIASES.get(text, text)


def plain(text: str | None) -> str:
    return PUNCT.sub("", text or "")


def pairs(text: str | None) -> set[str]:
    t = plain(text)
    return {t[i : i + 2] for i in range(len(t) - 1)} or ({t} if t else set())


ASIDE = re.compile(r"[(（][^()（）]*[)）]")


def names_same(extracted: str | None, gold: str | None) -> bool:
    """The extracted phrase names what the gold phrase names (see the module docstring)."""
    if not plain(gold):
        return True
    core = plain(ASIDE.sub("", gold or "")) or plain(gold)  # the gold's bracketed asides are context, not the name
    e, g, c = pairs(extracted), pairs(gold), pairs(core)
    if not e or len(plain(extracted)) > 2 * len(plain(gold)) + 10:
        return False
    covered = len(e & c) / len(c)
    return covered >= 0.5 or (len(e & g) / len(e) >= 0.6 and covered >= 0.25)


def target_key(row: dict):
    return (doc_of(row), num(row.get("value")), unit(row.get("unit")), year(row.get("deadline_year")))


def subsidy_key(row: dict):
    return (doc_of(row), num(row.get("amount_yuan")), num(row.get("rate_percent")), num(row.get("cap_yuan")))


def measure_key(row: dict):
    return (doc_of(row), plain(row.get("heading")))


def has_figure(row: dict) -> bool:
    return any(num(row.get(c)) is not None for c in ("amount_yuan", "rate_percent", "cap_yuan"))


def target_meaning(pred: dict, gold: dict) -> bool:
    return names_same(pred.get("indicator"), gold.get("indicator"))


def subsidy_meaning(pred: dict, gold: dict) -> bool:
    same = lambda c: not (gold.get(c) or "").strip() or (pred.get(c) or "").strip() == gold[c].strip()  # noqa: E731
    who = " ".join(x for x in (pred.get("recipient"), pred.get("condition")) if x)
    return same("kind") and same("basis") and names_same(who, gold.get("recipient"))


def quotes_overlap(pred: dict, gold: dict) -> bool:
    p, g = plain(pred.get("quote")), plain(gold.get("quote"))
    if not p or not g:
        return False
    if p in g or g in p:
        return True
    pp, gp = pairs(p), pairs(g)
    return len(pp & gp) / min(len(pp), len(gp)) >= 0.6


def match(gold: list[dict], pred: list[dict], key, ok=None) -> tuple[int, list[int], list[int]]:
    """Pair predictions with gold rows of equal key (and, with `ok`, meaning). Returns hits and the unmatched."""
    by_key: dict = defaultdict(list)
    for i, g in enumerate(gold):
        by_key[key(g)].append(i)
    used_g, used_p = set(), set()
    for j, p in enumerate(pred):
        for i in by_key.get(key(p), []):
            if i not in used_g and (ok is None or ok(p, gold[i])):
                used_g.add(i)
                used_p.add(j)
                break
    return len(used_g), [i for i in range(len(gold)) if i not in used_g], [j for j in range(len(pred)) if j not in used_p]


def match_provisions(gold: list[dict], pred: list[dict]) -> tuple[int, list[int], list[int]]:
    used_g, used_p = set(), set()
    for j, p in enumerate(pred):
        for i, g in enumerate(gold):
            if i not in used_g and doc_of(g) == doc_of(p) and quotes_overlap(p, g):
                used_g.add(i)
                used_p.add(j)
                break
    return len(used_g), [i for i in range(len(gold)) if i not in used_g], [j for j in range(len(pred)) if j not in used_p]


def report(name: str, gold: list[dict], pred: list[dict], result, verbose: bool, label) -> tuple[float, float, float]:
    hit, missed, extra = result
    precision = hit / len(pred) if pred else 0.0
    recall = hit / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"{name}: precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}  (matched {hit}, gold {len(gold)}, extracted {len(pred)})")
    per_doc = defaultdict(lambda: [0, 0, 0])
    for r in gold:
        per_doc[doc_of(r)][1] += 1
    for r in pred:
        per_doc[doc_of(r)][2] += 1
    for i in missed:
        per_doc[doc_of(gold[i])][0] -= 1
    for doc, counts in per_doc.items():
        counts[0] += counts[1]
    for doc in sorted(per_doc):
        h, g, p = per_doc[doc]
        print(f"    {doc}: matched {h} of gold {g}, extracted {p}")
    if verbose:
        for i in missed:
            print(f"    missed  {label(gold[i])}")
        for j in extra:
            print(f"    extra   {label(pred[j])}")
    return precision, recall, f1


def target_label(r: dict) -> str:
    return f"{target_key(r)} [{r.get('indicator') or ''}] {(r.get('quote') or '')[:60]}"


def subsidy_label(r: dict) -> str:
    return f"{subsidy_key(r)} {r.get('kind') or ''}/{r.get('basis') or ''} [{r.get('recipient') or ''}] {(r.get('quote') or '')[:60]}"


def provision_label(r: dict) -> str:
    return f"{doc_of(r)} {r.get('kind') or ''} {(r.get('quote') or '')[:70]}"


def measure_label(r: dict) -> str:
    return f"{doc_of(r)} {r.get('path') or ''} {(r.get('heading') or '')[:60]}"


def metadata(gold_docs: list[dict], pred_docs: list[dict], verbose: bool) -> float:
    by_id = {doc_of(r): r for r in pred_docs}
    right = total = 0
    wrong: list[str] = []
    for g in gold_docs:
        p = by_id.get(doc_of(g), {})
        for field in META_FIELDS:
            want = (g.get(field) or "").strip()
            if not want:
                continue
            got = (p.get(field) or "").strip()
            if field == "title":
                ok = plain(got) == plain(want)
            elif field == "issuer":
                ok = bool(plain(got)) and (plain(want) in plain(got) or plain(got) in plain(want))
            else:
                ok = plain(got) == plain(want)
            total += 1
            right += ok
            if not ok:
                wrong.append(f"    wrong   {doc_of(g)} {field}: {got[:50]!r}, gold {want[:50]!r}")
    accuracy = right / total if total else 0.0
    print(f"metadata: {right} of {total} fields right ({accuracy:.3f})")
    if verbose:
        print("\n".join(wrong))
    return accuracy


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--gold", type=Path, default=Path(__file__).resolve().parent.parent / "gold")
    parser.add_argument("--docs", help="comma-separated document ids to score (default: gold documents.csv, else all in gold)")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--min-f1", type=float)
    args = parser.parse_args()

    gold = {t: read_rows(args.gold / f"{t}.csv") for t in ("targets", "subsidies", "measures", "documents")}
    pred = {t: read_rows(args.data_dir / f"{t}.csv") for t in ("targets", "subsidies", "measures", "documents")}
    if args.docs:
        docs = set(args.docs.split(","))
    elif gold["documents"]:
        docs = {doc_of(r) for r in gold["documents"]}
    else:
        docs = {doc_of(r) for t in ("targets", "subsidies", "measures") for r in gold[t]}
    within = lambda rows: [r for r in rows if doc_of(r) in docs]  # noqa: E731

    summary, failing = [], False

    def add(name: str, prf: tuple[float, float, float]) -> None:
        nonlocal failing
        p, r, f1 = prf
        summary.append(f"{name} P={p:.2f} R={r:.2f} F1={f1:.2f}")
        failing |= args.min_f1 is not None and f1 < args.min_f1

    if gold["targets"]:
        g, p = within(gold["targets"]), within(pred["targets"])
        add("targets", report("targets", g, p, match(g, p, target_key), args.verbose, target_label))
        add("targets_meaning", report("targets_meaning", g, p, match(g, p, target_key, target_meaning), args.verbose, target_label))
    if gold["subsidies"]:
        g = [r for r in within(gold["subsidies"]) if has_figure(r)]
        p = [r for r in within(pred["subsidies"]) if has_figure(r)]
        add("subsidies", report("subsidies", g, p, match(g, p, subsidy_key), args.verbose, subsidy_label))
        add("subsidies_meaning", report("subsidies_meaning", g, p, match(g, p, subsidy_key, subsidy_meaning), args.verbose, subsidy_label))
        g = [r for r in within(gold["subsidies"]) if not has_figure(r)]
        p = [r for r in within(pred["subsidies"]) if not has_figure(r)]
        add("provisions", report("provisions", g, p, match_provisions(g, p), args.verbose, provision_label))
    if gold["measures"]:
        g, p = within(gold["measures"]), within(pred["measures"])
        # Deeper outline levels are not annotated: do not count them as false positives.
        keys = {measure_key(r) for r in g}
        p = [r for r in p if (r.get("path") or "").count(".") <= 1 or measure_key(r) in keys]
        add("measures", report("measures", g, p, match(g, p, measure_key), args.verbose, measure_label))
    if gold["documents"] and any(gold["documents"][0].get(f) is not None for f in META_FIELDS):
        accuracy = metadata(within(gold["documents"]), pred["documents"], args.verbose)
        add("metadata", (accuracy, accuracy, accuracy))
    print("; ".join(summary))
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
