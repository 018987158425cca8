-- The person-status snapshot of the period: one row per person and regency
-- any source names on the reference date, with the rules that hold there.
-- Also how each registry, manpower and action row of the period was linked
-- to a person (core.document_link).
-- Parameters: period, month (YYYY-MM of the reference date), reference_date.
-- Both are written as differences: rows that changed are deleted, rows not
-- there are inserted. A rebuild after a late file changes a few hundred of the
-- month's rows; rewriting all of them (400k nationally, with their index
-- entries) took 5 s of a 30 s rebuild, the comparison takes under 1 s.
-- Jinja2: scoped, in a partial rebuild: both go whole to the shadow tables of
-- build/output.sql, which build/partial_merge_core.sql merges for the rows and
-- regencies the change reached.
{% from "build/output.sql" import out with context %}
CREATE TEMP TABLE p_link ON COMMIT DROP AS
SELECT batch_id, row_number, person_key, link_method, candidates FROM p_document
UNION ALL
SELECT batch_id, row_number, person_key, link_method, candidates FROM p_position
UNION ALL
SELECT batch_id, row_number, person_key, link_method, candidates FROM p_action;

DELETE FROM {{ out("core.document_link") }} AS l
 WHERE l.period = {{ param("period") }}
   AND NOT EXISTS (SELECT 1 FROM p_link AS d
                    WHERE d.batch_id = l.batch_id AND d.row_number = l.row_number
                      AND (d.person_key, d.link_method, d.candidates)
                          IS NOT DISTINCT FROM (l.person_key, l.link_method, l.candidates));

INSERT INTO {{ out("core.document_link") }} (period, batch_id, row_number, person_key,
                                             link_method, candidates)
SELECT {{ param("period") }}, d.batch_id, d.row_number, d.person_key, d.link_method, d.candidates
  FROM p_link AS d
 WHERE NOT EXISTS (SELECT 1 FROM {{ out("core.document_link") }} AS l
                    WHERE l.period = {{ param("period") }} AND l.batch_id = d.batch_id
                      AND l.row_number = d.row_number);

CREATE TEMP TABLE s_status ON COMMIT DROP AS
WITH named AS (
    SELECT person_key, regency_code, 'A' AS kind, is_work FROM p_valid
    UNION ALL SELECT person_key, regency_code, 'B', FALSE FROM p_active
    UNION ALL SELECT person_key, regency_code, 'C', FALSE FROM p_covering
), flags AS (
    SELECT person_key, regency_code, bool_or(kind = 'A') AS has_valid_permit,
           bool_or(kind = 'A' AND is_work) AS has_work_permit,
           bool_or(kind = 'C') AS has_rptka_position, bool_or(kind = 'B') AS is_registered
      FROM named
     WHERE person_key IS NOT NULL AND regency_code IS NOT NULL
     GROUP BY person_key, regency_code
), rules AS (
    SELECT person_key, regency_code, array_agg(rule_code ORDER BY rule_code) AS rule_codes
      FROM core.fact_discrepancy
     WHERE period = {{ param("period") }}
     GROUP BY person_key, regency_code
)
SELECT {{ param("month") }}::text AS month, {{ param("reference_date") }}::date AS reference_date,
       f.person_key, f.regency_code, d.nationality, f.has_valid_permit, f.has_work_permit,
       f.has_rptka_position, f.is_registered,
       coalesce(r.rule_codes, '{}')::text[] AS rule_codes
  FROM flags AS f
  JOIN core.dim_person AS d USING (person_key)
  LEFT JOIN rules AS r USING (person_key, regency_code);

DELETE FROM {{ out("core.fact_person_status") }} AS f
 WHERE f.month = {{ param("month") }}
   AND NOT EXISTS (SELECT 1 FROM s_status AS s
                    WHERE s.person_key = f.person_key AND s.regency_code = f.regency_code
                      AND (s.reference_date, s.nationality, s.has_valid_permit,
                           s.has_work_permit, s.has_rptka_position, s.is_registered,
                           s.rule_codes)
                          IS NOT DISTINCT FROM
                          (f.reference_date, f.nationality, f.has_valid_permit,
                           f.has_work_permit, f.has_rptka_position, f.is_registered,
                           f.rule_codes));

INSERT INTO {{ out("core.fact_person_status") }} (month, reference_date, person_key,
                                                  regency_code, nationality, has_valid_permit,
                                                  has_work_permit, has_rptka_position,
                                                  is_registered, rule_codes)
SELECT s.month, s.reference_date, s.person_key, s.regency_code, s.nationality,
       s.has_valid_permit, s.has_work_permit, s.has_rptka_position, s.is_registered,
       s.rule_codes
  FROM s_status AS s
 WHERE NOT EXISTS (SELECT 1 FROM {{ out("core.fact_person_status") }} AS f
                    WHERE f.month = {{ param("month") }} AND f.person_key = s.person_key
                      AND f.regency_code = s.regency_code);
