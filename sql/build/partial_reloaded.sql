-- Which of the batches about to be loaded were loaded before (a quarantine
-- decision came since): build/partial_capture.sql keeps their rows before the
-- load drops them (pantau.build.partial). Parameters: batch_ids.
SELECT batch_id FROM audit.batch
 WHERE batch_id = ANY(%(batch_ids)s) AND core_loaded_at IS NOT NULL
 ORDER BY batch_id
