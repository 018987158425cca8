-- One figure family's rows of one region's audit pack, as its CSV: the rows
-- `pantau trace` lists, written by the server with COPY (FORMAT csv, HEADER).
-- Text an agency controls (the file name) gets an apostrophe in front when
-- a spreadsheet would read it as a formula, as pantau.reports.cells does
-- for every XLSX and CSV cell; plain numbers and dashes stay as they are.
-- Amounts lose trailing zeros (100.00 reads 100). Run by
-- pantau.reports.audit_pack as the auditor role. Parameters: period,
-- region_code, figure.
SELECT f.figure, nullif(f.category, '') AS category, f.source,
       CASE WHEN b.original_name ~ '^[=+@\t\r-]'
             AND b.original_name !~ '^[+-]?([0-9][0-9.,]*)?$'
            THEN '''' || b.original_name ELSE b.original_name END AS file,
       b.sha256, f.row_number, f.batch_id, b.snapshot_date, f.masked_id, f.link_method,
       trim_scale(f.amount) AS amount, f.unit_key
  FROM (SELECT * FROM mart.figure_row
         WHERE period = %(period)s AND region_code = %(region_code)s
           AND figure = %(figure)s) AS f
  JOIN audit.batch AS b ON b.batch_id = f.batch_id
 ORDER BY f.category, f.source, f.batch_id, f.row_number
