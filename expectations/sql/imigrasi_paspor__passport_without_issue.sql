-- Row rule passport_without_issue of the imigrasi_paspor suite: a passport
-- number or issue date on an application whose status is not TERBIT: a passport
-- issued without a decision.
-- The quality gate's GX run reads it over the waiting batches ({batch}).
SELECT batch_id, row_number
  FROM {batch}
 WHERE status IS DISTINCT FROM 'TERBIT'
   AND (passport_number IS NOT NULL OR issue_date IS NOT NULL)
