-- Grain: one row per expectation per batch per validation run: what was
-- checked, on which file, with what result. Counts are per batch even when GX
-- validated several batches in one query.
CREATE TABLE audit.expectation_result (
    run_id             bigint NOT NULL REFERENCES audit.validation_run (run_id),
    batch_id           bigint NOT NULL REFERENCES audit.batch (batch_id),
    rule               text NOT NULL,        -- meta.rule: stable name of the check
    expectation_type   text NOT NULL,        -- GX expectation type
    column_name        text,                 -- export column it concerns, if one
    severity           text NOT NULL CHECK (severity IN ('row', 'batch', 'note')),
    success            boolean NOT NULL,
    observed_value     text,
    element_count      bigint,
    unexpected_count   bigint,
    unexpected_percent numeric(7, 3),
    exception          text,                 -- GX could not evaluate the check
    PRIMARY KEY (run_id, batch_id, rule)
);

CREATE INDEX expectation_result_batch_idx ON audit.expectation_result (batch_id);
