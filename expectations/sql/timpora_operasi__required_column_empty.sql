-- Batch rule required_column_empty of the timpora_operasi suite: a required
-- column with no usable value in a whole file (each batch counts its filled
-- values per column; a column counted 0 fails the batch).
-- The quality gate's GX run reads it over the waiting batches ({batch}).
SELECT c.batch_id, v.column_name,
       v.column_name || ' empty or unreadable in all ' || c.n_rows || ' rows' AS observed_value
  FROM (SELECT batch_id, count(*) AS n_rows,
               count(order_number) AS "NOMOR_SPRIN", count(visit_date) AS "TANGGAL_OPERASI",
               count(site_name) AS "NAMA_LOKASI", count(site_kind) AS "JENIS_LOKASI",
               count(foreigners_checked) AS "ORANG_ASING_DIPERIKSA"
          FROM {batch}
         GROUP BY batch_id) AS c
 CROSS JOIN LATERAL (VALUES ('NOMOR_SPRIN', c."NOMOR_SPRIN"),
                            ('TANGGAL_OPERASI', c."TANGGAL_OPERASI"),
                            ('NAMA_LOKASI', c."NAMA_LOKASI"),
                            ('JENIS_LOKASI', c."JENIS_LOKASI"),
                            ('ORANG_ASING_DIPERIKSA', c."ORANG_ASING_DIPERIKSA"))
       AS v(column_name, filled)
 WHERE v.filled = 0
