-- Row rule issue_not_before_application of the imigrasi_paspor suite: a
-- passport issued before its application was made.
-- The quality gate's GX run reads it over the waiting batches ({batch}).
SELECT batch_id, row_number, issue_date || ' < ' || application_date AS observed_value
  FROM {batch}
 WHERE issue_date < application_date
