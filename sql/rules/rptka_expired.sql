-- RPTKA_EXPIRED: a person holds a valid work-purpose stay permit with
-- residence in regency r, no RPTKA position covers the reference date, and a
-- position of theirs ended before it.
-- Legal basis: PP 34/2021 art. 8 and 24 (RPTKA validity; extension before it
-- ends) and art. 36 (the TKA's stay permit follows the RPTKA).
-- A SELECT of (person_key, regency_code); build/discrepancies.sql runs it.
SELECT DISTINCT v.person_key, v.regency_code
  FROM p_valid AS v
 WHERE v.is_work AND v.regency_code IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM p_covering AS c WHERE c.person_key = v.person_key)
   AND EXISTS (SELECT 1 FROM p_position AS p
                WHERE p.person_key = v.person_key AND p.end_date < %(reference_date)s)
