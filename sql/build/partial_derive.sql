-- The provinces of the reached regencies (Jinja2 level "province"), then
-- Indonesia ("00", level "national"), derived from their children after a
-- partial rebuild merged the reached regencies (build/partial_merge_marts.sql),
-- instead of picturing all of a province or of the country again. A parent's
-- rows equal what build/marts.sql, build/pmi_marts.sql, build/figure_rows.sql,
-- build/pmi_figure_rows.sql and targeting/target_sites.sql write for it,
-- because every record lies in one regency, so in one child (a position in
-- each child of its work locations, where it is the same row):
--   figure rows of a person or a position: a parent counts each once, by the
--     first of its rows in file order, which is the first of those its
--     children count; rederived for the units the reached regencies count,
--     before or after (pt_derive_key);
--   figure rows of a record (a registration, an action, a discrepancy's row, a
--     PMI record or indication): the children's rows, rederived for those rows;
--     a parent's priority area is a child;
--   figures and breakdowns: counted from the parent's figure rows, summed over
--     the children where a record counts once (registry, action and PMI links,
--     PMI records), from the facts where persons or rows count distinct
--     (discrepancies, PMI indications, RPTKA links);
--   follow-up lists from the period's rules; lineage summed by file; a
--     province's operation sites are its regencies' sites, ranked again.
-- Parameters: period, reference_date. Jinja2: level, with_foreigners, with_pmi.
{% set period = param("period") -%}
{% set persons = "('foreigners_total', 'by_permit_type', 'by_nationality', 'expiring_90_days')" -%}
{% set positions = "('workers_total', 'workers_by_nationality', 'dkptka_due_usd',
                    'dkptka_paid_usd')" -%}
{% set records = "('registered_total', 'administrative_actions', 'discrepancies')" -%}
{% macro parents(family) -%}
ANY(ARRAY(SELECT DISTINCT h.parent_code FROM pt_child AS h WHERE h.family = '{{ family }}'))
{%- endmacro %}
{% macro write_difference() -%}
DELETE FROM mart.figure_row AS t
 USING (SELECT * FROM pt_held EXCEPT SELECT * FROM pt_derived) AS g
 WHERE t.period = g.period AND t.region_code = g.region_code AND t.figure = g.figure
   AND t.category = g.category AND t.batch_id = g.batch_id AND t.row_number = g.row_number;

INSERT INTO mart.figure_row SELECT * FROM pt_derived EXCEPT SELECT * FROM pt_held;
{%- endmacro %}
DROP TABLE IF EXISTS pt_child, pt_parent_regency, pt_unit_child;

-- The parents of this level and their children: a reached regency's province
-- and every regency in it; Indonesia and every province.
CREATE TEMP TABLE pt_child ON COMMIT DROP AS
{%- if level == "province" %}
SELECT DISTINCT c.region_code AS child_code, c.province_code AS parent_code, g.family
  FROM pt_region AS g
  JOIN core.dim_region AS r ON r.region_code = g.region_code
  JOIN core.dim_region AS c ON c.province_code = r.province_code AND c.level = 'regency';
{%- else %}
SELECT DISTINCT c.province_code AS child_code, '00' AS parent_code, g.family
  FROM core.dim_region AS c CROSS JOIN (SELECT DISTINCT family FROM pt_region) AS g
 WHERE c.level = 'regency';
{%- endif %}

-- Every regency under a parent, with the child it lies in.
CREATE TEMP TABLE pt_parent_regency ON COMMIT DROP AS
SELECT h.parent_code, h.family, h.child_code, r.region_code AS regency_code
  FROM pt_child AS h
  JOIN core.dim_region AS r
    ON r.level = 'regency' AND (r.region_code = h.child_code OR r.province_code = h.child_code);
{%- if level == "province" %}

CREATE TEMP TABLE pt_derive_unit ON COMMIT DROP AS
SELECT DISTINCT CASE WHEN figure IN {{ persons }} THEN 'foreigners_total'
                     ELSE 'workers_total' END AS counted_by,
       unit_key
  FROM pt_derive_key
 WHERE figure IN {{ persons }} OR figure IN {{ positions }};
ANALYZE pt_derive_unit;
{%- endif %}

-- The children whose figure rows can hold the units and rows to derive: a
-- province's regencies; for Indonesia, the provinces of the reached regencies
-- and those where a unit of them has a row (pt_place, build/partial_reach.sql).
CREATE TEMP TABLE pt_unit_child ON COMMIT DROP AS
SELECT h.*
  FROM pt_child AS h
{%- if level == "national" %}
 WHERE h.child_code IN (SELECT r.province_code
                          FROM core.dim_region AS r
                          JOIN pt_region AS g ON g.region_code = r.region_code
                         WHERE g.family = h.family)
    OR (h.family = 'foreigner'
        AND h.child_code IN (SELECT r.province_code
                               FROM pt_place AS p
                               JOIN core.dim_region AS r ON r.region_code = p.regency_code
                              WHERE p.person_key IN (SELECT unit_key FROM pt_derive_unit)
                                 OR p.position_key IN (SELECT unit_key FROM pt_derive_unit)
                                 OR p.person_key IN (SELECT k.unit_key FROM pt_derive_key AS k
                                                      WHERE k.figure = 'discrepancies')))
{%- endif %};
ANALYZE pt_child, pt_parent_regency, pt_unit_child;
{%- if with_foreigners %}

-- The parents' figure rows of those units and rows: derived, then written as a
-- difference from what the parents hold (most are as they were).
DROP TABLE IF EXISTS pt_held, pt_derived;
CREATE TEMP TABLE pt_held ON COMMIT DROP AS
SELECT t.* FROM mart.figure_row AS t
 WHERE t.period = {{ period }} AND t.region_code = {{ parents("foreigner") }}
   AND ((t.figure IN {{ persons }}
         AND t.unit_key IN (SELECT u.unit_key FROM pt_derive_unit AS u
                             WHERE u.counted_by = 'foreigners_total'))
        OR (t.figure IN {{ positions }}
            AND t.unit_key IN (SELECT u.unit_key FROM pt_derive_unit AS u
                                WHERE u.counted_by = 'workers_total'))
        OR (t.figure IN {{ records }}
            AND (t.figure, t.category, t.batch_id, t.row_number)
                IN (SELECT k.figure, k.category, k.batch_id, k.row_number
                      FROM pt_derive_key AS k)));

CREATE TEMP TABLE pt_derived ON COMMIT DROP AS
WITH unit_rows AS MATERIALIZED (
    SELECT h.parent_code, u.counted_by, f.*
      FROM mart.figure_row AS f
      JOIN pt_unit_child AS h ON h.child_code = f.region_code AND h.family = 'foreigner'
      JOIN pt_derive_unit AS u ON u.unit_key = f.unit_key
     WHERE f.period = {{ period }}
       AND f.region_code = ANY(array(SELECT c.child_code FROM pt_unit_child AS c
                                      WHERE c.family = 'foreigner'))
       AND ((u.counted_by = 'foreigners_total' AND f.figure IN {{ persons }})
            OR (u.counted_by = 'workers_total' AND f.figure IN {{ positions }}))
), counted AS (
    SELECT DISTINCT ON (parent_code, counted_by, unit_key)
           parent_code, counted_by, unit_key, batch_id, row_number
      FROM unit_rows
     WHERE figure = counted_by
     ORDER BY parent_code ASC, counted_by ASC, unit_key ASC, batch_id ASC, row_number ASC
)
SELECT DISTINCT f.period, f.parent_code, f.figure, f.category, f.source, f.batch_id,
       f.row_number, f.unit_key, f.masked_id, f.link_method, f.amount
  FROM unit_rows AS f
  JOIN counted USING (parent_code, counted_by, unit_key, batch_id, row_number)
UNION
SELECT DISTINCT f.period, h.parent_code, f.figure, f.category, f.source, f.batch_id,
       f.row_number, f.unit_key, f.masked_id, f.link_method, f.amount
  FROM mart.figure_row AS f
  JOIN pt_unit_child AS h ON h.child_code = f.region_code AND h.family = 'foreigner'
 WHERE f.period = {{ period }} AND f.figure IN {{ records }}
   AND f.region_code = ANY(array(SELECT c.child_code FROM pt_unit_child AS c
                                  WHERE c.family = 'foreigner'))
   AND (f.figure, f.category, f.batch_id, f.row_number)
       IN (SELECT k.figure, k.category, k.batch_id, k.row_number FROM pt_derive_key AS k);
{{ write_difference() }}

UPDATE mart.region_figures AS g
   SET foreigners_total = x.foreigners, itas = x.itas, itap = x.itap, itk = x.itk,
       workers_total = x.workers, registered_total = x.registered,
       expiring_90_days = x.expiring, dkptka_due_usd = x.due, dkptka_paid_usd = x.paid
  FROM (SELECT p.parent_code,
               count(*) FILTER (WHERE f.figure = 'foreigners_total') AS foreigners,
               count(*) FILTER (WHERE f.figure = 'by_permit_type' AND f.category = 'ITAS')
                   AS itas,
               count(*) FILTER (WHERE f.figure = 'by_permit_type' AND f.category = 'ITAP')
                   AS itap,
               count(*) FILTER (WHERE f.figure = 'by_permit_type' AND f.category = 'ITK')
                   AS itk,
               count(*) FILTER (WHERE f.figure = 'workers_total') AS workers,
               count(*) FILTER (WHERE f.figure = 'registered_total') AS registered,
               count(*) FILTER (WHERE f.figure = 'expiring_90_days') AS expiring,
               coalesce(sum(f.amount) FILTER (WHERE f.figure = 'dkptka_due_usd'), 0) AS due,
               coalesce(sum(f.amount) FILTER (WHERE f.figure = 'dkptka_paid_usd'), 0) AS paid
          FROM (SELECT DISTINCT parent_code FROM pt_child WHERE family = 'foreigner') AS p
          LEFT JOIN mart.figure_row AS f
            ON f.period = {{ period }} AND f.region_code = p.parent_code
           AND f.figure IN ('foreigners_total', 'by_permit_type', 'workers_total',
                            'registered_total', 'expiring_90_days', 'dkptka_due_usd',
                            'dkptka_paid_usd')
         GROUP BY p.parent_code) AS x
 WHERE g.period = {{ period }} AND g.region_code = x.parent_code;

DELETE FROM mart.region_breakdown
 WHERE period = {{ period }} AND region_code = {{ parents("foreigner") }}
   AND NOT starts_with(measure, 'pmi_');

INSERT INTO mart.region_breakdown (period, region_code, measure, category, label, value)
WITH counted AS (
    SELECT f.*
      FROM mart.figure_row AS f
     WHERE f.period = {{ period }} AND f.region_code = {{ parents("foreigner") }}
       AND f.figure IN ('by_nationality', 'foreigners_total', 'workers_by_nationality',
                        'workers_total', 'administrative_actions')
)
SELECT {{ period }}, f.region_code, 'foreigners_by_nationality', f.category, c.name, count(*)
  FROM counted AS f LEFT JOIN core.dim_country AS c ON c.country_code = f.category
 WHERE f.figure = 'by_nationality' GROUP BY f.region_code, f.category, c.name
UNION ALL
SELECT {{ period }}, f.region_code, 'foreigners_by_purpose',
       coalesce(nullif(t.purpose, ''), '-'), NULL, count(*)
  FROM counted AS f
  JOIN core.fact_stay_permit USING (batch_id, row_number)
  LEFT JOIN core.dim_permit_type AS t USING (permit_type_key)
 WHERE f.figure = 'foreigners_total'
 GROUP BY f.region_code, coalesce(nullif(t.purpose, ''), '-')
UNION ALL
SELECT {{ period }}, f.region_code, 'workers_by_nationality', f.category, c.name, count(*)
  FROM counted AS f LEFT JOIN core.dim_country AS c ON c.country_code = f.category
 WHERE f.figure = 'workers_by_nationality' GROUP BY f.region_code, f.category, c.name
UNION ALL
SELECT {{ period }}, f.region_code, 'workers_by_employer', e.nib, e.employer_name, count(*)
  FROM counted AS f
  JOIN core.fact_rptka_position USING (batch_id, row_number)
  JOIN core.dim_employer AS e USING (employer_key)
 WHERE f.figure = 'workers_total' GROUP BY f.region_code, e.nib, e.employer_name
UNION ALL
SELECT {{ period }}, f.region_code, 'workers_by_sector', coalesce(e.kbli, '-'), NULL, count(*)
  FROM counted AS f
  JOIN core.fact_rptka_position USING (batch_id, row_number)
  LEFT JOIN core.dim_employer AS e USING (employer_key)
 WHERE f.figure = 'workers_total' GROUP BY f.region_code, coalesce(e.kbli, '-')
UNION ALL
SELECT {{ period }}, f.region_code, 'workers_by_occupation', coalesce(p.kbji_code, '-'),
       o.title, count(*)
  FROM counted AS f
  JOIN core.fact_rptka_position AS p USING (batch_id, row_number)
  LEFT JOIN core.dim_occupation AS o USING (kbji_code)
 WHERE f.figure = 'workers_total' GROUP BY f.region_code, coalesce(p.kbji_code, '-'), o.title
UNION ALL
SELECT {{ period }}, r.parent_code, 'discrepancies', f.rule_code, NULL,
       count(DISTINCT f.person_key)
  FROM core.fact_discrepancy AS f
  JOIN pt_parent_regency AS r ON r.regency_code = f.regency_code AND r.family = 'foreigner'
 WHERE f.period = {{ period }} GROUP BY r.parent_code, f.rule_code
UNION ALL
SELECT {{ period }}, f.region_code, 'administrative_actions', f.category, NULL, count(*)
  FROM counted AS f
 WHERE f.figure = 'administrative_actions' GROUP BY f.region_code, f.category
UNION ALL
SELECT {{ period }}, h.parent_code, b.measure, b.category, NULL, sum(b.value)
  FROM mart.region_breakdown AS b
  JOIN pt_child AS h ON h.child_code = b.region_code AND h.family = 'foreigner'
 WHERE b.period = {{ period }} AND b.measure IN ('registry_links', 'action_links')
 GROUP BY h.parent_code, b.measure, b.category
UNION ALL
SELECT {{ period }}, r.parent_code, 'rptka_links', l.link_method, NULL,
       count(DISTINCT (l.batch_id, l.row_number))  -- noqa: CP03,ST08,LT01,LT06
  FROM core.document_link AS l
  JOIN core.fact_rptka_position AS p USING (batch_id, row_number)
  JOIN core.fact_rptka_location AS c USING (batch_id, row_number)
  JOIN pt_parent_regency AS r ON r.regency_code = c.regency_code AND r.family = 'foreigner'
 WHERE l.period = {{ period }}
   AND p.start_date <= {{ param("reference_date") }}
   AND p.end_date >= {{ param("reference_date") }}
 GROUP BY r.parent_code, l.link_method;

DELETE FROM mart.followup WHERE period = {{ period }} AND region_code = {{ parents("foreigner") }};

INSERT INTO mart.followup (period, region_code, rule_code, person_ref, nationality, person_key)
SELECT DISTINCT {{ period }}, r.parent_code, f.rule_code, core.masked(p.passport_number),
       p.nationality, f.person_key
  FROM core.fact_discrepancy AS f
  JOIN pt_parent_regency AS r ON r.regency_code = f.regency_code AND r.family = 'foreigner'
  JOIN pii.person AS p USING (person_key)
 WHERE f.period = {{ period }};
{%- if level == "province" %}

-- A province lists its regencies' operation sites, each as site@regency, ranked
-- again among them all.
{% for table in ("mart.target_site", "mart.target_contribution", "mart.target_worker",
                 "mart.target_last_visit") %}
DELETE FROM {{ table }} WHERE period = {{ period }} AND region_code = {{ parents("foreigner") }};
{% endfor %}
INSERT INTO mart.target_site (period, region_code, site_id, rank, nib, site_name,
                              regency_code, district_code, workers, score, weights_sha256)
SELECT s.period, h.parent_code, s.site_id || '@' || s.regency_code,
       row_number() OVER (PARTITION BY h.parent_code
                              ORDER BY s.score DESC, s.nib ASC NULLS LAST,
                                       s.regency_code ASC, s.site_id ASC),
       s.nib, s.site_name, s.regency_code, s.district_code, s.workers, s.score,
       s.weights_sha256
  FROM mart.target_site AS s
  JOIN pt_child AS h ON h.child_code = s.region_code AND h.family = 'foreigner'
 WHERE s.period = {{ period }};

INSERT INTO mart.target_contribution (period, region_code, site_id, factor, quantity, weight,
                                      points)
SELECT s.period, h.parent_code, s.site_id || '@' || h.child_code, s.factor, s.quantity,
       s.weight, s.points
  FROM mart.target_contribution AS s
  JOIN pt_child AS h ON h.child_code = s.region_code AND h.family = 'foreigner'
 WHERE s.period = {{ period }};

INSERT INTO mart.target_worker (period, region_code, site_id, person_key, person_ref,
                                nationality, flags)
SELECT s.period, h.parent_code, s.site_id || '@' || h.child_code, s.person_key, s.person_ref,
       s.nationality, s.flags
  FROM mart.target_worker AS s
  JOIN pt_child AS h ON h.child_code = s.region_code AND h.family = 'foreigner'
 WHERE s.period = {{ period }};

INSERT INTO mart.target_last_visit (period, region_code, site_id, visit_date,
                                    foreigners_checked, findings_no_permit,
                                    findings_permit_mismatch, findings_overstay,
                                    actions_on_spot)
SELECT s.period, h.parent_code, s.site_id || '@' || h.child_code, s.visit_date,
       s.foreigners_checked, s.findings_no_permit, s.findings_permit_mismatch,
       s.findings_overstay, s.actions_on_spot
  FROM mart.target_last_visit AS s
  JOIN pt_child AS h ON h.child_code = s.region_code AND h.family = 'foreigner'
 WHERE s.period = {{ period }};
{%- endif %}
{%- endif %}
{%- if with_pmi %}

DROP TABLE IF EXISTS pt_held, pt_derived;
CREATE TEMP TABLE pt_held ON COMMIT DROP AS
SELECT * FROM mart.figure_row
 WHERE period = {{ period }} AND region_code = {{ parents("pmi") }}
   AND starts_with(figure, 'pmi.')
   AND (batch_id, row_number) IN (SELECT k.batch_id, k.row_number FROM pt_derive_key AS k
                                   WHERE starts_with(k.figure, 'pmi.'));

CREATE TEMP TABLE pt_derived ON COMMIT DROP AS
WITH rows_of AS (
    SELECT h.parent_code, h.child_code, f.*
      FROM mart.figure_row AS f
      JOIN pt_unit_child AS h ON h.child_code = f.region_code AND h.family = 'pmi'
     WHERE f.period = {{ period }} AND starts_with(f.figure, 'pmi.')
       AND f.region_code = ANY(array(SELECT c.child_code FROM pt_unit_child AS c
                                      WHERE c.family = 'pmi'))
       AND (f.batch_id, f.row_number) IN (SELECT k.batch_id, k.row_number
                                            FROM pt_derive_key AS k
                                           WHERE starts_with(k.figure, 'pmi.'))
)
SELECT DISTINCT f.period, f.parent_code, f.figure, f.category, f.source, f.batch_id,
       f.row_number, f.unit_key, f.masked_id, f.link_method, f.amount
  FROM rows_of AS f
 WHERE NOT starts_with(f.figure, 'pmi.priority_areas.')
UNION
-- a parent's priority area is a child: the rows indicated there ...
SELECT DISTINCT f.period, f.parent_code, 'pmi.priority_areas.persons_indicated', f.child_code,
       f.source, f.batch_id, f.row_number, f.unit_key, f.masked_id, f.link_method, f.amount
  FROM rows_of AS f
 WHERE f.figure = 'pmi.indications'
UNION
-- ... and the placements departed from a child with a person indicated
SELECT f.period, f.parent_code, 'pmi.priority_areas.placements_departed', f.child_code,
       f.source, f.batch_id, f.row_number, f.unit_key, f.masked_id, f.link_method, f.amount
  FROM rows_of AS f
  JOIN mart.region_figures AS g
    ON g.period = f.period AND g.region_code = f.child_code AND g.pmi_persons_indicated > 0
 WHERE f.figure = 'pmi.placements_departed';
{{ write_difference() }}

UPDATE mart.region_figures AS g
   SET pmi_placements_departed = x.departed, pmi_placements_informal = x.informal,
       pmi_passports_withheld = x.withheld, pmi_persons_indicated = x.persons
  FROM (SELECT p.parent_code, coalesce(sum(c.pmi_placements_departed), 0) AS departed,
               coalesce(sum(c.pmi_placements_informal), 0) AS informal,
               coalesce(sum(c.pmi_passports_withheld), 0) AS withheld,
               (SELECT count(DISTINCT i.person_key)
                  FROM core.fact_pmi_indication AS i
                  JOIN pt_parent_regency AS r
                    ON r.regency_code = i.regency_code AND r.family = 'pmi'
                   AND r.parent_code = p.parent_code
                 WHERE i.period = {{ period }}) AS persons
          FROM (SELECT DISTINCT parent_code FROM pt_child WHERE family = 'pmi') AS p
          JOIN pt_child AS h ON h.parent_code = p.parent_code AND h.family = 'pmi'
          LEFT JOIN mart.region_figures AS c
            ON c.period = {{ period }} AND c.region_code = h.child_code
         GROUP BY p.parent_code) AS x
 WHERE g.period = {{ period }} AND g.region_code = x.parent_code;

DELETE FROM mart.region_breakdown
 WHERE period = {{ period }} AND region_code = {{ parents("pmi") }}
   AND starts_with(measure, 'pmi_');

INSERT INTO mart.region_breakdown (period, region_code, measure, category, label, value)
SELECT {{ period }}, h.parent_code, b.measure, b.category, max(b.label), sum(b.value)
  FROM mart.region_breakdown AS b
  JOIN pt_child AS h ON h.child_code = b.region_code AND h.family = 'pmi'
 WHERE b.period = {{ period }}
   AND b.measure IN ('pmi_placements_by_destination', 'pmi_placements_by_scheme',
                     'pmi_passports_issued', 'pmi_departures_postponed', 'pmi_returnees',
                     'pmi_links')
 GROUP BY h.parent_code, b.measure, b.category
UNION ALL
SELECT {{ period }}, r.parent_code, 'pmi_indications', i.rule_code, NULL,
       count(DISTINCT i.person_key)
  FROM core.fact_pmi_indication AS i
  JOIN pt_parent_regency AS r ON r.regency_code = i.regency_code AND r.family = 'pmi'
 WHERE i.period = {{ period }}
 GROUP BY r.parent_code, i.rule_code;

DELETE FROM mart.pmi_priority_area
 WHERE period = {{ period }} AND region_code = {{ parents("pmi") }};

INSERT INTO mart.pmi_priority_area (period, region_code, area_code, area_name,
                                    persons_indicated, placements_departed)
SELECT {{ period }}, h.parent_code, h.child_code, coalesce(d.name, r.name, h.child_code),
       c.pmi_persons_indicated, c.pmi_placements_departed
  FROM pt_child AS h
  JOIN mart.region_figures AS c ON c.period = {{ period }} AND c.region_code = h.child_code
  LEFT JOIN core.dim_district AS d ON d.district_code = h.child_code
  LEFT JOIN core.dim_region AS r ON r.region_code = h.child_code
 WHERE h.family = 'pmi' AND c.pmi_persons_indicated > 0;

DELETE FROM mart.pmi_followup WHERE period = {{ period }} AND region_code = {{ parents("pmi") }};

INSERT INTO mart.pmi_followup (period, region_code, rule_code, person_key, area_code,
                               person_ref)
SELECT DISTINCT {{ period }}, r.parent_code, i.rule_code, i.person_key, r.child_code,
       CASE WHEN p.kind IN ('nik', 'passport') THEN core.masked(p.identifier)
            ELSE '(tanpa NIK/paspor)' END
  FROM core.fact_pmi_indication AS i
  JOIN pt_parent_regency AS r ON r.regency_code = i.regency_code AND r.family = 'pmi'
  JOIN pii.pmi_identity AS p ON p.identity_key = i.person_key
 WHERE i.period = {{ period }};
{%- endif %}

DELETE FROM mart.region_lineage
 WHERE period = {{ period }} AND region_code IN (SELECT parent_code FROM pt_child);

INSERT INTO mart.region_lineage (period, region_code, batch_id, source, file_name,
                                 snapshot_date, sha256, rows_in_region, batch_rows,
                                 rows_quarantined, checks_failed)
SELECT l.period, p.parent_code, l.batch_id, l.source, l.file_name, l.snapshot_date, l.sha256,
       sum(l.rows_in_region), l.batch_rows, l.rows_quarantined, l.checks_failed
  FROM (SELECT DISTINCT parent_code, child_code FROM pt_child) AS p
  JOIN mart.region_lineage AS l ON l.period = {{ period }} AND l.region_code = p.child_code
 GROUP BY l.period, p.parent_code, l.batch_id, l.source, l.file_name, l.snapshot_date,
          l.sha256, l.batch_rows, l.rows_quarantined, l.checks_failed;
