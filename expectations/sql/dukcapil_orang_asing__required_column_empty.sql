-- Batch rule required_column_empty of the dukcapil_orang_asing suite: a
-- required column with no usable value in a whole file (each batch counts
-- its filled values per column; a column counted 0 fails the batch).
-- The quality gate's GX run reads it over the waiting batches ({batch}).
SELECT c.batch_id, v.column_name,
       v.column_name || ' empty or unreadable in all ' || c.n_rows || ' rows' AS observed_value
  FROM (SELECT batch_id, count(*) AS n_rows, count(nik) AS "NIK",
               count(nationality) AS "KEWARGANEGARAAN", count(document_type) AS "JENIS_DOKUMEN",
               count(issue_date) AS "TGL_TERBIT", count(document_status) AS "STAT_DOK"
          FROM {batch}
         GROUP BY batch_id) AS c
 CROSS JOIN LATERAL (VALUES ('NIK', c."NIK"), ('KEWARGANEGARAAN', c."KEWARGANEGARAAN"),
                            ('JENIS_DOKUMEN', c."JENIS_DOKUMEN"), ('TGL_TERBIT', c."TGL_TERBIT"),
                            ('STAT_DOK', c."STAT_DOK")) AS v(column_name, filled)
 WHERE v.filled = 0
