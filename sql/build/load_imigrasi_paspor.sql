-- Passport applications of the given validated batches (deliveries of the
-- delta feed) into core (rows held in quarantine stay out). Parameters:
-- batch_ids (Jinja2: source). The rows and their keyed hashes come from
-- build/pmi_rows.sql.
{% set event_date = none %}
{% include "build/pmi_rows.sql" %}

INSERT INTO core.fact_passport_application (
    batch_id, row_number, snapshot_date, nik_key, passport_key, name_key, sex,
    origin_regency_code, origin_district_code, origin_from, application_number,
    application_date, office, purpose, destination_country, work_recommendation, status,
    reason, issue_date)
SELECT batch_id, row_number, snapshot_date, nik_key, passport_key, name_key, sex,
       origin_regency_code, origin_district_code, origin_from, application_number,
       application_date, office, purpose, destination_country, work_recommendation, status,
       reason, issue_date
  FROM load_rows;
