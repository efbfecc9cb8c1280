"""Score the extractor on a folder of real documents kept as text, with their hand-made gold.

    .venv/bin/python scripts/textscore.py tests/data/heldout_real [--verbose] [--keep DIR]
    .venv/bin/python scripts/textscore.py tests/data/heldout_real tests/data/heldout_real2 ...   # pooled

With several folders the documents and golds are pooled into one score; a document id in two folders is
taken from the first (heldout_real and heldout_real2 both hold the 绍兴 regulation).

The folder holds `manifest.csv` (id, file, city, province, region_code, format), the texts and
`gold/` in the format of `../shared/gold`. Each text goes through the real parse and extract stages
as a snapshot of content type text/plain (or the manifest's format), metadata read from the text
alone; the tables are written to a temporary folder and scored by `../shared/eval/score.py`
(or the project's copy in `devset/`).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from devscore import SHARED_SCORER, write  # noqa: E402

CONTENT_TYPES = {"html": "text/html; charset=utf-8", "pdf": "application/pdf"}


def _address(provenance: str | None) -> str | None:
    """The page's address in a manifest's provenance (`https://… search corpus pages, retrieved …`), as the
    registry would give it; None for a repository file."""
    found = re.search(r"https?://[^\s,;\"]+", provenance or "")
    return found.group(0) if found else None


def manifest_document(folder: Path, entry: dict) -> dict:
    """The document of a manifest's entry, as the pipeline builds it from a snapshot of the text."""
    from yanglao.acquire.archive import SnapshotRecord
    from yanglao.acquire.registry import Source
    from yanglao.parse.documents import build_document

    body = (folder / entry["file"]).read_bytes()
    fmt = entry.get("format") or "text"
    source = Source(entry["id"], None, entry["city"], entry["province"], entry["region_code"], format=fmt)
    record = SnapshotRecord(
        entry["id"],
        _address(entry.get("provenance")),
        "2026-12-03T00:00:00Z",
        200,
        CONTENT_TYPES.get(fmt, "text/plain; charset=utf-8"),
        None,
        None,
        hashlib.sha256(body).hexdigest(),
        len(body),
    )
    return build_document(source, record, body)


def build_tables(folder: Path, skip: frozenset[str] = frozenset()) -> dict[str, list[dict]]:
    """Every table of the folder's documents (but those in `skip`), as the pipeline builds them."""
    from yanglao.extract.rows import extract_rows

    tables: dict[str, list[dict]] = {
        "documents": [],
        "targets": [],
        "subsidies": [],
        "measures": [],
        "doubtful": [],
    }
    with (folder / "manifest.csv").open(encoding="utf-8-sig", newline="") as f:
        manifest = list(csv.DictReader(f))
    for entry in manifest:
        if entry["id"] in skip:
            continue
        document = manifest_document(folder, entry)
        date = document.get("published_date")
        year = int(date[:4]) if date else None
        tables["documents"].append(document)
        for name, rows in extract_rows(
            entry["id"], document["text"], document_year=year, title=document.get("title")
        ).items():
            for row in rows:
                if "quote" in row:
                    assert document["text"][row["start"] : row["end"]] == row["quote"], (entry["id"], row)
            tables[name].extend(rows)
    return tables


def _pooled(folders: list[Path], out: Path) -> tuple[dict[str, list[dict]], Path]:
    """The tables of every folder and one gold of them all (the union of their columns), under `out/gold`."""
    tables: dict[str, list[dict]] = {}
    gold_rows: dict[str, tuple[list[str], list[dict]]] = {}
    seen: set[str] = set()
    for folder in folders:
        for name, rows in build_tables(folder, frozenset(seen)).items():
            tables.setdefault(name, []).extend(rows)
        for path in sorted((folder / "gold").glob("*.csv")):
            with path.open(encoding="utf-8-sig", newline="") as f:
                reader = csv.DictReader(f)
                rows = [r for r in reader if (r.get("document_id") or r.get("source_id")) not in seen]
                header = list(reader.fieldnames or [])
            columns, kept = gold_rows.get(path.name, ([], []))
            gold_rows[path.name] = (columns + [c for c in header if c not in columns], kept + rows)
        with (folder / "manifest.csv").open(encoding="utf-8-sig", newline="") as f:
            seen |= {row["id"] for row in csv.DictReader(f)}
    gold = out / "gold"
    gold.mkdir(exist_ok=True)
    for name, (columns, rows) in gold_rows.items():
        with (gold / name).open("w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, columns, restval="")
            writer.writeheader()
            writer.writerows(rows)
    return tables, gold


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("folders", type=Path, nargs="+")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--keep", type=Path, help="write the CSVs here instead of a temporary folder")
    args = parser.parse_args()
    out = args.keep or Path(tempfile.mkdtemp(prefix="textscore-"))
    out.mkdir(parents=True, exist_ok=True)
    gold = args.folders[0] / "gold"
    if len(args.folders) == 1:
        tables = build_tables(args.folders[0])
    else:
        tables, gold = _pooled(args.folders, out)
    for name, rows in tables.items():
        write(out / f"{name}.csv", rows)
    scorer = SHARED_SCORER if SHARED_SCORER.exists() else ROOT / "devset" / "score.py"
    cmd = [sys.executable, str(scorer), str(out), "--gold", str(gold)]
    if args.verbose:
        cmd.append("--verbose")
    return subprocess.call(cmd)


if __name__ == "__main__":
    raise SystemExit(main())
