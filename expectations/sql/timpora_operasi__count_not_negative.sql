-- Row rule count_not_negative of the timpora_operasi suite: a count below
-- zero (foreigners checked, each kind of finding, actions), the column named.
-- The quality gate's GX run reads it over the waiting batches ({batch}).
SELECT batch_id, row_number, v.column_name, v.counted::text AS observed_value
  FROM {batch}
 CROSS JOIN LATERAL (VALUES ('ORANG_ASING_DIPERIKSA', foreigners_checked),
                            ('TEMUAN_TANPA_IZIN', findings_no_permit),
                            ('TEMUAN_IZIN_TIDAK_SESUAI', findings_permit_mismatch),
                            ('TEMUAN_OVERSTAY', findings_overstay),
                            ('TINDAKAN', actions_on_spot)) AS v(column_name, counted)
 WHERE v.counted < 0
