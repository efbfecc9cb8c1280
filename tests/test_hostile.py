"""Issue 14: nothing a page, a registry or a crash can do loses or corrupts published data, or reads what it
should not. The flow runs for real under Prefect against the misbehaving local site; some cases run the
`yanglao` command in its own process, as the schedule does (a fresh process is what the csv limit and the
temporary Prefect server need)."""

from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml
from devcorpus import snapshot_bytes
from pdfmaker import cjk_pdf
from sitesim import Response, SiteSim, page

ROOT = Path(__file__).resolve().parents[1]
FAST = {
    "per_host_delay": 0.0,
    "retries": 0,
    "backoff_factor": 0.0,
    "connect_timeout": 1.0,
    "read_timeout": 2.0,
    "total_timeout": 10.0,
    "max_bytes": 12_000_000,
    "respect_robots": False,
}
PLACE = {"city": "武汉市", "province": "湖北省", "region_code": "420100"}
# Real documents of the development corpus, from the project's own archive (no ../shared needed).
REPLY = snapshot_bytes("wuhan-2020-reply-20200464").decode("utf-8")
MEASURES = snapshot_bytes("wuhan-2024-eldercare-measures").decode("utf-8")
MEAL = snapshot_bytes("guangzhou-2024-meal-service-rules").decode("utf-8")


def html_page(text: str, title: str = "关于养老服务的通知", footer: str = "") -> bytes:
    body = "".join(f"<p>{line}</p>" for line in text.splitlines() if line.strip())
    return (
        f"<html><head><meta charset='utf-8'><title>{title}</title></head><body>"
        f"<div id='zoom'><!--ContentStart-->{body}<!--ContentEnd--></div>"
        f"<div class='footer'>{footer}</div></body></html>"
    ).encode()


def write_registry(path: Path, entries: list[dict], listings: list[dict] | None = None) -> Path:
    data: dict = {"sources": entries}
    if listings:
        data["listings"] = listings
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def run(sources: Path, output: Path, **options):
    from yanglao_flows.refresh import refresh

    return refresh(
        sources_path=str(sources),
        output=str(output),
        archive_root=str(output / "archive"),
        fetch=True,
        fetch_settings=FAST,
        **options,
    )


def cli(*args: str, env: dict | None = None, timeout: float = 600) -> subprocess.CompletedProcess:
    environment = {**os.environ, **(env or {})}
    environment.pop("PREFECT_API_URL", None)
    environment.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")
    return subprocess.run(
        [sys.executable, "-m", "yanglao.cli", *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=timeout,
    )


def latest_rows(output: Path, table: str) -> list[dict]:
    with (output / "datasets" / "latest" / f"{table}.csv").open(encoding="utf-8", newline="") as f:
        csv.field_size_limit(sys.maxsize)
        return list(csv.DictReader(f))


def status_of(output: Path) -> dict[str, dict]:
    data = json.loads((output / "state" / "source_status.json").read_text(encoding="utf-8"))
    return {s["source_id"]: s for s in data["sources"]}


def file_registry(folder: Path, docs: dict[str, str]) -> Path:
    """A registry of file:// documents beside it (relative URLs: read from the registry's own folder)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in docs.items():
        (folder / f"{name}.html").write_bytes(html_page(text))
    entries = [{"id": name, "url": f"file://{name}.html", **PLACE} for name in docs]
    return write_registry(folder / "sources.yaml", entries)


# ---------------------------------------------------------------------------------------------------------
# 1. A document's failure is that document's alone.


def test_broken_pdfs_and_a_sparse_page_beside_good_sources(prefect_harness, tmp_path):
    # A tag tree too deep for the parser: everything under it is lost, 9 characters are left of 1 MB.
    deep = (
        "<html><body><p>关于养老服务的通知</p>".encode()
        + b"<div>" * 200_000
        + REPLY.encode()
        + b"</body></html>"
    )
    routes = {
        "/good.html": page(html_page(REPLY)),
        "/html-as-pdf.pdf": page(html_page(MEASURES), content_type="application/pdf"),
        "/garbage.pdf": page(b"%PDF-1.4\n" + os.urandom(4000), content_type="application/pdf"),
        "/real.pdf": page(
            cjk_pdf(["关于养老服务的措施", "到2025年底,全市建成老年助餐点1500个以上。"]), "application/pdf"
        ),
        "/deep.html": page(deep),
    }
    with SiteSim(routes) as site:
        entries = [
            {"id": "good", "url": site.url("/good.html"), **PLACE},
            {"id": "html-as-pdf", "url": site.url("/html-as-pdf.pdf"), "format": "pdf", **PLACE},
            {"id": "garbage", "url": site.url("/garbage.pdf"), **PLACE},
            {"id": "real-pdf", "url": site.url("/real.pdf"), **PLACE},
            {"id": "deep", "url": site.url("/deep.html"), **PLACE},
        ]
        summary = run(write_registry(tmp_path / "reg" / "sources.yaml", entries), tmp_path / "out")
    assert summary.published
    assert {d["document_id"] for d in latest_rows(tmp_path / "out", "documents")} == {"good", "real-pdf"}
    failures = dict(f.split(": ", 1) for f in summary.failures)
    assert set(failures) == {"html-as-pdf", "garbage", "deep"}
    assert all("\n" not in reason for reason in failures.values())
    assert (
        "cannot parse snapshot" in failures["garbage"] and "cannot parse snapshot" in failures["html-as-pdf"]
    )
    assert "parsed to almost nothing" in failures["deep"]
    assert status_of(tmp_path / "out")["garbage"]["status"] == "failed"


def test_a_document_over_the_size_or_time_limit_is_refused_alone(tmp_path, monkeypatch):
    from yanglao.acquire.archive import Archive
    from yanglao.acquire.registry import Source
    from yanglao.extract import pool

    archive = Archive(tmp_path / "archive")
    body = html_page(MEASURES)
    record = archive.store(
        "a",
        body,
        url=None,
        retrieved_at="2026-01-01T00:00:00Z",
        status=200,
        content_type="text/html",
        etag=None,
        last_modified=None,
    )
    source = Source(id="a", url=None, **PLACE)
    assert isinstance(pool.parse_and_extract(source, record, archive), tuple)
    monkeypatch.setattr(pool, "MAX_DOCUMENT_BYTES", len(body) - 1)
    assert "byte limit" in pool.parse_and_extract(source, record, archive)
    monkeypatch.setattr(pool, "MAX_DOCUMENT_BYTES", 10**9)
    monkeypatch.setattr(pool, "MAX_DOCUMENT_SECONDS", 0.005)  # this thread is a main thread: the alarm fires
    assert "DocumentTimeout" in pool.parse_and_extract(source, record, archive)


# ---------------------------------------------------------------------------------------------------------
# 2. Any length round-trips (in a fresh process each run: frictionless raises the csv limit once imported).


def test_long_documents_go_through_publish_the_next_run_and_sqlite(tmp_path):
    plan = (MEASURES + "\n") * (220_000 // len(MEASURES) + 1)
    huge = (REPLY + "\n") * (2_500_000 // len(REPLY) + 1)
    registry = file_registry(tmp_path / "reg", {"plan": plan, "huge": huge, "small": REPLY})
    output = tmp_path / "out"
    first = cli("run", "--sources", str(registry), "--output", str(output))
    assert first.returncode == 0, first.stderr
    texts = {d["document_id"]: d["text"] for d in latest_rows(output, "documents")}
    assert len(texts["plan"]) > 150_000 and len(texts["huge"]) > 2_000_000
    # The next run reads the previous release (incremental load) and updates the SQLite build.
    (tmp_path / "reg" / "small.html").write_bytes(html_page(REPLY + "\n到2027年底，新建养老床位3000张。"))
    second = cli("run", "--sources", str(registry), "--output", str(output))
    assert second.returncode == 0, second.stderr
    assert "field larger than field limit" not in second.stderr
    import sqlite3

    from yanglao.serve import search

    conn = sqlite3.connect(output / "datasets" / "yanglao.db")
    search.register_functions(conn)  # the text is stored compressed (issue 16)
    text = search.column_sql("documents", "text")
    lengths = dict(conn.execute(f"SELECT document_id, length({text}) FROM documents t"))
    assert lengths["huge"] == len(texts["huge"]) and lengths["plan"] == len(texts["plan"])


# ---------------------------------------------------------------------------------------------------------
# 3. Discovery is bounded before it allocates.


def test_inflated_page_counts_are_clamped_before_any_list_is_built():
    from yanglao.acquire.discover import discover
    from yanglao.acquire.fetch import Fetcher, FetchSettings
    from yanglao.acquire.registry import Listing

    links = "".join(
        f"<li><a href='/doc{i}.html'>关于养老服务第{i}号通知</a><span>2024-05-0{i}</span></li>"
        for i in range(1, 4)
    )
    trs = f"<html><body><ul>{links}</ul><script>createPageHTML(2000000, 0, 'index', 'shtml');</script></body></html>"
    articles = [
        {"title": f"养老服务补贴通知{i}", "url": f"/g/{i}.html", "publish_time": 1700000000} for i in range(2)
    ]
    routes = {
        "/col/index.shtml": page(trs.encode()),
        "/api": lambda r: Response(
            200,
            json.dumps({"articles": articles, "total": 10**12}).encode(),
            {"Content-Type": "application/json"},
        ),
    }
    with SiteSim(routes) as site, Fetcher(FetchSettings(**FAST)) as fetcher:
        tracemalloc.start()
        started = time.monotonic()
        reports = [
            discover(
                Listing("trs", site.url("/col/index.shtml"), max_pages=5, **PLACE),
                fetcher,
                set(),
                datetime.now(UTC),
            ),
            discover(
                Listing("api", site.url("/api?page=1"), api="gkmlpt", max_pages=5, **PLACE),
                fetcher,
                set(),
                datetime.now(UTC),
            ),
        ]
        seconds = time.monotonic() - started
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert all(r.pages_read >= 1 for r in reports)
    assert len([r for r in site.requests if r.path.startswith("/col/")]) <= 5
    assert len([r for r in site.requests if r.path.startswith("/api")]) <= 5
    assert peak < 50 * 1024 * 1024  # generous: the unbounded lists took 600 MB
    assert seconds < 60  # generous safety bound: the unbounded walk took 134 s


def test_off_port_and_credential_links_are_not_followed():
    from yanglao.acquire.discover import discover
    from yanglao.acquire.fetch import Fetcher, FetchSettings
    from yanglao.acquire.registry import Listing

    with SiteSim() as other, SiteSim() as site:
        port = site.base_url.rsplit(":", 1)[1]
        body = (
            "<html><body><ul>"
            f"<li><a href='/ok.html'>关于养老服务的通知一号</a> 2024-05-01</li>"
            f"<li><a href='{other.url('/off-port.html')}'>关于养老服务的通知二号</a> 2024-05-02</li>"
            f"<li><a href='http://user:password@127.0.0.1:{port}/cred.html'>关于养老服务的通知三号</a> 2024-05-03</li>"
            f"<li><a href='https://127.0.0.1:{port}/scheme.html'>关于养老服务的通知四号</a> 2024-05-04</li>"
            f"</ul><a href='{other.url('/list_2.html')}'>下一页</a></body></html>"
        )
        site.routes["/list.html"] = page(body.encode())
        with Fetcher(FetchSettings(**FAST)) as fetcher:
            report = discover(
                Listing("l", site.url("/list.html"), **PLACE), fetcher, set(), datetime.now(UTC)
            )
        assert not other.requests
    assert [s.url for s in report.new] == [site.url("/ok.html")]


def test_new_sources_per_run_are_capped_and_the_rest_queued(prefect_harness, tmp_path):
    n = 12
    links = "".join(
        f"<li><a href='/d{i}.html'>关于养老服务的第{i}号通知</a> 2024-05-01</li>" for i in range(n)
    )
    routes = {"/list.html": page(f"<html><body><ul>{links}</ul></body></html>".encode())}
    routes |= {f"/d{i}.html": page(html_page(REPLY)) for i in range(n)}
    with SiteSim(routes) as site:
        listing = {"id": "col", "url": site.url("/list.html"), **PLACE}
        registry = write_registry(tmp_path / "reg" / "sources.yaml", [], [listing])
        first = run(registry, tmp_path / "out", max_new_sources=5)
        fetched_first = {r.path for r in site.requests if r.path.startswith("/d")}
        queue = json.loads((tmp_path / "out" / "state" / "queue.json").read_text())["queued"]
        second = run(registry, tmp_path / "out", max_new_sources=5)
        fetched_second = {r.path for r in site.requests if r.path.startswith("/d")} - fetched_first
    assert len(fetched_first) == 5 and len(first.queued) == n - 5 and queue == first.queued
    assert len(fetched_second) == 5 and len(second.queued) == n - 10
    assert not first.failures and first.documents == 5 and second.documents == 10


# ---------------------------------------------------------------------------------------------------------
# 4. No silent shrink.


def test_an_empty_registry_publishes_nothing_and_retiring_is_explicit(prefect_harness, tmp_path):
    registry = file_registry(tmp_path / "reg", {"a": REPLY, "b": MEASURES})
    output = tmp_path / "out"
    first = run(registry, output)
    assert first.published
    before = (output / "datasets" / "latest" / "documents.csv").read_bytes()
    write_registry(registry, [])
    empty = run(registry, output)
    assert not empty.published and "no longer lists 2 source(s)" in empty.refused
    assert (output / "datasets" / "latest" / "documents.csv").read_bytes() == before
    write_registry(registry, [{"id": "a", "url": "file://a.html", **PLACE}])
    assert run(registry, output).refused
    retired = run(registry, output, retire=["b"])
    assert retired.published and [d["document_id"] for d in latest_rows(output, "documents")] == ["a"]
    assert "retired by the operator (`--retire`): `b`" in (output / "datasets" / "CHANGELOG.md").read_text()


def test_a_foreign_registry_is_refused_in_one_line(prefect_harness, tmp_path):
    registry = file_registry(tmp_path / "reg", {"a": REPLY})
    other = file_registry(tmp_path / "other", {"x": MEASURES})
    output = tmp_path / "out"
    assert run(registry, output).published
    assert run(other, output).refused.startswith("refused: this output folder was built from")
    result = cli("run", "--sources", str(other), "--output", str(output))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0 and "--output DIR" in result.stderr
    assert [d["document_id"] for d in latest_rows(output, "documents")] == ["a"]


# ---------------------------------------------------------------------------------------------------------
# 5. Releases mean data changed.


def test_a_footer_timestamp_makes_no_release(prefect_harness, tmp_path):
    stamp = lambda r: Response(  # noqa: E731 - a new footer on every request
        200,
        html_page(REPLY, footer=f"生成时间：{time.time_ns()}"),
        {"Content-Type": "text/html; charset=utf-8"},
    )
    with SiteSim({"/reply.html": stamp}) as site:
        registry = write_registry(
            tmp_path / "reg" / "sources.yaml", [{"id": "r", "url": site.url("/reply.html"), **PLACE}]
        )
        first = run(registry, tmp_path / "out")
        second = run(registry, tmp_path / "out")
    records = (tmp_path / "out" / "archive" / "records" / "r.jsonl").read_text().splitlines()
    assert first.published and not second.published and second.same_content == ["r"]
    assert len(records) == 2  # the new bytes are archived
    status = status_of(tmp_path / "out")["r"]
    assert status["status"] == "ok" and status["snapshot_sha256"] == json.loads(records[-1])["sha256"]


def test_a_page_that_turns_into_another_document_is_held_for_review(prefect_harness, tmp_path):
    first_doc = html_page(REPLY, title="关于市政协十三届四次会议第20200464号提案的答复")
    # Another reply of about as many rows: only its title and text tell it apart.
    other = snapshot_bytes("shantou-2024-reply-20240062").decode("utf-8")
    with SiteSim({"/doc.html": page(first_doc)}) as site:
        registry = write_registry(
            tmp_path / "reg" / "sources.yaml", [{"id": "doc", "url": site.url("/doc.html"), **PLACE}]
        )
        assert run(registry, tmp_path / "out").published
        before = latest_rows(tmp_path / "out", "documents")
        site.routes["/doc.html"] = page(html_page(other, title="关于汕头市政协第20240062号提案的答复"))
        second = run(registry, tmp_path / "out")
    assert not second.published and second.review == ["doc"]
    assert latest_rows(tmp_path / "out", "documents") == before
    status = status_of(tmp_path / "out")["doc"]
    assert status["status"] == "review" and status["error"].startswith(
        "review: the page now holds another document"
    )


# ---------------------------------------------------------------------------------------------------------
# 6. Only the places allowed.


def test_file_urls_outside_the_allowed_roots_are_refused(prefect_harness, tmp_path):
    folder = tmp_path / "reg"
    folder.mkdir()
    (folder / "ok.html").write_bytes(html_page(REPLY))
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "allowed.html").write_bytes(html_page(MEASURES))
    entries = [
        {"id": "ok", "url": "file://ok.html", **PLACE},
        {"id": "allowed", "url": (extra / "allowed.html").as_uri(), **PLACE},
        {"id": "shadow", "url": "file:///etc/shadow", **PLACE},
        {"id": "environ", "url": "file:///proc/self/environ", **PLACE},
        {"id": "passwd", "url": "file://../../../../../../../../etc/passwd", **PLACE},
    ]
    registry = write_registry(folder / "sources.yaml", entries)
    summary = run(registry, tmp_path / "out", file_roots=[str(extra)])
    failures = dict(f.split(": ", 1) for f in summary.failures)
    assert set(failures) == {"shadow", "environ", "passwd"}
    assert all("outside the allowed file roots" in reason for reason in failures.values())
    assert {d["document_id"] for d in latest_rows(tmp_path / "out", "documents")} == {"ok", "allowed"}
    assert not any((tmp_path / "out" / "archive" / "records" / f"{s}.jsonl").exists() for s in failures)
    published = (tmp_path / "out" / "datasets" / "latest" / "documents.csv").read_text(encoding="utf-8")
    assert "root:" not in published and "PATH=" not in published


# ---------------------------------------------------------------------------------------------------------
# 7. Clean state.


def test_two_runs_at_once_both_finish(tmp_path):
    registry = file_registry(tmp_path / "reg", {"a": REPLY})
    output = tmp_path / "out"
    command = [
        sys.executable,
        "-m",
        "yanglao.cli",
        "run",
        "--sources",
        str(registry),
        "--output",
        str(output),
    ]
    env = dict(os.environ)
    env.pop("PREFECT_API_URL", None)
    env.pop("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", None)  # the command's own default is tested
    runs = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        for _ in "ab"
    ]
    results = [(p.wait(timeout=600), p.stderr.read()) for p in runs]
    assert [code for code, _ in results] == [0, 0], results
    assert (
        len(list((output / "datasets" / "releases").glob("2*"))) == 1
    )  # the second found nothing to publish


def test_a_killed_run_leaves_nothing_the_next_run_does_not_clean(tmp_path):
    registry = file_registry(tmp_path / "reg", {"a": REPLY})
    output = tmp_path / "out"
    assert cli("run", "--sources", str(registry), "--output", str(output)).returncode == 0
    db = output / "datasets" / "yanglao.db"
    inode = db.stat().st_ino
    # A run that changes nothing leaves the database alone.
    assert cli("run", "--sources", str(registry), "--replay", "--output", str(output)).returncode == 0
    assert db.stat().st_ino == inode
    # Kill a run once its temporary Prefect server is up.
    env = {**os.environ, "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180"}
    env.pop("PREFECT_API_URL", None)
    command = [
        sys.executable,
        "-m",
        "yanglao.cli",
        "run",
        "--sources",
        str(registry),
        "--output",
        str(output),
        "--temporary-server",  # the kept local server is not the run's to end; a temporary one is
    ]
    victim = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    servers = output / "state" / "prefect-servers"
    deadline = time.monotonic() + 300
    while not list(servers.glob(f"{victim.pid}.json")) and time.monotonic() < deadline:
        time.sleep(0.2)
    record = json.loads((servers / f"{victim.pid}.json").read_text())
    victim.send_signal(signal.SIGKILL)
    victim.wait()
    assert Path(f"/proc/{record['server']}").exists()  # Prefect's server outlived the killed run
    # What a run killed while publishing leaves (its temporary folders and database copies).
    (output / "datasets" / "releases" / ".validate-x1").mkdir()
    (output / "datasets" / ".update-x1.db").write_bytes(b"x")
    (output / "datasets" / ".build-x1.db.search").write_bytes(b"x")
    (output / "datasets" / ".spool-x1").mkdir()
    (output / "datasets" / ".spool-x1" / "batch-000000.pkl").write_bytes(b"x")
    after = cli("run", "--sources", str(registry), "--output", str(output))
    assert after.returncode == 0, after.stderr
    for _ in range(50):
        if not Path(f"/proc/{record['server']}").exists():
            break
        time.sleep(0.1)
    status = Path(f"/proc/{record['server']}/status")
    assert not status.exists() or "State:\tZ" in status.read_text()
    leftovers = [p.name for p in (output / "datasets").rglob(".*") if p.name != ".yanglao.lock"]
    assert leftovers == []
    assert not list(servers.glob("*.json"))


def test_a_server_that_cannot_start_is_one_line(tmp_path):
    registry = file_registry(tmp_path / "reg", {"a": REPLY})
    result = cli(
        "run",
        "--sources",
        str(registry),
        "--output",
        str(tmp_path / "out"),
        "--temporary-server",
        env={"PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "1"},
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip().startswith("error: the temporary Prefect API server did not start")
    assert result.stderr.strip().count("\n") == 0
    # The local server kept for the next runs, in a home where none runs yet: the same, one line.
    kept = cli(
        "run",
        "--sources",
        str(registry),
        "--output",
        str(tmp_path / "out"),
        env={"PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "1", "PREFECT_HOME": str(tmp_path / "home")},
    )
    assert kept.returncode == 2 and "Traceback" not in kept.stderr
    assert kept.stderr.strip().startswith("error: the local Prefect API server did not answer within 1 s")
    assert kept.stderr.strip().count("\n") == 0


@pytest.fixture
def tiny_disk(tmp_path):
    """A real filesystem of 40 MB (tmpfs), or a skip where mounting is not allowed."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=40m", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_full_disk_is_one_line_and_the_previous_release_stays(tiny_disk, tmp_path):
    registry = file_registry(tmp_path / "reg", {"a": REPLY, "b": MEASURES})
    output = tiny_disk / "out"
    assert cli("run", "--sources", str(registry), "--output", str(output)).returncode == 0
    latest = {p.name: p.read_bytes() for p in (output / "datasets" / "latest").iterdir()}
    # Fill the disk, then change a document so that the run has a release to write.
    # (unbuffered: a buffered file keeps what the last write could not place and fails again when closed)
    with (tiny_disk / "filler").open("wb", buffering=0) as f:
        try:
            while True:
                f.write(b"\0" * 65536)
        except OSError:
            pass
    (tmp_path / "reg" / "a.html").write_bytes(html_page(REPLY + "\n到2027年底，新建养老床位3000张。" * 200))
    result = cli("run", "--sources", str(registry), "--output", str(output))
    assert result.returncode == 2, result.stderr
    assert "disk full" in result.stderr and "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0
    assert {p.name: p.read_bytes() for p in (output / "datasets" / "latest").iterdir()} == latest
    (tiny_disk / "filler").unlink()
    shutil.rmtree(tmp_path / "reg")


# ---------------------------------------------------------------------------------------------------------
# 8. Escaping.


def test_the_data_dictionary_keeps_a_backtick_inside_its_code_span(tmp_path):
    from markdown_it import MarkdownIt

    from yanglao.publish.dictionary import write_dictionary

    hostile = "x` <img src=x onerror=alert(1)> `y"
    tables = {"documents": [{"document_id": "a", "title": hostile}]}
    write_dictionary(tmp_path, tables)
    rendered = (
        MarkdownIt().enable("table").render((tmp_path / "data-dictionary.md").read_text(encoding="utf-8"))
    )
    assert "<img" not in rendered and "&lt;img src=x" in rendered


def test_the_prefect_artifact_escapes_what_servers_say():
    from markdown_it import MarkdownIt
    from yanglao_flows.refresh import RunSummary, summary_markdown

    summary = RunSummary(
        message="published",
        failures=["a: HTTP 500 <script>alert(1)</script>; moved to [x](javascript:alert(1))"],
    )
    rendered = MarkdownIt().render(summary_markdown(summary))
    assert "<script>" not in rendered and 'href="javascript' not in rendered
