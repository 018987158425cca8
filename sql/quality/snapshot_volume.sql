-- GX query asset of the snapshot_volume suite: each batch under validation
-- beside its baseline, the previous snapshot of the same source and file
-- scope (office, province or regency) that stands: the latest earlier one
-- that passed the gate or, within this run, the latest earlier one that did
-- not itself collapse. Walking each scope's batches in snapshot order makes
-- the verdict the same whether months arrive together or one by one.
-- Thresholds come from the suite's meta (min_ratio, judged_from_rows).
-- One row per batch; row_number is 0 (the whole file). GX wants a query that
-- starts with SELECT, hence the outer one.
SELECT * FROM (
WITH RECURSIVE run AS (
    SELECT b.batch_id, b.source, b.file_scope, b.snapshot_date,
           coalesce(b.row_count, 0) AS row_count,
           row_number() OVER (PARTITION BY b.source, b.file_scope
                              ORDER BY b.snapshot_date, b.batch_id) AS seq
      FROM audit.batch AS b
     WHERE b.batch_id IN ({{ batch_ids | join(', ') }})
), first_in_run AS (
    SELECT r.*, p.batch_id AS previous_batch_id, p.snapshot_date AS previous_snapshot_date,
           p.row_count AS previous_row_count
      FROM run AS r
      LEFT JOIN LATERAL (
            SELECT q.batch_id, q.snapshot_date, q.row_count
              FROM audit.batch AS q
             WHERE q.source = r.source
               AND q.file_scope IS NOT DISTINCT FROM r.file_scope
               AND q.snapshot_date < r.snapshot_date
               AND q.status = 'validated'
             ORDER BY q.snapshot_date DESC, q.batch_id DESC
             LIMIT 1
           ) AS p ON TRUE
     WHERE r.seq = 1
), judged AS (
    SELECT f.*, {{ collapsed('f') }} AS collapsed FROM first_in_run AS f
    UNION ALL
    SELECT n.batch_id, n.source, n.file_scope, n.snapshot_date, n.row_count, n.seq,
           b.previous_batch_id, b.previous_snapshot_date, b.previous_row_count,
           {{ collapsed('b') }}
      FROM judged AS j
      JOIN run AS n
        ON n.source = j.source AND n.file_scope IS NOT DISTINCT FROM j.file_scope
       AND n.seq = j.seq + 1
     CROSS JOIN LATERAL (
            SELECT n.row_count,
                   CASE WHEN j.collapsed THEN j.previous_batch_id ELSE j.batch_id END
                       AS previous_batch_id,
                   CASE WHEN j.collapsed THEN j.previous_snapshot_date ELSE j.snapshot_date END
                       AS previous_snapshot_date,
                   CASE WHEN j.collapsed THEN j.previous_row_count ELSE j.row_count END
                       AS previous_row_count
           ) AS b
)
SELECT batch_id, 0 AS row_number, source, file_scope, snapshot_date, row_count,
       previous_batch_id, previous_snapshot_date, previous_row_count, collapsed
  FROM judged
) AS volume
