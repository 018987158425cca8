"""`pantau run`: one whole cycle from the command line, on a warehouse that already holds data."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pantau.cli import app
from tests.support.figures_schema import assert_every_figures_valid
from tests.support.warehouses import Snapshot, warehouse_copy

runner = CliRunner()


@pytest.fixture
def warehouse(server_url: str, samples_ingested: Snapshot, monkeypatch,
              tmp_path: Path) -> Iterator[str]:
    """This module's warehouse: a copy of the session's, the January 2025 samples ingested."""
    with warehouse_copy(server_url, samples_ingested, tmp_path / "archive", monkeypatch) as url:
        yield url


@pytest.fixture
def busy_warehouse(warehouse: str) -> str:
    """A warehouse already holding other data: the sample exports of January 2025."""
    return warehouse


def _run(landing: Path, output: Path, period: str = "2024-Q4"):
    return runner.invoke(app, ["run", "--landing", str(landing), "--period", period,
                               "--output", str(output)])


def test_a_cycle_renders_the_reports_ending_on_the_period_equal_to_truth(
        busy_warehouse: str, small_demo: Path, tmp_path: Path, db) -> None:
    out = tmp_path / "out"
    result = _run(small_demo / "landing", out)
    assert result.exit_code == 0, result.output
    assert "Pantau cycle 2024-Q4: ok" in result.output
    assert "2024-Q4: 1 regions" in result.output and "2024-S2: 2 regions" in result.output
    for period in ("2024-Q3", "2024-Q4"):
        assert period in result.output  # the trend's period is built too
    truth = json.loads((small_demo / "truth" / "figures" / "2024-Q4" / "62.71.json").read_text())
    written = json.loads((out / "2024-Q4" / "62" / "62.71" / "figures.json").read_text())
    assert {key: written[key] for key in truth} == truth
    assert (out / "2024-S2" / "62" / "report.pdf").exists()
    national = json.loads((out / "2024-S2" / "00" / "figures.json").read_text())
    assert (national["level"], national["region_code"]) == ("national", "00")
    assert assert_every_figures_valid(out) == 3
    built = {p for (p,) in db.execute("SELECT period FROM core.period_build")}
    assert built == {"2024-Q3", "2024-Q4", "2024-S2"}


def test_a_second_run_loads_nothing_again_and_builds_nothing(busy_warehouse: str,
                                                             small_demo: Path,
                                                             tmp_path: Path, db) -> None:
    assert _run(small_demo / "landing", tmp_path / "a").exit_code == 0
    first = dict(db.execute("SELECT period, built_at FROM core.period_build").fetchall())
    again = _run(small_demo / "landing", tmp_path / "b")
    assert again.exit_code == 0, again.output
    delivered = sum(1 for path in (small_demo / "landing").rglob("*") if path.is_file())
    assert f"{delivered} duplicate" in again.output
    for run in ("a", "b"):
        assert_every_figures_valid(tmp_path / run)
    assert dict(db.execute("SELECT period, built_at FROM core.period_build").fetchall()) == first
    same = [json.loads((tmp_path / d / "2024-Q4/62/62.71/manifest.json").read_text())
            ["content_sha256"] for d in ("a", "b")]
    assert same[0] == same[1]


def test_a_late_file_for_an_old_period_rebuilds_only_that_period(busy_warehouse: str,
                                                                 small_demo: Path,
                                                                 tmp_path: Path) -> None:
    from pantau.orchestration import steps
    from pantau.periods import PeriodKind

    assert _run(small_demo / "landing", tmp_path / "out").exit_code == 0
    kinds = [PeriodKind.QUARTER, PeriodKind.SEMESTER]
    before = steps.periods_to_build(kinds)  # the January samples: never built, not ours
    assert "2024-Q3" not in before
    late = tmp_path / "late" / "imigrasi_izin_tinggal"
    late.mkdir(parents=True)
    september = next((small_demo / "landing" / "imigrasi_izin_tinggal").rglob("*_20240930.csv"))
    lines = september.read_bytes().splitlines(keepends=True)
    (late / september.name).write_bytes(b"".join(lines[:-1]))  # a corrected re-export
    steps.ingest_files([{"uri": str(late / september.name)}])
    steps.validate(["imigrasi_izin_tinggal"])
    assert steps.periods_to_build(kinds) == sorted([*before, "2024-Q3"])


def test_a_rejected_file_gives_exit_1_and_names_it(busy_warehouse: str, small_demo: Path,
                                                   tmp_path: Path) -> None:
    landing = tmp_path / "landing"
    shutil.copytree(small_demo / "landing", landing)
    (landing / "tenaga_kerja_tka" / "tka_62_20241231.xlsx").write_bytes(b"garbage")
    result = _run(landing, tmp_path / "out")
    assert result.exit_code == 1
    assert "FAILED" in result.output
    assert "tka_62_20241231.xlsx" in result.output
    assert "2024-Q4: 1 regions" in result.output  # the valid files still made the reports
    assert_every_figures_valid(tmp_path / "out")


def test_a_bad_period_is_refused_with_exit_2(tmp_path: Path) -> None:
    result = _run(tmp_path, tmp_path / "out", period="2024-Q5")
    assert result.exit_code == 2
    assert "YYYY-Qn" in result.output
