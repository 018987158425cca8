"""What the agencies write: permit kinds by purpose, sectors, positions, actions.

Figures are orders of magnitude from the published statistics in
``reference/CALIBRATION.md``; codes follow the immigration visa index
(Permenkumham 22/2023), KBLI 2020 and KBJI 2014.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache

from pantau.config import REFERENCE_DIR


@dataclass(frozen=True)
class PermitKind:
    """A group of stay-permit holders with one purpose.

    ``national`` is how many hold such a permit on any given day nationally;
    ``spread`` says how they spread over regencies (like foreign workers, like
    tourists, or like the population).
    """

    category: str
    permit_type: str  # ITAS | ITAP | ITK
    visa_index: tuple[str, ...]
    purpose: str
    term_months: tuple[int, ...]
    national: int
    spread: str  # tka | tourism | population


# Foreign workers (category WORKER) come from the TKA positions; their family
# follows them. The rest: about 420k valid permits nationally on a day.
PERMIT_KINDS: tuple[PermitKind, ...] = (
    PermitKind("WORKER", "ITAS", ("E23",), "BEKERJA", (6, 12, 24), 0, "tka"),
    PermitKind("FAMILY", "ITAS", ("E31",), "PENYATUAN KELUARGA", (12, 24), 0, "tka"),
    PermitKind("INVESTOR", "ITAS", ("E28A",), "INVESTASI", (24,), 15_000, "tka"),
    PermitKind("SETTLED", "ITAP", ("E31", "E28A"), "PENYATUAN KELUARGA", (60,), 25_000,
               "population"),
    PermitKind("RETIREE", "ITAS", ("E33E",), "LANSIA", (12,), 6_000, "tourism"),
    PermitKind("SECOND_HOME", "ITAS", ("E33",), "RUMAH KEDUA", (60,), 4_000, "tourism"),
    PermitKind("STUDENT", "ITAS", ("E30",), "STUDI", (12,), 4_000, "population"),
    PermitKind("CLERGY", "ITAS", ("E27",), "ROHANIWAN", (12,), 3_000, "population"),
    PermitKind("VISITOR", "ITK", ("C1", "D1", "C2"), "WISATA", (1, 2), 150_000, "tourism"),
)
KINDS_BY_CATEGORY = {kind.category: kind for kind in PERMIT_KINDS}
FAMILY_PER_WORKER = 0.35
# Visitors' purposes by visa index: C1/D1 tourism, C2 business visits.
VISIT_PURPOSE = {"C1": "WISATA", "D1": "WISATA", "C2": "KUNJUNGAN USAHA"}

# Where foreigners who are not workers concentrate: Bali above all, then the
# capital, Batam and the other tourist regencies (share of the national total).
TOURISM_HOTSPOT_SHARE = {
    "51.03": 0.22, "51.71": 0.07, "51.04": 0.04,  # Badung, Denpasar, Gianyar
    "31.71": 0.05, "31.73": 0.03, "31.74": 0.05,  # Jakarta
    "21.71": 0.05, "21.01": 0.01,  # Batam, Bintan
    "52.01": 0.015, "52.08": 0.015, "53.15": 0.01,  # Lombok, Labuan Bajo
    "34.71": 0.01, "32.73": 0.01,  # Yogyakarta, Bandung
}

# KBLI 2020 sectors of the employers, by the regencies' industries.
SECTORS = {
    "07295": "Pertambangan bijih nikel",
    "24202": "Industri pembuatan logam dasar bukan besi",
    "07291": "Pertambangan bijih timah",
    "24101": "Industri besi dan baja dasar",
    "20119": "Industri kimia dasar organik lainnya",
    "29300": "Industri suku cadang dan aksesori kendaraan bermotor",
    "26120": "Industri komponen elektronika",
    "10431": "Industri minyak mentah kelapa sawit",
    "01262": "Perkebunan buah kelapa sawit",
    "05100": "Pertambangan batu bara",
    "19211": "Industri produk dari hasil kilang minyak bumi",
    "17011": "Industri bubur kertas (pulp)",
    "41012": "Konstruksi gedung perkantoran",
    "42101": "Konstruksi bangunan sipil jalan",
    "46100": "Perdagangan besar atas dasar balas jasa",
    "62019": "Aktivitas pemrograman komputer lainnya",
    "70209": "Aktivitas konsultasi manajemen lainnya",
    "55110": "Hotel bintang",
    "85499": "Pendidikan lainnya",
}
GENERAL_SECTORS = ("41012", "42101", "46100", "62019", "70209", "29300", "26120", "85499")
SECTORS_BY_PLACE = {  # regency or province code -> typical sectors
    "72.06": ("24202", "07295", "42101"), "72.12": ("24202", "07295"),
    "74.02": ("24202", "07295"), "82.02": ("24202", "07295"), "82.04": ("24202", "07295"),
    "73.03": ("24202",), "36.72": ("24101", "20119"), "36.04": ("20119", "24101"),
    "32.16": ("29300", "26120"), "32.15": ("29300", "26120"), "32.14": ("29300",),
    "21.71": ("26120", "46100"), "21.01": ("24202", "42101"), "51.03": ("55110", "70209"),
    "51.71": ("55110",), "62": ("01262", "10431", "05100"), "19": ("07291", "24202"),
    "14": ("10431", "01262", "19211", "17011"), "64": ("05100",), "63": ("05100",),
}
SECTOR_WORDS = {
    "07295": "NICKEL MINING", "24202": "NICKEL INDUSTRY", "07291": "TIN MINING",
    "24101": "STEEL", "20119": "CHEMICAL", "29300": "AUTO PARTS", "26120": "ELECTRONICS",
    "10431": "PALM OIL", "01262": "PLANTATION", "05100": "COAL", "19211": "REFINERY",
    "17011": "PULP", "41012": "CONSTRUCTION", "42101": "ENGINEERING", "46100": "TRADING",
    "62019": "TECHNOLOGY", "70209": "CONSULTING", "55110": "RESORT", "85499": "EDUCATION",
}
# Brand syllables of employers by the origin of their investors.
BRAND_SYLLABLES = {
    "CHN": ("HUA", "XIN", "JIN", "LONG", "FENG", "SHENG", "TAI", "YUAN", "HENG", "DA", "RUI"),
    "JPN": ("NIP", "TOYO", "SAKU", "MITSU", "HIRO", "KAWA", "YAMA", "SEI", "TAKA"),
    "KOR": ("HAN", "DAE", "SUNG", "KUM", "HYUN", "SEO", "WON", "JIN"),
    "IDN": ("SINAR", "MAJU", "JAYA", "ABADI", "BUMI", "KARYA", "SENTOSA", "NUSA", "PRIMA"),
}


@dataclass(frozen=True)
class Occupation:
    code: str
    title: str
    position_titles: tuple[str, ...]
    restricted: bool
    weight: float


@cache
def occupations() -> tuple[Occupation, ...]:
    """KBJI 2014 positions held by foreign workers; personnel/HR ones are closed to TKA."""
    with (REFERENCE_DIR / "occupations.csv").open(encoding="utf-8") as handle:
        return tuple(
            Occupation(row["code"], row["title"], tuple(row["position_titles"].split("|")),
                       row["restricted"] == "1", float(row["weight"]))
            for row in csv.DictReader(handle)
        )


# Administrative actions (Tindakan Administratif Keimigrasian), share of all.
ACTION_SHARE = {
    "DEPORTASI": 0.42, "PENANGKALAN": 0.18, "DENDA": 0.2, "PEMBATALAN IZIN": 0.1,
    "PENGHENTIAN KEGIATAN": 0.1,
}
VIOLATIONS = {
    "DEPORTASI": ("Pasal 75 ayat (1) UU 6/2011: kegiatan berbahaya atau tidak mematuhi "
                  "peraturan perundang-undangan",
                  "Pasal 122 huruf a UU 6/2011: penyalahgunaan izin tinggal"),
    "PENANGKALAN": ("Pasal 13 ayat (1) UU 6/2011: namanya tercantum dalam daftar penangkalan",),
    "DENDA": ("Pasal 78 ayat (1) UU 6/2011: izin tinggal habis berlaku kurang dari 60 hari "
              "(overstay)",),
    "PEMBATALAN IZIN": ("Pasal 75 ayat (2) huruf c UU 6/2011: pembatalan izin tinggal",),
    "PENGHENTIAN KEGIATAN": ("Pasal 75 ayat (2) huruf b UU 6/2011: bekerja tidak sesuai "
                             "izin tinggal",),
}
# Actions per month nationally, spread like all foreigners.
NATIONAL_ACTIONS_PER_MONTH = 900
