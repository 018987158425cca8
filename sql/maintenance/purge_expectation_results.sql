-- The expectation results of validation runs started before the cutoff; the
-- runs themselves stay (evidence the reports rest on). Run by retention.
-- Parameters: cutoff.
DELETE FROM audit.expectation_result AS r USING audit.validation_run AS v
 WHERE r.run_id = v.run_id AND v.started_at < %(cutoff)s
