-- Grain: one row per population document (SKTT / KTP-el WNA) in one
-- regency's registry snapshot. person_key is set when the row names a
-- passport; otherwise the period build links it through permit_key.
-- Foreign keys NOT ENFORCED: the build checks them (dim_person.sql).
CREATE TABLE core.fact_population_document (
    batch_id        bigint NOT NULL REFERENCES audit.batch (batch_id) NOT ENFORCED,
    row_number      integer NOT NULL,
    snapshot_date   date NOT NULL REFERENCES core.dim_date (full_date) NOT ENFORCED,
    person_key      char(64) REFERENCES core.dim_person (person_key)
                     DEFERRABLE INITIALLY DEFERRED NOT ENFORCED,
    permit_key      char(64),
    nationality     char(3) REFERENCES core.dim_country (country_code) NOT ENFORCED,
    document_type   text,
    document_status text,
    regency_code    text REFERENCES core.dim_region (region_code) NOT ENFORCED,
    issue_date      date,
    valid_until     date,
    district_code   text REFERENCES core.dim_district (district_code) NOT ENFORCED,  -- NO_KEC
    PRIMARY KEY (batch_id, row_number)
);
