-- For each stale period, why a partial rebuild could not write what the whole
-- build would, or NULL (pantau.build.partial; run before the rebuild's loads):
--   never built: nothing to start from;
--   a batch of the period, or one chosen now, had its personal data purged:
--     its names are gone, and build/kept_name_links.sql keeps the period's old
--     links, which only the whole build replays;
--   a batch the period used was loaded again, or a manpower or PMI batch
--     loaded (employer versions, sponsors and the PMI identity map change
--     with them), since the period was built, by another build: what it
--     changed was not kept (build/partial_capture.sql keeps it only for the
--     loads of this rebuild).
-- Parameters: periods, side_effect_sources.
SELECT s.period,
       CASE WHEN p.period IS NULL THEN 'never built'
            WHEN EXISTS (SELECT 1 FROM audit.batch AS b
                          WHERE b.pii_purged_at IS NOT NULL
                            AND (b.batch_id IN (SELECT pb.batch_id FROM core.period_batch AS pb
                                                 WHERE pb.period = s.period)
                                 OR (b.status = 'validated'
                                     AND b.snapshot_date <= p.reference_date)))
                THEN 'a batch of the period had its personal data purged'
            WHEN EXISTS (SELECT 1 FROM audit.batch AS b
                          WHERE b.core_loaded_at > p.built_at
                            AND (b.source = ANY(%(side_effect_sources)s)
                                 OR b.batch_id IN (SELECT pb.batch_id
                                                     FROM core.period_batch AS pb
                                                    WHERE pb.period = s.period)))
                THEN 'another build loaded batches since the period was built'
       END AS reason
  FROM unnest(%(periods)s::text[]) AS s (period)
  LEFT JOIN core.period_build AS p ON p.period = s.period
