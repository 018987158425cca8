-- Row rule duplicate_row of the dukcapil_orang_asing suite: exact copies of
-- an earlier row of the same file (every column alike); the first copy stays.
-- The quality gate's GX run reads it over the waiting batches ({batch}).
SELECT batch_id, row_number
  FROM (SELECT batch_id, row_number,
               row_number() OVER (PARTITION BY batch_id, nik, full_name, sex, birth_date,
                                  nationality, passport_number, permit_number, document_type,
                                  issue_date, valid_until, siak_province, siak_regency,
                                  siak_district, address, document_status
                                  ORDER BY row_number) AS copy
          FROM {batch}) AS c
 WHERE c.copy > 1
