-- Row rule region_mapped of the imigrasi_paspor suite: a row without origin:
-- its NIK is empty or not valid and its stated regency maps to no Kemendagri
-- regency.
-- The quality gate's GX run reads it over the waiting batches ({batch}).
SELECT batch_id, row_number, 'KAB_KOTA' AS column_name
  FROM {batch}
 WHERE origin_regency_code IS NULL
