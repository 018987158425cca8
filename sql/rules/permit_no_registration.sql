-- PERMIT_NO_REGISTRATION: a person holds a valid ITAS or ITAP with residence
-- in regency r, but no active SKTT / KTP-el WNA anywhere.
-- Legal basis: UU 23/2006 jo. UU 24/2013 art. 63-64 (foreigners with a limited
-- or permanent stay permit must register and hold SKTT / KTP-el); UU 6/2011
-- art. 71 (a foreigner must report residence); PP 34/2021 art. 11 (TKA stay
-- permits).
-- A SELECT of (person_key, regency_code); build/discrepancies.sql runs it.
SELECT DISTINCT v.person_key, v.regency_code
  FROM p_valid AS v
 WHERE v.permit_type IN ('ITAS', 'ITAP') AND v.regency_code IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM p_active AS a WHERE a.person_key = v.person_key)
