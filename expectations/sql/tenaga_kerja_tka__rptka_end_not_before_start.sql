-- Row rule rptka_end_not_before_start of the tenaga_kerja_tka suite: an
-- RPTKA position that ends before it starts.
-- The quality gate's GX run reads it over the waiting batches ({batch}).
SELECT batch_id, row_number, end_date || ' < ' || start_date AS observed_value
  FROM {batch}
 WHERE end_date < start_date
