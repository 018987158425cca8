-- Row rule natural_key_conflict of the imigrasi_paspor suite: every row of an
-- office's application number that appears in one file with different contents
-- (exact copies are duplicate_row's). Whole rows are compared only for keys
-- that repeat, which keeps the query cheap on a national file.
-- The quality gate's GX run reads it over the waiting batches ({batch}).
SELECT batch_id, row_number
  FROM {batch}
 WHERE (batch_id, office, application_number) IN (SELECT batch_id, office, application_number
           FROM (SELECT DISTINCT batch_id, application_number, application_date, nik, full_name,
                                 sex, birth_date, stated_regency_code, purpose,
                                 destination_country, work_recommendation, status, reason,
                                 passport_number, issue_date, office
                   FROM {batch}
                  WHERE (batch_id, office, application_number)
                        IN (SELECT batch_id, office, application_number
                            FROM {batch}
                           GROUP BY batch_id, office, application_number
                          HAVING count(*) > 1)) AS d
          GROUP BY batch_id, office, application_number
         HAVING count(*) > 1)
