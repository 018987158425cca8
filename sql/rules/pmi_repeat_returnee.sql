-- PMI_REPEAT_RETURNEE: a deportee (TANPA DOKUMEN, OVERSTAY or PENYALAHGUNAAN
-- IZIN TINGGAL) arrived in W who had arrived as one on an earlier day.
-- Counted in the returnee's origin.
-- Legal basis: UU 18/2017 art. 5 and 81-83; UU 21/2007 art. 4 (repeated
-- non-procedural departure as a sign of trafficking).
-- A SELECT of (person_key, regency_code, district_code, batch_id,
-- row_number); build/pmi_indications.sql runs it.
SELECT r.person_key, r.origin_regency_code AS regency_code,
       r.origin_district_code AS district_code, r.batch_id, r.row_number
  FROM pm_returnee AS r
 WHERE r.person_key IS NOT NULL AND r.origin_regency_code IS NOT NULL
   AND r.case_type IN ('TANPA DOKUMEN', 'OVERSTAY', 'PENYALAHGUNAAN IZIN TINGGAL')
   AND r.arrival_date BETWEEN %(period_start)s AND %(reference_date)s
   AND EXISTS (SELECT 1 FROM pm_returnee AS e
                WHERE e.person_key = r.person_key AND e.arrival_date < r.arrival_date
                  AND e.case_type IN ('TANPA DOKUMEN', 'OVERSTAY',
                                      'PENYALAHGUNAAN IZIN TINGGAL'))
