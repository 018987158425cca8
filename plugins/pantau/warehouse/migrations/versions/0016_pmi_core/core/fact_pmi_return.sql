-- Grain: one row per deported or repatriated Indonesian received at a post,
-- in a post's snapshot (staging.bp3mi_pemulangan minus held rows). Person
-- and origin as in core.fact_pmi_placement: the origin is where the person
-- comes from, never the post of arrival.
CREATE TABLE core.fact_pmi_return (
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
    register_number      text,
    arrival_date         date,
    arrival_post         text,
    deported_from        char(3) REFERENCES core.dim_country (country_code) NOT ENFORCED,
    case_type            text,
    PRIMARY KEY (batch_id, row_number)
);
