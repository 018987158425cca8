-- A report's breakdowns (nationalities, rules, actions, employers, sectors,
-- occupations, purposes), largest first within each measure. Run by
-- pantau.reports.context.load as the reporter role for each report.
-- Parameters: period, region_code.
SELECT measure, category, label, value FROM mart.region_breakdown
 WHERE period = %(period)s AND region_code = %(region_code)s
 ORDER BY measure ASC, value DESC, category ASC
