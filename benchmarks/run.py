"""Scale benchmark of the refresh flow (issue 8): where the time goes at 1,000 / 10,000 / 100,000 documents.

    .venv/bin/python benchmarks/run.py --sizes 1000,10000            # add 100000 for the big one
    .venv/bin/python benchmarks/run.py --sizes 10000 --profile 10000  # + cProfile of the full rebuild
    .venv/bin/python benchmarks/run.py --sizes 100000 --timeline      # + every process's memory, sampled

Per size, a synthetic corpus (benchmarks/corpus.py) is generated under --workdir (default
/tmp/yanglao-bench, never in the repository), a local HTTP server (benchmarks/server.py) serves its N
pages, and each scenario runs in a child process of its own (so its peak RSS is its own):

- ``floor``            read the archived bytes, decode, parse with lxml, write one line per document;
- ``full``             full rebuild from the archive: ``refresh(fetch=False)`` into an empty output;
- ``replay_unchanged`` the same replay again: nothing to extract, data unchanged (no fetch);
- ``nochange_fetch``   ``refresh(fetch=True)`` against the server, every page answering 304;
- ``nochange_fetch_c8`` the same with ``per_host_concurrency=8`` (the default 1 serialises one host);
- ``one_changed``      one page in N changed (new ETag and body): fetch, re-extract it, publish;
- ``search``           Datasette ``_search`` for a two- and a four-character term (median of 20 requests).

Stage seconds are the flow's own (``RunSummary.stage_seconds``); ``process_s`` is the child's wall time
including Python and Prefect start-up (the ephemeral API server). Results: ``benchmarks/results/<size>.json``
and a summary on stdout; BENCHMARKS.md is written from them by hand.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import platform
import pstats
import resource
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import sysconfig
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results"
# The code under test: a copy of yanglao/ and flows/ taken when the benchmark starts (others edit the
# repository while it runs, and an edit to an extractor module changes every build key).
CODE = Path(os.environ.get("YANGLAO_BENCH_CODE", ROOT))
for path in (str(CODE), str(HERE)):
    if path not in sys.path:
        sys.path.insert(0, path)

TIMELINES = False  # --timeline: each flow scenario's memory samples kept, in --workdir/nN/timeline-NAME.tsv
FETCH_SETTINGS = {"per_host_delay": 0.0, "retries": 0, "trust_env": False}
SEARCH_TERMS = ("助餐", "养老服务")
SEARCH_TABLES = ("measures", "documents")


# ---------------------------------------------------------------------------------------------- child side


def _vm_hwm_mb() -> float | None:
    """This process's own peak RSS (VmHWM of its memory map, which starts afresh at exec)."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            return next(round(int(line.split()[1]) / 1024, 1) for line in f if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        return None


def _rss() -> dict:
    """Peak memory of the scenario's process. `ru_maxrss` is not it: a child started by `subprocess` (vfork,
    then exec) inherits the parent's peak RSS in it, and the parent's peak includes generating the corpus
    (the sixth round's replay and no-change runs at 100,000 all read 773.5 MB, the parent's figure)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    hwm = _vm_hwm_mb()
    return {
        "cpu_s": round(own.ru_utime + own.ru_stime, 2),  # robust to a busy machine, unlike wall time
        "loadavg_1m_at_end": os.getloadavg()[0],
        "peak_rss_mb": hwm if hwm is not None else round(own.ru_maxrss / 1024, 1),
        "ru_maxrss_mb": round(own.ru_maxrss / 1024, 1),
        # not a child's own peak: a child started by fork and exec begins with the parent's figure at the fork
        # (multiprocessing's spawn and subprocess both do): see peak_tree_rss_mb / peak_tree_pss_mb instead
        "peak_rss_children_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
    }


def child_floor(spec: dict) -> dict:
    """The floor: the same archived bytes read, decoded, parsed with lxml, one line written per document."""
    import lxml.html

    started = time.perf_counter()
    corpus = Path(spec["corpus"])
    records = corpus / "archive" / "records"
    objects = corpus / "archive" / "objects"
    n, total = 0, 0
    with open(spec["out"], "w", encoding="utf-8") as out:
        for record_file in sorted(records.iterdir()):
            record = json.loads(record_file.read_text(encoding="utf-8").splitlines()[-1])
            body = (objects / record["sha256"][:2] / record["sha256"]).read_bytes()
            total += len(body)
            if body[:5] == b"%PDF-":
                out.write(f"{record['source_id']}\tpdf\t{len(body)}\n")
            else:
                encoding = {"gbk": "gb18030"}.get(record.get("encoding") or "utf-8", record.get("encoding"))
                text = body.decode(encoding or "utf-8", errors="replace")
                if "html" in (record.get("content_type") or ""):
                    root = lxml.html.document_fromstring(text)
                    chars = len(root.text_content())
                else:
                    chars = len(text)
                out.write(f"{record['source_id']}\t{chars}\n")
            n += 1
    return {"documents": n, "bytes": total, "seconds": time.perf_counter() - started}


class TreeMemory:
    """The memory of this process and every process under it (extraction pool, Frictionless's validating
    processes, the SQLite index builder), summed and sampled every `interval` seconds: what the machine holds
    at once, which one process's VmHWM is not. Two sums: RSS (a library's pages count in every process that
    maps them) and PSS (shared pages divided among the processes sharing them: the machine's own count). A
    peak shorter than the interval can be missed."""

    def __init__(self, interval: float = 0.1, timeline: Path | None = None):
        self.interval = interval
        # `timeline`: every sample written there too (seconds, RSS and PSS summed, then each process's
        # pid:command:RSS:PSS in MB), to see which step of which process makes the peak (`--timeline`)
        self.timeline = timeline.open("w", encoding="utf-8") if timeline is not None else None
        self.peak_rss = self.peak_pss = 0
        self.started = time.perf_counter()
        self.pss_peak_at: tuple[float, int] = (0.0, 0)  # seconds since the start, processes then
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> None:
        import psutil

        me = psutil.Process()
        rss = pss = 0
        processes = (me, *me.children(recursive=True))
        each = []
        for process in processes:
            try:
                info = process.memory_full_info()
                command = " ".join(process.cmdline()[1:3])[-40:] if self.timeline else ""
            except psutil.Error:  # ended meanwhile
                continue
            rss += info.rss
            pss += getattr(info, "pss", info.rss)
            each.append(f"{process.pid}:{command}:{info.rss >> 20}:{getattr(info, 'pss', info.rss) >> 20}")
        if self.timeline is not None:
            seconds = time.perf_counter() - self.started
            self.timeline.write(f"{seconds:.1f}\t{rss >> 20}\t{pss >> 20}\t" + "\t".join(each) + "\n")
        if pss > self.peak_pss:
            self.pss_peak_at = (round(time.perf_counter() - self.started, 1), len(processes))
        self.peak_rss, self.peak_pss = max(self.peak_rss, rss), max(self.peak_pss, pss)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self._sample()

    def start(self) -> TreeMemory:
        self._thread.start()
        return self

    def stop(self) -> dict:
        self._stop.set()
        self._thread.join()
        self._sample()
        if self.timeline is not None:
            self.timeline.close()
        return {
            "peak_tree_rss_mb": round(self.peak_rss / 2**20, 1),
            "peak_tree_pss_mb": round(self.peak_pss / 2**20, 1),
            "peak_tree_pss_at": {"s": self.pss_peak_at[0], "processes": self.pss_peak_at[1]},
        }


class ThreadProfiler:
    """cProfile of every thread (Prefect runs submitted tasks on a thread pool): each new thread starts its
    own profiler through threading.setprofile; the stats are merged at the end."""

    def __init__(self):
        self.profiles: list[cProfile.Profile] = []
        self._lock = threading.Lock()

    def _hook(self, frame, event, arg):
        profile = cProfile.Profile()
        with self._lock:
            self.profiles.append(profile)
        profile.enable()

    def start(self) -> None:
        threading.setprofile(self._hook)
        main = cProfile.Profile()
        self.profiles.append(main)
        main.enable()

    def stop(self, path: Path) -> None:
        threading.setprofile(None)
        self.profiles[0].disable()
        stats = None
        for profile in self.profiles:
            try:
                profile.create_stats()
            except Exception:  # noqa: BLE001 - a profiler still running in a live thread
                continue
            if not getattr(profile, "stats", None):
                continue
            if stats is None:
                stats = pstats.Stats(profile)
            else:
                stats.add(profile)
        if stats is not None:
            stats.dump_stats(str(path))


def child_flow(spec: dict) -> dict:
    started = time.perf_counter()
    import yanglao_flows
    from yanglao_flows.refresh import refresh

    import yanglao

    for module in (yanglao, yanglao_flows):  # the code under test is the snapshot's, never the repository's
        if not Path(module.__file__).resolve().is_relative_to(CODE.resolve()):
            raise RuntimeError(f"{module.__name__} imported from {module.__file__}, not from {CODE}")

    imported = time.perf_counter()
    profiler = None
    if spec.get("profile"):
        profiler = ThreadProfiler()
        profiler.start()
    tree = TreeMemory(timeline=Path(spec["timeline"]) if spec.get("timeline") else None).start()
    call = time.perf_counter()
    summary = refresh(
        sources_path=spec["sources"],
        output=spec["output"],
        archive_root=spec["archive"],
        fetch=spec.get("fetch", False),
        fetch_settings=spec.get("fetch_settings"),
    )
    flow_s = time.perf_counter() - call
    tree_memory = tree.stop()
    if profiler:
        profiler.stop(Path(spec["profile"]))
    return {
        "import_s": imported - started,
        "flow_s": flow_s,
        **tree_memory,  # this process and its workers at once, sampled (TreeMemory)
        "stage_seconds": summary.stage_seconds,
        "documents": summary.documents,
        "extracted": summary.extracted,
        "reused": summary.reused,
        "rows": summary.rows,
        "published": summary.published,
        "version": summary.version,
        "message": summary.message,
        "failures": len(summary.failures),
        "failure_examples": summary.failures[:3],
    }


def child_main(spec_path: str) -> None:
    spec = json.loads(Path(spec_path).read_text(encoding="utf-8"))
    result = child_floor(spec) if spec["kind"] == "floor" else child_flow(spec)
    result.update(_rss())
    Path(spec["result"]).write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")


# ---------------------------------------------------------------------------------------------- parent side


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_child(spec: dict, work: Path, env: dict) -> dict:
    spec_path = work / f"spec-{spec['name']}.json"
    spec["result"] = str(work / f"result-{spec['name']}.json")
    if TIMELINES and spec["kind"] == "flow":
        spec["timeline"] = str(work / f"timeline-{spec['name']}.tsv")
    spec_path.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child", str(spec_path)],
        env=env,
        cwd=str(ROOT),
        capture_output=True,
        text=True,
    )
    process_s = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    (work / f"log-{spec['name']}.txt").write_text(
        proc.stdout + "\n--- stderr\n" + proc.stderr, encoding="utf-8"
    )
    if proc.returncode != 0:
        raise RuntimeError(f"scenario {spec['name']} failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    result = json.loads(Path(spec["result"]).read_text(encoding="utf-8"))
    result["process_s"] = process_s
    result["parent_children_maxrss_mb_so_far"] = round(usage.ru_maxrss / 1024, 1)
    return result


def prefect_env(home: Path, api_url: str | None = None) -> dict:
    """The environment of a scenario: its own Prefect home; the shared API server when one is given
    (else each run starts Prefect's ephemeral server, ~8 s of start-up)."""
    env = dict(os.environ)
    env.pop("PREFECT_API_URL", None)
    env.update(
        PREFECT_HOME=str(home),
        DO_NOT_TRACK="1",
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        PREFECT_LOGGING_LEVEL="WARNING",
        PYTHONPATH=str(CODE),
        YANGLAO_BENCH_CODE=str(CODE),
    )
    if api_url:
        env["PREFECT_API_URL"] = api_url
    return env


class PrefectServer:
    """`prefect server start` on 127.0.0.1 for the whole benchmark, as the scheduled deployment runs against a
    running server: the scenarios then time the refresh, not the boot of an ephemeral API server per run."""

    def __init__(self, home: Path):
        self.home = home
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/api"
        self.process: subprocess.Popen | None = None

    def start(self) -> PrefectServer:
        self.home.mkdir(parents=True, exist_ok=True)
        env = prefect_env(self.home)
        env["PREFECT_UI_ENABLED"] = "false"
        self._log = (self.home / "server.log").open("w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(self.port)],
            env=env, stdout=self._log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        wait_http(f"{self.url}/health", timeout=120)
        return self

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
            self._log.close()
            self.process = None


def dir_size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.exists() else 0


def wait_http(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer in {timeout} s")


def search_scenario(db_path: Path, runs: int) -> dict:
    """Datasette `_search` through the project's serve command line (immutable, inspect file, plugin)."""
    from yanglao.serve.server import datasette_command

    port = free_port()
    command = datasette_command(db_path, port)
    env = {**os.environ, "PYTHONPATH": str(CODE)}
    proc = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=str(ROOT), env=env
    )
    results = {}
    try:
        base = f"http://127.0.0.1:{port}"
        started = time.perf_counter()
        wait_http(base + "/-/versions.json")
        results["startup_s"] = time.perf_counter() - started
        for table in SEARCH_TABLES:
            for term in SEARCH_TERMS:
                url = f"{base}/{db_path.stem}/{table}.json?_search={urllib.parse.quote(term)}&_size=20"
                times, rows, count = [], None, None
                for _ in range(runs):
                    t = time.perf_counter()
                    with urllib.request.urlopen(url, timeout=120) as response:
                        data = json.loads(response.read())
                    times.append((time.perf_counter() - t) * 1000)
                    rows, count = len(data.get("rows", [])), data.get("filtered_table_rows_count")
                results[f"{table}:{term}"] = {
                    "median_ms": round(statistics.median(times), 1),
                    "min_ms": round(min(times), 1),
                    "max_ms": round(max(times), 1),
                    "rows_returned": rows,
                    "count": count,
                }
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    return results


def snapshot_code(target: Path) -> dict:
    """Copy yanglao/ and flows/ to `target` and point the children at it (see CODE)."""
    global CODE
    if target.exists():
        shutil.rmtree(target)
    # flows/ is imported as `yanglao_flows` (pyproject's package-dir): without a copy under that name the
    # children imported the repository's flows beside the snapshot's yanglao, and an edit made during a run
    # broke it (the fifth round's 100,000 replay: ImportError of a name the snapshot's yanglao lacked).
    for name, copy in (("yanglao", "yanglao"), ("flows", "flows"), ("flows", "yanglao_flows")):
        shutil.copytree(ROOT / name, target / copy, ignore=shutil.ignore_patterns("__pycache__"))
    CODE = target
    head = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--", "yanglao", "flows"], cwd=ROOT, capture_output=True, text=True
    ).stdout.split("\n")
    return {
        "git_head": head,
        "uncommitted_in_code": [line for line in dirty if line.strip()],
        "snapshot": str(target),
    }


def python_build() -> dict:
    """The interpreter's executable and how it was configured, for comparing runs on other interpreters."""
    return {
        "executable": os.path.realpath(sys.executable),
        "version": sys.version,
        "configure": sysconfig.get_config_var("CONFIG_ARGS"),
        # (Py_ENABLE_SHARED says a libpython was built, not that the executable uses it: Debian's has it linked in)
        "libpython": libpython_loaded(),
    }


def libpython_loaded() -> str | None:
    """The shared libpython this process runs on, or None when the interpreter is linked into the executable."""
    try:
        maps = Path("/proc/self/maps").read_text().splitlines()
    except OSError:
        return None
    return next((line.split()[-1] for line in maps if "/libpython" in line), None)


def machine() -> dict:
    meminfo = Path("/proc/meminfo").read_text().splitlines()
    mem_kb = int(next(line for line in meminfo if line.startswith("MemTotal")).split()[1])
    cpuinfo = Path("/proc/cpuinfo").read_text().splitlines()
    cpu = next((line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name")), "?")
    return {
        "cores": os.cpu_count(),
        "cpu": cpu,
        "memory_gb": round(mem_kb / 1024 / 1024, 1),
        "python": platform.python_version(),
        # which build of it: the same code's extraction took ~10 % less CPU under Debian's /usr/bin/python3.11
        # than under pyenv's build of 3.11.7 here (BENCHMARKS.md, twenty-second round)
        "python_build": python_build(),
        "sqlite": sqlite3.sqlite_version,
        "platform": platform.platform(),
    }


def derive(result: dict, n: int, corpus_bytes: int, floor_s: float | None) -> None:
    stages = result.get("stage_seconds")
    if not stages:
        return
    total = sum(stages.values())
    result["stages_total_s"] = round(total, 2)
    rows = sum((result.get("rows") or {}).get(t, 0) for t in ("measures", "targets", "subsidies"))
    all_rows = sum((result.get("rows") or {}).values())
    result["docs_per_s"] = round(n / total, 1) if total else None
    if stages.get("extract") and result.get("extracted"):
        result["extract_docs_per_s"] = round(result["extracted"] / stages["extract"], 1)
        if result["extracted"] == n:
            result["extract_mb_per_s"] = round(corpus_bytes / 1e6 / stages["extract"], 2)
    if stages.get("publish"):
        result["publish_rows_per_s"] = round(all_rows / stages["publish"])
    if stages.get("sqlite"):
        result["sqlite_rows_per_s"] = round(all_rows / stages["sqlite"])
    result["extracted_rows"] = rows
    if floor_s:
        result["x_floor"] = round(total / floor_s, 1)
        result["x_floor_process"] = round(result["process_s"] / floor_s, 1)


def bench_size(n: int, args, info: dict) -> dict:
    from corpus import changed_body, load_pool, make_doc, write_corpus
    from server import PageServer

    work = args.workdir / f"n{n}"
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    print(f"== {n} documents: corpus", flush=True)
    corpus = write_corpus(n, work / "corpus", base_url, seed=args.seed, avoid=args.avoid)
    print(
        f"   {corpus['bytes'] / 1e6:.1f} MB in {corpus['seconds']} s; layouts {corpus['layouts']}", flush=True
    )
    out: dict = {"size": n, "machine": info, "corpus": corpus, "scenarios": {}}
    scenarios = out["scenarios"]
    env = prefect_env(work / "prefect-home", args.api_url)
    server = PageServer(work / "corpus" / "manifest.json", port=port).start()
    flow_spec = {
        "kind": "flow",
        "sources": str(work / "corpus" / "sources.yaml"),
        "archive": str(work / "corpus" / "archive"),
        "output": str(work / "output"),
    }

    def record(name: str, result: dict) -> None:
        if "stage_seconds" in result:  # a flow run: how much Prefect's result storage holds after it
            result["prefect_storage_mb"] = round(dir_size(work / "prefect-home" / "storage") / 1e6, 1)
        scenarios[name] = result
        derive(result, n, corpus["bytes"], scenarios.get("floor", {}).get("seconds"))
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / f"{n}.json").write_text(
            json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        shown = {
            k: result.get(k)
            for k in (
                "stage_seconds",
                "process_s",
                "peak_rss_mb",
                "peak_tree_rss_mb",
                "peak_tree_pss_mb",
                "prefect_storage_mb",
                "published",
                "extracted",
                "reused",
                "failures",
                "x_floor",
                "requests",
                "seconds",
            )
        }
        print(f"   {name}: {json.dumps(shown, ensure_ascii=False, default=str)}", flush=True)

    try:
        print("   floor", flush=True)
        scenarios["floor"] = run_child(
            {
                "kind": "floor",
                "name": "floor",
                "corpus": str(work / "corpus"),
                "out": str(work / "floor.tsv"),
            },
            work,
            env,
        )
        scenarios["floor"]["mb_per_s"] = round(corpus["bytes"] / 1e6 / scenarios["floor"]["seconds"], 1)
        scenarios["floor"]["docs_per_s"] = round(n / scenarios["floor"]["seconds"], 1)
        record("floor", scenarios["floor"])

        print("   full rebuild", flush=True)
        result = run_child({**flow_spec, "name": "full"}, work, env)
        result["output_mb"] = round(dir_size(work / "output") / 1e6, 1)
        result["db_mb"] = round(dir_size(work / "output" / "datasets" / "yanglao.db") / 1e6, 1)
        record("full", result)

        print("   replay unchanged", flush=True)
        record("replay_unchanged", run_child({**flow_spec, "name": "replay_unchanged"}, work, env))

        for name, settings in (
            ("nochange_fetch", FETCH_SETTINGS),
            ("nochange_fetch_c8", {**FETCH_SETTINGS, "per_host_concurrency": 8}),
        ):
            if name.endswith("c8") and n not in args.c8_sizes:
                continue
            print(f"   {name}", flush=True)
            server.reset_counts()
            result = run_child(
                {**flow_spec, "name": name, "fetch": True, "fetch_settings": settings}, work, env
            )
            result["requests"] = server.reset_counts()
            fetch_s = result["stage_seconds"].get("snapshots")
            if fetch_s:
                result["requests_per_s"] = round(sum(result["requests"].values()) / fetch_s, 1)
            record(name, result)

        print("   one changed", flush=True)
        pool = load_pool()
        changed_id = f"bench-{n // 2:06d}"
        server.change(changed_id, changed_body(make_doc(n // 2, args.seed, pool), 1))
        server.reset_counts()
        result = run_child(
            {**flow_spec, "name": "one_changed", "fetch": True, "fetch_settings": FETCH_SETTINGS}, work, env
        )
        result["requests"] = server.reset_counts()
        result["changed"] = changed_id
        record("one_changed", result)

        print("   search", flush=True)
        scenarios["search"] = search_scenario(work / "output" / "datasets" / "yanglao.db", args.search_runs)
        print(f"   search: {json.dumps(scenarios['search'], ensure_ascii=False)}", flush=True)
        record("search", scenarios["search"])

        if n in args.profile:
            print("   profile of the full rebuild (cProfile, all threads)", flush=True)
            prof_env = prefect_env(work / "prefect-home-profile", args.api_url)
            prof_path = work / "full.prof"
            spec = {**flow_spec, "name": "full_profiled", "output": str(work / "output-profile")}
            result = run_child({**spec, "profile": str(prof_path)}, work, prof_env)
            result["profile"] = profile_report(prof_path)
            record("full_profiled", result)
    finally:
        server.stop()
    return out


# Functions whose cumulative time tells where each stage goes (module path fragment, function name).
PROFILE_POINTS = [
    ("flows/refresh.py", "collect_snapshots"),
    ("yanglao/archive.py", "latest"),
    ("yanglao/archive.py", "read"),
    ("flows/refresh.py", "process_batch"),
    ("yanglao/documents.py", "build_document"),
    ("yanglao/pages.py", "decode_body"),
    ("yanglao/pages.py", "html_to_text"),
    ("yanglao/pages.py", "html_metadata"),
    ("yanglao/pages.py", "pdf_to_text"),
    ("yanglao/metadata.py", "extract_metadata"),
    ("yanglao/clean.py", "clean_text"),
    ("yanglao/extract.py", "extract_rows"),
    ("yanglao/outline.py", "parse_outline"),
    ("yanglao/targets.py", "extract_targets"),
    ("yanglao/subsidies.py", "extract_subsidies"),
    ("yanglao/incremental.py", "build_key"),
    ("yanglao/incremental.py", "load_previous"),
    ("yanglao/publish.py", "publish_release"),
    ("yanglao/validate.py", "check_provenance"),
    ("yanglao/publish.py", "table_csv"),
    ("yanglao/publish.py", "table_json"),
    ("yanglao/publish.py", "diff_tables"),
    ("yanglao/publish.py", "load_release_tables"),
    ("yanglao/dictionary.py", "write_dictionary"),
    ("yanglao/validate.py", "validate_package"),
    ("yanglao/publish.py", "finish_release"),
    ("yanglao/publish.py", "_write_index"),
    ("yanglao/sqlite.py", "build_database"),
    ("yanglao/sqlite.py", "build_search_index"),
    ("yanglao/search.py", "index_tokens"),
    ("yanglao/sqlite.py", "release_rows"),
    ("yanglao/sqlite.py", "write_inspect_file"),
    ("prefect/results.py", "persist_result"),
    ("prefect/results.py", "write"),
    ("prefect/serializers.py", "dumps"),
    ("cloudpickle/cloudpickle.py", "dumps"),
    ("prefect/artifacts.py", "create_markdown_artifact"),
]


def profile_report(path: Path, top: int = 40) -> dict:
    stats = pstats.Stats(str(path))
    points = {}
    for (filename, _line, name), (_cc, _nc, _tt, ct, _callers) in stats.stats.items():
        for fragment, wanted in PROFILE_POINTS:
            if name == wanted and filename.endswith(fragment):
                key = f"{fragment}:{wanted}"
                points[key] = max(points.get(key, 0), round(ct, 2))
    ordered = sorted(stats.stats.items(), key=lambda kv: kv[1][2], reverse=True)[:top]
    by_tottime = [
        {
            "function": f"{Path(fn).name}:{line}:{name}",
            "tottime_s": round(tt, 2),
            "cumtime_s": round(ct, 2),
            "calls": nc,
        }
        for (fn, line, name), (_cc, nc, tt, ct, _callers) in ordered
    ]
    text = io.StringIO()
    pstats.Stats(str(path), stream=text).sort_stats("cumulative").print_stats(60)
    (path.with_suffix(".cumulative.txt")).write_text(text.getvalue(), encoding="utf-8")
    return {"points_cumtime_s": points, "top_tottime": by_tottime}


def main() -> None:
    parser = argparse.ArgumentParser(description="yanglao-data scale benchmark (issue 8)")
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument(
        "--workdir", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "yanglao-bench"
    )
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--search-runs", type=int, default=20)
    parser.add_argument("--profile", default="10000", help="sizes whose full rebuild is also profiled")
    parser.add_argument(
        "--c8-sizes", default="1000", help="sizes that also run the per_host_concurrency=8 refresh"
    )
    parser.add_argument(
        "--max-full-seconds",
        type=float,
        default=180.0,
        help="skip a size when the previous size's full rebuild, scaled linearly, would exceed this × 10",
    )
    parser.add_argument(
        "--avoid",
        default="",
        help="document indexes generated with another salt (comma-separated). Runs before the fix of targets "
        "without an indicator used 3845: with seed 8, bench-003845 (a PDF) gave such a row",
    )
    parser.add_argument(
        "--ephemeral-prefect",
        action="store_true",
        help="let each scenario start Prefect's ephemeral API server (adds its ~8 s start-up to every run)",
    )
    parser.add_argument(
        "--timeline",
        action="store_true",
        help="keep every memory sample of each flow scenario (per process) in --workdir/nN/timeline-NAME.tsv",
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    global TIMELINES
    TIMELINES = args.timeline
    if args.child:
        child_main(args.child)
        return
    args.profile = {int(s) for s in args.profile.split(",") if s}
    args.c8_sizes = {int(s) for s in args.c8_sizes.split(",") if s}
    args.avoid = frozenset(int(s) for s in args.avoid.split(",") if s)
    sizes = [int(s) for s in args.sizes.split(",")]
    info = machine()
    info["code"] = snapshot_code(args.workdir / "code")
    print(json.dumps(info), flush=True)
    prefect_server = None
    args.api_url = None
    if not args.ephemeral_prefect:
        prefect_server = PrefectServer(args.workdir / "prefect-server").start()
        args.api_url = prefect_server.url
    info["prefect_api"] = "ephemeral per scenario" if args.ephemeral_prefect else "one prefect server start"
    try:
        run_sizes(sizes, args, info)
    finally:
        if prefect_server is not None:
            prefect_server.stop()


def run_sizes(sizes: list[int], args, info: dict) -> None:
    previous = None
    for n in sizes:
        if n >= 100_000 and previous is not None:
            full = previous["scenarios"]["full"]["stage_seconds"]
            if previous["size"] >= 10_000 and sum(full.values()) > args.max_full_seconds:
                print(
                    f"== {n}: skipped, the {previous['size']} full rebuild took {sum(full.values()):.0f} s "
                    f"(> {args.max_full_seconds:.0f} s)",
                    flush=True,
                )
                continue
        previous = bench_size(n, args, info)


if __name__ == "__main__":
    main()
