"""Shared fixtures. One Prefect test harness per session: it takes ~11 s to start (PITFALLS.md)."""

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

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def prefect_harness():
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
