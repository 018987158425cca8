-- Grain: one row per run of one GX suite over the batches it validated
-- together (one source's newly loaded batches, or the snapshot-volume checks).
-- The suite JSON's SHA-256 says exactly which reviewed version of
-- expectations/ was applied; gx_result names the stored GX result that the
-- Data Docs render.
CREATE TABLE audit.validation_run (
    run_id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    suite_name      text NOT NULL,
    suite_sha256    char(64) NOT NULL,
    source          text NOT NULL,
    batch_ids       bigint[] NOT NULL,
    gx_version      text NOT NULL,
    gx_run_name     text NOT NULL,
    gx_result       text,
    started_at      timestamptz NOT NULL DEFAULT now(),
    finished_at     timestamptz,
    success         boolean,
    evaluated       integer,      -- expectations evaluated
    failed          integer,      -- expectations that failed somewhere in the run
    rows_checked    bigint,
    rows_quarantined bigint,
    batches_rejected integer,
    run_by          text NOT NULL DEFAULT current_user,
    message         text
);

CREATE INDEX validation_run_source_idx ON audit.validation_run (source, started_at);

COMMENT ON TABLE audit.validation_run IS
    'One GX suite run over a set of batches; see audit.expectation_result for each check.';
