-- The last operation at each ranked site (mart.target_last_visit).
-- Parameters: period, region_code.
SELECT site_id, visit_date, foreigners_checked, findings_no_permit,
       findings_permit_mismatch, findings_overstay
  FROM mart.target_last_visit
 WHERE period = %(period)s AND region_code = %(region_code)s
 ORDER BY site_id;
