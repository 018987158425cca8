-- Batch rule required_column_empty of the tenaga_kerja_tka suite: a
-- required column with no usable value in a whole file (each batch counts
-- its filled values per column; a column counted 0 fails the batch).
-- The quality gate's GX run reads it over the waiting batches ({batch}).
SELECT c.batch_id, v.column_name,
       v.column_name || ' empty or unreadable in all ' || c.n_rows || ' rows' AS observed_value
  FROM (SELECT batch_id, count(*) AS n_rows, count(rptka_number) AS "NO_PENGESAHAN_RPTKA",
               count(passport_number) AS "NOMOR_PASPOR", count(nationality) AS "KEWARGANEGARAAN",
               count(start_date) AS "TGL_MULAI", count(end_date) AS "TGL_SELESAI",
               count(work_location) AS "LOKASI_KERJA"
          FROM {batch}
         GROUP BY batch_id) AS c
 CROSS JOIN LATERAL (VALUES ('NO_PENGESAHAN_RPTKA', c."NO_PENGESAHAN_RPTKA"),
                            ('NOMOR_PASPOR', c."NOMOR_PASPOR"),
                            ('KEWARGANEGARAAN', c."KEWARGANEGARAAN"), ('TGL_MULAI', c."TGL_MULAI"),
                            ('TGL_SELESAI', c."TGL_SELESAI"), ('LOKASI_KERJA', c."LOKASI_KERJA"))
       AS v(column_name, filled)
 WHERE v.filled = 0
