-- Row rule region_mapped of the timpora_operasi suite: a visit whose KAB_KOTA
-- is empty or maps to no Kemendagri regency.
-- The quality gate's GX run reads it over the waiting batches ({batch}).
SELECT batch_id, row_number, 'KAB_KOTA' AS column_name
  FROM {batch}
 WHERE regency_code IS NULL
