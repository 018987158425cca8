-- Noted rows (counted, not held: a passport missing or malformed) with
-- their file, rule, column, the masked value seen and the reason, newest
-- batches first, for `pantau quarantine notes`. Each filter applies unless
-- it is null. Run by quality/quarantine.py (list_notes). Parameters:
-- source, batch, rule, limit.
SELECT n.batch_id || ':' || n.row_number AS row, b.source, b.original_name AS file,
       n.rule, n.column_name, n.observed_value AS seen, n.reason_id AS alasan
  FROM quarantine.row_note AS n
  JOIN audit.batch AS b USING (batch_id)
 WHERE (%(source)s::text IS NULL OR b.source = %(source)s)
   AND (%(batch)s::bigint IS NULL OR n.batch_id = %(batch)s)
   AND (%(rule)s::text IS NULL OR n.rule = %(rule)s)
 ORDER BY n.batch_id DESC, n.row_number ASC, n.rule ASC
 LIMIT %(limit)s
