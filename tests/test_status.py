"""Source statuses across runs: a run keeps only a hash of those it started with (`status_digest`) to see
whether its SQLite build's status tables must be written again."""

from __future__ import annotations

from yanglao.publish.incremental import next_status, status_digest


def _statuses(error: str | None = None) -> dict:
    first = next_status(
        None,
        "wuhan-2024-eldercare-measures",
        "2026-12-01T00:00:00Z",
        attempted=True,
        error=None,
        snapshot_sha256="a" * 64,
        changed_at="2026-11-30T00:00:00Z",
        has_data=True,
    )
    second = next_status(
        None,
        "huzhou-2020-pilot-plan",
        "2026-12-01T00:00:00Z",
        attempted=True,
        error=error,
        snapshot_sha256=None,
        changed_at=None,
        has_data=error is None,
    )
    return {first.source_id: first, second.source_id: second}


def test_the_digest_follows_the_rows_not_the_order_they_were_added():
    statuses = _statuses()
    backwards = dict(reversed(list(statuses.items())))
    assert status_digest(statuses) == status_digest(backwards)


def test_a_changed_status_or_a_new_source_changes_the_digest():
    before = status_digest(_statuses())
    assert status_digest(_statuses(error="HTTP 500 after 3 tries")) != before
    more = _statuses()
    extra = next_status(
        None,
        "guangzhou-2024-meal-service-rules",
        "2026-12-01T00:00:00Z",
        attempted=False,
        error=None,
        snapshot_sha256=None,
        changed_at=None,
        has_data=True,
    )
    more[extra.source_id] = extra
    assert status_digest(more) != before
    assert status_digest({}) != before
