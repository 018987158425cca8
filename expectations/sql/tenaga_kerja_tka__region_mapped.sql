-- Row rule region_mapped of the tenaga_kerja_tka suite: a row with a listed
-- work location that maps to no regency (staging.tenaga_kerja_tka_lokasi),
-- named in the result.
-- The quality gate's GX run reads it over the waiting batches ({batch}).
SELECT DISTINCT batch_id, row_number, 'LOKASI_KERJA' AS column_name,
       l.location_name AS observed_value
  FROM {batch}
  JOIN staging.tenaga_kerja_tka_lokasi AS l USING (batch_id, row_number)
 WHERE l.regency_code IS NULL
