-- The only place a person's passport number sits next to their key. Read by
-- the loader and the person-link step; never by the reporter or the auditor.
CREATE TABLE pii.person (
    person_key      char(64) PRIMARY KEY,
    passport_number text NOT NULL,
    nationality     char(3) NOT NULL,
    first_batch_id  bigint NOT NULL
);

-- Stay-permit numbers are personal too; the build orders permits by number
-- to break ties, as the immigration register does.
CREATE TABLE pii.stay_permit (
    permit_key    char(64) PRIMARY KEY,
    permit_number text NOT NULL
);
