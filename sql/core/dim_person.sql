-- Grain: one row per person: a normalised passport number with a
-- nationality, known only by its keyed hash (the passport itself is in
-- pii.person; how registry rows were linked to persons is in
-- core.document_link).
--
-- The star schema's foreign keys are declared (the catalog, ER tools and
-- readers see every fact's dimensions) but NOT ENFORCED: the build checks
-- them set-based, one anti-join per key over the rows it wrote, before it
-- commits (plugins/pantau/build/integrity.py; migration 0010).
CREATE TABLE core.dim_person (
    person_key  char(64) PRIMARY KEY,
    nationality char(3) REFERENCES core.dim_country (country_code) NOT ENFORCED
);
