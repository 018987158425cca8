-- Grain: one row per data row of a imigrasi_paspor file, as delivered (one
-- passport application decided since the office's previous export). Every value
-- is the exact text of the cell; columns absent from the file are NULL.
-- row_number is the row a person sees: the header is row 1 in a CSV, sheet
-- rows in a workbook.
-- batch_id refers to audit.batch without a declared foreign key: only the
-- loader writes here, inside the transaction that registered and locked the
-- batch, so a per-row check would guard nothing (migration 0006).
CREATE TABLE raw.imigrasi_paspor (
    batch_id               bigint NOT NULL,
    row_number             integer NOT NULL,
    nomor_permohonan       text,
    tanggal_permohonan     text,
    nik                    text,
    nama_lengkap           text,
    jenis_kelamin          text,
    tanggal_lahir          text,
    kab_kota               text,
    tujuan                 text,
    negara_tujuan          text,
    rekomendasi_kerja      text,
    status                 text,
    alasan                 text,
    nomor_paspor           text,
    tanggal_terbit         text,
    kantor_imigrasi        text,
    PRIMARY KEY (batch_id, row_number)
);
