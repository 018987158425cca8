-- What the warehouse holds per source, aggregates only: batches validated,
-- waiting for the gate and rejected, validated rows, rows held in
-- quarantine, the latest validated snapshot. Run by the terminal summary
-- at the end of `pantau demo` (pantau.cli.summary).
SELECT source,
       count(*) FILTER (WHERE status = 'validated') AS validated,
       count(*) FILTER (WHERE status = 'loaded')    AS waiting,
       count(*) FILTER (WHERE status = 'rejected')  AS rejected,
       coalesce(sum(row_count) FILTER (WHERE status = 'validated'), 0) AS rows,
       (SELECT count(*) FROM quarantine.held_row AS h
         WHERE h.source = b.source AND h.status = 'held') AS held,
       max(snapshot_date) FILTER (WHERE status = 'validated') AS latest_snapshot
  FROM audit.batch AS b
 GROUP BY source
