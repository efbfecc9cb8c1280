"""Chinese search at scale: `?_search=` latency of `yanglao serve` on 100,000 measures.

    .venv/bin/python benchmarks/search_bench.py [--rows 100000] [--runs 20] [--json PATH]

What it does, end to end, with the project's own code:

1. builds the shipped corpus (`yanglao run --output TMP`, offline, from the archive),
   or takes a release folder given with `--release`;
2. generates `--rows` measures by recombining real sentences of the corpus's documents
   (a real heading, 1-4 real sentences as text: ~190 characters, like the real rows),
   deterministically (`--seed`), and writes them, with the real measures, into a copy of
   the release;
3. builds the SQLite database with `yanglao.serve.sqlite.build_database` (tables, indexes, the
   character/pair search index, metadata, inspect file): build time and size;
4. serves it with `yanglao serve`'s command line (`yanglao.serve.server.datasette_command`:
   immutable, inspect file, suggest_facets off) on 127.0.0.1 and a free port;
5. times, over one keep-alive HTTP connection, `?_search=` on the measures table for a
   two-character term (助餐) and a four-character term (养老服务), JSON API and HTML page:
   one warm-up, then `--runs` requests, median (and min, p90, max). To find where the
   time goes it also times the same requests without facets (`_nofacet=1`), without the
   count (`_nocount=1`), without both, the table without a search, and the SQL Datasette
   runs for them directly in SQLite (count, page, facets, the FTS query alone), with
   EXPLAIN QUERY PLAN.

With ``--db PATH`` it measures an existing build instead (e.g. the ``yanglao.db`` of a
``benchmarks/run.py`` corpus, or one built with ``--release`` from a release folder):
what each part of the database costs per document (SQLite's ``dbstat``: every table,
index and search index, grouped by the table they belong to), and ``?_search=`` on
``measures`` and ``documents`` for terms of 1, 2, 3, 4 and 6 characters and a Latin/digit
term, each with its first request (no cached matches) and the median of ``--runs``.

    .venv/bin/python benchmarks/search_bench.py --db /tmp/x/output/datasets/yanglao.db --runs 10

Prints a table and writes the results as JSON (default benchmarks/results/search_bench.json).
The goal (issue 4) is a median <= 50 ms for each search request on a 2-core machine.
Not part of the test suite.
"""

from __future__ import annotations

import argparse
import csv
import http.client
import json
import os
import platform
import random
import re
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from yanglao.fields import TABLES_BY_NAME  # noqa: E402
from yanglao.serve import search  # noqa: E402
from yanglao.serve.server import datasette_command  # noqa: E402
from yanglao.serve.sqlite import build_database  # noqa: E402

TERMS = ("助餐", "养老服务")
GOAL_MS = 50.0
SENTENCE = re.compile(r"[^。；！？\n]+[。；！？]?")


# ---------------------------------------------------------------- corpus


def build_corpus(work: Path) -> Path:
    """`yanglao run --output` into the work folder (offline, from the shipped archive): the latest release."""
    output = work / "corpus"
    env = {
        **os.environ,
        "PREFECT_HOME": str(work / "prefect-home"),
        "DO_NOT_TRACK": "1",
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_LOGGING_LEVEL": "WARNING",
    }
    subprocess.run(
        [sys.executable, "-m", "yanglao.cli", "run", "--output", str(output)],
        check=True, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    return output / "datasets" / "latest"


def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def generate_measures(release: Path, rows: int, seed: int) -> list[dict]:
    """The real measures, then generated ones up to `rows`: real headings and real sentences, recombined."""
    real = read_csv(release / "measures.csv")
    documents = read_csv(release / "documents.csv")
    sentences = [
        s.strip()
        for d in documents
        for s in SENTENCE.findall(d["text"])
        if 8 <= len(s.strip()) <= 200  # no stray numbering, no whole tables
    ]
    headings = [m["heading"] for m in real if m["heading"]]
    categories = [m["category"] for m in real if m["category"]]
    document_ids = [d["document_id"] for d in documents]
    rng = random.Random(seed)
    out = list(real)
    for n in range(max(0, rows - len(real))):
        text = "".join(rng.choice(sentences) for _ in range(rng.choice((1, 2, 2, 3, 3, 4))))
        out.append(
            {
                "measure_id": f"{rng.choice(document_ids)}:mT{900000 + n}",
                "document_id": "",  # filled below from the id
                "parent_id": "",
                "path": f"T{900000 + n}",
                "heading": rng.choice(headings),
                "text": text,
                "category": rng.choice(categories),
                "lead_units": "",
                "support_units": "",
                "start": "0",
                "end": str(len(text)),
            }
        )
        out[-1]["document_id"] = out[-1]["measure_id"].split(":")[0]
    return out


def write_release(source: Path, target: Path, measures: list[dict]) -> None:
    shutil.copytree(source, target)
    fields = TABLES_BY_NAME["measures"].field_names
    with (target / "measures.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(measures)


# ---------------------------------------------------------------- server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db_path: Path, settings: list[list[str]]) -> tuple[subprocess.Popen, int, float]:
    port = free_port()
    command = datasette_command(db_path, port)
    for name, value in settings:
        command += ["--setting", name, value]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while True:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/-/versions.json")
            connection.getresponse().read()
            connection.close()
            return process, port, time.perf_counter() - started
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise RuntimeError(f"datasette did not start: {process.stderr.read()[-2000:]}") from None
            time.sleep(0.1)


def stop_server(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class Client:
    """One keep-alive connection, as a browser keeps one: timings are the server's, not TCP set-up."""

    def __init__(self, port: int):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def get(self, path: str) -> tuple[float, bytes]:
        started = time.perf_counter()
        self.connection.request("GET", path)
        response = self.connection.getresponse()
        body = response.read()
        elapsed = time.perf_counter() - started
        if response.status != 200:
            raise RuntimeError(f"GET {path}: HTTP {response.status}: {body[:500]!r}")
        return elapsed * 1000, body


def summary_ms(times: list[float]) -> dict:
    ordered = sorted(times)
    return {
        "median_ms": round(statistics.median(ordered), 2),
        "min_ms": round(ordered[0], 2),
        "p90_ms": round(ordered[min(len(ordered) - 1, int(round(0.9 * (len(ordered) - 1))))], 2),
        "max_ms": round(ordered[-1], 2),
        "runs": len(ordered),
    }


def process_cpu_ms(pid: int | None) -> float | None:
    """CPU time (user + system) a process has used so far, from /proc; None where there is no /proc."""
    if pid is None:
        return None
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def time_request(client: Client, path: str, runs: int, pid: int | None = None) -> dict:
    """Wall time of one first request and the median of `runs` more; with the server's `pid`, also the
    server's CPU time per request (first, and the mean of the others): on a busy machine wall times
    measure the neighbours too."""
    cpu = process_cpu_ms(pid)
    first, _ = client.get(path)  # warm-up; the first request of a query also fills the plugin's match cache
    cpu_first = process_cpu_ms(pid)
    times = []
    body = b""
    for _ in range(runs):
        elapsed, body = client.get(path)
        times.append(elapsed)
    cpu_end = process_cpu_ms(pid)
    result = {"path": urllib.parse.unquote(path), **summary_ms(times), "first_ms": round(first, 2)}
    if cpu is not None and runs:
        result["server_cpu_first_ms"] = round(cpu_first - cpu, 1)
        result["server_cpu_mean_ms"] = round((cpu_end - cpu_first) / runs, 1)
    if ".json" in path:
        data = json.loads(body)
        result["rows"] = data.get("filtered_table_rows_count")
    else:
        shown = re.search(rb"<h3>\s*([\d,]+) rows?", body)
        result["rows"] = int(shown.group(1).replace(b",", b"")) if shown else None
    return result


# ---------------------------------------------------------------- direct SQL


def time_sql(conn: sqlite3.Connection, sql: str, params: dict, runs: int) -> dict:
    conn.execute(sql, params).fetchall()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        result = conn.execute(sql, params).fetchall()
        times.append((time.perf_counter() - started) * 1000)
    return {"sql": sql, **summary_ms(times), "result_rows": len(result)}


def sql_breakdown(db_path: Path, term: str, runs: int) -> dict:
    """The statements Datasette runs for `/measures?_search=term`, timed directly, and the page's plan."""
    conn = sqlite3.connect(f"file:{db_path}?immutable=1", uri=True)
    search.register_functions(conn)
    name = search.index_name("measures")
    where = f"rowid in (select rowid from [{name}] where [{name}] match :q)"
    params = {"q": search.match_expression(term)}
    statements = {
        "fts_only": f"select count(*) from [{name}] where [{name}] match :q",
        "count": f"select count(*) from measures where {where}",
        "page": f"select rowid, * from measures where {where} order by measure_id limit 101",
        "facet_category": (
            f"select category as value, count(*) as count from (select * from measures where {where}) "
            "where category is not null group by category order by count desc, value limit 31"
        ),
        "facet_document_id": (
            f"select document_id as value, count(*) as count from (select * from measures where {where}) "
            "where document_id is not null group by document_id order by count desc, value limit 31"
        ),
        "like_count": (
            "select count(*) from measures t where instr(heading, :t) "
            f"or instr({search.column_sql('measures', 'text')}, :t)"
        ),
    }
    out = {}
    for key, sql in statements.items():
        out[key] = time_sql(conn, sql, {**params, "t": term}, runs)
    plan = conn.execute(f"explain query plan {statements['page']}", params).fetchall()
    out["page_plan"] = [row[-1] for row in plan]
    conn.close()
    return out


def database_sizes(db_path: Path) -> dict:
    sizes = {"database_bytes": db_path.stat().st_size}
    conn = sqlite3.connect(f"file:{db_path}?immutable=1", uri=True)
    try:
        rows = conn.execute("select name, sum(pgsize) from dbstat group by name").fetchall()
    except sqlite3.Error:  # dbstat not compiled in
        rows = []
    conn.close()
    if rows:
        index = sum(size for name, size in rows if name.startswith(search.index_name("measures")))
        sizes["measures_search_index_bytes"] = index
        sizes["measures_table_bytes"] = sum(size for name, size in rows if name == "measures")
    return sizes


# ---------------------------------------------------------------- space per document


def database_space(db_path: Path) -> dict:
    """Bytes of each part of a database (SQLite's dbstat), grouped by the table each belongs to, per document.

    A part is a table, one of its indexes (``idx_*``, ``sqlite_autoindex_*``) or its search index
    (``<table>_search`` and FTS5's shadow tables). `free` is the free-list, `schema` sqlite_schema.
    """
    conn = sqlite3.connect(f"file:{db_path}?immutable=1", uri=True)
    try:
        documents = conn.execute("select count(*) from documents").fetchone()[0]
        owner = {name: table for name, table in conn.execute("select name, tbl_name from sqlite_master")}
        parts = conn.execute("select name, sum(pgsize) from dbstat group by name").fetchall()
        page_size = conn.execute("pragma page_size").fetchone()[0]
        free = conn.execute("pragma freelist_count").fetchone()[0] * page_size
    finally:
        conn.close()
    file_bytes = db_path.stat().st_size
    groups: dict[str, dict] = {}
    for name, size in parts:
        table = owner.get(name, name)
        if table.endswith(search.INDEX_SUFFIX) or "_search_" in table:
            kind, base = "search index", table.split(search.INDEX_SUFFIX)[0]
        elif name == "sqlite_schema" or name == "sqlite_master":
            kind, base = "schema", "schema"
        elif name != table:
            kind, base = "indexes", table
        else:
            kind, base = "rows", table
        group = groups.setdefault(base, {"rows": 0, "indexes": 0, "search index": 0, "schema": 0})
        group[kind] += size
    per_doc = max(documents, 1)
    tables = {
        base: {
            **{k: v for k, v in g.items() if v},
            "kb_per_document": round(sum(g.values()) / per_doc / 1e3, 2),
        }
        for base, g in sorted(groups.items(), key=lambda kv: -sum(kv[1].values()))
    }
    kinds = {k: sum(g[k] for g in groups.values()) for k in ("rows", "indexes", "search index", "schema")}
    return {
        "documents": documents,
        "file_bytes": file_bytes,
        "kb_per_document": round(file_bytes / per_doc / 1e3, 2),
        "free_bytes": free,
        "by_kind_kb_per_document": {k: round(v / per_doc / 1e3, 2) for k, v in kinds.items()},
        "by_table": tables,
    }


def print_space(space: dict) -> None:
    print(
        f"\ndatabase: {space['file_bytes'] / 1e6:.1f} MB for {space['documents']:,} documents = "
        f"{space['kb_per_document']:.2f} KB per document (free pages {space['free_bytes'] / 1e6:.1f} MB)"
    )
    print(
        "  by kind, KB per document: "
        + ", ".join(f"{k} {v}" for k, v in space["by_kind_kb_per_document"].items())
    )
    per_doc = max(space["documents"], 1) * 1e3
    print(f"  {'KB per document':<20} {'rows':>7} {'indexes':>8} {'search':>7} {'total':>7}")
    for table, g in space["by_table"].items():
        if g["kb_per_document"] < 0.05:
            continue
        print(
            f"  {table:<20} {g.get('rows', 0) / per_doc:>7.2f} {g.get('indexes', 0) / per_doc:>8.2f} "
            f"{g.get('search index', 0) / per_doc:>7.2f} {g['kb_per_document']:>7.2f}"
        )


DB_TERMS = ("助", "助餐", "养老院", "养老服务", "居家养老服务", "GPS定位", "2025年")


def measure_database(db_path: Path, runs: int) -> dict:
    """`--db`: the space per document of an existing build, and `_search` on measures and documents."""
    space = database_space(db_path)
    print_space(space)
    if runs < 1:  # the space only
        return {"space": space, "machine": machine()}
    process, port, start_seconds = start_server(db_path, [])
    results: dict = {
        "space": space,
        "server_start_seconds": round(start_seconds, 2),
        "load_average_1min_before": round(os.getloadavg()[0], 2),
        "requests": {},
    }
    try:
        client = Client(port)
        results["datasette"] = json.loads(client.get("/-/versions.json")[1])["datasette"]["version"]
        print(
            f"\n{'request':<58} {'rows':>7} {'median':>8} {'max':>8} {'first':>8} {'CPU':>7} {'CPU 1st':>8}"
        )
        for table in ("measures", "documents"):
            for term in DB_TERMS:
                path = f"/{db_path.stem}/{table}.json?_search={urllib.parse.quote(term)}&_size=20"
                r = time_request(client, path, runs, process.pid)
                results["requests"][f"{table}:{term}"] = r
                print(
                    f"{pad(r['path'], 58)} {r['rows'] if r['rows'] is not None else '':>7} "
                    f"{r['median_ms']:>6.1f}ms {r['max_ms']:>6.1f}ms {r['first_ms']:>6.1f}ms "
                    f"{r.get('server_cpu_mean_ms', '')!s:>5}ms {r.get('server_cpu_first_ms', '')!s:>6}ms",
                    flush=True,
                )
    finally:
        stop_server(process)
    results["machine"] = machine()
    return results


# ---------------------------------------------------------------- report


def machine() -> dict:
    memory = ""
    cpu = platform.processor()
    try:
        meminfo = Path("/proc/meminfo").read_text()
        kb = int(re.search(r"MemTotal:\s+(\d+)", meminfo).group(1))
        memory = f"{kb / 1024 / 1024:.1f} GiB"
        cpuinfo = Path("/proc/cpuinfo").read_text()
        found = re.search(r"model name\s*:\s*(.+)", cpuinfo)
        cpu = found.group(1).strip() if found else cpu
    except (OSError, AttributeError):
        pass
    return {
        "cores": os.cpu_count(),
        "cpu": cpu,
        "memory": memory,
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "platform": platform.platform(),
    }


def pad(text: str, width: int) -> str:
    """Left-justify in terminal columns: a Chinese character takes two."""
    columns = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(0, width - columns)


def print_report(results: dict) -> None:
    m = results["machine"]
    print(
        f"\nmachine: {m['cores']} cores ({m['cpu']}), {m['memory']}, Python {m['python']}, "
        f"SQLite {m['sqlite']}, Datasette {results.get('datasette', '?')}"
    )
    b = results["build"]
    print(
        f"build: {b['measures_rows']:,} measures in {b['build_seconds']:.1f} s; database "
        f"{b['database_bytes'] / 1e6:.0f} MB"
        + (
            f" (search index {b['measures_search_index_bytes'] / 1e6:.0f} MB, "
            f"measures table {b['measures_table_bytes'] / 1e6:.0f} MB)"
            if "measures_search_index_bytes" in b
            else ""
        )
        + f"; server ready in {results['server_start_seconds']:.1f} s"
    )
    load = results["load_average_1min"]
    print(f"load average (1 min) before/after the requests: {load['before']} / {load['after']}", end="")
    print(
        f"; extra settings: {results['server_extra_settings']}\n"
        if results["server_extra_settings"]
        else "\n"
    )
    print(f"{'request':<58} {'rows':>7} {'median':>8} {'min':>7} {'p90':>7} {'max':>7} {'first':>7}  goal")
    for key, r in results["requests"].items():
        goal = "" if not key.startswith("search") else ("ok" if r["median_ms"] <= GOAL_MS else "MISSED")
        print(
            f"{pad(r['path'], 58)} {r['rows'] if r['rows'] is not None else '':>7} {r['median_ms']:>6.1f}ms "
            f"{r['min_ms']:>5.1f}ms {r['p90_ms']:>5.1f}ms {r['max_ms']:>5.1f}ms {r['first_ms']:>5.1f}ms  {goal}"
        )
    for term, statements in results["sql"].items():
        print(f"\nSQLite directly, {term}:")
        for key, s in statements.items():
            if key == "page_plan":
                continue
            print(f"  {key:<20} {s['median_ms']:>7.1f} ms")
        print("  plan of the page query: " + " | ".join(statements["page_plan"]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000, help="measures rows (default 100000)")
    parser.add_argument("--runs", type=int, default=20, help="timed requests per URL after one warm-up")
    parser.add_argument("--seed", type=int, default=4, help="random seed of the generated rows")
    parser.add_argument("--release", help="a release folder to take the corpus from (default: build it)")
    parser.add_argument(
        "--json", default=str(ROOT / "benchmarks" / "results" / "search_bench.json"), help="results file"
    )
    parser.add_argument("--keep", action="store_true", help="keep the work folder (database, CSVs)")
    parser.add_argument(
        "--setting",
        nargs=2,
        action="append",
        default=[],
        metavar=("NAME", "VALUE"),
        help="an extra Datasette setting on top of yanglao serve's, to try one (e.g. facet_time_limit_ms 20)",
    )
    parser.add_argument("--db", help="measure this existing build (space per document, search) instead")
    args = parser.parse_args(argv)

    if args.db:
        results = measure_database(Path(args.db), args.runs)
        out = Path(args.json)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"\nresults: {out}")
        return 0

    work = Path(tempfile.mkdtemp(prefix="yanglao-bench-"))
    process = None
    try:
        print(f"work folder: {work}", flush=True)
        if args.release:
            source = Path(args.release)
        else:
            started = time.perf_counter()
            source = build_corpus(work)
            print(f"corpus: yanglao run --output in {time.perf_counter() - started:.1f} s", flush=True)
        measures = generate_measures(source, args.rows, args.seed)
        version = json.loads((source / "datapackage.json").read_text(encoding="utf-8"))["version"]
        release = work / "site" / "datasets" / "releases" / version
        write_release(source, release, measures)
        db_path = work / "site" / "datasets" / "yanglao.db"
        print(f"generated {len(measures):,} measures; building {db_path} ...", flush=True)
        started = time.perf_counter()
        build_database(release, db_path, version)
        build_seconds = time.perf_counter() - started

        load_before = os.getloadavg()
        process, port, start_seconds = start_server(db_path, args.setting)
        client = Client(port)
        datasette = json.loads(client.get("/-/versions.json")[1])["datasette"]["version"]
        settings = json.loads(client.get("/-/settings.json")[1])
        assert settings["suggest_facets"] is False
        requests = {}
        plan = [("table", "/yanglao/measures.json", ""), ("table-html", "/yanglao/measures", "")]
        for term in TERMS:
            q = urllib.parse.quote(term)
            plan += [
                (f"search-json {term}", "/yanglao/measures.json", f"_search={q}"),
                (f"search-html {term}", "/yanglao/measures", f"_search={q}"),
                (f"diag-json-nofacet {term}", "/yanglao/measures.json", f"_search={q}&_nofacet=1"),
                (f"diag-json-nocount {term}", "/yanglao/measures.json", f"_search={q}&_nocount=1"),
                (f"diag-json-bare {term}", "/yanglao/measures.json", f"_search={q}&_nofacet=1&_nocount=1"),
                (f"diag-html-size20 {term}", "/yanglao/measures", f"_search={q}&_size=20"),
            ]
        for key, path, query in plan:
            requests[key] = time_request(client, path + ("?" + query if query else ""), args.runs)
            print(f"  {key}: {requests[key]['median_ms']:.1f} ms", flush=True)
        stop_server(process)
        process = None

        results = {
            "machine": machine(),
            "datasette": datasette,
            "goal_median_ms": GOAL_MS,
            "build": {
                "measures_rows": len(measures),
                "build_seconds": round(build_seconds, 2),
                **database_sizes(db_path),
            },
            "server_start_seconds": round(start_seconds, 2),
            "server_extra_settings": dict(args.setting),
            "load_average_1min": {"before": round(load_before[0], 2), "after": round(os.getloadavg()[0], 2)},
            "requests": requests,
            "sql": {term: sql_breakdown(db_path, term, args.runs) for term in TERMS},
        }
        print_report(results)
        out = Path(args.json)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"\nresults: {out}")
        missed = [k for k, r in requests.items() if k.startswith("search") and r["median_ms"] > GOAL_MS]
        print("goal (median <= 50 ms): " + ("met" if not missed else "missed by " + ", ".join(missed)))
        return 0
    finally:
        if process is not None:
            stop_server(process)
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
