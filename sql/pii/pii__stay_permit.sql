-- Grain: one row per stay permit (by its keyed hash). Stay-permit numbers are
-- personal too; the build orders permits by number to break ties, as the
-- immigration register does.
CREATE TABLE pii.stay_permit (
    permit_key    char(64) PRIMARY KEY,
    permit_number text NOT NULL
);
