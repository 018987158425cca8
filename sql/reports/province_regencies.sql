-- The regencies of a province's report (province_code '62'), or of the
-- national report (province_code '00': every regency), ranked by foreign
-- workers: the TKA concentration section and its map. Run by
-- pantau.reports.context.load as the reporter role. Parameters: period,
-- province_code.
SELECT region_code, region_name, foreigners_total, workers_total, registered_total,
       population_2025
  FROM mart.region_figures
 WHERE period = %(period)s AND level = 'regency'
   AND (province_code = %(province_code)s OR %(province_code)s = '00')
 ORDER BY workers_total DESC, foreigners_total DESC, region_code ASC
