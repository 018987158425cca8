-- Grain: one row per failed expectation per held row: which check, on which
-- export column, the value seen (masked when the column is personal data) and
-- the reason in Bahasa Indonesia and English.
CREATE TABLE quarantine.reason (
    batch_id         bigint NOT NULL,
    row_number       integer NOT NULL,
    run_id           bigint NOT NULL REFERENCES audit.validation_run (run_id),
    rule             text NOT NULL,
    expectation_type text NOT NULL,
    column_name      text,
    observed_value   text,
    reason_id        text NOT NULL,
    reason_en        text NOT NULL,
    FOREIGN KEY (batch_id, row_number) REFERENCES quarantine.held_row (batch_id, row_number)
);

CREATE INDEX reason_row_idx ON quarantine.reason (batch_id, row_number);
CREATE INDEX reason_rule_idx ON quarantine.reason (rule);
