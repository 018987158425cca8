-- The source rows behind every figure of the period, into mart.figure_row:
-- the same temp tables and filters as build/marts.sql (m_foreigner,
-- m_worker, p_active, p_action, core.fact_discrepancy by p_member), so the
-- distinct units of a figure's rows are the figure by construction. Run by
-- the build right after build/marts.sql, in its transaction. Parameters:
-- period, reference_date; Jinja2: scoped (a partial rebuild writes the shadow
-- tables of build/output.sql).
{% from "build/output.sql" import out with context %}
DELETE FROM {{ out("mart.figure_row") }} WHERE period = {{ param("period") }};

-- The rows of a person in a regency on the period's picture: what a
-- discrepancy of that person there rests on (every rule names a regency of
-- one of these rows).
CREATE TEMP TABLE f_person_row ON COMMIT DROP AS
SELECT person_key, regency_code, batch_id, row_number FROM p_permit
 WHERE person_key IS NOT NULL AND regency_code IS NOT NULL
UNION
SELECT person_key, regency_code, batch_id, row_number FROM p_covering
 WHERE person_key IS NOT NULL AND regency_code IS NOT NULL
UNION
SELECT person_key, regency_code, batch_id, row_number FROM p_document
 WHERE person_key IS NOT NULL AND regency_code IS NOT NULL;

-- unit_key: what the figure counts distinct; amount: what a money figure sums.
CREATE TEMP TABLE f_row ON COMMIT DROP AS
SELECT region_code, 'foreigners_total' AS figure, '' AS category, batch_id, row_number,
       person_key::text AS unit_key, person_key, NULL::numeric AS amount
  FROM m_foreigner
UNION ALL
SELECT region_code, 'by_permit_type', permit_type, batch_id, row_number,
       person_key AS unit_key, person_key, NULL
  FROM m_foreigner WHERE permit_type IS NOT NULL
UNION ALL
SELECT region_code, 'by_nationality', nationality, batch_id, row_number,
       person_key AS unit_key, person_key, NULL
  FROM m_foreigner WHERE nationality IS NOT NULL
UNION ALL
SELECT region_code, 'expiring_90_days', '', batch_id, row_number, person_key AS unit_key,
       person_key, NULL
  FROM m_foreigner
 WHERE expiry_date > {{ param("reference_date") }}
   AND expiry_date <= {{ param("reference_date") }}::date + 90
UNION ALL
SELECT region_code, 'workers_total', '', batch_id, row_number, position_key, person_key, NULL
  FROM m_worker
UNION ALL
SELECT region_code, 'workers_by_nationality', nationality, batch_id, row_number, position_key,
       person_key, NULL
  FROM m_worker WHERE nationality IS NOT NULL
UNION ALL
SELECT region_code, 'dkptka_due_usd', '', batch_id, row_number, position_key, person_key,
       100 * months_due
  FROM m_worker
UNION ALL
SELECT region_code, 'dkptka_paid_usd', '', batch_id, row_number, position_key, person_key,
       coalesce(dkptka_usd, 0)
  FROM m_worker
UNION ALL
SELECT m.region_code, 'registered_total', '', a.batch_id, a.row_number,
       a.batch_id || ':' || a.row_number, a.person_key, NULL
  FROM p_active AS a JOIN p_member AS m USING (regency_code)
UNION ALL
SELECT DISTINCT m.region_code, 'discrepancies', f.rule_code, r.batch_id, r.row_number,
       f.person_key AS unit_key, f.person_key, NULL::numeric
  FROM core.fact_discrepancy AS f
  JOIN p_member AS m USING (regency_code)
  JOIN f_person_row AS r ON r.person_key = f.person_key AND r.regency_code = f.regency_code
 WHERE f.period = {{ param("period") }}
UNION ALL
SELECT m.region_code, 'administrative_actions', a.action_type, a.batch_id, a.row_number,
       a.batch_id || ':' || a.row_number, a.person_key, NULL
  FROM p_action AS a JOIN p_member AS m USING (regency_code)
 WHERE a.action_type IS NOT NULL;

-- The link method of each row, from core.document_link (registry, manpower
-- and action rows of the period); a permit row links by passport wherever it
-- has a person.
INSERT INTO {{ out("mart.figure_row") }} (period, region_code, figure, category, source, batch_id,
                             row_number, unit_key, masked_id, link_method, amount)
SELECT {{ param("period") }}, f.region_code, f.figure, f.category, b.source, f.batch_id,
       f.row_number, f.unit_key, core.masked(p.passport_number),
       coalesce(l.link_method,
                CASE WHEN f.person_key IS NOT NULL THEN 'passport' ELSE 'unlinked' END),
       f.amount
  FROM f_row AS f
  JOIN audit.batch AS b USING (batch_id)
  LEFT JOIN core.document_link AS l
    ON l.period = {{ param("period") }} AND l.batch_id = f.batch_id AND l.row_number = f.row_number
  LEFT JOIN pii.person AS p ON p.person_key = f.person_key;
