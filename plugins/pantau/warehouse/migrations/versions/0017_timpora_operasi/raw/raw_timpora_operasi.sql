-- Grain: one row per data row of a timpora_operasi workbook, as delivered (one
-- site visited in a TIMPORA joint operation). Every value is the exact text of
-- the cell; columns absent from the file are NULL. keterangan is free text
-- that may name persons: it stays here (and is purged with the batch's
-- personal data), it never reaches staging, core or a report.
-- row_number is the sheet's own row number (title block included).
-- batch_id refers to audit.batch without a declared foreign key: only the
-- loader writes here, inside the transaction that registered and locked the
-- batch, so a per-row check would guard nothing (migration 0006).
CREATE TABLE raw.timpora_operasi (
    batch_id                 bigint NOT NULL,
    row_number               integer NOT NULL,
    nomor_sprin              text,
    tanggal_operasi          text,
    kab_kota                 text,
    kecamatan                text,
    nama_lokasi              text,
    nib                      text,
    jenis_lokasi             text,
    orang_asing_diperiksa    text,
    temuan_tanpa_izin        text,
    temuan_izin_tidak_sesuai text,
    temuan_overstay          text,
    tindakan                 text,
    keterangan               text,
    PRIMARY KEY (batch_id, row_number)
);
