-- Row rule value_unreadable of the timpora_operasi suite: the values the
-- ingest could not read, as it noted them in audit.parse_problem (an
-- impossible date, a count that is no whole number). A regency that maps to
-- none is region_mapped's.
-- The quality gate's GX run reads it over the waiting batches ({batch}).
SELECT batch_id, row_number, p.column_name, coalesce(p.detail, p.problem) AS observed_value
  FROM {batch}
  JOIN audit.parse_problem AS p USING (batch_id, row_number)
 WHERE p.problem NOT IN ('unknown_region', 'ambiguous_region')
