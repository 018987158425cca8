-- PMI_RETURNEE_NO_PLACEMENT: a deportee (TANPA DOKUMEN, OVERSTAY or
-- PENYALAHGUNAAN IZIN TINGGAL) arrived in W with no placement record (any
-- status but BATAL: a cancelled placement is no placement) on or before t
-- (the placement snapshots of the period). Counted in the returnee's origin,
-- not the post he arrived at.
-- Legal basis: UU 18/2017 art. 5 and 81-83 (placement outside the
-- procedure); UU 6/2011 art. 75 (deportation).
-- A SELECT of (person_key, regency_code, district_code, batch_id,
-- row_number); build/pmi_indications.sql runs it.
SELECT r.person_key, r.origin_regency_code AS regency_code,
       r.origin_district_code AS district_code, r.batch_id, r.row_number
  FROM pm_returnee AS r
 WHERE r.person_key IS NOT NULL AND r.origin_regency_code IS NOT NULL
   AND r.case_type IN ('TANPA DOKUMEN', 'OVERSTAY', 'PENYALAHGUNAAN IZIN TINGGAL')
   AND r.arrival_date BETWEEN %(period_start)s AND %(reference_date)s
   AND NOT EXISTS (SELECT 1 FROM pm_placement AS l
                    WHERE l.person_key = r.person_key AND l.status <> 'BATAL')
