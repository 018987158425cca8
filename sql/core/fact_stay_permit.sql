-- Grain: one row per stay permit in one immigration office's register
-- snapshot (one validated staging row not held in quarantine).
-- Foreign keys NOT ENFORCED: the build checks them (dim_person.sql).
CREATE TABLE core.fact_stay_permit (
    batch_id        bigint NOT NULL REFERENCES audit.batch (batch_id) NOT ENFORCED,
    row_number      integer NOT NULL,
    snapshot_date   date NOT NULL REFERENCES core.dim_date (full_date) NOT ENFORCED,
    person_key      char(64) REFERENCES core.dim_person (person_key)
                     DEFERRABLE INITIALLY DEFERRED NOT ENFORCED,
    permit_key      char(64),
    permit_type_key integer REFERENCES core.dim_permit_type (permit_type_key) NOT ENFORCED,
    nationality     char(3) REFERENCES core.dim_country (country_code) NOT ENFORCED,
    -- residence (KAB_KOTA)
    regency_code    text REFERENCES core.dim_region (region_code) NOT ENFORCED,
    issue_date      date,
    expiry_date     date,
    status          text,
    -- the employer PENJAMIN names (core.employer_name_key match at load)
    sponsor_nib     text,
    PRIMARY KEY (batch_id, row_number)
);
