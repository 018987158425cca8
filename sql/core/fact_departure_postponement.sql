-- Grain: one row per departure postponed at an immigration checkpoint in a
-- checkpoint's snapshot (staging.imigrasi_penundaan minus held rows). Person
-- and origin as in core.fact_pmi_placement; age_at_postponement: whole years
-- on the postponement date.
CREATE TABLE core.fact_departure_postponement (
    batch_id             bigint NOT NULL,
    row_number           integer NOT NULL,
    snapshot_date        date NOT NULL,
    nik_key              char(64),
    passport_key         char(64),
    name_key             char(64),
    sex                  char(1),
    origin_regency_code  text REFERENCES core.dim_region (region_code) NOT ENFORCED,
    origin_district_code text REFERENCES core.dim_district (district_code) NOT ENFORCED,
    origin_from          text,
    postponement_number  text,
    postponement_date    date,
    checkpoint           text,
    destination_country  char(3) REFERENCES core.dim_country (country_code) NOT ENFORCED,
    stated_purpose       text,
    reason               text,
    handed_to            text,
    age_at_postponement  smallint,
    PRIMARY KEY (batch_id, row_number)
);
