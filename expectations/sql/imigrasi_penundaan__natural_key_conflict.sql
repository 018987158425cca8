-- Row rule natural_key_conflict of the imigrasi_penundaan suite: every row of a
-- checkpoint's postponement number that appears in one file with different
-- contents (exact copies are duplicate_row's). Whole rows are compared only for
-- keys that repeat, which keeps the query cheap on a national file.
-- The quality gate's GX run reads it over the waiting batches ({batch}).
SELECT batch_id, row_number
  FROM {batch}
 WHERE (batch_id, checkpoint, postponement_number)
       IN (SELECT batch_id, checkpoint, postponement_number
           FROM (SELECT DISTINCT batch_id, postponement_number, postponement_date, checkpoint,
                                 full_name, nik, passport_number, sex, birth_date,
                                 stated_regency_code, destination_country, stated_purpose,
                                 reason, handed_to
                   FROM {batch}
                  WHERE (batch_id, checkpoint, postponement_number)
                        IN (SELECT batch_id, checkpoint, postponement_number
                            FROM {batch}
                           GROUP BY batch_id, checkpoint, postponement_number
                          HAVING count(*) > 1)) AS d
          GROUP BY batch_id, checkpoint, postponement_number
         HAVING count(*) > 1)
