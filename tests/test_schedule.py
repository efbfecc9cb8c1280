"""The scheduled refresh as Prefect runs it: the declared deployment, a served schedule against a
real Prefect server, and the flow on a local Dask cluster."""

from __future__ import annotations

import inspect
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
import yaml
from conftest import bundled_sources

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_prefect_yaml_declares_a_daily_deployment_of_the_flow():
    from yanglao_flows.refresh import refresh

    config = yaml.safe_load((ROOT / "prefect.yaml").read_text(encoding="utf-8"))
    (deployment,) = config["deployments"]
    assert deployment["entrypoint"] == "flows/refresh.py:refresh"
    assert deployment["concurrency_limit"] == 1
    assert deployment["schedules"] == [{"cron": "0 6 * * *", "timezone": "Asia/Shanghai", "active": True}]
    assert set(deployment["parameters"]) <= set(inspect.signature(refresh.fn).parameters)
    assert deployment["parameters"]["fetch"] is True


def test_the_cli_schedule_is_the_same_daily_cron():
    from yanglao.cli import build_parser, refresh_schedule

    schedule = refresh_schedule(build_parser().parse_args(["schedule"]))
    assert (schedule.cron, schedule.timezone) == ("0 6 * * *", "Asia/Shanghai")


@pytest.fixture
def prefect_server(tmp_path):
    """A real `prefect server start` on 127.0.0.1, with its own home; stopped afterwards."""
    port = free_port()
    env = {
        **os.environ,
        "PREFECT_HOME": str(tmp_path / "prefect-home"),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
        "PREFECT_UI_ENABLED": "false",
    }
    env.pop("PREFECT_API_URL", None)
    log = (tmp_path / "server.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}/api"
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                if requests.get(f"{url}/health", timeout=1).ok:
                    break
            except requests.RequestException:
                time.sleep(0.5)
        else:
            pytest.fail("prefect server did not start: " + (tmp_path / "server.log").read_text()[-2000:])
        yield url, env
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def test_yanglao_schedule_makes_scheduled_runs_on_a_real_server(prefect_server, tmp_path):
    url, env = prefect_server
    env = {**env, "PREFECT_API_URL": url, "PREFECT_LOGGING_LEVEL": "WARNING"}
    output = tmp_path / "out"
    served = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "yanglao.cli",
            "schedule",
            "--interval",
            "5",
            "--replay",
            "--output",
            str(output),
            "--name",
            "every-5s",
        ],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        completed = []
        deadline = time.monotonic() + 150
        while time.monotonic() < deadline and not completed:
            time.sleep(2)
            try:
                runs = requests.post(
                    f"{url}/flow_runs/filter",
                    json={"flow_runs": {"state": {"type": {"any_": ["COMPLETED"]}}}, "limit": 5},
                    timeout=30,
                ).json()
            except requests.RequestException:
                continue  # a busy server on two cores answers late; ask again
            completed = [r for r in runs if r["state_type"] == "COMPLETED" and r.get("deployment_id")]
        assert completed, "no scheduled run completed"
        deployment = requests.get(f"{url}/deployments/{completed[0]['deployment_id']}", timeout=30).json()
        assert deployment["name"] == "every-5s"
        assert (output / "datapackage.json").exists() and (output / "datasets" / "yanglao.db").exists()
    finally:
        served.terminate()
        try:
            served.wait(timeout=20)
        except subprocess.TimeoutExpired:
            served.kill()


def test_the_flow_runs_on_a_local_dask_cluster(prefect_harness, shipped_build, tmp_path, monkeypatch):
    from prefect.settings import PREFECT_API_URL
    from yanglao_flows.refresh import with_dask

    # Dask workers are separate processes: they find the test's Prefect API through the environment.
    monkeypatch.setenv("PREFECT_API_URL", str(PREFECT_API_URL.value()))
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    summary = with_dask(2)(
        sources_path=str(ROOT / "sources.yaml"),
        output=str(tmp_path / "out"),
        archive_root=str(tmp_path / "out" / "archive"),
        archive_fallback=str(ROOT / "archive"),
    )
    assert summary.published and summary.documents == len(bundled_sources())
    output, _ = shipped_build
    for table in ("measures", "targets", "subsidies"):
        assert (tmp_path / "out" / "datasets" / "latest" / f"{table}.csv").read_bytes() == (
            output / "datasets" / "latest" / f"{table}.csv"
        ).read_bytes()
