-- GX query asset of the snapshot_volume suite: each batch under validation
-- beside the previous snapshot of the same source and file scope (office,
-- province or regency), so that a collapsed export is caught before it
-- replaces a good one. One row per batch; row_number is 0 (the whole file).
SELECT b.batch_id,
       0                    AS row_number,
       b.source,
       b.file_scope,
       b.snapshot_date,
       b.row_count,
       p.batch_id           AS previous_batch_id,
       p.snapshot_date      AS previous_snapshot_date,
       p.row_count          AS previous_row_count
  FROM audit.batch AS b
  LEFT JOIN LATERAL (
        SELECT q.batch_id, q.snapshot_date, q.row_count
          FROM audit.batch AS q
         WHERE q.source = b.source
           AND q.file_scope IS NOT DISTINCT FROM b.file_scope
           AND q.snapshot_date < b.snapshot_date
           AND q.status IN ('loaded', 'validated')
         ORDER BY q.snapshot_date DESC, q.batch_id DESC
         LIMIT 1
       ) AS p ON true
 WHERE b.batch_id IN ({{ batch_ids | join(', ') }})
