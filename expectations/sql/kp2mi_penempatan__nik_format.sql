-- Note rule nik_format of the kp2mi_penempatan suite: a NIK that is present but
-- not valid (not 16 digits, no real province or regency, or birth-date digits
-- that do not agree with the birth date and sex). The row goes on; its origin
-- falls back to the stated regency.
-- The quality gate's GX run reads it over the waiting batches ({batch}).
SELECT batch_id, row_number, 'NIK' AS column_name
  FROM {batch}
 WHERE NOT nik_valid
