"""Identifiers compared across agencies: passports, NIK, NIB, KBLI, permit numbers."""

from __future__ import annotations

import pandas as pd

from pantau.normalise.result import Normalised
from pantau.normalise.text import squish


def passport(values: pd.Series) -> Normalised:
    """Upper-case and drop spaces, dots and dashes (docs/sources.md), so the agencies agree."""
    out = squish(values).str.upper().str.replace("[ .-]", "", regex=True)
    return Normalised.clean(out.mask(out == ""))


def digits(values: pd.Series) -> Normalised:
    """Numeric identifiers kept as text (leading zeros matter): separators removed.

    Excel sometimes stores them as numbers, which the reader already turned into
    integer text. Anything still not a digit string is left for the quality
    gate's regex to reject, with the cleaned value visible to the loader.
    """
    out = squish(values).str.replace("[ ./-]", "", regex=True)
    return Normalised.clean(out.mask(out == ""))


def document_number(values: pd.Series) -> Normalised:
    """Permit and approval numbers: upper case, no inner whitespace."""
    out = squish(values).str.upper().str.replace(" ", "", regex=False)
    return Normalised.clean(out)
