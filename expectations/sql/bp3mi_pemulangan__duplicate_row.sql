-- Row rule duplicate_row of the bp3mi_pemulangan suite: exact copies of an
-- earlier row of the same file (every column alike); the first copy stays.
-- The quality gate's GX run reads it over the waiting batches ({batch}).
SELECT batch_id, row_number
  FROM (SELECT batch_id, row_number,
               row_number() OVER (PARTITION BY batch_id, register_number, arrival_date,
                                  arrival_post, full_name, nik, sex, birth_date,
                                  stated_regency_code, deported_from, case_type, passport_number
                                  ORDER BY row_number) AS copy
          FROM {batch}) AS c
 WHERE c.copy > 1
