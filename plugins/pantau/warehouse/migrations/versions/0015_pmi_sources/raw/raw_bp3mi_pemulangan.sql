-- Grain: one row per data row of a bp3mi_pemulangan file, as delivered (one
-- deported or repatriated Indonesian received at a post). Every value is the
-- exact text of the cell; columns absent from the file are NULL.
-- row_number is the row a person sees: the header is row 1 in a CSV, sheet
-- rows in a workbook.
-- batch_id refers to audit.batch without a declared foreign key: only the
-- loader writes here, inside the transaction that registered and locked the
-- batch, so a per-row check would guard nothing (migration 0006).
CREATE TABLE raw.bp3mi_pemulangan (
    batch_id               bigint NOT NULL,
    row_number             integer NOT NULL,
    nomor_register         text,
    tanggal_tiba           text,
    pelabuhan_tiba         text,
    nama                   text,
    nik                    text,
    jenis_kelamin          text,
    tanggal_lahir          text,
    kab_kota_asal          text,
    negara_asal            text,
    jenis_kasus            text,
    no_paspor              text,
    PRIMARY KEY (batch_id, row_number)
);
