-- Deportees and repatriated workers of the given validated batches into core
-- (rows held in quarantine stay out). Parameters: batch_ids (Jinja2:
-- source). The rows and their keyed hashes come from build/pmi_rows.sql.
{% set event_date = none %}
{% include "build/pmi_rows.sql" %}

INSERT INTO core.fact_pmi_return (
    batch_id, row_number, snapshot_date, nik_key, passport_key, name_key, sex,
    origin_regency_code, origin_district_code, origin_from, register_number, arrival_date,
    arrival_post, deported_from, case_type)
SELECT batch_id, row_number, snapshot_date, nik_key, passport_key, name_key, sex,
       origin_regency_code, origin_district_code, origin_from, register_number, arrival_date,
       arrival_post, deported_from, case_type
  FROM load_rows;
