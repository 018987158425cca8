-- Grain: one row per person-key secret the warehouse was built with (one row
-- in practice): its fingerprint, a keyed hash of a constant, which does not
-- reveal the key. A build with another key would silently make everyone a new
-- person, so it is refused instead.
CREATE TABLE core.person_key_check (
    fingerprint char(64) NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
