-- Grain: one row per person: a normalised passport number with a
-- nationality, known only by its keyed hash (the passport itself is in
-- pii.person). How the person was first linked is kept for auditors.
CREATE TABLE core.dim_person (
    person_key  char(64) PRIMARY KEY,
    nationality char(3)
);
