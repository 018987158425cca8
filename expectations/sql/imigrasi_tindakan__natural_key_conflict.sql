-- Row rule natural_key_conflict of the imigrasi_tindakan suite: every row of
-- an action number that appears in one file with different contents (exact
-- copies are duplicate_row's). Whole rows are compared only for action
-- numbers that repeat, which keeps the query cheap on a national file.
-- The quality gate's GX run reads it over the waiting batches ({batch}).
SELECT batch_id, row_number
  FROM {batch}
 WHERE (batch_id, action_number) IN (SELECT batch_id, action_number
           FROM (SELECT DISTINCT batch_id, action_number, action_date, full_name,
                        passport_number, nationality, action_type, violation, regency_code,
                        office
                   FROM {batch}
                  WHERE (batch_id, action_number) IN (SELECT batch_id, action_number
                            FROM {batch}
                           GROUP BY batch_id, action_number
                          HAVING count(*) > 1)) AS d
          GROUP BY batch_id, action_number
         HAVING count(*) > 1)
