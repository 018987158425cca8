-- Grain: one row per person, regency and month (the picture on the month's
-- last day; a quarter or semester build writes its last month): what each
-- source says about the person there, and the rules that hold. Registry rows
-- linked to nobody stay out (counted in the registry totals only). Lineage:
-- core.period_batch of the period that wrote the month.
CREATE TABLE core.fact_person_status (
    month              text NOT NULL,          -- YYYY-MM
    reference_date     date NOT NULL REFERENCES core.dim_date (full_date),
    person_key         char(64) NOT NULL REFERENCES core.dim_person (person_key)
                     DEFERRABLE INITIALLY DEFERRED,
    regency_code       text NOT NULL REFERENCES core.dim_region (region_code),
    nationality        char(3),
    has_valid_permit   boolean NOT NULL,
    has_work_permit    boolean NOT NULL,
    has_rptka_position boolean NOT NULL,
    is_registered      boolean NOT NULL,
    rule_codes         text[] NOT NULL DEFAULT '{}',
    PRIMARY KEY (month, person_key, regency_code)
);

-- Grain: one row per person, rule and regency where a reconciliation rule
-- holds on the period's reference date (sql/rules/). Lineage: the period's
-- snapshots in core.period_batch.
CREATE TABLE core.fact_discrepancy (
    period       text NOT NULL,
    rule_code    text NOT NULL,
    person_key   char(64) NOT NULL REFERENCES core.dim_person (person_key)
                     DEFERRABLE INITIALLY DEFERRED,
    regency_code text NOT NULL REFERENCES core.dim_region (region_code),
    PRIMARY KEY (period, rule_code, person_key, regency_code)
);
