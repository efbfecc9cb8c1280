"""Score the extractor on a folder of real documents kept as text, with their hand-made gold.

    .venv/bin/python scripts/textscore.py tests/data/heldout_real [--verbose] [--keep DIR]

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
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from devscore import SHARED_SCORER, write  # noqa: E402

CONTENT_TYPES = {"html": "text/html; charset=utf-8", "pdf": "application/pdf"}


def build_tables(folder: Path) -> dict[str, list[dict]]:
    """Every table of the folder's documents, as the pipeline builds them."""
    from yanglao.acquire.archive import SnapshotRecord
    from yanglao.acquire.registry import Source
    from yanglao.extract.rows import extract_rows
    from yanglao.parse.documents import build_document

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
        body = (folder / entry["file"]).read_bytes()
        fmt = entry.get("format") or "text"
        source = Source(entry["id"], None, entry["city"], entry["province"], entry["region_code"], format=fmt)
        record = SnapshotRecord(
            entry["id"],
            None,
            "2026-12-03T00:00:00Z",
            200,
            CONTENT_TYPES.get(fmt, "text/plain; charset=utf-8"),
            None,
            None,
            hashlib.sha256(body).hexdigest(),
            len(body),
        )
        document = build_document(source, record, body)
        date = document.get("published_date")
        year = int(date[:4]) if date else None
        tables["documents"].append(document)
        for name, rows in extract_rows(entry["id"], document["text"], document_year=year).items():
            for row in rows:
                if "quote" in row:
                    assert document["text"][row["start"] : row["end"]] == row["quote"], (entry["id"], row)
            tables[name].extend(rows)
    return tables


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--keep", type=Path, help="write the CSVs here instead of a temporary folder")
    args = parser.parse_args()
    tables = build_tables(args.folder)
    out = args.keep or Path(tempfile.mkdtemp(prefix="textscore-"))
    out.mkdir(parents=True, exist_ok=True)
    for name, rows in tables.items():
        write(out / f"{name}.csv", rows)
    scorer = SHARED_SCORER if SHARED_SCORER.exists() else ROOT / "devset" / "score.py"
    cmd = [sys.executable, str(scorer), str(out), "--gold", str(args.folder / "gold")]
    if args.verbose:
        cmd.append("--verbose")
    return subprocess.call(cmd)


if __name__ == "__main__":
    raise SystemExit(main())
