-- Whether a PMI batch is among the period's changed batches (pt_batch,
-- build/partial_reach.sql): then build/partial_pmi_reach.sql looks for the PMI
-- regencies reached (pantau.build.partial). Parameters: pmi_sources.
SELECT count(*) > 0
  FROM audit.batch
 WHERE source = ANY(%(pmi_sources)s) AND batch_id IN (SELECT batch_id FROM pt_batch)
