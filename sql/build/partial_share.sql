-- How much of the period a partial rebuild would recompute (pantau.build.partial
-- falls back to the whole build above a share): the regencies with data (a
-- file in mart.region_lineage) the change reaches, foreigners' (pt_reach) or
-- PMI (pt_pmi_reach), against all regencies with data. Parameters: period.
WITH with_data AS (
    SELECT DISTINCT l.region_code
      FROM mart.region_lineage AS l
      JOIN core.dim_region AS r ON r.region_code = l.region_code AND r.level = 'regency'
     WHERE l.period = %(period)s
)
SELECT (SELECT count(*) FROM with_data
         WHERE region_code IN (SELECT regency_code FROM pt_reach
                               UNION
                               SELECT regency_code FROM pt_pmi_reach)),
       (SELECT count(*) FROM with_data)
