"""Rows made invalid on purpose, each with the reason it must be quarantined.

They belong to nobody in the synthetic population (passports start with
``Q0``, a shape no nationality uses here), so the truth about real people does
not depend on them: the quality gate must set them aside, and
``truth/quarantine.csv`` says which rows and why.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

RATE = 0.002  # invalid rows per valid row, plus a small chance in any file
BASE = 0.3
REASONS = {
    "INVALID_DATE": "date that does not exist on the calendar",
    "UNKNOWN_NATIONALITY": "nationality that is no known country",
    "EXPIRY_BEFORE_ISSUE": "expiry date before the issue date",
    "UNKNOWN_REGION": "regency name that is no Kemendagri regency",
    "END_BEFORE_START": "RPTKA period ends before it starts",
    "INVALID_NIB": "NIB that is not 13 digits",
    "INVALID_NIK": "NIK that is not 16 digits",
}
# source -> (reason, column) choices
CHOICES = {
    "imigrasi_izin_tinggal": (("INVALID_DATE", "TGL_TERBIT"), ("INVALID_DATE", "TANGGAL_LAHIR"),
                              ("UNKNOWN_NATIONALITY", "KEWARGANEGARAAN"),
                              ("EXPIRY_BEFORE_ISSUE", "TGL_HABIS"),
                              ("UNKNOWN_REGION", "KAB_KOTA")),
    "imigrasi_tindakan": (("INVALID_DATE", "TANGGAL_TINDAKAN"),
                          ("UNKNOWN_NATIONALITY", "KEWARGANEGARAAN")),
    "tenaga_kerja_tka": (("INVALID_DATE", "TGL_MULAI"), ("UNKNOWN_NATIONALITY", "KEWARGANEGARAAN"),
                         ("END_BEFORE_START", "TGL_SELESAI"), ("INVALID_NIB", "NIB")),
    "dukcapil_orang_asing": (("INVALID_NIK", "NIK"), ("UNKNOWN_NATIONALITY", "KEWARGANEGARAAN"),
                             ("EXPIRY_BEFORE_ISSUE", "TGL_BERLAKU"), ("INVALID_DATE", "TGL_LHR")),
}
IMPOSSIBLE_DATES = ("31-02-{y}", "30/02/{y}", "{y}-13-01", "32-01-{y}", "{y}-02-30")
UNKNOWN_COUNTRIES = ("ATLANTIS", "XX", "NEGARA API", "ZZZ")
UNKNOWN_REGIONS = ("KAB. ANTAH BERANTAH", "KOTA ATLANTIS", "KABUPATEN TIDAK ADA")
# The pair of columns whose order a reason breaks: (earlier, later).
PAIRS = {"EXPIRY_BEFORE_ISSUE": {"TGL_HABIS": "TGL_TERBIT", "TGL_BERLAKU": "TGL_TERBIT"},
         "END_BEFORE_START": {"TGL_SELESAI": "TGL_MULAI"}}


@dataclass
class Ghosts:
    frame: pd.DataFrame
    reasons: list[dict]


def _identity(source: str, row: dict, serial: int) -> None:
    """A number no real person holds, so the row links to nobody."""
    passport = f"Q0{serial:07d}"
    if source == "imigrasi_izin_tinggal":
        row.update({"NOMOR_IZIN": f"2C8{serial:06d}-00", "NOMOR_PASPOR": passport})
    elif source == "imigrasi_tindakan":
        row.update({"NOMOR_TINDAKAN": f"IMI.X/TAK/{serial:06d}", "NOMOR_PASPOR": passport})
    elif source == "tenaga_kerja_tka":
        row.update({"NOMOR_PASPOR": passport})
    else:
        nik = str(row["NIK"])
        row.update({"NIK": f"{nik[:12]}0{serial % 1000:03d}", "NO_PASPOR": passport,
                    "NO_IZIN_TINGGAL": f"2C8{serial:06d}-00"})


def ghost_rows(source: str, frame: pd.DataFrame, rng: np.random.Generator,
               date_cell: Callable[[np.datetime64], object]) -> Ghosts:
    count = int(rng.poisson(RATE * len(frame) + BASE)) if len(frame) else 0
    rows, reasons = [], []
    for _ in range(count):
        row = frame.iloc[int(rng.integers(len(frame)))].to_dict()
        _identity(source, row, int(rng.integers(10**6)))
        code, column = CHOICES[source][int(rng.integers(len(CHOICES[source])))]
        year = int(rng.integers(2015, 2026))
        if code == "INVALID_DATE":
            value = IMPOSSIBLE_DATES[int(rng.integers(len(IMPOSSIBLE_DATES)))].format(y=year)
        elif code == "UNKNOWN_NATIONALITY":
            value = UNKNOWN_COUNTRIES[int(rng.integers(len(UNKNOWN_COUNTRIES)))]
        elif code == "UNKNOWN_REGION":
            value = UNKNOWN_REGIONS[int(rng.integers(len(UNKNOWN_REGIONS)))]
        elif code == "INVALID_NIB":
            value = str(int(rng.integers(10**11, 10**12)))  # 12 digits
        elif code == "INVALID_NIK":
            value = str(row["NIK"])[:15] if rng.random() < 0.5 else \
                f"{str(row['NIK'])[:10]}AB{str(row['NIK'])[12:]}"
        else:  # the later date of a pair falls before the earlier one
            earlier = PAIRS[code][column]
            start = np.datetime64(f"{year}-03-01") + np.timedelta64(int(rng.integers(300)), "D")
            row[earlier] = date_cell(start)
            value = date_cell(start - np.timedelta64(int(rng.integers(1, 400)), "D"))
        row[column] = value
        rows.append(row)
        reasons.append({"column": column, "reason_code": code, "reason": REASONS[code],
                        "value": str(value)})
    return Ghosts(pd.DataFrame(rows, columns=frame.columns), reasons)
