"""Markdown tables from benchmarks/results/*.json (pasted into BENCHMARKS.md).

.venv/bin/python benchmarks/report.py
"""

from __future__ import annotations

import json
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"
FLOW_SCENARIOS = (
    "full",
    "replay_unchanged",
    "nochange_fetch",
    "nochange_fetch_c8",
    "one_changed",
    "full_profiled",
)


def fmt(value, digits: int = 1) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def main() -> None:
    paths = sorted((p for p in RESULTS.glob("*.json") if p.stem.isdigit()), key=lambda p: int(p.stem))
    runs = [json.loads(p.read_text(encoding="utf-8")) for p in paths]
    print(
        "| N | scenario | snapshots s | extract s | publish s | sqlite s | stages s | process s | "
        "× floor | docs/s | extract MB/s | publish rows/s | peak RSS MB | extracted / kept | release |"
    )
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|")
    for run in runs:
        n, sc = run["size"], run["scenarios"]
        floor = sc.get("floor")
        if floor:
            print(
                f"| {n} | floor (read+decode+lxml+write) | | | | | {fmt(floor['seconds'], 2)} | "
                f"{fmt(floor['process_s'], 2)} | 1 | {fmt(floor['docs_per_s'], 0)} | {fmt(floor['mb_per_s'])} | | "
                f"{fmt(floor['peak_rss_mb'], 0)} | | |"
            )
        for name in FLOW_SCENARIOS:
            r = sc.get(name)
            if not r:
                continue
            st = r["stage_seconds"]
            print(
                f"| {n} | {name} | {fmt(st.get('snapshots'))} | {fmt(st.get('extract'))} | {fmt(st.get('publish'))} | "
                f"{fmt(st.get('sqlite'))} | {fmt(r['stages_total_s'])} | {fmt(r['process_s'])} | {fmt(r.get('x_floor'))} | "
                f"{fmt(r.get('docs_per_s'))} | {fmt(r.get('extract_mb_per_s'), 2)} | {fmt(r.get('publish_rows_per_s'))} | "
                f"{fmt(r['peak_rss_mb'], 0)} | {r['extracted']} / {r['reused']} | "
                f"{'new ' + r['version'] if r['published'] else 'none'} |"
            )
    print()
    print("| N | table | term | median ms | min–max ms | matches |")
    print("|---:|---|---|---:|---:|---:|")
    for run in runs:
        for key, value in run["scenarios"].get("search", {}).items():
            if ":" not in key:
                continue
            table, term = key.split(":", 1)
            print(
                f"| {run['size']} | {table} | {term} | {value['median_ms']} | {value['min_ms']}–{value['max_ms']} | "
                f"{value['count']} |"
            )


if __name__ == "__main__":
    main()
