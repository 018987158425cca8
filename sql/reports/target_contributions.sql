-- Each ranked site's contributions, factor by factor (they add up to its score).
-- Parameters: period, region_code.
SELECT site_id, factor, quantity, weight, points
  FROM mart.target_contribution
 WHERE period = %(period)s AND region_code = %(region_code)s
 ORDER BY site_id ASC, points DESC, factor ASC;
