-- Grain: one row per data row of a imigrasi_tindakan file, as delivered (one
-- administrative action in one office's list). Every value is the exact text of
-- the cell; columns absent from the file are NULL.
-- row_number is the row a person sees: the header is row 1 in a CSV, sheet
-- rows in a workbook.
-- batch_id refers to audit.batch without a declared foreign key: only the
-- loader writes here, inside the transaction that registered and locked the
-- batch, so a per-row check would guard nothing (migration 0006).
CREATE TABLE raw.imigrasi_tindakan (
    batch_id               bigint NOT NULL,
    row_number             integer NOT NULL,
    nomor_tindakan         text,
    tanggal_tindakan       text,
    nama_lengkap           text,
    nomor_paspor           text,
    kewarganegaraan        text,
    jenis_tindakan         text,
    pelanggaran            text,
    kab_kota               text,
    kantor_imigrasi        text,
    PRIMARY KEY (batch_id, row_number)
);
