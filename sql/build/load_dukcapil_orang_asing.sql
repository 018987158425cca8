-- Population documents of the given validated batches into core. A row
-- without a passport keeps only its permit key; the period build links it.
-- Parameters: batch_ids (Jinja2: source). The rows come from build/clean_rows.sql.
{% set keys = {"permit_key": "s.permit_number"} %}
{% include "build/clean_rows.sql" %}

INSERT INTO core.fact_population_document (batch_id, row_number, snapshot_date, person_key,
                                           permit_key, nationality, document_type,
                                           document_status, regency_code, issue_date,
                                           valid_until, district_code)
SELECT batch_id, row_number, snapshot_date, person_key, permit_key, nationality, document_type,
       document_status, regency_code, issue_date, valid_until, district_code
  FROM load_rows;
