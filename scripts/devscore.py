"""Fast development loop: run the pure extraction stages over the development corpus and score them.

    .venv/bin/python scripts/devscore.py [--verbose] [--docs ID,ID]

It reads the seven documents straight from ../shared/corpus (no Prefect, no archive),
writes targets.csv / subsidies.csv / measures.csv to a temporary folder and runs
../shared/eval/score.py on it. The real build (`yanglao run`) is what is published.
"""

from __future__ import annotations

import argparse
import csv
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"


def load_documents() -> dict[str, tuple[str, int | None]]:
    """Cleaned text and year per document id, through the project's own page and clean stages.

    The year is passed to the target extractor as the pipeline passes it (from published_date)."""
    from yanglao.parse import clean, pages

    docs = {}
    with open(SHARED / "corpus" / "manifest.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            path = SHARED / "corpus" / row["file"]
            raw = path.read_text(encoding="utf-8")
            if row["file"].endswith(".html"):
                raw = pages.html_to_text(raw)
            year = int(row["published_date"][:4]) if row.get("published_date") else None
            docs[row["source_id"]] = (clean.clean_text(raw), year)
    return docs


def write(path: Path, rows: list[dict]) -> None:
    columns = sorted({k for r in rows for k in r}) or ["document_id"]
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--docs")
    parser.add_argument("--keep", type=Path, help="write the CSVs here instead of a temporary folder")
    args = parser.parse_args()
    from yanglao.extract import outline, subsidies, targets

    docs = load_documents()
    tables: dict[str, list[dict]] = {"targets": [], "subsidies": [], "measures": []}
    for doc_id, (text, year) in docs.items():
        for name, extract in (
            ("targets", lambda t, y=year: targets.extract_targets(t, document_year=y)),
            ("subsidies", subsidies.extract_subsidies),
            ("measures", outline.extract_measures),
        ):
            for row in extract(text):
                if "quote" in row:
                    assert text[row["start"] : row["end"]] == row["quote"], (doc_id, row)
                tables[name].append({"document_id": doc_id, **row})
    out = args.keep or Path(tempfile.mkdtemp(prefix="devscore-"))
    out.mkdir(parents=True, exist_ok=True)
    for name, rows in tables.items():
        write(out / f"{name}.csv", rows)
    cmd = [sys.executable, str(SHARED / "eval" / "score.py"), str(out)]
    if args.verbose:
        cmd.append("--verbose")
    if args.docs:
        cmd += ["--docs", args.docs]
    return subprocess.call(cmd)


if __name__ == "__main__":
    sys.exit(main())
