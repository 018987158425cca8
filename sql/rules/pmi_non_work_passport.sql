-- PMI_NON_WORK_PASSPORT: a departure was postponed in W for INDIKASI PMI NON
-- PROSEDURAL or INDIKASI TPPO, and the person holds a passport issued 0 to
-- 180 days (inclusive) before it for WISATA, UMROH, KUNJUNGAN KELUARGA or
-- BEROBAT. Counted in the postponement's origin.
-- Legal basis: Surat Edaran Dirjen Imigrasi IMI-0277.GR.02.06 Tahun 2017
-- (passports of suspected non-procedural PMI); UU 6/2011 art. 89-91; UU
-- 18/2017 art. 5.
-- A SELECT of (person_key, regency_code, district_code, batch_id,
-- row_number); build/pmi_indications.sql runs it.
SELECT p.person_key, p.origin_regency_code AS regency_code,
       p.origin_district_code AS district_code, p.batch_id, p.row_number
  FROM pm_postponement AS p
 WHERE p.person_key IS NOT NULL AND p.origin_regency_code IS NOT NULL
   AND p.reason IN ('INDIKASI PMI NON PROSEDURAL', 'INDIKASI TPPO')
   AND p.postponement_date BETWEEN %(period_start)s AND %(reference_date)s
   AND EXISTS (
        SELECT 1 FROM pm_application AS a
         WHERE a.person_key = p.person_key AND a.status = 'TERBIT'
           AND a.purpose IN ('WISATA', 'UMROH', 'KUNJUNGAN KELUARGA', 'BEROBAT')
           AND a.issue_date BETWEEN p.postponement_date - 180 AND p.postponement_date)
