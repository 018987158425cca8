-- Grain: one row per identifier of an Indonesian the PMI exports name: the
-- NIK, the normalised passport, or normalised name | birth date | origin
-- regency, beside its keyed hash (the hash of kind || '|' || identifier).
-- The only place they sit next to their keys. Read by the loader (follow-up
-- lists show them masked) and the key rotation; never by the reporter or
-- the auditor.
CREATE TABLE pii.pmi_identity (
    identity_key   char(64) PRIMARY KEY,
    kind           text NOT NULL,
    identifier     text NOT NULL,
    first_batch_id bigint NOT NULL
);
