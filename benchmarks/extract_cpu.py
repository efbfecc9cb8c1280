"""CPU time of parsing and extraction per document, by stage, in one process (issue 16).

    .venv/bin/python benchmarks/corpus.py --n 1000 --out /tmp/$USER/corpus1000
    .venv/bin/python benchmarks/extract_cpu.py /tmp/$USER/corpus1000 [--repeat 3] [--steps] [--profile out.prof] [--top 30]

It reads every snapshot of a generated corpus (benchmarks/corpus.py) and runs the same calls as the
extraction worker (`yanglao.extract.pool.parse_and_extract`): `build_document`, then `extract_rows`, then
the schema check. Times are CPU seconds of this process (`time.process_time`), not wall time, so that a
busy machine does not inflate them. The first document of each kind is run once before timing, so that
lazy compilation and imports are not counted against the corpus.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import platform
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from yanglao.acquire.archive import Archive  # noqa: E402
from yanglao.acquire.registry import load_registry  # noqa: E402
from yanglao.extract.rows import extract_rows  # noqa: E402
from yanglao.parse.documents import build_document  # noqa: E402
from yanglao.publish.places import ROW_TABLES as PLACED  # noqa: E402
from yanglao.publish.places import with_place  # noqa: E402
from yanglao.publish.validate import document_problems  # noqa: E402


def load(corpus: Path) -> list[tuple]:
    """(source, snapshot, body) of every source of the corpus that has a snapshot."""
    archive = Archive(corpus / "archive")
    items = []
    for source in load_registry(corpus / "sources.yaml"):
        snapshot = archive.latest(source.id)
        if snapshot is not None:
            items.append((source, snapshot, archive.read(snapshot.sha256)))
    return items


def run(items: list[tuple]) -> tuple[dict[str, float], int]:
    """CPU seconds per stage over every item, and the number of rows extracted."""
    seconds = {"parse": 0.0, "extract": 0.0, "check": 0.0}
    rows_out = 0
    clock = time.process_time
    for source, snapshot, body in items:
        t0 = clock()
        document = build_document(source, snapshot, body)
        t1 = clock()
        year = int(document["published_date"][:4]) if document.get("published_date") else None
        rows = extract_rows(source.id, document["text"], document_year=year, title=document.get("title"))
        rows = {name: with_place(r, document) if name in PLACED else r for name, r in rows.items()}
        t2 = clock()
        document_problems(document, rows)
        t3 = clock()
        seconds["parse"] += t1 - t0
        seconds["extract"] += t2 - t1
        seconds["check"] += t3 - t2
        rows_out += sum(len(r) for r in rows.values())
    return seconds, rows_out


# The steps `--steps` times, as (module, function, label): each module's attribute is wrapped for the run, and the
# callers reach it through the module (`pages.read_html(…)` in documents.py, `targets.targets_and_left_out(…)` in
# rows.py), so the wrapper sees every call.
STEPS = [
    ("yanglao.parse.pages", "decode_body", "parse: decode"),
    ("yanglao.parse.pages", "read_html", "parse: HTML (lxml, content, page fields)"),
    ("yanglao.parse.pages", "pdf_to_text", "parse: PDF text"),
    ("yanglao.parse.clean", "simplified", "parse: traditional → simplified"),
    ("yanglao.parse.clean", "clean_text", "parse: clean_text"),
    ("yanglao.parse.metadata", "extract_metadata", "parse: metadata"),
    ("yanglao.extract.outline", "extract_measures", "extract: measures"),
    ("yanglao.extract.targets", "targets_and_left_out", "extract: targets"),
    ("yanglao.extract.subsidies", "subsidies_and_left_out", "extract: subsidies"),
    ("yanglao.extract.recipients", "complete", "extract: recipients"),
]


def timed_steps() -> dict[str, float]:
    """Wrap each of STEPS to add its CPU seconds to the returned dict (a wrapper costs ~1 µs a call)."""
    import importlib

    spent: dict[str, float] = {label: 0.0 for _, _, label in STEPS}
    for module_name, name, label in STEPS:
        module = importlib.import_module(module_name)
        inner = getattr(module, name)

        def wrapper(*args, _inner=inner, _label=label, **kwargs):
            start = time.process_time()
            try:
                return _inner(*args, **kwargs)
            finally:
                spent[_label] += time.process_time() - start

        setattr(module, name, wrapper)
    return spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--profile", type=Path, help="write a cProfile of the timed run here")
    parser.add_argument("--top", type=int, default=30, help="functions to print by own time (with --profile)")
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="run the corpus this many times and keep each stage's least time (a busy machine only adds time; "
        "the caches are warm after the first pass, so compare code with it, do not read it as a stage's cost)",
    )
    parser.add_argument(
        "--steps",
        action="store_true",
        help="also CPU ms per document of each step of STEPS (one more, timed, pass)",
    )
    args = parser.parse_args()
    items = load(args.corpus)
    run(items[:20])  # warm-up: compiled patterns, lazy imports
    profiler = cProfile.Profile() if args.profile else None
    if profiler:
        profiler.enable()
    seconds, rows = run(items)
    for _ in range(args.repeat - 1):
        again, rows_again = run(items)
        if rows_again != rows:  # (a cache that changes what is extracted would show here)
            raise SystemExit(f"pass gave {rows_again} rows, the first {rows}")
        seconds = {stage: min(seconds[stage], again[stage]) for stage in seconds}
    if profiler:
        profiler.disable()
        profiler.dump_stats(str(args.profile))
    n = len(items)
    result = {
        "documents": n,
        "rows": rows,
        "cpu_ms_per_document": {k: round(1000 * v / n, 2) for k, v in seconds.items()},
        "cpu_ms_per_document_total": round(1000 * sum(seconds.values()) / n, 2),
        "profiled": bool(profiler),
        "repeat": args.repeat,
        # (the interpreter's build moves these figures: ~10 % between two builds of Python 3.11 here)
        "python": f"{platform.python_version()} {os.path.realpath(sys.executable)}",
    }
    if args.steps:
        spent = timed_steps()
        run(items)
        result["cpu_ms_per_document_by_step"] = {label: round(1000 * v / n, 2) for label, v in spent.items()}
    print(json.dumps(result, ensure_ascii=False))
    if profiler:
        pstats.Stats(str(args.profile)).sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()
