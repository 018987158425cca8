-- Grain: the last joint-operation visit, on or before the reference date, of
-- one ranked site in a region's ranking for a period (a site never visited
-- has no row). What the TIMPORA annex prints as "the last operation there";
-- the counts are the operations file's, no person is named.
CREATE TABLE mart.target_last_visit (
    period                   text NOT NULL,
    region_code              text NOT NULL,
    site_id                  text NOT NULL,
    visit_date               date NOT NULL,
    foreigners_checked       integer NOT NULL,
    findings_no_permit       integer NOT NULL,
    findings_permit_mismatch integer NOT NULL,
    findings_overstay        integer NOT NULL,
    actions_on_spot          integer NOT NULL,
    PRIMARY KEY (period, region_code, site_id)
);
