-- Grain: one row per region (regency or province) and period: the key
-- figures of its report (its figures.json). A province counts each
-- person and position once, however many of its regencies name them.
-- The PMI breakdowns are in mart.region_breakdown (measures pmi_*).
CREATE TABLE mart.region_figures (
    period            text NOT NULL,
    region_code       text NOT NULL,
    level             text NOT NULL,
    region_name       text NOT NULL,
    province_code     char(2) NOT NULL,
    reference_date    date NOT NULL,
    foreigners_total  integer NOT NULL,
    itas              integer NOT NULL,
    itap              integer NOT NULL,
    itk               integer NOT NULL,
    workers_total     integer NOT NULL,
    registered_total  integer NOT NULL,
    expiring_90_days  integer NOT NULL,
    dkptka_due_usd    bigint NOT NULL,
    dkptka_paid_usd   numeric(16, 2) NOT NULL,
    population_2025   bigint,
    -- Indonesians working abroad (PMI), from the four PMI exports: placements
    -- departed in the period (and those in the informal sector), applications
    -- withheld for indication of non-procedural work, distinct persons
    -- indicated by any PMI rule.
    pmi_placements_departed integer NOT NULL DEFAULT 0,
    pmi_placements_informal integer NOT NULL DEFAULT 0,
    pmi_passports_withheld  integer NOT NULL DEFAULT 0,
    pmi_persons_indicated   integer NOT NULL DEFAULT 0,
    PRIMARY KEY (period, region_code)
);

-- Trends: one region's periods. The mart is keyed by period first (what a
-- build replaces); a region's history reads it region first.
CREATE INDEX region_figures_region_period ON mart.region_figures (region_code, period);

-- Trends across regions: one level's rows of many periods (every province
-- over five years), without reading the other levels and periods.
CREATE INDEX region_figures_level_period ON mart.region_figures (level, period);
