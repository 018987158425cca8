-- Row rule expiry_not_before_issue of the imigrasi_izin_tinggal suite: a
-- permit that expires before it was issued.
-- The quality gate's GX run reads it over the waiting batches ({batch}).
SELECT batch_id, row_number, expiry_date || ' < ' || issue_date AS observed_value
  FROM {batch}
 WHERE expiry_date < issue_date
