-- Grain: one row per region, period and sub-area with at least one person
-- indicated by a PMI rule: a regency's districts (from the NIK), a
-- province's regencies. persons_indicated: distinct persons with any rule
-- whose indicating row comes from the area; placements_departed: placements
-- departed in the period from it. The "priority areas for socialisation".
CREATE TABLE mart.pmi_priority_area (
    period              text NOT NULL,
    region_code         text NOT NULL,
    area_code           text NOT NULL,
    area_name           text NOT NULL,
    persons_indicated   integer NOT NULL,
    placements_departed integer NOT NULL,
    PRIMARY KEY (period, region_code, area_code)
);
