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
    "pmi.placements_departed": "Penempatan prosedural PMI yang berangkat",
    "pmi.placements_by_destination": "Penempatan PMI yang berangkat menurut negara tujuan",
    "pmi.placements_by_scheme": "Penempatan PMI yang berangkat menurut skema",
    "pmi.placements_informal": "Penempatan PMI yang berangkat di sektor informal",
    "pmi.passports_issued": "Paspor terbit menurut tujuan",
    "pmi.passports_withheld_pmi": "Paspor ditunda/ditolak karena indikasi PMI nonprosedural",
    "pmi.departures_postponed": "Keberangkatan yang ditunda menurut alasan",
    "pmi.returnees": "PMI yang dipulangkan menurut jenis kasus",
    "pmi.indications": "Orang terindikasi menurut aturan PMI",
    "pmi.priority_areas.persons_indicated": "Wilayah prioritas: orang terindikasi",
    "pmi.priority_areas.placements_departed": "Wilayah prioritas: penempatan yang berangkat",
}
# The PMI sources and link methods, as the audit pack names them (the report's data
# appendix keeps to the foreigners' above).
PMI_SOURCES = {
    "kp2mi_penempatan": "KP2MI: penempatan PMI",
    "imigrasi_paspor": "Imigrasi: permohonan paspor",
    "imigrasi_penundaan": "Imigrasi: penundaan keberangkatan",
    "bp3mi_pemulangan": "BP3MI: pemulangan PMI",
}
# Every source as the data appendix names it (the report's and the workbook's).
SOURCE_NAMES = {**SOURCES, **PMI_SOURCES, "timpora_operasi": "TIMPORA: hasil operasi"}
PMI_LINK_METHODS = {
    "nik": "NIK",
    "name_birth_origin": "Nama + tanggal lahir + daerah asal",
}
PERIOD_NAMES = {"month": "Bulan", "quarter": "Triwulan", "semester": "Semester"}

# Outbound migrant workers (PMI): code -> (short title, plain-words meaning, legal basis).
PMI_RULES = {
    "PMI_POSTPONED_NO_PLACEMENT": (
        "Penundaan tanpa data penempatan",
        "Keberangkatan ditunda karena indikasi PMI nonprosedural atau TPPO, dan orang tersebut "
        "tidak tercatat pada penempatan resmi dengan tanggal berangkat dalam 90 hari dari "
        "penundaan.",
        "UU 18/2017 (penempatan nonprosedural); UU 6/2011 (penundaan keberangkatan); "
        "UU 21/2007 (TPPO)"),
    "PMI_NON_WORK_PASSPORT": (
        "Paspor nonkerja sebelum penundaan",
        "Keberangkatan ditunda karena indikasi PMI nonprosedural atau TPPO, padahal paspornya "
        "terbit paling lama 180 hari sebelumnya untuk wisata, umrah, kunjungan keluarga atau "
        "berobat.",
        "UU 6/2011 (paspor); Surat Edaran Dirjen Imigrasi IMI-0277.GR.02.06 Tahun 2017; "
        "UU 18/2017"),
    "PMI_PASSPORT_AFTER_REFUSAL": (
        "Paspor terbit setelah ditolak di kantor lain",
        "Paspor terbit di satu kantor imigrasi, padahal permohonan orang yang sama di kantor "
        "lain dalam 365 hari sebelumnya ditunda atau ditolak karena indikasi PMI nonprosedural.",
        "Surat Edaran Dirjen Imigrasi IMI-0277.GR.02.06 Tahun 2017; UU 6/2011 (paspor)"),
    "PMI_CLOSED_DESTINATION": (
        "Negara tujuan tertutup",
        "Penempatan yang berangkat atau keberangkatan yang ditunda menuju negara yang tertutup "
        "bagi penempatan PMI, atau penempatan sektor informal ke negara Timur Tengah yang "
        "dihentikan.",
        "UU 18/2017 (negara tujuan penempatan); Kepmenaker 260/2015"),
    "PMI_UNDERAGE": (
        "Belum berusia 18 tahun",
        "Pada hari keberangkatan atau penundaan, usianya belum 18 tahun.",
        "UU 18/2017 Pasal 5 (usia minimal 18 tahun); UU 21/2007 (TPPO)"),
    "PMI_RETURNEE_NO_PLACEMENT": (
        "Dipulangkan tanpa data penempatan",
        "Dipulangkan karena tanpa dokumen, melebihi izin tinggal atau menyalahgunakan izin "
        "tinggal, dan tidak pernah tercatat pada penempatan resmi.",
        "UU 18/2017 (penempatan nonprosedural); UU 21/2007 (TPPO)"),
    "PMI_REPEAT_RETURNEE": (
        "Dipulangkan berulang",
        "Dipulangkan karena tanpa dokumen, melebihi izin tinggal atau menyalahgunakan izin "
        "tinggal, dan sebelumnya pernah dipulangkan karena kasus yang sama.",
        "UU 18/2017 (penempatan nonprosedural); UU 21/2007 (TPPO)"),
}
PMI_SCHEMES = ("P TO P", "G TO G", "G TO P", "UKPS", "PERSEORANGAN")
PMI_PURPOSES = ("BEKERJA", "BELAJAR", "BEROBAT", "BISNIS", "HAJI", "KUNJUNGAN KELUARGA",
                "LAINNYA", "UMROH", "WISATA")
PMI_POSTPONEMENT_REASONS = ("INDIKASI PMI NON PROSEDURAL", "INDIKASI TPPO", "DOKUMEN TIDAK SAH",
                            "LAINNYA")
PMI_CASE_TYPES = ("TANPA DOKUMEN", "OVERSTAY", "PENYALAHGUNAAN IZIN TINGGAL", "PIDANA",
                  "NARKOTIKA", "SAKIT", "MENINGGAL", "LAINNYA")
# The data-quality checks of the GX suites (expectations/*.json, meta.rule), as the
# data appendix names a failed one: a short phrase, whatever the source (each suite's
# meta.reason_id says it in full for its own file). tests/unit/test_check_names.py
# holds this complete for every check of every suite.
CHECKS = {
    "action_date_not_after_snapshot": "tanggal tindakan setelah ekstraksi",
    "action_date_present": "tanggal tindakan kosong",
    "action_number_present": "nomor tindakan kosong",
    "action_type_known": "jenis tindakan tak dikenal",
    "actions_on_spot_present": "jumlah tindakan di tempat kosong",
    "application_status_known": "status permohonan tak dikenal",
    "birth_date_plausible": "tanggal lahir tak masuk akal",
    "birth_date_present": "tanggal lahir kosong",
    "case_type_known": "jenis kasus tak dikenal",
    "companion_count_range": "jumlah pendamping di luar 0-100",
    "count_not_negative": "jumlah bernilai negatif",
    "country_mapped": "negara tak dikenal",
    "date_not_before_birth": "tanggal sebelum tanggal lahir",
    "departed_has_date": "berangkat tanpa tanggal",
    "dkptka_months_range": "bulan DKPTKA di luar 0-60",
    "document_status_known": "status dokumen tak dikenal",
    "document_type_known": "jenis dokumen tak dikenal",
    "duplicate_row": "baris ganda",
    "end_date_present": "tanggal selesai kosong",
    "expiry_date_present": "tanggal habis kosong",
    "expiry_not_before_issue": "habis sebelum terbit",
    "findings_no_permit_present": "temuan tanpa izin kosong",
    "findings_overstay_present": "temuan overstay kosong",
    "findings_permit_mismatch_present": "temuan izin tidak sesuai kosong",
    "findings_within_checked": "temuan melebihi yang diperiksa",
    "foreigners_checked_present": "jumlah orang asing diperiksa kosong",
    "handed_to_known": "penerima serahan tak dikenal",
    "issue_date_present": "tanggal terbit kosong",
    "issue_not_before_application": "terbit sebelum permohonan",
    "issued_has_passport": "terbit tanpa nomor paspor",
    "kbji_format": "kode KBJI tidak sah",
    "kbli_format": "KBLI bukan 5 digit",
    "nationality_mapped": "kewarganegaraan tak dikenal",
    "natural_key_conflict": "nomor sama, isi berbeda",
    "nib_format": "NIB bukan 13 digit",
    "nik_format": "NIK tidak sah",
    "nik_present": "NIK kosong",
    "order_number_present": "nomor sprin kosong",
    "passport_format": "nomor paspor tidak sah",
    "passport_present": "nomor paspor kosong",
    "passport_without_issue": "paspor pada permohonan belum terbit",
    "permit_number_present": "nomor izin kosong",
    "permit_status_known": "status izin tak dikenal",
    "permit_type_known": "jenis izin tak dikenal",
    "placement_status_known": "status penempatan tak dikenal",
    "purpose_known": "tujuan tak dikenal",
    "reason_known": "alasan tak dikenal",
    "region_mapped": "wilayah tak dikenal",
    "required_column_empty": "kolom wajib kosong",
    "row_count_collapse": "jumlah baris anjlok",
    "row_count_recorded": "jumlah baris tak tercatat",
    "rptka_end_not_before_start": "RPTKA berakhir sebelum mulai",
    "rptka_number_present": "nomor RPTKA kosong",
    "scheme_known": "skema tak dikenal",
    "sector_known": "sektor tak dikenal",
    "sex_code": "jenis kelamin bukan L/P",
    "site_kind_known": "jenis lokasi tak dikenal",
    "site_kind_present": "jenis lokasi kosong",
    "site_name_present": "nama lokasi kosong",
    "staging_columns": "kolom staging kurang",
    "start_date_present": "tanggal mulai kosong",
    "unmapped_region_share": "terlalu banyak wilayah tak terpetakan",
    "validity_not_before_issue": "berlaku sebelum terbit",
    "value_unreadable": "nilai tak terbaca",
    "visa_index_format": "indeks visa tidak sah",
    "visit_date_not_after_snapshot": "tanggal operasi setelah ekstraksi",
    "visit_date_present": "tanggal operasi kosong",
    "work_location_present": "lokasi kerja kosong",
}


def check_names(failed: str | None, none: str = "–") -> str:
    """A batch's failed checks (``checks_failed``: rule ids, comma-separated) in Indonesian.

    An id without a name (a check added to a suite but not here) shows as it is,
    so nothing is hidden; the unit test keeps that from happening.
    """
    if not failed:
        return none
    rules = [rule.strip(" ") for rule in failed.split(",")]  # only the join's spaces
    return "; ".join(CHECKS.get(rule, rule) for rule in rules)
