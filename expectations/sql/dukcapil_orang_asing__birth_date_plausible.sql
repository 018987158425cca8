-- Row rule birth_date_plausible of the dukcapil_orang_asing suite: a birth date
-- before 1900 or after the document was issued (issue_date).
-- The quality gate's GX run reads it over the waiting batches ({batch}).
SELECT batch_id, row_number
  FROM {batch}
 WHERE birth_date < DATE '1900-01-01' OR birth_date > issue_date
