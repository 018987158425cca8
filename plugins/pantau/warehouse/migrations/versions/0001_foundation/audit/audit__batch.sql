-- Grain: one row per distinct delivered file (by SHA-256 of its bytes).
-- Every raw, staging and later fact row carries batch_id, so any figure can be
-- traced to the file, its hash and the time it was received.
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
                             CHECK (status IN ('received', 'loaded', 'rejected')),
    encoding                 text,
    delimiter                text,
    sheet_name               text,
    header_row               integer,
    row_count                integer CHECK (row_count >= 0),
    problem_count            integer CHECK (problem_count >= 0),
    extra_columns            text[] NOT NULL DEFAULT '{}',
    missing_optional_columns text[] NOT NULL DEFAULT '{}',
    message                  text
);

CREATE INDEX batch_source_snapshot_idx ON audit.batch (source, snapshot_date);

COMMENT ON TABLE audit.batch IS
    'One row per distinct delivered file (SHA-256); status received -> loaded | rejected.';
