-- Departure postponements of the given validated batches into core (rows
-- held in quarantine stay out). Parameters: batch_ids (Jinja2: source). The
-- rows and their keyed hashes come from build/pmi_rows.sql.
{% set event_date = "postponement_date" %}
{% include "build/pmi_rows.sql" %}

INSERT INTO core.fact_departure_postponement (
    batch_id, row_number, snapshot_date, nik_key, passport_key, name_key, sex,
    origin_regency_code, origin_district_code, origin_from, postponement_number,
    postponement_date, checkpoint, destination_country, stated_purpose, reason, handed_to,
    age_at_postponement)
SELECT batch_id, row_number, snapshot_date, nik_key, passport_key, name_key, sex,
       origin_regency_code, origin_district_code, origin_from, postponement_number,
       postponement_date, checkpoint, destination_country, stated_purpose, reason, handed_to,
       age_years
  FROM load_rows;
