-- Back to 0022: no index by level and period.
DROP INDEX mart.region_figures_level_period;
