-- Grain: one row per site visited in a TIMPORA joint operation, in an
-- immigration office's snapshot (staging.timpora_operasi minus held rows).
-- Each snapshot holds all operations of the 36 months before it; a period
-- reads the office's latest snapshot on or before its reference date
-- (core.period_batch). order_key is a keyed hash of the office and the
-- operation order number (NOMOR_SPRIN): not personal, but an operation plan is
-- not for general distribution. nib is NULL where the site is no company.
CREATE TABLE core.fact_operation_visit (
    batch_id                 bigint NOT NULL,
    row_number               integer NOT NULL,
    snapshot_date            date NOT NULL,
    order_key                char(64) NOT NULL,
    visit_date               date NOT NULL,
    regency_code             text NOT NULL REFERENCES core.dim_region (region_code) NOT ENFORCED,
    district_code            text REFERENCES core.dim_district (district_code) NOT ENFORCED,
    site_name                text NOT NULL,
    nib                      text,
    site_kind                text NOT NULL,
    foreigners_checked       integer NOT NULL,
    findings_no_permit       integer NOT NULL,
    findings_permit_mismatch integer NOT NULL,
    findings_overstay        integer NOT NULL,
    actions_on_spot          integer NOT NULL,
    PRIMARY KEY (batch_id, row_number)
);

CREATE INDEX fact_operation_visit_nib ON core.fact_operation_visit (nib)
WHERE nib IS NOT NULL;
