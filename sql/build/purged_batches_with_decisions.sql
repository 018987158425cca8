-- Batches with a quarantine decision since they were loaded whose personal
-- data retention purged: they cannot be reloaded, and the build only logs
-- them (build/pending_batches.sql leaves them out).
SELECT batch_id FROM audit.batch AS b
 WHERE pii_purged_at IS NOT NULL AND EXISTS (
       SELECT 1 FROM quarantine.decision AS d
        WHERE d.batch_id = b.batch_id AND d.decided_at > b.core_loaded_at)
