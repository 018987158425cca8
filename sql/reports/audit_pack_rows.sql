-- The first rows of each figure of one region, as its audit pack's index
-- shows them (the family's CSV holds them all), in `pantau trace`'s order.
-- Run by pantau.reports.audit_pack as the auditor role. Parameters: period,
-- region_code, shown (rows per figure).
SELECT f.figure, f.category, f.source, b.original_name AS file, f.row_number, f.batch_id,
       b.snapshot_date, f.masked_id, f.link_method, f.amount
  FROM (SELECT * FROM (SELECT *, row_number() OVER (PARTITION BY figure, category
                                                        ORDER BY source, batch_id, row_number)
                                  AS place
                         FROM mart.figure_row
                        WHERE period = %(period)s AND region_code = %(region_code)s) AS ranked
         WHERE place <= %(shown)s) AS f
  JOIN audit.batch AS b ON b.batch_id = f.batch_id
 ORDER BY f.figure, f.category, f.place
