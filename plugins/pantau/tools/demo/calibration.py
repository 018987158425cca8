"""Sizes and shapes of the synthetic exports, from published figures.

Source: ``reference/CALIBRATION.md`` (Kemnaker, BPS and immigration figures as
reported in the national press). They are orders of magnitude, not truths:
national totals, the nationality mix of foreign workers, and where foreign
workers concentrate (the nickel smelters of Morowali, Konawe and Halmahera,
the Jakarta-Bekasi-Karawang belt, Batam and Bintan, Banten's steel and
petrochemicals, Bali's hospitality).
"""

from __future__ import annotations

import numpy as np

from pantau.normalise.regions import region_index

# National total (CALIBRATION.md): TKA 168,048 in 2023. The other permit kinds
# are sized in vocab.PERMIT_KINDS (≈420k valid stay permits of all kinds with
# the workers); registrations follow the ITAS/ITAP holders (≈250k+).
NATIONAL_TKA_POSITIONS = 170_000

# Foreign workers by nationality, 2023 (BPS compilation): China 82,623,
# Japan 15,961, South Korea 15,660 of 168,048; the rest spread over the other
# frequent nationalities CALIBRATION.md lists; what the shares leave (about 1%)
# goes to other nationalities.
TKA_NATIONALITY_SHARE = {
    "CHN": 0.49, "JPN": 0.095, "KOR": 0.093, "IND": 0.06, "MYS": 0.05, "PHL": 0.04,
    "USA": 0.025, "AUS": 0.02, "TWN": 0.02, "SGP": 0.015, "GBR": 0.015, "VNM": 0.012,
    "THA": 0.01, "DEU": 0.008, "FRA": 0.007, "NLD": 0.006, "RUS": 0.005, "TUR": 0.005,
    "BGD": 0.005, "PAK": 0.005,
}

# Share of all national TKA positions in each industrial hotspot (the rest is
# spread by population). Central Sulawesi and DKI Jakarta each held about 10%
# in Nov 2022.
TKA_HOTSPOT_SHARE = {
    "72.06": 0.080,  # Kabupaten Morowali: IMIP nickel park
    "72.12": 0.010,  # Kabupaten Morowali Utara
    "74.02": 0.030,  # Kabupaten Konawe: VDNI smelters
    "82.02": 0.050,  # Kabupaten Halmahera Tengah: IWIP Weda Bay
    "82.04": 0.020,  # Kabupaten Halmahera Selatan: Obi
    "31.71": 0.030, "31.72": 0.020, "31.73": 0.020, "31.74": 0.030, "31.75": 0.010,  # Jakarta
    "32.16": 0.040,  # Kabupaten Bekasi
    "32.75": 0.010,  # Kota Bekasi
    "32.15": 0.030,  # Kabupaten Karawang
    "32.14": 0.010,  # Kabupaten Purwakarta
    "21.71": 0.040,  # Kota Batam
    "21.01": 0.015,  # Kabupaten Bintan: Galang Batang
    "36.03": 0.020, "36.71": 0.010, "36.74": 0.010,  # Tangerang
    "36.72": 0.015,  # Kota Cilegon
    "36.04": 0.010,  # Kabupaten Serang
    "35.78": 0.015,  # Kota Surabaya
    "73.03": 0.010,  # Kabupaten Bantaeng: smelters
    "51.03": 0.015,  # Kabupaten Badung
}

# Outside the hotspots foreign workers follow population, concentrated in
# cities and large regencies: weight = population ** POPULATION_EXPONENT, and a
# "Kota" counts CITY_FACTOR times. 1.6 puts Kabupaten Kapuas at about 60 TKA
# (the seed article counted 29 in 2025: same order) and keeps Kabupaten Bogor
# below the smelter regencies.
CITY_FACTOR = 3.0
POPULATION_EXPONENT = 1.6


def tka_weights(codes: list[str]) -> np.ndarray:
    """Each regency's share of the national TKA positions (sums to 1 nationally)."""
    index = region_index()
    all_codes = list(index.regencies)
    population = np.array([index.regencies[c].population_2025 or 0 for c in all_codes], float)
    is_city = np.array([index.regencies[c].name.startswith("Kota") for c in all_codes])
    spread = population**POPULATION_EXPONENT * np.where(is_city, CITY_FACTOR, 1.0)
    hotspot = np.array([TKA_HOTSPOT_SHARE.get(c, 0.0) for c in all_codes])
    spread[hotspot > 0] = 0.0
    weights = hotspot + (1.0 - hotspot.sum()) * spread / spread.sum()
    share = dict(zip(all_codes, weights, strict=True))
    return np.array([share[c] for c in codes])

# Foreigners who are not workers (family, retirees, students, visitors): the
# tourist markets lead (Australia, China, Malaysia, Singapore, India, the US,
# Europe, Russia). Family members take their worker's nationality instead.
NON_WORKER_NATIONALITY_SHARE = {
    "AUS": 0.15, "CHN": 0.12, "MYS": 0.08, "SGP": 0.05, "IND": 0.06, "USA": 0.07,
    "GBR": 0.06, "JPN": 0.05, "KOR": 0.05, "FRA": 0.04, "DEU": 0.05, "NLD": 0.04,
    "RUS": 0.05, "PHL": 0.02, "TWN": 0.02, "ITA": 0.02, "ESP": 0.01, "CAN": 0.02,
    "NZL": 0.01, "VNM": 0.01,
}
# What the shares leave goes to these, evenly.
OTHER_NATIONALITIES = ("BRA", "TUR", "THA", "MEX", "ARG", "POL", "SWE", "CHE")
