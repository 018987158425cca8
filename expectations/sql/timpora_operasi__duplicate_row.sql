-- Row rule duplicate_row of the timpora_operasi suite: exact copies of an
-- earlier row of the same file (every staged column alike); the first copy
-- stays.
-- The quality gate's GX run reads it over the waiting batches ({batch}).
SELECT batch_id, row_number
  FROM (SELECT batch_id, row_number,
               row_number() OVER (PARTITION BY batch_id, order_number, visit_date, regency_code,
                                  district_name, site_name, nib, site_kind,
                                  foreigners_checked, findings_no_permit,
                                  findings_permit_mismatch, findings_overstay, actions_on_spot
                                  ORDER BY row_number) AS copy
          FROM {batch}) AS c
 WHERE c.copy > 1
