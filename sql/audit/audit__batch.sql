-- Grain: one row per distinct delivered file (by SHA-256 of its bytes).
-- Every raw, staging and fact row carries batch_id, so any figure can be
-- traced to the file, its hash and the time it was received.
--
-- A batch's life: received -> loaded (raw and staging written) -> validated
-- (passed the GX suites; its quarantined rows held back) | rejected (at
-- ingest: unreadable file; at the gate: a batch-level expectation failed).
-- Only validated batches reach core; core_loaded_at says when (a decision on
-- one of its held rows after that time makes the build load it again).
-- pii_purged_at: when retention removed the batch's personal data (its raw
-- rows and extra fields are gone, its staging rows gone or, for the manpower
-- source, stripped of personal values, and pii.person / pii.stay_permit lost
-- what no unpurged batch names); its facts stay in core under their
-- pseudonymous keys, and the build never loads it again.
CREATE TABLE audit.batch (
    batch_id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source                   text NOT NULL,
    sha256                   char(64) NOT NULL UNIQUE,
    original_name            text NOT NULL,
    original_path            text NOT NULL,
    archive_path             text NOT NULL,
    size_bytes               bigint NOT NULL CHECK (size_bytes >= 0),
    file_scope               text,        -- office, province or regency named in the file name
    snapshot_date            date NOT NULL,
    snapshot_date_from       text NOT NULL CHECK (snapshot_date_from IN ('file_name', 'delivery')),
    received_at              timestamptz NOT NULL DEFAULT now(),
    loaded_at                timestamptz,
    status                   text NOT NULL DEFAULT 'received'
                             CHECK (status IN ('received', 'loaded', 'validated', 'rejected')),
    encoding                 text,
    delimiter                text,
    sheet_name               text,
    header_row               integer,
    row_count                integer CHECK (row_count >= 0),
    problem_count            integer CHECK (problem_count >= 0),
    extra_columns            text[] NOT NULL DEFAULT '{}',
    missing_optional_columns text[] NOT NULL DEFAULT '{}',
    message                  text,
    validated_at             timestamptz,
    rejected_stage           text CHECK (rejected_stage IN ('ingest', 'quality')),
    validation_run_id        bigint
                             CONSTRAINT batch_validation_run_fk
                             REFERENCES audit.validation_run (run_id),
    core_loaded_at           timestamptz,
    pii_purged_at            timestamptz
);

CREATE INDEX batch_source_snapshot_idx ON audit.batch (source, snapshot_date);
CREATE INDEX batch_pending_idx ON audit.batch (source, batch_id) WHERE status = 'loaded';
CREATE INDEX batch_pii_purged_idx ON audit.batch (pii_purged_at)
    WHERE pii_purged_at IS NOT NULL;

-- The table comment predates the 'validated' status (migration 0002); it is
-- the one the database holds.
COMMENT ON TABLE audit.batch IS
    'One row per distinct delivered file (SHA-256); status received -> loaded | rejected.';
COMMENT ON COLUMN audit.batch.validation_run_id IS
    'The audit.validation_run that validated or rejected the batch.';
