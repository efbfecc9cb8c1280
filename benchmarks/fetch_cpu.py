"""What one conditional request costs the fetcher: wall time and the client's CPU per request answered 304.

    .venv/bin/python benchmarks/fetch_cpu.py [--requests 3000] [--repeat 3]

A no-change refresh is one conditional request per page, nearly all answered 304 (BENCHMARKS.md: 100,000 of them
are most of that refresh). This starts the benchmark's page server (`server.PageServer`, one page body for
`--pages` ids) in a process of its own on 127.0.0.1, so that its CPU is not counted, and times
`yanglao.acquire.fetch.Fetcher.fetch` with the page's ETag, one request at a time over one kept connection:
with `trust_env` on (the default: proxies and CA bundle from the environment) and off (as `run.py` sets it),
then the same requests with a bare `requests.Session.get` and with urllib3's connection pool (requests' own
transport), for comparison. Least of `--repeat` passes.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SERVE = """
import sys, time
sys.path.insert(0, {here!r})
from pathlib import Path
from server import PageServer
server = PageServer(Path({manifest!r})).start()
print(server.port, flush=True)
sys.stdin.read()  # until the parent closes our stdin
server.stop()
"""


def start_server(folder: Path, pages: int) -> tuple[subprocess.Popen, int]:
    """The page server in a child process, serving `pages` ids d0… with one small body and an ETag each."""
    body = folder / "body.html"
    body.write_bytes("<html><body><p>养老服务</p></body></html>".encode())
    manifest = {
        f"d{i}": {
            "etag": f'"e{i}"',
            "last_modified": "Wed, 01 Oct 2025 00:00:00 GMT",
            "content_type": "text/html; charset=utf-8",
            "object": str(body),
        }
        for i in range(pages)
    }
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    code = SERVE.format(here=str(HERE), manifest=str(folder / "manifest.json"))
    proc = subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    return proc, int(proc.stdout.readline())


def timed(call, requests: int, pages: int, repeat: int) -> dict:
    """Least wall and CPU milliseconds per request over `repeat` passes of `requests` calls."""
    call(0)  # connection and robots.txt
    best_wall = best_cpu = float("inf")
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        for i in range(requests):
            call(i % pages)
        best_wall = min(best_wall, (time.perf_counter() - wall) / requests * 1000)
        best_cpu = min(best_cpu, (time.process_time() - cpu) / requests * 1000)
    return {"wall_ms": round(best_wall, 3), "client_cpu_ms": round(best_cpu, 3)}


def main() -> None:
    import requests
    import urllib3

    from yanglao.acquire.fetch import Fetcher, FetchSettings

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        proc, port = start_server(Path(tmp), args.pages)
        base = f"http://127.0.0.1:{port}/d/"
        out: dict = {"requests": args.requests, "repeat": args.repeat}
        try:
            for trust_env in (True, False):
                with Fetcher(FetchSettings(per_host_delay=0.0, retries=0, trust_env=trust_env)) as fetcher:

                    def conditional(i: int, fetcher=fetcher) -> None:
                        if not fetcher.fetch(f"{base}d{i}", etag=f'"e{i}"').not_modified:
                            raise RuntimeError("expected 304")

                    out[f"fetcher_trust_env_{trust_env}"] = timed(
                        conditional, args.requests, args.pages, args.repeat
                    )
            with requests.Session() as session:
                session.trust_env = False

                def bare(i: int) -> None:
                    with session.get(f"{base}d{i}", headers={"If-None-Match": f'"e{i}"'}, stream=True) as r:
                        _ = r.content
                        if r.status_code != 304:
                            raise RuntimeError("expected 304")

                out["requests_session_get"] = timed(bare, args.requests, args.pages, args.repeat)

                # The same request by requests' own transport, urllib3, on one kept connection: what the client
                # costs without requests' Session (its request preparation, settings merge, hooks, cookies and
                # response object), for comparison.
                pool = urllib3.HTTPConnectionPool("127.0.0.1", port, maxsize=1)

                def transport(i: int) -> None:
                    response = pool.request(
                        "GET",
                        f"/d/d{i}",
                        headers={"If-None-Match": f'"e{i}"'},
                        preload_content=False,
                        redirect=False,
                        retries=False,
                    )
                    response.read()
                    response.release_conn()
                    if response.status != 304:
                        raise RuntimeError("expected 304")

                out["urllib3_pool_request"] = timed(transport, args.requests, args.pages, args.repeat)
                pool.close()
        finally:
            proc.stdin.close()
            proc.wait(timeout=10)
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
