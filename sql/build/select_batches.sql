-- The snapshots a period is built from: for each source and file scope, the
-- latest validated batch loaded into core on or before the reference date (DESIGN.md
-- "Periods and snapshots"). Parameters: period, reference_date.
DELETE FROM core.period_batch WHERE period = %(period)s;

INSERT INTO core.period_batch (period, source, file_scope, batch_id)
SELECT DISTINCT ON (source, file_scope) %(period)s, source, file_scope, batch_id
  FROM audit.batch
 WHERE status = 'validated' AND core_loaded_at IS NOT NULL
   AND snapshot_date <= %(reference_date)s
 ORDER BY source, file_scope, snapshot_date DESC, batch_id DESC;
