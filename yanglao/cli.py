"""The `yanglao` command."""

from __future__ import annotations

import argparse
import errno
import os
import sqlite3
import sys
import time
from contextlib import contextmanager
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def project_root() -> Path:
    """The repository (where the shipped registry and archive are); the current folder otherwise."""
    candidate = PACKAGE_DIR.parent
    if (candidate / "sources.yaml").exists() and (candidate / "archive").exists():
        return candidate
    return Path.cwd()


#: Seconds the temporary Prefect API server may take to start: Prefect's default 20 s is too short on a busy
#: 2-core machine (PITFALLS.md: two runs at once failed 3 times of 3; with 180 s both finished).
EPHEMERAL_STARTUP_TIMEOUT = "180"


def _quiet_prefect() -> None:
    # Offline by design: no telemetry, and Prefect's own INFO lines would drown the stage summary.
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", EPHEMERAL_STARTUP_TIMEOUT)
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_SERVER_LOGGING_LEVEL", "WARNING")


def check_registry(sources: Path) -> None:
    """Read the registry's sources and listings and the discovered.yaml beside it, raising RegistryError with
    one line naming the entry and field; run before the flow so that a typo costs no Prefect start-up."""
    from yanglao.acquire.discover import load_discovered
    from yanglao.acquire.registry import load_listings, load_registry

    load_registry(sources)
    load_listings(sources)
    load_discovered(sources.with_name("discovered.yaml"))


def cmd_run(args: argparse.Namespace) -> int:
    """`yanglao run`: one refresh (offline replay by default); exit 1 when a source failed, so cron notices."""
    _quiet_prefect()
    if not args.verbose:
        # The stage lines and the summary say everything; Prefect's own log would repeat errors as tracebacks.
        os.environ["PREFECT_LOGGING_LEVEL"] = "CRITICAL"
    from yanglao.pipeline import registry_refusal
    from yanglao.runstate import recorded_registry

    root = project_root()
    output = Path(args.output).resolve() if args.output else root
    sources = Path(args.sources).resolve() if args.sources else root / "sources.yaml"
    archive = Path(args.archive).resolve() if args.archive else output / "archive"
    fetch = (args.fetch or args.sources is not None) and not args.replay
    check_registry(sources)  # a broken registry is a one-line error before any flow starts
    refusal = registry_refusal(recorded_registry(output), str(sources))
    if refusal:  # before Prefect starts: a second registry never touches this folder
        print(f"error: {refusal}", file=sys.stderr)
        return 2
    mode = "fetching live sources" if fetch else "replaying the snapshot archive (offline)"
    print(f"yanglao run: {sources} → {output} ({mode})", flush=True)
    started = time.perf_counter()
    # On Dask the workers report their task runs to this run's API: they are told its address.
    with prefect_api(output, keep=not args.temporary_server, share=bool(args.dask)):
        from yanglao_flows.refresh import refresh, with_dask

        if isinstance(args.dask, str) and not _cluster_ready(args.dask, [archive, root / "archive"]):
            return 2
        if args.dask:
            refresh = with_dask(args.dask)
        summary = refresh(
            sources_path=str(sources),
            output=str(output),
            archive_root=str(archive),
            fetch=fetch,
            archive_fallback=str(root / "archive"),
            file_roots=[str(Path(r).resolve()) for r in args.file_root],
            retire=list(args.retire),
            allow_shrink=args.allow_shrink,
            max_new_sources=args.max_new_sources,
        )
    return _report(summary, output, time.perf_counter() - started)


def _cluster_ready(address: str, paths: list[Path]) -> bool:
    """Ask every worker of the scheduler at `address` whether it can do this run's batches; print what
    each lacks (the folders that exist here must exist there, at the same path)."""
    from prefect.settings import PREFECT_API_URL

    from yanglao.cluster import worker_problems

    problems = worker_problems(address, [p for p in paths if p.is_dir()], PREFECT_API_URL.value())
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    return not problems


def _report(summary, output: Path, seconds: float) -> int:
    """The run's summary lines; the exit code: 0 all well, 1 some source failed, 2 nothing could be published."""
    for failure in summary.failures:
        print(f"failed source: {failure}", file=sys.stderr)
    if summary.refused:
        print(f"error: {summary.refused}", file=sys.stderr)
        return 2
    rows = ", ".join(f"{summary.rows.get(t, 0)} {t}" for t in ("measures", "targets", "subsidies"))
    print(f"documents: {summary.documents}; rows: {rows}")
    print("validation: passed (frictionless, provenance)")
    state = "new" if summary.published else "unchanged, latest is"
    print(f"release: {state} {summary.version} → {output / 'datasets' / 'latest'}")
    print(f"sqlite: {summary.database}")
    if summary.queued:
        print(f"queued: {len(summary.queued)} new sources wait for the next runs (--max-new-sources)")
    print(f"time: {seconds:.1f} s")
    return 1 if summary.failures else 0


class StartupFailed(RuntimeError):
    """The temporary Prefect API server did not start."""


@contextmanager
def prefect_api(output: Path, keep: bool = True, share: bool = False):
    """The Prefect API of this run: PREFECT_API_URL when it names one; else the local server of this
    PREFECT_HOME, started by the first run and reused by the next ones (`yanglao.prefect_server`: it stops
    after half an hour without a run), or with `keep=False` a temporary server for this run only, recorded so
    that a run after a `kill -9` of this one ends it, and stopped at the end. A failure to start is one line.
    Temporary servers left by killed runs on this output folder are ended first.

    With `share`, a temporary server's address becomes the run's PREFECT_API_URL, which Prefect hands to the
    Dask workers with each task (the kept server's address is set as PREFECT_API_URL anyway): without it each
    worker would start a temporary server of its own."""
    from yanglao import runstate

    runstate.end_orphaned_servers(output)
    if os.environ.get("PREFECT_API_URL"):
        yield
        return
    timeout = int(float(os.environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")))
    if keep:
        from yanglao import prefect_server

        try:
            url = prefect_server.ensure_server(timeout)
        except RuntimeError as exc:
            raise StartupFailed(
                f"{exc}; on a busy machine raise PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS, "
                "or set PREFECT_API_URL"
            ) from None
        os.environ["PREFECT_API_URL"] = url  # before Prefect is imported: its settings are read then
        try:
            with prefect_server.lease():
                yield
        finally:
            os.environ.pop("PREFECT_API_URL", None)
        return
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()
    try:
        server.start(timeout=timeout)
    except Exception as exc:  # noqa: BLE001 - Prefect raises RuntimeError, httpx errors, OSError
        server.stop()
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise StartupFailed(
            f"the temporary Prefect API server did not start within {timeout} s ({first[:160]}); "
            "on a busy machine raise PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS, or set PREFECT_API_URL"
        ) from None
    record = runstate.record_server(output, server.server_process.pid) if server.server_process else None
    try:
        if share:
            from prefect.settings import PREFECT_API_URL, temporary_settings

            with temporary_settings(updates={PREFECT_API_URL: server.api_url}):
                yield
        else:
            yield
    finally:
        server.stop()
        if record is not None:
            record.unlink(missing_ok=True)


def cmd_server(args: argparse.Namespace) -> int:
    """`yanglao server status|stop`: the local Prefect API server `yanglao run` keeps for the next runs."""
    from yanglao import prefect_server

    if args.action == "stop":
        pid = prefect_server.stop_server()
        print(f"stopped the local Prefect API server (pid {pid})" if pid else "no local Prefect API server")
        return 0
    record = prefect_server.running_server()
    if record:
        print(f"running: {record['url']} (pid {record['pid']}), home {prefect_server.prefect_home()}")
    else:
        print(f"not running (home {prefect_server.prefect_home()})")
    return 0


def cmd_schemas(args: argparse.Namespace) -> int:
    """`yanglao schemas`: rewrite schemas/*.json from the field registry, the one place they come from."""
    from yanglao.publish.schemas import write_schemas

    written = write_schemas(Path(args.output) if args.output else project_root() / "schemas")
    for path in written:
        print(path)
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    """`yanglao validate`: Frictionless validation of a descriptor, for a package someone else built."""
    from yanglao.publish.validate import validate_package

    problems = validate_package(Path(args.descriptor))
    for problem in problems:
        print(problem)
    print(f"{args.descriptor}: {'valid' if not problems else f'{len(problems)} problem(s)'}")
    return 1 if problems else 0


def _output_root(args: argparse.Namespace) -> Path:
    return Path(args.output).resolve() if getattr(args, "output", None) else project_root()


def cmd_diff(args: argparse.Namespace) -> int:
    """`yanglao diff`: rows added, removed and changed between two releases, read back from their files."""
    from yanglao.publish.history import diff_releases, format_diff

    print(format_diff(args.old, args.new, diff_releases(_output_root(args), args.old, args.new)))
    return 0


def cmd_rebuild(args: argparse.Namespace) -> int:
    """`yanglao rebuild`: build a release again from its recorded snapshots, proving it reproducible."""
    _quiet_prefect()
    from yanglao_flows.refresh import refresh

    from yanglao.publish.history import rebuild

    output = _output_root(args)
    print(
        f"yanglao rebuild {args.version}: from the snapshots recorded in {output / 'datasets/releases' / args.version / 'release.json'}"
    )
    ok, mismatches = rebuild(output, args.version, output / "archive", project_root() / "archive", refresh)
    for line in mismatches:
        print(f"differs: {line}")
    print(
        f"rebuild of {args.version}: {'identical, every file hash matches' if ok else f'{len(mismatches)} file(s) differ'}"
    )
    return 0 if ok else 1


def cmd_serve(args: argparse.Namespace) -> int:
    """`yanglao serve`: Datasette on the latest SQLite build, read-only, on 127.0.0.1."""
    from yanglao.serve.server import serve

    output = Path(args.output).resolve() if args.output else project_root()
    return serve(output / "datasets" / "yanglao.db", port=args.port, host=args.host)


def refresh_schedule(args: argparse.Namespace):
    """The deployment's schedule: a fixed interval when given (for testing), else the daily cron."""
    from prefect.schedules import Cron, Interval

    if args.interval:
        return Interval(args.interval)
    return Cron(args.cron, timezone=args.timezone)


def cmd_schedule(args: argparse.Namespace) -> int:
    """Serve the refresh deployment: Prefect starts a run on the schedule (needs a Prefect API)."""
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    from prefect import serve
    from yanglao_flows.refresh import refresh

    root = project_root()
    output = _output_root(args)
    parameters = {
        "sources_path": str(Path(args.sources).resolve() if args.sources else root / "sources.yaml"),
        "output": str(output),
        "archive_root": str(output / "archive"),
        "archive_fallback": str(root / "archive"),
        "fetch": not args.replay,
    }
    deployment = refresh.to_deployment(
        name=args.name, parameters=parameters, schedule=refresh_schedule(args), concurrency_limit=1
    )
    when = f"every {args.interval} s" if args.interval else f"cron '{args.cron}' ({args.timezone})"
    print(
        f"yanglao schedule: serving deployment 'yanglao-refresh/{args.name}', {when}; Ctrl-C stops",
        flush=True,
    )
    serve(deployment)
    return 0


def dask_cluster(value: str) -> int | str:
    """`--dask`'s value: a number of local worker processes, or a scheduler's address (`tcp://host:8786`,
    `host:8786`) to run the batches on a cluster that already runs."""
    if value.isdigit():
        if int(value) < 1:
            raise argparse.ArgumentTypeError("a local cluster needs at least 1 worker")
        return int(value)
    if "://" not in value and ":" not in value:
        raise argparse.ArgumentTypeError(f"not a number of workers nor a scheduler address: {value!r}")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The command line, one subcommand per `cmd_*` function; every command and option has help text."""
    parser = argparse.ArgumentParser(
        prog="yanglao", description="Elderly-care policy measures, targets and subsidies as open data."
    )
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser(
        "run", help="build the datasets and the SQLite database (offline from the archive by default)"
    )
    run.add_argument(
        "--sources", help="another registry; its http(s):// and file:// URLs are fetched and archived"
    )
    run.add_argument(
        "--output", help="write datapackage.json and datasets/ under this folder instead of the repository"
    )
    run.add_argument("--archive", help="snapshot archive to write to (default: OUTPUT/archive)")
    run.add_argument(
        "--fetch", action="store_true", help="fetch the registry's live URLs instead of replaying the archive"
    )
    run.add_argument(
        "--dask",
        type=dask_cluster,
        metavar="WORKERS|ADDRESS",
        help="run the batches on Dask: a local cluster of WORKERS processes, or the running scheduler at "
        "ADDRESS (tcp://host:8786), whose workers see the archive at the same path (README)",
    )
    run.add_argument("--verbose", action="store_true", help="show Prefect's own log lines too")
    run.add_argument(
        "--temporary-server",
        action="store_true",
        help="start Prefect's API server for this run only and stop it at the end (8-20 s slower); by "
        "default the local server is kept for the next runs and stops after 30 idle minutes",
    )
    run.add_argument(
        "--replay", action="store_true", help="never fetch: build from the archive, even with --sources"
    )
    run.add_argument(
        "--file-root",
        action="append",
        default=[],
        metavar="DIR",
        help="also read file:// sources under DIR (default: only under the registry's own folder)",
    )
    run.add_argument(
        "--retire",
        action="append",
        default=[],
        metavar="ID",
        help="retire a source the latest release holds and the registry no longer lists (recorded in the changelog)",
    )
    run.add_argument(
        "--allow-shrink",
        action="store_true",
        help="publish even if the run removes more than 20%% of the rows or drops unlisted sources",
    )
    run.add_argument(
        "--max-new-sources",
        type=int,
        default=200,
        metavar="N",
        help="fetch at most N never-fetched sources per run; the rest are queued for later runs (default 200)",
    )
    run.set_defaults(func=cmd_run)

    server = sub.add_parser(
        "server", help="status of, or stop, the local Prefect API server that `yanglao run` keeps"
    )
    server.add_argument("action", choices=("status", "stop"), help="status: is it running; stop: end it now")
    server.set_defaults(func=cmd_server)

    schemas = sub.add_parser(
        "schemas", help="write the Frictionless table schemas generated from the field registry"
    )
    schemas.add_argument("--output", help="folder (default: the repository's schemas/)")
    schemas.set_defaults(func=cmd_schemas)

    schedule = sub.add_parser("schedule", help="serve the scheduled refresh deployment (daily by default)")
    schedule.add_argument("--cron", default="0 6 * * *", help="cron schedule (default: 06:00 daily)")
    schedule.add_argument("--timezone", default="Asia/Shanghai")
    schedule.add_argument("--interval", type=int, help="run every N seconds instead of the cron schedule")
    schedule.add_argument("--name", default="daily", help="deployment name")
    schedule.add_argument("--sources", help="registry (default: the repository's sources.yaml)")
    schedule.add_argument("--output", help="output root (default: the repository)")
    schedule.add_argument("--replay", action="store_true", help="replay the archive instead of fetching")
    schedule.set_defaults(func=cmd_schedule)

    diff = sub.add_parser("diff", help="rows added, removed and changed between two releases")
    diff.add_argument("old")
    diff.add_argument("new")
    diff.add_argument("--output", help="output root holding datasets/releases (default: the repository)")
    diff.set_defaults(func=cmd_diff)

    rebuild = sub.add_parser("rebuild", help="rebuild a release from the archive and check its file hashes")
    rebuild.add_argument("version")
    rebuild.add_argument("--output", help="output root holding datasets/releases (default: the repository)")
    rebuild.set_defaults(func=cmd_rebuild)

    validate = sub.add_parser("validate", help="validate a datapackage.json with Frictionless")
    validate.add_argument("descriptor", nargs="?", default="datapackage.json")
    validate.set_defaults(func=cmd_validate)

    serve = sub.add_parser(
        "serve", help="browse the latest SQLite build in Datasette on 127.0.0.1 (read-only)"
    )
    serve.add_argument("--port", type=int, default=8001, help="port (default: 8001)")
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default: 127.0.0.1; 0.0.0.0 for every interface)",
    )
    serve.add_argument(
        "--output", help="serve the build under this folder, as written by `yanglao run --output`"
    )
    serve.set_defaults(func=cmd_serve)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point: known failures (bad registry, failed validation…) are one line on stderr and exit 2."""
    from yanglao.acquire.archive import ArchiveError
    from yanglao.acquire.registry import RegistryError
    from yanglao.publish.history import ReleaseNotFound
    from yanglao.publish.release import BreakingSchemaChange
    from yanglao.publish.validate import ValidationFailed

    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except ValidationFailed as exc:
        print(f"error: nothing published: {exc}", file=sys.stderr)
        for problem in exc.problems[:50]:
            print(f"  {problem}", file=sys.stderr)
        return 2
    except (RegistryError, ArchiveError, ReleaseNotFound, BreakingSchemaChange, FileNotFoundError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except StartupFailed as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except sqlite3.OperationalError as exc:
        full = "full" in str(exc)
        reason = "disk full building the SQLite database" if full else f"SQLite: {exc}"
        print(f"error: {reason}: the previous build and release are intact", file=sys.stderr)
        return 2
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            where = f" writing {exc.filename}" if exc.filename else ""
            print(
                f"error: disk full{where}: nothing published; the previous release is intact", file=sys.stderr
            )
        else:
            print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
