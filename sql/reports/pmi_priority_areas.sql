-- A report's PMI priority areas (a regency's districts, a province's
-- regencies with persons indicated), persons first. Run by
-- pantau.reports.context.load as the reporter role. Parameters: period,
-- region_code.
SELECT area_code, area_name, persons_indicated, placements_departed
  FROM mart.pmi_priority_area
 WHERE period = %(period)s AND region_code = %(region_code)s
 ORDER BY persons_indicated DESC, area_code ASC
