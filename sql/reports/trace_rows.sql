-- The source rows behind one figure of one region and period (`pantau trace`,
-- run as the auditor): mart.figure_row with the file, SHA-256 and snapshot
-- date of each row's batch. Never a personal value: masked_id is masked in
-- the build. Parameters: period, region_code, figure, category.
SELECT f.source, b.original_name AS file, b.sha256, f.row_number, f.batch_id,
       b.snapshot_date, f.masked_id, f.link_method, f.amount, f.unit_key
  FROM (SELECT * FROM mart.figure_row
         WHERE period = %(period)s AND region_code = %(region_code)s
           AND figure = %(figure)s AND category = %(category)s) AS f
  JOIN audit.batch AS b ON b.batch_id = f.batch_id
 ORDER BY f.source, f.batch_id, f.row_number
