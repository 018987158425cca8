-- Batch rule unmapped_region_share of the tenaga_kerja_tka suite: a file in
-- which more than 5 work locations, and more than 5 percent of them, map to
-- no regency (staging.tenaga_kerja_tka_lokasi). One row per failing batch.
-- The quality gate's GX run reads it over the waiting batches ({batch}).
SELECT batch_id, 'LOKASI_KERJA' AS column_name,
       count(*) FILTER (WHERE regency_code IS NULL) || ' of ' || count(*)
       || ' work locations unmapped' AS observed_value
  FROM {batch}
  JOIN staging.tenaga_kerja_tka_lokasi USING (batch_id, row_number)
 GROUP BY batch_id
HAVING count(*) FILTER (WHERE regency_code IS NULL) > greatest(5, 0.05 * count(*))
