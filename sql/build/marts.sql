-- The marts of a period, for every regency, province and Indonesia ("00": a
-- province or the nation counts each person and position once); the PMI
-- figures follow in build/pmi_marts.sql, the lineage here names the PMI files
-- too. Run after build/pmi_picture.sql.
-- Parameters: period, reference_date. Jinja2: scoped, in a partial rebuild
-- (pantau.build.partial): the regions are those of pt_member (the regions the
-- change reached, never Indonesia: build/partial_national.sql derives it), and
-- the rows go to the shadow tables of build/output.sql.
{% from "build/output.sql" import out with context %}
DELETE FROM {{ out("mart.region_figures") }} WHERE period = {{ param("period") }};
DELETE FROM {{ out("mart.region_breakdown") }} WHERE period = {{ param("period") }};
DELETE FROM {{ out("mart.followup") }} WHERE period = {{ param("period") }};
DELETE FROM {{ out("mart.region_lineage") }} WHERE period = {{ param("period") }};

-- Each regency belongs to itself, to its province and to Indonesia ("00").
CREATE TEMP TABLE p_member ON COMMIT DROP AS
{%- if scoped is defined and scoped %}
SELECT regency_code, region_code FROM pt_member;
{%- else %}
SELECT region_code AS regency_code, region_code FROM core.dim_region WHERE level = 'regency'
UNION ALL
SELECT region_code, province_code FROM core.dim_region WHERE level = 'regency'
UNION ALL
SELECT r.region_code AS regency_code, n.region_code
  FROM core.dim_region AS r CROSS JOIN core.dim_region AS n
 WHERE r.level = 'regency' AND n.level = 'national';
{%- endif %}
CREATE INDEX ON p_member (regency_code);

-- A region's foreigners: one permit per person (the first in file order);
-- its batch and row are what build/figure_rows.sql traces.
CREATE TEMP TABLE m_foreigner ON COMMIT DROP AS
SELECT DISTINCT ON (m.region_code, v.person_key)
       m.region_code, v.person_key, v.permit_type, v.purpose, v.nationality, v.expiry_date,
       v.batch_id, v.row_number
  FROM p_valid AS v JOIN p_member AS m USING (regency_code)
 ORDER BY m.region_code, v.person_key, v.batch_id, v.row_number;

-- A region's foreign workers: each position once.
CREATE TEMP TABLE m_worker ON COMMIT DROP AS
SELECT DISTINCT ON (m.region_code, c.position_key)
       m.region_code, c.position_key, c.nationality, c.months_due, c.dkptka_usd,
       c.employer_key, c.kbji_code, c.person_key, c.batch_id, c.row_number
  FROM p_covering AS c JOIN p_member AS m USING (regency_code)
 ORDER BY m.region_code, c.position_key, c.batch_id, c.row_number;

INSERT INTO {{ out("mart.region_figures") }} (period, region_code, level, region_name,
                                               province_code, reference_date, foreigners_total,
                                               itas, itap, itk, workers_total, registered_total,
                                               expiring_90_days, dkptka_due_usd, dkptka_paid_usd,
                                               population_2025)
SELECT {{ param("period") }}, r.region_code, r.level, r.name, r.province_code,
       {{ param("reference_date") }},
       coalesce(f.total, 0), coalesce(f.itas, 0), coalesce(f.itap, 0), coalesce(f.itk, 0),
       coalesce(w.total, 0), coalesce(d.total, 0), coalesce(f.expiring, 0),
       coalesce(w.due, 0), coalesce(w.paid, 0), r.population_2025
  FROM core.dim_region AS r
  LEFT JOIN (SELECT region_code, count(*) AS total,
                    count(*) FILTER (WHERE permit_type = 'ITAS') AS itas,
                    count(*) FILTER (WHERE permit_type = 'ITAP') AS itap,
                    count(*) FILTER (WHERE permit_type = 'ITK') AS itk,
                    count(*) FILTER (WHERE expiry_date > {{ param("reference_date") }}
                                       AND expiry_date <= {{ param("reference_date") }}::date + 90)
                        AS expiring
               FROM m_foreigner GROUP BY region_code) AS f USING (region_code)
  LEFT JOIN (SELECT region_code, count(*) AS total, 100 * sum(months_due) AS due,
                    sum(coalesce(dkptka_usd, 0)) AS paid
               FROM m_worker GROUP BY region_code) AS w USING (region_code)
  LEFT JOIN (SELECT m.region_code, count(*) AS total
               FROM p_active JOIN p_member AS m USING (regency_code)
              GROUP BY m.region_code) AS d USING (region_code)
{%- if scoped is defined and scoped %}
 WHERE r.region_code IN (SELECT region_code FROM pt_member)
{%- endif %};

INSERT INTO {{ out("mart.region_breakdown") }} (period, region_code, measure, category, label,
                                                 value)
SELECT {{ param("period") }}, f.region_code, 'foreigners_by_nationality', f.nationality, c.name,
       count(*)
  FROM m_foreigner AS f LEFT JOIN core.dim_country AS c ON c.country_code = f.nationality
 WHERE f.nationality IS NOT NULL GROUP BY f.region_code, f.nationality, c.name
UNION ALL
SELECT {{ param("period") }}, region_code, 'foreigners_by_purpose',
       coalesce(nullif(purpose, ''), '-'), NULL, count(*)
  FROM m_foreigner GROUP BY region_code, coalesce(nullif(purpose, ''), '-')
UNION ALL
SELECT {{ param("period") }}, w.region_code, 'workers_by_nationality', w.nationality, c.name,
       count(*)
  FROM m_worker AS w LEFT JOIN core.dim_country AS c ON c.country_code = w.nationality
 WHERE w.nationality IS NOT NULL GROUP BY w.region_code, w.nationality, c.name
UNION ALL
SELECT {{ param("period") }}, w.region_code, 'workers_by_employer', e.nib, e.employer_name, count(*)
  FROM m_worker AS w JOIN core.dim_employer AS e USING (employer_key)
 GROUP BY w.region_code, e.nib, e.employer_name
UNION ALL
SELECT {{ param("period") }}, w.region_code, 'workers_by_sector', coalesce(e.kbli, '-'), NULL,
       count(*)
  FROM m_worker AS w LEFT JOIN core.dim_employer AS e USING (employer_key)
 GROUP BY w.region_code, coalesce(e.kbli, '-')
UNION ALL
SELECT {{ param("period") }}, w.region_code, 'workers_by_occupation', coalesce(w.kbji_code, '-'),
       o.title, count(*)
  FROM m_worker AS w LEFT JOIN core.dim_occupation AS o USING (kbji_code)
 GROUP BY w.region_code, coalesce(w.kbji_code, '-'), o.title
UNION ALL
SELECT {{ param("period") }}, m.region_code, 'discrepancies', f.rule_code, NULL,
       count(DISTINCT f.person_key)
  FROM core.fact_discrepancy AS f JOIN p_member AS m USING (regency_code)
 WHERE f.period = {{ param("period") }} GROUP BY m.region_code, f.rule_code
UNION ALL
SELECT {{ param("period") }}, m.region_code, 'administrative_actions', a.action_type, NULL, count(*)
  FROM p_action AS a JOIN p_member AS m USING (regency_code)
 WHERE a.action_type IS NOT NULL GROUP BY m.region_code, a.action_type
UNION ALL
SELECT {{ param("period") }}, a.regency_code, 'registered_by_district', a.district_code, d.name,
       count(*)
  FROM p_active AS a JOIN core.dim_district AS d USING (district_code)
 GROUP BY a.regency_code, a.district_code, d.name
UNION ALL
SELECT {{ param("period") }}, m.region_code, 'registry_links', d.link_method, NULL, count(*)
  FROM p_document AS d JOIN p_member AS m USING (regency_code)
 GROUP BY m.region_code, d.link_method
UNION ALL
SELECT {{ param("period") }}, region_code, 'rptka_links', link_method, NULL, count(*)
  FROM (SELECT DISTINCT m.region_code, c.batch_id, c.row_number, c.link_method
          FROM p_covering AS c JOIN p_member AS m USING (regency_code)) AS c
 GROUP BY region_code, link_method
UNION ALL
SELECT {{ param("period") }}, m.region_code, 'action_links', a.link_method, NULL, count(*)
  FROM p_action AS a JOIN p_member AS m USING (regency_code)
 GROUP BY m.region_code, a.link_method;

INSERT INTO {{ out("mart.followup") }} (period, region_code, rule_code, person_ref, nationality,
                                         person_key)
SELECT DISTINCT {{ param("period") }}, m.region_code, f.rule_code, core.masked(p.passport_number),
       p.nationality, f.person_key
  FROM core.fact_discrepancy AS f
  JOIN p_member AS m USING (regency_code)
  JOIN pii.person AS p USING (person_key)
 WHERE f.period = {{ param("period") }};

-- Which files each region's figures come from (the data appendix).
INSERT INTO {{ out("mart.region_lineage") }} (period, region_code, batch_id, source, file_name,
                                 snapshot_date, sha256, rows_in_region, batch_rows,
                                 rows_quarantined, checks_failed)
WITH used AS (
    SELECT batch_id, regency_code FROM p_valid
    UNION ALL SELECT batch_id, regency_code FROM p_covering
    UNION ALL SELECT batch_id, regency_code FROM p_document
    UNION ALL SELECT batch_id, regency_code FROM p_action
    -- the PMI records count in their origin (build/pmi_picture.sql)
    UNION ALL SELECT batch_id, origin_regency_code FROM pm_placement
    UNION ALL SELECT batch_id, origin_regency_code FROM pm_application
    UNION ALL SELECT batch_id, origin_regency_code FROM pm_postponement
    UNION ALL SELECT batch_id, origin_regency_code FROM pm_returnee
), per_region AS (
    SELECT m.region_code, u.batch_id, count(*) AS rows_in_region
      FROM used AS u JOIN p_member AS m USING (regency_code)
     GROUP BY m.region_code, u.batch_id
), gate AS MATERIALIZED (  -- what the gate found, once per batch (a batch serves many regions)
    SELECT b.batch_id,
           (SELECT count(*) FROM quarantine.held_row AS h
             WHERE h.batch_id = b.batch_id) AS rows_quarantined,
           (SELECT string_agg(DISTINCT e.rule, ', ') FROM audit.expectation_result AS e
             WHERE e.batch_id = b.batch_id AND NOT e.success) AS checks_failed
      FROM core.period_batch AS b
     WHERE b.period = {{ param("period") }}
)
SELECT {{ param("period") }}, r.region_code, b.batch_id, b.source, b.original_name, b.snapshot_date,
       b.sha256, r.rows_in_region, b.row_count, g.rows_quarantined, g.checks_failed
  FROM per_region AS r
  JOIN audit.batch AS b USING (batch_id)
  JOIN gate AS g USING (batch_id);
