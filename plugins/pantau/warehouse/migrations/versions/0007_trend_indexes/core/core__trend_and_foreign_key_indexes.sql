-- Indexes for what runs after the first load (migration 0007).
--
-- Foreign keys into dimensions: a late RPTKA file rebuilds the employer
-- versions of the NIBs it touches, deleting dim_employer rows; without an
-- index on the referencing column every deleted row scans the whole position
-- fact (minutes at national scale instead of a second).
CREATE INDEX fact_rptka_position_employer_key ON core.fact_rptka_position (employer_key);
CREATE INDEX fact_rptka_position_employer_nib ON core.fact_rptka_position (employer_nib);

-- Trends: one region's months. The monthly snapshot fact and the marts are
-- keyed by period first (what a build replaces); a region's history reads
-- them region first. The flags ride in the index so a region's series is
-- counted from the index alone (an index-only scan, once vacuumed).
CREATE INDEX fact_person_status_region_month ON core.fact_person_status (regency_code, month)
    INCLUDE (has_valid_permit, has_work_permit, has_rptka_position, is_registered);
CREATE INDEX region_figures_region_period ON mart.region_figures (region_code, period);
