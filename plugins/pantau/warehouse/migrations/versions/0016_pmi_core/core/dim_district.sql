-- Grain: one row per Kemendagri district (kecamatan), code 'PP.RR.DD', with
-- its regency; loaded by the build from plugins/pantau/reference/districts.csv.
-- The PMI figures name a regency's districts (a NIK's first six digits).
CREATE TABLE core.dim_district (
    district_code text PRIMARY KEY,              -- '32.12.01'
    regency_code  text NOT NULL REFERENCES core.dim_region (region_code) NOT ENFORCED,
    name          text NOT NULL
);
