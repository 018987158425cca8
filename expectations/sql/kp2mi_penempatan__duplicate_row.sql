-- Row rule duplicate_row of the kp2mi_penempatan suite: exact copies of an
-- earlier row of the same file (every column alike); the first copy stays.
-- The quality gate's GX run reads it over the waiting batches ({batch}).
SELECT batch_id, row_number
  FROM (SELECT batch_id, row_number,
               row_number() OVER (PARTITION BY batch_id, placement_id, nik, full_name, sex,
                                  birth_date, stated_regency_code, passport_number,
                                  destination_country, job_title, sector, scheme, agency_name,
                                  departure_date, contract_end_date, status
                                  ORDER BY row_number) AS copy
          FROM {batch}) AS c
 WHERE c.copy > 1
