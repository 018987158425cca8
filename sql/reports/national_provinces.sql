-- The 38 provinces of the national report, ranked on foreign workers, with
-- the key figures it compares them on: foreigners, registered residents,
-- persons named by a reconciliation rule, PMI persons indicated. Run by
-- pantau.reports.context.load as the reporter role. Parameters: period.
SELECT f.region_code, f.region_name, f.foreigners_total, f.workers_total,
       f.registered_total, f.population_2025, f.pmi_persons_indicated,
       f.pmi_placements_departed, coalesce(d.persons, 0) AS discrepancy_persons
  FROM mart.region_figures AS f
  LEFT JOIN (SELECT region_code, count(DISTINCT person_key) AS persons
               FROM mart.followup WHERE period = %(period)s
              GROUP BY region_code) AS d USING (region_code)
 WHERE f.period = %(period)s AND f.level = 'province'
 ORDER BY f.workers_total DESC, f.foreigners_total DESC, f.region_code ASC
