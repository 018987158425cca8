-- Downgrade of the report tables (0004).
DROP TABLE IF EXISTS mart.region_lineage, audit.report_delivery, audit.report_run;
