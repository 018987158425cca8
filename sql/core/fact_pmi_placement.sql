-- Grain: one row per placement of a migrant worker in a province's
-- SISKOP2MI snapshot (staging.kp2mi_penempatan minus held rows). The person
-- is named by keyed hashes only (nik_key, passport_key, name_key: NULL when
-- the row lacks the identifier or the gate noted it malformed), resolved to a
-- person through core.pmi_identity_map. origin_*: the NIK's regency and
-- district when the NIK is valid, else the stated regency (origin_from).
-- age_at_departure: whole years on the departure date (the birth date stays
-- in pii/staging).
CREATE TABLE core.fact_pmi_placement (
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
    destination_country  char(3) REFERENCES core.dim_country (country_code) NOT ENFORCED,
    sector               text,
    scheme               text,
    job_title            text,
    agency_name          text,
    departure_date       date,
    contract_end_date    date,
    status               text,
    age_at_departure     smallint,
    PRIMARY KEY (batch_id, row_number)
);
