-- Per source and rule over every batch validated (of one source unless it is
-- null): batches checked and failing, rows failing, for
-- `pantau quality report`. Run by quality/report.py. Parameter: source.
SELECT v.source, e.rule, e.severity,
       count(*) AS batches_checked,
       count(*) FILTER (WHERE NOT e.success) AS batches_failing,
       sum(e.unexpected_count) FILTER (WHERE e.severity IN ('row', 'note')) AS rows_failing
  FROM audit.expectation_result AS e
  JOIN audit.validation_run AS v USING (run_id)
 WHERE %(source)s::text IS NULL OR v.source = %(source)s
 GROUP BY v.source, e.rule, e.severity
 ORDER BY v.source ASC, batches_failing DESC, e.rule ASC
