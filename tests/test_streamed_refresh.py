"""A refresh that can see from the state file that the registry is the one the last run recorded walks its
sources a slice at a time (`stream_snapshots`), for real under Prefect against a local site: nothing changed,
it keeps the release and records the new statuses as a run reading everything would; at a change it stops,
reads everything and publishes, fetching no page twice."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
import yaml
from devcorpus import corpus_dir
from sitesim import SiteSim, page, status

from yanglao import statedb

FAST = {
    "per_host_delay": 0.0,
    "retries": 1,
    "backoff_factor": 0.0,
    "connect_timeout": 1.0,
    "read_timeout": 1.0,
    "total_timeout": 5.0,
    "max_retry_after": 0.1,
}
# The bundled corpus's real documents (tests/devcorpus.py), each served as a page of the local site.
SEEDS = [
    ("wuhan-2020-reply", "seeds/wuhan-2020-reply-20200464.txt", "武汉市", "湖北省", "420100"),
    ("huzhou-2020-plan", "seeds/huzhou-2020-pilot-plan.txt", "湖州市", "浙江省", "330500"),
    ("wuhai-2025-reply", "seeds/wuhai-2025-reply-hn35.txt", "乌海市", "内蒙古自治区", "150300"),
    ("wuhan-2024-measures", "seeds/wuhan-2024-eldercare-measures.txt", "武汉市", "湖北省", "420100"),
    ("shantou-2024-reply", "seeds/shantou-2024-reply-20240062.txt", "汕头市", "广东省", "440500"),
    (
        "gz-2021-preferential",
        "text/guangzhou-2021-elderly-preferential-treatment.txt",
        "广州市",
        "广东省",
        "440100",
    ),
    ("gz-2024-meal", "text/guangzhou-2024-meal-service-rules.txt", "广州市", "广东省", "440100"),
]
SLICE = 3  # 7 sources: slices of 3, 3 and 1


def _html(text: str) -> bytes:
    body = "".join(f"<p>{line}</p>" for line in text.splitlines() if line.strip())
    return f"<html><head><meta charset='utf-8'><title>文件</title></head><body>{body}</body></html>".encode()


@pytest.fixture
def site():
    texts = {sid: (corpus_dir() / name).read_text(encoding="utf-8") for sid, name, *_ in SEEDS}
    routes = {f"/d/{sid}.html": page(_html(texts[sid]), etag=f'"{sid}-1"') for sid in texts}
    with SiteSim(routes) as served:
        served.texts = texts
        yield served


def _registry(tmp_path: Path, site: SiteSim) -> Path:
    entries = [
        {
            "id": sid,
            "url": site.url(f"/d/{sid}.html"),
            "city": city,
            "province": province,
            "region_code": code,
        }
        for sid, _, city, province, code in SEEDS
    ]
    path = tmp_path / "watch.yaml"
    path.write_text(yaml.safe_dump({"sources": entries}, allow_unicode=True), encoding="utf-8")
    return path


def _run(sources: Path, output: Path, capsys, fetch: bool = True) -> tuple[object, str]:
    from yanglao_flows.refresh import refresh

    summary = refresh(
        sources_path=str(sources),
        output=str(output),
        archive_root=str(output / "archive"),
        fetch=fetch,
        fetch_settings=FAST,
    )
    return summary, capsys.readouterr().out


def _statuses(output: Path) -> list[dict]:
    return json.loads((output / "state" / "source_status.json").read_text(encoding="utf-8"))["sources"]


def _without_times(rows: list[dict]) -> list[dict]:
    return [
        {k: v for k, v in r.items() if k not in {"last_attempt", "last_success", "last_change"}} for r in rows
    ]


STREAMED = "(a slice at a time)"


@pytest.fixture
def small_slices(monkeypatch):
    import yanglao_flows.refresh as flow

    monkeypatch.setattr(flow, "STREAM_SLICE", SLICE)


def test_no_change_walks_the_state_file_and_records_what_reading_everything_records(
    prefect_harness, tmp_path, site, capsys, small_slices
):
    output, sources = tmp_path / "out", _registry(tmp_path, site)
    first, out = _run(sources, output, capsys)
    assert first.published and first.documents == len(SEEDS) and STREAMED not in out
    record = json.loads((output / "state" / "unchanged_check.json").read_text(encoding="utf-8"))
    assert record["state"] == statedb.read_token(output / "state" / statedb.FILE)
    # the same output folder without its state file: the next run reads every source, as before this change
    twin = tmp_path / "twin"
    shutil.copytree(output, twin)
    (twin / "state" / statedb.FILE).unlink()

    second, out = _run(sources, output, capsys)
    assert not second.published and second.extracted == 0 and second.reused == len(SEEDS)
    assert STREAMED in out and f"{len(SEEDS)} fetched ({len(SEEDS)} not modified)" in out
    for sid, *_ in SEEDS:  # each page asked for once more, conditionally
        hits = site.hits(f"/d/{sid}.html")
        assert len(hits) == 2 and hits[-1].headers["If-None-Match"] == f'"{sid}-1"'
    after = _statuses(output)
    assert all(r["status"] == "ok" and r["consecutive_failures"] == 0 for r in after)

    _, twin_out = _run(sources, twin, capsys)
    assert STREAMED not in twin_out and "data unchanged" in twin_out
    assert _without_times(_statuses(twin)) == _without_times(after)
    # the database's status table is the file's
    with sqlite3.connect(output / "datasets" / "yanglao.db") as db:
        db.row_factory = sqlite3.Row
        table = [dict(r) for r in db.execute("SELECT * FROM source_status ORDER BY source_id")]
    assert table == after
    assert (
        json.loads((output / "state" / "unchanged_check.json").read_text())["state"]
        == statedb.read_token(output / "state" / statedb.FILE)
        != record["state"]
    )


def test_a_change_in_a_later_slice_is_published_and_no_page_is_fetched_twice(
    prefect_harness, tmp_path, site, capsys, small_slices
):
    output, sources = tmp_path / "out", _registry(tmp_path, site)
    first, _ = _run(sources, output, capsys)
    targets_before = (output / "datasets" / "latest" / "targets.csv").read_text(encoding="utf-8")
    last = SEEDS[-1][0]  # the only source of the third slice
    changed = site.texts[last].replace("第一条", "第一条 到2026年底，全市建成长者饭堂2000个以上。", 1)
    assert changed != site.texts[last]
    site.routes[f"/d/{last}.html"] = page(_html(changed), etag=f'"{last}-2"')

    second, out = _run(sources, output, capsys)
    assert "until one changes the release" in out and f"({last}: changed)" in out
    assert second.published and second.extracted == 1 and second.version != first.version
    assert all(len(site.hits(f"/d/{sid}.html")) == 2 for sid, *_ in SEEDS)  # once per run
    targets = (output / "datasets" / "latest" / "targets.csv").read_text(encoding="utf-8")
    assert "2000" in targets and targets != targets_before
    assert {r["source_id"]: r["status"] for r in _statuses(output)} == dict.fromkeys(
        (s for s, *_ in SEEDS), "ok"
    )

    third, out = _run(sources, output, capsys)  # the run that published wrote the state file for this one
    assert STREAMED in out and not third.published and third.version == second.version


def test_a_state_file_of_another_run_is_not_trusted(prefect_harness, tmp_path, site, capsys, small_slices):
    """A run killed between writing the state file and the record naming it leaves tokens that differ."""
    output, sources = tmp_path / "out", _registry(tmp_path, site)
    _run(sources, output, capsys)
    path = output / "state" / "unchanged_check.json"
    path.write_text(json.dumps(json.loads(path.read_text()) | {"state": "another run"}))
    second, out = _run(sources, output, capsys)
    assert STREAMED not in out and not second.published and second.reused == len(SEEDS)
    third, out = _run(sources, output, capsys)
    assert STREAMED in out and not third.published


def test_an_edited_registry_is_read_whole(prefect_harness, tmp_path, site, capsys, small_slices):
    output, sources = tmp_path / "out", _registry(tmp_path, site)
    _run(sources, output, capsys)
    data = yaml.safe_load(sources.read_text(encoding="utf-8"))
    data["sources"][0]["title"] = "对市政协十三届四次会议第20200464号提案的答复"  # the registry changed
    sources.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    second, out = _run(sources, output, capsys)
    assert STREAMED not in out


def test_a_page_that_fails_keeps_its_data_and_the_walk_goes_on(
    prefect_harness, tmp_path, site, capsys, small_slices
):
    output, sources = tmp_path / "out", _registry(tmp_path, site)
    first, _ = _run(sources, output, capsys)
    down = SEEDS[1][0]
    documents = (output / "datasets" / "latest" / "documents.csv").read_bytes()
    site.routes[f"/d/{down}.html"] = status(503)
    twin = tmp_path / "twin"
    shutil.copytree(output, twin)
    (twin / "state" / statedb.FILE).unlink()

    second, out = _run(sources, output, capsys)
    assert STREAMED in out and "1 failed" in out and not second.published
    assert [f.split(": ", 1)[0] for f in second.failures] == [down] and "503" in second.failures[0]
    assert (output / "datasets" / "latest" / "documents.csv").read_bytes() == documents  # its data kept
    row = next(r for r in _statuses(output) if r["source_id"] == down)
    assert row["status"] == "stale" and row["consecutive_failures"] == 1 and "503" in row["error"]

    twin_summary, twin_out = _run(sources, twin, capsys)  # reading everything: the same statuses and failures
    assert STREAMED not in twin_out and twin_summary.failures == second.failures
    assert _without_times(_statuses(twin)) == _without_times(_statuses(output))


def _listing(items: list[tuple[str, str, str]]) -> bytes:
    """A column page as government sites serve them (one link a row, its title and date)."""
    rows = "".join(
        f'<li><a href="{href}" title="{title}">{title}</a><span class="date">{when}</span></li>'
        for href, title, when in items
    )
    return (
        '<html><head><meta charset="utf-8"><title>通知公告</title></head><body>'
        f'<div class="main"><ul class="list">{rows}</ul></div></body></html>'
    ).encode()


def test_a_registry_with_listings_is_walked_with_the_known_urls_looked_up_in_the_state_file(
    prefect_harness, tmp_path, site, capsys, small_slices
):
    """Discovery asks the state file whether each link is known: nothing new, the walk goes on; a new document,
    the run reads everything and publishes it, the listing read once."""
    output, sources = tmp_path / "out", _registry(tmp_path, site)
    data = yaml.safe_load(sources.read_text(encoding="utf-8"))
    known = [
        (f"/d/{sid}.html", f"关于养老服务的通知{i}", "2025-01-0{i}")
        for i, (sid, *_) in enumerate(SEEDS[:3], 1)
    ]
    site.routes["/news/list.html"] = page(_listing(known))
    place = {"city": "武汉市", "province": "湖北省", "region_code": "420100", "issuer": "武汉市民政局"}
    data["listings"] = [{"id": "news", "url": site.url("/news/list.html"), **place, "include": ["养老"]}]
    sources.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")

    first, _ = _run(sources, output, capsys)
    assert first.published and first.documents == len(SEEDS)
    second, out = _run(sources, output, capsys)  # the listing shows only known pages
    assert STREAMED in out and "listing   news" in out and not second.published
    assert len(site.hits("/news/list.html")) == 2
    _, out = _run(sources, output, capsys, fetch=False)  # a replay reads no listing
    assert STREAMED in out and len(site.hits("/news/list.html")) == 2

    reply = (corpus_dir() / "seeds/wuhan-2020-reply-20200464.txt").read_text(encoding="utf-8")
    site.routes["/d/new-reply.html"] = page(_html(reply))
    site.routes["/news/list.html"] = page(
        _listing([("/d/new-reply.html", "对政协提案的答复：养老服务", "2025-02-01"), *known])
    )
    third, out = _run(sources, output, capsys)
    assert STREAMED not in out and third.published and third.documents == len(SEEDS) + 1
    assert len(site.hits("/news/list.html")) == 3 and len(site.hits("/d/new-reply.html")) == 1
    fourth, out = _run(sources, output, capsys)  # the run that read everything left a state file with it
    assert STREAMED in out and not fourth.published and fourth.documents == len(SEEDS) + 1


def test_a_failure_before_a_change_is_still_a_failure_once_everything_is_read(
    prefect_harness, tmp_path, site, capsys, small_slices
):
    """The walk stops at the change in the third slice; what it fetched in the first two, failures included,
    is what the run that reads everything uses: not fetched again, not turned into successes."""
    output, sources = tmp_path / "out", _registry(tmp_path, site)
    _run(sources, output, capsys)
    down, last = SEEDS[0][0], SEEDS[-1][0]
    site.routes[f"/d/{down}.html"] = status(503)
    changed = site.texts[last].replace("第一条", "第一条 到2026年底，全市建成长者饭堂2000个以上。", 1)
    site.routes[f"/d/{last}.html"] = page(_html(changed), etag=f'"{last}-2"')
    twin = tmp_path / "twin"
    shutil.copytree(output, twin)
    (twin / "state" / statedb.FILE).unlink()

    def requests() -> dict[str, int]:
        return {sid: len(site.hits(f"/d/{sid}.html")) for sid, *_ in SEEDS}

    before = requests()
    second, out = _run(sources, output, capsys)
    assert "until one changes the release" in out and second.published
    walked = requests()
    assert [f.split(": ", 1)[0] for f in second.failures] == [down]
    row = next(r for r in _statuses(output) if r["source_id"] == down)
    assert row["status"] == "stale" and "503" in row["error"] and row["consecutive_failures"] == 1

    twin_summary, twin_out = _run(sources, twin, capsys)
    assert STREAMED not in twin_out and twin_summary.failures == second.failures
    assert _without_times(_statuses(twin)) == _without_times(_statuses(output))
    # as many requests as the run that read everything at once (the 503 retried as often): nothing twice
    assert {s: walked[s] - before[s] for s in before} == {s: n - walked[s] for s, n in requests().items()}


def test_a_damaged_state_file_sends_the_run_down_the_whole_path_and_is_written_again(
    prefect_harness, tmp_path, site, capsys, small_slices
):
    output, sources = tmp_path / "out", _registry(tmp_path, site)
    _run(sources, output, capsys)
    with sqlite3.connect(output / "state" / statedb.FILE) as db:
        db.execute("DROP TABLE sources")  # the token is still there: only reading the sources fails
    second, out = _run(sources, output, capsys)
    assert "the state file cannot be read" in out and not second.published and second.reused == len(SEEDS)
    assert not list((output / "state").glob(f"{statedb.TEMPORARY_PREFIX}*"))
    third, out = _run(sources, output, capsys)
    assert STREAMED in out and not third.published
