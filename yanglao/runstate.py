"""The state a run leaves in its output folder, kept clean: leftovers of killed runs, the registry that built
the folder, the SQLite build swapped by rename, and the temporary Prefect API server a killed run left behind.

The I/O side of the decisions in `yanglao.pipeline`.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import tempfile
from pathlib import Path

#: Names of the temporary files and folders a run makes, removed at its end and at the start of the next.
LEFTOVER_PREFIXES = (
    ".validate-",
    ".stage-",
    ".latest-",
    ".update-",
    ".build-",
    ".status-",
    ".tmp-",
    ".spool-",
)
SERVER_COMMAND_MARK = "prefect.server.api.server:create_app"


def remove_leftovers(output: Path) -> list[Path]:
    """Remove temporary release folders and database copies (a run killed mid-way leaves them); returns them.

    Only called while the output lock is held, so no other run's temporary files are touched.
    """
    removed = []
    for folder in (output / "datasets" / "releases", output / "datasets", output / "state"):
        if not folder.is_dir():
            continue
        for item in folder.iterdir():
            if not item.name.startswith(LEFTOVER_PREFIXES):
                continue
            if item.is_dir() and not item.is_symlink():
                shutil.rmtree(item, ignore_errors=True)
            else:
                item.unlink(missing_ok=True)
            removed.append(item)
    return removed


def load_listing_status(state_dir: Path) -> dict[str, dict]:
    """Each listing's status after the last run, by listing id."""
    path = state_dir / "listing_status.json"
    if not path.exists():
        return {}
    return {row["listing_id"]: row for row in json.loads(path.read_text(encoding="utf-8"))["listings"]}


def previous_release(output: Path):
    """The latest published release, per document (`PreviousRelease`), or None before the first."""
    from yanglao.publish.incremental import load_previous
    from yanglao.publish.release import published_versions, releases_dir

    versions = published_versions(output)
    return load_previous(releases_dir(output) / versions[-1], Path(output) / "state") if versions else None


# ---------------------------------------------------------------------------------------------------------
# Which registry built the folder.


def registry_record_path(output: Path) -> Path:
    """Where an output folder records the registry that built it."""
    return output / "state" / "registry.json"


def recorded_registry(output: Path) -> str | None:
    """The registry path an output folder was built from, or None for a folder not built yet."""
    path = registry_record_path(output)
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8")).get("registry")


def record_registry(output: Path, registry: Path) -> None:
    """Remember which registry built this folder, so that another one is refused next time."""
    write_json(registry_record_path(output), {"registry": str(Path(registry).resolve())})


def registry_digest(registry: Path) -> str:
    """A hash of the registry file and of the discovered sources beside it (`discovered.yaml`): equal hashes, the
    same sources in the same order (the code that reads them being the same)."""
    digest = hashlib.sha256()
    for path in (Path(registry), Path(registry).with_name("discovered.yaml")):
        digest.update(path.name.encode() + b"\0")
        if path.exists():
            with path.open("rb") as f:
                for block in iter(lambda: f.read(1 << 20), b""):
                    digest.update(block)
        digest.update(b"\0")
    return digest.hexdigest()


def write_json(path: Path, data) -> None:
    """Write JSON by rename: a reader sees the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".tmp-{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(
                data, f, ensure_ascii=False, indent=1
            )  # as encoded: build keys and statuses of every source
            f.write("\n")
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def note_retired(output: Path, version: str, source_ids: list[str]) -> None:
    """Record in datasets/CHANGELOG.md, under the release's entry, the sources the operator retired."""
    path = output / "datasets" / "CHANGELOG.md"
    if not path.exists():
        return
    text = path.read_text(encoding="utf-8")
    heading = f"## {version} ("
    at = text.find(heading)
    if at < 0:
        return
    end = text.find("\n", at) + 1
    line = "\n- retired by the operator (`--retire`): " + ", ".join(f"`{s}`" for s in source_ids) + "\n"
    _write_text(path, text[:end] + line + text[end:])


def _write_text(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)


# ---------------------------------------------------------------------------------------------------------
# The SQLite build, replaced by rename.


def swap_status(db_path: Path, version: str, source_status: list[dict], listing_status: list[dict]) -> bool:
    """Refresh the status tables of the database built from `version` on a copy renamed into place (Datasette
    serves the file immutable: it must never change under it). False when the database must be rebuilt."""
    from yanglao.serve.sqlite import update_status

    db_path = Path(db_path)
    if not db_path.exists():
        return False
    fd, tmp = tempfile.mkstemp(dir=db_path.parent, prefix=".status-", suffix=".db")
    os.close(fd)
    try:
        shutil.copyfile(db_path, tmp)
        if not update_status(Path(tmp), version, source_status, listing_status):
            return False
        os.chmod(tmp, 0o644)
        os.replace(tmp, db_path)
        from yanglao.serve.sqlite import write_inspect_file

        write_inspect_file(db_path)  # update_status described the copy
        return True
    finally:
        Path(tmp).unlink(missing_ok=True)


# ---------------------------------------------------------------------------------------------------------
# The temporary Prefect API server.


def servers_dir(output: Path) -> Path:
    """Where a run records the Prefect server it started, so that the next run can end an orphan."""
    return output / "state" / "prefect-servers"


def record_server(output: Path, server_pid: int) -> Path:
    """Note this process's temporary Prefect server, so a run after a `kill -9` of this one can end it."""
    path = servers_dir(output) / f"{os.getpid()}.json"
    write_json(path, {"owner": os.getpid(), "server": server_pid})
    return path


def end_orphaned_servers(output: Path) -> list[int]:
    """End the temporary Prefect servers of runs that died without stopping them; returns their pids.

    A server is ended only when the run that recorded it is gone and the process is still that server
    (its command line names Prefect's app), so a reused pid is never hit.
    """
    ended = []
    folder = servers_dir(output)
    if not folder.is_dir():
        return ended
    for path in folder.glob("*.json"):
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            path.unlink(missing_ok=True)
            continue
        if _alive(int(record.get("owner", 0))):
            continue
        server = int(record.get("server", 0))
        if server and SERVER_COMMAND_MARK in _cmdline(server):
            try:
                os.kill(server, signal.SIGTERM)
                ended.append(server)
            except ProcessLookupError:
                pass
        path.unlink(missing_ok=True)
    return ended


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    status = Path(f"/proc/{pid}/status")
    try:
        return "\nState:\tZ" not in status.read_text()
    except OSError:
        return True


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""
