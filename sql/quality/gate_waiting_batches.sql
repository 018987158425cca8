-- The batches of one source waiting for the quality gate (status loaded; only
-- those of only_batch_ids unless it is null), with their row counts, locked
-- for this gate run: a second run skips them instead of validating them twice.
-- Run by quality/gate.py before validating. Parameters: source, only_batch_ids.
SELECT batch_id, coalesce(row_count, 0) FROM audit.batch
 WHERE source = %(source)s AND status = 'loaded'
   AND (%(only_batch_ids)s::bigint[] IS NULL OR batch_id = ANY(%(only_batch_ids)s))
 ORDER BY batch_id FOR UPDATE SKIP LOCKED
