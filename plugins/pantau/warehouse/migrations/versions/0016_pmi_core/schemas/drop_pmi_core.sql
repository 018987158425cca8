-- Downgrade of 0016: the PMI persons, facts, indications and marts go.
DROP TABLE mart.pmi_followup, mart.pmi_priority_area, pii.pmi_identity,
    core.fact_pmi_indication, core.fact_pmi_return, core.fact_departure_postponement,
    core.fact_passport_application, core.fact_pmi_placement, core.pmi_identity_map,
    core.dim_pmi_person, core.pmi_destination_rule, core.dim_district;
ALTER TABLE mart.region_figures
    DROP COLUMN pmi_placements_departed, DROP COLUMN pmi_placements_informal,
    DROP COLUMN pmi_passports_withheld, DROP COLUMN pmi_persons_indicated;
