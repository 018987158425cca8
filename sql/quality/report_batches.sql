-- The latest batches the gate validated or rejected (of one source unless it
-- is null), with rows held and the rules they failed, for
-- `pantau quality report`. Run by quality/report.py. Parameters: source, limit.
SELECT b.batch_id AS batch, b.source, b.original_name AS file, b.snapshot_date AS snapshot,
       b.status, b.row_count AS rows,
       (SELECT count(*) FROM quarantine.held_row AS h
         WHERE h.batch_id = b.batch_id) AS quarantined,
       (SELECT string_agg(e.rule, ', ' ORDER BY e.rule) FROM audit.expectation_result AS e
         WHERE e.batch_id = b.batch_id AND NOT e.success) AS failed_rules
  FROM audit.batch AS b
 WHERE b.validation_run_id IS NOT NULL
   AND (%(source)s::text IS NULL OR b.source = %(source)s)
 ORDER BY b.batch_id DESC
 LIMIT %(limit)s
