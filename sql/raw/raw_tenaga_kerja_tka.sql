-- Grain: one row per data row of a tenaga_kerja_tka file, as delivered (one
-- foreign-worker position under an approved RPTKA). Every value is the exact
-- text of the cell; columns absent from the file are NULL.
-- row_number is the row a person sees: the header is row 1 in a CSV, sheet
-- rows in a workbook.
-- batch_id refers to audit.batch without a declared foreign key: only the
-- loader writes here, inside the transaction that registered and locked the
-- batch, so a per-row check would guard nothing (migration 0006).
CREATE TABLE raw.tenaga_kerja_tka (
    batch_id               bigint NOT NULL,
    row_number             integer NOT NULL,
    no_pengesahan_rptka    text,
    nama_perusahaan        text,
    nib                    text,
    kbli                   text,
    lokasi_kerja           text,
    nama_tka               text,
    nomor_paspor           text,
    kewarganegaraan        text,
    jenis_kelamin          text,
    tanggal_lahir          text,
    jabatan                text,
    kode_jabatan           text,
    tgl_mulai              text,
    tgl_selesai            text,
    dkptka_bulan           text,
    dkptka_usd             text,
    jumlah_pendamping      text,
    PRIMARY KEY (batch_id, row_number)
);
