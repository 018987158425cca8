-- Row rule country_mapped of the imigrasi_penundaan suite: a NEGARA_TUJUAN that
-- is empty or no known country (ISO 3166).
-- The quality gate's GX run reads it over the waiting batches ({batch}).
SELECT batch_id, row_number, 'NEGARA_TUJUAN' AS column_name
  FROM {batch}
 WHERE destination_country IS NULL
