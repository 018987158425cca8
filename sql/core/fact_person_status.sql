-- Grain: one row per person, regency and period (the picture on the
-- reference date): what each source says about the person there, and the
-- rules that hold. Persons without a passport link stay out (counted in the
-- registry totals only).
CREATE TABLE core.fact_person_status (
    period             text NOT NULL,
    person_key         char(64) NOT NULL REFERENCES core.dim_person (person_key),
    regency_code       text NOT NULL,
    nationality        char(3),
    has_valid_permit   boolean NOT NULL,
    has_work_permit    boolean NOT NULL,
    has_rptka_position boolean NOT NULL,
    is_registered      boolean NOT NULL,
    rule_codes         text[] NOT NULL DEFAULT '{}',
    PRIMARY KEY (period, person_key, regency_code)
);

-- Grain: one row per person, rule and regency where a reconciliation rule
-- holds on the period's reference date (sql/rules/).
CREATE TABLE core.fact_discrepancy (
    period       text NOT NULL,
    rule_code    text NOT NULL,
    person_key   char(64) NOT NULL REFERENCES core.dim_person (person_key),
    regency_code text NOT NULL,
    PRIMARY KEY (period, rule_code, person_key, regency_code)
);
