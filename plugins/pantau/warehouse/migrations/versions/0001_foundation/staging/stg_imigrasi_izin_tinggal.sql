-- Grain: one row per raw.imigrasi_izin_tinggal row (one stay permit in one offices register snapshot), typed and normalised.
-- NULL where the source was empty or could not be parsed (see audit.parse_problem).
CREATE TABLE staging.imigrasi_izin_tinggal (
    batch_id               bigint NOT NULL REFERENCES audit.batch (batch_id),
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
