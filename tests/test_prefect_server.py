"""Prefect's side of a run: the local API server `yanglao run` starts once and reuses (a real server,
started as a process), and Prefect's result storage kept bounded."""

from __future__ import annotations

import os
import time
from pathlib import Path

from yanglao import prefect_server


def test_the_local_server_is_started_once_reused_and_stopped(tmp_path, monkeypatch):
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    url = prefect_server.ensure_server(timeout=180)
    try:
        record = prefect_server.running_server()
        assert record is not None and record["url"] == url
        started = time.perf_counter()
        assert prefect_server.ensure_server(timeout=180) == url  # the same server, not a second one
        assert time.perf_counter() - started < 5
        assert prefect_server.running_server()["pid"] == record["pid"]
    finally:
        pid = prefect_server.stop_server()
    assert pid == record["pid"]
    for _ in range(100):
        if not Path(f"/proc/{pid}").exists() or "Z" in _state(pid):
            break
        time.sleep(0.2)
    assert prefect_server.running_server() is None


def _state(pid: int) -> str:
    try:
        return next(
            line for line in Path(f"/proc/{pid}/status").read_text().splitlines() if line.startswith("State")
        )
    except (OSError, StopIteration):
        return "Z"


def test_the_server_is_idle_only_when_no_run_holds_the_lease(tmp_path, monkeypatch):
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path))
    lease = tmp_path / prefect_server.LEASE_NAME
    with prefect_server.lease():
        old = time.time() - 3600
        os.utime(lease, (old, old))
        assert not prefect_server._idle(tmp_path, 60)  # a run holds it, however old the lease
    os.utime(lease, (time.time() - 3600,) * 2)
    assert prefect_server._idle(tmp_path, 60)
    os.utime(lease)
    assert not prefect_server._idle(tmp_path, 60)  # a run ended a moment ago


def test_old_batch_results_are_pruned_and_other_entries_kept(tmp_path):
    from yanglao_flows.refresh import prune_result_storage

    (tmp_path / "extract-0123").write_bytes(b"x" * 1000)
    (tmp_path / "extract-4567").write_bytes(b"y" * 500)
    (tmp_path / "another-flow-result").write_bytes(b"z")
    assert prune_result_storage(tmp_path) == (2, 1500)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["another-flow-result"]
    assert prune_result_storage(tmp_path / "missing") == (0, 0)
