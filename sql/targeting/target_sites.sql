-- The ranked operation sites of every regency and province for one period
-- (docs/targeting.md), from the period picture (build/period_picture.sql's
-- temp tables, the period's core.fact_discrepancy and operation visits) and
-- the weights the build staged as t_weight / t_sector from
-- targeting/weights.json. Parameters: period, reference_date, clear_within_days,
-- share_allowance,
-- weights_sha256. Every score is the exact sum of its rounded contributions.
-- Jinja2: scoped, in a partial rebuild (pantau.build.partial): the regions are
-- those of pt_member, the rows go to the shadow tables of build/output.sql.
{% from "build/output.sql" import out with context %}
DELETE FROM {{ out("mart.target_last_visit") }} WHERE period = {{ param("period") }};
DELETE FROM {{ out("mart.target_worker") }} WHERE period = {{ param("period") }};
DELETE FROM {{ out("mart.target_contribution") }} WHERE period = {{ param("period") }};
DELETE FROM {{ out("mart.target_site") }} WHERE period = {{ param("period") }};

-- Workers: persons with a position covering t at an employer, per work regency.
CREATE TEMP TABLE t_worker ON COMMIT DROP AS
SELECT DISTINCT employer_nib AS nib, regency_code, position_key, person_key
  FROM p_covering
 WHERE employer_nib IS NOT NULL;

-- The last visit of each site on or before t, from the offices' latest snapshots.
CREATE TEMP TABLE t_last_visit ON COMMIT DROP AS
SELECT DISTINCT ON (site_id, regency_code) *
  FROM (
        SELECT coalesce(v.nib, 'site:' || md5(v.regency_code || '|' || upper(v.site_name)))
                   AS site_id,
               v.*,
               v.findings_no_permit + v.findings_permit_mismatch + v.findings_overstay
                   AS findings
          FROM core.fact_operation_visit AS v
          JOIN core.period_batch AS pb
            ON pb.batch_id = v.batch_id AND pb.period = {{ param("period") }}
         WHERE v.visit_date <= {{ param("reference_date") }}
       ) AS visit
 ORDER BY site_id ASC, regency_code ASC, visit_date DESC, batch_id ASC, row_number ASC;

-- Candidate sites: employers with a covering position in the regency, and
-- every site of the operations file.
CREATE TEMP TABLE t_site ON COMMIT DROP AS
WITH employer_site AS (
    SELECT nib, regency_code, count(DISTINCT position_key) AS workers
      FROM t_worker GROUP BY nib, regency_code
)
SELECT coalesce(e.nib, v.site_id) AS site_id,
       coalesce(e.regency_code, v.regency_code) AS regency_code,
       coalesce(e.nib, v.nib) AS nib,
       coalesce(d.employer_name, v.site_name) AS site_name,
       v.district_code,
       coalesce(e.workers, 0)::integer AS workers,
       d.kbli
  FROM employer_site AS e
  FULL JOIN t_last_visit AS v ON v.site_id = e.nib AND v.regency_code = e.regency_code
  LEFT JOIN LATERAL (
        SELECT x.employer_name, x.kbli FROM core.dim_employer AS x
         WHERE x.nib = coalesce(e.nib, v.nib)
         ORDER BY (x.valid_from <= {{ param("reference_date") }}) DESC, x.valid_from DESC
         LIMIT 1
       ) AS d ON TRUE;

-- The persons behind a site's score, one row per person and flag.
CREATE TEMP TABLE t_flag ON COMMIT DROP AS
SELECT DISTINCT w.nib AS site_id, w.regency_code, w.person_key, 'rule:' || f.rule_code AS flag
  FROM t_worker AS w
  JOIN core.fact_discrepancy AS f
    ON f.period = {{ param("period") }} AND f.person_key = w.person_key
   AND f.regency_code = w.regency_code
 WHERE w.person_key IS NOT NULL
UNION
SELECT DISTINCT w.nib, w.regency_code, w.person_key, 'admin_actions'
  FROM t_worker AS w
  JOIN p_action AS a ON a.person_key = w.person_key;

CREATE TEMP TABLE t_sponsored ON COMMIT DROP AS
SELECT DISTINCT v.sponsor_nib AS site_id, v.regency_code, v.person_key,
       CASE WHEN v.permit_type = 'ITK' THEN 'itk_sponsored'
            ELSE 'work_permit_no_position' END AS flag
  FROM p_valid AS v
 WHERE v.sponsor_nib IS NOT NULL
   AND (v.permit_type = 'ITK'
        OR (v.is_work AND NOT EXISTS (SELECT 1 FROM t_worker AS w
                                       WHERE w.nib = v.sponsor_nib
                                         AND w.person_key = v.person_key)));

-- Each factor's quantity per site.
CREATE TEMP TABLE t_quantity ON COMMIT DROP AS
SELECT site_id, regency_code, flag AS factor, count(DISTINCT person_key)::numeric AS quantity
  FROM t_flag WHERE flag LIKE 'rule:%%' GROUP BY site_id, regency_code, flag
UNION ALL
SELECT w.nib, w.regency_code, 'admin_actions', count(DISTINCT a.batch_id || ':' || a.row_number)
  FROM t_worker AS w JOIN p_action AS a ON a.person_key = w.person_key
 GROUP BY w.nib, w.regency_code
UNION ALL
SELECT site_id, regency_code, flag, count(DISTINCT person_key)
  FROM t_sponsored GROUP BY site_id, regency_code, flag
UNION ALL
-- hiding_share: persons with a counted flag over the site's workers plus the
-- flagged persons it sponsors who are not among them, plus the allowance.
SELECT s.site_id, s.regency_code, 'hiding_share',
       round(h.flagged::numeric
             / (s.workers + h.sponsored_only + {{ param("share_allowance") }}::integer),
             4)
  FROM t_site AS s
  JOIN (SELECT site_id, regency_code, count(DISTINCT person_key) AS flagged,
               count(DISTINCT person_key) FILTER (WHERE sponsored_only) AS sponsored_only
          FROM (SELECT site_id, regency_code, person_key, FALSE AS sponsored_only
                  FROM t_flag WHERE flag IN (SELECT flag FROM t_share_flag)
                UNION ALL
                SELECT site_id, regency_code, person_key,
                       NOT EXISTS (SELECT 1 FROM t_worker AS w
                                    WHERE w.nib = x.site_id AND w.regency_code = x.regency_code
                                      AND w.person_key = x.person_key)
                  FROM t_sponsored AS x WHERE flag IN (SELECT flag FROM t_share_flag)) AS f
         GROUP BY site_id, regency_code) AS h USING (site_id, regency_code)
UNION ALL
SELECT site_id, regency_code, 'operation_findings', findings
  FROM t_last_visit WHERE findings > 0
UNION ALL
SELECT site_id, regency_code, 'operation_clear_recent', 1
  FROM t_last_visit
 WHERE findings = 0
   AND visit_date > {{ param("reference_date") }}::date - {{ param("clear_within_days") }}::integer
UNION ALL
SELECT s.site_id, s.regency_code, g.factor, 1
  FROM t_site AS s
  JOIN LATERAL (SELECT x.factor FROM t_sector AS x
                 WHERE s.kbli LIKE x.prefix || '%%' ORDER BY x.prefix LIMIT 1) AS g ON TRUE
UNION ALL
SELECT site_id, regency_code, 'size', round(ln(1 + workers)::numeric, 4)
  FROM t_site WHERE workers > 0;

-- Each regency in itself and in its province.
CREATE TEMP TABLE t_member ON COMMIT DROP AS
{%- if scoped is defined and scoped %}
SELECT m.regency_code, m.region_code
  FROM pt_member AS m JOIN core.dim_region AS r USING (region_code)
 WHERE r.level IN ('regency', 'province');
{%- else %}
SELECT region_code AS regency_code, region_code FROM core.dim_region WHERE level = 'regency'
UNION ALL
SELECT region_code, province_code FROM core.dim_region WHERE level = 'regency';
{%- endif %}

CREATE TEMP TABLE t_points ON COMMIT DROP AS
SELECT q.site_id, q.regency_code, q.factor, q.quantity, w.weight,
       round(q.quantity * w.weight, 4) AS points
  FROM t_quantity AS q
  JOIN t_site USING (site_id, regency_code)
  JOIN t_weight AS w USING (factor);

INSERT INTO {{ out("mart.target_site") }} (period, region_code, site_id, rank, nib, site_name,
                              regency_code, district_code, workers, score, weights_sha256)
WITH scored AS (
    SELECT s.*, coalesce((SELECT sum(p.points) FROM t_points AS p
                           WHERE p.site_id = s.site_id AND p.regency_code = s.regency_code),
                         0) AS score
      FROM t_site AS s
)
SELECT {{ param("period") }}, m.region_code,
       -- a province lists a site once per regency it works in
       CASE WHEN m.region_code = s.regency_code THEN s.site_id
            ELSE s.site_id || '@' || s.regency_code END,
       row_number() OVER (PARTITION BY m.region_code
                              ORDER BY s.score DESC, s.nib ASC NULLS LAST,
                                       s.regency_code ASC, s.site_id ASC),
       s.nib, s.site_name, s.regency_code, s.district_code, s.workers, s.score,
       {{ param("weights_sha256") }}
  FROM scored AS s
  JOIN t_member AS m USING (regency_code);

INSERT INTO {{ out("mart.target_contribution") }} (period, region_code, site_id, factor,
                                                   quantity, weight, points)
SELECT {{ param("period") }}, m.region_code,
       CASE WHEN m.region_code = p.regency_code THEN p.site_id
            ELSE p.site_id || '@' || p.regency_code END,
       p.factor, p.quantity, p.weight, p.points
  FROM t_points AS p
  JOIN t_member AS m USING (regency_code);

INSERT INTO {{ out("mart.target_worker") }} (period, region_code, site_id, person_key, person_ref,
                                nationality, flags)
SELECT {{ param("period") }}, m.region_code,
       CASE WHEN m.region_code = f.regency_code THEN f.site_id
            ELSE f.site_id || '@' || f.regency_code END,
       f.person_key, core.masked(p.passport_number), p.nationality,
       array_agg(DISTINCT f.flag ORDER BY f.flag)
  FROM (SELECT site_id, regency_code, person_key, flag FROM t_flag
        UNION SELECT site_id, regency_code, person_key, flag FROM t_sponsored) AS f
  JOIN t_site USING (site_id, regency_code)
  JOIN t_member AS m ON m.regency_code = f.regency_code
  LEFT JOIN pii.person AS p ON p.person_key = f.person_key
 GROUP BY m.region_code, f.regency_code, f.site_id, f.person_key, p.passport_number,
          p.nationality;

INSERT INTO {{ out("mart.target_last_visit") }} (period, region_code, site_id, visit_date,
                                    foreigners_checked, findings_no_permit,
                                    findings_permit_mismatch, findings_overstay,
                                    actions_on_spot)
SELECT {{ param("period") }}, m.region_code,
       CASE WHEN m.region_code = v.regency_code THEN v.site_id
            ELSE v.site_id || '@' || v.regency_code END,
       v.visit_date, v.foreigners_checked, v.findings_no_permit,
       v.findings_permit_mismatch, v.findings_overstay, v.actions_on_spot
  FROM t_last_visit AS v
  JOIN t_site USING (site_id, regency_code)
  JOIN t_member AS m ON m.regency_code = v.regency_code;
