"""Build manpower workbooks the way Disnaker offices deliver them."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook

TKA_HEADER = [
    "NO_PENGESAHAN_RPTKA", "NAMA_PERUSAHAAN", "NIB", "KBLI", "LOKASI_KERJA", "NAMA_TKA",
    "NOMOR_PASPOR", "KEWARGANEGARAAN", "JENIS_KELAMIN", "TANGGAL_LAHIR", "JABATAN",
    "KODE_JABATAN", "TGL_MULAI", "TGL_SELESAI", "DKPTKA_BULAN", "DKPTKA_USD",
    "JUMLAH_PENDAMPING",
]


def write_workbook(
    path: Path,
    rows: Sequence[Sequence[object]],
    *,
    header: Sequence[str] = TKA_HEADER,
    title_lines: Sequence[str] = (),
    sheet: str = "DATA TKA",
    extra_sheets: Sequence[str] = (),
) -> Path:
    """Write ``rows`` under ``header`` on ``sheet``, below an optional title block."""
    workbook = Workbook()
    worksheet = workbook.active
    worksheet.title = sheet
    for line in title_lines:
        worksheet.append([line])
    if title_lines:
        worksheet.append([])
    worksheet.append(list(header))
    for row in rows:
        worksheet.append(list(row))
    for name in extra_sheets:
        workbook.create_sheet(name).append(["catatan"])
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path
