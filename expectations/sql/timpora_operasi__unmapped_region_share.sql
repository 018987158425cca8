-- Batch rule unmapped_region_share of the timpora_operasi suite: a file in
-- which more than 5 rows, and more than 5 percent of its rows, have no
-- regency. One row per failing batch.
-- The quality gate's GX run reads it over the waiting batches ({batch}).
SELECT batch_id, 'KAB_KOTA' AS column_name,
       count(*) FILTER (WHERE regency_code IS NULL) || ' of ' || count(*) || ' rows unmapped'
       AS observed_value
  FROM {batch}
 GROUP BY batch_id
HAVING count(*) FILTER (WHERE regency_code IS NULL) > greatest(5, 0.05 * count(*))
