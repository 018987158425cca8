-- Grain: one row per person, regency and month (the picture on the month's
-- last day; a quarter or semester build writes its last month): what each
-- source says about the person there, and the rules that hold. Registry rows
-- linked to nobody stay out (counted in the registry totals only). Lineage:
-- core.period_batch of the period that wrote the month.
-- Foreign keys NOT ENFORCED: the build checks them (dim_person.sql).
CREATE TABLE core.fact_person_status (
    month              text NOT NULL,          -- YYYY-MM
    reference_date     date NOT NULL REFERENCES core.dim_date (full_date) NOT ENFORCED,
    person_key         char(64) NOT NULL REFERENCES core.dim_person (person_key)
                     DEFERRABLE INITIALLY DEFERRED NOT ENFORCED,
    regency_code       text NOT NULL REFERENCES core.dim_region (region_code) NOT ENFORCED,
    nationality        char(3),
    has_valid_permit   boolean NOT NULL,
    has_work_permit    boolean NOT NULL,
    has_rptka_position boolean NOT NULL,
    is_registered      boolean NOT NULL,
    rule_codes         text[] NOT NULL DEFAULT '{}',
    PRIMARY KEY (month, person_key, regency_code)
);

-- Trends: one region's months. The fact is keyed by month first (what a build
-- replaces); a region's history reads it region first. The flags ride in the
-- index so a region's series is counted from the index alone (an index-only
-- scan, once vacuumed).
CREATE INDEX fact_person_status_region_month ON core.fact_person_status (regency_code, month)
    INCLUDE (has_valid_permit, has_work_permit, has_rptka_position, is_registered);
