-- Batch rule required_column_empty of the bp3mi_pemulangan suite: a required
-- column with no usable value in a whole file (each batch counts its filled
-- values per column; a column counted 0 fails the batch).
-- The quality gate's GX run reads it over the waiting batches ({batch}).
SELECT c.batch_id, v.column_name,
       v.column_name || ' empty or unreadable in all ' || c.n_rows || ' rows' AS observed_value
  FROM (SELECT batch_id, count(*) AS n_rows,
               count(register_number) AS "NOMOR_REGISTER",
               count(arrival_date) AS "TANGGAL_TIBA", count(deported_from) AS "NEGARA_ASAL"
          FROM {batch}
         GROUP BY batch_id) AS c
 CROSS JOIN LATERAL (VALUES ('NOMOR_REGISTER', c."NOMOR_REGISTER"),
                            ('TANGGAL_TIBA', c."TANGGAL_TIBA"),
                            ('NEGARA_ASAL', c."NEGARA_ASAL")) AS v(column_name, filled)
 WHERE v.filled = 0
