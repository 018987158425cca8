-- Grain: one row per data row of a imigrasi_penundaan file, as delivered (one
-- departure postponed at an immigration checkpoint (TPI)). Every value is the
-- exact text of the cell; columns absent from the file are NULL.
-- row_number is the row a person sees: the header is row 1 in a CSV, sheet
-- rows in a workbook.
-- batch_id refers to audit.batch without a declared foreign key: only the
-- loader writes here, inside the transaction that registered and locked the
-- batch, so a per-row check would guard nothing (migration 0006).
CREATE TABLE raw.imigrasi_penundaan (
    batch_id               bigint NOT NULL,
    row_number             integer NOT NULL,
    nomor_penundaan        text,
    tanggal                text,
    tpi                    text,
    nama_lengkap           text,
    nik                    text,
    nomor_paspor           text,
    jenis_kelamin          text,
    tanggal_lahir          text,
    kab_kota_asal          text,
    negara_tujuan          text,
    tujuan_dinyatakan      text,
    alasan                 text,
    diserahkan_kepada      text,
    PRIMARY KEY (batch_id, row_number)
);
