-- Row rule validity_not_before_issue of the dukcapil_orang_asing suite: a
-- document valid until a day before it was issued.
-- The quality gate's GX run reads it over the waiting batches ({batch}).
SELECT batch_id, row_number, valid_until || ' < ' || issue_date AS observed_value
  FROM {batch}
 WHERE valid_until < issue_date
