-- The temp table rotation_pads: the old and the new secret's key pads, which
-- the key rotation binds server-side (never into SQL text) and
-- rotation/key_map.sql hashes with.
CREATE TEMP TABLE rotation_pads (old_inner bytea, old_outer bytea, new_inner bytea,
                                 new_outer bytea) ON COMMIT DROP
