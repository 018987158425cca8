-- Joint-operation visits of the given validated batches into core (rows held
-- in quarantine stay out). Parameters: batch_ids. order_key is a keyed hash
-- of the office (the file's scope) and the operation order number: one
-- operation's visits share it; the key pads come from the temp table
-- build_key. KETERANGAN never comes this way: staging does not have it.
INSERT INTO core.fact_operation_visit (
    batch_id, row_number, snapshot_date, order_key, visit_date, regency_code, district_code,
    site_name, nib, site_kind, foreigners_checked, findings_no_permit,
    findings_permit_mismatch, findings_overstay, actions_on_spot)
SELECT s.batch_id, s.row_number, b.snapshot_date,
       core.keyed_hash('operation|' || coalesce(b.file_scope, '') || '|' || s.order_number,
                       k.inner_pad, k.outer_pad),
       s.visit_date, s.regency_code, s.district_code, s.site_name, nullif(s.nib, ''),
       s.site_kind, s.foreigners_checked, s.findings_no_permit, s.findings_permit_mismatch,
       s.findings_overstay, s.actions_on_spot
  FROM staging.timpora_operasi AS s
  JOIN audit.batch AS b USING (batch_id)
 CROSS JOIN build_key AS k
 WHERE s.batch_id = ANY({{ param("batch_ids") }})
   AND NOT EXISTS (SELECT 1 FROM quarantine.excluded_row AS x
                    WHERE x.batch_id = s.batch_id AND x.row_number = s.row_number);
