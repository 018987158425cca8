-- The batches the period's last build used, kept before build/select_batches.sql
-- chooses again (pantau.build.partial): build/partial_reach.sql compares them
-- with the new choice. Parameters: period.
CREATE TEMP TABLE pt_prior_batch ON COMMIT DROP AS
SELECT batch_id, source FROM core.period_batch WHERE period = %(period)s;
