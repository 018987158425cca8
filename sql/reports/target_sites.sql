-- The ranked operation sites of one region and period (mart.target_site), as
-- the reporter reads them: rank, site, score, the weights file's SHA-256.
-- Parameters: period, region_code.
SELECT rank, site_id, nib, site_name, regency_code, district_code, workers, score,
       weights_sha256
  FROM mart.target_site
 WHERE period = %(period)s AND region_code = %(region_code)s
 ORDER BY rank;
