-- Grain: one row per time a file was picked up, duplicates and unrecognised
-- files included, so an auditor sees every delivery and what became of it.
CREATE TABLE audit.delivery (
    delivery_id   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    batch_id      bigint REFERENCES audit.batch (batch_id),
    sha256        char(64) NOT NULL,
    original_path text NOT NULL,
    received_at   timestamptz NOT NULL DEFAULT now(),
    outcome       text NOT NULL
                  CHECK (outcome IN ('loaded', 'rejected', 'duplicate', 'unrecognised')),
    message       text
);

CREATE INDEX delivery_sha256_idx ON audit.delivery (sha256);
