"""Nationality and country to ISO 3166-1 alpha-3, whatever the agency wrote.

Agencies write ISO alpha-3 (CHN), alpha-2 (CN), Indonesian names (TIONGKOK,
REPUBLIK RAKYAT TIONGKOK, RRT) or English names (CHINA). pycountry supplies
the codes and English names; ``reference/country_aliases.csv`` the Indonesian
and common names it lacks. Matching is exact on a normalised key (upper case,
accents and punctuation removed): a guess would link the wrong people.
The destinations and origins of Indonesian migrant workers (ARAB SAUDI,
HONGKONG, KAMBOJA, UNI EMIRAT ARAB …) use the same resolver and aliases.
"""

from __future__ import annotations

import csv
from functools import cache

import pandas as pd
import pycountry

from pantau.config import REFERENCE_DIR
from pantau.normalise.result import Normalised, map_distinct
from pantau.normalise.text import ascii_key, squish


@cache
def country_index() -> dict[str, str]:
    """Every known spelling's key -> alpha-3."""
    index: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("alpha_2", "alpha_3", "name", "official_name", "common_name"):
            if spelling := getattr(country, attr, None):
                index.setdefault(ascii_key(spelling), country.alpha_3)
    with (REFERENCE_DIR / "country_aliases.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            # Aliases win over pycountry: "AS" is Amerika Serikat here, not American Samoa.
            index[ascii_key(row["alias"])] = row["alpha_3"]
    return index


def resolve_country(value: str) -> str | None:
    """Alpha-3 for one spelling, or None when it is not a known country."""
    return country_index().get(ascii_key(value))


UNKNOWN_COUNTRY = "unknown_country"


def nationalities(values: pd.Series) -> Normalised:
    raw = squish(values)
    out = map_distinct(raw, resolve_country)
    return Normalised.flag(out, raw.notna() & out.isna(), "unknown_nationality")


def countries(values: pd.Series) -> Normalised:
    """A destination or origin country (the PMI exports): the nationalities' resolver."""
    raw = squish(values)
    out = map_distinct(raw, resolve_country)
    return Normalised.flag(out, raw.notna() & out.isna(), UNKNOWN_COUNTRY)


@cache
def indonesian_names() -> dict[str, str]:
    """alpha-3 -> the country's Indonesian name (the first Indonesian alias), for reports."""
    names: dict[str, str] = {}
    with (REFERENCE_DIR / "country_aliases.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["note"].startswith("Indonesian"):
                names.setdefault(row["alpha_3"], row["alias"].title())
    return names
