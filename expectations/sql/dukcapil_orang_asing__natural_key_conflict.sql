-- Row rule natural_key_conflict of the dukcapil_orang_asing suite: every row
-- of a NIK that appears in one file with different contents (exact copies
-- are duplicate_row's). Whole rows are compared only for NIKs that repeat,
-- which keeps the query cheap on a national file.
-- The quality gate's GX run reads it over the waiting batches ({batch}).
SELECT batch_id, row_number
  FROM {batch}
 WHERE (batch_id, nik) IN (SELECT batch_id, nik
                             FROM (SELECT DISTINCT batch_id, nik, full_name, sex, birth_date,
                                          nationality, passport_number, permit_number,
                                          document_type, issue_date, valid_until,
                                          siak_province, siak_regency, siak_district, address,
                                          document_status
                                     FROM {batch}
                                    WHERE (batch_id, nik) IN (SELECT batch_id, nik
                                                                FROM {batch}
                                                               GROUP BY batch_id, nik
                                                              HAVING count(*) > 1)) AS d
                            GROUP BY batch_id, nik
                           HAVING count(*) > 1)
