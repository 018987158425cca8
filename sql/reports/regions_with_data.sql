-- The regions of the given levels with anything to report in a period: the
-- reports `pantau report` renders when no region is named. Any source counts:
-- a regency with PMI records and no foreigner gets its reports too (its PMI
-- breakdowns count the period's records; pmi_links, which counts every record
-- of the picture whatever its date, does not). Run by
-- pantau.reports.render.default_regions as the reporter role.
-- Parameters: period, levels (a list of 'regency' and/or 'province').
SELECT f.region_code FROM mart.region_figures AS f
 WHERE f.period = %(period)s AND f.level = ANY(%(levels)s)
   AND (f.foreigners_total + f.workers_total + f.registered_total
        + f.pmi_placements_departed + f.pmi_passports_withheld + f.pmi_persons_indicated > 0
        OR EXISTS (SELECT 1 FROM mart.region_breakdown AS b
                    WHERE b.period = f.period AND b.region_code = f.region_code
                      AND left(b.measure, 4) = 'pmi_' AND b.measure <> 'pmi_links'
                      AND b.value > 0))
 ORDER BY f.region_code
