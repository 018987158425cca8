-- Row rule date_not_before_birth of the imigrasi_penundaan suite: a
-- postponement dated before the birth date of the person it concerns.
-- The quality gate's GX run reads it over the waiting batches ({batch}).
SELECT batch_id, row_number
  FROM {batch}
 WHERE postponement_date < birth_date
