-- What each figure's rows add up to, for one region's audit pack: rows,
-- distinct units and the sum of the amounts, per figure and category. Run
-- by pantau.reports.audit_pack as the auditor role. Parameters: period,
-- region_code.
SELECT figure, category, count(*) AS row_count, count(DISTINCT unit_key) AS units,
       coalesce(sum(amount), 0) AS amount
  FROM mart.figure_row
 WHERE period = %(period)s AND region_code = %(region_code)s
 GROUP BY figure, category
