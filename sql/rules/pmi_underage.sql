-- PMI_UNDERAGE: a placement departing in W (BERANGKAT or PULANG), or a
-- departure postponed in W, of a person younger than 18 on that day (an
-- 18th birthday on the day itself is 18; the ages are whole years on the
-- day, computed at load). Counted in the row's origin.
-- Legal basis: UU 18/2017 art. 5 (a PMI is at least 18 years old); UU
-- 21/2007 art. 5-6 (trafficking of children).
-- A SELECT of (person_key, regency_code, district_code, batch_id,
-- row_number); build/pmi_indications.sql runs it.
SELECT l.person_key, l.origin_regency_code AS regency_code,
       l.origin_district_code AS district_code, l.batch_id, l.row_number
  FROM pm_placement AS l
 WHERE l.person_key IS NOT NULL AND l.origin_regency_code IS NOT NULL
   AND l.status IN ('BERANGKAT', 'PULANG')
   AND l.departure_date BETWEEN %(period_start)s AND %(reference_date)s
   AND l.age_at_departure < 18
UNION ALL
SELECT p.person_key, p.origin_regency_code, p.origin_district_code, p.batch_id, p.row_number
  FROM pm_postponement AS p
 WHERE p.person_key IS NOT NULL AND p.origin_regency_code IS NOT NULL
   AND p.postponement_date BETWEEN %(period_start)s AND %(reference_date)s
   AND p.age_at_postponement < 18
