-- Row rule issued_has_passport of the imigrasi_paspor suite: an application
-- decided TERBIT (issued) without a passport number.
-- The quality gate's GX run reads it over the waiting batches ({batch}).
SELECT batch_id, row_number
  FROM {batch}
 WHERE status = 'TERBIT' AND passport_number IS NULL
