-- Placements of the given validated batches into core (rows held in
-- quarantine stay out). Parameters: batch_ids (Jinja2: source). The rows
-- and their keyed hashes come from build/pmi_rows.sql.
{% set event_date = "departure_date" %}
{% include "build/pmi_rows.sql" %}

INSERT INTO core.fact_pmi_placement (
    batch_id, row_number, snapshot_date, nik_key, passport_key, name_key, sex,
    origin_regency_code, origin_district_code, origin_from, destination_country, sector,
    scheme, job_title, agency_name, departure_date, contract_end_date, status,
    age_at_departure)
SELECT batch_id, row_number, snapshot_date, nik_key, passport_key, name_key, sex,
       origin_regency_code, origin_district_code, origin_from, destination_country, sector,
       scheme, job_title, agency_name, departure_date, contract_end_date, status, age_years
  FROM load_rows;
