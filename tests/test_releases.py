"""Releases a consumer can trust: reproducible, stable ids, diffs, rebuilds, and history kept."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from yanglao.acquire.archive import Archive
from yanglao.publish.history import diff_releases, rebuild

ROOT = Path(__file__).resolve().parents[1]
TABLE_FILES = [
    f"{t}.{ext}"
    for t in ("sources", "documents", "measures", "targets", "subsidies")
    for ext in ("csv", "json")
]
INSERTED = "\n一、关于新增段落的说明。到2030年,全市新增养老床位5000张。\n"


def build(output: Path, archive: Path | None = None) -> object:
    from yanglao_flows.refresh import refresh

    return refresh(
        sources_path=str(ROOT / "sources.yaml"),
        output=str(output),
        archive_root=str(archive or output / "archive"),
        archive_fallback=str(ROOT / "archive"),
    )


def rows(folder: Path, table: str) -> list[dict]:
    with (folder / f"{table}.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_two_builds_give_byte_identical_tables(shipped_build, tmp_path):
    output, first = shipped_build
    second = build(tmp_path)
    a = output / "datasets" / "releases" / first.version
    b = tmp_path / "datasets" / "releases" / second.version
    for name in TABLE_FILES:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_rebuild_from_the_archive_matches_every_hash(shipped_build):
    from yanglao_flows.refresh import refresh

    output, first = shipped_build
    ok, mismatches = rebuild(output, first.version, output / "archive", ROOT / "archive", refresh)
    assert ok, mismatches


def test_a_changed_page_gets_a_new_snapshot_a_new_release_and_stable_ids(
    prefect_harness, tmp_path, monkeypatch
):
    from yanglao.publish import rowstore

    first = build(tmp_path)
    releases = tmp_path / "datasets" / "releases"
    # A first release: every row is new, and changes.json says so without listing every key.
    first_changes = json.loads((releases / first.version / "changes.json").read_text(encoding="utf-8"))
    assert first_changes["previous"] is None
    assert {t["added"] for t in first_changes["tables"].values()} == {None}
    changelog = (tmp_path / "datasets" / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"- **targets**: {first.rows['targets']} rows, all added" in changelog
    before_files = {p.name: p.read_bytes() for p in (releases / first.version).iterdir()}
    old_targets = {r["target_id"]: r for r in rows(releases / first.version, "targets")}

    # The huzhou page changes: a paragraph is inserted near the top.
    archive = Archive(tmp_path / "archive", fallback=ROOT / "archive")
    old_record = archive.latest("huzhou-2020-pilot-plan")
    body = archive.read(old_record.sha256).decode("utf-8")
    cut = body.index("\n", body.index("湖州市") + 200)
    new_record = archive.store(
        "huzhou-2020-pilot-plan",
        (body[:cut] + INSERTED + body[cut:]).encode("utf-8"),
        url=None,
        retrieved_at="2026-12-01T00:00:00Z",
        status=None,
        content_type="text/plain; charset=utf-8",
        etag=None,
        last_modified=None,
    )
    assert [r.sha256 for r in archive.history("huzhou-2020-pilot-plan")][-1] == new_record.sha256
    assert archive.read(old_record.sha256)  # the old snapshot is still there

    # The documents the second run keeps are copied from the spool the first release was made from
    # (`state/release_rows/`), not read back from the first release's CSVs: only the changed one is read.
    read: set[str] = set()
    read_rows = rowstore.ReleaseRows.rows

    def reading(reader, table, document_id):
        read.add(document_id)
        return read_rows(reader, table, document_id)

    monkeypatch.setattr(rowstore.ReleaseRows, "rows", reading)
    second = build(tmp_path)
    monkeypatch.setattr(rowstore.ReleaseRows, "rows", read_rows)
    assert second.published and second.version != first.version
    assert read == {"huzhou-2020-pilot-plan"} and second.reused == 14
    spooled = json.loads((tmp_path / "state" / "release_rows" / "record.json").read_text(encoding="utf-8"))
    ids = json.loads((tmp_path / "state" / "release_rows" / "spans.json").read_text(encoding="utf-8"))
    assert spooled["version"] == second.version and len(ids) == 15
    new_folder = releases / second.version
    # latest/ is the new release under a second name (links, not a second copy of every byte), and the
    # earlier release, which latest/ named before, keeps its bytes (checked below).
    latest = tmp_path / "datasets" / "latest"
    assert sorted(p.name for p in latest.iterdir()) == sorted(p.name for p in new_folder.iterdir())
    assert all((latest / p.name).samefile(p) for p in new_folder.iterdir())
    new_targets = {r["target_id"]: r for r in rows(new_folder, "targets")}
    huzhou_old = {k for k, r in old_targets.items() if r["document_id"] == "huzhou-2020-pilot-plan"}
    kept = huzhou_old & set(new_targets)
    assert len(kept) == len(huzhou_old), "targets after the inserted paragraph were renumbered"
    moved = [k for k in kept if new_targets[k]["start"] != old_targets[k]["start"]]
    assert moved, "the inserted paragraph should have shifted the offsets of later targets"
    added = set(new_targets) - set(old_targets)
    assert any(new_targets[k]["value"] == "5000" for k in added)

    changes = json.loads((new_folder / "changes.json").read_text(encoding="utf-8"))
    assert changes["previous"] == first.version
    assert "huzhou-2020-pilot-plan" in changes["tables"]["documents"]["changed"]
    assert set(changes["tables"]["targets"]["added"]) == added
    document = next(d for d in rows(new_folder, "documents") if d["document_id"] == "huzhou-2020-pilot-plan")
    assert document["content_sha256"] == new_record.sha256
    # Nothing in the earlier release was touched.
    assert {p.name: p.read_bytes() for p in (releases / first.version).iterdir()} == before_files
    # And the diff a person asks for says the same.
    assert diff_releases(tmp_path, first.version, second.version)["targets"]["added"] == sorted(added)
    changelog = (tmp_path / "datasets" / "CHANGELOG.md").read_text(encoding="utf-8")
    assert changelog.index(f"## {second.version} (") < changelog.index(f"## {first.version} (")
    index = json.loads((releases / "index.json").read_text(encoding="utf-8"))
    assert [r["version"] for r in index["releases"]] == [first.version, second.version]
    # The index is a summary; each release's own record has the snapshot of every document.
    assert set(index["releases"][1]) == {"version", "created", "row_counts", "hashes", "release"}
    record = json.loads((releases / index["releases"][1]["release"]).read_text(encoding="utf-8"))
    assert record["snapshots"]["huzhou-2020-pilot-plan"] == new_record.sha256
    # The older release can still be rebuilt byte for byte, though the archive has moved on.
    from yanglao_flows.refresh import refresh

    ok, mismatches = rebuild(tmp_path, first.version, tmp_path / "archive", ROOT / "archive", refresh)
    assert ok, mismatches
    # The second release copied its unchanged documents' records from the first (`KeptBytes`); built again
    # from the archive, every row formatted afresh, it has the same bytes.
    ok, mismatches = rebuild(tmp_path, second.version, tmp_path / "archive", ROOT / "archive", refresh)
    assert ok, mismatches


def test_a_removed_column_is_a_breaking_change(tmp_path):
    from yanglao.fields import TABLES
    from yanglao.publish.release import compare_schemas, package_descriptor

    files = {f"{t.name}.{e}": b"" for t in TABLES for e in ("csv", "json")}
    new = package_descriptor("2026.01.01", "2026-01-01T00:00:00Z", files, [])
    old = json.loads(json.dumps(new))
    targets = next(r for r in old["resources"] if r["name"] == "targets")
    targets["schema"]["fields"].append({"name": "legacy_note", "type": "string"})
    assert compare_schemas(old, new)["breaking"] == ["targets.legacy_note removed or renamed"]
    assert compare_schemas(new, old) == {"breaking": [], "additive": ["targets.legacy_note added"]}


def test_a_breaking_change_is_refused_without_a_new_major_version(tmp_path):
    from datetime import UTC, datetime

    from test_publish import tables

    from yanglao.publish.release import BreakingSchemaChange, publish_release

    first = publish_release(tmp_path, tables(), datetime(2026, 3, 1, tzinfo=UTC))
    # Pretend the published release had a column this code no longer writes.
    descriptor_path = first.path / "datapackage.json"
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    next(r for r in descriptor["resources"] if r["name"] == "targets")["schema"]["fields"].append(
        {"name": "legacy_note", "type": "string"}
    )
    descriptor_path.write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(BreakingSchemaChange, match="targets.legacy_note removed or renamed"):
        publish_release(tmp_path, tables(value=95), datetime(2026, 3, 2, tzinfo=UTC))
    assert [p.name for p in (tmp_path / "datasets" / "releases").iterdir() if p.is_dir()] == ["2026.03.01"]


CRASHING_PUBLISH = """
import os, sys
from datetime import UTC, datetime
sys.path[:0] = [{tests!r}, {root!r}]
from test_publish import tables
import yanglao.publish.release as publish

where = sys.argv[2]
if where == "release-rename":
    real_rename = os.rename
    def rename(src, dst):
        if ".stage-" in str(src):
            os._exit(137)  # killed at the moment of publication
        real_rename(src, dst)
    publish.os.rename = rename
elif where == "latest-swap":
    publish._exchange = lambda a, b: os._exit(137)  # killed while swapping latest/
publish.publish_release(sys.argv[1], tables(value=95), datetime(2026, 3, 2, tzinfo=UTC))
"""


@pytest.mark.parametrize("where", ["release-rename", "latest-swap"])
def test_a_publish_killed_midway_loses_nothing_and_the_next_run_succeeds(tmp_path, where):
    import subprocess
    import sys
    from datetime import UTC, datetime

    from test_publish import snapshot_tree, tables

    from yanglao.publish.release import publish_release

    publish_release(tmp_path, tables(), datetime(2026, 3, 1, tzinfo=UTC))
    latest_before = snapshot_tree(tmp_path / "datasets" / "latest")
    release_before = snapshot_tree(tmp_path / "datasets" / "releases" / "2026.03.01")
    script = tmp_path / "crash.py"
    script.write_text(
        CRASHING_PUBLISH.format(tests=str(Path(__file__).parent), root=str(ROOT)), encoding="utf-8"
    )
    crashed = subprocess.run(
        [sys.executable, str(script), str(tmp_path), where], capture_output=True, text=True
    )
    assert crashed.returncode == 137, crashed.stderr

    assert snapshot_tree(tmp_path / "datasets" / "latest") == latest_before
    assert snapshot_tree(tmp_path / "datasets" / "releases" / "2026.03.01") == release_before
    published = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))["version"]
    assert published == "2026.03.01"

    again = publish_release(tmp_path, tables(value=95), datetime(2026, 3, 2, tzinfo=UTC))
    assert again.version == "2026.03.02"
    assert json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))["version"] == "2026.03.02"
    assert "95" in (tmp_path / "datasets" / "latest" / "targets.csv").read_text(encoding="utf-8")
    assert not [p for p in (tmp_path / "datasets").rglob(".*") if p.is_dir()]  # no staging left over
    index = json.loads((tmp_path / "datasets" / "releases" / "index.json").read_text(encoding="utf-8"))
    assert [r["version"] for r in index["releases"]] == ["2026.03.01", "2026.03.02"]
    assert "## 2026.03.02 (" in (tmp_path / "datasets" / "CHANGELOG.md").read_text(encoding="utf-8")


def test_finishing_a_release_repairs_what_an_interrupted_run_left_and_rewrites_nothing_done(
    tmp_path, monkeypatch
):
    """`finish_release`, as a run that publishes nothing calls it: latest/ and the top datapackage.json are made
    the release's when they are not, and left alone (not rewritten, not decoded: 15 MB at 100,000 documents)
    when they are."""
    import shutil
    from datetime import UTC, datetime

    from test_publish import tables

    from yanglao.publish.release import finish_release, publish_release

    first = publish_release(tmp_path, tables(), datetime(2026, 3, 1, tzinfo=UTC))
    second = publish_release(tmp_path, tables(value=95), datetime(2026, 3, 2, tzinfo=UTC))
    top, latest = tmp_path / "datapackage.json", tmp_path / "datasets" / "latest"
    done = top.read_bytes()
    assert json.loads(done)["version"] == second.version

    # a run killed before the top descriptor was rewritten: it names the first release
    shutil.copyfile(first.path / "datapackage.json", top)
    finish_release(tmp_path, second.path)
    assert top.read_bytes() == done
    # ... or before latest/ was swapped
    shutil.rmtree(latest)
    shutil.copytree(first.path, latest)
    finish_release(tmp_path, second.path)
    assert all((latest / p.name).read_bytes() == p.read_bytes() for p in second.path.iterdir())
    assert top.read_bytes() == done

    inode = top.stat().st_ino
    decoded = []
    loads = json.loads
    monkeypatch.setattr(
        json, "loads", lambda text, *a, **k: decoded.append(len(text)) or loads(text, *a, **k)
    )
    finish_release(tmp_path, second.path)  # nothing to do
    monkeypatch.undo()
    assert top.stat().st_ino == inode and top.read_bytes() == done
    descriptor = len((second.path / "datapackage.json").read_text(encoding="utf-8"))
    assert decoded and max(decoded) < descriptor  # other files were read; the descriptor was not decoded
