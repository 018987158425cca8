-- The PMI figures of a region and period beside the others.
ALTER TABLE mart.region_figures
    ADD COLUMN pmi_placements_departed integer NOT NULL DEFAULT 0,
    ADD COLUMN pmi_placements_informal integer NOT NULL DEFAULT 0,
    ADD COLUMN pmi_passports_withheld integer NOT NULL DEFAULT 0,
    ADD COLUMN pmi_persons_indicated integer NOT NULL DEFAULT 0;
