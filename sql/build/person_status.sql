-- The person-status snapshot of the period: one row per person and regency
-- any source names on the reference date, with the rules that hold there.
-- Also how each registry row of the period was linked to a person.
-- Parameters: period, month (YYYY-MM of the reference date), reference_date.
DELETE FROM core.document_link WHERE period = %(period)s;

INSERT INTO core.document_link (period, batch_id, row_number, person_key, link_method,
                                candidates)
SELECT %(period)s, batch_id, row_number, person_key, link_method, candidates FROM p_document;

DELETE FROM core.fact_person_status WHERE month = %(month)s;

INSERT INTO core.fact_person_status (month, reference_date, person_key, regency_code, nationality,
                                     has_valid_permit, has_work_permit, has_rptka_position,
                                     is_registered, rule_codes)
WITH named AS (
    SELECT person_key, regency_code, 'A' AS kind, is_work FROM p_valid
    UNION ALL SELECT person_key, regency_code, 'B', false FROM p_active
    UNION ALL SELECT person_key, regency_code, 'C', false FROM p_covering
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
     WHERE period = %(period)s
     GROUP BY person_key, regency_code
)
SELECT %(month)s, %(reference_date)s, f.person_key, f.regency_code, d.nationality, f.has_valid_permit,
       f.has_work_permit, f.has_rptka_position, f.is_registered, coalesce(r.rule_codes, '{}')
  FROM flags AS f
  JOIN core.dim_person AS d USING (person_key)
  LEFT JOIN rules AS r USING (person_key, regency_code);
