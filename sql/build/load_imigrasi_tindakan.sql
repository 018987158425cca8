-- Administrative actions of the given validated batches into core.
-- Parameters: batch_ids (Jinja2: source). The rows come from build/clean_rows.sql.
{% set keys = {} %}
{% include "build/clean_rows.sql" %}

INSERT INTO core.fact_admin_action (batch_id, row_number, snapshot_date, person_key,
                                    nationality, action_type, action_date, regency_code)
SELECT batch_id, row_number, snapshot_date, person_key, nationality, action_type, action_date,
       regency_code
  FROM load_rows;
