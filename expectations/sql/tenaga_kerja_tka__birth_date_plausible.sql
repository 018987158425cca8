-- Row rule birth_date_plausible of the tenaga_kerja_tka suite: a birth date
-- before 1900 or after the RPTKA position starts (start_date).
-- The quality gate's GX run reads it over the waiting batches ({batch}).
SELECT batch_id, row_number
  FROM {batch}
 WHERE birth_date < DATE '1900-01-01' OR birth_date > start_date
