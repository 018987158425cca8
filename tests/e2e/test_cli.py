"""The ``pantau`` command as a user runs it: a real process, a real server."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pantau.sources.catalog import SOURCES
from pantau.warehouse import migrate
from tests.support.paths import SAMPLE_LANDING

PANTAU = str(Path(sys.executable).parent / "pantau")


def run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([PANTAU, *args], env=env, capture_output=True, text=True, timeout=120,
                          check=False)


@pytest.fixture
def cli_env(tmp_path: Path) -> dict[str, str]:
    """An environment with its own embedded warehouse under tmp_path."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("PANTAU_")}
    env["PANTAU_VAR_DIR"] = str(tmp_path / "var")
    return env


def test_warehouse_lifecycle_and_ingest_exit_codes(cli_env: dict[str, str], tmp_path: Path):
    try:
        stopped = run("warehouse", "status", env=cli_env)
        assert stopped.returncode == 3
        assert "stopped" in stopped.stdout

        started = run("warehouse", "start", env=cli_env)
        assert started.returncode == 0, started.stderr
        assert f"schema {migrate.head()}" in started.stdout
        url = run("warehouse", "url", env=cli_env).stdout.strip()
        assert url.startswith("postgresql://") and "host=" in url  # a Unix-socket URL

        landing = Path(shutil.copytree(SAMPLE_LANDING, tmp_path / "landing"))
        first = run("ingest", str(landing), env=cli_env)
        assert first.returncode == 0, first.stdout + first.stderr
        assert "6 loaded" in first.stdout
        assert "Quality gate" in first.stdout and "data docs: file://" in first.stdout
        assert (tmp_path / "var" / "data_docs" / "index.html").exists()
        second = run("ingest", str(landing), env=cli_env)
        assert second.returncode == 0
        assert "6 duplicate" in second.stdout

        bad = tmp_path / "bad" / "imigrasi_tindakan" / "tindakan_X_20250131.csv"
        bad.parent.mkdir(parents=True)
        bad.write_text("NOMOR_TINDAKAN;TANGGAL_TINDAKAN\nT1;01-01-2025\n")
        rejected = run("ingest", str(bad), env=cli_env)
        assert rejected.returncode == 1
        assert "missing required columns" in rejected.stdout

        psql = run("warehouse", "psql", "-tA", "-c",
                   "SELECT count(*) FROM audit.batch WHERE status = 'validated'", env=cli_env)
        assert psql.stdout.strip() == "6"
        status = run("warehouse", "status", env=cli_env)
        assert status.returncode == 0
        assert "running" in status.stdout
    finally:
        assert run("warehouse", "stop", env=cli_env).returncode == 0
    assert run("warehouse", "status", env=cli_env).returncode == 3


def test_demo_data_command_writes_landing_and_truth_and_refuses_bad_arguments(
        cli_env: dict[str, str], tmp_path: Path):
    out = tmp_path / "dumai"
    made = run("demo-data", "--scope", "14.72", "--period", "2025-06", "--seed", "3",
               "--out", str(out), env=cli_env)
    assert made.returncode == 0, made.stderr
    assert "imigrasi_izin_tinggal" in made.stdout and str(out / "truth") in made.stdout
    assert (out / "truth" / "figures" / "2025-06" / "14.72.json").exists()
    assert (out / "truth" / "figures" / "2025-05" / "14.72.json").exists()
    assert sorted(p.name for p in (out / "landing").iterdir()) == sorted(SOURCES)
    bad_scope = run("demo-data", "--scope", "99", "--period", "2025-06", "--out",
                    str(tmp_path / "x"), env=cli_env)
    assert bad_scope.returncode == 2
    assert "neither a Kemendagri province code" in bad_scope.stdout
    bad_period = run("demo-data", "--period", "2025-Q5", "--out", str(tmp_path / "y"),
                     env=cli_env)
    assert bad_period.returncode == 2
    assert "is not YYYY-MM" in bad_period.stdout
