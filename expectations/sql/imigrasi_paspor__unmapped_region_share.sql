-- Batch rule unmapped_region_share of the imigrasi_paspor suite: a file in
-- which more than 5 rows, and more than 5 percent of its rows, have no origin
-- (neither a valid NIK nor a stated regency that maps). One row per failing
-- batch.
-- The quality gate's GX run reads it over the waiting batches ({batch}).
SELECT batch_id, 'KAB_KOTA' AS column_name,
       count(*) FILTER (WHERE origin_regency_code IS NULL) || ' of ' || count(*)
       || ' rows without origin' AS observed_value
  FROM {batch}
 GROUP BY batch_id
HAVING count(*) FILTER (WHERE origin_regency_code IS NULL) > greatest(5, 0.05 * count(*))
