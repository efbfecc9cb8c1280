"""The quality report shipped with every release: rows per table per document, and the scores of the
release against the development set's hand annotations (`devset/gold/`), matched on facts the way
the project's scorer matches them."""

from __future__ import annotations

import csv
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

GOLD_DIR = Path(__file__).resolve().parents[2] / "devset" / "gold"
UNIT_ALIASES = {"％": "%", "平米": "平方米", "㎡": "平方米", "km": "公里", "千米": "公里", "元/人": "元"}
PUNCT = re.compile(r"[\s\u3000、，,。.;；:：()（）“”\"'《》〈〉【】\[\]!！?？\-—_/|]+")


def _num(value) -> float | None:
    if value is None or str(value).strip() in {"", "nan", "None"}:
        return None
    try:
        return round(float(str(value).replace(",", "")), 4)
    except ValueError:
        return None


def _doc(row: dict) -> str:
    return (row.get("document_id") or row.get("source_id") or "").strip()


def _has_figure(row: dict) -> bool:
    return any(_num(row.get(c)) is not None for c in ("amount_yuan", "rate_percent", "cap_yuan"))


KEYS = {
    "targets": lambda r: (
        _doc(r),
        _num(r.get("value")),
        UNIT_ALIASES.get(r.get("unit") or "", r.get("unit") or ""),
        None if _num(r.get("deadline_year")) is None else int(_num(r.get("deadline_year"))),
    ),
    "subsidies": lambda r: (
        _doc(r),
        _num(r.get("amount_yuan")),
        _num(r.get("rate_percent")),
        _num(r.get("cap_yuan")),
    ),
    "provisions": lambda r: (_doc(r),),
    "measures": lambda r: (_doc(r), PUNCT.sub("", r.get("heading") or "")),
}
SOURCE_TABLE = {
    "targets": "targets",
    "subsidies": "subsidies",
    "provisions": "subsidies",
    "measures": "measures",
}


def _select(kind: str, rows: list[dict]) -> list[dict]:
    if kind == "subsidies":
        return [r for r in rows if _has_figure(r)]
    if kind == "provisions":
        return [r for r in rows if not _has_figure(r)]
    return rows


def score(kind: str, gold: list[dict], extracted: list[dict]) -> dict:
    """Precision, recall and F1 of `extracted` against `gold`, over the documents the gold covers."""
    key = KEYS[kind]
    docs = {_doc(r) for r in gold}
    gold = _select(kind, gold)
    extracted = [r for r in _select(kind, extracted) if _doc(r) in docs]
    if kind == "measures":
        gold_keys = {key(g) for g in gold}
        extracted = [r for r in extracted if (r.get("path") or "").count(".") <= 1 or key(r) in gold_keys]
    want, got = Counter(key(r) for r in gold), Counter(key(r) for r in extracted)
    matched = sum((want & got).values())
    precision = matched / len(extracted) if extracted else 0.0
    recall = matched / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
        "matched": matched,
        "gold": len(gold),
        "extracted": len(extracted),
    }


def read_gold(folder: Path = GOLD_DIR) -> dict[str, list[dict]] | None:
    if not (folder / "targets.csv").exists():
        return None
    out = {}
    for name in ("targets", "subsidies", "measures"):
        with (folder / f"{name}.csv").open(encoding="utf-8-sig", newline="") as f:
            out[name] = list(csv.DictReader(f))
    return out


def quality_report(tables: dict[str, list[dict]], gold: dict[str, list[dict]] | None) -> dict:
    per_document: dict[str, dict[str, int]] = defaultdict(
        lambda: {"measures": 0, "targets": 0, "subsidies": 0}
    )
    for name in ("measures", "targets", "subsidies"):
        for row in tables.get(name, []):
            per_document[row["document_id"]][name] += 1
    for document in tables.get("documents", []):
        per_document[document["document_id"]]  # documents with no rows are listed too
    report: dict = {"rows_per_document": {k: per_document[k] for k in sorted(per_document)}}
    if gold is None:
        report["devset"] = None
        return report
    as_text = {
        name: [{k: ("" if v is None else str(v)) for k, v in r.items()} for r in tables.get(name, [])]
        for name in ("targets", "subsidies", "measures")
    }
    report["devset"] = {
        kind: score(kind, gold[SOURCE_TABLE[kind]], as_text[SOURCE_TABLE[kind]]) for kind in KEYS
    }
    return report


def quality_markdown(report: dict) -> str:
    lines = ["# Quality report", ""]
    if report.get("devset"):
        lines += [
            "Scores against the development set's hand annotations (`devset/gold/`), matched on facts.",
            "",
            "| table | precision | recall | F1 | matched | gold | extracted |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for kind, s in report["devset"].items():
            lines.append(
                f"| {kind} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | {s['matched']} | {s['gold']} | {s['extracted']} |"
            )
        lines.append("")
    lines += [
        "## Rows per document",
        "",
        "| document | measures | targets | subsidies |",
        "|---|---:|---:|---:|",
    ]
    for doc, counts in report["rows_per_document"].items():
        lines.append(f"| {doc} | {counts['measures']} | {counts['targets']} | {counts['subsidies']} |")
    return "\n".join(lines) + "\n"


def write_quality(folder: Path, tables: dict[str, list[dict]], gold_dir: Path = GOLD_DIR) -> None:
    report = quality_report(tables, read_gold(gold_dir))
    (folder / "quality.json").write_text(
        json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    (folder / "quality.md").write_text(quality_markdown(report), encoding="utf-8")
