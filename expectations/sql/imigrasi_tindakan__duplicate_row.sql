-- Row rule duplicate_row of the imigrasi_tindakan suite: exact copies of an
-- earlier row of the same file (every column alike); the first copy stays.
-- The quality gate's GX run reads it over the waiting batches ({batch}).
SELECT batch_id, row_number
  FROM (SELECT batch_id, row_number,
               row_number() OVER (PARTITION BY batch_id, action_number, action_date, full_name,
                                  passport_number, nationality, action_type, violation,
                                  regency_code, office
                                  ORDER BY row_number) AS copy
          FROM {batch}) AS c
 WHERE c.copy > 1
