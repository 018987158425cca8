-- Batch rule required_column_empty of the imigrasi_izin_tinggal suite: a
-- required column with no usable value in a whole file (each batch counts
-- its filled values per column; a column counted 0 fails the batch).
-- The quality gate's GX run reads it over the waiting batches ({batch}).
SELECT c.batch_id, v.column_name,
       v.column_name || ' empty or unreadable in all ' || c.n_rows || ' rows' AS observed_value
  FROM (SELECT batch_id, count(*) AS n_rows, count(permit_number) AS "NOMOR_IZIN",
               count(permit_type) AS "JENIS_IZIN", count(nationality) AS "KEWARGANEGARAAN",
               count(passport_number) AS "NOMOR_PASPOR", count(issue_date) AS "TGL_TERBIT",
               count(expiry_date) AS "TGL_HABIS", count(status) AS "STATUS"
          FROM {batch}
         GROUP BY batch_id) AS c
 CROSS JOIN LATERAL (VALUES ('NOMOR_IZIN', c."NOMOR_IZIN"), ('JENIS_IZIN', c."JENIS_IZIN"),
                            ('KEWARGANEGARAAN', c."KEWARGANEGARAAN"),
                            ('NOMOR_PASPOR', c."NOMOR_PASPOR"), ('TGL_TERBIT', c."TGL_TERBIT"),
                            ('TGL_HABIS', c."TGL_HABIS"), ('STATUS', c."STATUS"))
       AS v(column_name, filled)
 WHERE v.filled = 0
