-- Grain: one row per Kemendagri province or regency/city (Kepmendagri
-- 300.2.2-2138/2025), with 2025 population and area; loaded by the build from
-- plugins/pantau/reference/regions.csv, plus Indonesia itself (region "00",
-- level national: the provinces' sums) for the national report.
CREATE TABLE core.dim_region (
    region_code     text PRIMARY KEY,            -- '00', '62' or '62.03'
    level           text NOT NULL CHECK (level IN ('national', 'province', 'regency')),
    province_code   char(2) NOT NULL,            -- '00' for the national row
    name            text NOT NULL,
    population_2025 bigint,
    area_km2        numeric(12, 3)
);
