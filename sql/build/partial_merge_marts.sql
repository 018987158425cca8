-- The marts of a partial rebuild merged from the shadows the scoped steps wrote
-- (build/output.sql) for the regencies of pt_region (build/partial_members.sql),
-- each row by its family: a PMI measure, figure, lineage of a PMI file or PMI
-- table for the regions the PMI change reached, the rest for those the
-- foreigners' change reached; every other row stays. pt_changed_region gets
-- the regions whose rows differ: the reports to render again. pt_derive_key
-- keeps which units and rows of the figure rows changed, for
-- build/partial_derive.sql.
-- Parameters: period, pmi_sources. Jinja2: with_foreigners, with_pmi.
{% set period = param("period") -%}
{% macro in_scope(alias, family) -%}
{{ alias }}.region_code = ANY(ARRAY(SELECT g.region_code FROM pt_region AS g))
AND EXISTS (SELECT 1 FROM pt_region AS g
             WHERE g.region_code = {{ alias }}.region_code AND g.family = {{ family }})
{%- endmacro %}
{% macro merge(table, family, key) -%}
{% set name = table.split(".")[1] -%}
-- {{ table }}: the rows that went and those that came, written as a difference.
DROP TABLE IF EXISTS pt_gone, pt_came;
CREATE TEMP TABLE pt_gone ON COMMIT DROP AS
SELECT * FROM {{ table }} AS t WHERE t.period = {{ period }} AND {{ in_scope("t", family) }}
EXCEPT
SELECT * FROM pg_temp.out_{{ name }} AS t WHERE {{ in_scope("t", family) }};

CREATE TEMP TABLE pt_came ON COMMIT DROP AS
SELECT * FROM pg_temp.out_{{ name }} AS t WHERE {{ in_scope("t", family) }}
EXCEPT
SELECT * FROM {{ table }} AS t WHERE t.period = {{ period }} AND {{ in_scope("t", family) }};

INSERT INTO pt_changed_region (region_code)
SELECT region_code FROM pt_gone UNION SELECT region_code FROM pt_came;

DELETE FROM {{ table }} AS t
 USING pt_gone AS g
 WHERE {% for column in key %}t.{{ column }} = g.{{ column }}{{ " AND " if not loop.last }}{% endfor %};

INSERT INTO {{ table }} SELECT * FROM pt_came;
{%- endmacro %}
{% set by_measure = "CASE WHEN starts_with(t.measure, 'pmi_') THEN 'pmi' ELSE 'foreigner' END" -%}
{% set by_figure = "CASE WHEN starts_with(t.figure, 'pmi.') THEN 'pmi' ELSE 'foreigner' END" -%}
{% set by_source = "CASE WHEN t.source = ANY(" ~ param("pmi_sources")
                   ~ ") THEN 'pmi' ELSE 'foreigner' END" -%}
-- A region's row of figures: the foreigners' columns or the PMI ones.
CREATE TEMP TABLE pt_figures_before ON COMMIT DROP AS
SELECT f.* FROM mart.region_figures AS f
 WHERE f.period = {{ period }} AND f.region_code IN (SELECT region_code FROM pt_region);
{%- if with_foreigners %}

UPDATE mart.region_figures AS f
   SET level = s.level, region_name = s.region_name, province_code = s.province_code,
       reference_date = s.reference_date, foreigners_total = s.foreigners_total,
       itas = s.itas, itap = s.itap, itk = s.itk, workers_total = s.workers_total,
       registered_total = s.registered_total, expiring_90_days = s.expiring_90_days,
       dkptka_due_usd = s.dkptka_due_usd, dkptka_paid_usd = s.dkptka_paid_usd,
       population_2025 = s.population_2025
  FROM pg_temp.out_region_figures AS s
 WHERE f.period = {{ period }} AND f.region_code = s.region_code
   AND {{ in_scope("s", "'foreigner'") }};
{%- endif %}
{%- if with_pmi %}

UPDATE mart.region_figures AS f
   SET pmi_placements_departed = s.pmi_placements_departed,
       pmi_placements_informal = s.pmi_placements_informal,
       pmi_passports_withheld = s.pmi_passports_withheld,
       pmi_persons_indicated = s.pmi_persons_indicated
  FROM pg_temp.out_region_figures AS s
 WHERE f.period = {{ period }} AND f.region_code = s.region_code
   AND {{ in_scope("s", "'pmi'") }};
{%- endif %}

INSERT INTO pt_changed_region (region_code)
SELECT d.region_code
  FROM ((SELECT * FROM pt_figures_before
         EXCEPT
         SELECT f.* FROM mart.region_figures AS f
          WHERE f.period = {{ period }} AND f.region_code IN (SELECT region_code FROM pt_region))
        UNION ALL
        (SELECT f.* FROM mart.region_figures AS f
          WHERE f.period = {{ period }} AND f.region_code IN (SELECT region_code FROM pt_region)
         EXCEPT
         SELECT * FROM pt_figures_before)) AS d;

{{ merge("mart.region_breakdown", by_measure, ("period", "region_code", "measure", "category")) }}

{{ merge("mart.region_lineage", by_source, ("period", "region_code", "batch_id")) }}

{{ merge("mart.figure_row", by_figure,
          ("period", "region_code", "figure", "category", "batch_id", "row_number")) }}

-- What build/partial_derive.sql derives the provinces and Indonesia from: the
-- units (a person, a position) and rows whose figure rows changed in the reached
-- regencies (a parent's rows of any other unit are as they were), and every PMI
-- row the reached regencies count, before or after (a regency's priority area
-- may come or go with its rows as they are).
CREATE TEMP TABLE pt_derive_key ON COMMIT DROP AS
SELECT t.figure, t.category, t.batch_id, t.row_number, t.unit_key
  FROM (SELECT * FROM pt_gone UNION ALL SELECT * FROM pt_came) AS t
 WHERE NOT starts_with(t.figure, 'pmi.')
UNION
SELECT t.figure, t.category, t.batch_id, t.row_number, t.unit_key
  FROM (SELECT * FROM pt_gone
        UNION ALL
        SELECT * FROM pg_temp.out_figure_row AS t WHERE {{ in_scope("t", by_figure) }}) AS t
 WHERE starts_with(t.figure, 'pmi.');
{%- if with_foreigners %}

{{ merge("mart.followup", "'foreigner'", ("period", "region_code", "rule_code", "person_key")) }}

{{ merge("mart.target_site", "'foreigner'", ("period", "region_code", "site_id")) }}

{{ merge("mart.target_contribution", "'foreigner'",
          ("period", "region_code", "site_id", "factor")) }}

{{ merge("mart.target_worker", "'foreigner'",
          ("period", "region_code", "site_id", "person_key")) }}

{{ merge("mart.target_last_visit", "'foreigner'", ("period", "region_code", "site_id")) }}
{%- endif %}
{%- if with_pmi %}

{{ merge("mart.pmi_priority_area", "'pmi'", ("period", "region_code", "area_code")) }}

{{ merge("mart.pmi_followup", "'pmi'",
          ("period", "region_code", "rule_code", "person_key", "area_code")) }}
{%- endif %}
