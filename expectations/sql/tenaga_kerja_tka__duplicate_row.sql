-- Row rule duplicate_row of the tenaga_kerja_tka suite: exact copies of an
-- earlier row of the same file (every column alike); the first copy stays.
-- The quality gate's GX run reads it over the waiting batches ({batch}).
SELECT batch_id, row_number
  FROM (SELECT batch_id, row_number,
               row_number() OVER (PARTITION BY batch_id, rptka_number, employer_name, nib, kbli,
                                  work_location, worker_name, passport_number, nationality, sex,
                                  birth_date, position_title, occupation_code, start_date,
                                  end_date, dkptka_months, dkptka_usd, companion_count
                                  ORDER BY row_number) AS copy
          FROM {batch}) AS c
 WHERE c.copy > 1
