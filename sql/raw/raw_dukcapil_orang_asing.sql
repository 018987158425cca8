-- Grain: one row per data row of a dukcapil_orang_asing file, as delivered (one
-- population document (SKTT / KTP-el WNA) of a foreigner). Every value is the
-- exact text of the cell; columns absent from the file are NULL.
-- row_number is the row a person sees: the header is row 1 in a CSV, sheet
-- rows in a workbook.
-- batch_id refers to audit.batch without a declared foreign key: only the
-- loader writes here, inside the transaction that registered and locked the
-- batch, so a per-row check would guard nothing (migration 0006).
CREATE TABLE raw.dukcapil_orang_asing (
    batch_id               bigint NOT NULL,
    row_number             integer NOT NULL,
    nik                    text,
    nama_lgkp              text,
    jenis_klmin            text,
    tgl_lhr                text,
    kewarganegaraan        text,
    no_paspor              text,
    no_izin_tinggal        text,
    jenis_dokumen          text,
    tgl_terbit             text,
    tgl_berlaku            text,
    no_prop                text,
    no_kab                 text,
    no_kec                 text,
    alamat                 text,
    stat_dok               text,
    PRIMARY KEY (batch_id, row_number)
);
