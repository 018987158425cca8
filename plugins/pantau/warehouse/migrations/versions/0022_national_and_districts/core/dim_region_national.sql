-- A third level above the provinces: Indonesia, region "00", which the build
-- adds beside the reference file's regions.
ALTER TABLE core.dim_region DROP CONSTRAINT dim_region_level_check;
ALTER TABLE core.dim_region ADD CONSTRAINT dim_region_level_check
    CHECK (level IN ('national', 'province', 'regency'));
