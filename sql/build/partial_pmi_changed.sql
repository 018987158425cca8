-- Whether a PMI batch is among the period's changed batches (pt_batch,
-- build/partial_reach.sql): then build/partial_pmi_reach.sql looks for the PMI
-- regencies reached (pantau.build.partial). Parameters: pmi_sources.
SELECT EXISTS (SELECT 1 FROM pt_batch JOIN audit.batch USING (batch_id)
                WHERE source = ANY(%(pmi_sources)s))
