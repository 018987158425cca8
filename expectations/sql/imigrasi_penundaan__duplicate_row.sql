-- Row rule duplicate_row of the imigrasi_penundaan suite: exact copies of an
-- earlier row of the same file (every column alike); the first copy stays.
-- The quality gate's GX run reads it over the waiting batches ({batch}).
SELECT batch_id, row_number
  FROM (SELECT batch_id, row_number,
               row_number() OVER (PARTITION BY batch_id, postponement_number,
                                  postponement_date, checkpoint, full_name, nik,
                                  passport_number, sex, birth_date, stated_regency_code,
                                  destination_country, stated_purpose, reason, handed_to
                                  ORDER BY row_number) AS copy
          FROM {batch}) AS c
 WHERE c.copy > 1
