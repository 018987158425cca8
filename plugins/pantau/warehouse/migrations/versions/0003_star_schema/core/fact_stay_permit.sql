-- Grain: one row per stay permit in one immigration office's register
-- snapshot (one validated staging row not held in quarantine).
CREATE TABLE core.fact_stay_permit (
    batch_id        bigint NOT NULL REFERENCES audit.batch (batch_id),
    row_number      integer NOT NULL,
    snapshot_date   date NOT NULL REFERENCES core.dim_date (full_date),
    person_key      char(64) REFERENCES core.dim_person (person_key)
                     DEFERRABLE INITIALLY DEFERRED,
    permit_key      char(64),
    permit_type_key integer REFERENCES core.dim_permit_type (permit_type_key),
    nationality     char(3) REFERENCES core.dim_country (country_code),
    regency_code    text REFERENCES core.dim_region (region_code),  -- residence (KAB_KOTA)
    issue_date      date,
    expiry_date     date,
    status          text,
    PRIMARY KEY (batch_id, row_number)
);
