-- The batches behind one region's figures, for its audit pack: each with
-- its source, file, SHA-256 and snapshot date. Run by
-- pantau.reports.audit_pack as the auditor role. Parameters: period,
-- region_code.
SELECT b.batch_id, b.source, b.original_name AS file, b.sha256, b.snapshot_date
  FROM (SELECT DISTINCT batch_id FROM mart.figure_row
         WHERE period = %(period)s AND region_code = %(region_code)s) AS f
  JOIN audit.batch AS b ON b.batch_id = f.batch_id
 ORDER BY b.batch_id
