-- Stay permits of the given validated batches into core (rows held in
-- quarantine stay out). Parameters: batch_ids (Jinja2: source). The rows come from
-- build/clean_rows.sql.
INSERT INTO core.dim_permit_type (permit_type, visa_index, purpose)
SELECT DISTINCT s.permit_type, coalesce(s.visa_index, ''), coalesce(s.purpose, '')
  FROM staging.imigrasi_izin_tinggal AS s
 WHERE s.batch_id = ANY({{ param("batch_ids") }}) AND s.permit_type IS NOT NULL
ON CONFLICT DO NOTHING;

{% set keys = {"permit_key": "s.permit_number"} %}
{% include "build/clean_rows.sql" %}

INSERT INTO pii.stay_permit (permit_key, permit_number)
SELECT DISTINCT permit_key, permit_number FROM load_rows WHERE permit_key IS NOT NULL
ON CONFLICT DO NOTHING;

INSERT INTO core.fact_stay_permit (batch_id, row_number, snapshot_date, person_key, permit_key,
                                   permit_type_key, nationality, regency_code, issue_date,
                                   expiry_date, status)
SELECT p.batch_id, p.row_number, p.snapshot_date, p.person_key, p.permit_key,
       t.permit_type_key, p.nationality, p.regency_code, p.issue_date, p.expiry_date, p.status
  FROM load_rows AS p
  LEFT JOIN core.dim_permit_type AS t
    ON t.permit_type = p.permit_type AND t.visa_index = coalesce(p.visa_index, '')
   AND t.purpose = coalesce(p.purpose, '');
