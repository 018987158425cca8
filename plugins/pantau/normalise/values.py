"""Value sets of the PMI exports: the field's spellings to one canonical value each.

``reference/value_spellings.csv`` lists, per value set (``field``), every
spelling seen in the field and the canonical value it stands for ("P2P",
"PTOP" and "P-to-P" are the scheme ``P TO P``; "UMRAH" the purpose
``UMROH``). Spellings compare on a normalised key (upper case, punctuation
and extra spaces removed), so "Ind. PMI non prosedural" finds its row. A
value that is no known spelling stays as written, upper-cased and squished:
the quality gate holds its row (``<x>_known``) rather than Pantau guessing.
The file is reviewed reference data: a new spelling is a new line there.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from functools import cache

import pandas as pd

from pantau.config import REFERENCE_DIR
from pantau.normalise.result import Normalised, map_distinct
from pantau.normalise.text import ascii_key


@cache
def value_sets() -> dict[str, dict[str, str]]:
    """Per value set: spelling key -> canonical value."""
    sets: dict[str, dict[str, str]] = defaultdict(dict)
    with (REFERENCE_DIR / "value_spellings.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            sets[row["field"]][ascii_key(row["spelling"])] = row["canonical"]
    return dict(sets)


def canonical_values(value_set: str) -> tuple[str, ...]:
    """The canonical values of one set, sorted (what the quality gate accepts)."""
    return tuple(sorted(set(value_sets()[value_set].values())))


def canonicalise(codes: pd.Series, value_set: str) -> Normalised:
    """``codes`` (already upper-cased and squished) with known spellings made canonical."""
    spellings = value_sets()[value_set]
    out = map_distinct(codes, lambda code: spellings.get(ascii_key(code), code))
    return Normalised.clean(out)
