"""Region names and split SIAK codes to Kemendagri regency codes (``xx.xx``).

The reference is Kepmendagri 300.2.2-2138/2025 (``reference/regions.csv``:
38 provinces, 514 regencies/cities) and its districts. Names arrive as
"KAB. KAPUAS", "Kabupaten Kapuas", "KOTA PALANGKA RAYA" or "Palangkaraya":
the comparison key drops the kind prefix, punctuation and spaces. Where a bare
name is shared (Bekasi is both a regency and a city, Banjar exists in two
provinces) the file's own province decides if it can; otherwise the value is
reported as ambiguous rather than guessed.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import cache

import pandas as pd

from pantau.config import REFERENCE_DIR
from pantau.normalise.result import Normalised, map_distinct
from pantau.normalise.text import ascii_key, squish

UNKNOWN = "unknown_region"
AMBIGUOUS = "ambiguous_region"

# Longest first: "KOTA ADMINISTRASI" before "KOTA".
_KIND_PREFIXES = (
    ("KABUPATEN ADMINISTRASI ", "kab"),
    ("KOTA ADMINISTRASI ", "kota"),
    ("KAB ADM ", "kab"),
    ("KOTA ADM ", "kota"),
    ("KABUPATEN ", "kab"),
    ("KOTAMADYA ", "kota"),
    ("KODYA ", "kota"),
    ("KAB ", "kab"),
    ("KOTA ", "kota"),
)
_ABBREVIATIONS = {"KEP": "KEPULAUAN", "KEPL": "KEPULAUAN", "KEPUL": "KEPULAUAN"}
_CODE = re.compile(r"^(\d{2})\s*[.\-]?\s*(\d{2})$")


def split_kind(value: str) -> tuple[str | None, str]:
    """('kab' | 'kota' | None, compact name key) for a regency name as written."""
    text = ascii_key(value) + " "
    kind = None
    for prefix, prefix_kind in _KIND_PREFIXES:
        if text.startswith(prefix):
            kind, text = prefix_kind, text[len(prefix):]
            break
    words = [_ABBREVIATIONS.get(word, word) for word in text.split()]
    return kind, "".join(words)


@dataclass(frozen=True)
class Region:
    code: str
    level: str
    parent_code: str
    name: str
    population_2025: int | None
    area_km2: float | None  # missing for a few regions in the reference


@dataclass
class RegionIndex:
    """Lookup tables built once from the Kemendagri reference."""

    regencies: dict[str, Region] = field(default_factory=dict)
    provinces: dict[str, Region] = field(default_factory=dict)
    districts: set[str] = field(default_factory=set)
    by_kind_name: dict[tuple[str | None, str], list[str]] = field(
        default_factory=lambda: defaultdict(list)
    )
    by_name: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def resolve(self, value: str, province: str | None = None) -> str:
        """A regency code, or the problem code UNKNOWN / AMBIGUOUS."""
        if match := _CODE.match(value.strip()):
            code = f"{match.group(1)}.{match.group(2)}"
            return code if code in self.regencies else UNKNOWN
        kind, name = split_kind(value)
        if not name:
            return UNKNOWN
        candidates = self.by_kind_name.get((kind, name)) if kind else self.by_name.get(name)
        if not candidates and kind:
            # "Kota Bintan" for the regency: the kind was wrong, the name unique.
            candidates = self.by_name.get(name)
            if candidates and len(candidates) > 1:
                return AMBIGUOUS
        if not candidates:
            return UNKNOWN
        if len(candidates) > 1 and province:
            local = [code for code in candidates if code.startswith(f"{province}.")]
            candidates = local or candidates
        return candidates[0] if len(candidates) == 1 else AMBIGUOUS


@cache
def region_index() -> RegionIndex:
    index = RegionIndex()
    with (REFERENCE_DIR / "regions.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            region = Region(
                code=row["code"],
                level=row["level"],
                parent_code=row["parent_code"],
                name=row["name"],
                population_2025=int(row["population_2025"]) if row["population_2025"] else None,
                area_km2=float(row["area_km2"]) if row["area_km2"] else None,
            )
            if region.level == "province":
                index.provinces[region.code] = region
                continue
            index.regencies[region.code] = region
            kind, name = split_kind(region.name)
            index.by_kind_name[(kind, name)].append(region.code)
            index.by_name[name].append(region.code)
    with (REFERENCE_DIR / "districts.csv").open(encoding="utf-8") as handle:
        index.districts = {row["code"] for row in csv.DictReader(handle)}
    return index


def _split_outcome(resolved: pd.Series) -> Normalised:
    problem = resolved.where(resolved.isin([UNKNOWN, AMBIGUOUS]))
    return Normalised(resolved.mask(problem.notna()), problem.astype("string"))


def regencies(values: pd.Series, province: str | None = None) -> Normalised:
    """Regency/city names (or ``xx.xx`` codes) to codes; ``province`` breaks ties."""
    index = region_index()
    return _split_outcome(map_distinct(squish(values), lambda v: index.resolve(v, province)))


def siak_codes(
    province: pd.Series, regency: pd.Series, district: pd.Series | None = None
) -> tuple[Normalised, pd.Series]:
    """SIAK's split numbers (62, 3, 1) to a regency code (62.03) and district (62.03.01).

    Returns the regency result (problem ``unknown_region`` when the pair is not
    in the reference) and the district codes (NA when absent or unknown).
    """
    index = region_index()

    def two_digits(part: pd.Series) -> pd.Series:
        number = pd.to_numeric(squish(part), errors="coerce")
        valid = number.notna() & (number % 1 == 0) & (number >= 0) & (number < 100)
        return number.where(valid).astype("Int64").astype("string").str.zfill(2)

    prop, kab = two_digits(province), two_digits(regency)
    code = prop + "." + kab
    known = _member(code, index.regencies)
    given = squish(province).notna() | squish(regency).notna()
    result = Normalised.flag(code.where(known), given & ~known, UNKNOWN)
    if district is None:
        return result, pd.Series(pd.NA, index=code.index, dtype="string")
    district_code = code + "." + two_digits(district)
    return result, district_code.where(_member(district_code, index.districts))


def _member(values: pd.Series, known: Collection[str]) -> pd.Series:
    """Membership by hash lookup: Arrow's ``isin`` converts every candidate (thousands)."""
    return values.astype(object).isin(list(known)).astype(bool)


_DISTRICT_PREFIX = re.compile(r"^(KECAMATAN|KEC)\b\.?\s*", re.IGNORECASE)


def district_key(name: str) -> str:
    """The comparison key of a district name: "Kec. Pahandut" and "PAHANDUT" alike."""
    return ascii_key(_DISTRICT_PREFIX.sub("", name.strip()))


@cache
def _districts_by_name() -> dict[tuple[str, str], str | None]:
    """(regency code, name key) -> district code; None where two districts share the key."""
    out: dict[tuple[str, str], str | None] = {}
    with (REFERENCE_DIR / "districts.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            key = (row["regency_code"], district_key(row["name"]))
            out[key] = None if key in out else row["code"]
    return out


def district_codes(regency_codes: pd.Series, names: pd.Series) -> pd.Series:
    """Kemendagri district codes of district ``names`` within their row's regency.

    NA where the name or the regency is empty, or the name names no district
    (or two) of that regency.
    """
    known = _districts_by_name()
    pairs = pd.DataFrame({"regency": regency_codes.astype("string").to_numpy(),
                          "name": squish(names.astype("string")).to_numpy()})
    distinct = pairs.dropna().drop_duplicates()
    distinct["code"] = [known.get((r, district_key(n)))  # each distinct pair once
                        for r, n in zip(distinct["regency"], distinct["name"], strict=True)]
    codes = pairs.merge(distinct, on=["regency", "name"], how="left")["code"]
    return pd.Series(codes.to_numpy(), index=names.index, dtype="string")
