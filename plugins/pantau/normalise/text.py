"""Free text and code values: trim, collapse inner whitespace, empty means NA."""

from __future__ import annotations

import pandas as pd

from pantau.normalise.result import Normalised


def squish(values: pd.Series) -> pd.Series:
    """Trim and collapse runs of whitespace (including non-breaking spaces); '' -> NA."""
    out = values.astype("string").str.replace(r"[\s\u00a0]+", " ", regex=True).str.strip()
    return out.mask(out == "")


def text(values: pd.Series) -> Normalised:
    """Names, addresses, titles: kept as written, only whitespace tidied."""
    return Normalised.clean(squish(values))


def code(values: pd.Series) -> Normalised:
    """Enumerated codes (permit type, status, visa index): upper case, tidy spaces.

    Underscores and hyphens between words become spaces, so ``ALIH_STATUS`` and
    ``Alih-Status`` both read ``ALIH STATUS``; whether the code is one of the
    allowed values is checked by the quality gate.
    """
    out = squish(values).str.upper().str.replace(r"(?<=[A-Z])[_\-](?=[A-Z])", " ", regex=True)
    return Normalised.clean(out)


def compact_code(values: pd.Series) -> Normalised:
    """Codes written without spaces (visa index E 23 -> E23)."""
    out = squish(values).str.upper().str.replace(r"[\s.\-]", "", regex=True)
    return Normalised.clean(out.mask(out == ""))
