-- PERMIT_NO_RPTKA: a person holds a valid work-purpose stay permit with
-- residence in regency r, but no RPTKA position covering the reference date
-- in r.
-- Legal basis: PP 34/2021 art. 6 and 8 (every employer of a TKA needs an
-- approved RPTKA, and the TKA works only where it says); UU 6/2011 art. 122
-- (working outside the permit's terms).
-- A SELECT of (person_key, regency_code); build/discrepancies.sql runs it.
SELECT DISTINCT v.person_key, v.regency_code
  FROM p_valid AS v
 WHERE v.is_work AND v.regency_code IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM p_covering AS c
                    WHERE c.person_key = v.person_key AND c.regency_code = v.regency_code)
