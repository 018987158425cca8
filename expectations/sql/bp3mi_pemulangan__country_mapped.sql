-- Row rule country_mapped of the bp3mi_pemulangan suite: a NEGARA_ASAL that is
-- empty or no known country (ISO 3166).
-- The quality gate's GX run reads it over the waiting batches ({batch}).
SELECT batch_id, row_number, 'NEGARA_ASAL' AS column_name
  FROM {batch}
 WHERE deported_from IS NULL
