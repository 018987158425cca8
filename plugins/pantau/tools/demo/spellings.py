"""The many ways agencies write one value: nationalities, regions, passports, dates.

Every variant offered here is checked once against the project's own
normalisers, so a variant the pipeline would not understand is never written
by accident; deliberately bad values are made in ``invalid.py`` instead.
"""

from __future__ import annotations

import csv
from functools import cache

import numpy as np
import pandas as pd
import pycountry

from pantau.config import REFERENCE_DIR
from pantau.normalise.countries import resolve_country
from pantau.normalise.regions import region_index
from pantau.tools.demo.offices import place_name

DATE_FORMATS = ("DD-MM-YYYY", "DD/MM/YYYY", "YYYY-MM-DD")


@cache
def nationality_spellings() -> dict[str, tuple[tuple[str, ...], ...]]:
    """alpha-3 -> (ISO alpha-3, alpha-2, Indonesian names, English names) spellings."""
    indonesian: dict[str, list[str]] = {}
    english: dict[str, list[str]] = {}
    with (REFERENCE_DIR / "country_aliases.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            target = indonesian if row["note"].startswith("Indonesian") else english
            target.setdefault(row["alpha_3"], []).append(row["alias"])
    out = {}
    for country in pycountry.countries:
        code = country.alpha_3
        names = [getattr(country, "common_name", None) or country.name]
        candidates = ([code], [country.alpha_2], indonesian.get(code, []),
                      english.get(code, []) + [n.upper() for n in names])
        checked = tuple(tuple(v for v in group if resolve_country(v) == code)
                        for group in candidates)
        out[code] = tuple(group or (code,) for group in checked)
    return out


def nationalities(rng: np.random.Generator, codes: np.ndarray,
                  mix: tuple[float, float, float, float]) -> np.ndarray:
    """Spell each alpha-3 as alpha-3, alpha-2, Indonesian or English, in ``mix`` shares."""
    table = nationality_spellings()
    kind = rng.choice(4, size=len(codes), p=np.array(mix) / sum(mix))
    pick = rng.integers(1 << 30, size=len(codes))
    out = np.empty(len(codes), dtype=object)
    for code in pd.unique(codes):
        at = np.flatnonzero(codes == code)
        groups = table.get(code, ((code,),) * 4)
        for k in range(4):
            here = at[kind[at] == k]
            options = np.array(groups[k], dtype=object)
            out[here] = options[pick[here] % len(options)]
    return out


@cache
def region_spellings(code: str) -> tuple[str, ...]:
    """Ways of writing one regency: 'KAB. KAPUAS', 'Kabupaten Kapuas', 'Palangkaraya' ..."""
    index = region_index()
    name = index.regencies[code].name
    is_city = name.startswith("Kota ")
    place = place_name(name)
    candidates = [name.upper(), name]
    if is_city:
        candidates += [f"KOTA {place.upper()}", place.upper(), place.replace(" ", ""),
                       f"Kota {place.replace(' ', '')}"]
    else:
        candidates += [f"KAB. {place.upper()}", f"Kab. {place}", f"KAB {place.upper()}",
                       place.upper()]
    province = code[:2]
    good = [v for v in dict.fromkeys(candidates)
            if index.resolve(v) == code and index.resolve(v, province) == code]
    return tuple(good) or (name.upper(),)


def regions(rng: np.random.Generator, codes: np.ndarray, plain_share: float = 0.5) -> np.ndarray:
    """Regency names as written: the official upper-case name ``plain_share`` of the time."""
    pick = rng.integers(1 << 30, size=len(codes))
    plain = rng.random(len(codes)) < plain_share
    out = np.empty(len(codes), dtype=object)
    for code in pd.unique(codes):
        at = np.flatnonzero(codes == code)
        options = np.array(region_spellings(code), dtype=object)
        out[at] = np.where(plain[at], options[0], options[pick[at] % len(options)])
    return out


def location_lists(rng: np.random.Generator, lists: np.ndarray) -> np.ndarray:
    """LOKASI_KERJA: one regency, or two separated by ';' (the generator makes no more)."""
    if len(lists) == 0:
        return np.empty(0, dtype=object)
    parts = pd.Series(lists, dtype=object).str.split(";", n=1, expand=True)
    first = regions(rng, parts[0].to_numpy(dtype=object))
    if parts.shape[1] == 1:
        return first
    second_codes = parts[1].to_numpy(dtype=object)
    has_second = pd.notna(second_codes)
    out = first.copy()
    if has_second.any():
        second = regions(rng, second_codes[has_second])
        out[has_second] = first[has_second] + "; " + second
    return out


def passports(rng: np.random.Generator, values: np.ndarray, messy_share: float) -> np.ndarray:
    """Passport numbers with spaces, dashes, dots or lower case, as clerks type them."""
    out = np.array(values, dtype=object)
    style = rng.integers(1, 5, size=len(out))
    messy = np.flatnonzero((rng.random(len(out)) < messy_share) & pd.notna(out))
    for index in messy:  # a small share of rows: plain Python is the fast way
        text = out[index]
        head, mid, rest = text[:2], text[2:5], text[5:]
        out[index] = (f"{head} {mid} {rest}", f"{head}-{text[2:]}", text.lower(),
                      f"{head}.{mid}.{rest}")[style[index] - 1]
    return out


class DateText:
    """Dates to text in the three field formats, by table lookup (fast for millions)."""

    FIRST = np.datetime64("1900-01-01")
    LAST = np.datetime64("2100-12-31")

    def __init__(self) -> None:
        span = np.arange(self.FIRST, self.LAST + np.timedelta64(1, "D"))
        iso = pd.Series(np.datetime_as_string(span, unit="D"))
        year, month, day = iso.str.slice(0, 4), iso.str.slice(5, 7), iso.str.slice(8, 10)
        self.tables = {
            "YYYY-MM-DD": iso.to_numpy(dtype=object),
            "DD-MM-YYYY": (day + "-" + month + "-" + year).to_numpy(dtype=object),
            "DD/MM/YYYY": (day + "/" + month + "/" + year).to_numpy(dtype=object),
        }

    def format(self, days: np.ndarray, fmt: str) -> np.ndarray:
        days = np.asarray(days, dtype="datetime64[D]")
        missing = np.isnat(days)
        offset = (np.where(missing, self.FIRST, days) - self.FIRST).astype(np.int64)
        out = self.tables[fmt][offset]
        out[missing] = None
        return out


@cache
def date_text() -> DateText:
    return DateText()


def company_names(rng: np.random.Generator, values: np.ndarray, messy_share: float) -> np.ndarray:
    """Company names as clerks type them: "X, PT", "PT. X", "P.T. X", "Pt X", lower case.

    Only names that start with "PT " change; the rest (persons, foundations) stay.
    """
    text = pd.Series(values, dtype=object)
    company = text.str.startswith("PT ", na=False).to_numpy()
    messy = company & (rng.random(len(text)) < messy_share)
    if not messy.any():
        return text.to_numpy(dtype=object)
    body = text.str.slice(3)
    variants = np.stack([
        (body + ", PT").to_numpy(dtype=object), ("PT. " + body).to_numpy(dtype=object),
        ("P.T. " + body).to_numpy(dtype=object), ("Pt " + body.str.title()).to_numpy(dtype=object),
        text.str.lower().to_numpy(dtype=object), ("PT " + body + ".").to_numpy(dtype=object),
    ])
    pick = rng.integers(len(variants), size=len(text))
    out = text.to_numpy(dtype=object).copy()
    out[messy] = variants[pick[messy], np.flatnonzero(messy)]
    return out
