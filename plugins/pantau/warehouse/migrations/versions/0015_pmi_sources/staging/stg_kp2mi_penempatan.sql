-- Grain: one row per raw.kp2mi_penempatan row (one placement of a migrant
-- worker in a province's SISKOP2MI export), typed and normalised. NULL where
-- the source was empty or could not be parsed (see audit.parse_problem); code
-- columns with a value set hold its canonical values
-- (reference/value_spellings.csv), other spellings as written.
-- Derived: nik_valid (16 digits, real province and regency, birth-date digits
-- DD(+40 for women)MMYY agreeing with birth_date and sex; NULL when no NIK);
-- origin_regency_code (the NIK's regency when valid, else the stated one);
-- origin_district_code (the NIK's district when valid and known); origin_from
-- ('nik', 'stated' or NULL).
-- batch_id refers to audit.batch without a declared foreign key: only the
-- loader writes here, inside the transaction that registered and locked the
-- batch, so a per-row check would guard nothing (migration 0006).
CREATE TABLE staging.kp2mi_penempatan (
    batch_id               bigint NOT NULL,
    row_number             integer NOT NULL,
    placement_id           text,
    nik                    text,
    full_name              text,
    sex                    char(1),
    birth_date             date,
    stated_regency_code    text,
    passport_number        text,
    destination_country    char(3),
    job_title              text,
    sector                 text,
    scheme                 text,
    agency_name            text,
    departure_date         date,
    contract_end_date      date,
    status                 text,
    nik_valid              boolean,
    origin_regency_code    text,
    origin_district_code   text,
    origin_from            text,
    PRIMARY KEY (batch_id, row_number)
);
