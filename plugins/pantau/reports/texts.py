"""The fixed words of the reports, in formal Bahasa Indonesia."""

from __future__ import annotations

RULES = {  # code: (short title, what it means, in plain words)
    "TKA_NO_PERMIT": ("TKA tanpa izin tinggal kerja",
                      "Tercatat pada RPTKA yang berlaku, tetapi tidak memegang izin tinggal "
                      "dengan tujuan bekerja (E23) yang berlaku."),
    "PERMIT_NO_RPTKA": ("Izin kerja tanpa RPTKA",
                        "Memegang izin tinggal untuk bekerja dengan domisili di wilayah ini, "
                        "tetapi tidak tercatat pada RPTKA yang berlaku di wilayah ini."),
    "PERMIT_NO_REGISTRATION": ("Belum terdaftar di Dukcapil",
                               "Memegang ITAS/ITAP yang berlaku, tetapi tidak memiliki SKTT "
                               "atau KTP-el WNA yang aktif."),
    "REGION_MISMATCH": ("Wilayah tidak sesuai",
                        "Imigrasi, ketenagakerjaan dan Dukcapil mencatat orang yang sama di "
                        "kabupaten/kota yang berbeda."),
    "EXPIRED_PERMIT_ACTIVE": ("Izin habis, masih aktif",
                              "Izin tinggal terakhir sudah habis masa berlakunya, tetapi orang "
                              "tersebut masih bekerja menurut RPTKA atau terdaftar aktif."),
    "RPTKA_EXPIRED": ("RPTKA berakhir",
                      "Izin tinggal kerja masih berlaku, tetapi masa RPTKA-nya telah berakhir "
                      "dan tidak diperpanjang."),
    "RESTRICTED_POSITION": ("Jabatan tertutup bagi TKA",
                            "Menduduki jabatan personalia yang tertutup bagi TKA "
                            "(Kepmenaker 349/2019)."),
    "DKPTKA_UNDERPAID": ("DKPTKA kurang bayar",
                         "Bulan DKPTKA yang dibayar lebih sedikit dari bulan kerja sejak "
                         "RPTKA dimulai (USD 100 per bulan)."),
    "NO_COMPANION": ("Tanpa tenaga kerja pendamping",
                     "Jabatan TKA tanpa tenaga kerja Indonesia pendamping."),
}

ACTIONS = ("DEPORTASI", "PENANGKALAN", "DENDA", "PEMBATALAN IZIN", "PENGHENTIAN KEGIATAN")
PERMIT_TYPES = ("ITAS", "ITAP", "ITK")
SOURCES = {
    "imigrasi_izin_tinggal": "Imigrasi: izin tinggal",
    "imigrasi_tindakan": "Imigrasi: tindakan administratif",
    "tenaga_kerja_tka": "Ketenagakerjaan: TKA (RPTKA)",
    "dukcapil_orang_asing": "Dukcapil: SKTT / KTP-el WNA",
}
# How rows of a source were linked to a person (core.document_link), in the data appendix.
LINK_MEASURES = {"tenaga_kerja_tka": "rptka_links", "dukcapil_orang_asing": "registry_links",
                 "imigrasi_tindakan": "action_links"}
LINK_METHODS = {
    "passport": "Paspor",
    "permit_number": "Nomor izin tinggal",
    "name_birth_date": "Nama + tanggal lahir",
    "ambiguous": "Ambigu (beberapa orang cocok)",
    "unlinked": "Tidak terkait",
}
# The figures of figures.json as the audit pack names them (keys stay as pantau trace takes them).
FIGURE_NAMES = {
    "foreigners_total": "Orang asing pemegang izin tinggal berlaku",
    "workers_total": "Jabatan TKA (RPTKA berlaku)",
    "registered_total": "Dokumen SKTT / KTP-el WNA aktif",
    "expiring_90_days": "Izin tinggal berakhir dalam 90 hari",
    "dkptka_due_usd": "DKPTKA terutang (USD)",
    "dkptka_paid_usd": "DKPTKA dibayar (USD)",
    "by_permit_type": "Orang asing menurut jenis izin",
    "by_nationality": "Orang asing menurut kewarganegaraan",
    "workers_by_nationality": "TKA menurut kewarganegaraan",
    "discrepancies": "Ketidaksesuaian menurut aturan",
    "administrative_actions": "Tindakan administratif menurut jenis",
}
PERIOD_NAMES = {"month": "Bulan", "quarter": "Triwulan", "semester": "Semester"}
