-- Row rule duplicate_row of the imigrasi_izin_tinggal suite: exact copies of
-- an earlier row of the same file (every column alike); the first copy stays.
-- The quality gate's GX run reads it over the waiting batches ({batch}).
SELECT batch_id, row_number
  FROM (SELECT batch_id, row_number,
               row_number() OVER (PARTITION BY batch_id, permit_number, permit_type,
                                  visa_index, purpose, full_name, sex, birth_date, nationality,
                                  passport_number, passport_expiry, sponsor, address,
                                  regency_code, issue_date, expiry_date, status, office
                                  ORDER BY row_number) AS copy
          FROM {batch}) AS c
 WHERE c.copy > 1
