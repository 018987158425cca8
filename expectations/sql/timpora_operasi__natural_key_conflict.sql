-- Row rule natural_key_conflict of the timpora_operasi suite: every row of a
-- site (its NIB, else its name) visited under one operation order that
-- appears in one file with different contents (exact copies are
-- duplicate_row's). Whole rows are compared only for keys that repeat.
-- The quality gate's GX run reads it over the waiting batches ({batch}).
SELECT batch_id, row_number, 'NOMOR_SPRIN' AS column_name
  FROM {batch}
 WHERE (batch_id, order_number, coalesce(nib, site_name)) IN (
        SELECT batch_id, order_number, site
          FROM (SELECT DISTINCT batch_id, order_number, coalesce(nib, site_name) AS site,
                       visit_date, regency_code, district_name, site_name, site_kind,
                       foreigners_checked, findings_no_permit, findings_permit_mismatch,
                       findings_overstay, actions_on_spot
                  FROM {batch}
                 WHERE (batch_id, order_number, coalesce(nib, site_name)) IN (
                        SELECT batch_id, order_number, coalesce(nib, site_name)
                          FROM {batch}
                         GROUP BY batch_id, order_number, coalesce(nib, site_name)
                        HAVING count(*) > 1)) AS d
         GROUP BY batch_id, order_number, site
        HAVING count(*) > 1)
