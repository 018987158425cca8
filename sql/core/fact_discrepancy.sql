-- Grain: one row per person, rule and regency where a reconciliation rule
-- holds on the period's reference date (sql/rules/). Lineage: the period's
-- snapshots in core.period_batch.
-- Foreign keys NOT ENFORCED: the build checks them (dim_person.sql).
CREATE TABLE core.fact_discrepancy (
    period       text NOT NULL,
    rule_code    text NOT NULL,
    person_key   char(64) NOT NULL REFERENCES core.dim_person (person_key)
                     DEFERRABLE INITIALLY DEFERRED NOT ENFORCED,
    regency_code text NOT NULL REFERENCES core.dim_region (region_code) NOT ENFORCED,
    PRIMARY KEY (period, rule_code, person_key, regency_code)
);
