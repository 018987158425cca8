-- Row rule birth_date_plausible of the bp3mi_pemulangan suite: a birth date
-- before 1900 or after the extraction date of its file (audit.batch).
-- The quality gate's GX run reads it over the waiting batches ({batch}).
SELECT batch_id, row_number
  FROM {batch}
  JOIN audit.batch AS b USING (batch_id)
 WHERE birth_date < DATE '1900-01-01' OR birth_date > b.snapshot_date
