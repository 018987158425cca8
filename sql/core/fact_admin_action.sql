-- Grain: one row per administrative immigration action in one office's
-- (cumulative) action list snapshot.
-- Foreign keys NOT ENFORCED: the build checks them (dim_person.sql).
CREATE TABLE core.fact_admin_action (
    batch_id      bigint NOT NULL REFERENCES audit.batch (batch_id) NOT ENFORCED,
    row_number    integer NOT NULL,
    snapshot_date date NOT NULL REFERENCES core.dim_date (full_date) NOT ENFORCED,
    person_key    char(64) REFERENCES core.dim_person (person_key)
                     DEFERRABLE INITIALLY DEFERRED NOT ENFORCED,
    nationality   char(3) REFERENCES core.dim_country (country_code) NOT ENFORCED,
    action_type   text,
    action_date   date,
    regency_code  text REFERENCES core.dim_region (region_code) NOT ENFORCED,
    PRIMARY KEY (batch_id, row_number)
);
