"""A warehouse of PMI exports only (the small demo's Palangka Raya, 2024-Q3 and 2024-Q4).

A regency with PMI records and no foreigner gets its reports. The passport
feed accumulates: one office's October delta arrives after both quarters
were built; only 2024-Q4 goes stale (Q3's reference date is before it), and
its rebuild writes what the warehouse that had every delivery on time
writes. The same delta delivered again under another folder is the same
batch.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import psycopg
import pytest

from pantau.build.period import PMI_SOURCE_IDS, build_period, stale_periods
from pantau.ingest.pipeline import ingest_paths
from pantau.periods import Period
from pantau.quality.gate import run_gate
from pantau.reports.render import default_regions, render_period
from pantau.sources.pickup import discover
from tests.support.warehouses import module_warehouse, warehouse_copy

PERIODS = ("2024-Q3", "2024-Q4")
# The PMI marts: nothing in them depends on the order batches were given their ids.
MARTS = {"mart.region_figures": "region_code",
         "mart.region_breakdown": "region_code, measure, category",
         "mart.pmi_priority_area": "region_code, area_code",
         "mart.pmi_followup": "region_code, rule_code, person_key, area_code"}


def _late_delta(landing: Path) -> Path:
    """The October delta of the office with the most October applications."""
    deltas = sorted((landing / "imigrasi_paspor").rglob("paspor_*_20241031.csv"),
                    key=lambda path: path.stat().st_size)
    assert deltas, "the small demo has no October passport delta"
    return deltas[-1]


def _pmi_files(landing: Path) -> list[Path]:
    return list(discover([landing / source for source in PMI_SOURCE_IDS]))


def _marts(url: str, period: str) -> dict[str, pd.DataFrame]:
    with psycopg.connect(url) as conn:
        out = {}
        for table, order in MARTS.items():
            cursor = conn.execute(f"SELECT * FROM {table} WHERE period = %s ORDER BY {order}",
                                  (period,))
            out[table] = pd.DataFrame(cursor.fetchall(),
                                      columns=[c.name for c in cursor.description])
    return out


def _ingest(paths: list[Path]) -> list[str]:
    statuses = [outcome.status for outcome in ingest_paths(paths)]
    assert not run_gate().rejected
    return statuses


@pytest.fixture(scope="module")
def on_time(server_url: str, migrated_template: str, small_demo: Path,
            tmp_path_factory) -> Iterator[str]:
    """Every PMI delivery of the small demo ingested, then both quarters built."""
    with module_warehouse(server_url, tmp_path_factory.mktemp("on-time"),
                          migrated_template) as url:
        assert set(_ingest(_pmi_files(small_demo / "landing"))) == {"loaded"}
        for period in PERIODS:
            build_period(Period.parse(period))
        yield url


def test_a_regency_with_only_pmi_data_gets_its_reports(on_time: str, tmp_path: Path) -> None:
    quarter = Period.parse("2024-Q4")
    with psycopg.connect(on_time) as conn:
        foreigners, departed = conn.execute(
            "SELECT foreigners_total + workers_total + registered_total, "
            "pmi_placements_departed FROM mart.region_figures "
            "WHERE period = %s AND region_code = '62.71'", (quarter.label,)).fetchone()
        assert foreigners == 0 and departed > 0
        assert default_regions(conn, quarter) == ["62.71"]
        # A regency with no record in any source is still left out.
        assert "62.01" not in default_regions(conn, quarter, ("regency",))
    (report,) = render_period(quarter, tmp_path)
    assert all((report.directory / name).stat().st_size > 0 for name in report.files)
    figures = json.loads((report.directory / "figures.json").read_text())
    assert figures["region_code"] == "62.71"
    assert figures["pmi"]["placements_departed"] == departed
    assert "Pelindungan Pekerja Migran Indonesia" in (
        report.directory / "report.html").read_text()


def test_a_late_delta_makes_only_its_periods_stale_and_the_rebuild_equals_an_on_time_build(
        on_time: str, server_url: str, migrated_template: str, small_demo: Path,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    landing = small_demo / "landing"
    late = _late_delta(landing)
    expected = {period: _marts(on_time, period) for period in PERIODS}
    with warehouse_copy(server_url, migrated_template, tmp_path / "late", monkeypatch) as url:
        assert set(_ingest([p for p in _pmi_files(landing) if p != late])) == {"loaded"}
        for period in PERIODS:
            build_period(Period.parse(period))
        before = _marts(url, "2024-Q4")
        assert stale_periods() == []
        assert _ingest([p for p in _pmi_files(landing) if p == late]) == ["loaded"]
        assert stale_periods() == ["2024-Q4"]
        build_period(Period.parse("2024-Q4"))
        assert not before["mart.region_breakdown"].equals(
            _marts(url, "2024-Q4")["mart.region_breakdown"]), "the late delta changed nothing"
        again = tmp_path / "again" / late.parent.name / late.name
        again.parent.mkdir(parents=True)
        shutil.copy2(late, again)
        assert [o.status for o in ingest_paths(discover([tmp_path / "again"]))] == ["duplicate"]
        assert stale_periods() == []
        for period in PERIODS:
            for table, frame in _marts(url, period).items():
                pd.testing.assert_frame_equal(frame, expected[period][table],
                                              obj=f"{period} {table}")
