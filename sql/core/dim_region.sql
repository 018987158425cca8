-- Grain: one row per Kemendagri province or regency/city (Kepmendagri
-- 300.2.2-2138/2025), with 2025 population and area; loaded by the build from
-- plugins/pantau/reference/regions.csv.
CREATE TABLE core.dim_region (
    region_code     text PRIMARY KEY,            -- '62' or '62.03'
    level           text NOT NULL CHECK (level IN ('province', 'regency')),
    province_code   char(2) NOT NULL,
    name            text NOT NULL,
    population_2025 bigint,
    area_km2        numeric(12, 3)
);
