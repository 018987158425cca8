-- A provincial report's regencies, ranked by foreign workers (its TKA
-- concentration section). Run by pantau.reports.context.load as the reporter
-- role for a province's report. Parameters: period, province_code.
SELECT region_code, region_name, foreigners_total, workers_total, registered_total,
       population_2025
  FROM mart.region_figures
 WHERE period = %(period)s AND level = 'regency' AND province_code = %(province_code)s
 ORDER BY workers_total DESC, foreigners_total DESC, region_code ASC
