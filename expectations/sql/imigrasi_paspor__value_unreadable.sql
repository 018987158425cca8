-- Row rule value_unreadable of the imigrasi_paspor suite: the values the ingest
-- could not read, as it noted them in audit.parse_problem. A region or country
-- that maps to none is not counted here: region_mapped (a valid NIK still gives
-- the origin) and country_mapped judge those.
-- The quality gate's GX run reads it over the waiting batches ({batch}).
SELECT batch_id, row_number, p.column_name, coalesce(p.detail, p.problem) AS observed_value
  FROM {batch}
  JOIN audit.parse_problem AS p USING (batch_id, row_number)
 WHERE p.problem NOT IN ('unknown_region', 'ambiguous_region', 'unknown_country')
