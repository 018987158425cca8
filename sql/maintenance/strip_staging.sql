-- A source's staging rows of purged batches kept, their personal columns
-- emptied: the manpower source's, whose NIB, employer name and KBLI (company
-- data) each load reads to rebuild the employer history. Run by retention
-- in place of maintenance/purge_batch_rows.sql for such a source. Parameters:
-- batch_ids; Jinja2: source, columns (the personal ones).
UPDATE staging.{{ source }}
   SET {% for column in columns %}{{ column }} = NULL
       {{- ", " if not loop.last }}{% endfor %}
 WHERE batch_id = ANY({{ param("batch_ids") }})
