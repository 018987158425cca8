-- Grain: one row per raw.imigrasi_izin_tinggal row (one stay permit in one
-- office's register snapshot), typed and normalised. NULL where the source was
-- empty or could not be parsed (see audit.parse_problem).
-- batch_id refers to audit.batch without a declared foreign key: only the
-- loader writes here, inside the transaction that registered and locked the
-- batch, so a per-row check would guard nothing (migration 0006).
CREATE TABLE staging.imigrasi_izin_tinggal (
    batch_id               bigint NOT NULL,
    row_number             integer NOT NULL,
    permit_number          text,
    permit_type            text,
    visa_index             text,
    purpose                text,
    full_name              text,
    sex                    char(1),
    birth_date             date,
    nationality            char(3),
    passport_number        text,
    passport_expiry        date,
    sponsor                text,
    address                text,
    regency_code           text,
    issue_date             date,
    expiry_date            date,
    status                 text,
    office                 text,
    PRIMARY KEY (batch_id, row_number)
);
