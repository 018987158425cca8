-- Validated batches whose rows core lacks or must reload (a quarantine
-- decision came since they were loaded), as (source, batch ids). A batch
-- whose personal data retention purged (pii_purged_at) is never reloaded:
-- its staging rows are gone and its facts stay as loaded
-- (build/purged_batches_with_decisions.sql finds those). Run by the build
-- before it loads. Parameters: build_sources (the sources it loads; the
-- others' batches are not its business).
SELECT source, array_agg(batch_id ORDER BY batch_id)
  FROM audit.batch AS b
 WHERE status = 'validated' AND pii_purged_at IS NULL
   AND source = ANY(%(build_sources)s)
   AND (core_loaded_at IS NULL OR EXISTS (
        SELECT 1 FROM quarantine.decision AS d
         WHERE d.batch_id = b.batch_id AND d.decided_at > b.core_loaded_at))
 GROUP BY source
