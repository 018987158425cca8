-- Grain: one row per region, period, measure and category: the breakdowns
-- of a report (foreigners and workers by nationality, discrepancies by rule,
-- actions by type, workers by employer, sector and occupation, foreigners by
-- permit purpose, registry links by method).
CREATE TABLE mart.region_breakdown (
    period      text NOT NULL,
    region_code text NOT NULL,
    measure     text NOT NULL,
    category    text NOT NULL,
    label       text,
    value       numeric(16, 2) NOT NULL,
    PRIMARY KEY (period, region_code, measure, category)
);
