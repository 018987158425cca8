-- Row rule natural_key_conflict of the imigrasi_izin_tinggal suite: every
-- row of a permit number that appears in one file with different contents
-- (exact copies are duplicate_row's). Whole rows are compared only for
-- permit numbers that repeat, which keeps the query cheap on a national file.
-- The quality gate's GX run reads it over the waiting batches ({batch}).
SELECT batch_id, row_number
  FROM {batch}
 WHERE (batch_id, permit_number) IN (SELECT batch_id, permit_number
           FROM (SELECT DISTINCT batch_id, permit_number, permit_type, visa_index, purpose,
                        full_name, sex, birth_date, nationality, passport_number,
                        passport_expiry, sponsor, address, regency_code, issue_date,
                        expiry_date, status, office
                   FROM {batch}
                  WHERE (batch_id, permit_number) IN (SELECT batch_id, permit_number
                            FROM {batch}
                           GROUP BY batch_id, permit_number
                          HAVING count(*) > 1)) AS d
          GROUP BY batch_id, permit_number
         HAVING count(*) > 1)
