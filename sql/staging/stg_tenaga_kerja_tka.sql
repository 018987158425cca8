-- Grain: one row per raw.tenaga_kerja_tka row (one foreign-worker position
-- under an approved RPTKA), typed and normalised. NULL where the source was
-- empty or could not be parsed (see audit.parse_problem).
-- batch_id refers to audit.batch without a declared foreign key: only the
-- loader writes here, inside the transaction that registered and locked the
-- batch, so a per-row check would guard nothing (migration 0006).
CREATE TABLE staging.tenaga_kerja_tka (
    batch_id               bigint NOT NULL,
    row_number             integer NOT NULL,
    rptka_number           text,
    employer_name          text,
    nib                    text,
    kbli                   text,
    work_location          text,
    worker_name            text,
    passport_number        text,
    nationality            char(3),
    sex                    char(1),
    birth_date             date,
    position_title         text,
    occupation_code        text,
    start_date             date,
    end_date               date,
    dkptka_months          integer,
    dkptka_usd             numeric(14, 2),
    companion_count        integer,
    PRIMARY KEY (batch_id, row_number)
);
