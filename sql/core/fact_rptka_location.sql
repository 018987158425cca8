-- Grain: one row per regency a position's LOKASI_KERJA names.
-- Foreign keys NOT ENFORCED: the build checks them (dim_person.sql).
CREATE TABLE core.fact_rptka_location (
    batch_id     bigint NOT NULL,
    row_number   integer NOT NULL,
    regency_code text NOT NULL REFERENCES core.dim_region (region_code) NOT ENFORCED,
    PRIMARY KEY (batch_id, row_number, regency_code),
    FOREIGN KEY (batch_id, row_number) REFERENCES core.fact_rptka_position (batch_id, row_number)
        NOT ENFORCED
);
