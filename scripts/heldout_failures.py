"""Why the extractor misses on held-out folders, pooled by class: what recurs across sets, not one set's errors.

    .venv/bin/python scripts/heldout_failures.py tests/data/heldout_real2 tests/data/heldout_real3 ...
    .venv/bin/python scripts/heldout_failures.py tests/data/heldout_real* --examples 5 --table subsidies

A rule is worth writing for a class that several sets share (issue 12: rules written for one set's language reached
none of the next sets' figures, round after round). For each gold row with a figure it prints the class of the miss:

- subsidies: `fact missed` (with the doubtful report's reason when the figure was left out), `ok`, or the meaning
  fields that differ (`kind`, `basis`, `who-empty`, `who-wrong`) on the extracted row with the same figures;
- targets: `ok`, `meaning` (the indicator), `year` or `unit` (same value, other key), `left out: <reason>`, `absent`;
- metadata: each field that is wrong.

Counts are per class with the sets it occurs in; `--examples N` lists N rows of each class. Folders are scored one
by one (the scorer is the one `scripts/textscore.py` uses); blind folders should not be passed.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from devscore import SHARED_SCORER  # noqa: E402
from textscore import build_tables  # noqa: E402


def load_scorer():
    path = SHARED_SCORER if SHARED_SCORER.exists() else ROOT / "devset" / "score.py"
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _gold(folder: Path, table: str, score) -> list[dict]:
    path = folder / "gold" / f"{table}.csv"
    return score.read_rows(path) if path.exists() else []


def _left_out_reason(score, doubtful: list[dict], table: str, doc: str, values: set) -> str | None:
    for row in doubtful:
        if (
            row.get("document_id") == doc
            and row.get("table_name") == table
            and score.num(row.get("value")) in values
        ):
            return row["reason"]
    return None


def subsidy_classes(score, gold: list[dict], tables: dict[str, list[dict]]) -> list[tuple[str, dict]]:
    """(class, gold row) for each gold subsidy row with a figure."""
    extracted = [row for row in tables["subsidies"] if score.has_figure(row)]
    by_key: dict = defaultdict(list)
    for row in extracted:
        by_key[score.subsidy_key(row)].append(row)
    out = []
    for g in (row for row in gold if score.has_figure(row)):
        found = by_key.get(score.subsidy_key(g), [])
        if not found:
            values = {score.num(g.get(c)) for c in ("amount_yuan", "rate_percent", "cap_yuan")} - {None}
            reason = _left_out_reason(score, tables["doubtful"], "subsidies", score.doc_of(g), values)
            out.append((f"fact missed: {reason}" if reason else "fact missed", g))
        elif any(score.subsidy_meaning(p, g) for p in found):
            out.append(("ok", g))
        else:
            p = found[0]
            who = " ".join(x for x in (p.get("recipient"), p.get("condition")) if x)
            flags = [f for f in ("kind", "basis") if g.get(f) and p.get(f) != g[f]]
            if not score.names_same(who, g.get("recipient")):
                flags.append("who-wrong" if who else "who-empty")
            out.append(("+".join(flags) or "meaning", g))
    return out


def target_classes(score, gold: list[dict], tables: dict[str, list[dict]]) -> list[tuple[str, dict]]:
    """(class, gold row) for each gold target."""
    extracted = tables["targets"]
    by_key: dict = defaultdict(list)
    for row in extracted:
        by_key[score.target_key(row)].append(row)
    out = []
    for g in gold:
        found = by_key.get(score.target_key(g), [])
        if found:
            out.append(("ok" if any(score.target_meaning(p, g) for p in found) else "meaning", g))
            continue
        doc, value = score.doc_of(g), score.num(g.get("value"))
        same = [p for p in extracted if score.doc_of(p) == doc and score.num(p.get("value")) == value]
        if same:
            out.append(
                ("unit" if score.unit(same[0].get("unit")) != score.unit(g.get("unit")) else "year", g)
            )
            continue
        reason = _left_out_reason(score, tables["doubtful"], "targets", doc, {value})
        out.append((f"left out: {reason}" if reason else "absent", g))
    return out


def metadata_classes(score, gold: list[dict], tables: dict[str, list[dict]]) -> list[tuple[str, dict]]:
    """(field, gold row) for each wrong metadata field."""
    by_id = {score.doc_of(row): row for row in tables["documents"]}
    out = []
    for g in gold:
        p = by_id.get(score.doc_of(g), {})
        for field in score.META_FIELDS:
            want = (g.get(field) or "").strip()
            got = (p.get(field) or "").strip()
            if not want:
                continue
            if field == "issuer":
                right = bool(score.plain(got)) and (
                    score.plain(want) in score.plain(got) or score.plain(got) in score.plain(want)
                )
            else:
                right = score.plain(got) == score.plain(want)
            out.append(("ok" if right else f"{field} wrong", g))
    return out


CLASSIFIERS = {"subsidies": subsidy_classes, "targets": target_classes, "documents": metadata_classes}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folders", type=Path, nargs="+")
    parser.add_argument("--table", choices=sorted(CLASSIFIERS), action="append")
    parser.add_argument("--examples", type=int, default=3, help="rows listed per class (default 3)")
    args = parser.parse_args()
    score = load_scorer()
    counts: dict[str, Counter] = {t: Counter() for t in CLASSIFIERS}
    sets: dict[str, dict[str, set]] = {t: defaultdict(set) for t in CLASSIFIERS}
    examples: dict[str, dict[str, list]] = {t: defaultdict(list) for t in CLASSIFIERS}
    for folder in args.folders:
        tables = build_tables(folder)
        for table, classify in CLASSIFIERS.items():
            for label, g in classify(score, _gold(folder, table, score), tables):
                counts[table][label] += 1
                sets[table][label].add(folder.name)
                examples[table][label].append(
                    (folder.name, g.get("quote") or g.get("title") or score.doc_of(g))
                )
    for table in args.table or sorted(CLASSIFIERS):
        print(f"== {table}: {sum(counts[table].values())} gold rows or fields")
        for label, n in counts[table].most_common():
            print(f"{n:5d}  {label}  (in {len(sets[table][label])} of {len(args.folders)} folders)")
            if label != "ok":
                for name, quote in examples[table][label][: args.examples]:
                    print(f"         {name}: {str(quote)[:70]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
