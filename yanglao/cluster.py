"""Before a run on a Dask cluster that already runs (`yanglao run --dask ADDRESS`): can every worker do the work?

A worker runs `process_batch` of the installed flows package on snapshots it reads from the archive by path,
and reports its task runs to the run's Prefect API. A worker without the package, with other extraction
code, without the archive at the same path, or that cannot reach the API would fail every batch it is
given, or worse, with other code, give other rows than the build keys say. Asking each worker first turns
that into one line per worker before anything starts.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

#: Seconds to wait for the scheduler to answer, and for a worker to reach the Prefect API.
CONNECT_TIMEOUT = 30


def worker_report(paths: list[str], api_url: str | None) -> dict:
    """Run on each worker (`Client.run`): who it is, its extraction code, and what it lacks for this run."""
    report: dict = {"host": socket.gethostname(), "pid": os.getpid(), "problems": []}
    problems = report["problems"]
    try:
        import yanglao_flows.refresh  # noqa: F401 - the task functions the batches run

        from yanglao.publish.incremental import extractor_fingerprint

        report["fingerprint"] = extractor_fingerprint()
    except ImportError as exc:
        problems.append(f"cannot import the flow (pip install yanglao there): {exc}")
    problems += [f"does not see {path}" for path in paths if not Path(path).is_dir()]
    if api_url:
        import httpx

        try:
            httpx.get(f"{api_url.rstrip('/')}/health", timeout=CONNECT_TIMEOUT).raise_for_status()
        except httpx.HTTPError as exc:
            problems.append(f"cannot reach the Prefect API at {api_url} ({type(exc).__name__})")
    return report


def worker_problems(address: str, paths: list[Path], api_url: str | None) -> list[str]:
    """One line per thing a worker of the scheduler at `address` lacks for this run; empty when all is well.

    `paths` are the folders the workers read (the archive and its fallback); `api_url` the Prefect API the
    task runs report to. The extraction code must be the same as here, since build keys hash this code.
    """
    from distributed import Client

    from yanglao.publish.incremental import extractor_fingerprint

    try:
        with Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False) as client:
            reports = client.run(worker_report, [str(p) for p in paths], api_url, on_error="return")
    except (OSError, TimeoutError) as exc:
        return [f"cannot reach the Dask scheduler at {address} ({type(exc).__name__}: {exc})"]
    if not reports:
        return [f"the Dask scheduler at {address} has no workers"]
    here = extractor_fingerprint()
    lines = []
    for worker, report in sorted(reports.items()):
        if isinstance(report, BaseException):
            lines.append(f"worker {worker}: cannot run yanglao ({type(report).__name__}: {report})")
            continue
        lines += [f"worker {worker}: {problem}" for problem in report["problems"]]
        if report.get("fingerprint", here) != here:
            lines.append(
                f"worker {worker}: other extraction code ({report['fingerprint']}, here {here}): "
                "install the same version of yanglao on every machine"
            )
    return lines
