"""DataFrames whose text columns stay plain Python objects.

pandas 3 stores text as Arrow strings by default; the generator hands text
back and forth to numpy millions of times, where every conversion would copy.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd


def _column(values: object, length: int) -> object:
    if isinstance(values, pd.Series):
        values = values.to_numpy()
    if isinstance(values, str) or values is None:
        return pd.Series(np.full(length, values, dtype=object), dtype=object, copy=False)
    if isinstance(values, list):
        text = bool(values) and isinstance(values[0], str)
        values = np.array(values, dtype=object) if text else np.asarray(values)
    if isinstance(values, np.ndarray) and values.dtype.kind in "OUS":
        return pd.Series(values.astype(object), dtype=object, copy=False)
    return values


def table(columns: Mapping[str, object]) -> pd.DataFrame:
    """A DataFrame from arrays, lists and scalars; text becomes object columns."""
    length = next((len(v) for v in columns.values()
                   if isinstance(v, np.ndarray | list | pd.Series)), 0)
    return pd.DataFrame({name: _column(values, length) for name, values in columns.items()})
