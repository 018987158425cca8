-- Grain: one row per decision a data engineer took on a held row: release
-- (with the corrected values, old and new) or discard, who and why.
CREATE TABLE quarantine.decision (
    decision_id  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    batch_id     bigint NOT NULL,
    row_number   integer NOT NULL,
    decision     text NOT NULL CHECK (decision IN ('release', 'discard')),
    decided_by   text NOT NULL,
    why          text NOT NULL CHECK (length(trim(why)) > 0),
    corrections  jsonb NOT NULL DEFAULT '{}',  -- {staging column: {"old": .., "new": ..}}
    decided_at   timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (batch_id, row_number) REFERENCES quarantine.held_row (batch_id, row_number)
);

CREATE INDEX decision_row_idx ON quarantine.decision (batch_id, row_number);

-- The quarantine is evidence: the pipeline never deletes from it, and reasons
-- and decisions, once written, are never rewritten; only a held row's status
-- moves on.
REVOKE DELETE, TRUNCATE ON quarantine.held_row, quarantine.reason, quarantine.decision
    FROM pantau_loader;
REVOKE UPDATE ON quarantine.reason, quarantine.decision FROM pantau_loader;
