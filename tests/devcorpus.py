"""The development corpus for the tests, from the project's own copies (no `../shared` needed).

The seven documents' bytes are the first snapshots in the project's archive; the manifest and the
visible text of the two HTML pages are under `tests/data/corpus/` (see its README for provenance).
`corpus_dir()` lays them out once per session as the corpus was laid out (`seeds/`, `html/`,
`text/`, `manifest.csv`), so that a test reads `corpus_dir() / "seeds" / "x.txt"` as before.
"""

from __future__ import annotations

import atexit
import csv
import json
import shutil
import tempfile
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARCHIVE = ROOT / "archive"
COPIES = Path(__file__).resolve().parent / "data" / "corpus"
GOLD = ROOT / "devset" / "gold"


def snapshot_bytes(source_id: str) -> bytes:
    """The bytes of a source's first archived snapshot (the one imported from the development corpus)."""
    with (ARCHIVE / "records" / f"{source_id}.jsonl").open(encoding="utf-8") as f:
        first = json.loads(f.readline())
    sha = first["sha256"]
    return (ARCHIVE / "objects" / sha[:2] / sha).read_bytes()


@cache
def corpus_dir() -> Path:
    """A temporary folder with the corpus layout, built on first use and removed at exit."""
    folder = Path(tempfile.mkdtemp(prefix="yanglao-corpus-"))
    atexit.register(shutil.rmtree, folder, True)
    shutil.copytree(COPIES, folder, dirs_exist_ok=True)
    with (COPIES / "manifest.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            path = folder / row["file"]
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(snapshot_bytes(row["source_id"]))
    return folder


@cache
def published_text(document_id: str) -> str:
    """A bundled document's text as the committed release publishes it (`datasets/latest/documents.csv`)."""
    csv.field_size_limit(1 << 30)
    with (ROOT / "datasets" / "latest" / "documents.csv").open(encoding="utf-8", newline="") as f:
        return next(row["text"] for row in csv.DictReader(f) if row["document_id"] == document_id)


def as_read(raw: str) -> str:
    """A held-out text as the pipeline reads it (build_document): in simplified characters, cleaned. A rule's
    example may be copied from either form of its text (`tests/test_rulebook.py`, `tests/test_recipients.py`)."""
    from yanglao.parse.clean import clean_text, simplified

    return clean_text(simplified(raw))
