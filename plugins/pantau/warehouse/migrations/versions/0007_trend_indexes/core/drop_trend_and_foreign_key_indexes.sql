DROP INDEX mart.region_figures_region_period;
DROP INDEX core.fact_person_status_region_month;
DROP INDEX core.fact_rptka_position_employer_nib;
DROP INDEX core.fact_rptka_position_employer_key;
