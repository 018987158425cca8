-- The batches of a gate run that were not rejected go on: validated.
-- Run by quality/gate.py after the rejections. Parameters: batch_ids, run_id.
UPDATE audit.batch SET status = 'validated', validated_at = now(), validation_run_id = %(run_id)s
 WHERE batch_id = ANY(%(batch_ids)s::bigint[]) AND status = 'loaded'
