"""Counts and money amounts from text or Excel numbers."""

from __future__ import annotations

import pandas as pd

from pantau.normalise.result import Normalised
from pantau.normalise.text import squish

# 1.234.567,89 (Indonesian) and 1,234,567.89 (English) thousands grouping.
_ID_GROUPED = r"^[0-9]{1,3}(\.[0-9]{3})+(,[0-9]+)?$"
_EN_GROUPED = r"^[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?$"
_INT_MAX = 2**31 - 1
_AMOUNT_LIMIT = 10**12  # numeric(14,2)


def integers(values: pd.Series) -> Normalised:
    """Whole numbers ("12", "12.0" from Excel); anything else is ``not_an_integer``."""
    raw = squish(values)
    number = pd.to_numeric(raw, errors="coerce")
    # PostgreSQL integer range: a larger "count" is a data error, not a count.
    whole = number.notna() & (number % 1 == 0) & (number.abs() <= _INT_MAX)
    out = number.where(whole).astype("Int64")
    return Normalised.flag(out, raw.notna() & ~whole, "not_an_integer")


def amounts(values: pd.Series) -> Normalised:
    """Money amounts with optional currency text and either grouping convention."""
    raw = squish(values)
    text = raw.str.upper().str.replace(r"USD|US\$|\$|RP\.?| ", "", regex=True)
    indonesian = text.str.match(_ID_GROUPED).fillna(False).astype(bool)
    english = text.str.match(_EN_GROUPED).fillna(False).astype(bool)
    text = text.mask(indonesian, text.str.replace(".", "", regex=False).str.replace(",", "."))
    text = text.mask(english, text.str.replace(",", "", regex=False))
    # A lone decimal comma: "1500,50".
    text = text.str.replace(r"^([0-9]+),([0-9]{1,2})$", r"\1.\2", regex=True)
    number = pd.to_numeric(text, errors="coerce")
    number = number.where(number.abs() < _AMOUNT_LIMIT)
    return Normalised.flag(number.round(2), raw.notna() & number.isna(), "not_an_amount")
