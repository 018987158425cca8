-- Back to 0021: no national level, no registry districts.
ALTER TABLE core.fact_population_document DROP COLUMN district_code;
DELETE FROM mart.figure_row WHERE region_code = '00';
DELETE FROM mart.followup WHERE region_code = '00';
DELETE FROM mart.pmi_followup WHERE region_code = '00';
DELETE FROM mart.pmi_priority_area WHERE region_code = '00';
DELETE FROM mart.region_breakdown WHERE region_code = '00';
DELETE FROM mart.region_lineage WHERE region_code = '00';
DELETE FROM mart.region_figures WHERE region_code = '00';
DELETE FROM core.dim_region WHERE level = 'national';
ALTER TABLE core.dim_region DROP CONSTRAINT dim_region_level_check;
ALTER TABLE core.dim_region ADD CONSTRAINT dim_region_level_check
    CHECK (level IN ('province', 'regency'));
