-- The rule of thumb a team uses today: the region's employers by workers
-- (positions covering t), largest first, ties by NIB. Parameters: period, region_code.
SELECT nib, regency_code, workers
  FROM mart.target_site
 WHERE period = %(period)s AND region_code = %(region_code)s AND nib IS NOT NULL
 ORDER BY workers DESC, nib ASC, regency_code ASC;
