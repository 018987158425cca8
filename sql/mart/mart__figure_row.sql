-- Grain: one row per period, region, figure, category and source row that the
-- figure counts (or, for a money figure, sums): the row's batch and row
-- number (as the readers count them), the unit the figure counts distinct
-- (person_key, position_key, or batch:row for figures that count rows), a
-- masked passport, for a PMI row the masked NIK else passport (never the
-- plain value), how the row was linked to a person
-- and, for money figures, the amount the row contributes. `pantau trace` and
-- the audit pack read it: the distinct units of (period, region_code, figure,
-- category) equal the figure (the sum of amount, for money figures).
-- category is '' for figures without one (foreigners_total), else the
-- figures.json key below the figure (by_permit_type ITAS, discrepancies
-- PERMIT_NO_RPTKA). The pmi object's figures are named by their path
-- (pmi.returnees OVERSTAY; pmi.priority_areas.persons_indicated with the
-- area's code as category).
CREATE TABLE mart.figure_row (
    period      text NOT NULL,
    region_code text NOT NULL,
    figure      text NOT NULL,
    category    text NOT NULL DEFAULT '',
    source      text NOT NULL,
    batch_id    bigint NOT NULL,
    row_number  integer NOT NULL,
    unit_key    text NOT NULL,
    masked_id   text,
    link_method text NOT NULL,
    amount      numeric(14, 2),
    PRIMARY KEY (period, region_code, figure, category, batch_id, row_number)
);
