-- Grain: one row per region, period and source batch whose rows reach the
-- region's figures: the file, its snapshot date and SHA-256, how many of its
-- rows count in the region, and what the quality gate found in it. The data
-- appendix of a report reads this (the reporter role reads marts only).
CREATE TABLE mart.region_lineage (
    period           text NOT NULL,
    region_code      text NOT NULL,
    batch_id         bigint NOT NULL,
    source           text NOT NULL,
    file_name        text NOT NULL,
    snapshot_date    date NOT NULL,
    sha256           char(64) NOT NULL,
    rows_in_region   integer NOT NULL,
    batch_rows       integer,
    rows_quarantined integer NOT NULL,
    checks_failed    text,
    PRIMARY KEY (period, region_code, batch_id)
);
