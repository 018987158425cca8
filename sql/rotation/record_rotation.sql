-- The rotation's line in audit.person_key_rotation: the old and new
-- secrets' fingerprints and how many keys and rows each kind remapped. Run
-- by the key rotation in its transaction, after the new fingerprint replaced
-- the old in core.person_key_check. Parameters: old_fingerprint,
-- new_fingerprint, detail (JSON).
INSERT INTO audit.person_key_rotation (old_fingerprint, new_fingerprint, detail)
VALUES (%(old_fingerprint)s, %(new_fingerprint)s, %(detail)s)
