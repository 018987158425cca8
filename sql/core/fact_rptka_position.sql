-- Grain: one row per foreign-worker position (RPTKA approval + worker) in
-- one manpower snapshot; its work locations in core.fact_rptka_location.
-- Foreign keys NOT ENFORCED: the build checks them (dim_person.sql).
CREATE TABLE core.fact_rptka_position (
    batch_id         bigint NOT NULL REFERENCES audit.batch (batch_id) NOT ENFORCED,
    row_number       integer NOT NULL,
    snapshot_date    date NOT NULL REFERENCES core.dim_date (full_date) NOT ENFORCED,
    position_key     char(64) NOT NULL,    -- keyed hash of RPTKA number + passport
    person_key       char(64) REFERENCES core.dim_person (person_key)
                     DEFERRABLE INITIALLY DEFERRED NOT ENFORCED,
    employer_nib     text,                 -- NIB: the employer across its versions
    employer_key     integer REFERENCES core.dim_employer (employer_key) NOT ENFORCED,
    kbji_code        char(4),
    position_title   text,
    nationality      char(3) REFERENCES core.dim_country (country_code) NOT ENFORCED,
    start_date       date,
    end_date         date,
    dkptka_months    integer,
    dkptka_usd       numeric(14, 2),
    companion_count  integer,
    PRIMARY KEY (batch_id, row_number)
);

-- A late RPTKA file rebuilds the employer versions of the NIBs it touches,
-- deleting dim_employer rows; without an index on the referencing column every
-- deleted row scans the whole position fact (minutes at national scale instead
-- of a second).
CREATE INDEX fact_rptka_position_employer_key ON core.fact_rptka_position (employer_key);
CREATE INDEX fact_rptka_position_employer_nib ON core.fact_rptka_position (employer_nib);
