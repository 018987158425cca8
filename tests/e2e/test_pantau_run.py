"""`pantau run`: one whole cycle from the command line, on a warehouse that already holds data."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from typer.testing import CliRunner

from pantau.cli import app
from tests.support.figures_schema import assert_every_figures_valid
from tests.support.warehouses import Snapshot, build_snapshot, drop_database, warehouse_copy

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


@dataclass(frozen=True)
class FirstCycle:
    """The first `pantau run` of the small demo on the busy warehouse, and what it left."""

    exit_code: int
    output: str
    reports: Path
    after: Snapshot  # the warehouse and archive as the cycle left them


@pytest.fixture(scope="module")
def first_cycle(server_url: str, samples_ingested: Snapshot, small_demo: Path,
                tmp_path_factory) -> Iterator[FirstCycle]:
    """The cycle three tests start from, run once (a cycle takes most of a minute): each
    test copies the warehouse it left (``first_warehouse``) and reads its reports."""
    root = tmp_path_factory.mktemp("first-cycle")
    shutil.copytree(samples_ingested.archive, root / "archive")  # as ``warehouse`` does
    results = []
    after = build_snapshot(server_url, samples_ingested.template, "template_first_cycle",
                           root / "archive",
                           lambda _url: results.append(_run(small_demo / "landing",
                                                            root / "out")))
    yield FirstCycle(results[0].exit_code, results[0].output, root / "out", after)
    drop_database(server_url, after.template)


@pytest.fixture
def first_warehouse(server_url: str, first_cycle: FirstCycle, monkeypatch,
                    tmp_path: Path) -> Iterator[str]:
    """A copy of the busy warehouse right after the first cycle, for Pantau's code and ``db``."""
    with warehouse_copy(server_url, first_cycle.after, tmp_path / "archive", monkeypatch) as url:
        yield url


@pytest.fixture
def db(first_warehouse: str) -> Iterator[psycopg.Connection]:
    """A superuser connection to the copy of the warehouse the first cycle left, for assertions."""
    with psycopg.connect(first_warehouse, autocommit=True) as conn:
        yield conn


def test_a_cycle_renders_the_reports_ending_on_the_period_equal_to_truth(
        first_cycle: FirstCycle, small_demo: Path, db) -> None:
    out, result = first_cycle.reports, first_cycle
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


def test_a_second_run_loads_nothing_again_and_builds_nothing(first_cycle: FirstCycle,
                                                             small_demo: Path,
                                                             tmp_path: Path, db) -> None:
    assert first_cycle.exit_code == 0, first_cycle.output
    first = dict(db.execute("SELECT period, built_at FROM core.period_build").fetchall())
    again = _run(small_demo / "landing", tmp_path / "b")
    assert again.exit_code == 0, again.output
    delivered = sum(1 for path in (small_demo / "landing").rglob("*") if path.is_file())
    assert f"{delivered} duplicate" in again.output
    for run in (first_cycle.reports, tmp_path / "b"):
        assert_every_figures_valid(run)
    assert dict(db.execute("SELECT period, built_at FROM core.period_build").fetchall()) == first
    same = [json.loads((d / "2024-Q4/62/62.71/manifest.json").read_text())["content_sha256"]
            for d in (first_cycle.reports, tmp_path / "b")]
    assert same[0] == same[1]


def test_a_late_file_for_an_old_period_rebuilds_only_that_period(first_cycle: FirstCycle,
                                                                 first_warehouse: str,
                                                                 small_demo: Path,
                                                                 tmp_path: Path) -> None:
    from pantau.orchestration import steps
    from pantau.periods import PeriodKind

    assert first_cycle.exit_code == 0, first_cycle.output
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
