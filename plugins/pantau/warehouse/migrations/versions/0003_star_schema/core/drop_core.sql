-- Downgrade of the star schema (0003).
DROP VIEW IF EXISTS mart.region_trend;
DROP TABLE IF EXISTS mart.followup, mart.region_breakdown, mart.region_figures,
    core.document_link, core.fact_discrepancy, core.fact_person_status, core.period_build, core.period_batch,
    core.fact_admin_action, core.fact_population_document, core.fact_rptka_location,
    core.fact_rptka_position, core.fact_stay_permit, core.person_key_check, core.dim_person,
    core.dim_employer,
    core.dim_occupation, core.dim_permit_type, core.dim_country, core.dim_region,
    core.dim_date, pii.stay_permit, pii.person;
DROP FUNCTION IF EXISTS core.keyed_hash(text, bytea, bytea), core.masked(text);
ALTER TABLE audit.batch DROP COLUMN IF EXISTS core_loaded_at;
