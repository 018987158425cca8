-- Row rule value_unreadable of the imigrasi_tindakan suite: the values
-- the ingest could not read, as it noted them in audit.parse_problem.
-- The quality gate's GX run reads it over the waiting batches ({batch}).
SELECT batch_id, row_number, p.column_name, coalesce(p.detail, p.problem) AS observed_value
  FROM {batch}
  JOIN audit.parse_problem AS p USING (batch_id, row_number)
