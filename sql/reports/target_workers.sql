-- The workers behind each ranked site: masked passport, nationality, flags.
-- Parameters: period, region_code.
SELECT site_id, person_ref, nationality, flags
  FROM mart.target_worker
 WHERE period = %(period)s AND region_code = %(region_code)s
 ORDER BY site_id, person_ref, person_key;
