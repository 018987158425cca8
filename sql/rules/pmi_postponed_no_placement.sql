-- PMI_POSTPONED_NO_PLACEMENT: a departure was postponed in W for INDIKASI
-- PMI NON PROSEDURAL or INDIKASI TPPO, and no placement of the person
-- (status PROSES, BERANGKAT or PULANG; a cancelled one is no placement) has
-- an empty departure date or one within 90 days, inclusive, before or after
-- the postponement. Counted in the postponement's origin.
-- Legal basis: UU 18/2017 art. 5 and 13 (a PMI leaves through the placement
-- procedure, with a placement agreement); UU 21/2007 art. 4 (TPPO); UU
-- 6/2011 art. 91 (the officer may postpone a departure).
-- A SELECT of (person_key, regency_code, district_code, batch_id,
-- row_number); build/pmi_indications.sql runs it.
SELECT p.person_key, p.origin_regency_code AS regency_code,
       p.origin_district_code AS district_code, p.batch_id, p.row_number
  FROM pm_postponement AS p
 WHERE p.person_key IS NOT NULL AND p.origin_regency_code IS NOT NULL
   AND p.reason IN ('INDIKASI PMI NON PROSEDURAL', 'INDIKASI TPPO')
   AND p.postponement_date BETWEEN %(period_start)s AND %(reference_date)s
   AND NOT EXISTS (
        SELECT 1 FROM pm_placement AS l
         WHERE l.person_key = p.person_key
           AND l.status IN ('PROSES', 'BERANGKAT', 'PULANG')
           AND (l.departure_date IS NULL
                OR l.departure_date BETWEEN p.postponement_date - 90
                                        AND p.postponement_date + 90))
