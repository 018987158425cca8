-- The quality gate's checks of the batches an audit pack lists, with the GX
-- result each run stored (its Data Docs page). Run by
-- pantau.reports.audit_pack as the auditor role. Parameter: batch_ids.
SELECT e.batch_id, e.run_id, v.suite_name AS suite, v.gx_result, e.rule, e.severity,
       e.column_name, e.success, e.unexpected_count AS failing
  FROM (SELECT * FROM audit.expectation_result WHERE batch_id = ANY(%(batch_ids)s)) AS e
  JOIN audit.validation_run AS v ON v.run_id = e.run_id
 ORDER BY e.batch_id ASC, e.run_id ASC, e.success ASC, e.rule ASC
