"""The four exports Pantau accepts, as docs/sources.md describes them."""

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

SOURCES: dict[str, Source] = {
    source.id: source
    for source in (IMIGRASI_IZIN_TINGGAL, IMIGRASI_TINDAKAN, TENAGA_KERJA_TKA, DUKCAPIL_ORANG_ASING)
}


def get_source(source_id: str) -> Source:
    try:
        return SOURCES[source_id]
    except KeyError:
        known = ", ".join(SOURCES)
        raise KeyError(f"unknown source {source_id!r}; known sources: {known}") from None
