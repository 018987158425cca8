-- Built periods whose snapshots changed since their build: the snapshot rule
-- (build/latest_snapshots.sql, over every validated batch, loaded or not)
-- now chooses other batches than core.period_batch holds (a late or
-- corrected file), or a quarantine decision on a chosen batch came after the
-- build. Run by the staleness check (pantau.build.period.stale_periods).
{% set periods = "core.period_build" -%}
{% set loaded_only = false -%}
WITH wanted AS (
{% include "build/latest_snapshots.sql" %}
), changed AS (
    (SELECT period, batch_id FROM wanted
     EXCEPT SELECT period, batch_id FROM core.period_batch)
    UNION
    (SELECT period, batch_id FROM core.period_batch
     EXCEPT SELECT period, batch_id FROM wanted)
    UNION
    SELECT pb.period, pb.batch_id
      FROM core.period_batch AS pb
      JOIN core.period_build AS p USING (period)
     WHERE EXISTS (SELECT 1 FROM quarantine.decision AS d
                    WHERE d.batch_id = pb.batch_id AND d.decided_at > p.built_at)
)
SELECT DISTINCT period FROM changed ORDER BY period
