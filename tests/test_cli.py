"""The `yanglao` command as a person runs it: progress, a summary, one-line errors and exit codes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import bundled_sources

ROOT = Path(__file__).resolve().parents[1]


def yanglao(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "PREFECT_API_URL": "",
    }  # the command starts its own ephemeral API, as on a user's machine
    env.pop("PREFECT_API_URL")
    return subprocess.run(
        [sys.executable, "-m", "yanglao.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env=env,
        timeout=300,
    )


def test_every_command_has_help():
    for command in ("run", "schemas", "validate"):
        result = yanglao(command, "--help")
        assert result.returncode == 0 and "usage: yanglao" in result.stdout
    top = yanglao("--help")
    assert all(c in top.stdout for c in ("run", "schemas", "validate"))


def test_run_into_an_output_folder_prints_stages_and_a_summary(tmp_path):
    result = yanglao("run", "--output", str(tmp_path))
    assert result.returncode == 0, result.stderr[-2000:]
    for stage in ("snapshots", "extract", "publish", "sqlite"):
        assert f"  {stage}" in result.stdout
    assert f"documents: {len(bundled_sources())};" in result.stdout
    assert "release: new " in result.stdout
    assert (tmp_path / "datapackage.json").exists() and (tmp_path / "datasets" / "yanglao.db").exists()
    assert not (tmp_path / "archive").exists()  # replaying wrote nothing to the archive


def test_a_broken_registry_is_one_line_and_a_non_zero_exit(tmp_path):
    (tmp_path / "bad.yaml").write_text(
        "sources:\n- {id: Bad Id, city: x, province: y, region_code: '1'}\n", encoding="utf-8"
    )
    result = yanglao("run", "--sources", str(tmp_path / "bad.yaml"), "--output", str(tmp_path))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"error: {tmp_path / 'bad.yaml'}: source Bad Id: id must be a lowercase a-z0-9- slug"
    ]
    assert "Traceback" not in result.stderr


def test_a_release_that_fails_validation_is_reported_in_lines_not_a_traceback(tmp_path):
    """A bug that makes a row lie about its quote: the run publishes nothing and says which row."""
    script = (
        "import sys; import yanglao.publish.validate as v; from yanglao.publish.validate import Problem; "
        "v.check_provenance = lambda d, t: [Problem('targets', 'x:t0123456789', 'quote', 'text[1:5] is not the quote')] "
        "if d[0]['document_id'] == 'wuhan-2024-eldercare-measures' else []; "
        "from yanglao.cli import main; sys.exit(main(sys.argv[1:]))"
    )
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    result = subprocess.run(
        [sys.executable, "-c", script, "run", "--output", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=300,
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "error: nothing published: 1 validation problem(s): targets row x:t0123456789 field quote: "
        "text[1:5] is not the quote",
        "  targets row x:t0123456789 field quote: text[1:5] is not the quote",
    ]
    assert not (tmp_path / "datasets" / "releases").exists() or not any(
        p.name[0].isdigit() for p in (tmp_path / "datasets" / "releases").iterdir()
    )
