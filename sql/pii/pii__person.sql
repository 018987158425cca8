-- Grain: one row per person (passport number and nationality). The only place
-- a person's passport number sits next to their key. Read by the loader and
-- the person-link step; never by the reporter or the auditor.
CREATE TABLE pii.person (
    person_key      char(64) PRIMARY KEY,
    passport_number text NOT NULL,
    nationality     char(3) NOT NULL,
    first_batch_id  bigint NOT NULL
);
