"""Extraction CPU of this checkout against an earlier commit's, measured alternately (issue 16).

The machine this project is measured on changes speed by several per cent within minutes (other tenants), so one
figure now and one an hour ago do not compare: this runs `extract_cpu.py` on the same corpus for each side in turn,
`--rounds` times, and prints the least and the median of each side's totals. The earlier commit is checked out in
a temporary git worktree (removed afterwards) and run with this checkout's `extract_cpu.py`, whose step wrappers
also fit older code.

    .venv/bin/python benchmarks/corpus.py --n 1000 --out /tmp/c1000
    .venv/bin/python benchmarks/extract_ab.py /tmp/c1000 --against caa2ee6 --rounds 4
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TOTAL = "cpu_ms_per_document_total"


def run_once(checkout: Path, corpus: Path, repeat: int) -> float:
    """The total CPU ms per document of one `extract_cpu.py` run in `checkout` (its own `yanglao`)."""
    done = subprocess.run(
        [sys.executable, "benchmarks/extract_cpu.py", str(corpus), "--repeat", str(repeat)],
        cwd=checkout,
        capture_output=True,
        text=True,
        check=True,
    )
    last = [line for line in done.stdout.splitlines() if line.startswith("{")][-1]
    return float(json.loads(last)[TOTAL])


def alternate(sides: dict[str, Path], corpus: Path, rounds: int, repeat: int) -> dict[str, list[float]]:
    """Each side run once per round, in the same order every round."""
    found: dict[str, list[float]] = {name: [] for name in sides}
    for _ in range(rounds):
        for name, checkout in sides.items():
            found[name].append(run_once(checkout, corpus, repeat))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="a folder made by benchmarks/corpus.py")
    parser.add_argument("--against", required=True, help="the earlier commit (any git revision)")
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument(
        "--repeat", type=int, default=2, help="passes per run (extract_cpu.py keeps the least)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="yanglao-ab-") as scratch:
        earlier = Path(scratch) / "earlier"
        subprocess.run(
            ["git", "worktree", "add", "-q", "--detach", str(earlier), args.against], cwd=ROOT, check=True
        )
        try:
            shutil.copy(ROOT / "benchmarks" / "extract_cpu.py", earlier / "benchmarks" / "extract_cpu.py")
            found = alternate(
                {args.against: earlier, "this checkout": ROOT}, args.corpus, args.rounds, args.repeat
            )
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(earlier)], cwd=ROOT, check=False)
    summary = {
        name: {"least": min(v), "median": round(statistics.median(v), 2), "runs": v}
        for name, v in found.items()
    }
    print(json.dumps(summary, ensure_ascii=False))


if __name__ == "__main__":
    main()
