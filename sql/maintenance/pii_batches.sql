-- Batches whose snapshot date (the day the data describes, not the receipt)
-- is before the personal-data cutoff and whose personal data is still
-- there, each with whether it may go now (ready): rejected batches (they
-- never reach core), and validated ones already in core with no quarantine
-- decision waiting to be loaded. An old batch still waiting for the gate or
-- a build must wait. Locked: no other pass purges them meanwhile. Run by
-- retention under the build lock. Parameters: cutoff (a date), build_sources
-- (the sources the build loads: a validated batch of another never reaches
-- core, so nothing waits for it).
SELECT batch_id, source,
       status = 'rejected'
       OR (status = 'validated' AND core_loaded_at IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM quarantine.decision AS d
                            WHERE d.batch_id = b.batch_id
                              AND d.decided_at > b.core_loaded_at))
       OR (status = 'validated' AND NOT source = ANY(%(build_sources)s)) AS ready
  FROM audit.batch AS b
 WHERE pii_purged_at IS NULL AND snapshot_date < %(cutoff)s::date
 ORDER BY batch_id
   FOR UPDATE
