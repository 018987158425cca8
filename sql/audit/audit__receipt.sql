-- Grain: one row per time a file was picked up, duplicates and unrecognised
-- files included, so an auditor sees every file received and what became of it.
-- The table was audit.delivery until migration 0012; its NOT NULL constraints
-- kept the names PostgreSQL gave them then.
CREATE TABLE audit.receipt (
    receipt_id    bigint GENERATED ALWAYS AS IDENTITY
                  CONSTRAINT delivery_delivery_id_not_null NOT NULL
                  CONSTRAINT receipt_pkey PRIMARY KEY,
    batch_id      bigint REFERENCES audit.batch (batch_id),
    sha256        char(64) CONSTRAINT delivery_sha256_not_null NOT NULL,
    original_path text CONSTRAINT delivery_original_path_not_null NOT NULL,
    received_at   timestamptz DEFAULT now() CONSTRAINT delivery_received_at_not_null NOT NULL,
    outcome       text CONSTRAINT delivery_outcome_not_null NOT NULL
                  CHECK (outcome IN ('loaded', 'rejected', 'duplicate', 'unrecognised')),
    message       text
);

CREATE INDEX receipt_sha256_idx ON audit.receipt (sha256);

COMMENT ON TABLE audit.receipt IS
    'One row per time a file was picked up from a landing folder, duplicates and unrecognised files included.';
