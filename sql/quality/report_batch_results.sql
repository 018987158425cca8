-- Every expectation result of one batch's gate runs, failures first, for
-- `pantau quality report --batch`. Run by quality/report.py. Parameter: batch.
SELECT e.run_id, v.suite_name AS suite, e.rule, e.severity, e.column_name AS "column",
       e.success, e.observed_value AS observed, e.unexpected_count AS failing,
       e.unexpected_percent AS percent, e.exception
  FROM audit.expectation_result AS e
  JOIN audit.validation_run AS v USING (run_id)
 WHERE e.batch_id = %(batch)s
 ORDER BY e.run_id ASC, e.success ASC, e.severity DESC, e.rule ASC
