-- Grain: one row per period, PMI rule (sql/rules/pmi_*.sql) and source row
-- that indicates it: the person, and the origin regency (district) of that
-- row. A figure counts distinct persons per rule and region. Lineage: the
-- row's batch, one of the period's snapshots in core.period_batch.
CREATE TABLE core.fact_pmi_indication (
    period        text NOT NULL,
    rule_code     text NOT NULL,
    batch_id      bigint NOT NULL,
    row_number    integer NOT NULL,
    person_key    char(64) NOT NULL REFERENCES core.dim_pmi_person (person_key)
                      DEFERRABLE INITIALLY DEFERRED NOT ENFORCED,
    regency_code  text NOT NULL REFERENCES core.dim_region (region_code) NOT ENFORCED,
    district_code text REFERENCES core.dim_district (district_code) NOT ENFORCED,
    PRIMARY KEY (period, rule_code, batch_id, row_number)
);
