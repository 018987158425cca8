-- The value seen for one rule's failing rows, read from the raw text of the
-- file and masked (core.masked) where the column is personal. Run by
-- quality/gate.py per rule of a column. Parameter: rule (Jinja2: source;
-- column, the raw column name; personal). Both names come from the source
-- catalog, never from a delivered file.
UPDATE gate_failure AS f
{%- if personal %}
   SET observed_value = core.masked(r.{{ column }})
{%- else %}
   SET observed_value = r.{{ column }}
{%- endif %}
  FROM raw.{{ source }} AS r
 WHERE f.rule = {{ param("rule") }} AND f.observed_value IS NULL
   AND r.batch_id = f.batch_id AND r.row_number = f.row_number
