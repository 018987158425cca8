-- Grain: one row per staging row the quality gate held back (batch, row
-- number). The row itself stays in raw and staging; this says it must not
-- reach core until a data engineer releases it. status: held -> released |
-- discarded, each decision in quarantine.decision. Nothing here is deleted.
CREATE TABLE quarantine.held_row (
    batch_id       bigint NOT NULL REFERENCES audit.batch (batch_id),
    row_number     integer NOT NULL,
    source         text NOT NULL,
    run_id         bigint NOT NULL REFERENCES audit.validation_run (run_id),
    held_at        timestamptz NOT NULL DEFAULT now(),
    status         text NOT NULL DEFAULT 'held'
                   CHECK (status IN ('held', 'released', 'discarded')),
    PRIMARY KEY (batch_id, row_number)
);

CREATE INDEX held_row_status_idx ON quarantine.held_row (source, status);
