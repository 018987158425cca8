-- Row rule country_mapped of the imigrasi_paspor suite: a NEGARA_TUJUAN that is
-- no known country (ISO 3166); an empty one is allowed, as the export leaves it
-- empty for applications that name no destination.
-- The quality gate's GX run reads it over the waiting batches ({batch}).
SELECT batch_id, row_number, p.column_name, p.detail AS observed_value
  FROM {batch}
  JOIN audit.parse_problem AS p USING (batch_id, row_number)
 WHERE p.problem = 'unknown_country'
