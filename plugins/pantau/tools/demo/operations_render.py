"""The TIMPORA secretariat's workbook of one office: ``operasi_<KANIM>_<YYYYMMDD>.xlsx``.

A full snapshot: every visit of the 36 months up to the extraction date, in
sheet ``HASIL OPERASI``, with the field's messiness (regency spellings,
district names with or without "Kec.", NIB as text or number, a title block
for some offices). No row is invalid: the gate holds none of them.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from pantau.tools.demo import spellings
from pantau.tools.demo.frames import table
from pantau.tools.demo.operations import HISTORY_MONTHS
from pantau.tools.demo.render import MONTHS_ID, Table
from pantau.tools.demo.snapshots import stable_number

SOURCE = "timpora_operasi"
SHEET = "HASIL OPERASI"
# What truth/operations.csv keeps of each clean row (the latest file of each office).
TRUTH_COLUMNS = ["office", "order_number", "visit_date", "regency", "district_name",
                 "site_name", "nib", "site_kind", "non_compliant", "foreigners_checked",
                 "findings_no_permit", "findings_permit_mismatch", "findings_overstay",
                 "actions_on_spot"]
COUNTS = ["ORANG_ASING_DIPERIKSA", "TEMUAN_TANPA_IZIN", "TEMUAN_IZIN_TIDAK_SESUAI",
          "TEMUAN_OVERSTAY", "TINDAKAN"]


def snapshot(visits: pd.DataFrame, office: str, day: date) -> pd.DataFrame:
    """The office's visits a file extracted on ``day`` holds (the last 36 months)."""
    end = np.datetime64(day, "D")
    first = end - np.timedelta64(HISTORY_MONTHS * 30, "D")
    dates = visits["visit_date"].to_numpy().astype("datetime64[D]")
    return visits[(visits["office"] == office) & (dates <= end) & (dates > first)]


def render(rows: pd.DataFrame, office: str, day: date, seed: int) -> Table:
    """One office's workbook on ``day``."""
    path = f"{SOURCE}/{office}/operasi_{office}_{day:%Y%m%d}.xlsx"
    rng = np.random.default_rng([seed, stable_number(path)])
    habit = stable_number(seed, SOURCE, office)
    district = rows["district_name"].to_numpy(dtype=object)
    prefixed = rng.random(len(rows)) < 0.3
    district = np.where(pd.isna(district), None,
                        np.where(prefixed, "Kec. " + district.astype(str),
                                 pd.Series(district, dtype=object).str.upper().to_numpy()))
    nib = rows["nib"].to_numpy(dtype=object)
    numeric_nib = habit % 3 == 0
    if numeric_nib:
        nib = np.array([None if pd.isna(v) else int(v) for v in nib], dtype=object)
    frame = table({
        "NOMOR_SPRIN": rows["order_number"].to_numpy(),
        "TANGGAL_OPERASI": rows["visit_date"].dt.date.to_numpy(dtype=object),
        "KAB_KOTA": spellings.regions(rng, rows["regency"].to_numpy()),
        "KECAMATAN": district,
        "NAMA_LOKASI": rows["site_name"].to_numpy(),
        "NIB": nib,
        "JENIS_LOKASI": rows["site_kind"].to_numpy(),
        "ORANG_ASING_DIPERIKSA": rows["foreigners_checked"].to_numpy(dtype=object),
        "TEMUAN_TANPA_IZIN": rows["findings_no_permit"].to_numpy(dtype=object),
        "TEMUAN_IZIN_TIDAK_SESUAI": rows["findings_permit_mismatch"].to_numpy(dtype=object),
        "TEMUAN_OVERSTAY": rows["findings_overstay"].to_numpy(dtype=object),
        "TINDAKAN": rows["actions_on_spot"].to_numpy(dtype=object),
        "KETERANGAN": rows["remarks"].to_numpy(),
    })
    messiness = {"region_name_variants", "excel_date_cells", "district_name_variants"}
    result = Table(source=SOURCE, path=path, frame=frame, sheet=SHEET, author="TIMPORA",
                   date_columns=["TANGGAL_OPERASI"],
                   number_columns=COUNTS + (["NIB"] if numeric_nib else []),
                   messiness=messiness)
    if numeric_nib:
        messiness.add("numeric_cells_for_identifiers")
    if habit % 2 == 0:
        result.title = ["REKAPITULASI HASIL OPERASI GABUNGAN TIMPORA",
                        f"KANTOR IMIGRASI {office}",
                        f"Keadaan per {day.day} {MONTHS_ID[day.month - 1]} {day.year}", ""]
        messiness.add("xlsx_title_block")
    return result
