-- Grain: one row per identifier (a NIK, a passport, a name + birth date +
-- origin) the loaded PMI rows carry, by its keyed hash: the person it links
-- to and how. A NIK is its own person; a passport is the person of the one
-- NIK it appears with on any row (none: its own person; several: ambiguous,
-- no person); a name + birth date + origin the person of the one NIK or
-- passport person it appears with (none: its own; several: ambiguous). The
-- build recomputes it whole after loading PMI batches
-- (build/pmi_identity_map.sql), so it depends on what is loaded, never on
-- the order it came in.
CREATE TABLE core.pmi_identity_map (
    identity_key char(64) PRIMARY KEY,
    kind         text NOT NULL CHECK (kind IN ('nik', 'passport', 'name_birth_origin')),
    person_key   char(64) REFERENCES core.dim_pmi_person (person_key)
                     DEFERRABLE INITIALLY DEFERRED NOT ENFORCED,
    link_method  text NOT NULL
                     CHECK (link_method IN ('nik', 'passport', 'name_birth_origin',
                                            'ambiguous')),
    candidates   integer NOT NULL
);
