"""Fast development loop: parse and extract the bundled documents and score them against the gold.

    .venv/bin/python scripts/devscore.py [--set dev|extra|all] [--verbose] [--docs ID,ID] [--keep DIR]

It reads every bundled document from the project's own archive through the real parse and extract
stages (no Prefect), writes the tables to a folder and runs the scorer on them against
`devset/gold/`. Metadata is scored as extracted from the page: the registry's curated title,
issuer, doc_type and date are set aside here. `--set dev` is the seven seed documents, `extra`
the eight of `../shared/corpus/extra`, `all` both (the default).
The scorer is `../shared/eval/score.py` when it is there, else the project's copy in `devset/`.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED_SCORER = ROOT.parent / "shared" / "eval" / "score.py"
SEED_IDS = {
    "wuhan-2020-reply-20200464",
    "shantou-2024-reply-20240062",
    "huzhou-2020-pilot-plan",
    "wuhan-2024-eldercare-measures",
    "wuhai-2025-reply-hn35",
    "guangzhou-2024-meal-service-rules",
    "guangzhou-2021-elderly-preferential-treatment",
}


def build_tables(ids: set[str] | None) -> dict[str, list[dict]]:
    """Every table as the pipeline builds it, metadata read from the page alone."""
    from yanglao.acquire.archive import Archive
    from yanglao.acquire.registry import load_registry
    from yanglao.extract.rows import extract_rows
    from yanglao.parse.documents import CURATED_FIELDS, build_document

    archive = Archive(ROOT / "archive")
    tables: dict[str, list[dict]] = {
        "documents": [],
        "targets": [],
        "subsidies": [],
        "measures": [],
        "doubtful": [],
    }
    for source in load_registry(ROOT / "sources.yaml"):
        if ids is not None and source.id not in ids:
            continue
        record = archive.latest(source.id)
        body = archive.read(record.sha256)
        bare = dataclasses.replace(source, **{name: None for name in CURATED_FIELDS})
        document = build_document(bare, record, body)
        curated = build_document(source, record, body)
        year = int(curated["published_date"][:4]) if curated.get("published_date") else None
        tables["documents"].append(document)
        rows = extract_rows(source.id, document["text"], document_year=year, title=document.get("title"))
        for name, table in rows.items():
            for row in table:
                if "quote" in row:
                    assert document["text"][row["start"] : row["end"]] == row["quote"], (source.id, row)
            tables[name].extend(table)
    return tables


def write(path: Path, rows: list[dict]) -> None:
    columns = list(dict.fromkeys(k for r in rows for k in r)) or ["document_id"]
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--set", choices=("dev", "extra", "all"), default="all")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--docs")
    parser.add_argument("--keep", type=Path, help="write the CSVs here instead of a temporary folder")
    args = parser.parse_args()
    from yanglao.acquire.registry import load_registry

    every = {s.id for s in load_registry(ROOT / "sources.yaml")}
    ids = {"dev": SEED_IDS, "extra": every - SEED_IDS, "all": every}[args.set]
    tables = build_tables(ids)
    out = args.keep or Path(tempfile.mkdtemp(prefix="devscore-"))
    out.mkdir(parents=True, exist_ok=True)
    for name, rows in tables.items():
        write(out / f"{name}.csv", rows)
    scorer = SHARED_SCORER if SHARED_SCORER.exists() else ROOT / "devset" / "score.py"
    gold = ROOT / "devset" / "gold"
    if args.set != "all" or args.docs:
        selected = [d for d in args.docs.split(",")] if args.docs else sorted(ids)
        gold = _gold_subset(gold, set(selected), out / "gold")
    cmd = [sys.executable, str(scorer), str(out), "--gold", str(gold)]
    if args.verbose:
        cmd.append("--verbose")
    return subprocess.call(cmd)


def _gold_subset(gold: Path, ids: set[str], into: Path) -> Path:
    """The gold rows of the chosen documents only (the scorer counts every document in documents.csv)."""
    into.mkdir(parents=True, exist_ok=True)
    for path in gold.glob("*.csv"):
        with path.open(encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            rows = [r for r in reader if (r.get("source_id") or r.get("document_id")) in ids]
            columns = reader.fieldnames
        with (into / path.name).open("w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=columns)
            writer.writeheader()
            writer.writerows(rows)
    return into


if __name__ == "__main__":
    sys.exit(main())
