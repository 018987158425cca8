-- Trends across regions: one level's rows of many periods (every province
-- over five years, every regency of a quarter), without reading the other
-- levels and periods (migration 0023).
CREATE INDEX region_figures_level_period ON mart.region_figures (level, period);
