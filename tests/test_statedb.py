"""The state file a run leaves for the next (`yanglao.statedb`): read back a slice at a time as it was written,
rewritten aside and put in place only when committed, and its statuses written as `source_status.json` is."""

from __future__ import annotations

import json

from yanglao import runstate, statedb
from yanglao.acquire.registry import Source
from yanglao.publish.incremental import SourceStatus, status_rows

PLACE = {"city": "武汉市", "province": "湖北省", "region_code": "420100"}


def _sources(n: int) -> list[Source]:
    # ids out of alphabetical order: slices follow the registry's order, status rows the ids'
    return [
        Source(f"s-{(i * 7) % n:03d}", f"https://example.org/{i}.html", **PLACE, issuer="武汉市民政局")
        for i in range(n)
    ]


def _status(source_id: str, attempt: str = "2026-12-01T00:00:00Z", error: str | None = None) -> SourceStatus:
    return SourceStatus(
        source_id, "stale" if error else "ok", attempt, attempt, None, int(bool(error)), error, "ab" * 32
    )


def test_slices_give_back_the_sources_in_registry_order_with_their_keys_and_statuses(tmp_path):
    sources = _sources(25)
    keys = {s.id: f"key-{s.id}" for s in sources[:-1]}  # the last one never published: no key
    statuses = {s.id: _status(s.id) for s in sources} | {"gone": _status("gone", error="HTTP 404")}
    path = tmp_path / statedb.FILE
    statedb.write_state(path, "t1", sources, keys, statuses)

    parts = list(statedb.slices(path, 10))
    assert [len(p) for p in parts] == [10, 10, 5]
    stored = [s for p in parts for s in p]
    assert [s.source for s in stored] == sources  # the same sources, every field, in order
    assert [s.build_key for s in stored] == [keys.get(s.id) for s in sources]
    assert [s.status for s in stored] == [statuses[s.id] for s in sources]
    assert statedb.read_token(path) == "t1"
    # the status of a source no longer in the registry is kept, and listed by id with the others
    assert list(statedb.StatusRows(path)) == status_rows(statuses)


def test_an_update_changes_nothing_until_committed(tmp_path):
    sources = _sources(12)
    statuses = {s.id: _status(s.id) for s in sources}
    path = tmp_path / statedb.FILE
    statedb.write_state(path, "t1", sources, {}, statuses)
    before = path.read_bytes()

    update = statedb.StateUpdate(path)
    for part in statedb.slices(path, 5):
        update.record(part, [p.status for p in part], [(statedb.NOT_MODIFIED, None)] * len(part))
    assert not update.changed  # the same statuses
    assert update.fetched() == dict.fromkeys((s.id for s in sources), (statedb.NOT_MODIFIED, None))
    update.discard()
    assert path.read_bytes() == before and not list(tmp_path.glob(f"{statedb.TEMPORARY_PREFIX}*"))

    update = statedb.StateUpdate(path)
    part = next(statedb.slices(path, 5))
    later = [_status(p.source.id, attempt="2026-12-02T00:00:00Z") for p in part]
    tried = [(statedb.FETCHED, None)] * (len(part) - 1) + [(statedb.FETCHED, "HTTP 503")]
    update.record(part, later, tried)
    assert update.changed
    # what a walk that then meets a change hands on: the failure too, not only that the page was fetched
    assert update.fetched() == {p.source.id: how for p, how in zip(part, tried, strict=True)}
    assert path.read_bytes() == before  # still the old file
    update.commit("t2")
    assert statedb.read_token(path) == "t2"
    rows = {r["source_id"]: r for r in statedb.StatusRows(path)}
    assert {rows[p.source.id]["last_attempt"] for p in part} == {"2026-12-02T00:00:00Z"}
    assert (
        rows[sources[-1].id]["last_attempt"] == "2026-12-01T00:00:00Z"
    )  # a slice not recorded keeps its own
    assert not list(tmp_path.glob(f"{statedb.TEMPORARY_PREFIX}*"))


def test_status_json_written_a_row_at_a_time_has_the_bytes_of_the_whole_file_written_at_once(tmp_path):
    statuses = {
        s.id: _status(s.id, error="HTTP 500 服务器错误" if i % 3 else None) for i, s in enumerate(_sources(7))
    }
    for rows in (status_rows(statuses), []):
        runstate.write_json(tmp_path / "whole.json", {"sources": rows})
        statedb.write_status_json(tmp_path / "streamed.json", iter(rows))
        assert (tmp_path / "streamed.json").read_bytes() == (tmp_path / "whole.json").read_bytes()
        assert json.loads((tmp_path / "streamed.json").read_text(encoding="utf-8")) == {"sources": rows}


def test_a_file_that_is_not_a_state_file_has_no_token(tmp_path):
    assert statedb.read_token(tmp_path / "missing.db") is None
    junk = tmp_path / statedb.FILE
    junk.write_bytes(b"not a database at all" * 100)
    assert statedb.read_token(junk) is None


def test_a_killed_runs_state_file_is_a_leftover(tmp_path):
    (tmp_path / "state").mkdir()
    left = tmp_path / "state" / f"{statedb.TEMPORARY_PREFIX}x.db"
    left.write_bytes(b"")
    kept = tmp_path / "state" / "source_status.json"
    runstate.write_json(kept, {"sources": []})
    half = (
        tmp_path / "state" / ".tmp-source_status.json.x1y2.tmp"
    )  # what `write_json` writes before its rename
    half.write_text('{"sources": [')
    assert sorted(runstate.remove_leftovers(tmp_path)) == sorted([left, half])
    assert kept.exists() and not list((tmp_path / "state").glob(".tmp-*"))
