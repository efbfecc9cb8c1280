"""One-off: put the development documents of ../shared/corpus into the project's own archive and
registry. Kept so the shipped archive can be re-made and checked.

    .venv/bin/python scripts/import_corpus.py           # the seven seed documents (rewrites sources.yaml)
    .venv/bin/python scripts/import_corpus.py --extra   # add ../shared/corpus/extra (appends new ids)

The extra documents are stored public copies of page texts (see their manifest's provenance); the
registry gives them only their place and format, so that title, 文号, issuer and dates are read
from the text itself.
"""

from __future__ import annotations

import csv
import re
import sys
from datetime import UTC, datetime
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from yanglao.acquire.archive import Archive  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"


def main() -> None:
    archive = Archive(ROOT / "archive")
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    entries = []
    with (CORPUS / "manifest.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            path = CORPUS / row["file"]
            is_html = path.suffix == ".html"
            url = row["original_url"] if row["original_url"].startswith("http") else None
            note = (
                "Full HTML page as its site served it."
                if is_html
                else "Text captured from the page"
                + (" (published as PDF)" if row["as_published"] == "pdf" else "")
                + "; original address unknown, served from the archive only."
            )
            archive.store(
                row["source_id"],
                path.read_bytes(),
                url=url,
                retrieved_at=now,
                status=None,
                content_type="text/html; charset=utf-8" if is_html else "text/plain; charset=utf-8",
                etag=None,
                last_modified=None,
                note="imported from the development corpus; " + note,
            )
            entries.append(
                {
                    "id": row["source_id"],
                    "url": url,
                    "city": row["city"],
                    "province": row["province"],
                    "region_code": row["region_code"],
                    "issuer": row["issuer"],
                    "doc_type": row["doc_type"],
                    "format": "html" if is_html else "text",
                    "title": row["title"],
                    "published_date": row["published_date"],
                    "active": url is not None,
                    "note": note,
                }
            )
    header = (
        "# Pages yanglao-data watches. One entry per page; `id` is a permanent slug.\n"
        "# url: http(s):// or file:// (relative file:// paths are read from this file's folder).\n"
        "# An entry with `url: null` has no known address and is served from the snapshot archive only.\n"
    )
    text = yaml.safe_dump({"sources": entries}, allow_unicode=True, sort_keys=False, width=200)
    (ROOT / "sources.yaml").write_text(header + text, encoding="utf-8")
    print(f"archived {len(entries)} documents into {archive.root}")


def import_extra() -> None:
    archive = Archive(ROOT / "archive")
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    registry = ROOT / "sources.yaml"
    known = {entry["id"] for entry in yaml.safe_load(registry.read_text(encoding="utf-8"))["sources"]}
    entries = []
    with (CORPUS / "extra" / "manifest.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["id"] in known:
                continue
            found = re.search(r"https?://\S+", row["provenance"])
            url = found.group(0) if found else None
            if url:
                note = f"Stored public copy of the page text, transcribed: {row['provenance']}."
            else:
                note = f"Copy of a file of a public law collection ({row['provenance']}); original address unknown, served from the archive only."
            archive.store(
                row["id"],
                (CORPUS / "extra" / row["file"]).read_bytes(),
                url=url,
                retrieved_at=now,
                status=None,
                content_type="text/plain; charset=utf-8",
                etag=None,
                last_modified=None,
                note="imported from the development corpus (extra); " + note,
            )
            entries.append(
                {
                    "id": row["id"],
                    "url": url,
                    "city": row["city"],
                    "province": row["province"],
                    "region_code": row["region_code"],
                    "format": "text",
                    "active": False,
                    "note": note,
                }
            )
    text = yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, width=200)
    with registry.open("a", encoding="utf-8") as f:
        f.write(text)
    print(f"archived {len(entries)} extra documents into {archive.root}")


if __name__ == "__main__":
    import_extra() if "--extra" in sys.argv[1:] else main()
