"""`yanglao run --dask ADDRESS`: the batches on a Dask cluster that already runs.

A real `dask scheduler` and two `dask worker` processes are started on 127.0.0.1 (free ports, their own
TMPDIR, no PREFECT_API_URL: as on another machine, the workers learn the run's API from the tasks) and
stopped afterwards, even when a test fails. The scheduler's task stream says which worker ran each batch.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[1]
TABLES = ("sources", "documents", "measures", "targets", "subsidies", "doubtful")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Cluster:
    address: str
    worker_pids: dict[str, int]  # worker name → pid of the process this fixture started


def _start(args: list[str], env: dict, log: Path, cwd: Path) -> subprocess.Popen:
    # A session of its own: the whole process group is stopped at the end, whatever the worker started.
    return subprocess.Popen(
        [sys.executable, "-m", "dask", *args],
        env=env,
        cwd=cwd,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def _stop(process: subprocess.Popen) -> None:
    for sig, wait in ((signal.SIGTERM, 20), (signal.SIGKILL, 10)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


@pytest.fixture(scope="module")
def dask_cluster(tmp_path_factory):
    """A scheduler and two single-threaded workers (no nanny: the pid started is the worker's)."""
    from distributed import Client

    base = tmp_path_factory.mktemp("dask")
    (base / "tmp").mkdir()
    env = {**os.environ, "TMPDIR": str(base / "tmp"), "DO_NOT_TRACK": "1"}
    env.pop("PREFECT_API_URL", None)
    address = f"tcp://127.0.0.1:{free_port()}"
    port = address.rsplit(":", 1)[1]
    started: list[subprocess.Popen] = []
    try:
        started.append(
            _start(
                ["scheduler", "--host", "127.0.0.1", "--port", port, "--no-dashboard"],
                env,
                base / "scheduler.log",
                base,
            )
        )
        names = ("worker-a", "worker-b")
        for name in names:
            worker = ["worker", address, "--host", "127.0.0.1", "--nthreads", "1", "--no-nanny"]
            worker += ["--name", name, "--no-dashboard", "--local-directory", str(base / name)]
            started.append(_start(worker, env, base / f"{name}.log", base))
        deadline = time.monotonic() + 180  # two cores shared by several sessions: start-up can be slow
        while True:
            try:
                with Client(address, timeout=10, set_as_default=False) as client:
                    client.wait_for_workers(2, timeout=max(1, deadline - time.monotonic()))
                    by_name = {w["name"]: a for a, w in client.scheduler_info()["workers"].items()}
                    pids = client.run(os.getpid)
                break
            except (OSError, TimeoutError):
                if time.monotonic() > deadline or any(p.poll() is not None for p in started):
                    logs = {p.name: p.read_text()[-2000:] for p in base.glob("*.log")}
                    raise RuntimeError(f"the Dask cluster did not start: {logs}") from None
                time.sleep(1)
        worker_pids = {name: pids[by_name[name]] for name in names}
        assert sorted(worker_pids.values()) == sorted(p.pid for p in started[1:])
        yield Cluster(address, worker_pids)
    finally:
        for process in reversed(started):
            _stop(process)


def test_yanglao_run_dask_address_runs_the_batches_on_the_workers(
    prefect_harness, shipped_build, dask_cluster, tmp_path, monkeypatch
):
    from distributed import Client
    from prefect.settings import PREFECT_API_URL
    from yanglao_flows import refresh as refresh_module

    from yanglao.cli import main

    # The run uses the session's Prefect API rather than starting one (the CLI's own start-up is ~10 s);
    # the workers have no PREFECT_API_URL of their own: they learn it from each task.
    monkeypatch.setenv("PREFECT_API_URL", str(PREFECT_API_URL.value()))
    monkeypatch.setenv("PREFECT_LOGGING_LEVEL", "WARNING")
    monkeypatch.setattr(refresh_module, "BATCH_SIZE", 4)  # 15 documents → 4 batches, for two workers
    output = tmp_path / "out"
    with Client(dask_cluster.address, set_as_default=False) as client:
        client.get_task_stream()  # the scheduler records every task from now on
        seen = len(client.get_task_stream())
        code = main(["run", "--output", str(output), "--dask", dask_cluster.address])
        stream = client.get_task_stream()[seen:]
        pids = client.run(os.getpid)
    assert code == 0

    batches = [r for r in stream if "process_batch" in str(r["key"]) and r["status"] == "OK"]
    assert len(batches) == 4, [r["key"] for r in stream]
    ran_on = {pids[r["worker"]] for r in batches}
    assert ran_on == set(dask_cluster.worker_pids.values())  # both workers, none of them this process
    assert os.getpid() not in ran_on

    local, _ = shipped_build  # the same flow, run in this process without Dask
    for table in TABLES:
        for suffix in (".csv", ".json"):
            name = f"datasets/latest/{table}{suffix}"
            assert (output / name).read_bytes() == (local / name).read_bytes(), name


def test_a_worker_that_cannot_do_the_work_is_named_before_the_run(dask_cluster, tmp_path, monkeypatch):
    from yanglao import cluster
    from yanglao.cli import main

    assert cluster.worker_problems(dask_cluster.address, [ROOT / "archive"], None) == []
    missing = tmp_path / "not-shared"
    problems = cluster.worker_problems(dask_cluster.address, [ROOT / "archive", missing], None)
    assert len(problems) == 2 and all(p.endswith(f"does not see {missing}") for p in problems)

    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", 2)
    nobody = f"tcp://127.0.0.1:{free_port()}"
    assert cluster.worker_problems(nobody, [], None)[0].startswith(
        f"cannot reach the Dask scheduler at {nobody}"
    )
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:9/api")  # never reached: refused before
    monkeypatch.setenv("PREFECT_LOGGING_LEVEL", "WARNING")
    assert main(["run", "--output", str(tmp_path / "out"), "--dask", nobody]) == 2
    assert not (tmp_path / "out" / "datasets").exists()


@pytest.mark.unit
def test_the_dask_option_is_a_number_of_local_workers_or_an_address():
    import argparse

    from yanglao.cli import build_parser, dask_cluster

    assert build_parser().parse_args(["run", "--dask", "3"]).dask == 3
    assert dask_cluster("tcp://10.0.0.5:8786") == "tcp://10.0.0.5:8786"
    assert dask_cluster("scheduler:8786") == "scheduler:8786"
    for bad in ("0", "scheduler"):
        with pytest.raises(argparse.ArgumentTypeError):
            dask_cluster(bad)
