-- Grain: one row per raw.imigrasi_tindakan row (one administrative action in
-- one office's list), typed and normalised. NULL where the source was empty or
-- could not be parsed (see audit.parse_problem).
-- batch_id refers to audit.batch without a declared foreign key: only the
-- loader writes here, inside the transaction that registered and locked the
-- batch, so a per-row check would guard nothing (migration 0006).
CREATE TABLE staging.imigrasi_tindakan (
    batch_id               bigint NOT NULL,
    row_number             integer NOT NULL,
    action_number          text,
    action_date            date,
    full_name              text,
    passport_number        text,
    nationality            char(3),
    action_type            text,
    violation              text,
    regency_code           text,
    office                 text,
    PRIMARY KEY (batch_id, row_number)
);
