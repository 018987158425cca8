-- Row rule natural_key_conflict of the tenaga_kerja_tka suite: every row of
-- an RPTKA number and passport that appear together in one file with
-- different contents (exact copies are duplicate_row's). Whole rows are
-- compared only for keys that repeat, which keeps the query cheap on a
-- national file.
-- The quality gate's GX run reads it over the waiting batches ({batch}).
SELECT batch_id, row_number
  FROM {batch}
 WHERE (batch_id, rptka_number, passport_number) IN (SELECT batch_id, rptka_number,
                                                            passport_number
           FROM (SELECT DISTINCT batch_id, rptka_number, employer_name, nib, kbli,
                        work_location, worker_name, passport_number, nationality, sex,
                        birth_date, position_title, occupation_code, start_date, end_date,
                        dkptka_months, dkptka_usd, companion_count
                   FROM {batch}
                  WHERE (batch_id, rptka_number, passport_number) IN (SELECT batch_id,
                                                                             rptka_number,
                                                                             passport_number
                            FROM {batch}
                           GROUP BY batch_id, rptka_number, passport_number
                          HAVING count(*) > 1)) AS d
          GROUP BY batch_id, rptka_number, passport_number
         HAVING count(*) > 1)
