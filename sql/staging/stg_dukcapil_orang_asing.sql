-- Grain: one row per raw.dukcapil_orang_asing row (one population document
-- (SKTT / KTP-el WNA) of a foreigner), typed and normalised. NULL where the
-- source was empty or could not be parsed (see audit.parse_problem).
-- batch_id refers to audit.batch without a declared foreign key: only the
-- loader writes here, inside the transaction that registered and locked the
-- batch, so a per-row check would guard nothing (migration 0006).
CREATE TABLE staging.dukcapil_orang_asing (
    batch_id               bigint NOT NULL,
    row_number             integer NOT NULL,
    nik                    text,
    full_name              text,
    sex                    char(1),
    birth_date             date,
    nationality            char(3),
    passport_number        text,
    permit_number          text,
    document_type          text,
    issue_date             date,
    valid_until            date,
    siak_province          text,
    siak_regency           text,
    siak_district          text,
    address                text,
    document_status        text,
    regency_code           text,
    district_code          text,
    PRIMARY KEY (batch_id, row_number)
);
