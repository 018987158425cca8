"""The exports Pantau accepts, as docs/sources.md describes them.

Four about foreign nationals and foreign workers, then four about Indonesians
leaving to work abroad (PMI, pekerja migran Indonesia), then the TIMPORA
teams' joint-operation results.
"""

from __future__ import annotations

from pantau.sources.spec import Column, Kind, Source

C = Column
K = Kind

IMIGRASI_IZIN_TINGGAL = Source(
    id="imigrasi_izin_tinggal",
    title="Imigrasi: izin tinggal (stay permits)",
    file_prefix="izin_tinggal",
    file_format="csv",
    delimiter=";",
    scope="office",
    columns=(
        C("NOMOR_IZIN", "permit_number", K.DOCUMENT_NUMBER, personal=True),
        C("JENIS_IZIN", "permit_type", K.CODE),
        C("INDEKS_VISA", "visa_index", K.COMPACT_CODE),
        C("TUJUAN", "purpose", K.CODE),
        C("NAMA_LENGKAP", "full_name", K.TEXT, personal=True),
        C("JENIS_KELAMIN", "sex", K.SEX),
        C("TANGGAL_LAHIR", "birth_date", K.DATE, personal=True),
        C("KEWARGANEGARAAN", "nationality", K.NATIONALITY),
        C("NOMOR_PASPOR", "passport_number", K.PASSPORT, personal=True),
        C("TGL_HABIS_PASPOR", "passport_expiry", K.DATE, required=False, personal=True),
        C("PENJAMIN", "sponsor", K.TEXT, required=False),
        C("ALAMAT", "address", K.TEXT, required=False, personal=True),
        C("KAB_KOTA", "regency_code", K.REGENCY),
        C("TGL_TERBIT", "issue_date", K.DATE),
        C("TGL_HABIS", "expiry_date", K.DATE),
        C("STATUS", "status", K.CODE),
        C("KANTOR_IMIGRASI", "office", K.CODE, required=False),
    ),
)

IMIGRASI_TINDAKAN = Source(
    id="imigrasi_tindakan",
    title="Imigrasi: tindakan administratif keimigrasian (administrative actions)",
    file_prefix="tindakan",
    file_format="csv",
    delimiter=";",
    scope="office",
    columns=(
        C("NOMOR_TINDAKAN", "action_number", K.DOCUMENT_NUMBER),
        C("TANGGAL_TINDAKAN", "action_date", K.DATE),
        C("NAMA_LENGKAP", "full_name", K.TEXT, personal=True),
        C("NOMOR_PASPOR", "passport_number", K.PASSPORT, personal=True),
        C("KEWARGANEGARAAN", "nationality", K.NATIONALITY),
        C("JENIS_TINDAKAN", "action_type", K.CODE),
        C("PELANGGARAN", "violation", K.TEXT, required=False),
        C("KAB_KOTA", "regency_code", K.REGENCY),
        C("KANTOR_IMIGRASI", "office", K.CODE, required=False),
    ),
)

TENAGA_KERJA_TKA = Source(
    id="tenaga_kerja_tka",
    title="Kemnaker/Disnaker: tenaga kerja asing under approved RPTKA",
    file_prefix="tka",
    file_format="xlsx",
    sheet_name="DATA TKA",
    scope="province",
    columns=(
        C("NO_PENGESAHAN_RPTKA", "rptka_number", K.DOCUMENT_NUMBER),
        C("NAMA_PERUSAHAAN", "employer_name", K.TEXT),
        C("NIB", "nib", K.DIGITS),
        C("KBLI", "kbli", K.DIGITS),
        C("LOKASI_KERJA", "work_location", K.REGENCY_LIST),
        C("NAMA_TKA", "worker_name", K.TEXT, personal=True),
        C("NOMOR_PASPOR", "passport_number", K.PASSPORT, personal=True),
        C("KEWARGANEGARAAN", "nationality", K.NATIONALITY),
        C("JENIS_KELAMIN", "sex", K.SEX),
        C("TANGGAL_LAHIR", "birth_date", K.DATE, personal=True),
        C("JABATAN", "position_title", K.TEXT),
        C("KODE_JABATAN", "occupation_code", K.CODE),
        C("TGL_MULAI", "start_date", K.DATE),
        C("TGL_SELESAI", "end_date", K.DATE),
        C("DKPTKA_BULAN", "dkptka_months", K.INTEGER),
        C("DKPTKA_USD", "dkptka_usd", K.AMOUNT),
        C("JUMLAH_PENDAMPING", "companion_count", K.INTEGER),
    ),
)

DUKCAPIL_ORANG_ASING = Source(
    id="dukcapil_orang_asing",
    title="Disdukcapil/SIAK: population documents of foreigners",
    file_prefix="wna",
    file_format="csv",
    delimiter=",",
    scope="regency",
    columns=(
        C("NIK", "nik", K.DIGITS, personal=True),
        C("NAMA_LGKP", "full_name", K.TEXT, personal=True),
        C("JENIS_KLMIN", "sex", K.SEX),
        C("TGL_LHR", "birth_date", K.DATE, personal=True),
        C("KEWARGANEGARAAN", "nationality", K.NATIONALITY),
        C("NO_PASPOR", "passport_number", K.PASSPORT, personal=True),
        C("NO_IZIN_TINGGAL", "permit_number", K.DOCUMENT_NUMBER, personal=True),
        C("JENIS_DOKUMEN", "document_type", K.CODE),
        C("TGL_TERBIT", "issue_date", K.DATE),
        C("TGL_BERLAKU", "valid_until", K.DATE),
        C("NO_PROP", "siak_province", K.DIGITS),
        C("NO_KAB", "siak_regency", K.DIGITS),
        C("NO_KEC", "siak_district", K.DIGITS, required=False),
        C("ALAMAT", "address", K.TEXT, required=False, personal=True),
        C("STAT_DOK", "document_status", K.CODE),
    ),
)

# ---------------------------------------------------------------- PMI (issue 24)

KP2MI_PENEMPATAN = Source(
    id="kp2mi_penempatan",
    title="KP2MI/BP3MI (SISKOP2MI): penempatan PMI (placements abroad)",
    file_prefix="penempatan",
    file_format="csv",
    delimiter=",",
    scope="province",
    columns=(
        C("ID_PMI", "placement_id", K.DOCUMENT_NUMBER, personal=True),
        C("NIK", "nik", K.NIK, personal=True),
        C("NAMA", "full_name", K.TEXT, personal=True),
        C("JENIS_KELAMIN", "sex", K.SEX),
        C("TGL_LAHIR", "birth_date", K.DATE, personal=True),
        C("KAB_KOTA_ASAL", "stated_regency_code", K.REGENCY),
        C("NO_PASPOR", "passport_number", K.PASSPORT, personal=True),
        C("NEGARA_TUJUAN", "destination_country", K.COUNTRY),
        C("JABATAN", "job_title", K.TEXT),
        C("SEKTOR", "sector", K.CODE, value_set="sector"),
        C("SKEMA", "scheme", K.CODE, value_set="scheme"),
        C("P3MI", "agency_name", K.TEXT, required=False),
        C("TGL_BERANGKAT", "departure_date", K.DATE),
        C("TGL_AKHIR_KONTRAK", "contract_end_date", K.DATE),
        C("STATUS", "status", K.CODE, value_set="placement_status"),
    ),
)

IMIGRASI_PASPOR = Source(
    id="imigrasi_paspor",
    title="Imigrasi: permohonan paspor (passport applications, a delta feed)",
    file_prefix="paspor",
    file_format="csv",
    delimiter=";",
    scope="office",
    accumulating=True,
    columns=(
        C("NOMOR_PERMOHONAN", "application_number", K.DOCUMENT_NUMBER),
        C("TANGGAL_PERMOHONAN", "application_date", K.DATE),
        C("NIK", "nik", K.NIK, personal=True),
        C("NAMA_LENGKAP", "full_name", K.TEXT, personal=True),
        C("JENIS_KELAMIN", "sex", K.SEX),
        C("TANGGAL_LAHIR", "birth_date", K.DATE, personal=True),
        C("KAB_KOTA", "stated_regency_code", K.REGENCY),
        C("TUJUAN", "purpose", K.CODE, value_set="purpose"),
        C("NEGARA_TUJUAN", "destination_country", K.COUNTRY),
        C("REKOMENDASI_KERJA", "work_recommendation", K.DOCUMENT_NUMBER),
        C("STATUS", "status", K.CODE, value_set="application_status"),
        C("ALASAN", "reason", K.CODE, value_set="application_reason"),
        C("NOMOR_PASPOR", "passport_number", K.PASSPORT, personal=True),
        C("TANGGAL_TERBIT", "issue_date", K.DATE),
        C("KANTOR_IMIGRASI", "office", K.CODE),
    ),
)

IMIGRASI_PENUNDAAN = Source(
    id="imigrasi_penundaan",
    title="Imigrasi: penundaan keberangkatan di TPI (departure postponements)",
    file_prefix="penundaan",
    file_format="csv",
    delimiter=";",
    scope="checkpoint",
    columns=(
        C("NOMOR_PENUNDAAN", "postponement_number", K.DOCUMENT_NUMBER),
        C("TANGGAL", "postponement_date", K.DATE),
        C("TPI", "checkpoint", K.CODE),
        C("NAMA_LENGKAP", "full_name", K.TEXT, personal=True),
        C("NIK", "nik", K.NIK, personal=True),
        C("NOMOR_PASPOR", "passport_number", K.PASSPORT, personal=True),
        C("JENIS_KELAMIN", "sex", K.SEX),
        C("TANGGAL_LAHIR", "birth_date", K.DATE, personal=True),
        C("KAB_KOTA_ASAL", "stated_regency_code", K.REGENCY),
        C("NEGARA_TUJUAN", "destination_country", K.COUNTRY),
        C("TUJUAN_DINYATAKAN", "stated_purpose", K.CODE, value_set="purpose"),
        C("ALASAN", "reason", K.CODE, value_set="postponement_reason"),
        C("DISERAHKAN_KEPADA", "handed_to", K.CODE, value_set="handed_to"),
    ),
)

BP3MI_PEMULANGAN = Source(
    id="bp3mi_pemulangan",
    title="BP3MI/P4MI: pemulangan PMI (deported and repatriated Indonesians)",
    file_prefix="pemulangan",
    file_format="csv",
    delimiter=",",
    scope="post",
    columns=(
        C("NOMOR_REGISTER", "register_number", K.DOCUMENT_NUMBER),
        C("TANGGAL_TIBA", "arrival_date", K.DATE),
        C("PELABUHAN_TIBA", "arrival_post", K.CODE),
        C("NAMA", "full_name", K.TEXT, personal=True),
        C("NIK", "nik", K.NIK, personal=True),
        C("JENIS_KELAMIN", "sex", K.SEX),
        C("TANGGAL_LAHIR", "birth_date", K.DATE, personal=True),
        C("KAB_KOTA_ASAL", "stated_regency_code", K.REGENCY),
        C("NEGARA_ASAL", "deported_from", K.COUNTRY),
        C("JENIS_KASUS", "case_type", K.CODE, value_set="case_type"),
        C("NO_PASPOR", "passport_number", K.PASSPORT, personal=True),
    ),
)

# ------------------------------------------------------------ TIMPORA (issue 25)

TIMPORA_OPERASI = Source(
    id="timpora_operasi",
    title="TIMPORA: hasil operasi gabungan (joint-operation results, one row per site visited)",
    file_prefix="operasi",
    file_format="xlsx",
    sheet_name="HASIL OPERASI",
    scope="office",
    columns=(
        C("NOMOR_SPRIN", "order_number", K.DOCUMENT_NUMBER),
        C("TANGGAL_OPERASI", "visit_date", K.DATE),
        C("KAB_KOTA", "regency_code", K.REGENCY),
        C("KECAMATAN", "district_name", K.TEXT, required=False),
        C("NAMA_LOKASI", "site_name", K.TEXT),
        C("NIB", "nib", K.DIGITS, required=False),
        C("JENIS_LOKASI", "site_kind", K.CODE),
        C("ORANG_ASING_DIPERIKSA", "foreigners_checked", K.INTEGER),
        C("TEMUAN_TANPA_IZIN", "findings_no_permit", K.INTEGER),
        C("TEMUAN_IZIN_TIDAK_SESUAI", "findings_permit_mismatch", K.INTEGER),
        C("TEMUAN_OVERSTAY", "findings_overstay", K.INTEGER),
        C("TINDAKAN", "actions_on_spot", K.INTEGER),
        # Free text that may name the foreigners found: kept in raw only.
        C("KETERANGAN", "remarks", K.TEXT, required=False, personal=True, staged=False),
    ),
)

# The exports about Indonesians working abroad: their rows carry a NIK, the
# origin derived from it (staging), and no nationality.
PMI_SOURCES = (KP2MI_PENEMPATAN, IMIGRASI_PASPOR, IMIGRASI_PENUNDAAN, BP3MI_PEMULANGAN)

SOURCES: dict[str, Source] = {
    source.id: source
    for source in (IMIGRASI_IZIN_TINGGAL, IMIGRASI_TINDAKAN, TENAGA_KERJA_TKA, DUKCAPIL_ORANG_ASING,
                   *PMI_SOURCES, TIMPORA_OPERASI)
}


def get_source(source_id: str) -> Source:
    try:
        return SOURCES[source_id]
    except KeyError:
        known = ", ".join(SOURCES)
        raise KeyError(f"unknown source {source_id!r}; known sources: {known}") from None
