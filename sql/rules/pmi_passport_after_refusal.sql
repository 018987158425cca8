-- PMI_PASSPORT_AFTER_REFUSAL: a passport was issued in W to a person whose
-- application at another office, made 0 to 365 days (inclusive) before the
-- issue, was DITUNDA or DITOLAK for INDIKASI PMI NON PROSEDURAL (an issue at
-- the office that refused is not this rule). Counted in the issued
-- application's origin.
-- Legal basis: Surat Edaran Dirjen Imigrasi IMI-0277.GR.02.06 Tahun 2017
-- (refusal and postponement of passports for suspected non-procedural PMI);
-- UU 6/2011 art. 89-91.
-- A SELECT of (person_key, regency_code, district_code, batch_id,
-- row_number); build/pmi_indications.sql runs it.
SELECT a.person_key, a.origin_regency_code AS regency_code,
       a.origin_district_code AS district_code, a.batch_id, a.row_number
  FROM pm_application AS a
 WHERE a.person_key IS NOT NULL AND a.origin_regency_code IS NOT NULL
   AND a.status = 'TERBIT'
   AND a.issue_date BETWEEN %(period_start)s AND %(reference_date)s
   AND EXISTS (
        SELECT 1 FROM pm_application AS r
         WHERE r.person_key = a.person_key AND r.office <> a.office
           AND r.status IN ('DITUNDA', 'DITOLAK')
           AND r.reason = 'INDIKASI PMI NON PROSEDURAL'
           AND r.application_date BETWEEN a.issue_date - 365 AND a.issue_date)
