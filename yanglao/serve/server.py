"""`yanglao serve`: Datasette on the latest SQLite build, read-only, on 127.0.0.1 (or `--host`).

Immutable (`-i`) with the inspect file the build wrote (so start-up does not count
rows), the metadata generated from the field registry, facet suggestions off (they
dominate page time at scale, PITFALLS.md), and the search plugin (registered by
the package's `datasette` entry point).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

from yanglao.serve.sqlite import INSPECT_FILE, METADATA_FILE, write_inspect_file

HOST = "127.0.0.1"
DEFAULT_PORT = 8001


def ensure_support_files(db_path: Path) -> tuple[Path, Path]:
    """The metadata and a current inspect file beside the database, written when missing or stale."""
    from yanglao.serve.metadata import write_metadata

    folder = db_path.parent
    metadata, inspect = folder / METADATA_FILE, folder / INSPECT_FILE
    if not metadata.exists():
        write_metadata(metadata)
    stale = True
    if inspect.exists():
        try:
            recorded = json.loads(inspect.read_text(encoding="utf-8")).get(db_path.stem, {})
            stale = (
                recorded.get("size") != db_path.stat().st_size
                or inspect.stat().st_mtime < db_path.stat().st_mtime
            )
        except ValueError:
            stale = True
    if stale:
        write_inspect_file(db_path, inspect)
    return metadata, inspect


def datasette_command(db_path: Path, port: int, host: str = HOST) -> list[str]:
    """The `datasette serve` command line for a build (metadata and inspect file beside the database)."""
    db_path = Path(db_path)
    metadata, inspect = ensure_support_files(db_path)
    return [
        sys.executable, "-m", "datasette", "serve",
        "-i", str(db_path),
        "--inspect-file", str(inspect),
        "--metadata", str(metadata),
        "--setting", "suggest_facets", "off",
        "-h", host,
        "-p", str(port),
    ]  # fmt: skip


def port_in_use(host: str, port: int) -> str | None:
    """Why Datasette could not listen on host:port (in use, or not an address here); None when it can."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(
            socket.SOL_SOCKET, socket.SO_REUSEADDR, 1
        )  # as uvicorn does: TIME_WAIT is no obstacle
        try:
            probe.bind((host, port))
        except OSError as exc:
            return exc.strerror or str(exc)
    return None


def serve(db_path: Path, port: int = DEFAULT_PORT, host: str = HOST) -> int:
    """Print the address, then become Datasette (exec), so Ctrl-C and signals reach it directly.

    A port already in use is said in one line (exit code 1) before anything else is printed: the
    address would otherwise belong to another process.
    """
    db_path = Path(db_path)
    if not db_path.exists():
        raise FileNotFoundError(f"{db_path} does not exist: build it first with `yanglao run`")
    problem = port_in_use(host, port)
    if problem:
        print(
            f"yanglao serve: cannot listen on {host}:{port} ({problem}); choose another with --port",
            file=sys.stderr,
        )
        return 1
    command = datasette_command(db_path, port, host)
    shown = f"[{host}]" if ":" in host else host
    print(f"yanglao serve: {db_path} (read-only) at http://{shown}:{port}/", flush=True)
    if os.name != "posix":
        return subprocess.call(command)
    os.execv(command[0], command)
    return 0  # not reached
