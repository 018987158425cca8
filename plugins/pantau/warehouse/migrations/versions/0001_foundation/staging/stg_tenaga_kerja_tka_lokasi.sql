-- Grain: one row per work location listed in an RPTKA position's LOKASI_KERJA
-- (the column may name several regencies separated by ';').
CREATE TABLE staging.tenaga_kerja_tka_lokasi (
    batch_id      bigint NOT NULL REFERENCES audit.batch (batch_id),
    row_number    integer NOT NULL,
    location_seq  smallint NOT NULL,
    location_name text NOT NULL,
    regency_code  text,
    PRIMARY KEY (batch_id, row_number, location_seq)
);
