"""Shared fixtures, and the unit/integration marks.

One Prefect test harness per session: it takes ~11 s to start (PITFALLS.md).

Every test is marked `unit` or `integration` (registered in pyproject.toml) by `pytest_collection_modifyitems`
below: `pytest -m unit` runs the fast tests of pure functions in seconds, `pytest -m integration` the ones
that start a flow, a Prefect API, an HTTP server, Datasette, a browser or a subprocess, or build a database.
A test marked by hand keeps its mark.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# Before Prefect is imported anywhere: offline, quiet, and a PREFECT_HOME of our own.
_PREFECT_HOME = tempfile.mkdtemp(prefix="yanglao-prefect-home-")
os.environ["PREFECT_HOME"] = _PREFECT_HOME
os.environ["DO_NOT_TRACK"] = "1"
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
# `yanglao run` keeps a local Prefect server for the next runs: in tests it stops soon after the last one.
os.environ.setdefault("YANGLAO_PREFECT_SERVER_IDLE", "60")

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session", autouse=True)
def _stop_kept_prefect_server():
    """End the local Prefect server the `yanglao run` commands of the tests kept (none left behind)."""
    yield
    from yanglao.prefect_server import stop_server

    stop_server()


@pytest.fixture(scope="session")
def prefect_harness():
    """A temporary Prefect API for the whole session (starting one takes ~11 s: never one per test)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=60):
        yield


@pytest.fixture(scope="session")
def shipped_build(prefect_harness, tmp_path_factory):
    """The flow run once, for real, on the shipped registry and archive, into a temporary output folder."""
    from yanglao_flows.refresh import refresh

    output = tmp_path_factory.mktemp("build")
    summary = refresh(
        sources_path=str(ROOT / "sources.yaml"),
        output=str(output),
        archive_root=str(output / "archive"),
        archive_fallback=str(ROOT / "archive"),
    )
    return output, summary


def bundled_sources() -> list:
    """The registry the project ships (the embedded default corpus)."""
    from yanglao.acquire.registry import load_registry

    return load_registry(ROOT / "sources.yaml")


#: Modules whose every test starts a server, a flow, a subprocess or a browser, or builds a database.
INTEGRATION_MODULES = frozenset(
    {
        "test_browser",
        "test_cli",
        "test_datasette",
        "test_discover",
        "test_discover_flow",
        "test_fetch",
        "test_flow",
        "test_refresh",
        "test_releases",
        "test_schedule",
        "test_sqlite",
    }
)
#: Fixtures that make any test using them (directly or through another fixture) an integration test.
INTEGRATION_FIXTURES = frozenset({"prefect_harness", "shipped_build"})


def pytest_collection_modifyitems(config, items):
    """Mark each test `unit` or `integration` by its module and the fixtures it uses."""
    for item in items:
        if item.get_closest_marker("unit") or item.get_closest_marker("integration"):
            continue
        module = item.module.__name__.rsplit(".", 1)[-1] if item.module else ""
        heavy = module in INTEGRATION_MODULES or INTEGRATION_FIXTURES & set(item.fixturenames)
        item.add_marker(pytest.mark.integration if heavy else pytest.mark.unit)
