-- NO_COMPANION: a position covering the reference date in regency r names no
-- Indonesian companion worker (JUMLAH_PENDAMPING = 0).
-- Legal basis: PP 34/2021 art. 26 (employers must appoint Indonesian
-- companion workers for knowledge transfer); UU 13/2003 art. 45 as amended.
-- A SELECT of (person_key, regency_code); build/discrepancies.sql runs it.
SELECT DISTINCT c.person_key, c.regency_code
  FROM p_covering AS c
 WHERE c.person_key IS NOT NULL AND c.companion_count = 0
