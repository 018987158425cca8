"""A regency with PMI records and no foreigner gets its reports.

Only the four PMI exports of the small demo (Palangka Raya) are ingested:
the foreigner figures are zero, and the region is still one with data, its
report rendered with the PMI chapter's numbers.
"""

from __future__ import annotations

import json
from pathlib import Path

import psycopg

from pantau.build.period import PMI_SOURCE_IDS, build_period
from pantau.ingest.pipeline import ingest_paths
from pantau.periods import Period
from pantau.quality.gate import run_gate
from pantau.reports.render import default_regions, render_period
from pantau.sources.pickup import discover

PERIOD = Period.parse("2024-Q4")


def test_a_regency_with_only_pmi_data_gets_its_reports(warehouse: str, small_demo: Path,
                                                        tmp_path: Path) -> None:
    folders = [small_demo / "landing" / source for source in PMI_SOURCE_IDS]
    assert {o.status for o in ingest_paths(discover(folders))} == {"loaded"}
    run_gate()
    build_period(PERIOD)
    with psycopg.connect(warehouse) as conn:
        foreigners, departed = conn.execute(
            "SELECT foreigners_total + workers_total + registered_total, "
            "pmi_placements_departed FROM mart.region_figures "
            "WHERE period = %s AND region_code = '62.71'", (PERIOD.label,)).fetchone()
        assert foreigners == 0 and departed > 0
        assert default_regions(conn, PERIOD) == ["62.71"]
        # A regency with no record in any source is still left out.
        assert "62.01" not in default_regions(conn, PERIOD, ("regency",))
    (report,) = render_period(PERIOD, tmp_path)
    assert all((report.directory / name).stat().st_size > 0 for name in report.files)
    figures = json.loads((report.directory / "figures.json").read_text())
    assert figures["region_code"] == "62.71"
    assert figures["pmi"]["placements_departed"] == departed
    assert "Pelindungan Pekerja Migran Indonesia" in (
        report.directory / "report.html").read_text()
