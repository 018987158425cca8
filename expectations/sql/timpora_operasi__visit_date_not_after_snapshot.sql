-- Row rule visit_date_not_after_snapshot of the timpora_operasi suite: a
-- visit dated after the snapshot date of its file (audit.batch).
-- The quality gate's GX run reads it over the waiting batches ({batch}).
SELECT batch_id, row_number
  FROM {batch}
  JOIN audit.batch AS b USING (batch_id)
 WHERE visit_date > b.snapshot_date
