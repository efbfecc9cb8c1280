"""A local Prefect API server that `yanglao run` starts once and reuses, instead of a temporary one per run.

Why: Prefect's temporary ("ephemeral") server costs 8–20 s of start-up on every run — more than the whole
refresh of the bundled corpus (PITFALLS.md). A server left running for the next runs makes a run cost its
own work plus ~2 s of Prefect, while the flow stays a real Prefect flow with a real API (and its run
history is kept, which the temporary server loses at shutdown).

One server per PREFECT_HOME (its database lives there), recorded in `PREFECT_HOME/yanglao-server.json`
(pid, port, url). It stops by itself after `YANGLAO_PREFECT_SERVER_IDLE` seconds (default 1800) without a
run: every run holds a shared lock on `PREFECT_HOME/yanglao-server.lease` while it runs and touches it at
its start and end; the server's watchdog ends it only when no run holds the lock and the lease is older
than the idle time. `yanglao server stop` ends it at once.

Run as `python -m yanglao.prefect_server --port P` (what `ensure_server` starts, detached).
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

IDLE_SECONDS_DEFAULT = 1800
RECORD_NAME = "yanglao-server.json"
LEASE_NAME = "yanglao-server.lease"
SERVER_MARK = "yanglao.prefect_server"


def prefect_home() -> Path:
    """PREFECT_HOME as Prefect reads it (without importing Prefect: that alone costs ~2 s)."""
    return Path(os.environ.get("PREFECT_HOME") or Path.home() / ".prefect").expanduser()


def idle_seconds() -> float:
    """How long the server waits without a run before it stops (YANGLAO_PREFECT_SERVER_IDLE)."""
    return float(os.environ.get("YANGLAO_PREFECT_SERVER_IDLE", IDLE_SECONDS_DEFAULT))


def _healthy(url: str, timeout: float = 2.0) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/health", timeout=timeout) as response:
            return response.status == 200
    except OSError:
        return False


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def running_server(home: Path | None = None) -> dict | None:
    """The recorded server of this PREFECT_HOME if it is alive and answers, else None."""
    path = (home or prefect_home()) / RECORD_NAME
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if SERVER_MARK not in _cmdline(int(record.get("pid", 0))):
        return None
    return record if _healthy(record["url"]) else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def _start_lock(home: Path):
    """One process at a time decides whether to start the server (two runs at once must share one)."""
    home.mkdir(parents=True, exist_ok=True)
    with (home / ".yanglao-server.start.lock").open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def ensure_server(timeout: float = 180.0) -> str:
    """The API URL of this PREFECT_HOME's server, started (detached) when none answers.

    Raises RuntimeError with the end of the server's log when it does not answer within `timeout`.
    """
    home = prefect_home()
    with _start_lock(home):
        record = running_server(home)
        if record:
            return record["url"]
        port = _free_port()
        url = f"http://127.0.0.1:{port}/api"
        log_path = home / "yanglao-server.log"
        env = {
            **os.environ,
            "PREFECT_UI_ENABLED": "0",
            "PREFECT__SERVER_EPHEMERAL": "1",  # no background loop services: the API only (as the temporary one)
            "PREFECT__SERVER_FINAL": "1",
        }
        env.pop("PREFECT_API_URL", None)
        (home / LEASE_NAME).touch()
        with log_path.open("ab") as log:
            process = subprocess.Popen(
                [sys.executable, "-m", SERVER_MARK, "--port", str(port), "--home", str(home)],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
                env=env,
                start_new_session=True,  # outlives this run, and a Ctrl-C of the run does not reach it
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if process.poll() is not None:
                break
            if _healthy(url, timeout=1.0):
                _write_record(home, {"pid": process.pid, "port": port, "url": url})
                return url
            time.sleep(0.1)
        if process.poll() is None:
            process.terminate()
        tail = log_path.read_text(encoding="utf-8", errors="replace")[-600:].strip().splitlines()
        raise RuntimeError(
            f"the local Prefect API server did not answer within {timeout:.0f} s"
            + (f" ({tail[-1][:200]})" if tail else "")
        )


def _write_record(home: Path, record: dict) -> None:
    path = home / RECORD_NAME
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(record) + "\n", encoding="utf-8")
    os.replace(tmp, path)


@contextmanager
def lease():
    """Held by a run while it uses the server: the server does not stop for idleness under a run."""
    path = prefect_home() / LEASE_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_SH)
        os.utime(path)
        try:
            yield
        finally:
            os.utime(path)
            fcntl.flock(handle, fcntl.LOCK_UN)


def stop_server(home: Path | None = None) -> int | None:
    """End this PREFECT_HOME's server; returns its pid, or None when none was running."""
    home = home or prefect_home()
    path = home / RECORD_NAME
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    pid = int(record.get("pid", 0))
    path.unlink(missing_ok=True)
    if pid and SERVER_MARK in _cmdline(pid):
        os.kill(pid, signal.SIGTERM)
        return pid
    return None


def _idle(home: Path, seconds: float) -> bool:
    """No run holds the lease and none touched it for `seconds`."""
    path = home / LEASE_NAME
    try:
        age = time.time() - path.stat().st_mtime
    except OSError:
        return True
    if age < seconds:
        return False
    with path.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False  # a run is using the server
        fcntl.flock(handle, fcntl.LOCK_UN)
    return True


def main(argv: list[str] | None = None) -> None:
    """Serve Prefect's API on 127.0.0.1:PORT until idle (or SIGTERM), then remove the record."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--home", type=Path, required=True)
    args = parser.parse_args(argv)
    import uvicorn

    config = uvicorn.Config(
        "prefect.server.api.server:create_app",
        factory=True,
        host="127.0.0.1",
        port=args.port,
        log_level="error",
        lifespan="on",
    )
    server = uvicorn.Server(config)
    idle = idle_seconds()

    def watchdog() -> None:
        while not server.should_exit:
            time.sleep(min(10.0, max(idle / 4, 0.5)))
            if _idle(args.home, idle):
                server.should_exit = True

    threading.Thread(target=watchdog, daemon=True).start()
    try:
        server.run()
    finally:
        record = args.home / RECORD_NAME
        try:
            if json.loads(record.read_text(encoding="utf-8")).get("pid") == os.getpid():
                record.unlink(missing_ok=True)
        except (OSError, ValueError):
            pass


if __name__ == "__main__":
    main()
