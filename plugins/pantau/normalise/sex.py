"""Sex codes: L/P (Indonesian), M/F (English), 1/2 (SIAK) to L or P."""

from __future__ import annotations

import pandas as pd

from pantau.normalise.result import Normalised
from pantau.normalise.text import squish

_CODES = {
    "L": "L", "LAKI-LAKI": "L", "LAKI LAKI": "L", "M": "L", "MALE": "L", "1": "L",
    "P": "P", "PEREMPUAN": "P", "WANITA": "P", "F": "P", "FEMALE": "P", "2": "P",
}


def sex(values: pd.Series) -> Normalised:
    raw = squish(values).str.upper()
    out = raw.map(_CODES).astype("string")
    return Normalised.flag(out, raw.notna() & out.isna(), "invalid_sex_code")
