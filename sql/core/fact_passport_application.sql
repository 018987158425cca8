-- Grain: one row per passport application as one delivery of the delta feed
-- states it (staging.imigrasi_paspor minus held rows); an application
-- (office + application_number) delivered again counts in its latest
-- delivered version (build/pmi_picture.sql). Person and origin as in
-- core.fact_pmi_placement.
CREATE TABLE core.fact_passport_application (
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
    application_number   text,
    application_date     date,
    office               text,
    purpose              text,
    destination_country  char(3) REFERENCES core.dim_country (country_code) NOT ENFORCED,
    work_recommendation  text,
    status               text,
    reason               text,
    issue_date           date,
    PRIMARY KEY (batch_id, row_number)
);
