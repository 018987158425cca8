-- Row rule natural_key_conflict of the kp2mi_penempatan suite: every row of a
-- placement id that appears in one file with different contents (exact copies
-- are duplicate_row's). Whole rows are compared only for keys that repeat,
-- which keeps the query cheap on a national file.
-- The quality gate's GX run reads it over the waiting batches ({batch}).
SELECT batch_id, row_number
  FROM {batch}
 WHERE (batch_id, placement_id) IN (SELECT batch_id, placement_id
           FROM (SELECT DISTINCT batch_id, placement_id, nik, full_name, sex, birth_date,
                                 stated_regency_code, passport_number, destination_country,
                                 job_title, sector, scheme, agency_name, departure_date,
                                 contract_end_date, status
                   FROM {batch}
                  WHERE (batch_id, placement_id) IN (SELECT batch_id, placement_id
                            FROM {batch}
                           GROUP BY batch_id, placement_id
                          HAVING count(*) > 1)) AS d
          GROUP BY batch_id, placement_id
         HAVING count(*) > 1)
