"""The four PMI exports as the agencies deliver them: headers, delimiters, file names, places.

The generator keeps its own description of the exports (the issue-24 contract)
so that it does not depend on the source catalog; the headers and delimiters
here are exactly the contract's, and a unit test holds the catalog to them once
the catalog has the sources.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Export:
    source: str
    headers: tuple[str, ...]
    delimiter: str
    scope: str  # province, office, checkpoint or post


PLACEMENTS = "kp2mi_penempatan"
PASSPORTS = "imigrasi_paspor"
POSTPONEMENTS = "imigrasi_penundaan"
RETURNEES = "bp3mi_pemulangan"

EXPORTS = {
    PLACEMENTS: Export(PLACEMENTS, (
        "ID_PMI", "NIK", "NAMA", "JENIS_KELAMIN", "TGL_LAHIR", "KAB_KOTA_ASAL", "NO_PASPOR",
        "NEGARA_TUJUAN", "JABATAN", "SEKTOR", "SKEMA", "P3MI", "TGL_BERANGKAT",
        "TGL_AKHIR_KONTRAK", "STATUS"), ",", "province"),
    PASSPORTS: Export(PASSPORTS, (
        "NOMOR_PERMOHONAN", "TANGGAL_PERMOHONAN", "NIK", "NAMA_LENGKAP", "JENIS_KELAMIN",
        "TANGGAL_LAHIR", "KAB_KOTA", "TUJUAN", "NEGARA_TUJUAN", "REKOMENDASI_KERJA", "STATUS",
        "ALASAN", "NOMOR_PASPOR", "TANGGAL_TERBIT", "KANTOR_IMIGRASI"), ";", "office"),
    POSTPONEMENTS: Export(POSTPONEMENTS, (
        "NOMOR_PENUNDAAN", "TANGGAL", "TPI", "NAMA_LENGKAP", "NIK", "NOMOR_PASPOR",
        "JENIS_KELAMIN", "TANGGAL_LAHIR", "KAB_KOTA_ASAL", "NEGARA_TUJUAN",
        "TUJUAN_DINYATAKAN", "ALASAN", "DISERAHKAN_KEPADA"), ";", "checkpoint"),
    RETURNEES: Export(RETURNEES, (
        "NOMOR_REGISTER", "TANGGAL_TIBA", "PELABUHAN_TIBA", "NAMA", "NIK", "JENIS_KELAMIN",
        "TANGGAL_LAHIR", "KAB_KOTA_ASAL", "NEGARA_ASAL", "JENIS_KASUS", "NO_PASPOR"), ",",
        "post"),
}


def file_path(source: str, scope: str, stamp: str) -> str:
    """The landing path of one delivery (relative to DIR/landing)."""
    if source == PLACEMENTS:
        return f"{source}/penempatan_{scope}_{stamp}.csv"
    if source == PASSPORTS:
        return f"{source}/{scope}/paspor_{scope}_{stamp}.csv"
    if source == POSTPONEMENTS:
        return f"{source}/penundaan_{scope}_{stamp}.csv"
    return f"{source}/pemulangan_{scope}_{stamp}.csv"


# ------------------------------------------------------------------ value sets

SCHEMES = ("P TO P", "G TO G", "G TO P", "UKPS", "PERSEORANGAN")
SECTORS = ("FORMAL", "INFORMAL")
PLACEMENT_STATUSES = ("PROSES", "BERANGKAT", "PULANG", "BATAL")
PURPOSES = ("WISATA", "UMROH", "HAJI", "KUNJUNGAN KELUARGA", "BEKERJA", "BELAJAR", "BISNIS",
            "BEROBAT", "LAINNYA")
APPLICATION_STATUSES = ("TERBIT", "DITUNDA", "DITOLAK", "BATAL")
APPLICATION_REASONS = ("INDIKASI PMI NON PROSEDURAL", "DOKUMEN TIDAK LENGKAP",
                       "DATA TIDAK SESUAI", "PERMOHONAN GANDA", "LAINNYA")
POSTPONEMENT_REASONS = ("INDIKASI PMI NON PROSEDURAL", "INDIKASI TPPO", "DOKUMEN TIDAK SAH",
                        "LAINNYA")
HANDED_TO = ("BP3MI", "POLRI", "KELUARGA", "DIPULANGKAN")
CASE_TYPES = ("TANPA DOKUMEN", "OVERSTAY", "PENYALAHGUNAAN IZIN TINGGAL", "PIDANA",
              "NARKOTIKA", "SAKIT", "MENINGGAL", "LAINNYA")
DEPORTATION_CASES = ("TANPA DOKUMEN", "OVERSTAY", "PENYALAHGUNAAN IZIN TINGGAL")
NON_PROCEDURAL = "INDIKASI PMI NON PROSEDURAL"
TRAFFICKING = "INDIKASI TPPO"
NON_WORK_PURPOSES = ("WISATA", "UMROH", "KUNJUNGAN KELUARGA", "BEROBAT")

# The field's other spellings of a canonical value (the contract's list): a clerk
# writes one of them now and then; staging maps them back.
VALUE_SPELLINGS = {
    "P TO P": ("P to P", "PTOP", "P2P", "P-TO-P"),
    "G TO G": ("G2G", "G-TO-G"),
    "G TO P": ("G2P",),
    "PERSEORANGAN": ("MANDIRI",),
    "UMROH": ("UMRAH",),
    NON_PROCEDURAL: ("INDIKASI PMI NONPROSEDURAL", "IND. PMI NON PROSEDURAL",
                     "PMI NON PROSEDURAL"),
}
# Spellings outside every value set, for the planted UNKNOWN_VALUE rows.
UNKNOWN_VALUES = {
    "SKEMA": ("B TO B", "SKEMA X"), "SEKTOR": ("SEMI FORMAL", "CAMPURAN"),
    "STATUS_PLACEMENT": ("DITANGGUHKAN", "MENUNGGU"), "TUJUAN": ("JALAN JALAN", "ZIARAH X"),
    "STATUS_APPLICATION": ("DIPROSES", "MENUNGGU"), "ALASAN_APPLICATION": ("TIDAK JELAS",),
    "ALASAN_POSTPONEMENT": ("MENCURIGAKAN",), "DISERAHKAN_KEPADA": ("TNI", "IMIGRASI"),
    "JENIS_KASUS": ("KABUR", "DEPORTASI UMUM"),
}

# ------------------------------------------------------------------ places

# Passport offices that serve every province's emigrants (slug, KANTOR_IMIGRASI).
NATIONAL_OFFICES = (
    ("SOEKARNOHATTA", "KANIM KELAS I KHUSUS TPI SOEKARNO-HATTA"),
    ("BATAM", "KANIM KELAS I KHUSUS TPI BATAM"),
    ("TANJUNGPINANG", "KANIM KELAS I TPI TANJUNGPINANG"),
    ("NUNUKAN", "KANIM KELAS II TPI NUNUKAN"),
    ("ENTIKONG", "KANIM KELAS II TPI ENTIKONG"),
    ("KARIMUN", "KANIM KELAS II TPI TANJUNG BALAI KARIMUN"),
    ("NGURAHRAI", "KANIM KELAS I KHUSUS TPI NGURAH RAI"),
)


@dataclass(frozen=True)
class Place:
    token: str  # in the file name
    name: str  # as written in the TPI / PELABUHAN_TIBA column
    province: str | None  # None: serves every province


# Immigration checkpoints (TPI) where departures are postponed.
CHECKPOINTS = (
    Place("SOEKARNOHATTA", "TPI BANDARA SOEKARNO-HATTA", None),
    Place("BATAMCENTER", "TPI PELABUHAN BATAM CENTRE", None),
    Place("KARIMUN", "TPI PELABUHAN TANJUNG BALAI KARIMUN", None),
    Place("ENTIKONG", "PLBN ENTIKONG", None),
    Place("NGURAHRAI", "TPI BANDARA NGURAH RAI", None),
    Place("DUMAI", "PELABUHAN DUMAI", "14"),
    Place("PANGKALBALAM", "TPI PELABUHAN PANGKAL BALAM", "19"),
)
# Posts (BP3MI/P4MI) receiving deported and repatriated Indonesians.
POSTS = (
    Place("NUNUKAN", "PELABUHAN TUNON TAKA NUNUKAN", None),
    Place("TANJUNGPINANG", "PELABUHAN SRI BINTAN PURA TANJUNGPINANG", None),
    Place("BATAM", "PELABUHAN BATAM CENTRE", None),
    Place("ENTIKONG", "PLBN ENTIKONG", None),
    Place("SOEKARNOHATTA", "BANDARA SOEKARNO-HATTA", None),
    Place("DUMAI", "PELABUHAN DUMAI", "14"),
)


def places_for(places: tuple[Place, ...], provinces: list[str]) -> tuple[Place, ...]:
    """The places that serve the scope: the national ones and the scope's own."""
    return tuple(p for p in places if p.province is None or p.province in provinces)
