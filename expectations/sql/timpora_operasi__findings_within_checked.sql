-- Row rule findings_within_checked of the timpora_operasi suite: more
-- foreigners found (without permit, permit not matching, overstay) than were
-- checked at the site. A negative count is count_not_negative's.
-- The quality gate's GX run reads it over the waiting batches ({batch}).
SELECT batch_id, row_number, 'ORANG_ASING_DIPERIKSA' AS column_name,
       (findings_no_permit + findings_permit_mismatch + findings_overstay) || ' findings, '
       || foreigners_checked || ' checked' AS observed_value
  FROM {batch}
 WHERE findings_no_permit + findings_permit_mismatch + findings_overstay > foreigners_checked
   AND least(findings_no_permit, findings_permit_mismatch, findings_overstay,
             foreigners_checked) >= 0
