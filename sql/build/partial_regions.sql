-- What a partial rebuild reports (pantau.build.partial): the regencies it
-- recomputed (pt_reach, pt_pmi_reach) and the regions whose marts changed
-- (pt_changed_region, build/partial_merge_marts.sql), each once, in order.
SELECT 'reached' AS what, regency_code AS region_code FROM pt_reach
UNION
SELECT 'reached', regency_code FROM pt_pmi_reach
UNION
SELECT 'changed', region_code FROM pt_changed_region
 ORDER BY what, region_code
