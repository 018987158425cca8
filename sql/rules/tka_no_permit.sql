-- TKA_NO_PERMIT: a person holds an RPTKA position covering the reference date
-- in regency r, but no valid stay permit with a work purpose (index E23 or
-- purpose BEKERJA) anywhere.
-- Legal basis: PP 34/2021 art. 8 and 11 (a TKA needs an approved RPTKA and
-- a work visa and stay permit for work); UU 6/2011 art. 48 and 71 (stay
-- permits, and the duty to hold one matching the activity).
-- A SELECT of (person_key, regency_code); build/discrepancies.sql runs it.
SELECT DISTINCT c.person_key, c.regency_code
  FROM p_covering AS c
 WHERE c.person_key IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM p_valid AS v WHERE v.person_key = c.person_key AND v.is_work)
