-- Grain: one row per stay permit in one immigration office's register
-- snapshot (one validated staging row not held in quarantine).
CREATE TABLE core.fact_stay_permit (
    batch_id        bigint NOT NULL REFERENCES audit.batch (batch_id),
    row_number      integer NOT NULL,
    snapshot_date   date NOT NULL,
    person_key      char(64) REFERENCES core.dim_person (person_key),
    permit_key      char(64),
    permit_type_key integer REFERENCES core.dim_permit_type (permit_type_key),
    nationality     char(3),
    regency_code    text,                  -- residence (KAB_KOTA)
    issue_date      date,
    expiry_date     date,
    status          text,
    PRIMARY KEY (batch_id, row_number)
);

CREATE INDEX fact_stay_permit_person_idx ON core.fact_stay_permit (person_key);
