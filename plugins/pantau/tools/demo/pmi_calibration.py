"""Sizes and shapes of the PMI exports, from published figures (orders of magnitude).

Sources, as reported by the agencies and the national press:

- placements: BP2MI/KP2MI yearly data, 2023-2024: about 297,000 PMI placed a year
  (274,965 in 2023, 297,434 in 2024); P TO P (through a licensed agency, P3MI)
  about 80% of them; informal work (domestic workers, caregivers) about half,
  mostly women; the origin provinces Jawa Timur, Jawa Tengah, Jawa Barat, NTB and
  Lampung about 89% together, led by regencies such as Indramayu, Cirebon,
  Cilacap, Ponorogo, Blitar, Lombok Timur and Lombok Tengah; destinations Hong
  Kong, Taiwan and Malaysia first, then Japan, Singapore and South Korea;
- passports: Ditjen Imigrasi, about five million ordinary passports a year;
  a few thousand applications withheld (DITUNDA/DITOLAK) a year for indication of
  non-procedural work abroad, and several thousand departures postponed a year at
  Soekarno-Hatta, Batam, Dumai, Karimun, Entikong and Ngurah Rai; Cambodia and
  Thailand prominent among the non-procedural destinations (online-scam cases);
- returnees: BP2MI/KP2MI, about 15,000 deported and repatriated Indonesians a
  year, most from Malaysia, received at Nunukan, Tanjungpinang, Batam and Dumai.

The demo scope (62, 19, 14) holds small provinces: every flow is scaled by
population (``reference/regions.csv``, 2025) and the province weights below;
the rules' cases are planted on top (``pmi_model.PLANTED``) so that each of
them occurs several times in any scope.
"""

from __future__ import annotations

import numpy as np

from pantau.normalise.regions import region_index

NATIONAL_PLACEMENTS_PER_YEAR = 297_000
NATIONAL_PASSPORTS_PER_YEAR = 5_000_000
NATIONAL_WITHHELD_PMI_PER_YEAR = 4_000
NATIONAL_POSTPONEMENTS_PER_YEAR = 7_000
NATIONAL_RETURNEES_PER_YEAR = 15_000

# Share of all placements by origin province; the rest follows population.
PLACEMENT_PROVINCE_SHARE = {"35": 0.33, "33": 0.22, "32": 0.19, "52": 0.10, "18": 0.05}
# Regencies known for sending workers count this many times their population.
SENDING_REGENCY_FACTOR = 4.0
SENDING_REGENCIES = ("32.12", "32.09", "33.01", "35.02", "35.05", "52.03", "52.02")

# Passports per head by province: Jakarta, Bali and Kepulauan Riau travel most,
# the sending provinces more than the average, the others less. Normalised so
# the nation makes NATIONAL_PASSPORTS_PER_YEAR.
PASSPORT_PROVINCE_FACTOR = {"31": 3.0, "51": 2.5, "21": 2.5, "35": 1.2, "33": 1.2, "32": 1.2,
                            "52": 1.2, "36": 1.2, "18": 1.0}
PASSPORT_OTHER_FACTOR = 0.25
# Border provinces send more of the non-procedural flows (postponements, returnees).
BORDER_PROVINCE_FACTOR = {"14": 2.0, "21": 3.0, "61": 2.5, "65": 3.0, "19": 1.5}

SCHEME_SHARE = {"P TO P": 0.80, "G TO G": 0.05, "G TO P": 0.03, "UKPS": 0.02,
                "PERSEORANGAN": 0.10}
INFORMAL_SHARE = 0.50
INFORMAL_FEMALE_SHARE = 0.92
FORMAL_FEMALE_SHARE = 0.40
# Destinations of placements (alpha-3) by sector.
FORMAL_DESTINATIONS = {"TWN": 0.22, "MYS": 0.25, "JPN": 0.15, "KOR": 0.12, "HKG": 0.04,
                       "SGP": 0.04, "SAU": 0.06, "BRN": 0.03, "POL": 0.03, "DEU": 0.02,
                       "TUR": 0.02, "ARE": 0.02}
INFORMAL_DESTINATIONS = {"HKG": 0.42, "TWN": 0.32, "MYS": 0.12, "SGP": 0.10, "BRN": 0.03,
                         "SAU": 0.01}  # SAU: the moratorium's few (PMI_CLOSED_DESTINATION)
FORMAL_JOBS = ("OPERATOR PRODUKSI", "PEKERJA PERKEBUNAN", "PERAWAT", "BURUH BANGUNAN",
               "ABK PERIKANAN", "PEKERJA PABRIK", "CARETAKER PANTI", "TEKNISI", "PELAYAN RESTORAN")
INFORMAL_JOBS = ("PENATA LAKSANA RUMAH TANGGA", "PENGASUH LANSIA", "PENGASUH ANAK",
                 "DOMESTIC WORKER", "CAREGIVER")
AGENCIES = ("PT AMANAH KARYA MANDIRI", "PT BINA TENAGA INDONESIA", "PT SINAR JAYA ABADI",
            "PT MITRA SEJAHTERA BERSAMA", "PT CITRA KARYA UTAMA", "PT DUTA PUTRA GLOBAL",
            "PT GRAHA INSAN MAKMUR", "PT KARYA BAKTI NUSANTARA")

PURPOSE_SHARE = {"WISATA": 0.58, "UMROH": 0.17, "HAJI": 0.02, "KUNJUNGAN KELUARGA": 0.06,
                 "BEKERJA": 0.06, "BELAJAR": 0.03, "BISNIS": 0.04, "BEROBAT": 0.03,
                 "LAINNYA": 0.01}
TRAVEL_DESTINATIONS = {"MYS": 0.22, "SGP": 0.18, "SAU": 0.17, "THA": 0.08, "JPN": 0.07,
                       "KOR": 0.05, "CHN": 0.05, "AUS": 0.04, "HKG": 0.03, "TUR": 0.03,
                       "TWN": 0.03, "ARE": 0.02, "VNM": 0.02, "NLD": 0.01}
# Of the passport applications: those not issued at once.
APPLICATION_OUTCOMES = {"DOKUMEN TIDAK LENGKAP": 0.012, "DATA TIDAK SESUAI": 0.004,
                        "PERMOHONAN GANDA": 0.003}
LATER_ISSUED_SHARE = 0.6  # of the incomplete files: issued in a second decision

POSTPONEMENT_REASON_SHARE = {"INDIKASI PMI NON PROSEDURAL": 0.62, "INDIKASI TPPO": 0.10,
                             "DOKUMEN TIDAK SAH": 0.13, "LAINNYA": 0.15}
NON_PROCEDURAL_DESTINATIONS = {"MYS": 0.33, "KHM": 0.16, "THA": 0.12, "SAU": 0.10, "SGP": 0.06,
                               "MMR": 0.04, "ARE": 0.04, "HKG": 0.04, "TWN": 0.04, "LAO": 0.03,
                               "TUR": 0.02, "QAT": 0.02}
HANDED_TO_SHARE = {"BP3MI": 0.55, "KELUARGA": 0.25, "POLRI": 0.08, "DIPULANGKAN": 0.12}
# Where a province's emigrants pass (checkpoint or post token -> weight); the
# scope's own places come first where it has them.
CHECKPOINT_WEIGHTS = {"SOEKARNOHATTA": 0.40, "BATAMCENTER": 0.25, "KARIMUN": 0.08,
                      "ENTIKONG": 0.08, "NGURAHRAI": 0.07, "DUMAI": 0.0, "PANGKALBALAM": 0.0}
LOCAL_CHECKPOINT_SHARE = {"14": ("DUMAI", 0.45), "19": ("PANGKALBALAM", 0.25)}
POST_WEIGHTS = {"NUNUKAN": 0.32, "TANJUNGPINANG": 0.24, "BATAM": 0.22, "ENTIKONG": 0.10,
                "SOEKARNOHATTA": 0.12, "DUMAI": 0.0}
LOCAL_POST_SHARE = {"14": ("DUMAI", 0.55)}
RETURNEE_COUNTRIES = {"MYS": 0.78, "SAU": 0.05, "SGP": 0.03, "KHM": 0.04, "THA": 0.02,
                      "BRN": 0.02, "TWN": 0.02, "HKG": 0.01, "MMR": 0.01, "ARE": 0.01,
                      "PHL": 0.01}
CASE_SHARE = {"TANPA DOKUMEN": 0.42, "OVERSTAY": 0.22, "PENYALAHGUNAAN IZIN TINGGAL": 0.12,
              "PIDANA": 0.05, "NARKOTIKA": 0.03, "SAKIT": 0.08, "MENINGGAL": 0.03,
              "LAINNYA": 0.05}
RETURNEE_WITH_PLACEMENT = 0.35  # of the returnees: once placed the procedural way
REPEAT_RETURNEE = 0.05  # of the returnees: deported twice in the window's two years
# Passport applications are by far the largest export (five million a year nationally,
# some ten million rows in the 24-month first deliveries), and most are holiday
# passports no rule looks at: above this many a year the applications are sampled, the
# same share everywhere (the manifest says which share), so the demo provinces' feed
# stays the size of the other exports and the tests that ingest it stay quick. The
# planted rule cases are never sampled.
PASSPORT_SAMPLE_ABOVE_PER_YEAR = 12_000
PASSPORT_OFFICE_ELSEWHERE = 0.12  # applications at a national office, not the home one


def _population(codes: list[str]) -> np.ndarray:
    index = region_index()
    return np.array([index.regencies[c].population_2025 or 0 for c in codes], float)


def yearly_counts(codes: list[str]) -> dict[str, np.ndarray]:
    """Each regency's yearly volume of every flow (national totals spread by weight)."""
    index = region_index()
    every = list(index.regencies)
    population = _population(every)
    province = np.array([c[:2] for c in every])
    placed = np.zeros(len(every))
    top = np.isin(province, list(PLACEMENT_PROVINCE_SHARE))
    boost = np.where(np.isin(every, SENDING_REGENCIES), SENDING_REGENCY_FACTOR, 1.0)
    for code, share in PLACEMENT_PROVINCE_SHARE.items():
        here = province == code
        weight = population[here] * boost[here]
        placed[here] = share * weight / weight.sum()
    rest = 1.0 - sum(PLACEMENT_PROVINCE_SHARE.values())
    placed[~top] = rest * population[~top] / population[~top].sum()
    travel = population * np.array([PASSPORT_PROVINCE_FACTOR.get(p, PASSPORT_OTHER_FACTOR)
                                    for p in province])
    border = population * np.array([BORDER_PROVINCE_FACTOR.get(p, 1.0) for p in province])
    shares = {"placements": placed, "passports": travel / travel.sum(),
              "withheld": border / border.sum(), "postponements": border / border.sum(),
              "returnees": border / border.sum()}
    totals = {"placements": NATIONAL_PLACEMENTS_PER_YEAR,
              "passports": NATIONAL_PASSPORTS_PER_YEAR,
              "withheld": NATIONAL_WITHHELD_PMI_PER_YEAR,
              "postponements": NATIONAL_POSTPONEMENTS_PER_YEAR,
              "returnees": NATIONAL_RETURNEES_PER_YEAR}
    position = {c: i for i, c in enumerate(every)}
    at = np.array([position[c] for c in codes], dtype=np.int64)
    return {flow: totals[flow] * shares[flow][at] for flow in shares}
