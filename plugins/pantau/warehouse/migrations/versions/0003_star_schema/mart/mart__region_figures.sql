-- Grain: one row per region (regency or province) and period: the key
-- figures of its report (docs/reports.md, figures.json). A province counts each
-- person and position once, however many of its regencies name them.
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
    dkptka_paid_usd   numeric(16,2) NOT NULL,
    population_2025   bigint,
    PRIMARY KEY (period, region_code)
);

-- Grain: one row per region, period, measure and category: the breakdowns
-- of a report (foreigners and workers by nationality, discrepancies by rule,
-- actions by type, workers by employer, sector and occupation, foreigners by
-- permit purpose).
CREATE TABLE mart.region_breakdown (
    period      text NOT NULL,
    region_code text NOT NULL,
    measure     text NOT NULL,
    category    text NOT NULL,
    label       text,
    value       numeric(16,2) NOT NULL,
    PRIMARY KEY (period, region_code, measure, category)
);

-- Grain: one row per person, rule and region for the follow-up lists of the
-- reports: masked passport and nationality only.
CREATE TABLE mart.followup (
    period          text NOT NULL,
    region_code     text NOT NULL,
    rule_code       text NOT NULL,
    person_ref      text NOT NULL,     -- masked passport, e.g. EA*******
    nationality     char(3),
    person_key      char(64) NOT NULL,  -- pseudonymous, to follow a person across periods
    PRIMARY KEY (period, region_code, rule_code, person_key)
);

-- The figures beside the previous period's, for trends.
CREATE VIEW mart.region_trend AS
SELECT f.period, f.region_code, f.region_name, f.level,
       f.foreigners_total, p.foreigners_total AS foreigners_total_previous,
       f.workers_total, p.workers_total AS workers_total_previous,
       f.registered_total, p.registered_total AS registered_total_previous,
       p.period AS previous_period
  FROM mart.region_figures AS f
  LEFT JOIN core.period_build AS b ON b.period = f.period
  LEFT JOIN mart.region_figures AS p
    ON p.region_code = f.region_code AND p.period = b.previous_period;
