-- The regencies a change reaches among the PMI figures of one period, before the
-- PMI rules run (pantau.build.partial): the origins of every PMI row the changed
-- batches change (pt_batch, build/partial_reach.sql; both versions), of every
-- version of a changed passport application (a later delivery replaces the one
-- that counted), and of every row of the period whose person or link the
-- identity map changed (a new NIK beside a passport makes that passport's rows
-- another person's, in whatever regency they lie). The rules' own reach follows
-- in build/partial_pmi_diff.sql. Temp table pt_pmi_reach (regency_code).
-- Parameters: period. Jinja2: with_map (pt_old_map was kept: a PMI batch was
-- loaded), and reached: when false (no PMI batch changed, no PMI load), only
-- an empty pt_pmi_reach.
{% from "build/partial_changes.sql" import changed with context -%}
{% set period = param("period") -%}
{% set facts = ("fact_pmi_placement", "fact_passport_application",
                "fact_departure_postponement", "fact_pmi_return") -%}
{% if not reached %}
CREATE TEMP TABLE pt_pmi_reach (regency_code text) ON COMMIT DROP;
{%- else %}
{% for fact in facts %}
{{- changed(fact.removeprefix("fact_"), fact) }}
{% endfor %}
CREATE TEMP TABLE pt_identity ON COMMIT DROP AS
SELECT identity_key
  FROM pt_old_map AS o
  FULL JOIN core.pmi_identity_map AS n USING (identity_key)
 WHERE {{ "TRUE" if with_map else "FALSE" }}
   AND (o.kind, o.person_key, o.link_method, o.candidates)
       IS DISTINCT FROM (n.kind, n.person_key, n.link_method, n.candidates);

CREATE TEMP TABLE pt_pmi_reach ON COMMIT DROP AS
{%- for fact in facts %}
SELECT origin_regency_code AS regency_code FROM pt_changed_{{ fact.removeprefix("fact_") }}
UNION
{%- endfor %}
SELECT a.origin_regency_code
  FROM core.fact_passport_application AS a
 WHERE (a.office, a.application_number) IN (SELECT c.office, c.application_number
                                              FROM pt_changed_passport_application AS c)
   AND a.batch_id IN (SELECT pb.batch_id FROM core.period_batch AS pb
                       WHERE pb.period = {{ period }}
                      UNION ALL
                      SELECT o.batch_id FROM pt_prior_batch AS o)
{%- for fact in facts %}
UNION
SELECT f.origin_regency_code
  FROM core.{{ fact }} AS f
  JOIN core.period_batch AS pb ON pb.batch_id = f.batch_id AND pb.period = {{ period }}
 WHERE EXISTS (SELECT 1 FROM pt_identity)
   AND (f.nik_key IN (SELECT identity_key FROM pt_identity)
        OR f.passport_key IN (SELECT identity_key FROM pt_identity)
        OR f.name_key IN (SELECT identity_key FROM pt_identity))
{%- endfor %};
DELETE FROM pt_pmi_reach WHERE regency_code IS NULL;
{%- endif %}
