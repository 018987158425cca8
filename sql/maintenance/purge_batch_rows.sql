-- The rows of batches whose personal data retention removes, from one table
-- holding it by batch (raw.<source>, raw.extra_field, staging.<source>).
-- Run by retention per table, to count each. Parameters: batch_ids; Jinja2:
-- table.
DELETE FROM {{ table }} WHERE batch_id = ANY({{ param("batch_ids") }})
