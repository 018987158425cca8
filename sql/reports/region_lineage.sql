-- The files a report's figures come from (its data annex and manifest.json).
-- Run by pantau.reports.context.load as the reporter role for each report.
-- Parameters: period, region_code.
SELECT source, file_name, snapshot_date, sha256, rows_in_region, batch_rows,
       rows_quarantined, checks_failed
  FROM mart.region_lineage WHERE period = %(period)s AND region_code = %(region_code)s
 ORDER BY source, file_name
