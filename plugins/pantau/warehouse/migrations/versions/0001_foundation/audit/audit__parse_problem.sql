-- Grain: one row per value (or row) the readers and normalisers could not use.
-- The typed staging column is NULL there and the raw text stays in raw.*; the
-- quality gate turns these into quarantine decisions. ``detail`` holds the
-- offending value only for columns that are not personal data.
CREATE TABLE audit.parse_problem (
    batch_id    bigint NOT NULL REFERENCES audit.batch (batch_id),
    row_number  integer NOT NULL,
    column_name text NOT NULL,
    problem     text NOT NULL,
    detail      text
);

CREATE INDEX parse_problem_batch_idx ON audit.parse_problem (batch_id, row_number);
