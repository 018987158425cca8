-- When retention removed a batch's personal data (NULL: not purged): its raw
-- rows and extra fields are gone, its staging rows are gone or, for the
-- manpower source, stripped of personal values (the employer history is
-- rebuilt from the rest), and pii.person / pii.stay_permit lost the persons
-- and permits no unpurged batch names. Its facts stay in core under their
-- pseudonymous keys, and the build never loads it again.
ALTER TABLE audit.batch ADD COLUMN pii_purged_at timestamptz;
CREATE INDEX batch_pii_purged_idx ON audit.batch (pii_purged_at)
    WHERE pii_purged_at IS NOT NULL;
