-- The regencies a partial rebuild recomputes (pantau.build.partial), per family
-- of figures: pt_region (region_code, family), the regencies the change reached
-- among the foreigners' figures (build/partial_reach.sql) and the PMI ones
-- (build/partial_pmi_reach.sql, build/partial_pmi_diff.sql); pt_member, the
-- membership the scoped marts count by (build/marts.sql,
-- targeting/target_sites.sql): each of those regencies in itself. Provinces
-- and Indonesia are derived from their regencies (build/partial_derive.sql).
CREATE TEMP TABLE pt_region ON COMMIT DROP AS
SELECT r.region_code, x.family
  FROM (SELECT regency_code, 'foreigner' AS family FROM pt_reach
        UNION
        SELECT regency_code, 'pmi' FROM pt_pmi_reach) AS x
  JOIN core.dim_region AS r ON r.region_code = x.regency_code AND r.level = 'regency';

CREATE TEMP TABLE pt_member ON COMMIT DROP AS
SELECT DISTINCT region_code AS regency_code, region_code FROM pt_region;
ANALYZE pt_region, pt_member;

-- The regions whose marts the merge changes (build/partial_merge_marts.sql).
CREATE TEMP TABLE pt_changed_region (region_code text) ON COMMIT DROP;
