-- Grain: one row per Indonesian person the PMI exports name, known only by a
-- keyed hash: of the NIK; else of the normalised passport; else of the
-- normalised name + birth date + origin regency (identified_by says which).
-- The identifiers themselves are in pii.pmi_identity; how each identifier
-- links to a person is core.pmi_identity_map.
CREATE TABLE core.dim_pmi_person (
    person_key    char(64) PRIMARY KEY,
    identified_by text NOT NULL CHECK (identified_by IN ('nik', 'passport', 'name_birth_origin'))
);
