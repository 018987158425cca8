"""TIMPORA operations workbooks through ingest and the quality gate on the real warehouse.

One workbook with clean visits, then one planted row per row rule, each held
for exactly that rule; a workbook without a required column or without its
sheet is rejected, the message naming the file (and the column).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import psycopg
import pytest

from pantau.ingest.pipeline import ingest_paths
from pantau.quality.gate import run_gate
from tests.support.operasi import HEADER, visit, workbook

SNAPSHOT = "20250131"
CLEAN = 6
TITLE_ROWS = 3  # two title lines and a blank row above the header (sheet row 4)
PLANTED = [
    ({"value_unreadable", "visit_date_present"}, {"TANGGAL_OPERASI": "31-02-2025"}),
    ({"visit_date_not_after_snapshot"}, {"TANGGAL_OPERASI": datetime(2025, 2, 3)}),
    ({"nib_format"}, {"NIB": "91200012345"}),
    ({"count_not_negative"}, {"TEMUAN_OVERSTAY": -1}),
    ({"findings_within_checked"}, {"ORANG_ASING_DIPERIKSA": 2, "TEMUAN_TANPA_IZIN": 2,
                                   "TEMUAN_IZIN_TIDAK_SESUAI": 1}),
    ({"site_kind_known"}, {"JENIS_LOKASI": "WARUNG"}),
    ({"region_mapped"}, {"KAB_KOTA": "KOTA ATLANTIS"}),
    ({"duplicate_row"}, {}),  # an exact copy of clean row 0
]


def _landing(tmp_path: Path) -> tuple[Path, dict[int, set[str]]]:
    landing = tmp_path / "landing" / "timpora_operasi" / "PALANGKARAYA"
    rows = [visit(i) for i in range(CLEAN)]
    expected: dict[int, set[str]] = {}
    for rules, changes in PLANTED:
        base = visit(0) if rules == {"duplicate_row"} else visit(len(rows))
        position = {h: n for n, h in enumerate(HEADER)}
        for header, value in changes.items():
            base[position[header]] = value
        expected[len(rows) + 2 + TITLE_ROWS] = rules
        rows.append(base)
    workbook(landing / f"operasi_PALANGKARAYA_{SNAPSHOT}.xlsx", rows)
    return tmp_path / "landing", expected


@pytest.fixture
def gated(warehouse: str, tmp_path: Path) -> dict[int, set[str]]:
    landing, expected = _landing(tmp_path)
    outcomes = ingest_paths([landing])
    assert {o.status for o in outcomes} == {"loaded"}, [o.message for o in outcomes]
    report = run_gate(sources=["timpora_operasi"])
    assert not report.rejected and not report.errors
    return expected


def test_each_planted_row_is_held_for_its_rule(gated: dict, db: psycopg.Connection) -> None:
    held: dict[int, set[str]] = {}
    for row_number, rule in db.execute("SELECT row_number, rule FROM quarantine.reason"):
        held.setdefault(row_number, set()).add(rule)
    assert held == gated
    assert db.execute("SELECT status FROM audit.batch").fetchall() == [("validated",)]
    reasons = dict(db.execute("""
        SELECT DISTINCT r.rule, r.reason_en FROM quarantine.reason AS r""").fetchall())
    assert all(reasons.values())  # every reason says why, in words


def test_keterangan_is_in_raw_only(gated: dict, db: psycopg.Connection) -> None:
    assert db.execute("SELECT count(*) FROM raw.timpora_operasi "
                      "WHERE keterangan LIKE '%ZHANG WEIMING%'").fetchone()[0] > 0
    columns = {c for (c,) in db.execute("""
        SELECT column_name FROM information_schema.columns
         WHERE table_schema = 'staging' AND table_name = 'timpora_operasi'""")}
    assert "remarks" not in columns and "keterangan" not in columns


@pytest.mark.parametrize(("missing", "sheet"), [("TEMUAN_TANPA_IZIN", "HASIL OPERASI"),
                                                (None, "Sheet1")])
def test_a_workbook_without_a_column_or_its_sheet_is_rejected(
        warehouse: str, tmp_path: Path, db: psycopg.Connection, missing, sheet) -> None:
    header = [h for h in HEADER if h != missing]
    rows = [[value for h, value in zip(HEADER, visit(i), strict=True) if h != missing]
            for i in range(3)]
    name = f"operasi_PALANGKARAYA_{SNAPSHOT}.xlsx"
    path = workbook(tmp_path / "landing" / "timpora_operasi" / "PALANGKARAYA" / name, rows,
                    header=header, sheet=sheet, extra_sheets=("REKAP",))
    (outcome,) = ingest_paths([path])
    assert outcome.status == "rejected"
    assert name in outcome.message
    if missing:
        assert f"missing required column {missing}" in outcome.message
        assert "header row 4" in outcome.message
    else:
        assert "no sheet named 'HASIL OPERASI'" in outcome.message
