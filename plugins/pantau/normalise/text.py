"""Free text and code values: trim, collapse inner whitespace, empty means NA."""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

from pantau.normalise.result import Normalised

# Whitespace spelled out as characters, not as \s: pandas hands such patterns to
# pyarrow's RE2 kernels, while \s, \d and look-arounds fall back to Python's re
# one value at a time.
WHITESPACE = "[ \t\n\r\x0b\x0c\xa0\u2007\u202f]+"


def squish(values: pd.Series) -> pd.Series:
    """Trim and collapse runs of whitespace (including non-breaking spaces); '' -> NA."""
    out = values.astype("string").str.replace(WHITESPACE, " ", regex=True).str.strip()
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
    out = squish(values).str.upper()
    for _ in range(2):  # twice: matches overlap in A_B_C
        out = out.str.replace(r"([A-Z])[_-]([A-Z])", r"\1 \2", regex=True)
    return Normalised.clean(out)


def compact_code(values: pd.Series) -> Normalised:
    """Codes written without spaces (visa index E 23 -> E23)."""
    out = squish(values).str.upper().str.replace("[ .-]", "", regex=True)
    return Normalised.clean(out.mask(out == ""))


def ascii_key(value: str) -> str:
    """Comparison key for names from a reference: ASCII upper case, no punctuation.

    "Côte d'Ivoire" and "COTE D IVOIRE", "Kab. Toli-Toli" and "KAB TOLI TOLI"
    get the same key.
    """
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^A-Z0-9 ]+", " ", ascii_text.upper()).split())
