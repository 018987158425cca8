-- The foreigners' rules of the reached regencies (pt_reach,
-- build/partial_reach.sql) from the shadow the scoped rules wrote
-- (pg_temp.out_fact_discrepancy) into core.fact_discrepancy, before person
-- status, marts and targeting read it: every other regency keeps its rows.
-- A rule of a reached regency is exact: the scoped picture holds every row of
-- every person with a row there. Parameters: period.
DELETE FROM core.fact_discrepancy
 WHERE period = %(period)s AND regency_code IN (SELECT regency_code FROM pt_reach);

INSERT INTO core.fact_discrepancy (period, rule_code, person_key, regency_code)
SELECT period, rule_code, person_key, regency_code
  FROM pg_temp.out_fact_discrepancy
 WHERE regency_code IN (SELECT regency_code FROM pt_reach);
