"""The NIK (Nomor Induk Kependudukan) of an Indonesian: is it one, and where is its holder from.

A NIK is 16 digits: province (2), regency (2) and district (2) of the first
registration, then the birth date as DDMMYY with 40 added to the day for
women, then a serial of 4. A NIK is taken as valid when it has 16 digits, its
province and regency codes are real (``reference/regions.csv``), its six
date digits are a calendar date, and that date and the sex it encodes agree
with the row's birth date and sex where those are known. A valid NIK gives
the holder's regency of origin (``32.12``) and, where the district exists in
``reference/districts.csv``, the district (``32.12.01``).

Everything here works on whole columns (pandas string kernels and hash
lookups), never a Python loop over rows: the passport feed alone has some
400,000 rows a month nationally.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from pantau.normalise.regions import region_index
from pantau.normalise.result import Normalised
from pantau.normalise.text import squish

FEMALE_DAY_OFFSET = 40  # women's NIKs add 40 to the day of birth


def nik(values: pd.Series) -> Normalised:
    """NIKs as text, separators (spaces, dots, dashes) removed; letters stay for the checks.

    No problem is reported here: whether a NIK is valid depends on the row's
    birth date and sex too, so :func:`check` decides, and an invalid NIK is a
    note (the row falls back to its passport or stated regency), not a parse
    failure.
    """
    out = squish(values).str.replace("[ ./-]", "", regex=True)
    return Normalised.clean(out.mask(out == ""))


@dataclass(frozen=True)
class NikCheck:
    """Per row: whether the NIK is valid (NA when empty) and the codes a valid one gives."""

    valid: pd.Series  # boolean, NA where the NIK is empty
    regency_code: pd.Series  # "32.12" where valid, else NA
    district_code: pd.Series  # "32.12.01" where valid and the district exists, else NA


def _known(codes: pd.Series, known) -> pd.Series:
    """Membership by hash lookup (Arrow's ``isin`` would convert every candidate)."""
    return codes.astype(object).isin(list(known)).astype(bool)


def _ddmmyy(dates: pd.Series) -> pd.Series:
    """A birth-date column (``datetime.date`` objects or NA) as DDMMYY text.

    Each distinct date is formatted once (a century has some 36,500 days),
    then spread back over the rows: pandas' ``strftime`` formats row by row.
    """
    codes, distinct = pd.factorize(dates.astype(object))
    texts = np.array([day.strftime("%d%m%y") for day in distinct] + [None], dtype=object)
    return pd.Series(texts[codes], index=dates.index, dtype="string")  # code -1 (NA): None


def _real_ddmmyy(encoded: pd.Series) -> np.ndarray:
    """Whether each DDMMYY text is a real date, parsing each distinct text once."""
    codes, distinct = pd.factorize(encoded.astype(object))
    real = pd.to_datetime(pd.Series(distinct, dtype="string"), format="%d%m%y",
                          errors="coerce").notna().to_numpy()
    return np.append(real, False)[codes]


def check(niks: pd.Series, birth_dates: pd.Series | None = None,
          sexes: pd.Series | None = None) -> NikCheck:
    """Validate normalised NIKs against the reference and the row's birth date and sex.

    ``birth_dates``: ``datetime.date`` values (NA unknown); ``sexes``: ``L`` /
    ``P`` (NA unknown). An unknown birth date or sex is not held against a NIK.
    """
    index = region_index()
    text = niks.astype("string")
    present = text.notna()
    digits = text.str.fullmatch("[0-9]{16}").fillna(False).astype(bool)
    province = text.str.slice(0, 2)
    regency = province + "." + text.str.slice(2, 4)
    district = regency + "." + text.str.slice(4, 6)
    places = digits & _known(province, index.provinces) & _known(regency, index.regencies)

    coded_day = pd.to_numeric(text.str.slice(6, 8).where(digits), errors="coerce")
    female = coded_day > FEMALE_DAY_OFFSET
    day = coded_day.where(~female, coded_day - FEMALE_DAY_OFFSET)
    day_text = day.astype("Int64").astype("string").str.zfill(2)
    encoded = day_text + text.str.slice(8, 12)  # DDMMYY with the women's offset removed
    # %y reads 00-68 as 20xx and 69-99 as 19xx; only 29 February of a year 00
    # depends on the century, and 2000 was a leap year, so the date is real.
    real_date = _real_ddmmyy(encoded)

    consistent = pd.Series(True, index=text.index)
    if birth_dates is not None:
        born = _ddmmyy(birth_dates)
        consistent &= (born.isna() | (born == encoded)).fillna(False).astype(bool)
    if sexes is not None:
        sex = sexes.astype("string")
        matches = ((sex == "P") == female).astype("boolean")
        consistent &= (sex.isna() | matches).fillna(False).astype(bool)

    valid_rows = places & real_date & consistent
    valid = pd.Series(valid_rows, index=text.index, dtype="boolean").mask(~present)
    regency_code = regency.where(valid_rows)
    district_code = district.where(valid_rows & _known(district, index.districts))
    return NikCheck(valid, regency_code.astype("string"), district_code.astype("string"))
