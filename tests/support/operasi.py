"""TIMPORA operations workbooks as a secretariat writes them, for the reader and gate tests."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from pantau.sources.catalog import TIMPORA_OPERASI
from tests.support.workbooks import write_workbook

HEADER = list(TIMPORA_OPERASI.headers)
SHEET = "HASIL OPERASI"
# A name in KETERANGAN: personal, it must stay in raw.
NAMED = "ZHANG WEIMING"


def visit(i: int = 0, **changes: object) -> list[object]:
    """One visit at a company in Kota Palangka Raya, its findings within those checked."""
    row = dict(zip(HEADER, [
        f"SPRIN-{i:02d}/PALANGKARAYA/01/2025", datetime(2025, 1, 6 + i % 20),
        "KOTA PALANGKA RAYA", "Kec. Pahandut", f"PT SAWIT MAKMUR {i}",
        9120000000000 + i, "PERKEBUNAN", 5, 1, 0, 0, 1,
        f"Temuan 1 WNA, a.n. {NAMED} dkk."], strict=True))
    row.update(changes)
    return list(row.values())


def workbook(path: Path, rows: list[list[object]], *, title: bool = True,
             header: list[str] | None = None, sheet: str = SHEET,
             extra_sheets: tuple[str, ...] = ()) -> Path:
    """``rows`` on the sheet, below a title block when ``title``."""
    lines = ["REKAPITULASI HASIL OPERASI GABUNGAN TIMPORA", "KANTOR IMIGRASI PALANGKARAYA"]
    return write_workbook(path, rows, header=header or HEADER,
                          title_lines=lines if title else (), sheet=sheet,
                          extra_sheets=extra_sheets)
