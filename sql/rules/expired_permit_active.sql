-- EXPIRED_PERMIT_ACTIVE: a person's latest stay permit (by issue date, then
-- permit number) expired before the reference date, its residence is regency
-- r, and yet an RPTKA position covers the date or a population document is
-- active.
-- Legal basis: UU 6/2011 art. 78 (overstay) and 48 (a foreigner must hold a
-- valid stay permit); PP 34/2021 art. 11 (TKA stay permit for the whole
-- period of work).
-- A SELECT of (person_key, regency_code); build/discrepancies.sql runs it.
WITH latest AS (
    SELECT DISTINCT ON (p.person_key) p.person_key, p.regency_code, p.expiry_date
      FROM p_permit AS p
      LEFT JOIN pii.stay_permit AS n USING (permit_key)
     WHERE p.person_key IS NOT NULL
     ORDER BY p.person_key ASC, p.issue_date DESC NULLS LAST, n.permit_number COLLATE "C" DESC
)
SELECT DISTINCT l.person_key, l.regency_code
  FROM latest AS l
 WHERE l.expiry_date < %(reference_date)s AND l.regency_code IS NOT NULL
   AND (EXISTS (SELECT 1 FROM p_covering AS c WHERE c.person_key = l.person_key)
        OR EXISTS (SELECT 1 FROM p_active AS a WHERE a.person_key = l.person_key))
