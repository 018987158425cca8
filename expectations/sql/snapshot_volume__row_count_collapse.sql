-- Batch rule row_count_collapse of the snapshot_volume suite: the batches the
-- asset (sql/quality/snapshot_volume.sql) judged collapsed against their
-- baseline snapshot, with both row counts. One row per failing batch.
-- The quality gate's GX run reads it over that asset ({batch}).
SELECT batch_id, row_number,
       'row count ' || row_count || ' vs ' || previous_row_count || ' in batch '
       || previous_batch_id || ' of ' || previous_snapshot_date AS observed_value
  FROM {batch}
 WHERE collapsed
