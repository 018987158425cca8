-- Downgrade of 0008: the rotation ledger and the purge mark go (the purged
-- data does not come back).
DROP TABLE IF EXISTS audit.person_key_rotation;
DROP INDEX IF EXISTS audit.batch_pii_purged_idx;
ALTER TABLE audit.batch DROP COLUMN IF EXISTS pii_purged_at;
