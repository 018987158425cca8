-- Held rows with their file, status, failed rules and columns, newest
-- batches first, for `pantau quarantine list`. Each filter applies unless it
-- is null. Run by quality/quarantine.py (list_rows). Parameters: source,
-- batch, status, rule, limit.
SELECT h.batch_id || ':' || h.row_number AS row, h.source, b.original_name AS file,
       h.status, string_agg(DISTINCT r.rule, ', ') AS rules,
       string_agg(DISTINCT r.column_name, ', ') AS columns
  FROM quarantine.held_row AS h
  JOIN audit.batch AS b USING (batch_id)
  JOIN quarantine.reason AS r USING (batch_id, row_number)
 WHERE (%(source)s::text IS NULL OR h.source = %(source)s)
   AND (%(batch)s::bigint IS NULL OR h.batch_id = %(batch)s)
   AND (%(status)s::text IS NULL OR h.status = %(status)s)
   AND (%(rule)s::text IS NULL OR EXISTS (
        SELECT 1 FROM quarantine.reason AS x
         WHERE x.batch_id = h.batch_id AND x.row_number = h.row_number
           AND x.rule = %(rule)s))
 GROUP BY h.batch_id, h.row_number, h.source, b.original_name, h.status
 ORDER BY h.batch_id DESC, h.row_number ASC
 LIMIT %(limit)s
