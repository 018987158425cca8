-- Grain: one row per person: a normalised passport number with a
-- nationality, known only by its keyed hash (the passport itself is in
-- pii.person; how registry rows were linked to persons is in
-- core.document_link).
CREATE TABLE core.dim_person (
    person_key  char(64) PRIMARY KEY,
    nationality char(3) REFERENCES core.dim_country (country_code)
);

-- A fingerprint of the person-key secret (a keyed hash of a constant, which
-- does not reveal the key): a build with another key would silently make
-- everyone a new person, so it is refused instead.
CREATE TABLE core.person_key_check (
    fingerprint char(64) NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
