-- Every source row behind one region's figures, for its audit pack (the
-- rows `pantau trace` lists, all figures at once). Run by
-- pantau.reports.audit_pack as the auditor role. Parameters: period,
-- region_code.
SELECT f.figure, f.category, f.source, b.original_name AS file, b.sha256, f.row_number,
       f.batch_id, b.snapshot_date, f.masked_id, f.link_method, f.amount, f.unit_key
  FROM (SELECT * FROM mart.figure_row
         WHERE period = %(period)s AND region_code = %(region_code)s) AS f
  JOIN audit.batch AS b ON b.batch_id = f.batch_id
 ORDER BY f.figure, f.category, f.source, f.batch_id, f.row_number
