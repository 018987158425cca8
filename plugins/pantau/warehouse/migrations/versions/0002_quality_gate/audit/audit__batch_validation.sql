-- The quality gate adds a step to a batch's life: received -> loaded (raw and
-- staging written) -> validated (passed the GX suites; its quarantined rows
-- held back) | rejected (at ingest: unreadable file; at the gate: a
-- batch-level expectation failed). Only validated batches reach core.
ALTER TABLE audit.batch DROP CONSTRAINT batch_status_check;
ALTER TABLE audit.batch ADD CONSTRAINT batch_status_check
    CHECK (status IN ('received', 'loaded', 'validated', 'rejected'));
ALTER TABLE audit.batch
    ADD COLUMN validated_at      timestamptz,
    ADD COLUMN rejected_stage    text CHECK (rejected_stage IN ('ingest', 'quality')),
    ADD COLUMN validation_run_id bigint;

UPDATE audit.batch SET rejected_stage = 'ingest' WHERE status = 'rejected';

CREATE INDEX batch_pending_idx ON audit.batch (source, batch_id) WHERE status = 'loaded';

COMMENT ON COLUMN audit.batch.validation_run_id IS
    'The audit.validation_run that validated or rejected the batch.';
