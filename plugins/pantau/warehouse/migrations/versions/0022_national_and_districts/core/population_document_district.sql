-- The district (kecamatan) of a registry row, from NO_KEC; NULL when absent
-- or not in the reference.
ALTER TABLE core.fact_population_document
    ADD COLUMN district_code text
        REFERENCES core.dim_district (district_code) NOT ENFORCED;
