-- Grain: one row per foreign-worker position (RPTKA approval + worker) in
-- one manpower snapshot; its work locations in core.fact_rptka_location.
CREATE TABLE core.fact_rptka_position (
    batch_id         bigint NOT NULL REFERENCES audit.batch (batch_id),
    row_number       integer NOT NULL,
    snapshot_date    date NOT NULL REFERENCES core.dim_date (full_date),
    position_key     char(64) NOT NULL,    -- keyed hash of RPTKA number + passport
    person_key       char(64) REFERENCES core.dim_person (person_key)
                     DEFERRABLE INITIALLY DEFERRED,
    employer_nib     text,                 -- NIB: the employer across its versions
    employer_key     integer REFERENCES core.dim_employer (employer_key),
    kbji_code        char(4),
    position_title   text,
    nationality      char(3) REFERENCES core.dim_country (country_code),
    start_date       date,
    end_date         date,
    dkptka_months    integer,
    dkptka_usd       numeric(14,2),
    companion_count  integer,
    PRIMARY KEY (batch_id, row_number)
);

-- Grain: one row per regency a position's LOKASI_KERJA names.
CREATE TABLE core.fact_rptka_location (
    batch_id     bigint NOT NULL,
    row_number   integer NOT NULL,
    regency_code text NOT NULL REFERENCES core.dim_region (region_code),
    PRIMARY KEY (batch_id, row_number, regency_code),
    FOREIGN KEY (batch_id, row_number) REFERENCES core.fact_rptka_position (batch_id, row_number)
);
