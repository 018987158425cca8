-- Row rule natural_key_conflict of the bp3mi_pemulangan suite: every row of a
-- post's register number that appears in one file with different contents
-- (exact copies are duplicate_row's). Whole rows are compared only for keys
-- that repeat, which keeps the query cheap on a national file.
-- The quality gate's GX run reads it over the waiting batches ({batch}).
SELECT batch_id, row_number
  FROM {batch}
 WHERE (batch_id, arrival_post, register_number) IN (SELECT batch_id, arrival_post, register_number
           FROM (SELECT DISTINCT batch_id, register_number, arrival_date, arrival_post,
                                 full_name, nik, sex, birth_date, stated_regency_code,
                                 deported_from, case_type, passport_number
                   FROM {batch}
                  WHERE (batch_id, arrival_post, register_number)
                        IN (SELECT batch_id, arrival_post, register_number
                            FROM {batch}
                           GROUP BY batch_id, arrival_post, register_number
                          HAVING count(*) > 1)) AS d
          GROUP BY batch_id, arrival_post, register_number
         HAVING count(*) > 1)
