-- Grain: one row per rotation of the person-key secret (`pantau person-key
-- rotate`): the fingerprints of the old and new secret (keyed hashes of a
-- constant: they do not reveal either key) and how many keys were remapped,
-- per kind. recomputed: from the passport / permit number / RPTKA number;
-- rederived: from the old key alone (its personal data was purged).
CREATE TABLE audit.person_key_rotation (
    rotation_id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    rotated_at      timestamptz NOT NULL DEFAULT now(),
    rotated_by      text NOT NULL DEFAULT current_user,
    old_fingerprint char(64) NOT NULL,
    new_fingerprint char(64) NOT NULL,
    detail          jsonb NOT NULL   -- {kind: {"recomputed": n, "rederived": n}}
);
