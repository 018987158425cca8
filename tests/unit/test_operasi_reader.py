"""The TIMPORA operations workbook: found under a title block, staged, or refused by name."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from pantau.sources.catalog import TIMPORA_OPERASI
from pantau.sources.pickup import identify
from pantau.sources.readers import ROW_NUMBER, FileRejected, open_table
from pantau.sources.staging import Context, tag, to_staging
from tests.support.operasi import visit, workbook

FILE = "timpora_operasi/PALANGKARAYA/operasi_PALANGKARAYA_20250131.xlsx"


def _staged(path: Path) -> pd.DataFrame:
    table = open_table(path, TIMPORA_OPERASI)
    chunk = pd.concat(list(table.chunks), ignore_index=True)
    staged = to_staging(TIMPORA_OPERASI, tag(chunk, 1, Context.for_scope("PALANGKARAYA")))
    assert staged.problems.empty
    return staged.tables["timpora_operasi"]


def test_the_file_name_names_the_source_office_and_snapshot(tmp_path: Path) -> None:
    path = workbook(tmp_path / FILE, [visit()])
    pickup = identify(path)
    assert (pickup.source.id, pickup.scope, pickup.snapshot_date) == (
        "timpora_operasi", "PALANGKARAYA", date(2025, 1, 31))


def test_the_header_below_a_title_block_and_sheet_row_numbers(tmp_path: Path) -> None:
    path = workbook(tmp_path / FILE, [visit(0), visit(1, NIB=None, JENIS_LOKASI="hotel",
                                                       KECAMATAN=None)])
    table = open_table(path, TIMPORA_OPERASI)
    assert (table.header_row, table.sheet_name) == (4, "HASIL OPERASI")
    frame = pd.concat(list(table.chunks), ignore_index=True)
    assert list(frame[ROW_NUMBER]) == [5, 6]
    company, hotel = _staged(path).to_dict("records")
    assert company["visit_date"] == date(2025, 1, 6)
    assert (company["regency_code"], company["district_code"]) == ("62.71", "62.71.01")
    assert company["nib"] == "9120000000000"  # a numeric cell, as text
    assert (company["foreigners_checked"], company["findings_no_permit"],
            company["actions_on_spot"]) == (5, 1, 1)
    assert pd.isna(hotel["nib"]) and pd.isna(hotel["district_code"])
    assert hotel["site_kind"] == "HOTEL"


def test_without_title_block_the_header_is_row_one(tmp_path: Path) -> None:
    table = open_table(workbook(tmp_path / FILE, [visit()], title=False), TIMPORA_OPERASI)
    assert table.header_row == 1


def test_keterangan_is_read_but_never_staged(tmp_path: Path) -> None:
    path = workbook(tmp_path / FILE, [visit()])
    table = open_table(path, TIMPORA_OPERASI)
    frame = pd.concat(list(table.chunks), ignore_index=True)
    assert frame["KETERANGAN"].str.contains("a.n.").all()  # raw keeps what was delivered
    staged = _staged(path)
    assert "remarks" not in staged and "KETERANGAN" not in staged
    assert not staged.astype(str).apply(lambda c: c.str.contains("ZHANG")).any().any()


def test_a_district_name_of_another_regency_stays_unresolved(tmp_path: Path) -> None:
    path = workbook(tmp_path / FILE, [visit(KECAMATAN="Kec. Bakam")])  # Bangka's
    assert pd.isna(_staged(path).iloc[0]["district_code"])


def test_a_workbook_without_the_sheet_is_refused_naming_it(tmp_path: Path) -> None:
    path = workbook(tmp_path / FILE, [visit()], sheet="Sheet1", extra_sheets=("REKAP",))
    with pytest.raises(FileRejected, match=r"operasi_PALANGKARAYA_20250131.xlsx: no sheet named "
                                           r"'HASIL OPERASI'"):
        open_table(path, TIMPORA_OPERASI)


def test_a_sheet_without_the_columns_is_refused(tmp_path: Path) -> None:
    path = workbook(tmp_path / FILE, [["a", "b", "c"]], header=["NO", "LOKASI", "CATATAN"])
    with pytest.raises(FileRejected, match="no header row naming the timpora_operasi columns"):
        open_table(path, TIMPORA_OPERASI)
