"""The snapshot archive keeps raw bytes by hash, records every new version, and never loses the old."""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

import pytest

from yanglao.acquire.archive import Archive, ArchiveError

ROOT = Path(__file__).resolve().parents[1]
RECORD = dict(
    url="https://example.gov.cn/a.html",
    retrieved_at="2026-03-01T00:00:00Z",
    status=200,
    content_type="text/html",
    etag='"abc"',
    last_modified=None,
)


def test_store_is_by_hash_and_identical_bodies_add_no_record(tmp_path):
    archive = Archive(tmp_path)
    first = archive.store("a", "第一版".encode(), **RECORD)
    assert first.sha256 == hashlib.sha256("第一版".encode()).hexdigest()
    assert archive.read(first.sha256) == "第一版".encode()
    assert (
        archive.store("a", "第一版".encode(), **{**RECORD, "retrieved_at": "2026-03-02T00:00:00Z"}) == first
    )
    second = archive.store("a", "第二版".encode(), **RECORD)
    assert [r.sha256 for r in archive.history("a")] == [first.sha256, second.sha256]
    assert archive.latest("a") == second and archive.read(first.sha256) == "第一版".encode()


def test_a_corrupted_object_is_refused(tmp_path):
    archive = Archive(tmp_path)
    record = archive.store("a", b"body", **RECORD)
    archive.object_path(record.sha256).write_bytes(b"tampered")
    with pytest.raises(ArchiveError, match="does not match its sha256"):
        archive.read(record.sha256)
    with pytest.raises(ArchiveError, match="missing"):
        archive.read("0" * 64)


def test_shipped_archive_holds_every_registered_document():
    archive = Archive(ROOT / "archive")
    for source_id in ("wuhan-2020-reply-20200464", "guangzhou-2024-meal-service-rules"):
        record = archive.latest(source_id)
        assert record is not None and len(archive.read(record.sha256)) == record.size


def test_a_working_archive_falls_back_to_the_shipped_one(tmp_path):
    archive = Archive(tmp_path, fallback=ROOT / "archive")
    record = archive.latest("huzhou-2020-pilot-plan")
    assert "湖州".encode() in archive.read(record.sha256)
    archive.store("huzhou-2020-pilot-plan", b"new", **RECORD)
    assert not (
        ROOT
        / "archive"
        / "objects"
        / hashlib.sha256(b"new").hexdigest()[:2]
        / hashlib.sha256(b"new").hexdigest()
    ).exists()


def test_a_working_archive_keeps_the_shipped_history_before_its_own(tmp_path):
    archive = Archive(tmp_path, fallback=ROOT / "archive")
    shipped = archive.latest("huzhou-2020-pilot-plan")
    newer = archive.store("huzhou-2020-pilot-plan", b"new", **RECORD)
    assert [r.sha256 for r in archive.history("huzhou-2020-pilot-plan")] == [shipped.sha256, newer.sha256]


def test_latest_reads_the_end_of_the_records_and_agrees_with_history(tmp_path):
    """`latest` reads only the last record (long histories, long records) and is the last of `history`,
    also after a store in the same run and across a fallback archive."""
    shipped = Archive(tmp_path / "shipped")
    shipped.store(
        "a",
        b"v0",
        url="u",
        retrieved_at="t0",
        status=200,
        content_type=None,
        etag=None,
        last_modified=None,
        note="x" * 5000,
    )
    work = Archive(tmp_path / "work", fallback=tmp_path / "shipped")
    assert work.latest("a") == work.history("a")[-1] and work.latest("a").note == "x" * 5000
    for i in range(1, 40):
        record = work.store(
            "a",
            f"v{i}".encode(),
            url="u",
            retrieved_at=f"t{i}",
            status=200,
            content_type=None,
            etag=None,
            last_modified=None,
            note="y" * (i * 300),
        )
        assert work.latest("a") == record
    fresh = Archive(tmp_path / "work", fallback=tmp_path / "shipped")
    assert fresh.latest("a") == fresh.history("a")[-1] == record
    assert fresh.latest("missing") is None


def test_the_archive_sent_to_a_worker_does_not_carry_the_runs_records(tmp_path):
    """Each extraction work item pickles the archive for a worker process: the memo of latest records stays
    behind (with it, every item of a 100,000-source run carried 100,000 records)."""
    archive = Archive(tmp_path / "a")
    for i in range(200):
        archive.store(f"s{i}", f"第{i}页".encode(), **RECORD)
    empty = len(pickle.dumps(Archive(tmp_path / "a")))
    assert len(archive._latest) == 200 and len(pickle.dumps(archive)) == empty
    copy = pickle.loads(pickle.dumps(archive))
    assert (
        copy.latest("s7") == archive.latest("s7")
        and copy.read(archive.latest("s7").sha256) == "第7页".encode()
    )
