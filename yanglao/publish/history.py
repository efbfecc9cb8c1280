"""Reading published releases back: compare two, and rebuild one from the archive."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import yaml

from yanglao.publish.release import diff_tables, load_release_tables, releases_dir, sha256


class ReleaseNotFound(LookupError):
    """No release of that version under the output root."""


def release_folder(output: Path, version: str) -> Path:
    """The folder of a release version, or an error naming the versions there are."""
    folder = releases_dir(output) / version
    if not (folder / "datapackage.json").exists():
        raise ReleaseNotFound(f"no release {version} in {releases_dir(output)}")
    return folder


def diff_releases(output: Path, old: str, new: str) -> dict:
    """Rows added, removed and changed per table between two releases, by primary key."""
    return diff_tables(
        load_release_tables(release_folder(output, old)), load_release_tables(release_folder(output, new))
    )


def format_diff(old: str, new: str, changes: dict, limit: int = 30) -> str:
    """A diff as the lines `yanglao diff` prints."""
    lines = [f"changes from {old} to {new}:"]
    for table, change in changes.items():
        lines.append(
            f"{table}: {len(change['added'])} added, {len(change['removed'])} removed, {len(change['changed'])} changed"
        )
        for label in ("added", "removed"):
            for key in change[label][:limit]:
                lines.append(f"  {'+' if label == 'added' else '-'} {key}")
        for key, columns in list(change["changed"].items())[:limit]:
            lines.append(f"  ~ {key}: {', '.join(columns)}")
    return "\n".join(lines)


def index_entry(output: Path, version: str) -> dict:
    """A release's own record (`releases/<version>/release.json`): its sources, snapshots and hashes."""
    path = releases_dir(output) / version / "release.json"
    if not path.exists():
        raise ReleaseNotFound(f"release {version} is not in {releases_dir(output)}")
    return json.loads(path.read_text(encoding="utf-8"))


def rebuild(
    output: Path, version: str, archive_root: Path, archive_fallback: Path | None, run_flow
) -> tuple[bool, list[str]]:
    """Build `version` again from its recorded sources and snapshots; say which files differ, if any.

    `run_flow` is the Prefect flow (passed in so this module stays free of Prefect).
    """
    entry = index_entry(output, version)
    if not entry.get("sources"):
        raise ReleaseNotFound(f"release {version} recorded no sources; it cannot be rebuilt")
    with tempfile.TemporaryDirectory(prefix="yanglao-rebuild-") as tmp:
        registry = Path(tmp) / "sources.yaml"
        registry.write_text(
            yaml.safe_dump({"sources": entry["sources"]}, allow_unicode=True), encoding="utf-8"
        )
        target = Path(tmp) / "out"
        summary = run_flow(
            sources_path=str(registry),
            output=str(target),
            archive_root=str(archive_root),
            archive_fallback=str(archive_fallback) if archive_fallback else None,
            pinned=entry["snapshots"],
        )
        rebuilt = releases_dir(target) / summary.version
        mismatches = []
        for name, expected in sorted(entry["hashes"].items()):
            path = rebuilt / name
            actual = f"sha256:{sha256(path.read_bytes())}" if path.exists() else "missing"
            if actual != expected:
                mismatches.append(f"{name}: expected {expected[:19]}…, rebuilt {actual[:19]}…")
    return not mismatches, mismatches
