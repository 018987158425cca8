-- What the five-year backfill left in the warehouse: persons, person-months
-- and the months they cover, the marts' rows, the periods built, and the
-- database's size (MiB). Run by pantau.tools.bench.backfill at its end.
SELECT (SELECT count(*) FROM core.dim_person) AS persons,
       (SELECT count(*) FROM core.fact_person_status) AS person_months,
       (SELECT count(DISTINCT month) FROM core.fact_person_status) AS months_in_fact,
       (SELECT count(*) FROM mart.region_figures) AS region_figures,
       (SELECT count(*) FROM mart.figure_row) AS figure_rows,
       (SELECT count(*) FROM core.period_build) AS periods_built,
       pg_database_size(current_database()) / 1048576 AS database_mib
