-- GX query asset of a quarantine release: the held row's batch with the row
-- replaced by its corrected version, which travels in the query as JSON
-- because GX reads through its own connection and cannot see the decision's
-- uncommitted corrections. Rendered by quality/gate.py (recheck_row);
-- Jinja2: source, batch_id and row_number (integers) and row_json (a
-- literal quoted by psycopg). GX wants a query that starts with SELECT.
SELECT * FROM staging.{{ source }} WHERE batch_id = {{ batch_id }}
   AND row_number <> {{ row_number }}
 UNION ALL
SELECT (jsonb_populate_record(NULL::staging.{{ source }}, {{ row_json }}::jsonb)).*
