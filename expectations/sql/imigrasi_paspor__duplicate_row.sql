-- Row rule duplicate_row of the imigrasi_paspor suite: exact copies of an
-- earlier row of the same file (every column alike); the first copy stays.
-- The quality gate's GX run reads it over the waiting batches ({batch}).
SELECT batch_id, row_number
  FROM (SELECT batch_id, row_number,
               row_number() OVER (PARTITION BY batch_id, application_number, application_date,
                                  nik, full_name, sex, birth_date, stated_regency_code, purpose,
                                  destination_country, work_recommendation, status, reason,
                                  passport_number, issue_date, office
                                  ORDER BY row_number) AS copy
          FROM {batch}) AS c
 WHERE c.copy > 1
