-- Downgrade of the quality gate (0002): its tables go, batches return to
-- the foundation's statuses (validated batches count as loaded again).
UPDATE audit.batch SET status = 'loaded' WHERE status = 'validated';
ALTER TABLE audit.batch DROP CONSTRAINT batch_status_check;
ALTER TABLE audit.batch ADD CONSTRAINT batch_status_check
    CHECK (status IN ('received', 'loaded', 'rejected'));
DROP INDEX IF EXISTS audit.batch_pending_idx;
ALTER TABLE audit.batch
    DROP COLUMN IF EXISTS validated_at,
    DROP COLUMN IF EXISTS rejected_stage,
    DROP COLUMN IF EXISTS validation_run_id;
DROP VIEW IF EXISTS quarantine.excluded_row;
DROP TABLE IF EXISTS quarantine.decision, quarantine.reason, quarantine.held_row,
    audit.expectation_result, audit.validation_run;
