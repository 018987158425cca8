-- Grain: one row per note-severity check a staging row failed (a passport
-- missing or not shaped like one): what the auditor must see about the row,
-- which is NOT held back. The row goes on to core and counts in every figure
-- that needs no person; the build links it by name + birth date when it can
-- (core.document_link). Same columns as quarantine.reason; never deleted.
CREATE TABLE quarantine.row_note (
    batch_id         bigint NOT NULL REFERENCES audit.batch (batch_id),
    row_number       integer NOT NULL,
    run_id           bigint NOT NULL REFERENCES audit.validation_run (run_id),
    rule             text NOT NULL,
    expectation_type text NOT NULL,
    column_name      text,
    observed_value   text,
    reason_id        text NOT NULL,
    reason_en        text NOT NULL
);

CREATE INDEX row_note_row_idx ON quarantine.row_note (batch_id, row_number);

-- The quarantine is evidence: the pipeline never deletes or rewrites notes.
REVOKE DELETE, TRUNCATE, UPDATE ON quarantine.row_note FROM pantau_loader;
