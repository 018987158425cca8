-- RESTRICTED_POSITION: a foreign worker holds, in regency r, a position
-- covering the reference date whose KBJI code is closed to foreign workers
-- (personnel / HR positions, core.dim_occupation.restricted).
-- Legal basis: PP 34/2021 art. 5 (TKA may not hold personnel positions);
-- Kepmenaker 349/2019 (positions closed to TKA).
-- A SELECT of (person_key, regency_code); build/discrepancies.sql runs it.
SELECT DISTINCT c.person_key, c.regency_code
  FROM p_covering AS c
  JOIN core.dim_occupation AS o ON o.kbji_code = c.kbji_code AND o.restricted
 WHERE c.person_key IS NOT NULL
