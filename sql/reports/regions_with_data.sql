-- The regions of the given levels with anything to report in a period: the
-- reports `pantau report` renders when no region is named. Run by
-- pantau.reports.render.default_regions as the reporter role.
-- Parameters: period, levels (a list of 'regency' and/or 'province').
SELECT region_code FROM mart.region_figures
 WHERE period = %(period)s AND level = ANY(%(levels)s)
   AND foreigners_total + workers_total + registered_total > 0
 ORDER BY region_code
