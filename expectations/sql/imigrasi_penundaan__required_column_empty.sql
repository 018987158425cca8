-- Batch rule required_column_empty of the imigrasi_penundaan suite: a required
-- column with no usable value in a whole file (each batch counts its filled
-- values per column; a column counted 0 fails the batch).
-- The quality gate's GX run reads it over the waiting batches ({batch}).
SELECT c.batch_id, v.column_name,
       v.column_name || ' empty or unreadable in all ' || c.n_rows || ' rows' AS observed_value
  FROM (SELECT batch_id, count(*) AS n_rows,
               count(postponement_number) AS "NOMOR_PENUNDAAN",
               count(postponement_date) AS "TANGGAL", count(reason) AS "ALASAN"
          FROM {batch}
         GROUP BY batch_id) AS c
 CROSS JOIN LATERAL (VALUES ('NOMOR_PENUNDAAN', c."NOMOR_PENUNDAAN"),
                            ('TANGGAL', c."TANGGAL"),
                            ('ALASAN', c."ALASAN")) AS v(column_name, filled)
 WHERE v.filled = 0
