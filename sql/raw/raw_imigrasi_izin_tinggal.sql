-- Grain: one row per data row of a imigrasi_izin_tinggal file, as delivered
-- (one stay permit in one office's register snapshot). Every value is the exact
-- text of the cell; columns absent from the file are NULL.
-- row_number is the row a person sees: the header is row 1 in a CSV, sheet
-- rows in a workbook.
-- batch_id refers to audit.batch without a declared foreign key: only the
-- loader writes here, inside the transaction that registered and locked the
-- batch, so a per-row check would guard nothing (migration 0006).
CREATE TABLE raw.imigrasi_izin_tinggal (
    batch_id               bigint NOT NULL,
    row_number             integer NOT NULL,
    nomor_izin             text,
    jenis_izin             text,
    indeks_visa            text,
    tujuan                 text,
    nama_lengkap           text,
    jenis_kelamin          text,
    tanggal_lahir          text,
    kewarganegaraan        text,
    nomor_paspor           text,
    tgl_habis_paspor       text,
    penjamin               text,
    alamat                 text,
    kab_kota               text,
    tgl_terbit             text,
    tgl_habis              text,
    status                 text,
    kantor_imigrasi        text,
    PRIMARY KEY (batch_id, row_number)
);
