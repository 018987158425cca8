-- Grain: one row per data row of a kp2mi_penempatan file, as delivered (one
-- placement of a migrant worker in a province's SISKOP2MI export). Every value
-- is the exact text of the cell; columns absent from the file are NULL.
-- row_number is the row a person sees: the header is row 1 in a CSV, sheet
-- rows in a workbook.
-- batch_id refers to audit.batch without a declared foreign key: only the
-- loader writes here, inside the transaction that registered and locked the
-- batch, so a per-row check would guard nothing (migration 0006).
CREATE TABLE raw.kp2mi_penempatan (
    batch_id               bigint NOT NULL,
    row_number             integer NOT NULL,
    id_pmi                 text,
    nik                    text,
    nama                   text,
    jenis_kelamin          text,
    tgl_lahir              text,
    kab_kota_asal          text,
    no_paspor              text,
    negara_tujuan          text,
    jabatan                text,
    sektor                 text,
    skema                  text,
    p3mi                   text,
    tgl_berangkat          text,
    tgl_akhir_kontrak      text,
    status                 text,
    PRIMARY KEY (batch_id, row_number)
);
